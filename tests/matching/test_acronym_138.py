"""An organisation's name written beside its acronym with a dash or a comma (issue 11, h192):
"KDT - KOREA DAIZIN TRADING CORP.", "BENEVOLENCE INTERNATIONAL FOUNDATION, BIF" meet the
listed name as "NAME (ACRONYM)" already did (``matching.acronyms``); a word after a comma that
the name cannot spell, and a person's name, are left as written."""

from __future__ import annotations

import pytest

from clearance.matching.acronyms import beside_acronym
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, BACKGROUND_PEOPLE, e

_COMPANIES = (
    "KOREA DAIZIN TRADING CORP.",
    "BENEVOLENCE INTERNATIONAL FOUNDATION",
    "FEDERAL SECURITY SERVICE",
    "AL ROWAD BANK FOR DEVELOPMENT & INVESTMENT",
    "INT LTD EOOD",
)
_PEOPLE = ("AL BAKR, Ahmed",)


@pytest.fixture(scope="module")
def screener() -> Screener:
    listed = [e("organization", name, source_id=f"L{i}") for i, name in enumerate(_COMPANIES)]
    listed += [e("person", name, source_id=f"P{i}") for i, name in enumerate(_PEOPLE)]
    others = [e("organization", n, source_id=f"other-{n}") for n in BACKGROUND_COMPANIES]
    others += [e("person", n, source_id=f"other-{n}") for n in BACKGROUND_PEOPLE]
    return Screener.build([*listed, *others], MatchingPolicy(screen_cache=0))


def _alerts(screener: Screener, query: str, schema: str = "organization") -> set[str]:
    result = screener.screen(make_query(query, type=schema), ScreenOptions(limit=10))
    return {m.name for m in result.matches if m.alert and m.source_id[:1] in "LP"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KDT - KOREA DAIZIN TRADING CORP.", "KOREA DAIZIN TRADING CORP."),
        ("KOREA DAIZIN TRADING CORP. - KDT", "KOREA DAIZIN TRADING CORP."),
        ("BENEVOLENCE INTERNATIONAL FOUNDATION, BIF", "BENEVOLENCE INTERNATIONAL FOUNDATION"),
        ("FSB \u2013 FEDERAL SECURITY SERVICE", "FEDERAL SECURITY SERVICE"),
        ("AL ROWAD BANK FOR DEVELOPMENT & INVESTMENT, RBDI",
         "AL ROWAD BANK FOR DEVELOPMENT & INVESTMENT"),
        ("RAS - RIYADH-AS-SALIHEEN", "RIYADH-AS-SALIHEEN"),
        ("INT LTD EOOD, ILE", "INT LTD EOOD"),
        ("AL BAKR, AHMED", None),  # (the name cannot spell it)
        ("ACME TRADING, LLC", None),
        ("RAHAB, RI", None),  # (one word: no name beside an acronym)
        ("Verus LLC, Moscow", None),
        ("ACME TRADING (AT)", None),  # (a part already: queryparts)
    ],
)  # fmt: skip
def test_beside_acronym(text: str, name: str | None) -> None:
    assert beside_acronym(text) == name


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("KDT - KOREA DAIZIN TRADING CORP.", "KOREA DAIZIN TRADING CORP."),
        ("KOREA DAIZIN TRADING CORP. - KDT", "KOREA DAIZIN TRADING CORP."),
        ("BENEVOLENCE INTERNATIONAL FOUNDATION, BIF", "BENEVOLENCE INTERNATIONAL FOUNDATION"),
        ("FSB - FEDERAL SECURITY SERVICE", "FEDERAL SECURITY SERVICE"),
        ("AL ROWAD BANK FOR DEVELOPMENT & INVESTMENT, RBDI",
         "AL ROWAD BANK FOR DEVELOPMENT & INVESTMENT"),
        ("INT LTD EOOD, ILE", "INT LTD EOOD"),
    ],
)  # fmt: skip
def test_name_beside_its_acronym_alerts(screener: Screener, query: str, listed: str) -> None:
    assert listed in _alerts(screener, query)


@pytest.mark.parametrize(
    ("query", "schema"),
    [("AL BAKR, AMR", "person"), ("KOREA DAIZIN SHIPPING - KDS", "organization"),
     ("FEDERAL TAX SERVICE - FTS", "organization")],
)  # fmt: skip
def test_other_names_do_not_alert(screener: Screener, query: str, schema: str) -> None:
    assert not _alerts(screener, query, schema)
