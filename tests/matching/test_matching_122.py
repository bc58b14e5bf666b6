"""Matching 1.22: recall of short codes and spacing (issue 11, classes that missed on fresh
benchmark seeds) — a company's legal form run onto the last word of a longer name
("UNISTREAM COMMERCIAL BANKJSC", "SOPHYCHEM HKLIMITED") or onto the first word ("OOOIK AEON")
is read as the form, as it already was for a one-word name ("THAMESTONESA"); a form many words
end in stays part of the word ("Industrias Lopez Garcia" is no "Gar" CIA)."""

from __future__ import annotations

import pytest

from clearance.matching.exact import code_key
from tests.matching.factory import listed_alerts

_OTHERS = ["VERUS LLC", "HOLLYWOOD TRADING", "SAINT PETERSBURG BANK"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "organization")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("UNISTREAM COMMERCIAL BANKJSC", "UNISTREAM COMMERCIAL BANK JSC"),
        ("SOPHYCHEM HKLIMITED", "SOPHYCHEM HK LIMITED"),
        ("ASCOTEC MINERAL & MACHINERYGMBH", "ASCOTEC MINERAL & MACHINERY GMBH"),
        ("OOOIK AEON", "OOO IK AEON"),
        ("OOOVERUS", "OOO VERUS"),
    ],
)
def test_a_legal_form_run_onto_a_word_of_a_longer_name(query: str, listed: str) -> None:
    """A form run onto the last word of a name of several words, or a form written before a
    name ("OOO", "JSC") run onto its first word, is that form: the name alerts."""
    assert listed in alerted([listed], query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Industrias Lopez Garcia", "INDUSTRIAS LOPEZ GAR S.A."),
        ("Paolo Rossi", "LO ROSSI PAO"),
        ("Hollywood Kansas", "HOLLYW KAN SAS"),
    ],
)
def test_a_form_many_words_end_or_begin_with_stays_in_the_word(query: str, listed: str) -> None:
    """After a word of a longer name only forms of four letters or more, or of three
    consonants, are read off its end ("garcia", "kansas" end in CIA and SAS); and only the
    forms written before a name ("OOO", "JSC", not "PAO": "Paolo") off a first word's start."""
    assert listed not in alerted([listed], query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [("JSC LASMA", "JSC PLASMA"), ("AO NFORUS", "AO INFORUS"), ("OOO ERTAL", "OOO SERTAL")],
)
def test_a_letter_dropped_from_a_word_of_six_letters_the_rest_agreeing(
    query: str, listed: str
) -> None:
    """A letter the query drops from a company's one distinctive word of up to six letters
    without it (four before 1.22), the legal forms agreeing and no word left over, is a slip."""
    assert listed in alerted([listed], query)


def test_a_dropped_letter_with_a_word_left_over_or_in_a_longer_word_is_another_name() -> None:
    """Not when a listed word is left over ("sena Ltd" / SENAT SHIPPING LIMITED), the forms
    differ, or the word is longer than six letters without the letter."""
    assert "SENAT SHIPPING LIMITED" not in alerted(["SENAT SHIPPING LIMITED"], "sena Ltd")
    assert "PLASMA LLC" not in alerted(["PLASMA LLC"], "LASMA JSC")
    assert "JSC ALBORADAS" not in alerted(["JSC ALBORADAS"], "JSC ALORADAS")


@pytest.mark.parametrize(("query", "listed"), [("JC TPE", "JSC TPE"), ("JS TPE", "JSC TPE")])
def test_a_misspelt_form_first_when_the_last_word_reads_as_one_too(query: str, listed: str) -> None:
    """ "TPE" reads as PTE misspelt, "JC" as JSC: both readings are tried, not only the last
    word's (which leaves "JC" as the name)."""
    assert listed in alerted([listed], query)
    assert "JC PTE" in alerted(["JC PTE"], "JC TPE")  # (the last word's reading stays)


@pytest.mark.parametrize(
    ("query", "listed", "kind"),
    [("S5SAD", "S5-SAD", "aircraft"), ("728", "7-28", "vessel"), ("s5 sad", "S5-SAD", None)],
)
def test_a_listed_code_written_without_its_dash(query: str, listed: str, kind: str | None) -> None:
    """A tail number or call sign with a digit, written run together ("S5SAD") or as listed
    with spaces, is the listed code: the index keys it both ways (``exact.code_key``)."""
    assert listed_alerts([listed, "S6-SAB", "7-29"], query, kind) == {listed}


def test_a_code_key_is_for_a_code_with_a_digit() -> None:
    """A code key only for a name written as a code with a digit: letters alone are matched as
    words ("EPICT" / EP-ICT), and a name of words keeps its spaces ("OOOA1" is no OOO A1)."""
    assert code_key("S5-SAD") == "s5sad" and code_key("7-28") == "728"
    assert code_key("EP-ICT") is None and code_key("S5SAD") is None
    assert code_key("OOO A1") is None and code_key("90 EKSPERIMENTALNY ZAVOD") is None
