"""Hebrew-script names read as consonant skeletons (issue 11, class 6).

Hebrew is an abjad: a name is written with its consonants and, where a vowel is long, a
mater lectionis (ו for o/u, י for i/e) that Latin letters do not write as a consonant. ICU
romanises such a name without its vowels ("משה כהן" as "msh khn"), which no listed Latin name
spells. Like an Arabic-script query (:func:`clearance.matching.scripts.arabic_skeleton`), a
Hebrew-script query is matched on its consonants against the skeletons of the listed Latin
names (:func:`clearance.matching.scripts.latin_skeleton`: the same alphabet, so the index is
unchanged): each letter stands for the skeleton letters its Latin spellings give (ב as b or
v, כ as k or ch, פ as p or f, ח as h, kh or ch, ת as t or th, ו as a vowel or v), and a
word's readings are the few most likely combinations of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import product

import numpy as np
import numpy.typing as npt

from clearance.matching.crowded import crowd_kept
from clearance.matching.hebrew_spelling import GAP, Node, alt, expand, fullmatch, lit, plus, seq
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
_GERESH_MARKS = frozenset("\u05f3'\u2019`")
_DAGESH_MARK = "\u05bc"
_POINTS = re.compile("[\u0591-\u05bb\u05bd-\u05c7]")  # cantillation and vowel points
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


def _letters(word: str) -> list[tuple[str, ...]]:
    """The skeleton letters each letter of ``word`` may stand for."""
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
        if mark in _GERESH_MARKS and c in _GERESH:
            out.append(_GERESH[c])
            i += 2
            continue
        if mark == _DAGESH_MARK and c in _DAGESH:
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
        elif c in _LETTERS:
            out.append(_LETTERS[c])
        i += 1
    return out


@lru_cache(maxsize=4096)
def _word_readings(word: str) -> list[tuple[int, str]]:
    """``(cost, skeleton)`` of each reading of a Hebrew word (cost: letters read otherwise
    than their most common way), distinct, the cheapest first."""
    if _VOWELS_ONLY.fullmatch(word):  # "או" / OO, "ייו" / Yiu, "וו" / Wu: the lists' skeletons
        return []  # write no letter for them (w and y are vowels there)
    found: dict[str, int] = {}
    for choice in product(*(enumerate(alts) for alts in _letters(word))):
        text = undouble("".join(letter for _, letter in choice)).removesuffix("h")
        cost = sum(1 for i, _ in choice if i)
        if text and (text not in found or cost < found[text]):
            found[text] = cost
    return sorted(((cost, text) for text, cost in found.items()), key=lambda r: r[0])


_Readings = list[tuple[int, str]]
_ABD = frozenset({"bd", "fd"})  # (the readings of אבד, עבד)
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
    readings = _with_article([(w, _word_readings(w)) for w in hebrew_words(text)])
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


# -- the guard (issue 11, class 9 for Hebrew): the vowels a Hebrew name writes must agree -------
# A Hebrew letter -> the Latin spellings it may stand for (a regular expression); between
# letters, a short vowel Hebrew leaves unwritten (one; none at the end of a word that ends in
# a consonant, as a final vowel is written; ג is g, an Arabic gh is written ע׳ or ג׳). A mater
# lectionis, ו or י, stands for a vowel the listed word must have there (o/u, i/e), or for
# the consonant v or y after one.
_GAP = "'?(?:[aeiou]|a[eo]|e[ao]|y(?![aeiou]))?'?"  # one short vowel (a y before a vowel is
# י), or two Hebrew writes none of (Nikolaevich, "ניקולביץ'"; Laureano, "לורנו"; Paez, "פז")
_VAV = f"(?:o|u|ou|oo|ow|uw|au|eu|{_GAP}(?:v|w|f))"
_YOD = f"(?:i|e|y|j|ee|ie|ei|ey|ai|ay|iy|{_GAP}y)"
_SPELT: dict[str, str] = {
    "א": "", "ע": "(?:gh?)?", "ב": "(?:b|v|w)", "ג": "gh?", "ד": "(?:d|dh)", "ה": "h?",
    "ז": "(?:z|s)",
    "ח": "(?:h|kh|ch|x)", "ט": "(?:t|th)", "כ": "(?:k|kh|ch|c|q|ck|h)", "ך": "(?:k|kh|ch|c|h)",
    "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "(?:s|c|z)", "פ": "(?:p|f|ph)",
    "ף": "(?:f|ph|p)", "צ": "(?:ts|tz|z|c|s|tc|cz|zt)", "ץ": "(?:ts|tz|z|c|s|tc|cz|zt)",
    "ק": "(?:k|q|c|ck|kh|g)", "ר": "r", "ש": "(?:sh|s|sch|ch|z)", "ת": "(?:t|th)",
}  # fmt: skip
_SPELT_GERESH = {"ג": "(?:j|g|dj|dzh|zh)", "ז": "(?:zh|j|g|sh)", "צ": "(?:ch|tch|tsch|tsh|c|cz)",
                 "ץ": "(?:ch|tch|tsch|tsh|c|cz)", "ע": "gh?", "ח": "(?:kh|h|ch|x)",
                 "ד": "(?:dh|d|z|th)", "ת": "(?:th|t|s)", "ט": "(?:z|dh|t)"}  # fmt: skip
_LATIN_WORD = re.compile("[a-z]+(?:'[a-z]+)*")
_APOSTROPHES = re.compile("[\u2018\u2019`\u02bc\u02be\u02bf]")
_FINAL_VOWEL_LETTERS = frozenset("אהויע")
_FINAL_HE = "'?(?:[aeo]|y?[ae])h?"


def _spelt_letters(word: str) -> list[tuple[str, str]]:
    """``(kind, letter)`` of each letter of ``word`` as :func:`spelling_pattern` spells it:
    "vv" (וו), "yy" (יי), "geresh" (a letter with one), "vav", "yod", or "letter"."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(word):
        c, mark = word[i], word[i + 1] if i + 1 < len(word) else ""
        if c in "וי" and mark == c:
            out.append(("vv" if c == "ו" else "yy", c))
            i += 2
            continue
        if mark in _GERESH_MARKS:
            out.append(("geresh", c))
            i += 2
            continue
        if c == "ו":
            out.append(("vav", c))
        elif c == "י":
            out.append(("yod", c))
        elif c in _SPELT:
            out.append(("letter", c))
        i += 1
    return out


def _bare(word: str) -> str:
    return _POINTS.sub("", word).replace(_DAGESH_MARK, "")


@lru_cache(maxsize=4096)
def spelling_pattern(word: str) -> re.Pattern[str] | None:
    """The Latin spellings of a Hebrew word whose written vowels (matres lectionis) stand
    where the Latin word has such a vowel: "מוחמד" is Muhammad or Mohammed, not Mahmoud
    (matched without compiling it: :func:`spelling_node`)."""
    word = _bare(word)
    parts: list[str] = []
    letters = _spelt_letters(word)
    for kind, c in letters:
        if kind == "vv":
            parts.append(f"{_GAP}(?:v|w|f)+{_GAP}")
        elif kind == "yy":  # יי: a diphthong or y ("חיים", Haim, Chayim)
            parts.append(f"{_YOD}{_GAP}y?{_GAP}")
        elif kind == "geresh":
            parts.append(_SPELT_GERESH.get(c, _SPELT.get(c, "")) + _GAP)
        elif kind == "vav":
            parts.append(_VAV + _GAP)
        elif kind == "yod":
            parts.append(_YOD + _GAP)
        else:
            parts.append(_SPELT[c] + _GAP)
    if not parts:
        return None
    if word[-1] not in _FINAL_VOWEL_LETTERS or letters[-1][0] == "vav":
        # (a final vowel is written: "כהן" is no Kahane; a final ו is o, u or v, and a vowel
        # after it would be written too: "אליהו" is no LEHAVA)
        parts[-1] = parts[-1].removesuffix(_GAP)
    elif word[-1] == "ה" and len(parts) > 1 and parts[-2].endswith(_GAP):
        # a final he writes a, e or o (Sara, Moshe, Shlomo), never i or u: "אלה" is no Ali
        # (after ו or י, it may be the h of a Latin spelling: Salih "סליה", Rabbuh "רבוה")
        final = f"(?:{_FINAL_HE}|h)" if word[-2] in "וי" else _FINAL_HE
        parts[-2], parts[-1] = parts[-2].removesuffix(_GAP), final
    return re.compile("".join(parts))


_NODE_VAV = alt(lit("o", "u", "ou", "oo", "ow", "uw", "au", "eu"), seq(GAP, lit("v", "w", "f")))
_NODE_YOD = alt(
    lit("i", "e", "y", "j", "ee", "ie", "ei", "ey", "ai", "ay", "iy"), seq(GAP, lit("y"))
)


@lru_cache(maxsize=4096)
def spelling_node(word: str) -> Node | None:
    """:func:`spelling_pattern`'s spellings as a :data:`~clearance.matching.hebrew_spelling.
    Node` (the same language, part for part), matched with no regular expression to compile:
    :func:`~clearance.matching.hebrew_spelling.fullmatch`."""
    word = _bare(word)
    parts: list[list[Node]] = []
    letters = _spelt_letters(word)
    for kind, c in letters:
        if kind == "vv":
            parts.append([GAP, plus(lit("v", "w", "f")), GAP])
        elif kind == "yy":
            parts.append([_NODE_YOD, GAP, lit("", "y"), GAP])
        elif kind == "geresh":
            parts.append([expand(_SPELT_GERESH.get(c, _SPELT.get(c, ""))), GAP])
        elif kind == "vav":
            parts.append([_NODE_VAV, GAP])
        elif kind == "yod":
            parts.append([_NODE_YOD, GAP])
        else:
            parts.append([expand(_SPELT[c]), GAP])
    if not parts:
        return None
    if word[-1] not in _FINAL_VOWEL_LETTERS or letters[-1][0] == "vav":
        parts[-1].pop()
    elif word[-1] == "ה" and len(parts) > 1:
        final = f"(?:{_FINAL_HE}|h)" if word[-2] in "וי" else _FINAL_HE
        parts[-2].pop()
        parts[-1] = [expand(final)]
    return seq(*(node for part in parts for node in part))


def latin_words(listed: str) -> list[str]:
    """The words of a listed name as :func:`spelling_pattern` reads them: folded to ASCII
    lower case, x as ks, each run of one letter written once."""
    text = listed.lower()
    if not text.isascii():
        text = _APOSTROPHES.sub("'", text)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = _APOSTROPHES.sub("'", text)  # (kept inside a word: "sa'ad" is one, "סעד")
    return [undouble(w.replace("x", "ks")) for w in _LATIN_WORD.findall(text)]


# listed words a Hebrew writer may leave out: articles, "son of", "father of", name particles
_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "bin", "ben", "ibn",
                        "bint", "abu", "bu", "de", "da", "di", "del", "der", "van", "von", "la",
                        "le", "y"})  # fmt: skip


@lru_cache(maxsize=65536)
def vowels_agree(words: tuple[str, ...], listed: str) -> bool:
    """Whether the Hebrew ``words`` and the listed name ``listed`` may be the same name: every
    Hebrew word may be spelt as some listed word, and every listed word (but initials and
    particles) is so spelt by some Hebrew word: given and family names both agree, and a
    listed name with a word more ("ALDIN, Haroun Nasser" for "אהרון נאסר") is not the query's."""
    latin = _listed_words(listed)
    nodes = [n for n in map(spelling_node, words) if n is not None]
    if not all(any(fullmatch(n, w) for w in latin) for n in nodes):
        return False
    return all(len(w) < 2 or w in _PARTICLES or any(fullmatch(n, w) for n in nodes)
               for w in latin)  # fmt: skip


def written_vowels(words: tuple[str, ...]) -> int:
    """The vowels the Hebrew ``words`` write (a ו or י but in וו, יי and a word's first letter,
    there a consonant): when they agree with the listed words' (:func:`hebrew_trust`), each
    counts as a consonant does towards ``TrustParams.skeleton_full_letters`` in a reading's
    spelled (full) trust — "אלי אושיירן" (Ali OSSEIRAN, "l srn") says no less of its name than
    a skeleton of six letters. Not in the trust a reading is retrieved at (only the names
    every word reaches exactly are bounded at the spelled trust): the names near it are not
    scored for it."""
    return sum(len(_MATRES.findall(w, 1)) for w in words)


_MATRES = re.compile("(?<![וי])[וי](?![וי])")


@lru_cache(maxsize=1024)
def hebrew_reading(text: str) -> tuple[tuple[str, ...], int]:
    """The Hebrew words of ``text`` and the vowels they write (:func:`written_vowels`), once
    for the many skeleton readings of one text."""
    words = hebrew_words(text)
    return words, written_vowels(words)


def hebrew_words(text: str) -> tuple[str, ...]:
    """The Hebrew words of ``text`` (points left out)."""
    return tuple(w for w in _WORD.findall(_POINTS.sub("", text)) if is_hebrew(w))


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
    positions = _with_article([(w, _word_readings(w)) for w in words])
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


@lru_cache(maxsize=65536)
def _listed_words(listed: str) -> tuple[str, ...]:
    """:func:`latin_words` of a listed name (memoised: common names are met query after
    query)."""
    return tuple(latin_words(listed))


def agreeing_ids(index: NameIndex, words: tuple[str, ...], records: list[int]) -> set[int]:
    """Of ``records``, those whose listed names :func:`vowels_agree` with the Hebrew ``words``
    (the same test, each distinct listed word matched against the words' spellings once)."""
    patterns = [p for p in map(spelling_pattern, words) if p is not None]
    full = (1 << len(patterns)) - 1
    masks: dict[str, int] = {}
    text = index.rec_text
    kept: set[int] = set()
    for rec in records:
        seen = 0
        for word in _listed_words(text[rec]):
            mask = masks.get(word)
            if mask is None:
                mask = sum(1 << i for i, p in enumerate(patterns) if p.fullmatch(word))
                masks[word] = mask
            if not mask and len(word) >= 2 and word not in _PARTICLES:  # noqa: PLR2004
                break  # (a listed word no Hebrew word spells)
            seen |= mask
        else:
            if seen == full:
                kept.add(rec)
    return kept


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
