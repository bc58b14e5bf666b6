"""Cold-pass speed cuts that must not change an outcome (issue 11): each cheaper path agrees
with the general one, value for value."""

from __future__ import annotations

import random
from array import array
from string import ascii_lowercase

import numpy as np
import pytest

from clearance.matching import retrieve
from clearance.matching.bounds import SMALL_HITS
from clearance.matching.formslips import FORM_SLIP_MIN_LENGTH, _one_slip
from clearance.matching.keytables import KeyTables


def _tables(postings: list[list[int]]) -> KeyTables:
    offsets = array("q", [0])
    for posting in postings:
        offsets.append(offsets[-1] + len(posting))
    data = array("i", [rec for posting in postings for rec in posting])
    return KeyTables({}, {}, array("q", [0]), array("i"), [], (b"\0", 0, b"\0", 0),
                     (offsets, data), np.frombuffer(data, dtype=np.int32))  # fmt: skip


def _reference(postings: list[list[int]], keys: dict[int, float]) -> tuple[list[int], list[float]]:
    """Each record reached with the best similarity of the keys reaching it, by record."""
    best: dict[int, float] = {}
    for key, sim in keys.items():
        for rec in postings[key]:
            best[rec] = max(best.get(rec, -1.0), sim)
    recs = sorted(best)
    return recs, np.array([best[r] for r in recs], dtype=np.float32).tolist()


@pytest.mark.parametrize("seed", range(40))
def test_best_per_record_small_and_large_agree_with_the_plain_maximum(seed: int) -> None:
    rng = random.Random(seed)
    records = rng.choice([30, 300, 5000])  # few records: many reached by several keys
    postings = [sorted(rng.sample(range(records), rng.randint(1, min(records, 400))))
                for _ in range(12)]  # fmt: skip
    tables = _tables(postings)
    sims = [0.5, 0.75, 0.8, 0.9, 1.0]  # (equal similarities on several keys: ties)
    keys = {k: rng.choice(sims) for k in rng.sample(range(len(postings)), rng.randint(1, 6))}
    ids, vals = retrieve._best_per_record(tables, keys)
    recs, best = _reference(postings, keys)
    assert ids.dtype == np.int32 and vals.dtype == np.float32
    assert ids.tolist() == recs and vals.tolist() == best


def test_both_ways_are_tried_around_the_small_size() -> None:
    """The plain-Python way up to SMALL_HITS hits, numpy past it: the same answer both sides."""
    for hits in (SMALL_HITS - 1, SMALL_HITS, SMALL_HITS + 1, 3 * SMALL_HITS):
        first = list(range(0, hits, 2))
        second = list(range(1, 2 * (hits - len(first)), 2))[: hits - len(first)]
        postings = [first, second, first[::3]]
        keys = {0: 0.8, 1: 0.9, 2: 1.0}
        ids, vals = retrieve._best_per_record(_tables(postings), keys)
        recs, best = _reference(postings, keys)
        assert ids.tolist() == recs and vals.tolist() == best


def _one_slip_as_written(word: str) -> list[str]:
    """``formslips._one_slip`` as 1.23 wrote it (each insertion's halves cut per letter)."""
    size = len(word)
    out = [word[:i] + word[i + 1 :] for i in range(size)]
    out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(size - 1)
            if word[i] != word[i + 1]]  # fmt: skip
    out += [word[:i] + c + word[i:] for i in range(size + 1) for c in ascii_lowercase]
    return [w for w in dict.fromkeys(out) if len(w) >= FORM_SLIP_MIN_LENGTH]


@pytest.mark.parametrize(
    "word", ["llc", "sjc", "gmbh", "bvba", "aab", "ooo", "şti", "zz", "a", "", "sarl", "bbvba"]
)
def test_one_slip_spellings_are_the_same_in_the_same_order(word: str) -> None:
    assert _one_slip(word) == _one_slip_as_written(word)
