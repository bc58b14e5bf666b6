"""The lookups of an index's most held words, worked out when a screener starts (h198,
``wordwarm``): the words many listed names hold, most held first; memoised as retrieval would
memoise them, with the same records and similarities; screening answers as without them."""

from __future__ import annotations

import numpy as np
import pytest

from clearance.matching import wordwarm
from clearance.matching.engine import Screener
from clearance.matching.index import KIND_LATIN, NameIndex
from clearance.matching.params import RetrievalParams, WordParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.retrieve import word_records
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_PEOPLE = ("Mohammed Ali Hassan", "Mohammed Karimov", "Mohammed Ali", "Mohammed Salem",
           "Ali Rustamov", "Hassan Nasrallah", "Ashot Mkrtychev")  # fmt: skip
_COMPANIES = ("Ali Trading Company", "Verus Trading Company", "Moex Trading")
_QUERIES = ("Mohamed Ali", "Mohammed Aly Hasan", "Muhammad Karimov", "Ali Trading Co",
            "Verus Tradng", "Ali Rustamof", "Mohammed", "Moex Trade")  # fmt: skip


_ENTITIES = [e("person", name) for name in _PEOPLE] + [
    e("organization", name) for name in _COMPANIES
]


def _build(least: int, monkeypatch: pytest.MonkeyPatch) -> Screener:
    monkeypatch.setattr(wordwarm, "WARM_RECORDS", least)
    return Screener.build(_ENTITIES, MatchingPolicy(screen_cache=0))


def _held(index: NameIndex, kind: int, word: str) -> int:
    prefix = {0: "t:", 1: "n:", 2: "s:"}[kind]
    return index.records_of(index.vocab[prefix + word])


def test_common_words_are_the_keys_most_records_hold_most_held_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = _build(10**9, monkeypatch).index
    found = wordwarm.common_words(index, 3)
    assert (KIND_LATIN, "mohammed") in found and (KIND_LATIN, "ali") in found
    assert (KIND_LATIN, "hassan") not in found  # (two names hold it)
    sizes = [_held(index, kind, word) for kind, word in found]
    assert min(sizes) >= 3 and sizes == sorted(sizes, reverse=True)
    every = {
        text for key_id, text in enumerate(index.key_tables.texts)
        if text[:2] in ("t:", "n:", "s:") and index.records_of(key_id) >= 3
    }  # fmt: skip
    assert {("t:", "n:", "s:")[kind] + word for kind, word in found} == every


def test_a_started_screener_holds_the_common_words_lookups_as_retrieval_makes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screener = _build(3, monkeypatch)
    index = screener.index
    algo = screener.algo
    words = wordwarm.common_words(index)
    assert words
    fresh = NameIndex.__new__(NameIndex)  # (the same tables, an empty memo)
    fresh.__dict__.update({k: v for k, v in index.__dict__.items() if k != "_word_hits"})
    for kind, word in words:
        found, hit = index.word_hits.get((kind, word))
        assert found, word
        made = word_records(fresh, word, kind, algo.retrieval, algo.words)
        assert (hit is None) == (made is None)
        if hit is not None and made is not None:
            assert np.array_equal(hit[0], made[0]) and np.array_equal(hit[1], made[1])
    # a short Latin word, as a person's and as a company's (memoised apart)
    assert index.word_hits.get((KIND_LATIN, "ali"))[0]
    assert index.word_hits.get((KIND_LATIN + 8, "ali"))[0]


def test_no_word_held_by_fewer_records_is_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    index = _build(10**9, monkeypatch).index
    cache = index.word_hits
    assert not cache.young and not cache.old
    made = wordwarm.warm_words(index, RetrievalParams(), WordParams(), 3)
    assert made == len(wordwarm.common_words(index, 3)) + 1  # (+1: "ali" as a company's)
    assert len(cache.young) == made


def test_screening_answers_the_same_warm_or_cold(monkeypatch: pytest.MonkeyPatch) -> None:
    warm, cold = _build(2, monkeypatch), _build(10**9, monkeypatch)
    assert len(warm.index.word_hits.young) > 5 and not cold.index.word_hits.young
    for name in _QUERIES:
        for schema in ("Person", "Organization"):
            query = make_query(name, type=schema)
            got = warm.screen(query, ScreenOptions(limit=10))
            want = cold.screen(query, ScreenOptions(limit=10))
            assert [(m.entity_id, m.score) for m in got.matches] == [
                (m.entity_id, m.score) for m in want.matches
            ]
            assert got.alert == want.alert
