"""Matching 1.14: a listed Latin name queried in Arabic script (benchmark class c9) alerts when
what the query says of its vowels agrees with the listed spelling; consonants alone do not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clearance.matching import spelled
from clearance.matching.compounds import undo_arabic_pairs
from clearance.matching.normalize import analyse
from clearance.matching.params import WordParams
from clearance.matching.vowels import vowel_gaps
from clearance.matching.wordsim import similarity_rows
from clearance.scripts import ARABIC, LATIN
from tests.matching.factory import listed_alerts

_OTHERS = ["Abdul Rahman SALIM", "Nasser HAMDAN", "Yusuf KARIMI"]


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("وليد المولم", "AL-MOALLEM, Walid"),  # a table word and a word with a long vowel
        ("جهاد محمد قنسو", "QANSU, Jihad Muhammad"),
        ("محمد علي نكلوبو", "MOHAMED ALI NKALUBO"),
        ("محمد سعدو", "SA'DU, Muhammad"),  # the ayn is no consonant of the skeleton
        ("أبو محمد الجولنى", "AL-JAWLANI, Abu Muhammad"),
        ("احمد إمن علي", "Ahmad Iman ALI"),  # an initial alif carries any vowel
    ],
)
def test_an_arabic_script_query_whose_vowels_agree_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("اسما محمدی", "MEHMOOD, Osama"),  # محمدی is muhammadi, not Mehmood
        ("اسما محمدی", "MUHAMMAD, Sami"),  # ... nor Muhammad
        ("محمد خني", "AKHWAN, Muhammad"),  # khny: no vowel after the n of Akhwan
        ("محمد بويري", "BARA, Muhammad"),  # bwyry: waw and ya, not the a of Bara
        ("محمد مجتهدی", "MUJAHID, Mohammed"),  # skeletons one letter apart
        ("محمود بترفي", "BATARFI, Muhammad"),  # محمود is Mahmud, not Muhammad
    ],
)
def test_a_skeleton_agreement_alone_does_not_alert(query: str, listed: str) -> None:
    assert alerted([listed], query) == set()


def test_vowel_gaps_place_vowels_among_the_consonants() -> None:
    assert vowel_gaps("btrfy") == {(4, "y")}
    assert vowel_gaps("batarfi") == {(1, "a"), (2, "a"), (4, "i")}
    assert vowel_gaps("khny") == {(2, "y")}  # kh is one consonant
    assert vowel_gaps("hassan") == {(1, "a"), (2, "a")}  # a doubled consonant counts once


_WORDS = ["muhammad", "mohammed", "mohamad", "ahmadi", "ahmed", "ahmad", "hassan", "hasan",
          "husayn", "hussein", "khalid", "khaled", "alkhalid", "aljawlani", "aljaulani", "abdul",
          "abdel", "yusuf", "yousef", "josef", "ali", "aly", "salih", "saleh", "latif", "atif",
          "aitf", "batarfi", "btrfy", "wali", "vali", "iman", "imman", "mohhammed", "khallid",
          "a", "m", "12", "121"]  # fmt: skip


@pytest.mark.parametrize("cut", [0.94, 0.9, 0.5, 1.0])
def test_table_words_alike_as_their_similarity_says(cut: float) -> None:
    words = WordParams()
    for word in _WORDS:
        for listed in _WORDS:
            sim = similarity_rows((word,), (listed,), initials=False, params=words)[0][0]
            assert spelled._alike(word, listed, cut, words) == (sim >= cut), (word, listed)


def test_only_sound_or_doubling_reaches_the_spelled_cut() -> None:
    words = WordParams()
    assert spelled._sound_or_doubling_needed(0.94, words)  # (the declared cut)
    assert not spelled._sound_or_doubling_needed(0.9, words)  # dist 1: 0.92, computed
    assert not spelled._sound_or_doubling_needed(0.94, replace(words, swap_sim=0.95))
    assert not spelled._sound_or_doubling_needed(0.94, replace(words, first_letter_factor=1.1))


@pytest.mark.parametrize(
    "listed",
    ["AL-MOALLEM, Walid", "SA'DU, Muhammad", "Abd al-Aziz bin Abd al-Rahman AL SAUD",
     "HAJJI BAKR, Samir Abd Muhammad al-Khlifawi", "Dr. Ayman AL-ZAWAHIRI", "MOHAMED ALI NKALUBO",
     "Sheikh Abu Bakr (Baghdadi)", "Tareq 1 Trading LLC", "Kim Jong-un", "O'BRIEN, Sean",
     "Mohammed Saʿid", "Sa'îd Ould Ahmed", "ООО Верус", "محمد علي", "---", ""],
)  # fmt: skip
def test_listed_words_are_those_of_the_first_latin_form(listed: str) -> None:
    forms = analyse(listed, split_forms=False)
    expected = forms[0].tokens if forms and not forms[0].native else ()
    assert spelled._listed_words.__wrapped__(listed) == expected


@pytest.mark.parametrize(
    ("script", "q_words", "c_words", "kept"),
    [
        (ARABIC, ("muhammad", "alhda"), ("muhammad", "a"), [(0, 0)]),  # no abd al- word
        (LATIN, ("muhammad", "alhda"), ("muhammad", "a"), [(0, 0), (1, 1)]),
        (LATIN, ("husayn", "ali"), ("husayn", "abdul", "ali"), [(0, 0)]),  # abdul listed only
        (LATIN, ("husayn", "abdul", "ali"), ("husayn", "ali"), [(0, 0)]),  # ... queried only
        (ARABIC, ("husayn", "ali"), ("husayn", "ali"), [(0, 0), (1, 1)]),
    ],
)
def test_arabic_pairs_undone_with_and_without_an_abd_word(
    script: str, q_words: tuple[str, ...], c_words: tuple[str, ...], kept: list[tuple[int, int]]
) -> None:
    pairs = [(0, 0, 1.0, 1, 1), (len(q_words) - 1, len(c_words) - 1, 0.9, 1, 1)]
    q_used, c_used = [False] * len(q_words), [False] * len(c_words)
    for i, j, *_ in pairs:
        q_used[i] = c_used[j] = True
    undo_arabic_pairs(script, q_words, c_words, q_used, c_used, pairs)
    assert [(i, j) for i, j, *_ in pairs] == kept
    assert sum(q_used) == sum(c_used) == len(kept)
