"""Matching 1.8 (round two, fourth pass): each class with a case that fails without its change."""

from __future__ import annotations

import pytest

from clearance.matching.normalize import canonical_arabic_forms, fold
from clearance.matching.pairing import initial_runs, spelt_initials
from clearance.matching.phonetics import respell
from clearance.matching.syllables import syllable_count
from clearance.matching.vocab import other_nasal
from tests.matching.factory import listed_alerts


def alerted(listed: list[str], query: str, kind: str = "person") -> set[str]:
    return listed_alerts(listed, query, kind)


@pytest.mark.parametrize("word", ["abdullah", "abdullay", "abdullahi", "abdullahy", "abdellah"])
def test_allah_compounds_and_their_slips_stay_one_word(word: str) -> None:
    """After abd-ul a rest of four letters or fewer starting with l is Allah's name (or a slip
    of it): "Abdullay" is "Abdullah" mistyped, not "Abdul" + "lay"."""
    assert canonical_arabic_forms(word) == word
    assert canonical_arabic_forms("abdullatif") == "abdul latif"  # a name of its own follows
    assert canonical_arabic_forms("abdulrahman") == "abdul rahman"


def test_a_slip_in_abdullah_is_a_slip() -> None:
    listed = ["AL-MAMUN, Chowdhury Abdullah"]
    assert alerted(listed, "Chowdhury Abdullay AL-MAMUN") == set(listed)
    assert canonical_arabic_forms(fold("Abdullahi Yusuf")) == "abdullahi yusuf"


def test_initial_runs() -> None:
    assert initial_runs(("c", "m", "v", "carnes")) == ((0, 3, "cmv"),)
    assert initial_runs(("a", "b", "trading", "x", "y", "z")) == ((3, 3, "xyz"),)
    assert initial_runs(("m", "m", "e")) == ((0, 3, "mme"),)
    assert initial_runs(("zeel", "m")) == ()
    assert spelt_initials(("cmv", "carnes"), ("c", "m", "v", "carnes"))
    assert spelt_initials(("c", "m", "v"), ("cmv",))
    assert not spelt_initials(("cmx", "carnes"), ("c", "m", "v", "carnes"))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("cmv carnes sas", "C.M.V. CARNES S.A.S."),  # initials run together in the query
        ("C.M.V. Carnes", "CMV CARNES S.A.S."),  # ... or in the list
        ("I.R.I.S.L. Benelux", "IRISL BENELUX NV"),
    ],
)
def test_initials_run_together_are_the_same_word(query: str, listed: str) -> None:
    names = [listed, "CARNES LA MUNDIAL M.A", "BENELUX TRADING"]
    assert alerted(names, query, "organization") == {listed}


def test_initials_are_not_a_persons_word() -> None:
    """In a person's name initials stand for words: "J. R. R." is not "Jrr"."""
    assert alerted(["JRR, Tolkien"], "J. R. R. Tolkien") == set()


def test_syllable_count() -> None:
    assert syllable_count(("li", "jiadong")) == 3
    assert syllable_count(("wang", "guoying")) == 3
    assert syllable_count(("kim", "jong", "un")) == 3
    assert syllable_count(("jiadong",)) == 0
    assert syllable_count(("li", "vladimir")) == 0


@pytest.mark.parametrize(
    ("query", "listed"),
    [("贾东", "LI, Jiadong"), ("Jia Dong", "LI, Jiadong"), ("Guo Ying", "WANG, Guoying"),
     ("Jong Un", "KIM, Jongun")],
)  # fmt: skip
def test_a_given_name_without_its_family_syllable(query: str, listed: str) -> None:
    """A Chinese or Korean given name written as one word ("Jiadong") is two syllables: a
    query of those two without the family name ("Jia Dong") is another person's name, as
    "Yong Su" is not Kim Yong Su."""
    assert alerted([listed], query) == set()
    family = listed.split(",")[0].title()
    assert alerted([listed], f"{family} {query}") == {listed}


def test_other_nasal() -> None:
    assert other_nasal("chen", "cheng") and other_nasal("jing", "jin")
    assert not other_nasal("chen", "chen") and not other_nasal("kuo", "guo")
    assert not other_nasal("hyon", "hyun")  # (a spelling of one Korean syllable)


@pytest.mark.parametrize(
    ("query", "listed", "same"),
    [("王成", "WANG, Chen", "WANG, Cheng"), ("陈云", "YUN, Cheng", "CHEN, Yun"),
     ("金正日", "KIM, Jong Il", "KIM, Jong Il")],
)  # fmt: skip
def test_a_syllable_with_the_other_nasal_is_another_character(
    query: str, listed: str, same: str
) -> None:
    """王成 is Wang Cheng, not WANG Chen (晨): in a Chinese or Korean name written in its own
    script, a syllable ending in -n is not one ending in -ng."""
    assert alerted([listed], query) == ({listed} if listed == same else set())
    assert alerted([same], query) == {same}


@pytest.mark.parametrize(
    ("query", "listed"),
    [("מיֳנג-קהִן קהַנג", "CHANG, Myong-Chin"),  # ICU's Hebrew for "ch" is read back "qh"
     ("ַנדרֶי וַסִליֶוִקה לַורִסהקהֶו", "LAVRISHCHEV, Andrey Vasilyevich")],
)  # fmt: skip
def test_ch_read_back_from_hebrew(query: str, listed: str) -> None:
    """Latin "ch" written in Hebrew letters (ק + ה) and read back is "qh": the spelling it came
    from is looked for (and retrieved), as a Cyrillic round trip's "tskh" is."""
    assert respell("qhang") == "chang"
    names = [listed, "KANG, Myong Chol", "GALENKA, Andrei Vasilievich"]
    assert alerted(names, query) == {listed}
