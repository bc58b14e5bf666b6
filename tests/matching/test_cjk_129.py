"""Class 8 of matching round two (h136): Korean and Chinese listed names as writers write them.

Listed North Koreans written the South's way or as passports do (family names "Lee", "Park",
"Choi", "Moon"; Revised Romanization's eo / eu), Chinese names in Wade-Giles ("Hsu Pin"), in
Cyrillic the newspapers' way ("Ким Тон Чхель").
"""

from __future__ import annotations

import pytest

from clearance.matching.cyrillic_asian import east_asian_readings
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.romanised import list_readings
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

LISTED = [
    e("person", "RI, Yong Ho", source_id="ryh"),
    e("person", "PAK, Pong Ju", source_id="ppj"),
    e("person", "CHOE, Ryong Hae", source_id="crh"),
    e("person", "KIM, Jong Un", source_id="kju"),
    e("person", "MUN, Kyong Hwan", source_id="mkh"),
    e("person", "KIM, Song Un", source_id="ksu"),
    e("person", "XU, Bin", source_id="xb"),
    e("person", "YAN, Xiaobing", source_id="yxb"),
    e("person", "RYANG, Tae Chol", source_id="rtc"),
    e("person", "KIM TONG CHOL", source_id="ktc"),
    e("person", "PAK, Tong Sok", source_id="pts"),
    e("person", "SMITH, John", source_id="js"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.build(LISTED, MatchingPolicy(screen_cache=0))


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Lee Yong-ho", "ri yong ho"),  # the family name as the South and passports write it
        ("Yi Yong Ho", "ri yong ho"),
        ("Park Pong-ju", "pak pong ju"),
        ("Ryong Hae Choi", "ryong hae choe"),
        ("Kim Jeong-eun", "kim jong un"),  # Revised Romanization's eo, eu
        ("Hsu Pin", "xu bin"),  # Wade-Giles
        ("Yen Hsiao-ping", "yan xiao bing"),
    ],
)
def test_list_readings(text: str, reading: str) -> None:
    assert reading in list_readings(text)


@pytest.mark.parametrize("text", ["John Smith", "Kim Jong Un", "Xu Bin", "Lee Harvey Oswald"])
def test_no_reading_for_names_spelt_as_listed_or_not_syllables(text: str) -> None:
    assert list_readings(text) == []


def test_newspaper_cyrillic_and_final_ng() -> None:
    assert "kim tong chol" in east_asian_readings("Ким Тон Чхель")
    assert "ryang thae chol" in east_asian_readings("Рян Тхэ Чхоль")  # (a family name added)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lee Yong-ho", "ryh"),
        ("Yong Ho Rhee", "ryh"),
        ("Yi Yong Ho", "ryh"),
        ("Moon Kyong Hwan", "mkh"),
        ("Kim Jeong-eun", "kju"),
        ("Kim Seong-eun", "ksu"),
        ("Hsu Pin", "xb"),
        ("Yen Hsiao-ping", "yxb"),
        ("Ким Тон Чхель", "ktc"),
        ("Пак Тон Сек", "pts"),
    ],
)
def test_screened_first_with_an_alert(screener: Screener, query: str, expected: str) -> None:
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=3))
    assert result.alert and result.matches[0].source_id == expected and result.matches[0].alert


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Lee Yong Su", "ryh"),  # another given name
        ("Park Pong Chol", "ppj"),
        ("Hsu Ming", "xb"),
        ("Ким Тон Сик", "ktc"),
        ("Ho Lee Yong", "ryh"),  # the syllables in another order
    ],
)
def test_others_do_not_alert(screener: Screener, query: str, listed: str) -> None:
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=3))
    assert not any(m.alert and m.source_id == listed for m in result.matches)
