"""Matching 1.14: a listed Latin name queried in Arabic script (benchmark class c9) alerts when
what the query says of its vowels agrees with the listed spelling; consonants alone do not."""

from __future__ import annotations

import pytest

from clearance.matching.vowels import vowel_gaps
from tests.matching.factory import listed_alerts

_OTHERS = ["Abdul Rahman SALIM", "Nasser HAMDAN", "Yusuf KARIMI"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("وليد المولم", "AL-MOALLEM, Walid"),  # a table word and a word with a long vowel
        ("جهاد محمد قنسو", "QANSU, Jihad Muhammad"),
        ("محمد علي نكلوبو", "MOHAMED ALI NKALUBO"),
        ("محمد سعدو", "SA'DU, Muhammad"),  # the ayn is no consonant of the skeleton
        ("أبو محمد الجولنى", "AL-JAWLANI, Abu Muhammad"),
        ("احمد إمن علي", "Ahmad Iman ALI"),  # an initial alif carries any vowel
    ],
)
def test_an_arabic_script_query_whose_vowels_agree_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("اسما محمدی", "MEHMOOD, Osama"),  # محمدی is muhammadi, not Mehmood
        ("اسما محمدی", "MUHAMMAD, Sami"),  # ... nor Muhammad
        ("محمد خني", "AKHWAN, Muhammad"),  # khny: no vowel after the n of Akhwan
        ("محمد بويري", "BARA, Muhammad"),  # bwyry: waw and ya, not the a of Bara
        ("محمد مجتهدی", "MUJAHID, Mohammed"),  # skeletons one letter apart
        ("محمود بترفي", "BATARFI, Muhammad"),  # محمود is Mahmud, not Muhammad
    ],
)
def test_a_skeleton_agreement_alone_does_not_alert(query: str, listed: str) -> None:
    assert alerted([listed], query) == set()


def test_vowel_gaps_place_vowels_among_the_consonants() -> None:
    assert vowel_gaps("btrfy") == {(4, "y")}
    assert vowel_gaps("batarfi") == {(1, "a"), (2, "a"), (4, "i")}
    assert vowel_gaps("khny") == {(2, "y")}  # kh is one consonant
    assert vowel_gaps("hassan") == {(1, "a"), (2, "a")}  # a doubled consonant counts once
