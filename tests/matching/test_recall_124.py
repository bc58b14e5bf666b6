"""Matching round two, class 7 on fresh seeds: a slip in a short code that lands on a code
the lists hold by chance.

Half of all two-letter codes are held somewhere in the lists, as initials and abbreviations
inside longer names ("VB MANAGEMENT EOOD", "SK GUDZON"): holding one says little of what a
query meant, so a letter dropped from a listed three-letter code ("VB BANK" / VTB BANK) is a
typing slip as it is for a code the lists lack. A held word of three letters or more, and a
particle, stay names of their own ("TIA GROUP" is not TIVA GROUP, "DE SOL" not DEV SOL).
"""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.release import ALGORITHM_RELEASE
from clearance.matching.slips import code_slip_words, held_by_chance
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

# Listed names that hold the two-letter codes of the queries below, inside longer names.
_HOLDERS = ("VB MANAGEMENT EOOD", "VB-SERVICE LTD", "AO SKB VT", "SK GUDZON, OOO", "TM TECH LLC",
            "DE SOL TOURS")  # fmt: skip


def test_release() -> None:
    """The rules of this round (this file, test_false_alerts_124.py, test_arabic_124.py) came
    with 1.24 (and stay in later releases)."""
    assert tuple(map(int, ALGORITHM_RELEASE.split("."))) >= (1, 24)


def _alerted(listed: tuple[str, ...], query: str) -> set[str]:
    entities = [e("organization", name, source_id=str(i)) for i, name in enumerate(listed)]
    screener = Screener.build(entities, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return {listed[int(m.source_id)] for m in result.matches if m.alert}


@pytest.mark.parametrize(
    ("query", "listed"),
    [("VB BANK", "VTB BANK"), ("VT BANK", "VTB BANK"), ("SK ZAO", "SKB ZAO"),
     ("TM LTD.", "TMG LTD."), ("PJSC SK", "PJSC OSK")],
)  # fmt: skip
def test_a_letter_dropped_from_a_code_onto_a_held_two_letter_code_alerts(
    query: str, listed: str
) -> None:
    """The slip alerts beside the generic words and legal forms of the listed name, and when
    the code is all that is left of the query ("SK ZAO": no bound may prune it first)."""
    assert listed in _alerted((listed, *_HOLDERS), query)


def test_only_a_held_two_letter_code_is_read_as_held_by_chance() -> None:
    """A held word of three letters, a held particle, a changed letter and a swap stay what
    they were: another name ("TIA GROUP" is not TIVA GROUP, "DE SOL" not DEV SOL, "VC BANK"
    not VTB BANK)."""
    names = ("VTB BANK", "TIVA GROUP", "TIA TRADING", "DEV SOL", "KT BANK", *_HOLDERS)
    assert _alerted(names, "VB BANK") == {"VTB BANK"}
    assert "TIVA GROUP" not in _alerted(names, "TIA GROUP")
    assert "DEV SOL" not in _alerted(names, "DE SOL")
    assert "VTB BANK" not in _alerted(names, "VC BANK")
    assert not held_by_chance("tk", "kt") and not held_by_chance("tia", "tiva")
    assert held_by_chance("vb", "vtb")


def test_a_held_two_letter_code_alone_may_pair_as_a_slip() -> None:
    """The query words the code-slip pairing may pair (which keep a score bound from pruning
    the name) include a held two-letter code alone, not a held particle."""
    params = Screener.build([e("organization", "X")], MatchingPolicy()).algo.names
    listed = {"sk", "de", "tia"}
    assert code_slip_words(("sk",), listed, params) == ["sk"]
    assert code_slip_words(("de",), listed, params) == []
    assert code_slip_words(("tia",), listed, params) == []
