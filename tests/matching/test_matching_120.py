"""Matching 1.20: false alerts of one-word organisations read from Arabic script (issue 11,
by cause) — a near-miss on the one distinctive word of each name that writes other
consonants is another name, however a romanisation may spell them ("السادة", alsadt, is no
القاعدة, alqadt; "پاكسان" no PARSHAN); a Latin query keeps its typing slips."""

from __future__ import annotations

import pytest

from clearance.matching.slips import other_consonants
from tests.matching.factory import listed_alerts

_OTHERS = ["BANK MELLAT", "KASHAN", "HAMAS"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "organization")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("السادة LLC", "القاعدة"),  # alsadt / alqadt: a sin where the listed name has a qaf
        ("ويتانا", "VIANA"),  # a t VIANA has not
        ("پاكسان", "PARSHAN"),  # a k where PARSHAN has an r
        ("فيانا", "FIANGA"),  # no g
    ],
)
def test_a_one_word_company_read_from_arabic_script_with_other_consonants_does_not_alert(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("پارتیزان", "PARTIZAN"),  # partyzan: the same consonants
        ("پارشان", "PARSHAN"),
        ("الياف", "ALIAF"),  # alyaf: a y for an i
        ("الخالدي Inc", "AL KHALDI COMPANY LLC"),
        ("Partisan", "PARTIZAN"),  # a Latin query: a letter changed still alerts
        ("Parsan", "PARSHAN"),  # ... a near-miss typed in Latin letters as before (1.22:
        # one edit; "Paksan", two, is another word: test_false_alerts_122)
    ],
)
def test_a_one_word_company_with_its_consonants_or_typed_still_alerts(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed", "other"),
    [
        ("alsadt", "alqadt", True),
        ("wytana", "viana", True),
        ("paksan", "parshan", True),
        ("paryzan", "partizan", False),  # t, z: one class (d, s, th, dh, sh too)
        ("jmal", "gamal", False),  # j, g, q, k: one class
        ("whyd", "vahid", False),  # w, v, h, y: no consonant here
        ("alqadt", "qaida", False),  # the article and a last t (a ta marbuta) aside
        ("rmdan", "ramazan", False),
        ("خالد", "khalid", False),  # not in Latin letters: not compared
    ],
)
def test_other_consonants(query: str, listed: str, other: bool) -> None:
    assert other_consonants(query, listed) is other
