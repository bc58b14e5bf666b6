"""Reverse screening's candidates are a superset of what forward screening finds.

A generated book (with planted variants of listed names and a listed identifier under another
name) is screened forward, customer by customer, against an index of 600 real SDN entries: every
customer that screening returns any match for must be among the reverse candidates, at several
thresholds, and the stored index must give the same candidates as the built one.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clearance.matching.engine import Algorithm, Screener
from clearance.matching.query import ScreenOptions
from clearance.matching.retrieve import word_records
from clearance.model import Entity
from clearance.monitor.bookforms import BookForms
from clearance.monitor.customer import BookCustomer
from clearance.monitor.reverse import load_shard, save_shard
from clearance.settings import MatchingPolicy
from clearance.sources import read_path
from tests.monitor.books import generate, listed_names


@pytest.fixture(scope="module")
def delta(data_dir: Path) -> tuple[list[Entity], list[BookCustomer]]:
    entities = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28").entities
    picked = random.Random(3).sample(entities, 600)
    rows = generate(3000, listed_names(picked), 300, seed=21)
    customers = [
        BookCustomer(r["id"], r["name"], r["type"] or None, r["dob"] or None) for r in rows
    ]
    with_id = next(e for e in picked if e.identifiers)
    customers.append(
        BookCustomer("by-id", "Quite Different Name", "organization",
                     identifiers=((None, with_id.identifiers[0].value),))
    )  # fmt: skip
    return picked, customers


Built = tuple[Screener, BookForms, list[BookCustomer]]


@pytest.fixture(scope="module")
def built(delta: tuple[list[Entity], list[BookCustomer]]) -> Built:
    entities, customers = delta
    return (
        Screener.build(entities, MatchingPolicy(screen_cache=0)),
        BookForms.build(customers),
        customers,
    )


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.85])
def test_candidates_hold_every_customer_screening_matches(built: Built, threshold: float) -> None:
    screener, forms, customers = built
    found = forms.candidates(screener.index, threshold)
    options = ScreenOptions(limit=10**6, threshold=threshold)
    matched = {c.id for c in customers if screener.screen(c.query(), options).matches}
    alerting = {c.id for c in customers if screener.screen(c.query(), options).alert}
    assert matched <= found
    assert "by-id" in matched and len(alerting) >= 100  # planted variants alert
    assert len(found) < len(customers) * 3 // 4  # and the bound does prune


def test_words_reach_only_through_their_probes(built: Built) -> None:
    """The hashed probes stand for retrieval's own lookup: every word it reaches a name with is
    found reached (so the bound never misses a word that reaches)."""
    screener, forms, _ = built
    algo = Algorithm()
    exact = [
        len(w) >= 2
        and word_records(screener.index, w, int(k), algo.retrieval, algo.words) is not None
        for w, k in zip(forms.words, forms.word_kind.tolist(), strict=True)
    ]
    assert (forms.reached(screener.index, algo) >= 0).tolist() == exact
    assert 50 < sum(exact) < len(exact)


def test_stored_shard_gives_the_same_candidates(built: Built, tmp_path: Path) -> None:
    screener, forms, customers = built
    save_shard(forms, tmp_path / "shard-1-1", "1")
    assert load_shard(tmp_path / "shard-1-1", "2") is None  # built from another book state
    loaded = load_shard(tmp_path / "shard-1-1", "1")
    assert loaded is not None and len(loaded) == len(customers)
    assert loaded.candidates(screener.index, 0.7) == forms.candidates(screener.index, 0.7)
