"""The text and date helpers shared by the UN, UK, EU and custom readers."""

from __future__ import annotations

import pytest

from clearance.countries import country_code
from clearance.model import FuzzyDate
from clearance.sources.shared.dates import hijri_to_gregorian, parse_date_text, parse_loose_date
from clearance.sources.shared.text import (
    country_list,
    detect_script,
    language_code,
    non_latin_script,
    number_in_text,
    split_numbered,
)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("صدام حسين التكريتي", "Arab"),
        ("Айрат Насимович Вахитов", "Cyrl"),
        ("JAMAAH ANSHARUT DAULAH", "Latn"),
        ("金正恩", "Hani"),
        ("김정은", "Hang"),
        ("Βλαντίμιρ ΠΟΥΤΙΝ", "Grek"),
        ("1234 - ()", None),
    ],
)
def test_detect_script(text: str, script: str | None) -> None:
    assert detect_script(text) == script


def test_non_latin_script() -> None:
    assert non_latin_script("Ashot MKRTYCHEV") is None
    assert non_latin_script("Ашот Мкртычев") == "Cyrl"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Democratic People's Republic of Korea", "KP"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("Bosnia and Herzegovina", "BA"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Myanmar", "MM"),
        ("Afghan", "AF"),
        ("RU", "RU"),
        ("UNKNOWN", None),
        ("Atlantis", None),
    ],
)
def test_country_code_published(text: str, code: str | None) -> None:
    assert country_code(text, published=True) == code


@pytest.mark.parametrize(
    ("text", "published", "strict"),
    [
        ("Afghan", "AF", None),  # a nationality adjective is a country only in a list's field
        ("American", "US", None),
        ("Russian Federation (the)", "RU", None),
        ("Myanmar", "MM", None),
        ("Korea, North", "KP", "KP"),
        ("Region: Gaza", "PS", "PS"),
        ("RU", "RU", "RU"),
    ],
)
def test_country_code_strict_for_free_text(text: str, published: str, strict: str | None) -> None:
    assert country_code(text, published=True) == published
    assert country_code(text) == strict


def test_country_list() -> None:
    assert country_list("(1) Germany. (2) Morocco") == ["DE", "MA"]
    assert country_list("Estonia, Russia") == ["EE", "RU"]
    assert country_list("Lebanon citizenship") == ["Lebanon citizenship"]


def test_language_code() -> None:
    assert language_code("Russian") == "ru"
    assert language_code("Persian/Farsi") == "fa"
    assert language_code("SV") == "sv"
    assert language_code("") is None


def test_split_numbered() -> None:
    assert split_numbered("(1) BD3843329 (2) BD5609822") == ["BD3843329", "BD5609822"]
    assert split_numbered("1) Saudi Arabia 2) Qatar") == ["Saudi Arabia", "Qatar"]
    assert split_numbered("(a) Jordanian (b) American") == ["Jordanian", "American"]
    assert split_numbered("(1) 20645897 (2) -") == ["20645897"]
    assert split_numbered("Cleric (“Pir”) of Bharchundi Sharif Shrine") == [
        "Cleric (“Pir”) of Bharchundi Sharif Shrine"
    ]
    assert split_numbered("") == []


def test_number_in_text() -> None:
    assert number_in_text("Tunisian passport number L 191609 issued on 28 Feb. 1996") == "L 191609"
    assert number_in_text("Italian Fiscal Code: DAOMMD74T11Z352Z") == "DAOMMD74T11Z352Z"
    assert number_in_text("04643632 issued on 18 Jun. 1999") == "04643632"
    assert number_in_text("issued in 1993, under name X") is None


def test_dates() -> None:
    assert parse_date_text("1966-05-07") == FuzzyDate(1966, 5, 7)
    assert parse_date_text("07/05/1966") == FuzzyDate(1966, 5, 7)
    assert parse_date_text("00/00/1980") == FuzzyDate(1980)
    assert parse_date_text("00/05/1980") == FuzzyDate(1980, 5)
    assert parse_date_text("05/1980") == FuzzyDate(1980, 5)
    assert parse_date_text("Nov. 1973") == FuzzyDate(1973, 11)
    assert parse_date_text("11 Apr. 1963", circa=True) == FuzzyDate(1963, 4, 11, circa=True)
    assert parse_date_text("30-35 years old") is None
    with pytest.raises(ValueError):
        parse_date_text("01/13/1970")


def test_loose_dates_and_hijri() -> None:
    loose = parse_loose_date("Between Aug. and Sep. 1977")
    assert loose.date == FuzzyDate(1977) and loose.note == "Between Aug. and Sep. 1977"
    assert parse_loose_date("30-35 years old").unparsed == "30-35 years old"
    assert hijri_to_gregorian(1402, 6, 24) == FuzzyDate(1982, 4, 19)
    assert parse_date_text("24/06/1402 (Hijri Calendar)") == FuzzyDate(1982, 4, 19)
