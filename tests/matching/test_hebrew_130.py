"""Hebrew script, round five (issue 11, class 6).

The guard's spellings of a Hebrew word are matched as nodes everywhere, also where a crowded
reading's names are kept (:func:`~clearance.matching.hebrew_vowels.agreeing_ids`): no regular
expression is compiled for a Hebrew query (~0.3 ms a word on a cold pass); the guard is its own
module (:mod:`clearance.matching.hebrew_vowels`). The largest classes of the tune split's
misses: a Slavic name (one with a patronymic) read the Slavic way first, and an abd compound
written as one word read and guarded as the lists' canonical form writes it, in two words.
"""

from __future__ import annotations

import re

import pytest

from clearance.matching.engine import Screener
from clearance.matching.hebrew import hebrew_skeletons
from clearance.matching.hebrew_vowels import abd_parts, agreeing_ids, vowels_agree
from clearance.matching.index import KIND_SKELETON
from clearance.settings import MatchingPolicy
from tests.matching.factory import e
from tests.matching.test_hebrew_128 import _alerted, _skeleton  # (its list of look-alikes)


def _listed(*names: str) -> Screener:
    built = [e("person", name, source_id=name) for name in names]
    return Screener.build(built, MatchingPolicy(screen_cache=0))


def test_a_crowded_reading_compiles_no_regular_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    """:func:`agreeing_ids` keeps the names :func:`vowels_agree` keeps, with no ``re.compile``
    (words no test has met, so that no cache answers)."""
    screener = _listed("ZUBEIDI, Yaakov", "ZABADI, Yakub", "ZUBAYDI, Yaqub", "ZEBEDEE, Jacob")
    index = screener.index
    skeletal = [r for r in range(len(index.rec_kind)) if index.rec_kind[r] == KIND_SKELETON]
    words = ("יעקוב", "זובידי")
    expected = {r for r in skeletal if vowels_agree(words, index.rec_text[r])}

    def compile_(*args: object, **kwargs: object) -> re.Pattern[str]:
        raise AssertionError(f"re.compile{args}")

    monkeypatch.setattr(re, "compile", compile_)
    kept = agreeing_ids(index, words, skeletal)
    assert kept == expected
    assert {index.rec_text[r] for r in kept} == {"ZUBEIDI, Yaakov", "ZUBAYDI, Yaqub"}


# -- the recall classes of the tune split (bench_hebrew.py, seeds 0-3) ----------------------


def test_a_slavic_name_reads_its_letters_the_slavic_way() -> None:
    """A name with a patronymic is Slavic: ב is v, ח kh, a last ו the v of -ov / -ev, a ו
    after a first אי the v of Iv- — first, before the readings of other names."""
    assert hebrew_skeletons("בלדימיר איונוביח יקונין")[0] == _skeleton("Vladimir Ivanovich YAKUNIN")
    assert hebrew_skeletons("מיחייל גריגוריויך מלישו")[0] == _skeleton(
        "Mikhail Grigoryevich MALYSHEV"
    )
    assert ("fn", "dmtrfj", "tkf") in hebrew_skeletons("איבן דמיטרייביח תוככוו")[:2]
    # (no patronymic: ב is b first, as before)
    assert hebrew_skeletons("בוריס בלוב")[0] == ("brs", "blb")


def test_an_abd_compound_written_as_one_word_is_read_as_the_lists_write_it() -> None:
    """The lists' canonical form writes "Abdulpatta" as "abdul patta" ("bdl bt"): a Hebrew
    "אבדולפטה" is read so, and "עבדל קאדר" agrees with a listed "ABDELKADER"."""
    assert hebrew_skeletons("אבדולפטה אסקלון אבובקר")[0] == ("bdl", "bt", "skln", "bkr")
    assert _alerted("ABDULPATTA ESCALON ABUBAKAR", "אבדולפטה אסקלון אבובקר")
    assert _alerted("Abdelbakir Mohamad FAKHIRI", "אבדלבכיר מוהמד פכירי")
    assert _alerted("ABDELKADER, Ahmed", "אחמד עבדל קאדר")
    assert _alerted("ABDEL KADER, Ahmed", "אחמד עבדלקאדר")
    assert not _alerted("ABDELKARIM, Ahmed", "אחמד עבדל קאדר")
    assert vowels_agree(("עבדל", "קאדר"), "ABDELKADER")
    assert vowels_agree(("אבדלקאדר",), "ABDEL KADER")
    assert not vowels_agree(("אבדלקאדר",), "ABDEL KARIM")


def test_abdullah_and_a_patronymic_are_no_abd_compound() -> None:
    """A rest of ל and a letter or two is Allah's name, of vowel letters no name; -vich is a
    patronymic."""
    assert abd_parts("עבדאללה") is None and abd_parts("אבדולה") is None
    assert abd_parts("אבדולייויח") is None
    assert abd_parts("אבדולייה") is None  # (Abdoulaye: vowel letters after the abdul)
    assert abd_parts("אבדולהיי") == ("אבדול", "היי")  # (ABDULHAI: a ה that is no last one)
    assert abd_parts("אבדוללטיף") == ("אבדול", "לטיף")
