"""Matching 1.18: class c9 again (a listed Latin name queried in Arabic script) — an abd al-
compound's second word spelt another way than the name-word table's ("عبدالرزاك", "عبد
المنجي") is checked for its long vowels against the listed compound's second word."""

from __future__ import annotations

import pytest

from clearance.matching.spelled import readings
from clearance.matching.vowels import long_vowels_agree
from tests.matching.factory import listed_alerts

_OTHERS = ["Abdul Rahman SALIM", "Nasser HAMDAN", "Yusuf KARIMI"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("إسماعيل عبدالرزاك", "FITWI, Ismail Abd al-Razzak"),  # ك for ق, glued
        ("حاج عبدالبسير", "BASIR, Haji Abdul"),  # listed as BASIR ... Abdul
        ("عبدالمونيم احمد صالح", "SALIH, Abd al-Munim Ahmad"),  # a written waw
        ("محمد هيثم عبدالسماد", "'ABD-AL-SAMAD, Muhammad Haytham"),  # س for ص
        ("عادل محمد محمود عبدالخليق", "ABD AL-KHALIQ, Adil Muhammad Mahmud"),
        ("أسامة عبد المنجي بكر", "BAKR, Osama Abdelmongy"),  # not glued, ج as g
        ("وائل حمزة عبد الفته", "Wa'el Hamza Abd Al-Fatah"),  # ته for تاح
    ],
)
def test_an_abd_al_compound_spelt_another_way_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("إسماعيل عبدالرزيك", "FITWI, Ismail Abd al-Razzak"),  # a written ya: no RAZZAK
        ("عبدالمانيم احمد صالح", "SALIH, Abd al-Munim Ahmad"),  # a written alif: no MUNIM
    ],
)
def test_its_long_vowels_must_still_stand_in_the_listed_word(query: str, listed: str) -> None:
    assert alerted([listed], query) == set()


def test_readings_check_the_second_word_of_the_compound() -> None:
    assert readings(("عبدالرزاك",))[1] == ("رزاك",)
    assert readings(("عبد", "المنجي"))[1] == ("منجي",)
    assert readings(("الحثي",))[1] == ("الحثي",)  # an article not after عبد stays


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("وفاء نجار", "NAJJAR, Wafa'"),  # no word the table reads: their long vowels speak
        ("جهاد يغمور", "YAGHMOUR, Jihad Muhammad Shaker"),
    ],
)
def test_a_person_with_no_table_word_alerts_on_long_vowels_that_stand(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("وفاء السادة", "AL-SAUDI, Abu Wafa"),  # ta marbuta: -a, -ah, -at, not a nisba's -i
        ("آوا شمشیری", "Ali SHAMSHIRI"),  # آوا has no consonant to place its vowels
        ("وفاء نجور", "NAJJAR, Wafa'"),  # a written waw where NAJJAR has an a
    ],
)
def test_without_a_table_word_every_word_must_place_its_vowels(query: str, listed: str) -> None:
    assert alerted([listed], query) == set()


def test_an_organisation_with_no_table_word_is_not_lifted() -> None:
    listed = "KURDISTAN CEMENT"
    assert listed_alerts([listed, *_OTHERS], "سیمان کردستان", "organization") == set()


def test_a_divine_name_without_consonants_is_checked_as_written() -> None:
    # "حي" has no skeleton (its ح is the final h a skeleton drops): no vowels to place; since
    # abd_hayy (test_arabic_126) the compound's second word, which lifts a name only beside a
    # listed word with no skeleton either (Hai)
    assert readings(("عبد", "الحي"))[1] == ("حي",)
    assert alerted(["JAFAR, Amir Abdulaziz"], "عبد الحي جعفر") == set()


def test_a_listed_last_vowel_is_written_in_arabic_script() -> None:
    # "معروف" ends in a consonant: no MAYOROVA, whose final a an Arabic writer would write
    assert not long_vowels_agree("معروف", ("yulia", "maiorova"))
    assert long_vowels_agree("معروف", ("maruf",))
    assert long_vowels_agree("ياسين", ("yassine",))  # (a silent e is no vowel an Arab writes)
