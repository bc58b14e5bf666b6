"""Hebrew-script names read as consonant skeletons (issue 11, class 6).

Hebrew is an abjad: a name is written with its consonants and, where a vowel is long, a
mater lectionis (ו for o/u, י for i/e) that Latin letters do not write as a consonant. ICU
romanises such a name without its vowels ("משה כהן" as "msh khn"), which no listed Latin name
spells. Like an Arabic-script query (:func:`clearance.matching.scripts.arabic_skeleton`), a
Hebrew-script query is matched on its consonants against the skeletons of the listed Latin
names (:func:`clearance.matching.scripts.latin_skeleton`: the same alphabet, so the index is
unchanged): each letter stands for the skeleton letters its Latin spellings give (ב as b or
v, כ as k or ch, פ as p or f, ח as h, kh or ch, ת as t or th, ו as a vowel or v), and a
word's readings are the few most likely combinations of them. Such a match alerts only when
the vowels the name writes agree with the listed name's (the guard:
:mod:`clearance.matching.hebrew_vowels`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import product

import numpy as np
import numpy.typing as npt

from clearance.matching.crowded import crowd_kept
from clearance.matching.hebrew_vowels import (
    DAGESH_MARK,
    GERESH_MARKS,
    POINTS,
    abd_parts,
    agreeing_ids,
    vowels_agree,
    written_vowels,
)
from clearance.matching.index import KIND_SKELETON, NameIndex
from clearance.matching.normalize import NameForm
from clearance.matching.params import TrustParams
from clearance.matching.retrieve import QueryForm
from clearance.matching.scripts import undouble
from clearance.scripts import HEBREW

# a letter -> the skeleton letters of its Latin spellings, the most common first
# (latin_skeleton: v -> f, p -> b, kh -> k, sh -> s, th -> s, ch -> j, zh -> z; vowels, w, y
# write none)
_LETTERS: dict[str, tuple[str, ...]] = {
    "א": ("",), "ב": ("b", "f"), "ג": ("g",), "ד": ("d",), "ה": ("h",), "ו": ("", "f"),
    "ז": ("z",), "ח": ("h", "k", "j"), "ט": ("t",), "י": ("",), "כ": ("k", "j"), "ך": ("k",),
    "ל": ("l",), "מ": ("m",), "ם": ("m",), "נ": ("n",), "ן": ("n",), "ס": ("s",), "ע": ("", "g"),
    "פ": ("b", "f"), "ף": ("f",), "צ": ("ts", "tz", "z", "s"), "ץ": ("ts", "tz", "z", "s"),
    "ק": ("k",),
    "ר": ("r",), "ש": ("s",), "ת": ("t", "s"),
}  # fmt: skip
# a letter with a geresh (ג׳ j, ז׳ zh, צ׳ ch) and a doubled vav (וו, v)
# (and the Arabic letters Hebrew writes with one: ע׳ gh, ח׳ kh, ד׳ dh, ת׳ th, ט׳ z)
_GERESH: dict[str, tuple[str, ...]] = {"ג": ("j",), "ז": ("z",), "צ": ("j",), "ץ": ("j",),
                                       "ע": ("g",), "ח": ("k", "h"), "ד": ("z", "d"),
                                       "ת": ("s", "t"), "ט": ("z", "t")}  # fmt: skip
_DAGESH: dict[str, tuple[str, ...]] = {"ב": ("b",), "כ": ("k",), "פ": ("b",)}
_WORD = re.compile("[\u05d0-\u05ea\u05bc\u05f3'\u2019`]+")
MAX_READINGS = 4
"""A query's skeleton readings screened are at most this many (:func:`listed_readings`)."""
CANDIDATE_READINGS = 32
"""A name's skeleton readings made are at most this many (the most likely first)."""


_LETTER = re.compile("[\u05d0-\u05ea]")
_VOWELS_ONLY = re.compile("[אהויע]+")
_PATRONYMIC = 5  # letters of the shortest word read as a patronymic, -vich
_CH: tuple[str, ...] = ("j", "k", "h")
_PATRONYMIC_ENDS: dict[str, list[tuple[str, ...]]] = {
    "ח": [_CH], "ך": [_CH], "כ": [_CH], "יח": [_CH], "יך": [_CH], "יכ": [_CH],
    "יץ׳": [("j",)], "ץ׳": [("j",)], "יץ'": [("j",)], "ץ'": [("j",)], "נה": [("n",)],
}  # fmt: skip


def is_hebrew(text: str) -> bool:
    """Whether ``text`` has a Hebrew letter."""
    return _LETTER.search(text) is not None


# a Slavic name's letters (one with a patronymic, :func:`_is_patronymic`): Russian has no h and
# more v than b, so ב is v first ("בלדימיר" / Vladimir, "בסיליו" / Vasilyev; not in Bo-, Bu-
# nor a last b: :func:`_slavic_b`) and ח kh
# ("מיחייל" / Mikhail), a last ו the v of -ov / -ev ("מלישו" / Malyshev) and a ו after a first
# אי the v of Iv- ("איון" / Ivan); the other readings still follow
_SLAVIC: dict[str, tuple[str, ...]] = {"ב": ("f", "b"), "ח": ("k", "j", "h")}
_SLAVIC_VAV: tuple[str, ...] = ("f", "")
_IV = "אי"


def _is_patronymic(word: str) -> bool:
    """Whether ``word`` is read as a Russian patronymic (-vich, -vna: :func:`_letters`)."""
    if len(word) < _PATRONYMIC:
        return False
    return any(word.endswith(end) and word[-len(end) - 1] in "וב" for end in _PATRONYMIC_ENDS)


def _slavic_b(word: str, i: int) -> bool:
    """Whether the ב at ``word[i]`` is b first in a Slavic name too: before ו (Bo-, Bu-:
    "בוריס" / Boris, Bogdan) or last after a letter but ו (Gleb, "גלב"; -ov is "וב")."""
    if word[i] != "ב":
        return False
    if i + 1 < len(word):
        return word[i + 1] == "ו"
    return i > 0 and word[i - 1] != "ו"


def _letters(word: str, slavic: bool = False) -> list[tuple[str, ...]]:
    """The skeleton letters each letter of ``word`` may stand for (in a Slavic name's way
    first when ``slavic``: see :data:`_SLAVIC`)."""
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(word):
        c, mark = word[i], word[i + 1] if i + 1 < len(word) else ""
        if c == "ו" and mark == "ו":  # וו: the consonant v
            out.append(("f",))
            if len(word) >= _PATRONYMIC and word[i + 2 :] in _PATRONYMIC_ENDS:
                out.extend(_PATRONYMIC_ENDS[word[i + 2 :]])  # (-vich: "איבנוויח" / Ivanovich)
                break
            i += 2
            continue
        if mark in GERESH_MARKS and c in _GERESH:
            out.append(_GERESH[c])
            i += 2
            continue
        if mark == DAGESH_MARK and c in _DAGESH:
            out.append(_DAGESH[c])
            i += 2
            continue
        if c == "י" and not i:  # (a first yod: y, or j as German writers spell it, Josef)
            out.append(("", "j"))
        elif c == "ו" and not i:  # a first vav is the consonant v or w (a first vowel is
            out.append(("f", ""))  # written with א: "ולדימיר" / Vladimir, "ושילי" / Vasiliy)
        elif c in "וב" and len(word) >= _PATRONYMIC and word[i + 1 :] in _PATRONYMIC_ENDS:
            # a Russian patronymic's -vich or -vna ("איבנוביח" / Ivanovich, "ניכולויך" /
            # Nikolaevich, "איבנובנה" / Ivanovna): v and ch first
            out.append(("f", "") if c == "ו" else ("f", "b"))
            out.extend(_PATRONYMIC_ENDS[word[i + 1 :]])
            break
        elif slavic and c == "ו" and (i == len(word) - 1 or (i == len(_IV) and word[:i] == _IV)):
            out.append(_SLAVIC_VAV)
        elif slavic and c in _SLAVIC and not _slavic_b(word, i):
            out.append(_SLAVIC[c])
        elif c in _LETTERS:
            out.append(_LETTERS[c])
        i += 1
    return out


@lru_cache(maxsize=4096)
def _word_readings(word: str, slavic: bool = False) -> list[tuple[int, str]]:
    """``(cost, skeleton)`` of each reading of a Hebrew word (cost: letters read otherwise
    than their most common way, a Slavic name's when ``slavic``), distinct, the cheapest
    first."""
    if _VOWELS_ONLY.fullmatch(word):  # "או" / OO, "ייו" / Yiu, "וו" / Wu: the lists' skeletons
        return []  # write no letter for them (w and y are vowels there)
    found: dict[str, int] = {}
    for choice in product(*(enumerate(alts) for alts in _letters(word, slavic))):
        text = undouble("".join(letter for _, letter in choice)).removesuffix("h")
        cost = sum(1 for i, _ in choice if i)
        if text and (text not in found or cost < found[text]):
            found[text] = cost
    return sorted(((cost, text) for text, cost in found.items()), key=lambda r: r[0])


_Readings = list[tuple[int, str]]
_ABD = frozenset({"bd", "fd"})  # (the readings of אבד, עבד)
_ABD_HEAD = "bdl"  # (the lists' skeleton of a compound's "abdul")
_ARTICLE = "אל"


def _with_article(words: list[tuple[str, _Readings]]) -> list[_Readings]:
    """The readings of a name's words (those without any left out) with the article אל
    written apart read as the lists' skeletons write it: run onto the word after it ("אל
    אוטייבי" / AL OTAIBI, "ltb"; "אל שייח" / AL-SHAYKH, "lsk"), or after abd onto abd ("אבד
    אל לתיף" / ABD AL-LATIF, "bdl ltf") — a listed name's skeleton never has it apart."""
    out: list[_Readings] = []
    article = False
    for word, readings in words:
        if not readings:
            continue
        if article:
            readings = _joined([(0, "l")], readings)
            article = False
        elif word == _ARTICLE and out and {t for _, t in out[-1]} <= _ABD:
            readings = _joined(out.pop(), readings)
        elif word == _ARTICLE:
            article = True
            continue
        out.append(readings)
    if article:
        out.append([(0, "l")])
    return out


def _positions(words: tuple[str, ...]) -> list[_Readings]:
    """The readings of a name's Hebrew ``words``, word by word as the lists' skeletons write
    them: a Slavic name's letters its way (a word of it a patronymic: :data:`_SLAVIC`), an abd
    compound written as one word as two, "bdl" and the rest ("אבדולפטה" / ABDULPATTA: "bdl bt",
    as the lists' canonical form writes "abdul patta"), the article as :func:`_with_article`
    reads it."""
    slavic = any(map(_is_patronymic, words))
    read: list[tuple[str, _Readings]] = []
    for word in words:
        parts = abd_parts(word)
        if parts is not None:
            read.append((parts[0], [(0, _ABD_HEAD)]))
            word = parts[1]
        read.append((word, _word_readings(word, slavic)))
    return _with_article(read)


def _joined(first: _Readings, second: _Readings) -> _Readings:
    """The readings of two words written as one (cost: both), distinct, the cheapest first."""
    found: dict[str, int] = {}
    for cost_a, a in first:
        for cost_b, b in second:
            text, cost = undouble(a + b), cost_a + cost_b
            if text not in found or cost < found[text]:
                found[text] = cost
    return sorted(((cost, text) for text, cost in found.items()), key=lambda r: r[0])


def hebrew_skeletons(text: str, limit: int = CANDIDATE_READINGS) -> list[tuple[str, ...]]:
    """The consonant skeletons of a Hebrew-script name, in the alphabet of the listed Latin
    names' skeletons: at most ``limit`` combinations of its words' readings, the fewest
    letters read otherwise than their most common way first ("משה כהן" -> ("ms", "khn"), ...;
    "אברהם לוי" -> ("brhm", "l"), ("frhm", "l"), ("brhm", "lf"), ...)."""
    readings = _positions(hebrew_words(text))
    if not readings:
        return []
    combos = sorted(product(*readings), key=lambda c: sum(cost for cost, _ in c))
    out: list[tuple[str, ...]] = []
    for combo in combos:
        skel = tuple(s for _, s in combo)
        if skel not in out:
            out.append(skel)
        if len(out) >= limit:
            break
    return out


@lru_cache(maxsize=1024)
def hebrew_reading(text: str) -> tuple[tuple[str, ...], int]:
    """The Hebrew words of ``text`` and the vowels they write (:func:`written_vowels`), once
    for the many skeleton readings of one text."""
    words = hebrew_words(text)
    return words, written_vowels(words)


def hebrew_words(text: str) -> tuple[str, ...]:
    """The Hebrew words of ``text`` (points left out)."""
    return tuple(w for w in _WORD.findall(POINTS.sub("", text)) if is_hebrew(w))


def hebrew_trust(
    qform: QueryForm, listed: str, discount: float, score: float = 1.0, floor: float = 0.0
) -> float:
    """The trust of a Hebrew-script skeleton match (scoring ``score`` untrusted) with the
    listed name ``listed``: its spelled (full) trust when the vowels the query writes agree
    with the listed words, else ``discount`` of it (``TrustParams.vowelled_skeleton``):
    consonants alone do not alert. The listed words are looked at only where the full trust
    brings the score to ``floor``, the alert threshold (as ``spelled.record_trust`` does)."""
    if score * qform.spelled < floor or not vowels_agree(qform.reading, listed):
        return qform.spelled * discount
    return qform.spelled


def agreeing_hebrew(
    index: NameIndex, words: tuple[str, ...], records: npt.NDArray[np.int32]
) -> npt.NDArray[np.int32]:
    """Of a crowded skeleton's ``records``, those whose listed names the Hebrew ``words``
    agree with (:func:`vowels_agree`): only they may reach the spelled trust."""
    text = index.rec_text
    kept = [rec for rec in records.tolist() if vowels_agree(words, text[rec])]
    return np.array(kept, dtype=np.int32)


_ROUNDING = 1e-9
_DISCOUNT = TrustParams().vowelled_skeleton


def listed_readings(
    forms: list[QueryForm], vocab: Mapping[str, int], discount: float = _DISCOUNT
) -> list[QueryForm]:
    """``forms`` with at most :data:`MAX_READINGS` of their Hebrew-script skeleton readings,
    made word by word (:func:`vocab_skeletons`): first those whose every word of two letters or
    more is a listed skeleton word (``vocab``, the index's keys: how the lists spell; "s:mhmd"
    is listed, "s:mfhmd" not), then those with fewer unlisted words, each group the most likely
    first; each with the trust of a reading made of as many letters (``forms.skeleton_trust``
    weighs a skeleton by its letters). A reading is retrieved at its discounted trust (its
    vowels are looked at only for the names it reaches exactly: see :func:`agreeing_hebrew`),
    but for the first when it has no one-letter word: that one reaches at its full trust of
    its letters (its trust over ``discount``, ``TrustParams.vowelled_skeleton``; the written
    vowels are not counted: :func:`written_vowels`) the names one of its words is misspelt
    for ("ניקולויך" / Nikolaevich), whose vowels decide in scoring (:func:`hebrew_trust`)."""
    out: list[QueryForm] = []
    groups: dict[tuple[str, ...], dict[int, QueryForm]] = {}
    for form in forms:
        if form.kind != KIND_SKELETON or form.form.script != HEBREW:
            out.append(form)
        else:
            made = groups.setdefault(form.reading, {})
            made.setdefault(sum(map(len, form.form.tokens)), form)
    ranked: list[tuple[tuple[int, int], QueryForm]] = []
    for words, made in groups.items():
        for rank, skel in vocab_skeletons(words, vocab):
            letters = sum(map(len, skel))
            like = made[min(made, key=lambda n: (abs(n - letters), -n))]  # (as many letters)
            ranked.append((rank, replace(like, form=NameForm(skel, like.form.forms, HEBREW))))
    ranked.sort(key=lambda r: r[0])
    kept: list[QueryForm] = []
    for _, qform in ranked:
        if all(qform.form.tokens != k.form.tokens for k in kept):
            kept.append(qform)
    kept = kept[:MAX_READINGS]
    if kept and min(map(len, kept[0].form.tokens)) > 1:  # ("l" is credited to every name)
        first = kept[0]
        own = first.trust / discount if written_vowels(first.reading) else first.spelled
        if own > first.spelled - _ROUNDING:  # (letters enough: the vowels added nothing)
            own = first.spelled
        kept[0] = replace(first, trust=own)
    return out + kept


_PER_WORD = 3  # a word's readings combined (the listed first, the most likely first)
_PER_LONG_NAME = 2  # ... in a name of more than _LONG_NAME words
_LONG_NAME = 5


def vocab_skeletons(
    words: tuple[str, ...], vocab: Mapping[str, int]
) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    """The skeleton readings of the Hebrew ``words`` with their rank (unlisted words, letters
    read otherwise than their most common way), the best first: each word read first as the
    lists spell (its readings that are ``vocab`` keys), however unlikely ("ניכולויח", ו as v
    and ח as ch, is Nikolaevich's "nklfj"), then the most likely. Made word by word, a
    listed reading is found however many readings the other words have."""
    positions = _positions(words)
    per = _PER_WORD if len(positions) <= _LONG_NAME else _PER_LONG_NAME
    choices: list[list[tuple[int, int, str]]] = []
    for readings in positions:
        marked = [(int(len(t) > 1 and "s:" + t not in vocab), cost, t) for cost, t in readings]
        choices.append(sorted(marked, key=lambda r: (r[0], r[1]))[:per])
    combos = [((sum(r[0] for r in c), sum(r[1] for r in c)), tuple(r[2] for r in c))
              for c in product(*choices)]  # fmt: skip
    return sorted(combos, key=lambda r: r[0])


# -- crowded readings: a Hebrew reading with a common word reaches every name that holds it ----
# ("מוחמד אבו ליל": "mhmd b l", its one-letter words credited to every name, reaches the ~1,900
# names with a Muhammad). Only names whose vowels agree (:func:`vowels_agree`) can be trusted
# enough to alert (:func:`hebrew_trust`): past ``cap`` skeleton candidates, the others are not
# scored — they could be shown only under the threshold.


def crowded_readings(
    index: NameIndex, forms: list[QueryForm], records: dict[int, float], threshold: float,
    discount: float, cap: int, plain: bool,
) -> dict[int, float]:  # fmt: skip
    """``records`` (retrieved for ``forms``) without the skeleton records of Hebrew readings
    whose vowels do not agree, when there are more than ``cap`` of them and no such record can
    alert: its trust, ``spelled * discount`` (:func:`hebrew_trust`), keeps it under
    ``threshold``, and ``plain`` (a query with no birth date, country nor legal form: nothing
    else adds to a name's score)."""
    hebrew = [f for f in forms if f.kind == KIND_SKELETON and f.form.script == HEBREW]
    if not hebrew or not plain or max(f.spelled for f in hebrew) * discount >= threshold:
        return records
    if any(f.form.forms for f in hebrew):
        return records
    readings = dict.fromkeys(f.reading for f in hebrew)

    def agreeing(skeletal: list[int]) -> set[int]:
        kept: set[int] = set()
        for words in readings:
            kept |= agreeing_ids(index, words, [r for r in skeletal if r not in kept])
        return kept

    return crowd_kept(index, records, cap, agreeing)  # (as an Arabic-script skeleton's: h133)
