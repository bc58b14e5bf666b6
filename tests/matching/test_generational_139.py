"""Matching, issue 11 (h196): a person's generation written after the name or left out.

bench_wild's w-generational: a listed person written with "Jr.", ", Jr.", "Sr.", "II", "III",
"Junior", "Filho" or "the Younger" after the name (lists mostly leave it out), or the listed
suffix dropped. The query is also read without its generation (``numerals.without_generation``,
a further reading trusted as a part is); the generation the query writes is still compared with
the listed person's: with the best name's own (which a reading without the suffix no longer
compares) and with the other names' (Latin ones: a consonant skeleton's "sr" is no Sr., a
nickname's number "EL 63" no generation).
"""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.numerals import generation_conflict, without_generation
from tests.matching.factory import person_alerts, persons_screener

PERSONS = [
    ("GUPTA, Atul",),
    ("FOURCAND, Herve",),
    ("ROCHIN HURTADO, Meliton", "EL SIXTY THREE", "EL 63"),
    ("LAMBERT, Joseph",),
    ("Hilarion DEL ROSARIO SANTOS", "Hilarion Del Rosario SANTOS III"),
    ("Feliciano Semborio DELOS REYES Jr.",),
    ("Kevin Arthur MORLAND II",),
    ("DA SILVA, Joao Carlos",),
]
BACKGROUND = ["Rajesh KUMAR", "Ahmed HASSAN", "Maria LOPEZ", "Ivan PETROV", "Kim SONG",
              "Ali RAZA", "Pierre MARTIN", "Juan GARCIA"]  # fmt: skip


@pytest.fixture(scope="module")
def screener() -> Screener:
    return persons_screener(PERSONS, BACKGROUND)


alerts = person_alerts


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Atul GUPTA II", "p0"), ("Atul GUPTA Jr.", "p0"), ("ATUL GUPTA, JR.", "p0"),
     ("Herve FOURCAND, Junior", "p1"), ("Herve FOURCAND Sr.", "p1"),
     ("Meliton ROCHIN HURTADO III", "p2"), ("Meliton ROCHIN HURTADO, II", "p2"),
     ("Joseph LAMBERT the Younger", "p3"), ("Joseph LAMBERT Snr", "p3"),
     ("Joao Carlos DA SILVA FILHO", "p7"),
     # (the listed generation dropped: as before)
     ("Kevin Arthur MORLAND", "p6"), ("Feliciano Semborio DELOS REYES", "p5")],
)  # fmt: skip
def test_a_generation_the_listed_name_leaves_out_alerts(
    screener: Screener, query: str, listed: str
) -> None:
    assert listed in alerts(screener, query)


@pytest.mark.parametrize(
    "query",
    ["Hilarion DEL ROSARIO SANTOS II", "Hilarion Del Rosario SANTOS IV",
     "Feliciano Semborio DELOS REYES Sr.", "Feliciano Semborio DELOS REYES Senior",
     "Kevin Arthur MORLAND III", "Kevin Arthur MORLAND, III"],
)  # fmt: skip
def test_another_generation_still_disagrees(screener: Screener, query: str) -> None:
    assert alerts(screener, query) == set()


def test_the_reading_is_no_name_of_one_word(screener: Screener) -> None:
    assert without_generation("Smith Jr") is None
    assert without_generation("Agostinho Neto") is None  # (a family name)
    assert without_generation("Ivan Petrov") is None
    assert without_generation("SMITH, John, Jr.") == "SMITH, John"
    assert without_generation("Pieter Bruegel the Elder") == "Pieter Bruegel"


def test_the_best_names_own_generation_is_compared() -> None:
    # ("Kevin Arthur MORLAND" read from "... III" facing the listed "... II")
    assert generation_conflict(frozenset({3}), ("kevin", "arthur", "morland", "ii"), [])
    assert not generation_conflict(frozenset({-1}), ("kevin", "arthur", "morland", "ii"), [])
    # (a nickname's number is no generation: "EL 63")
    assert not generation_conflict(frozenset({3}), ("meliton", "rochin"), [("el", "63")])
    assert generation_conflict(frozenset({2}), ("hilarion", "santos"), [("hilarion", "iii")])


def test_release() -> None:
    """The rules of this round change outcomes (this file: generational suffixes;
    test_burmese_139.py: Burmese honorifics and syllable spellings; test_turkish_139.py: Turkish
    business words equivalent to their English words, abbreviations read in full;
    test_company_forms_139.py: legal forms spelt out, trading and former names inside a name,
    registration numbers): the release says so, so that a receipt of 1.38 is not taken for
    theirs."""
    from clearance.matching.release import ALGORITHM_RELEASE

    assert ALGORITHM_RELEASE == "1.39"
