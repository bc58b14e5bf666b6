"""Matching 1.21: false alerts of names read from Arabic script (issue 11, by cause) — a
Latin-letter reading that writes a nisba ("mhmdy", "drghamy": Mohammadi, Darghami) is not the
listed name without it, as the Arabic-script name is not (1.15); and a name read from Arabic
script that names two words of a listed four ("محمد تهرانی" / ZARGAR TEHRANI, Mohammad
Ebrahim) is no longer scored as the listed name with its middle names dropped; a person's
name read letter by letter whose near-miss writes other consonants is another name ("shryf
anmar" / Ammar AL-SHARIF). Names typed in Latin letters keep their alerts ("Ali Rafsanjani",
"Mohamad Zargar Tehrani", "Sharif Anmar")."""

from __future__ import annotations

import pytest

from clearance.matching.compounds import read_from_arabic
from clearance.matching.pairing import half_left
from clearance.scripts import ARABIC, LATIN
from tests.matching.factory import listed_alerts

_OTHERS = ["Ali HASSAN", "Mohammad KARIMI", "SAQR, Omar"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("mhmd drghamy", "محمد علي درغام"),  # Darghami is not Dargham (ICU's reading)
        ("mhmdʿly drghamy", "محمد علي درغام"),  # ... every other word paired: 0.95 before
        ("ʿly mhmdy", "محمد علي درغام"),  # Mohammadi is not Mohammad
        ("yasyn ahmdy", "ياسين أحمد الجبين"),  # Ahmadi is not Ahmad
        ("syna shakry", "SAQR, Sinan"),
    ],
)
def test_a_nisba_read_letter_by_letter_is_not_the_listed_word_without_it(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("mhmd drgham", "محمد علي درغام"),  # no nisba: the name read as listed
        ("Ali Karimy", "KARIM Ali"),  # typed with its vowels: an -y may be a slip
        ("Barry Taylor", "TAYLOR, Barr"),  # typed: "Barry" is no nisba, "Taylor" writes an o
        ("yasyn ahmdy", "Yasin AHMADI"),  # the listed word writes the ending
        ("mhmd nwry", "محمد نوري"),
    ],
)
def test_a_name_without_a_read_nisba_still_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("محمد تهرانی", "ZARGAR TEHRANI, Mohammad Ebrahim"),  # two common words of four
        ("مهدی نوری", "MOHAMMAD MEHDI NEJAD NOURI"),
        ("محمد موسوی", "Seyed Mohammad Bagher MOUSSAVI"),
        ("mhmd hashmy", "سید محمد صالح هاشمی گلپایگانی"),  # ICU's reading: two of five
    ],
)
def test_a_name_read_from_arabic_script_naming_half_the_listed_words_does_not_alert(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Mohamad Zargar Tehrani", "ZARGAR TEHRANI, Mohammad Ebrahim"),  # three of four
        ("محمد بهرامی", "Mohammad-Kazem BAHRAMI"),  # two of three
        ("رضا نوری", "NURI, Hamid Reza"),
        ("Ali Rafsanjani", "Ali Akbar Hashemi RAFSANJANI"),  # typed: middle names dropped
        ("Adnan Al-Jabbar", "Adnan Salah Hassan AL-JABBAR"),  # typed with its vowels, a's
        ("جهاد يغمور", "YAGHMOUR, Jihad Muhammad Shaker"),  # the names after Jihad dropped
    ],
)
def test_more_of_the_listed_name_or_a_typed_name_still_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("shryf anmar", "Ammar AL-SHARIF"),  # anmar writes an n: Anmar is not Ammar
        ("mhmd shakry", "محمد باقری"),  # Shakeri is not Bagheri
        ("mtyn ʿbdalʿly", "عبدالحی مطمئن"),  # Matin is not Motmaen
    ],
)
def test_a_name_read_letter_by_letter_with_other_consonants_does_not_alert(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sharif Anmar", "Ammar AL-SHARIF"),  # typed: a letter changed may be a slip
        ("shryf ammar", "Ammar AL-SHARIF"),  # the same consonants, the vowels unwritten
        ("mhmd bqry", "محمد باقری"),
        ("M. HRYB", "HRYB, Mykola"),  # an initial: typed (Ukrainian y, no Arabic script)
    ],
)
def test_a_typed_name_or_one_with_the_same_consonants_still_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("script", "words", "read"),
    [
        (LATIN, ("mhmd", "thrany"), True),
        (LATIN, ("nwr", "aldyn", "trabyn"), True),
        (ARABIC, ("محمد", "تهراني"), True),
        (LATIN, ("muhammad", "tehrani"), False),  # short vowels written
        (LATIN, ("adnan", "aljabbar"), False),  # a vowel in every word
        (LATIN, ("m", "hryb"), False),  # an initial: the script writes none (M. HRYB)
    ],
)
def test_read_from_arabic(script: str, words: tuple[str, ...], read: bool) -> None:
    assert read_from_arabic(script, words) is read


@pytest.mark.parametrize(
    ("weights", "used", "pairs", "half"),
    [
        ((1.0, 1.0, 1.0, 1.0), (False, True, True, False), 2, True),  # two of four
        ((1.0, 1.0, 1.0, 1.0), (True, True, False, False), 2, False),  # in one run: dropped
        ((1.0, 1.0, 1.0), (True, True, False), 2, False),  # two of three
        ((1.0, 1.0, 0.35, 0.35), (True, True, False, False), 2, False),  # initials left
        ((1.0, 1.0, 1.0, 1.0), (True, True, True, False), 3, False),
    ],
)
def test_half_left(
    weights: tuple[float, ...], used: tuple[bool, ...], pairs: int, half: bool
) -> None:
    assert half_left(weights, used, pairs) is half
