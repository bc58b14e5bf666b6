"""Matching, issue 11 round two: false alerts of Arabic- and Persian-script names (ar_AA, fa_IR),
by cause, each a rule with a reason —

- abd al- compounds pair whole (``abd_whole``): a compound's "abdul" is not ABU or ABDULLAH
  ("Muhammad Abd al-Ali" is not TURAB, Ali Muhammad Abu), and its "ali" no name of its own
  after a word that is no spelling of "abd" ("Yasin Abd al-Ali" is not Yasin Baynah ALI);
- only common name words agree, the other word is a near-miss (``common_words``): "علی رضا
  کرمانی" (Alireza Kermani) is not KASHANI, Alireza;
- two readings of the name-word table are two names (``table_names``): "جمال" (Jamal) is not
  JAMIL;
- a ta marbuta ends a name in a vowel, -h or -t (``ta_marbuta``): "أفراح حميضة" (Afrah
  Humayda) is not AFRAAH, Hamed.

The listed names themselves, their spellings, and names whose compounds agree keep their
alerts."""

from __future__ import annotations

import pytest

from clearance.matching.compounds import (
    common_words_only,
    other_table_names,
    undo_other_compounds,
)
from clearance.matching.vowels import _stands, digraphs_agree
from tests.matching.factory import people_alerts


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("یاسین عبدالعلی", "Yasin Baynah ALI"),  # "ali" of Abd al-Ali with a name of its own
        ("Yasin Abd al-Ali", "Yasin Baynah ALI"),
        ("Muhammad Abd al-Ali", "TURAB, Ali Muhammad Abu"),  # "abdul" with ABU
        ("محمد عبدالعلی", "TURAB, Ali Muhammad Abu"),
    ],
)
def test_abd_compounds_that_differ_do_not_alert(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Muhammad Abd al-Ali", "MUHAMMAD, Abdul Ali"),
        ("محمد عبدالعلی", "MUHAMMAD, Abdul Ali"),
        ("Abdul Rahim Ali Mohamad", "ABDUL RAHIM, Ali Mohamad"),
        ("عبد الرحيم علي محمد", "ABDUL RAHIM, Ali Mohamad"),
        ("Ali Abdul Karim Ali", "KARIM ALI, Ali Abdul"),
        ("Abdel Salam Abdel Rahman Alawi", "ALAWI, Abdel-Salam Abdel-Rahman"),
        ("عبد السلام عبد الرحمن علوي", "ALAWI, Abdel-Salam Abdel-Rahman"),
        ("Abd al-Raheem Ali", "ALI, Abdul Rahim"),
    ],
)
def test_abd_compounds_that_agree_still_alert(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}


def test_a_compounds_abdul_pairs_with_no_other_word() -> None:
    q, c = ("muhammad", "abdul", "ali"), ("turab", "ali", "muhammad", "abu")
    pairs = [(2, 1, 1.0, 1, 1), (0, 2, 1.0, 1, 1), (1, 3, 0.57, 1, 1)]
    q_used, c_used = [True] * 3, [False, True, True, True]
    undo_other_compounds(q, c, q_used, c_used, pairs)
    assert pairs == [(2, 1, 1.0, 1, 1), (0, 2, 1.0, 1, 1)]
    assert q_used == [True, False, True] and c_used == [False, True, True, False]
    for other, sim in (("a", 0.9), ("akdul", 0.8)):  # an initial, a slip: the compound's
        kept = [(1, 0, sim, 1, 1)]
        undo_other_compounds(q, (other, "ali"), [False, True, False], [True, False], kept)
        assert kept == [(1, 0, sim, 1, 1)]
    alone = [(1, 0, 0.57, 1, 1)]  # an "abdul" before no divine name is no compound's
    undo_other_compounds(("x", "abdul", "zeidan"), ("abu",), [False, True, False], [True], alone)
    assert len(alone) == 1


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("علی رضا کرمانی", "KASHANI, Alireza"),
        ("محمد همدانی", "HAMANI, Mohammed"),
    ],
)
def test_common_names_with_a_near_miss_do_not_alert(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("علی رضا کاشانی", "KASHANI, Alireza"),
        ("محمد همانی", "HAMANI, Mohammed"),
        ("حسن عسگری", "ASGARI, Hassan"),
        ("محمد یزدی", "YAZDI, Mohammad"),
        ("Alireza Kermani", "KERMANI, Alireza"),
    ],
)
def test_common_names_with_the_family_name_still_alert(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}


def test_common_words_only_needs_an_agreeing_common_word_and_a_near_miss() -> None:
    assert common_words_only(("ali", "reza", "krmany"), [(0, 0, 1.0, 2, 1), (2, 1, 0.57, 1, 1)],
                             0.94, 0.95)  # fmt: skip
    assert not common_words_only(("ali", "krmany"), [(0, 0, 1.0, 1, 1), (1, 1, 0.96, 1, 1)],
                                 0.94, 0.95)  # fmt: skip
    assert not common_words_only(("hsn", "krmany"), [(0, 0, 1.0, 1, 1), (1, 1, 0.57, 1, 1)],
                                 0.94, 0.95)  # fmt: skip


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("جمال عليان", "ALIAN, Jamil"),
        ("زيد سليم", "SALIH, Zayd"),
    ],
)
def test_two_names_of_the_table_do_not_alert(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == set()


def test_other_table_names() -> None:
    assert other_table_names("jamal", "jamil")
    assert other_table_names("salim", "salih")
    assert not other_table_names("jamal", "jamal")
    assert not other_table_names("muhammad", "mohammed")  # (a spelling the table lacks)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("أفراح حميضة", "AFRAAH, Hamed"),
        ("محمد كنانة", "QAN'AN, Muhammad"),
    ],
)
def test_a_ta_marbuta_is_no_closed_end(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("علي أتوة", "ATWA, Ali"),
        ("حمزة علي", "HAMZEH, Ali"),
        ("محمد كنانة", "KINANAH, Muhammad"),
        ("طلحة حسن", "TALHAT, Hasan"),
    ],
)
def test_a_ta_marbuta_with_its_ending_still_alerts(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}


def test_long_vowels_stand_only_where_a_ta_marbuta_may_end() -> None:
    assert not _stands("حميضه", "hamed")
    assert _stands("حميده", "hamida")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("عبدالله خثعم", "ABDULLAH, Qassim"),
        ("محمد سماوات", "SHAMMOUT, Mohammed"),
    ],
)
def test_kh_and_sh_are_their_own_letters(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("عبدالله خثعم", "KHATHAM, Abdullah"),
        ("محمد سماوات", "SAMAWAT, Mohammed"),
        ("هشام الخالدي", "AL-KHALIDI, Hisham"),
        ("اسحاق الخشن", "AL-KHASHIN, Ishaq"),
    ],
)
def test_kh_and_sh_where_written_still_alert(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}


def test_digraphs_agree() -> None:
    assert not digraphs_agree("خثعم", "qassim")
    assert not digraphs_agree("سماوات", "shammout")
    assert digraphs_agree("مشخص", "mushakhas")
    assert digraphs_agree("اسحاق", "ishaq")  # (s and h: two letters, the skeleton decides)
