"""Class 7 of matching round two: short names and codes with a letter typed twice."""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def test_a_short_code_with_a_letter_typed_twice_alerts() -> None:
    listed = [e("organization", "AMIF", source_id="amif"), e("organization", "PLANAR JSC",
              source_id="planar")]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    for query, expected in (("AMIIF", "amif"), ("JSCC PLANAR", "planar")):
        result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=3))
        assert result.alert and result.matches[0].source_id == expected, query


def _top(screener: Screener, query: str, kind: str = "organization") -> tuple[str, bool]:
    result = screener.screen(make_query(query, type=kind), ScreenOptions(limit=3))
    first = result.matches[0] if result.matches else None
    return (first.source_id, first.alert) if first else ("", False)


def test_a_slip_in_a_three_letter_code_alerts() -> None:
    """Two letters swapped (the first two included) or one dropped in a short name the lists
    lack is a typing slip: found at retrieval and scored as the one distinctive word's slip."""
    listed = [e("organization", "PAO TMK", source_id="tmk"),
              e("organization", "CJSC ZEST", source_id="zest"),
              e("organization", "ABU TIRA", source_id="tira"),
              e("organization", "OOO KEK", source_id="kek"),
              e("organization", "FDLR", source_id="fdlr")]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    for query, expected in (("PAO MTK", "tmk"), ("CJSC ZET", "zest"), ("ABU TRA", "tira"),
                            ("OOO EKK", "kek"), ("FDRL", "fdlr")):  # fmt: skip
        assert _top(screener, query) == (expected, True), query


def test_a_code_spelt_like_an_arabic_skeleton_is_still_a_slip() -> None:
    """A code is all consonants, like the skeleton of an Arabic-script name ("فاضرال", read
    "fadral", has the skeleton "fdrl"): a skeleton is no listed word that makes "FDRL" a name."""
    listed = [e("organization", "FDLR", source_id="fdlr"),
              e("person", "فاضرال", source_id="fadral")]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    assert _top(screener, "FDRL") == ("fdlr", True)


def test_a_slip_on_a_listed_word_or_a_changed_letter_is_another_name() -> None:
    listed = [e("organization", "PAO TMK", source_id="tmk"),
              e("organization", "TIVA GROUP", source_id="tiva"),
              e("organization", "TIA INDUSTRIES", source_id="tia")]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    assert not _top(screener, "PAO TMR")[1]  # one letter changed
    result = screener.screen(make_query("TIA GROUP", type="organization"))
    assert "tiva" not in {m.source_id for m in result.matches if m.alert}  # "TIA" is listed


def test_a_letter_dropped_from_a_longer_word_or_a_skeleton_is_no_slip() -> None:
    """A letter added or dropped is a slip in a three-letter word; "Sena" for SENAT is a
    near-miss as it is, and a consonant skeleton ("jrmt" of عجرمة) one letter from the
    acronym JMT is another name."""
    listed = [e("organization", "SENAT SHIPPING LIMITED", source_id="senat"),
              e("organization", "JMT", source_id="jmt")]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    assert not _top(screener, "sena Ltd")[1]
    assert not _top(screener, "عجرمة (العجارمة) Ltd")[1]
