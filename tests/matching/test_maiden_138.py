"""Issue 11, persons' names round two (h194, ``bench_wild``'s ``wild_hunt_person2``).

- ``w-maiden``: a woman's maiden name written after her name ("Olga Ivanova née Petrova",
  "(nee Petrova)", "geb. Müller", "born Smith", "maiden name Smith") is read away
  (``honorifics.without_maiden``), and the given names with the maiden name are read too
  (``honorifics.as_maiden``: the name she was listed under before her marriage).
- ``w-cantonese`` widened: a Cantonese family name written last is also read first, as the
  lists write the family syllable of a name of syllables ("Chin-Hua WONG" / HUANG, Chin-Hua),
  and a last word that is a pinyin syllable is read as the family name when it alone is
  written in capitals ("Bin HUI" / XU, Bin).
- ``w-somali``: a Somali name in the Somali orthography (x for ḥ, c for the ʿayn, long vowels
  doubled: "Maxamed Cali Xasan") is also read as English-language lists write it
  (``somali.somali_reading``), when a word so read is a common Arabic name word.
"""

from __future__ import annotations

import pytest

from clearance.matching.honorifics import input_readings
from clearance.matching.romanised import list_readings
from clearance.matching.somali import somali_reading
from tests.matching.factory import people_alerts

WOMEN = [
    "YAMPOLSKAYA, Elena Alexandrovna",
    "BROWNING, Natalya",
    "ALEKSINA, Ina Vladimirovna",
    "Olga PETROVA",
    "Anna WEBER",
]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Elena Alexandrovna YAMPOLSKAYA nee Medvedeva", "YAMPOLSKAYA, Elena Alexandrovna"),
        ("Natalya BROWNING born Zakharova", "BROWNING, Natalya"),
        ("Ina Vladimirovna ALEKSINA (née Bogdanova)", "ALEKSINA, Ina Vladimirovna"),
        ("ALEKSINA, Ina Vladimirovna née: Bogdanova", "ALEKSINA, Ina Vladimirovna"),
        ("Olga IVANOVA née PETROVA", "Olga PETROVA"),  # (listed under her maiden name)
        ("Anna Schmidt geb. Weber", "Anna WEBER"),
    ],
)
def test_a_maiden_name_alerts(query: str, listed: str) -> None:
    assert listed in people_alerts(WOMEN, query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Olga IVANOVA née Sidorova", "Olga PETROVA"),  # neither name is hers
        ("Maria Weber geb. Schmidt", "Anna WEBER"),  # another given name
        ("Natalya Smirnova born 1970", "BROWNING, Natalya"),
    ],
)
def test_a_maiden_name_needs_the_rest(query: str, listed: str) -> None:
    assert listed not in people_alerts(WOMEN, query)


def test_maiden_readings() -> None:
    assert input_readings("Olga IVANOVA née PETROVA") == ["Olga IVANOVA", "Olga PETROVA"]
    assert input_readings("IVANOVA, Olga (nee Petrova)") == ["IVANOVA, Olga", "Petrova, Olga"]
    assert "Maria Schmidt" in input_readings("Maria Schmidt geb. Müller")
    assert input_readings("Renee Smith") == []  # (no marker: a given name)
    assert input_readings("Born Free") == []
    assert input_readings("Olga née Petrova") == []  # (one word before the marker)


CHINESE = ["HUANG, Chin-Hua", "XU, Bin", "CHEN, Jianming", "LI, Yongxin"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Chin-Hua WONG", "HUANG, Chin-Hua"),
        ("Bin HUI", "XU, Bin"),
        ("Yongxin LEE", "LI, Yongxin"),
    ],
)
def test_a_cantonese_family_name_last_alerts(query: str, listed: str) -> None:
    assert listed in people_alerts(CHINESE, query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Bin Hui", "XU, Bin"),  # (no capitals: "hui" is a given syllable)
        ("Weidong HUI", "XU, Bin"),  # the given name disagrees
        ("Chin-Hua WONG", "CHEN, Jianming"),
    ],
)
def test_a_cantonese_family_name_last_needs_the_rest(query: str, listed: str) -> None:
    assert listed not in people_alerts(CHINESE, query)


def test_cantonese_readings_last() -> None:
    assert "huang chin hua" in list_readings("Chin-Hua WONG")
    assert "xu bin" in list_readings("Bin HUI")
    assert list_readings("Bin Hui") == []
    assert list_readings("Jian Chan") == []  # (unchanged: a pinyin given syllable last)


SOMALI = ["Mohamed Abdi HASSAN", "Ali Mohamed RAGE", "Yasin Ali BAYNAH", "Ismail Hussein FARAH"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Maxamed Cabdi Xasan", "Mohamed Abdi HASSAN"),
        ("Cali Maxamed RAGE", "Ali Mohamed RAGE"),
        ("Ismaaciil Xuseen Faarax", "Ismail Hussein FARAH"),
    ],
)
def test_a_somali_spelling_alerts(query: str, listed: str) -> None:
    assert listed in people_alerts(SOMALI, query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Maxamed Cabdi Nuur", "Mohamed Abdi HASSAN"),  # another family name
        ("Cali Xasan RAGE", "Ali Mohamed RAGE"),  # another father's name
    ],
)
def test_a_somali_spelling_needs_the_rest(query: str, listed: str) -> None:
    assert listed not in people_alerts(SOMALI, query)


def test_somali_readings() -> None:
    assert somali_reading("Maxamed Cabdi Xasan") == "mahamed abdi hasan"
    assert somali_reading("Yaasiin Cali BAYNAH") == "yasin ali baynah"
    assert somali_reading("Carlos Xavier") is None  # (no word reads as an Arabic name word)
    assert somali_reading("Marc Isaac") is None  # (a c ending a word is no ʿayn)
    assert somali_reading("Cecilia Omar") is None
