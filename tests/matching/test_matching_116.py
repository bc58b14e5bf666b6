"""Matching 1.16: a listed Latin name queried in Arabic script (benchmark class c9) — the vowels
of its words read from the Arabic letters, a table word's usual other spellings, short
skeletons whose vowels agree, ``abd al-`` compounds, and retrieval at the spelled trust."""

from __future__ import annotations

import pytest

from clearance.matching.compounds import abd_compounds
from clearance.matching.vowels import arabic_vowel_gaps, spelt_alike, vowel_gaps
from tests.matching.factory import listed_alerts

_OTHERS = ["Abdul Rahman SALIM", "Nasser HAMDAN", "Yusuf KARIMI"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("وليد مولم", "MUALLEM, Walid"),  # retrieved at the spelled trust
        ("كمال نبيزده", "NABIZADA, Kamal"),  # "ده" is d and h, not the dh of ذ
        ("ماجد غوليزده", "GHOLIZADEH, Majid"),
        ("احمد خللو", "KHALALU, Ahmad"),  # a consonant repeated counts once, vowels between
        ("جمال ببموردي", "BABAMORADI, Jamal"),
        ("محسن نوري", "NOORI, Mohsen"),  # table words spelt another usual way
        ("ناصر كلمندي", "KELMENDI, Naser"),
        ("عماد حمشو", "Emad HAMSHO"),
        ("سليم عزيز عيسي", "ESSA, Salim Aziz"),
        ("طارق الأبيدي", "AL-'UBAYDI, Tarik"),  # the alif after the article carries any vowel
        ("علي ونوس", "WANUS, Ali"),  # a short skeleton whose vowels agree
        ("ياسر جيس", "JIIS, Yasir"),
        ("عبد السلام معروف", "MA'RUF, Abd-al-Salam"),  # abd al- as the lists' "abdul salam"
    ],
)
def test_an_arabic_script_query_whose_vowels_agree_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("محمود نوري", "NOORI, Muhammad"),  # mahmud: its vowels stand in other gaps
        ("حامد كركي", "KARAKI, Hamad"),  # hamid: i is no a
        ("نصر كركي", "KARAKI, Naser"),  # nasr: no vowel after its s
        ("علي كركي", "KURAYKI, Ali"),  # Arabic script writes the y of Kurayki
    ],
)
def test_a_skeleton_agreement_alone_still_does_not_alert(query: str, listed: str) -> None:
    assert alerted([listed], query) == set()


def test_vowel_gaps_count_consonants_as_the_skeleton_does() -> None:
    assert vowel_gaps("khalalu") == {(1, "a"), (2, "a"), (2, "u")}  # skeleton "kl"
    assert vowel_gaps("qadhafi") == {(1, "a"), (2, "a"), (3, "i")}


def test_arabic_vowel_gaps_come_from_the_letters() -> None:
    assert arabic_vowel_gaps("نبيزده") == {(2, "y")}
    assert arabic_vowel_gaps("خللو") == {(2, "w")}
    assert arabic_vowel_gaps("الابيدي") == {(0, "*"), (1, "*"), (2, "y"), (3, "y")}
    assert arabic_vowel_gaps("عماد") == {(1, "a")}  # (the ain is no consonant of the skeleton)


def test_a_table_word_spelt_another_usual_way() -> None:
    assert spelt_alike("muhsin", "mohsen")
    assert spelt_alike("isa", "essa")
    assert spelt_alike("husayni", "husseini")
    assert not spelt_alike("muhammadi", "muhammad")
    assert not spelt_alike("mahmud", "muhammad")
    assert not spelt_alike("hamid", "hamad")


def test_abd_compounds_are_written_as_the_lists_write_them() -> None:
    assert abd_compounds(("عبد", "الرحمن", "حمدان")) == ("عبدال", "رحمن", "حمدان")
    assert abd_compounds(("عبدالرحمن",)) == ("عبدال", "رحمن")
    assert abd_compounds(("عبد", "الله")) == ("عبدال",)
    assert abd_compounds(("عبدالله", "محمد")) == ("عبدال", "محمد")
    assert abd_compounds(("عبد", "محمد")) == ("عبد", "محمد")
