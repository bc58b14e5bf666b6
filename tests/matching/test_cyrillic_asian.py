"""Class 8 of matching round two: Korean and Chinese names written in Cyrillic."""

from __future__ import annotations

import pytest

from clearance.matching.cyrillic_asian import east_asian_readings
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

LISTED = [
    e("person", "KIM, Jong Un", source_id="kju"),
    e("person", "KIM, Il Sung", source_id="kis"),
    e("person", "RI, Yong Ho", source_id="ryh"),
    e("person", "CHOE, Ryong Hae", source_id="crh"),
    e("person", "XI, Jinping", source_id="xjp"),
    e("person", "JIANG, Zemin", source_id="jzm"),
    e("person", "KIM, Jong Nam", source_id="kjn"),
    e("person", "PETROV, Ivan", source_id="petrov"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.build(LISTED, MatchingPolicy(screen_cache=0))


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Ким Чен Ын", "kim jong un"),  # the newspaper spelling
        ("Ким Чон Ын", "kim jon un"),  # Kontsevich
        ("Ким Ир Сен", "kim il song"),
        ("Ли Ён Хо", "ri yong ho"),
        ("Чхве Рён Хэ", "choe ryong hae"),
        ("Си Цзиньпин", "xi jinping"),  # Palladius
        ("Цзян Цзэминь", "jiang zemin"),
        ("Мао Цзэдун", "mao zedong"),
    ],
)
def test_readings(text: str, reading: str) -> None:
    assert reading in east_asian_readings(text)


@pytest.mark.parametrize("text", ["Иван Петров", "Ан Сергей", "Мкртычев Ашот", "ООО Верус"])
def test_russian_names_get_no_east_asian_reading(text: str) -> None:
    assert east_asian_readings(text) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ким Чен Ын", "kju"),
        ("Ким Ир Сен", "kis"),
        ("Ли Ён Хо", "ryh"),
        ("Чхве Рён Хэ", "crh"),
        ("Си Цзиньпин", "xjp"),
        ("Цзян Цзэминь", "jzm"),
        ("Иван Петров", "petrov"),  # the Russian reading still works
    ],
)
def test_screened_first_with_an_alert(screener: Screener, query: str, expected: str) -> None:
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=3))
    assert result.alert and result.matches[0].source_id == expected and result.matches[0].alert


def test_a_different_given_name_does_not_alert(screener: Screener) -> None:
    result = screener.screen(make_query("Ким Чен Нам", type="person"), ScreenOptions(limit=3))
    assert result.matches[0].source_id == "kjn"  # Kim Jong Nam, not Kim Jong Un
