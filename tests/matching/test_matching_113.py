"""Matching 1.13 (round two, ninth pass): each class with a case that fails without its change."""

from __future__ import annotations

import pytest

from clearance.matching.formslips import misspelt_form
from clearance.matching.legalforms import one_word_forms
from tests.matching.factory import listed_alerts


def alerted(listed: list[str], query: str, kind: str | None = "organization") -> set[str]:
    return listed_alerts(listed, query, kind)


@pytest.mark.parametrize(
    ("word", "form"),
    [("ld", "ltd"), ("jc", "jsc"), ("oa", "oao"), ("za", "zao"), ("fe", "fze"), ("ga", "ag")],
)
def test_a_short_form_one_slip_away_is_that_form(word: str, form: str) -> None:
    """A three-letter form with a letter after its first dropped ("LD" for LTD, "OA" for OAO,
    "ZA" for ZAO, "FE" for FZE) or a two-letter form with its letters swapped ("GA" for AG)
    is that form misspelt."""
    assert misspelt_form(word) == one_word_forms()[form]


@pytest.mark.parametrize("word", ["tv", "in", "da", "de", "la", "el", "is", "it", "pc"])
def test_a_short_word_of_its_own_is_no_misspelt_form(word: str) -> None:
    """A word or abbreviation of its own ("TV", "IN", "PC") or a particle ("DA", "DE") one
    slip from a form stays a word."""
    assert misspelt_form(word) is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("RAHAT LD", "RAHAT LTD"),
        ("OA NOVATEK", "OAO NOVATEK"),
        ("JC SOYUZ", "JSC SOYUZ"),
        ("ZA AKUTA", "ZAO AKUTA"),
        ("FLAVIC FE", "FLAVIC FZE"),
        ("PANYA GA", "PANYA AG"),
    ],
)
def test_a_short_name_with_a_misspelt_short_form_alerts(query: str, listed: str) -> None:
    names = [listed, "RAHMAT TRADING", "NOVATOR GROUP", "SOYUZNEFT", "AKTAU LLP"]
    assert alerted(names, query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [("OA NOVATEK", "OAO NOVATOR"), ("RAHAT LD", "BAHAR LTD"), ("ZA AKUTA", "ZAO KAZAN")],
)
def test_a_misspelt_short_form_creates_no_alert_by_itself(query: str, listed: str) -> None:
    """Read as a form, the misspelt word only lets the rest of the name speak: the rest must
    still agree."""
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Husayn Abdulali", "HUSAYN, 'Ali"), ("حسین عبدالعلی", "HUSAYN, 'Ali"),
     ("Muhammad Abdul Karim", "KARIM, Muhammad"), ("Karim Muhammad", "MUHAMMAD, Abd al-Karim")],
)  # fmt: skip
def test_an_abd_compound_is_not_its_divine_name(query: str, listed: str) -> None:
    """An "abd al-Ali" is one name, not "Ali": its second word does not pair on its own with
    the other name's "Ali" while its "abd" pairs with nothing."""
    assert alerted([listed], query, "person") == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Husayn Abdulali", "HUSAYN, Abd al-Ali"), ("Abdel Karim Muhammad", "MUHAMMAD, Abdul Karim"),
     ("عابد حامد محمود التكريتي", "AL-TIKRITI, Abid Hamid Mahmud"), ("Ali Husayn", "HUSAYN, 'Ali")],
)  # fmt: skip
def test_an_abd_compound_still_pairs_as_a_compound(query: str, listed: str) -> None:
    """Both names writing the compound, or "abd" read from another word on one side (عابد,
    Abid, romanised "abd"), pair."""
    assert alerted([listed], query, "person") == {listed}


@pytest.mark.parametrize(
    "query", ["عبد اللطيف العقيدات", "الدكتور عبد اللطيف الحداء", "عبد اللطيف القضماني"]
)
def test_an_arabic_article_is_no_initial(query: str) -> None:
    """Read from Arabic script, "al-Haddaa" begins with the article, not with an "A.": it
    does not pair with the listed initials of another man's name."""
    assert alerted(["SALEH, Abdul Latif A.A."], query, "person") == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [("عبد اللطيف علوي", "A. ABDUL LATIF"), ("Abdul Latif Alhaddad", "ABDUL LATIF, A.")],
)
def test_a_name_that_begins_with_al_is_still_an_initials_word(query: str, listed: str) -> None:
    """An "Alawi" (علوي) is a name, not an article; a Latin query's "Alhaddad" is as typed."""
    assert alerted([listed], query, "person") == {listed}


def test_an_initial_stands_for_a_whole_abd_compound() -> None:
    listed = "Abdulaziz Mohammed AL HAWSAWI"
    assert alerted([listed], "A. M. ALHAWSAWI", "person") == {listed}
