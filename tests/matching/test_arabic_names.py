"""Arabic-script names: common name words romanised from a dictionary, not letter by letter."""

from __future__ import annotations

import pytest

from clearance.matching.arabic_names import (
    ENTRIES,
    NAME_WORDS,
    lookup,
    normalise_arabic,
    romanise_arabic_names,
)
from clearance.matching.engine import Screener
from clearance.matching.normalize import analyse
from clearance.matching.query import make_query
from clearance.matching.scripts import romanise
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def latin_tokens(text: str) -> list[tuple[str, ...]]:
    return [f.tokens for f in analyse(text, query=True) if not f.native]


def test_table_keys_are_normalised_and_unambiguous() -> None:
    values: dict[str, set[str]] = {}
    for key, value in ENTRIES:
        values.setdefault(key, set()).add(value)
        assert key == normalise_arabic(key) and key.strip() == key and " " not in key
        assert value.isascii() and value == value.lower()
    assert {k: v for k, v in values.items() if len(v) > 1} == {}
    assert len(NAME_WORDS) >= 150


def test_words_are_looked_up_in_normalised_form() -> None:
    assert lookup(normalise_arabic("أسامة")) == "usama"  # hamza-alef, ta marbuta
    assert lookup(normalise_arabic("موسى")) == "musa"  # alef maqsura
    assert lookup(normalise_arabic("حسین")) == "husayn"  # Persian yeh
    assert lookup(normalise_arabic("کریم")) == "karim"  # keheh
    assert lookup(normalise_arabic("مُحَمَّد")) == "muhammad"  # harakat
    assert lookup(normalise_arabic("محـــمد")) == "muhammad"  # tatweel
    assert lookup("لادن") is None


def test_article_prefixes_and_allah_compounds() -> None:
    assert lookup("الرحمن") == "al-rahman"
    assert lookup("عبدالرحمن") == "abd al-rahman"
    assert lookup("ابوبكر") == "abu bakr"
    assert lookup("عبدالله") == "abdullah"
    assert lookup("نجيبالله") == "najibullah"
    assert lookup("نورالدين") == "nur al-din"
    assert lookup("القاعده") is None  # article on an unknown word: left to ICU
    assert romanise_arabic_names("عبد الله") == "abdullah"
    assert romanise_arabic_names("نصر الله") == "nasrallah"


def test_unknown_words_fall_back_to_icu() -> None:
    assert romanise_arabic_names("أسامة بن لادن", icu=lambda w: f"<{w}>") == "usama bin <لادن>"
    assert romanise_arabic_names("لادن القاعدة") is None
    assert romanise_arabic_names("محمد، علي") == "muhammad ali"


def test_romanise_puts_the_dictionary_rendering_first() -> None:
    first, second = romanise("محمد علي")
    assert first == "muhammad ali"
    assert second != first  # ICU's vowel-less rendering stays as a variant
    assert len(romanise("لادن")) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عبد الرحمن", ("abdul", "rahman")),
        ("عبدالرحمن", ("abdul", "rahman")),
        ("عبد الله", ("abdullah",)),
        ("عبدالله", ("abdullah",)),
        ("محمد علي", ("muhammad", "ali")),
        ("أسامة بن لادن", ("usama", "bin", "ladn")),
        ("خالد محمود", ("khalid", "mahmud")),
    ],
)
def test_analyse_gives_the_usual_latin_form(text: str, expected: tuple[str, ...]) -> None:
    assert latin_tokens(text)[0] == expected


LISTED = [
    e("person", "Abdullah", source_id="abdullah"),
    e("person", "Mohamed Ali", source_id="ali"),
    e("person", "Usama BIN LADIN", source_id="ubl"),
    e("person", "Khaled Mahmoud", source_id="khaled"),
    e("person", "Abdul Rahman AGHA", source_id="agha"),
    e("person", "Najibullah", source_id="najib"),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.build(
        LISTED, MatchingPolicy(), snapshot_id="snap-1", lists={"test": "2024-01-01"}
    )


def top(screener: Screener, name: str) -> str | None:
    result = screener.screen(make_query(name))
    return result.matches[0].source_id if result.matches and result.alert else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("عبد الله", "abdullah"),
        ("عبدالله", "abdullah"),
        ("محمد علي", "ali"),
        ("مُحَمَّد عَلِي", "ali"),
        ("أسامة بن لادن", "ubl"),
        ("خالد محمود", "khaled"),
        ("عبد الرحمن آغا", "agha"),
        ("نجيب الله", "najib"),
    ],
)
def test_arabic_queries_alert_on_latin_listed_names(
    screener: Screener, query: str, expected: str
) -> None:
    assert top(screener, query) == expected


def test_strong_scores_for_common_names(screener: Screener) -> None:
    result = screener.screen(make_query("محمد علي"))
    assert result.matches[0].score >= 0.95


@pytest.mark.parametrize("query", ["محمد كريم", "حسن علي", "يوسف ابراهيم"])
def test_unrelated_arabic_names_do_not_alert(screener: Screener, query: str) -> None:
    assert top(screener, query) is None
