"""Retrieval of a query with a repeated word ("Muhammad Muhammad Nasser"): each listed word pairs
once, so a name holding the word once is credited one copy of it, not each copy."""

from __future__ import annotations

from clearance.matching.engine import Screener, query_forms
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.retrieve import retrieve
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_SURNAMES = ("KHALIL", "YOUSEF", "HAMDAN", "QASIM", "SHARIF", "TAHIR", "ZAHIR", "FAWZI",
             "HAIDAR", "JABER", "MANSOUR", "RASHID", "SALIM", "WAHBI", "KARAM",
             "BAKRI")  # fmt: skip
_GIVEN = ("Omar", "Tariq", "Faisal")


def _screener() -> Screener:
    listed = [e("person", "NASSER, Muhammad", source_id="nasser"),
              e("person", "AHMAD, Muhammad Muhammad", source_id="twice")]  # fmt: skip
    # Many names holding the repeated word once, and nothing else of the query.
    listed += [e("person", f"{s}, Muhammad {g}", source_id=f"{s}-{g}")
               for s in _SURNAMES for g in _GIVEN]  # fmt: skip
    return Screener.build(listed, MatchingPolicy(screen_cache=0))


def _retrieved(screener: Screener, text: str) -> set[str]:
    index, algo = screener.index, screener.algo
    found = retrieve(index, query_forms(make_query(text), algo.trust), floor=algo.floor(0.7),
                     params=algo.names, retrieval=algo.retrieval, words=algo.words)  # fmt: skip
    return {index.ent_source_id[index.rec_entity[r]] for r in found}


def test_a_repeated_word_does_not_bring_every_name_holding_it_once() -> None:
    screener = _screener()
    once = _retrieved(screener, "Muhammad Nasser")
    twice = _retrieved(screener, "Muhammad Muhammad Nasser")
    assert "nasser" in once and "nasser" in twice
    assert len(twice) <= len(once) + 2  # (not the 48 names that hold "Muhammad" once)
    result = screener.screen(make_query("Muhammad Muhammad Nasser"), ScreenOptions())
    assert result.matches and result.matches[0].source_id == "nasser"
    # A name holding the word twice is credited both copies.
    assert "twice" in _retrieved(screener, "Muhammad Muhammad Ahmad")
    result = screener.screen(make_query("Muhammad Muhammad Ahmad"), ScreenOptions())
    assert result.alert and result.matches[0].source_id == "twice"


def test_a_repeated_word_in_arabic_script_is_bounded_alike() -> None:
    screener = _screener()
    once = _retrieved(screener, "محمد ناصر")
    twice = _retrieved(screener, "محمد محمد ناصر")
    assert "nasser" in once
    assert len(twice) <= len(once) + 2
    # (NASSER, Muhammad scores under the floor for the doubled query: "nasir~nasser" 0.76,
    # one "muhammad" unpaired; nothing alerts, with or without the bound's change)
    assert not screener.screen(make_query("محمد محمد ناصر"), ScreenOptions()).alert
