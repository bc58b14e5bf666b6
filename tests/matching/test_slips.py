"""Typing slips in short names (matching round two, class 7): a misspelt legal form, two
swapped letters in a one-word name; and a near-miss on a word the lists hold is another name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clearance.matching.engine import Algorithm, Screener
from clearance.matching.formslips import misspelt_form
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams, TrustParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

LISTED = [
    e("organization", "UMATEX JOINT-STOCK COMPANY", source_id="umatex"),
    e("organization", "AL-AQSA ASBL", source_id="aqsa"),
    e("organization", "MAEI", source_id="maei"),
    e("organization", "SOLID LTD", source_id="solid"),
    e("organization", "DENISE COMPANY", source_id="denise"),
    e("person", "Denis PETROV", source_id="petrov"),
    e("organization", "GARNET", source_id="garnet"),
    e("person", "Ivan GRANET", source_id="granet"),
]


def _screener(algorithm: Algorithm | None = None) -> Screener:
    return Screener.build(LISTED, MatchingPolicy(screen_cache=0), algorithm=algorithm)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return _screener()


def _alerts(screener: Screener, text: str) -> set[str]:
    result = screener.screen(make_query(text, type="organization"), ScreenOptions(limit=5))
    return {m.source_id for m in result.matches if m.alert}


@pytest.mark.parametrize(
    ("word", "form"),
    [("sjc", "jsc"), ("pjs", "jsc"), ("sbl", "ngo"), ("bbvba", "llc"), ("gmb", "gmbh")],
)
def test_a_word_one_slip_from_a_legal_form_names_it(word: str, form: str) -> None:
    assert misspelt_form(word) == form


@pytest.mark.parametrize("word", ["tom", "ono", "sat", "alrosa", "jsc", "group", "12"])
def test_other_words_are_no_misspelt_form(word: str) -> None:
    # "tom" is one letter changed from "too" (a changed letter is not read as a slip)
    assert misspelt_form(word) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [("UMATEX SJC", "umatex"), ("PJS UMATEX", "umatex"), ("AL-AQSA SBL", "aqsa")],
)
def test_a_misspelt_legal_form_still_alerts(screener: Screener, query: str, expected: str) -> None:
    assert expected in _alerts(screener, query)


def test_a_misspelt_legal_form_reading_is_trusted_as_declared() -> None:
    # without the reading (trust 0) the misspelt form is a word the listed name lacks
    weak = _screener(Algorithm(trust=replace(TrustParams(), misspelt_form=0.0)))
    assert "umatex" not in _alerts(weak, "UMATEX SJC")
    assert "umatex" in _alerts(_screener(), "UMATEX SJC")


def test_an_unrelated_word_is_not_read_as_a_legal_form(screener: Screener) -> None:
    assert "umatex" not in _alerts(screener, "UMATEX SAT")


@pytest.mark.parametrize(("query", "expected"), [("MEAI", "maei"), ("SOLDI LTD", "solid")])
def test_two_swapped_letters_in_a_one_word_name_alert(
    screener: Screener, query: str, expected: str
) -> None:
    assert expected in _alerts(screener, query)
    plain = _screener(Algorithm(names=replace(NameParams(), slip_sim=0.0)))
    assert expected not in _alerts(plain, query)


def test_a_swap_into_a_listed_word_is_another_name(screener: Screener) -> None:
    # "Granet" is a listed word (a surname): GARNET is another name, not a slip of it
    assert "garnet" not in _alerts(screener, "GRANET")
    assert "garnet" in _alerts(screener, "GARNTE")  # unlisted word: a typing slip


def test_a_near_miss_on_a_listed_word_is_another_name(screener: Screener) -> None:
    # "Denis" is a name the lists hold: DENISE COMPANY is not "Denis S.A."
    assert "denise" not in _alerts(screener, "Denis S.A.")
    loose = _screener(Algorithm(names=replace(NameParams(), listed_word_miss=1.0)))
    assert "denise" in _alerts(loose, "Denis S.A.")


def test_a_longer_listed_name_is_supported_only_by_words_that_agree_closely() -> None:
    # "Anghel Florea" is two near-misses on two of GOMEZ FLORES, Luis Angel's four words: not
    # the same person; the two listed words given exactly still are (middle names left out).
    listed = [e("person", "GOMEZ FLORES, Luis Angel", source_id="gomez")]
    policy = MatchingPolicy(screen_cache=0)

    def alerts(algorithm: Algorithm, text: str) -> bool:
        screener = Screener.build(listed, policy, algorithm=algorithm)
        return screener.screen(make_query(text, type="person")).alert

    assert not alerts(Algorithm(), "Anghel Florea")
    assert alerts(Algorithm(), "Luis GOMEZ")
    loose = Algorithm(names=replace(NameParams(), supported_sim=0.8))
    assert alerts(loose, "Anghel Florea")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("MOHAMED Ale NKALUBO", "MOHAMED ALI NKALUBO"),
        ("NOVIKOV Ian Valentinovich", "NOVIKOV, Yan Valentinovich"),
    ],
)
def test_a_slip_in_the_one_short_word_left_over_still_alerts(query: str, listed: str) -> None:
    entities = [e("person", listed, source_id="listed")]
    policy = MatchingPolicy(screen_cache=0)
    screener = Screener.build(entities, policy)
    assert screener.screen(make_query(query, type="person")).alert
    strict = Screener.build(entities, policy, algorithm=Algorithm(
        names=replace(NameParams(), leftover_sim=1.0)))  # fmt: skip
    assert not strict.screen(make_query(query, type="person")).alert


def test_a_syllable_one_letter_off_in_a_korean_name_is_another_syllable() -> None:
    screener = Screener.build([e("person", "RI Yong Sun", source_id="ri")],
                              MatchingPolicy(screen_cache=0))  # fmt: skip
    assert not screener.screen(make_query("Ri Yong Su", type="person")).alert


def test_a_long_misspelt_form_word_is_corrected_where_it_is_read() -> None:
    assert misspelt_form("limted") is None  # (only abbreviations are looked up here)
    assert analyse("ALFA LIMTED")[0].forms == frozenset({"ltd"})
