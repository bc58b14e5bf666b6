"""Matching 1.9 (round two, fifth pass): each class with a case that fails without its change."""

from __future__ import annotations

import pytest

from clearance.matching.formslips import misspelt_form
from clearance.matching.syllables import syllable_count
from tests.matching.factory import listed_alerts


def alerted(listed: list[str], query: str, kind: str = "person") -> set[str]:
    return listed_alerts(listed, query, kind)


@pytest.mark.parametrize(
    ("word", "form"),
    [("lc", "llc"), ("oo", "llc"), ("od", "llc"), ("mc", "llc"), ("js", "jsc")],
)
def test_a_three_letter_form_missing_a_letter_is_that_form(word: str, form: str) -> None:
    """A doubled letter typed once ("LC" for LLC, "OO" for OOO, "OD" for OOD), or the last
    letter of a form without vowels dropped ("JS" for JSC), is the form misspelt."""
    assert misspelt_form(word) == form


@pytest.mark.parametrize("word", ["tv", "in", "co", "ok", "sk", "ll", "ab", "sa"])
def test_other_two_letter_words_are_no_misspelt_form(word: str) -> None:
    """A letter changed or added elsewhere is another word ("TV" is not TOV, "IN" not INC),
    and a form as written ("AB", "SA") is no slip of another."""
    assert misspelt_form(word) is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("APOLLON LC", "APOLLON OOO"),
        ("OO SERTAL", "OOO SERTAL"),
        ("JS PLANAR", "JSC PLANAR"),
        ("EUROBET OD", "EUROBET OOD"),
        ("LC VLADEKS", "LIMITED LIABILITY COMPANY VLADEKS"),
    ],
)
def test_a_short_name_with_a_form_missing_a_letter_alerts(query: str, listed: str) -> None:
    names = [listed, "SERTA TRADING", "APOLLO GROUP"]
    assert alerted(names, query, "organization") == {listed}


def test_an_extra_syllable_in_a_latin_chinese_name_counts_in_full() -> None:
    """Li Jing Yi (李静怡, given name Jingyi) is not LI Yi (given name Yi): in a name of
    syllables typed in Latin letters the extra syllable is part of another given name, not a
    middle name that weighs less."""
    assert alerted(["LI, Yi"], "li jing yi") == set()
    assert alerted(["LI, Yi"], "Li Yi") == {"LI, Yi"}
    assert alerted(["LI, Jingyi"], "li jing yi") == {"LI, Jingyi"}


@pytest.mark.parametrize("query", ["陈欢", "chen huan"])
def test_a_wade_giles_given_name_counts_its_syllables(query: str) -> None:
    """CHEN, Shih Huan is written in Wade-Giles ("shih" is 世): three syllables, so a
    two-syllable name without the middle one is another person (as for "Chen Shi Huan")."""
    assert syllable_count(("chen", "shih", "huan")) == 3
    assert alerted(["CHEN, Shih Huan"], query) == set()
    assert alerted(["CHEN, Shih Huan"], "Chen Shih Huan") == {"CHEN, Shih Huan"}


@pytest.mark.parametrize("query", ["马楠", "ma nan"])
def test_family_and_given_syllables_run_together_are_not_one_listed_word(query: str) -> None:
    """马楠 (Ma Nan) is two words, a family and a given name: run together they spell
    MANAN, one word of Abdul MANAN, who is not named by them."""
    assert alerted(["Abdul MANAN"], query) == set()
    assert alerted(["MA, Nan"], query) == {"MA, Nan"}
    assert alerted(["KIM, Jongun"], "Kim Jong Un") == {"KIM, Jongun"}  # a part run together


@pytest.mark.parametrize("query", ["姜雅玲", "강아령", "이오영"])
def test_a_one_letter_syllable_of_a_han_or_hangul_name_is_no_initial(query: str) -> None:
    """강아령 (Kang A Ryong, also read from 姜雅玲) has a given name of two syllables, 아 "a"
    and 령 "ryong": without the "a" it is another person's name, not an initial left out."""
    listed = ["KANG, Ryong", "RI, Yong"]
    assert alerted(listed, query) == set()
    assert alerted(["KANG, A Ryong"], "강아령") == {"KANG, A Ryong"}
