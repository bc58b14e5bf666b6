"""Names a payment field cut off (issue 11, bench_wild w-truncated, h170): a query as long as a
field (35 characters, a SWIFT MT name line; 70, 105, 140) that ends inside a word and whose
words pair in order with a listed organisation's first words is not charged for the listed
words past the cut (``clearance.matching.fieldtail``); a prefix of legal-form and generic words
still names nothing, and a query of another length is scored as before."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.fieldtail import field_cut
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, BACKGROUND_PEOPLE, e
from tests.matching.test_company_132 import _background

_LONG = (
    "JOINT STOCK COMPANY OBNINSK RESEARCH AND PRODUCTION ENTERPRISE TECHNOLOGIYA NAMED AFTER "
    "A G ROMASHIN"
)
_ZAP = "OPERATING ORGANIZATION OF ZAPORIZHZHIA NUCLEAR POWER PLANT"
_PLANT = "JOINT STOCK COMPANY VLADIMIR PRODUCTION AMALGAMATION TOCHMASH"
_GENERIC = (
    "JOINT STOCK COMPANY SCIENTIFIC RESEARCH INSTITUTE GIRICOND",
    "JOINT STOCK COMPANY SCIENTIFIC RESEARCH INSTITUTE PLATAN WITH PLANT",
    "JOINT STOCK COMPANY SCIENTIFIC RESEARCH INSTITUTE OF ELECTRONIC ENGINEERING",
)


def _screener(names: tuple[str, ...], common: tuple[str, ...] = ("SCIENTIFIC",)) -> Screener:
    """``names`` listed among unrelated people and companies and organisations that make
    ``common``'s words generic in listed organisation names (as they are in the lists)."""
    listed = [e("organization", n, source_id=f"L{i}") for i, n in enumerate(names)]
    others = [e("organization", n) for n in BACKGROUND_COMPANIES]
    others += [e("person", n) for n in BACKGROUND_PEOPLE]
    return Screener.build([*listed, *others, *_background(common)],
                          MatchingPolicy(screen_cache=0))  # fmt: skip


def _alerts(screener: Screener, query: str) -> set[str]:
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return {m.name for m in result.matches if m.alert and m.source_id.startswith("L")}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("JOINT STOCK COMPANY OBNINSK RESEARC", _LONG),
        ("OPERATING ORGANIZATION OF ZAPORIZHZ", _ZAP),
        ("JOINT STOCK COMPANY VLADIMIR PRODUC", _PLANT),
    ],
)
def test_a_name_cut_by_a_payment_field_alerts(query: str, listed: str) -> None:
    assert len(query) == 35
    assert listed in _alerts(_screener((listed, *_GENERIC)), query)


def test_a_name_cut_at_two_lines_alerts() -> None:
    listed = (
        "OPEN JOINT STOCK COMPANY KOLOMNA DIESEL LOCOMOTIVE AND MACHINE BUILDING PLANT OF THE "
        "RUSSIAN FEDERATION"
    )
    query = listed[:70]  # two SWIFT MT name lines: "... AND MACHINE BUILDIN"
    assert query[-1].isalpha() and listed[70].isalpha()
    assert listed in _alerts(_screener((listed,)), query)


def test_legal_form_and_generic_words_cut_alert_for_review() -> None:
    screener = _screener(_GENERIC)
    assert len("JOINT STOCK COMPANY SCIENTIFIC RESE") == 35
    # (1.35, h171: an exact cut of each listed name, generic words or not, is a review's worth;
    # capped at fieldtail.EXACT_CUT_SCORE: tests/matching/test_truncated_135.py)
    assert _alerts(screener, "JOINT STOCK COMPANY SCIENTIFIC RESE") == set(_GENERIC)


def test_a_query_of_another_length_is_scored_as_before() -> None:
    screener = _screener((_LONG,))
    # (34 characters: no field cut it; the listed words left over are charged as before)
    assert _alerts(screener, "JOINT STOCK COMPANY OBNINSK RESEAR ") == _alerts(
        screener, "JOINT STOCK COMPANY OBNINSK RESEAR"
    )
    assert _alerts(screener, "JOINT STOCK COMPANY OBNINSK RESEAR") == set()


def test_the_words_must_be_the_listed_names_first_words() -> None:
    listed = "PRODUCTION ENTERPRISE TECHNOLOGIYA OBNINSK RESEARCH INSTITUTE OF MATERIALS"
    query = "JOINT STOCK COMPANY OBNINSK RESEARC"
    assert _alerts(_screener((listed,)), query) == set()


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("JOINT STOCK COMPANY OBNINSK RESEARC", True),
        ("THE EUROPEAN TRADING COMPANY LIMITE", True),
        ("THE EUROPEAN TRADING COMPANY LTD CO", False),  # (a last word of two letters)
        ("EUROPEAN TRADING COMPANY LIMITED 1", False),  # (34 characters)
        ("THE NORTHERN EUROPEANS TRADING GMBH", False),  # (a legal form ends it)
        ("JOINT STOCK COMPANY RESEARC OBNINSK", False),  # (a listed word ends it)
        ("SOME NORTHERN EUROPEAN TRADING LTD.", False),
        ("ALPHA BETA GAMMA TRADING\nCOMPANY LI", False),  # (two lines)
    ],
)
def test_a_field_cut(text: str, cut: bool) -> None:
    assert field_cut(text, frozenset({"t:obninsk"})) is cut
