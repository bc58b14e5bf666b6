"""Company names, issue 11 class 11 (round two, 1.31): a company query of generic words only
("THE ENERGY COMPANY", "AL LOGISTICS TRUST": generic words, an article, a legal form) is no
name, and alerts only on a listed name whose every word it agrees with closely; a Roman
numeral before a legal form is the number ("NORD STREAM II AG" / NORD STREAM 2 AG)."""

from __future__ import annotations

import pytest

from tests.matching.factory import company_alerts


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("THE ENERGY COMPANY", "JSC ENERGIES"),  # 1.30: 0.796
        ("ENERGY COMPANY", "JOINT STOCK COMPANY ENERGIYA"),  # 1.30: 0.805
        ("AL LOGISTICS TRUST", "TRUST LOGISTICS LLC"),  # 1.30: 0.87, "allogistics"~logistics
        ("LOGISTICS GROUP", "TRUST LOGISTICS GROUP LLC"),  # 1.30: 0.77, a listed word left
        ("The Trading Company", "GENERAL TRADING COMPANY LIMITED"),
    ],
)
def test_generic_company_is_no_name(query: str, listed: str) -> None:
    assert listed not in company_alerts([listed], query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("TRUST LOGISTICS LLC", "TRUST LOGISTICS LLC"),
        ("The Energy Co.", "ENERGY COMPANY"),
        ("Logistics Trust Ltd", "LOGISTICS TRUST LIMITED"),
        ("Energiya JSC", "JOINT STOCK COMPANY ENERGIYA"),
        ("Energy Trading LLC", "ENERGY TRADING LIMITED LIABILITY COMPANY"),
    ],
)
def test_generic_company_that_is_the_listed_name_alerts(query: str, listed: str) -> None:
    assert listed in company_alerts([listed], query)
