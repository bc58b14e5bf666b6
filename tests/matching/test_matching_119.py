"""Matching 1.19: false alerts of Arabic-script names (issue 11, by cause) — what is known of
a word's vowels speaks against a match on its consonants alone, whether or not the name's
other words give theirs; a word starts alike in both scripts; a listed w or y is the same
letter written, and a listed vowel written twice a long vowel written; a word read from
Arabic script pairs with a listed initial only when no listed word is left over."""

from __future__ import annotations

import pytest

from clearance.matching.engine import ALGORITHM_RELEASE
from clearance.matching.vowels import initials_agree, long_vowels, long_vowels_agree
from tests.matching.factory import listed_alerts

_OTHERS = ["Abdul Rahman SALIM", "Nasser HAMDAN", "Yusuf KARIMI"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "person")


def test_release() -> None:
    assert ALGORITHM_RELEASE == "1.19"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("عسل محمدی", "SYAWAL, Muhammad"),  # محمدی is Muhammadi (the table), no MUHAMMAD
        ("محدثه محمدی", "MOHADDES, Mahmoud"),  # ... nor MAHMOUD
        ("شهير قرش", "AKHRAS, Sahar"),  # a written ya where SAHAR has an a
        ("محمد عجل", "JALAL, Muhammad"),  # an ain is no J
    ],
)
def test_a_word_whose_vowels_disagree_does_not_alert_on_its_skeleton(
    query: str, listed: str
) -> None:
    # (one word of each name gives no vowels: its skeleton is trusted as a whole name's was)
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("عسل محمدی", "MOHAMMADI, Asal"),
        ("ابو زيد عمر حميد دردة", "Abu Zayd Umar Hmeid Dorda"),  # حميد: hamid, or HMEID
        ("محمد قرش", "QARSH, Muhammad"),
    ],
)
def test_a_word_whose_vowels_agree_still_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("محمد زارع", "AZHAR, Mohammad"),  # AZHAR starts with a vowel: أزهر
        ("محمد زارع", "ZEYAR, Mohammad"),  # ZEYAR's y is a written ya: زيار
        ("علي زارع", "Ali DHEERE"),  # DHEERE's ee too
    ],
)
def test_a_vowelled_name_is_not_lifted_on_vowels_that_do_not_stand(query: str, listed: str) -> None:
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("محمد أزهر", "AZHAR, Mohammad"),
        ("عمر سعيد", "SAEED, Omar"),  # an ain for O, ee for a written ya
        ("محمود داود", "DAWOOD, Mahmood"),
    ],
)
def test_a_vowelled_name_whose_vowels_stand_is_lifted(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


def test_initials_agree() -> None:
    assert initials_agree("أزهر", "azhar")
    assert initials_agree("عمر", "omar")
    assert initials_agree("ولد", "ould")  # (a waw carries the vowel)
    assert not initials_agree("زارع", "azhar")
    assert not initials_agree("عجل", "julio")
    assert initials_agree("ابراهيم", "brahim")  # (the Maghreb drops an initial vowel)


def test_long_vowels_written_twice() -> None:
    assert long_vowels("saeed") == {(1, "y")}
    assert long_vowels("mahmood") == {(3, "w")}
    assert long_vowels("jaafar") == set()  # (aa: often an a beside an ain)
    assert long_vowels_agree("سعيد", ("saeed",))
    assert not long_vowels_agree("زارع", ("dheere",))
    assert not long_vowels_agree("زارع", ("zeyar",))
    assert long_vowels_agree("زيار", ("zeyar",))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("أغاريد عبد اللطيف", "SALEH, Abdul Latif A.A."),  # SALEH left over
        ("عبد اللطيف أفغاني", "SALEH, Abdul Latif A.A."),
        ("عبد الرحمن شهران", "TAHA, Abdul Rahman S."),  # TAHA left over
    ],
)
def test_a_word_read_from_arabic_script_is_no_initial_of_a_name_left_over(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("عبد اللطيف علوي", "A. ABDUL LATIF"),  # every listed word paired
        ("عبد الرحمن شهران طه", "TAHA, Abdul Rahman S."),
    ],
)
def test_a_word_read_from_arabic_script_still_stands_for_an_initial(
    query: str, listed: str
) -> None:
    assert alerted([listed], query) == {listed}
