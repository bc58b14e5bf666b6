"""Class 8 of matching round two, second half: Korean names written in Chinese characters."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.hanja import korean_hangul, sounds
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.scripts import romanise
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

LISTED = [
    e("person", "KIM, Jong Un", source_id="kju"),
    e("person", "KIM, Yo Jong", source_id="kyj"),
    e("person", "RI, Yong Ho", source_id="ryh"),
    e("person", "CHOE, Ryong Hae", source_id="crh"),
    e("person", "XI, Jinping", source_id="xjp"),
    e("person", "WANG, Yi", source_id="wy"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.build(LISTED, MatchingPolicy(screen_cache=0))


@pytest.mark.parametrize(
    ("text", "hangul", "reading"),
    [
        ("金正恩", "김정은", "kim jong un"),  # 金 as a family name is 김, not 금
        ("金 正恩", "김정은", "kim jong un"),
        ("金與正", "김여정", "kim yo jong"),
        ("李英浩", "리영호", "ri yong ho"),  # the original sound, as the lists write it
        ("崔龍海", "최룡해", "choe ryong hae"),
    ],
)
def test_korean_readings(text: str, hangul: str, reading: str) -> None:
    assert korean_hangul(text) == hangul
    assert reading in romanise(text)


def test_the_chinese_reading_stays() -> None:
    assert romanise("金正恩")[0] == "jin zheng en"


@pytest.mark.parametrize("text", ["習近平", "习近平", "金", "金正恩金正恩", "中国银行股份有限公司"])
def test_not_a_korean_name(text: str) -> None:
    assert korean_hangul(text) is None


def test_the_dictionary_gives_original_sounds() -> None:
    table = sounds()
    assert len(table) > 20_000
    assert (table["龍"], table["李"], table["恩"]) == ("룡", "리", "은")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("金正恩", "kju"), ("金與正", "kyj"), ("李英浩", "ryh"), ("崔龍海", "crh"), ("习近平", "xjp")],
)
def test_screened_first_with_an_alert(screener: Screener, query: str, expected: str) -> None:
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=3))
    assert result.alert and result.matches[0].source_id == expected and result.matches[0].alert


def test_a_different_given_name_does_not_alert(screener: Screener) -> None:
    result = screener.screen(make_query("金正男", type="person"), ScreenOptions(limit=3))
    assert not any(m.alert and m.source_id == "kju" for m in result.matches)  # Kim Jong Nam
