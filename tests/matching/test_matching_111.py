"""Matching 1.11 (round two, seventh pass): each class with a case that fails without its change."""

from __future__ import annotations

import pytest

from clearance.matching.formslips import misspelt_form
from clearance.matching.legalforms import one_word_forms
from tests.matching.factory import listed_alerts


def alerted(listed: list[str], query: str, kind: str = "organization") -> set[str]:
    return listed_alerts(listed, query, kind)


@pytest.mark.parametrize(
    ("query", "listed"),
    [("EDYJU, SS.A.", "EDYJU, S.A."), ("RENTA AA.S.", "RENTA A.S."),
     ("CHAM CCO.", "CHAM CO."), ("TDG td.", "TDG LTD."), ("WISMOTOS SS.A.", "WISMOTOS S.A.")],
)  # fmt: skip
def test_a_short_legal_form_with_a_letter_doubled_or_its_first_dropped(
    query: str, listed: str
) -> None:
    """A dotted two-letter form with one letter typed twice ("SS.A.", "AA.S."), a two-letter
    form with its first consonant doubled ("CCO.") and a three-letter form without vowels
    missing its first letter ("td" for LTD) are that form: the name alone is the rest."""
    assert alerted([listed, "SSA HOLDING"], query) == {listed}


def test_which_short_words_are_misspelt_forms() -> None:
    forms = one_word_forms()
    assert misspelt_form("cco") == forms["co"]
    assert misspelt_form("ssa") == forms["sa"]
    assert misspelt_form("td") == forms["ltd"]
    # a doubled vowel or last letter makes words; a middle letter dropped is another word
    for word in ("coo", "add", "aas", "tv", "in"):
        assert misspelt_form(word) is None, word


@pytest.mark.parametrize(
    ("query", "listed"),
    [("wei lin", "WEI, Lin Na"), ("wei na", "WEI, Lin Na"), ("wang ying", "WANG, Guo Ying"),
     ("wei jing", "WEI, Hsueh Ying")],
)  # fmt: skip
def test_a_typed_syllable_name_gets_no_german_reading(query: str, listed: str) -> None:
    """A Chinese name typed in Latin letters was also read as a German spelling of a Russian
    name (w as v, j as y): "vei lin" is no syllable name, so WEI Lin Na's given syllable the
    query lacks counted as a middle name, and "jing" became "ying"."""
    assert alerted([listed], query, "person") == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [("E. WANG", "WANG, Exiang"), ("Wiktor Michailowitsch", "ZAVARZIN, Viktor Mikhailovich")],
)
def test_names_with_an_initial_or_not_of_syllables_keep_the_german_reading(
    query: str, listed: str
) -> None:
    assert alerted([listed], query, "person") == {listed}


@pytest.mark.parametrize(
    ("query", "listed", "other"),
    [("KB ALFA", "KGB ALFA", "KB LINES LIMITED"), ("OK TSP", "OKB TSP", "OK TRADING"),
     ("AB TIRA", "ABU TIRA", "AB GROUP"), ("TH OXYTECH", "THE OXYTECH", "TH HOLDING")],
)  # fmt: skip
def test_a_listed_code_one_slip_from_another_beside_words_spelt_the_same(
    query: str, listed: str, other: str
) -> None:
    """A short code the lists hold (KB of KB LINES) one typing slip from the listed name's
    code, every other word as spelt, is that code's slip: retrieval reaches the name and the
    scorer pairs the two."""
    assert alerted([listed, other], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed", "other"),
    [("KB ALFO", "KGB ALFA", "KB LINES LIMITED"), ("KB", "KGB", "KB LINES LIMITED"),
     ("DE SOL", "DEV SOL", "BANCO DE CREDITO")],
)  # fmt: skip
def test_a_listed_code_stays_a_name_when_more_differs(query: str, listed: str, other: str) -> None:
    """Not when another word differs too ("ALFO"), when the code is the whole name, or when
    the query's word is a particle ("de")."""
    assert listed not in alerted([listed, other], query)
