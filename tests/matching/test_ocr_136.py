"""Matching, issue 11 round two (h179): names read by OCR (``bench_wild`` class ``w-ocr``),
the confusions 1.35 missed: a word of a legal form misread by one pair of glyphs ("HMITED"
for LIMITED, "AKTSIORIERNOE" for AKTSIONERNOE: ``legalforms.nearest_form_word`` through
``ocr.glyph_readings``), two words of a legal form run together by a lost space
("LIABILITYCOMPANY": ``legalforms.canonical_words``), a listed word with two glyphs OCR read
as one letter reached ("GEOPOHTICA" / GEOPOLITICA: ``wordkeys``), and one glyph confusion in
a name of one distinctive word a slip, not another name ("ARNANA" / AMANA:
``slips.single_word_sim``)."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.legalforms import canonical_words, nearest_form_word
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, BACKGROUND_PEOPLE, e

PEOPLE = ["SMIRNOV, Pavel", "DARA, Ahmad"]
COMPANIES = [
    "FOREIGN LIMITED LIABILITY COMPANY SLAVKALI",
    "LIMITED LIABILITY COMPANY EMERGENCY DIGITAL SOLUTIONS",
    "AKTSIONERNOE OBSHCHESTVO PETROVSKII ZAVOD MOLOT",
    "JOINT STOCK COMPANY TECHNOPROMEXPORT",
    "GEOPOLITICA",
    "AMANA",
    "RAHAT LTD.",
    "VISTA CLARA SHIPPING",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    people = [e("person", n, source_id=f"p{i}") for i, n in enumerate(PEOPLE + BACKGROUND_PEOPLE)]
    firms = [e("organization", n, source_id=f"o{i}")
             for i, n in enumerate(COMPANIES + BACKGROUND_COMPANIES)]  # fmt: skip
    return Screener.build(people + firms, MatchingPolicy(screen_cache=0))


def alerts(screener: Screener, query: str, kind: str = "organization") -> set[str]:
    result = screener.screen(make_query(query, type=kind), ScreenOptions(limit=5))
    names = {f"p{i}": n for i, n in enumerate(PEOPLE + BACKGROUND_PEOPLE)}
    names |= {f"o{i}": n for i, n in enumerate(COMPANIES + BACKGROUND_COMPANIES)}
    return {names[m.source_id] for m in result.matches if m.alert}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("FOREIGN HMITED LIABILITY COMPANY SLAVKALI", "FOREIGN LIMITED LIABILITY COMPANY SLAVKALI"),
        ("HMITED LIABILITYCOMPANY EMERGENCY DIGITAL SOLUTIONS",
         "LIMITED LIABILITY COMPANY EMERGENCY DIGITAL SOLUTIONS"),
        ("AKTSIORIERNOE OBSHCHESTVO PETROVSKII ZAVOD RNOLOT",
         "AKTSIONERNOE OBSHCHESTVO PETROVSKII ZAVOD MOLOT"),
        ("JOINT STOCK COMPARIY TECHNOPROMEXPORT", "JOINT STOCK COMPANY TECHNOPROMEXPORT"),
    ],
)  # fmt: skip
def test_a_legal_form_misread_by_ocr_is_the_form(
    screener: Screener, query: str, listed: str
) -> None:
    assert alerts(screener, query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [("GE0POHTICA", "GEOPOLITICA"), ("ARNANA", "AMANA"), ("RALIATLTD.", "RAHAT LTD.")],
)
def test_one_glyph_confusion_in_a_name_of_one_word(
    screener: Screener, query: str, listed: str
) -> None:
    assert alerts(screener, query) == {listed}


def test_a_listed_word_is_no_glyph_slip(screener: Screener) -> None:
    """A query word the lists hold is a name of its own, one glyph confusion or not: CLARA
    (of VISTA CLARA SHIPPING) is not DARA."""
    assert alerts(screener, "CLARA", "person") == set()
    assert alerts(screener, "AMANA", "organization") == {"AMANA"}


def test_form_words_by_glyph_readings() -> None:
    assert nearest_form_word("hmited") == "limited"
    assert nearest_form_word("aktsioriernoe") == "aktsionernoe"
    assert nearest_form_word("aktsiorierrioe") == "aktsiorierrioe"  # (two confusions)
    assert nearest_form_word("cornpany") == "company"
    assert nearest_form_word("molot") == "molot"
    assert canonical_words(["hmited", "liabilitycompany", "slavkali"]) == [
        "limited", "liability", "company", "slavkali"]  # fmt: skip
    assert canonical_words(["jointstock", "company", "x"]) == ["joint", "stock", "company", "x"]
