"""Retrieval's lookups of a word's deletions (one set intersection per table) and a few
records' bounds in plain floats: the same keys, neighbours and floats as one lookup at a time
and numpy's float32 steps."""

from __future__ import annotations

import random

import numpy as np
import pytest

from clearance.matching.bounds import FormBound, bound_few, bound_near
from clearance.matching.engine import Screener
from clearance.matching.index import KIND_LATIN, NameIndex, deletions
from clearance.matching.memo import sim_rows
from clearance.matching.params import NameParams, RetrievalParams, WordParams
from clearance.matching.wordkeys import word_keys
from clearance.matching.wordsim import word_sim
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_LISTED = ("Ashot Mkrtychev", "Karimov Rustam", "Atif Hassan", "Moex Trading", "Mohammed Ali",
           "Verus Holding", "Defense Engineering", "Versor Company")  # fmt: skip


@pytest.fixture(scope="module")
def index() -> NameIndex:
    entities = [e("person" if i < 5 else "organization", name) for i, name in enumerate(_LISTED)]
    return Screener.build(entities, MatchingPolicy(screen_cache=0)).index


def test_neighbours_are_each_variants_keys_once_in_order(index: NameIndex) -> None:
    tables = index.key_tables
    reached = 0
    for word in ("mkrtchev", "karimof", "aitf", "verus", "versus", "engineerng", "zzzz"):
        variants = ["t:" + word] + ["t:" + d for d in deletions(word)]
        one_by_one: list[int] = []
        for variant in variants:
            one_by_one += index.neighbours(variant)
        found = tables.neighbours(variants)
        assert found == list(dict.fromkeys(one_by_one))
        reached += len(found)
    assert reached >= 5
    assert tables.neighbours(["t:qqqqq", "t:qqqq"]) == []


def test_a_query_word_one_letter_longer_reaches_the_listed_word(index: NameIndex) -> None:
    tables, words = index.key_tables, WordParams()
    listed = tables.key_id("t:karimov")
    assert listed >= 0 and tables.texts[listed] == "t:karimov"
    keys = word_keys(tables, "karimova", KIND_LATIN, RetrievalParams(), words)
    assert keys[listed] == word_sim(1, 8, sim_rows(words))  # one letter more
    keys = word_keys(tables, "karimovv", KIND_LATIN, RetrievalParams(), words)
    assert keys[listed] == words.doubled_sim  # a letter typed twice


def test_a_query_word_one_letter_shorter_reaches_the_listed_word(index: NameIndex) -> None:
    """A listed word of which the query word is a deletion is one edit away without an edit
    distance (see wordkeys._near): as the scorer rates it, a letter written once a double."""
    tables, words, params = index.key_tables, WordParams(), RetrievalParams()
    rows = sim_rows(words)
    karimov, hassan = tables.key_id("t:karimov"), tables.key_id("t:hassan")
    assert word_keys(tables, "karimv", KIND_LATIN, params, words)[karimov] == word_sim(1, 7, rows)
    assert word_keys(tables, "hasan", KIND_LATIN, params, words)[hassan] == max(
        word_sim(1, 6, rows), words.doubled_sim
    )
    # ... and one of the same length is one or two edits away, by its edit distance
    keys = word_keys(tables, "karimuv", KIND_LATIN, params, words)
    assert keys[karimov] == word_sim(1, 7, rows)
    assert word_keys(tables, "kraimov", KIND_LATIN, params, words)[karimov] == max(
        word_sim(1, 7, rows), words.swap_sim
    )


def test_plain_record_profile_holds_the_float32_weights(index: NameIndex) -> None:
    weight, person = index.record_profile
    plain_weight, plain_person = index.record_plain
    assert list(plain_weight) == weight.tolist()
    assert [bool(p) for p in plain_person] == person.tolist()


@pytest.mark.parametrize("person", [False, True])
def test_a_few_records_bound_as_numpy_bounds_them(index: NameIndex, person: bool) -> None:
    rng = random.Random(11)
    recs = list(range(len(index)))
    for pairable, total in ((1, 1.0), (2, 1.7), (3, 2.35), (5, 0.9)):
        matched = [rng.uniform(0.1, 3.0) for _ in recs]
        form = FormBound(0.3, total, 0.0, pairable, False, np.float32(0.92), person,
                         NameParams(), RetrievalParams())  # fmt: skip
        few = bound_few(index, recs, matched, form, 0.3)
        near = bound_near(index, np.array(recs, dtype=np.int64), np.array(matched), form, 0.3)
        assert few == near
        assert len(few) > 0
