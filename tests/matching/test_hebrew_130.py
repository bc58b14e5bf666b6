"""Hebrew script, round five (issue 11, class 6).

The guard's spellings of a Hebrew word are matched as nodes everywhere, also where a crowded
reading's names are kept (:func:`~clearance.matching.hebrew_vowels.agreeing_ids`): no regular
expression is compiled for a Hebrew query (~0.3 ms a word on a cold pass); the guard is its own
module (:mod:`clearance.matching.hebrew_vowels`).
"""

from __future__ import annotations

import re

import pytest

from clearance.matching.engine import Screener
from clearance.matching.hebrew_vowels import agreeing_ids, vowels_agree
from clearance.matching.index import KIND_SKELETON
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def _listed(*names: str) -> Screener:
    built = [e("person", name, source_id=name) for name in names]
    return Screener.build(built, MatchingPolicy(screen_cache=0))


def test_a_crowded_reading_compiles_no_regular_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    """:func:`agreeing_ids` keeps the names :func:`vowels_agree` keeps, with no ``re.compile``
    (words no test has met, so that no cache answers)."""
    screener = _listed("ZUBEIDI, Yaakov", "ZABADI, Yakub", "ZUBAYDI, Yaqub", "ZEBEDEE, Jacob")
    index = screener.index
    skeletal = [r for r in range(len(index.rec_kind)) if index.rec_kind[r] == KIND_SKELETON]
    words = ("יעקוב", "זובידי")
    expected = {r for r in skeletal if vowels_agree(words, index.rec_text[r])}

    def compile_(*args: object, **kwargs: object) -> re.Pattern[str]:
        raise AssertionError(f"re.compile{args}")

    monkeypatch.setattr(re, "compile", compile_)
    kept = agreeing_ids(index, words, skeletal)
    assert kept == expected
    assert {index.rec_text[r] for r in kept} == {"ZUBEIDI, Yaakov", "ZUBAYDI, Yaqub"}
