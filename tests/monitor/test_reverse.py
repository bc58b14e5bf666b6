"""Reverse screening's candidates are a superset of what forward screening finds.

A generated book (with planted variants of listed names and a listed identifier under another
name) is screened forward, customer by customer, against an index of 600 real SDN entries: every
customer that screening returns any match for must be among the reverse candidates, at several
thresholds, and the stored index must give the same candidates as the built one.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from clearance.batch.columns import ColumnSpec
from clearance.db import Database
from clearance.matching.engine import ALGORITHM_VERSION, Algorithm, Screener
from clearance.matching.query import ScreenOptions
from clearance.matching.retrieve import word_records
from clearance.matching.weights import word_weight
from clearance.model import Entity, Name, Schema
from clearance.monitor import bookforms, formparts, reverse
from clearance.monitor.book import Book
from clearance.monitor.bookforms import BookForms
from clearance.monitor.customer import BookCustomer
from clearance.monitor.reverse import BookIndex, load_shard, save_shard
from clearance.settings import MatchingPolicy
from clearance.sources import read_path
from tests.monitor.books import generate, listed_names


@pytest.fixture(scope="module")
def listed(data_dir: Path) -> list[Entity]:
    return read_path(data_dir / "ofac" / "sdn_csv_2023-12-28").entities


@pytest.fixture(scope="module")
def delta(listed: list[Entity]) -> tuple[list[Entity], list[BookCustomer]]:
    entities = listed
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


def test_a_shard_analysed_by_another_algorithm_is_rebuilt(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Customer names are analysed by the matcher's query code: a shard stored by another
    algorithm version (whose analysis may differ) is not loaded, whatever its layout."""
    _, forms, _ = built
    monkeypatch.setattr(reverse, "FORMAT", f"{reverse.LAYOUT} 1.8+00000000")
    save_shard(forms, tmp_path / "shard-1-1", "1")
    monkeypatch.undo()
    assert ALGORITHM_VERSION in reverse.FORMAT
    assert load_shard(tmp_path / "shard-1-1", "1") is None


def test_import_shard_equals_one_built_from_the_book(built: Built, tmp_path: Path) -> None:
    """The shard an import analyses as it validates is the one built from the stored book, and
    a later import above an index that has not caught up is read back from the book."""
    screener, _, customers = built
    with (tmp_path / "book.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "type", "dob", "passport"])
        for c in customers:
            passport = c.identifiers[0][1] if c.identifiers else ""
            writer.writerow([c.id, c.name, c.type or "", c.dob or "", passport])
    db = Database(f"sqlite:///{tmp_path / 'book.db'}")
    db.upgrade()
    book = Book(db)
    spec = ColumnSpec(identifiers=(("passport", "passport"),))
    result = book.import_file(tmp_path / "book.csv", spec, index_forms=True)
    assert result.forms is not None
    assert len(result.forms.ids) == len(customers)  # every customer written, each once
    home = tmp_path / "home"
    index = BookIndex.refresh(book, home, imported=result)
    stored = BookForms.build([c for c, _ in book.iter_customers()])
    (shard,) = index.shards
    assert sorted(shard.ids) == sorted(stored.ids) and set(shard.words) == set(stored.words)
    for threshold in (0.5, 0.7):
        assert index.candidates(screener.index, threshold) == stored.candidates(
            screener.index, threshold
        )
    assert "by-id" in index.candidates(screener.index, 0.7)
    # A second import whose forms are not used, then a third: the index reads the second back.
    (tmp_path / "more.csv").write_text("id,name\nx1,Quite Another Name\n", encoding="utf-8")
    book.import_file(tmp_path / "more.csv")
    (tmp_path / "last.csv").write_text("id,name\nx2,Some Other Name\n", encoding="utf-8")
    last = book.import_file(tmp_path / "last.csv", index_forms=True)
    index = BookIndex.refresh(book, home, imported=last)
    assert len(index) == len(customers) + 2
    db.dispose()


@pytest.fixture(scope="module")
def snapshot_screener(listed: list[Entity], delta: tuple[list[Entity], list[BookCustomer]]
                      ) -> Screener:  # fmt: skip
    """A snapshot of 4,000 entities: the delta's 600 and 3,400 others."""
    picked, _ = delta
    ids = {e.id for e in picked}
    others = random.Random(4).sample([e for e in listed if e.id not in ids], 3400)
    return Screener.build(others + picked, MatchingPolicy(screen_cache=0))


@pytest.mark.parametrize("threshold", [0.5, 0.7])
def test_candidates_hold_every_customer_the_snapshot_matches_with_the_delta(
    delta: tuple[list[Entity], list[BookCustomer]], built: Built, snapshot_screener: Screener,
    threshold: float,
) -> None:  # fmt: skip
    """With the whole snapshot's index (which holds the delta's entities), the candidates hold
    every customer whose screening against the snapshot matches a delta entity (what the
    monitor screens them for), and fewer customers than the bound against the delta alone."""
    picked, _ = delta
    mini, forms, customers = built
    ids = {e.id for e in picked}
    found = forms.candidates(mini.index, threshold, full=snapshot_screener.index)
    options = ScreenOptions(limit=10**6, threshold=threshold)
    matched = {
        c.id
        for c in customers
        if any(m.entity_id in ids for m in snapshot_screener.screen(c.query(), options).matches)
    }
    assert matched <= found
    assert "by-id" in matched and len(matched) >= 200
    assert len(found) < len(forms.candidates(mini.index, threshold))


def test_screening_restricted_to_entities_returns_exactly_their_matches(
    delta: tuple[list[Entity], list[BookCustomer]], built: Built, snapshot_screener: Screener
) -> None:
    """``ScreenOptions.entities`` (what the monitor screens a delta's candidates with): the
    matches of the unrestricted screening with those entities, scores and all, and no others."""
    picked, _ = delta
    _, _, customers = built
    ids = frozenset(e.id for e in picked)
    whole = ScreenOptions(limit=10**6, threshold=0.7)
    only = ScreenOptions(limit=10**6, threshold=0.7, entities=ids)
    kept = 0
    for customer in customers[::3]:
        query = customer.query()
        expected = [m for m in snapshot_screener.screen(query, whole).matches if m.entity_id in ids]
        assert list(snapshot_screener.screen(query, only).matches) == expected
        kept += len(expected)
    assert kept >= 50


def test_bound_is_taken_name_by_name() -> None:
    """Each word of "Boris Petrenko" reaches a listed name, but not the same one: no listed
    name can collect the floor's share of the form, so the customer is no candidate (a bound
    summing each word's best reach over every name would take it), while the listed names
    themselves, written a little differently, are."""
    listed = [
        Entity("test", "1", Schema.PERSON, (Name("Boris Kowalczyk"),)),
        Entity("test", "2", Schema.PERSON, (Name("Dmitri Petrenko"),)),
    ]
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    customers = [
        BookCustomer("mixed", "Boris Petrenko", "person"),
        BookCustomer("near", "Dmitry Petrenko", "person"),
        BookCustomer("same", "Boris Kowalczyk", "person"),
    ]
    forms = BookForms.build(customers)
    options = ScreenOptions(limit=10**6, threshold=0.7)
    assert not screener.screen(customers[0].query(), options).matches
    for threshold in (0.7, 0.85):  # (at 0.5 one word alone reaches the floor of 0.4)
        assert forms.candidates(screener.index, threshold) == {"near", "same"}


@pytest.mark.parametrize(
    ("listed", "schema", "book", "word"),
    [
        ("Igor SECHIN", Schema.PERSON, "Ihar SECHIN", "ihar"),
        ("William HARTWELL", Schema.PERSON, "Bill HARTWELL", "bill"),
        ("ZAVOD KRASNYY OKTYABR", Schema.ORGANIZATION, "KRASNYY OKTYABR PLANT", "plant"),
    ],
)
def test_a_word_reaches_its_listed_form_through_its_probes(
    listed: str, schema: Schema, book: str, word: str
) -> None:
    """Retrieval takes a book's "Ihar" (the Belarusian passport form of IGOR) to the listed Igor
    SECHIN (1.36, ``matching.nameforms``), "Bill" to WILLIAM (1.37, its nicknames) and "plant"
    to ZAVOD (1.37, ``russian_generic.translation_table``; all three through ``equivalents``
    since h189); the word's probes must hold those keys too, or the reverse index finds it
    reaching nothing (and its bound would not count it)."""
    entities = [Entity("test", "1", schema, (Name(listed),))]
    screener = Screener.build(entities, MatchingPolicy(screen_cache=0))
    kind = "person" if schema is Schema.PERSON else "organization"
    customers = [BookCustomer("form", book, kind)]
    assert screener.screen(customers[0].query(), ScreenOptions(limit=10, threshold=0.7)).matches
    forms = BookForms.build(customers)
    algo = Algorithm()
    pos = forms.words.index(word)
    kind_id = int(forms.word_kind[pos])
    assert word_records(screener.index, word, kind_id, algo.retrieval, algo.words) is not None
    assert forms.reached(screener.index, algo)[pos] >= 1


@pytest.mark.parametrize("workers", [1, 2])
def test_hits_in_locality_order_are_each_customers_own_in_input_order(
    built: Built, workers: int
) -> None:
    """Customers are screened by country and name (``locality_order``), in forked workers for a
    large set; the hits come back exactly as screening each customer in the given order gives
    them."""
    from clearance.monitor.run import _hits, locality_order, screen_customer

    screener, _forms, customers = built
    shuffled = random.Random(7).sample(customers, len(customers))
    order = locality_order(shuffled)
    assert sorted(order) == list(range(len(shuffled))) and order != list(range(len(shuffled)))
    expected = [
        (c.id, c.name, m.entity_id, m.score, m.features)
        for c in shuffled
        for m in screen_customer(screener, c, 0.7)
    ]
    got = [
        (cid, name, m.entity_id, m.score, m.features)
        for cid, name, m in _hits(screener, shuffled, 0.7, None, workers)
    ]
    assert len(expected) >= 100 and got == expected


def test_only_the_words_of_reached_forms_are_weighed(
    built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A delta's bound weighs the words of the forms it reaches, not the book's whole
    vocabulary (per run, that was a cost of the whole book); the candidates are the same."""
    screener, forms, _ = built
    expected = forms.candidates(screener.index, 0.7)
    weighed: list[str] = []

    def counting(word: str, params: Any) -> float:
        weighed.append(word)
        return word_weight(word, params)

    monkeypatch.setattr(bookforms, "word_weight", counting)
    assert forms.candidates(screener.index, 0.7) == expected
    reached = set(np.flatnonzero(forms.reached(screener.index, Algorithm()) >= 0).tolist())
    assert reached and {forms.words.index(w) for w in weighed} >= reached
    assert len(weighed) < len(forms.words)


def test_a_shard_of_the_former_layout_is_rebuilt(built: Built, tmp_path: Path) -> None:
    """A book index stored in the former layout (``forms-4``: one JSON file and one ``.npz``)
    is not read as a ``forms-5`` shard: it is rebuilt from the book, and then read in place."""
    _, forms, _ = built
    shard = tmp_path / "shard-1-1"
    shard.mkdir()
    (shard / "forms.json").write_bytes(b'{"ids": []}')
    (shard / "forms.npz").write_bytes(b"")
    (shard / reverse.KEY_FILE).write_text(f"forms-4 {ALGORITHM_VERSION} 1", encoding="utf-8")
    assert reverse.LAYOUT != "forms-4" and load_shard(shard, "1") is None
    save_shard(forms, shard, "1")
    assert not (shard / "forms.json").exists()
    loaded = load_shard(shard, "1")
    assert loaded is not None and isinstance(loaded.tok_word, np.memmap)
    assert list(loaded.ids) == list(forms.ids) and list(loaded.words) == list(forms.words)
    assert dict(loaded.identifiers) == dict(forms.identifiers)
    assert list(loaded.pair_sounds) == list(forms.pair_sounds)


def test_a_customer_written_as_a_listed_name_is_a_candidate() -> None:
    """A customer named exactly as a listed name that the word analysis cannot read ("S5-SAD":
    "sad" is read as a legal form; "T.E.G. LIMITED": single letters) is found forward by the
    exact-name table: the reverse candidates must hold it too (its name as written is kept
    with its identifiers), or a delta would miss what a full re-screen finds."""
    listed = [Entity(list="test", source_id=str(i), schema=Schema(kind), names=(Name(name),))
              for i, (kind, name) in enumerate([("aircraft", "S5-SAD"),
                                                ("organization", "T.E.G. LIMITED")])]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    customers = [BookCustomer("c1", "s5 sad", None), BookCustomer("c2", "T.E.G. Limited", None),
                 BookCustomer("c3", "Quite Different Name", None)]  # fmt: skip
    options = ScreenOptions(threshold=0.7)
    matched = {c.id for c in customers if screener.screen(c.query(), options).alert}
    assert matched == {"c1", "c2"}
    assert matched <= BookForms.build(customers).candidates(screener.index, 0.7)
    assert formparts.exact_probe("S5-SAD") == formparts.exact_probe("s5 sad") == "=s5 sad"
