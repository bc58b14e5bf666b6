"""Scoring's shortcuts answer as the plain computations they stand in for: the run-together test
memoised per query name (:class:`~clearance.matching.pairing.Joins`) as :func:`joinable`, the
code-slip test memoised per listed word (:class:`~clearance.matching.slips.CodeSlips`) as
:func:`code_slip_possible`, and the word similarities of many pairs (far-apart pairs found with
numpy) as one pair at a time."""

from __future__ import annotations

import random

import pytest

from clearance.matching import wordsim
from clearance.matching.memo import sim_rows
from clearance.matching.pairing import Joins, joinable
from clearance.matching.params import NameParams, WordParams
from clearance.matching.slips import CodeSlips, code_slip_possible, code_slip_words

_WORDS = ("jong", "un", "jongun", "kim", "il", "sung", "abdul", "rahman", "abdulrahman",
          "al", "rashid", "alrashid", "mohammed", "muhammad", "bin", "laden", "binladen",
          "a", "b", "k", "s", "sa", "holding", "hold", "ing", "co", "company", "ltd", "ooo",
          "neft", "gaz", "neftegaz", "petro", "petrol", "ivan", "ivanov", "ova", "vich",
          "1", "12", "wei", "vei", "jo", "yo", "khalid", "halid", "zhang", "yang")  # fmt: skip


def test_joins_answer_as_joinable_for_every_name() -> None:
    rng = random.Random(11)
    words = WordParams()
    rows = sim_rows(words)
    answers = set()
    for _ in range(300):
        q = tuple(rng.sample(_WORDS, rng.randint(1, 4)))
        memo = Joins(q, words.merge_sim, rows)
        for _ in range(20):
            c = tuple(rng.sample(_WORDS, rng.randint(1, 5)))
            for person in (True, False):
                expected = joinable(q, c, person, words.merge_sim, rows)
                assert memo.joinable(c, person) is expected, (q, c, person)
                answers.add(expected)
    assert answers == {True, False}


def test_joins_find_run_together_words_both_ways() -> None:
    words = WordParams()
    memo = Joins(("kim", "jong", "un"), words.merge_sim, sim_rows(words))
    assert memo.joinable(("kim", "jongun"), person=True)  # two query words, one listed
    assert not memo.joinable(("kim", "jongil"), person=True)
    listed = Joins(("abdulrahman",), words.merge_sim, sim_rows(words))
    assert listed.joinable(("abdul", "rahman"), person=True)  # two listed words, one query


@pytest.mark.parametrize("dense", [False, True])
@pytest.mark.parametrize("initials", [False, True])
def test_many_pairs_give_the_rows_of_one_pair_at_a_time(
    dense: bool, initials: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(5)
    pool = [*_WORDS, *(w + w[::-1] for w in _WORDS), "محمد", "احمد", "علي", "عبد"]
    for _ in range(40):
        q = rng.sample(pool, rng.randint(2, 5))
        c = rng.sample(pool, rng.randint(60, len(pool)))
        monkeypatch.setattr(wordsim, "MASKED_PAIRS", 1)
        masked = wordsim._similarity(q, c, dense, initials, None, WordParams())
        monkeypatch.setattr(wordsim, "MASKED_PAIRS", 10**9)
        plain = wordsim._similarity(q, c, dense, initials, None, WordParams())
        assert masked == plain


def test_code_slips_answer_as_code_slip_possible() -> None:
    rng = random.Random(13)
    params = NameParams()
    codes = ("kb", "kgb", "mb", "m", "veb", "rf", "rrf", "tmk", "mtk", "ooo", "alfa", "bank")
    listed = {"kb", "bank", "de"}
    answers = set()
    for _ in range(300):
        q = tuple(rng.sample([*codes, *_WORDS], rng.randint(1, 4)))
        for typed in (True, False):
            q_short = code_slip_words(q, listed, params)
            memo = CodeSlips(q_short, listed, params, typed=typed)
            for _ in range(10):
                c = tuple(rng.sample([*codes, *_WORDS], rng.randint(1, 4)))
                expected = bool(q_short) and code_slip_possible(q_short, c, params, typed=typed)
                assert memo.possible(c) is expected, (q, c, typed)
                answers.add(expected)
    assert answers == {True, False}
