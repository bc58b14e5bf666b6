"""The guard of a Hebrew-script match (issue 11, class 9 for Hebrew): the vowels a Hebrew name
writes must agree with the listed name's.

A Hebrew letter stands for the Latin spellings it may have (:data:`_SPELT`); between letters,
a short vowel Hebrew leaves unwritten (one; none at the end of a word that ends in a consonant,
as a final vowel is written; ג is g, an Arabic gh is written ע׳ or ג׳). A mater lectionis, ו or
י, stands for a vowel the listed word must have there (o/u, i/e), or for the consonant v or y
after one. A word's spellings are a :data:`~clearance.matching.hebrew_spelling.Node`
(:func:`spelling_node`), matched letter by letter with no regular expression compiled
(:func:`~clearance.matching.hebrew_spelling.fullmatch`): "מוחמד" is Muhammad or Mohammed, not
Mahmoud. Split from :mod:`clearance.matching.hebrew` (its readings of a name's consonants).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from clearance.matching.hebrew_spelling import (
    GAP,
    Node,
    alt,
    edge_letters,
    expand,
    fullmatch,
    lit,
    plus,
    seq,
)
from clearance.matching.index import NameIndex
from clearance.matching.scripts import undouble

GERESH_MARKS = frozenset("\u05f3'\u2019`")
DAGESH_MARK = "\u05bc"
POINTS = re.compile("[\u0591-\u05bb\u05bd-\u05c7]")  # cantillation and vowel points
# A Hebrew letter -> its Latin spellings (the small patterns hebrew_spelling.expand reads)
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
    """``(kind, letter)`` of each letter of ``word`` as :func:`spelling_node` spells it:
    "vv" (וו), "yy" (יי), "geresh" (a letter with one), "vav", "yod", or "letter"."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(word):
        c, mark = word[i], word[i + 1] if i + 1 < len(word) else ""
        if c in "וי" and mark == c:
            out.append(("vv" if c == "ו" else "yy", c))
            i += 2
            continue
        if mark in GERESH_MARKS:
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
    return POINTS.sub("", word).replace(DAGESH_MARK, "")


# a vav: o/u, or the consonant v after a short vowel; a yod: i/e, or y after one
_NODE_VAV = alt(lit("o", "u", "ou", "oo", "ow", "uw", "au", "eu"), seq(GAP, lit("v", "w", "f")))
_NODE_YOD = alt(
    lit("i", "e", "y", "j", "ee", "ie", "ei", "ey", "ai", "ay", "iy"), seq(GAP, lit("y"))
)


@lru_cache(maxsize=4096)
def spelling_node(word: str) -> Node | None:
    """The Latin spellings of a Hebrew word whose written vowels (matres lectionis) stand
    where the Latin word has such a vowel, as a :data:`~clearance.matching.hebrew_spelling.
    Node`: each letter's spellings, each followed by a short vowel (:data:`~clearance.matching.
    hebrew_spelling.GAP`), וו one or more v, יי a diphthong or y ("חיים", Haim, Chayim)."""
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
        # (a final vowel is written: "כהן" is no Kahane; a final ו is o, u or v, and a vowel
        # after it would be written too: "אליהו" is no LEHAVA)
        parts[-1].pop()
    elif word[-1] == "ה" and len(parts) > 1:
        # a final he writes a, e or o (Sara, Moshe, Shlomo), never i or u: "אלה" is no Ali
        # (after ו or י, it may be the h of a Latin spelling: Salih "סליה", Rabbuh "רבוה")
        final = f"(?:{_FINAL_HE}|h)" if word[-2] in "וי" else _FINAL_HE
        parts[-2].pop()
        parts[-1] = [expand(final)]
    return seq(*(node for part in parts for node in part))


def latin_words(listed: str) -> list[str]:
    """The words of a listed name as :func:`spelling_node` reads them: folded to ASCII lower
    case, x as ks, each run of one letter written once."""
    text = listed.lower()
    if not text.isascii():
        text = _APOSTROPHES.sub("'", text)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = _APOSTROPHES.sub("'", text)  # (kept inside a word: "sa'ad" is one, "סעד")
    return [undouble(w.replace("x", "ks")) for w in _LATIN_WORD.findall(text)]


# an abd compound written as one word, split as the lists' canonical form splits it
# (normalize._ABD_COMPACT: "abdulpatta" is "abdul patta"): not Abdullah (a rest of four
# letters or fewer that starts with l is Allah's name), nor a Russian patronymic
# ("אבדולייויח" / Abdualiyevich, one word)
_ABD_LATIN = re.compile("(abd[aeou]l)([a-z'][a-z']{2,})")
_ABD_HEBREW = re.compile("([אע]בד[וא]?ל)([א-ת].+)")
_ALLAH_LATIN = re.compile("l[a-z]{0,3}")
_MATRES_LETTERS = frozenset("אויע")
_ALLAH_HEBREW = 3  # letters of the longest rest that starts with ל read as Allah's ("לה")
_PATRONYMIC_ENDS = ("ביח", "ויח", "ביך", "ויך", "בנה", "ונה")


def abd_parts(word: str) -> tuple[str, str] | None:
    """An abd compound written as one Hebrew word as the lists' canonical form writes it,
    in two: its head and the rest ("אבדולפטה" -> "אבדול", "פטה"), else None."""
    m = _ABD_HEBREW.fullmatch(word)
    if m is None or word.endswith(_PATRONYMIC_ENDS):
        return None
    head, rest = m.group(1), m.group(2)
    if (rest[0] == "ל" and len(rest) <= _ALLAH_HEBREW) or _MATRES_LETTERS.issuperset(
        rest.removesuffix("ה")
    ):
        return None  # (Allah's name; a rest of vowel letters is no name: "אבדולייה" /
        # Abdoulaye, but "אבדולהיי" / ABDULHAI)
    return head, rest


def _split_hebrew(words: tuple[str, ...]) -> list[str]:
    return [part for w in words for part in (abd_parts(w) or (w,))]


def _split_latin(word: str) -> tuple[str, ...]:
    m = _ABD_LATIN.fullmatch(word)
    if m is None or _ALLAH_LATIN.fullmatch(m.group(2)):
        return (word,)
    return m.group(1), m.group(2)


@lru_cache(maxsize=65536)
def _listed_words(listed: str) -> tuple[str, ...]:
    """:func:`latin_words` of a listed name, an abd compound written as one word in two
    (as :func:`abd_parts` splits a Hebrew one: "Abdelkader" is "abdel kader", "עבדל קאדר"),
    memoised: common names are met query after query."""
    return tuple(part for w in latin_words(listed) for part in _split_latin(w))


# listed words a Hebrew writer may leave out: articles, "son of", "father of", name particles
_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "bin", "ben", "ibn",
                        "bint", "abu", "bu", "de", "da", "di", "del", "der", "van", "von", "la",
                        "le", "y"})  # fmt: skip


@lru_cache(maxsize=65536)
def vowels_agree(words: tuple[str, ...], listed: str) -> bool:
    """Whether the Hebrew ``words`` and the listed name ``listed`` may be the same name: every
    Hebrew word may be spelt as some listed word, and every listed word (but initials and
    particles) is so spelt by some Hebrew word: given and family names both agree, and a
    listed name with a word more ("ALDIN, Haroun Nasser" for "אהרון נאסר") is not the query's
    (an abd compound, on either side, as two words: :func:`abd_parts`)."""
    latin = _listed_words(listed)
    spellings = _spellings(words)
    if not all(any(_spells(s, w) for w in latin) for s in spellings):
        return False
    return all(len(w) < 2 or w in _PARTICLES or any(_spells(s, w) for s in spellings)
               for w in latin)  # fmt: skip


_Spelling = tuple[Node, frozenset[str], frozenset[str]]


@lru_cache(maxsize=4096)
def _spelling(word: str) -> _Spelling | None:
    """:func:`spelling_node` of a Hebrew word with the letters its spellings may begin and
    end with (most listed words begin or end otherwise: told so, without matching)."""
    node = spelling_node(word)
    if node is None:
        return None
    return node, edge_letters(node)[0], edge_letters(node, last=True)[0]


def _spellings(words: tuple[str, ...]) -> list[_Spelling]:
    return [s for s in map(_spelling, _split_hebrew(words)) if s is not None]


def _spells(spelling: _Spelling, word: str) -> bool:
    """Whether ``spelling`` spells the (non-empty) listed ``word``."""
    node, first, last = spelling
    return word[0] in first and word[-1] in last and fullmatch(node, word)


def agreeing_ids(index: NameIndex, words: tuple[str, ...], records: list[int]) -> set[int]:
    """Of ``records``, those whose listed names :func:`vowels_agree` with the Hebrew ``words``
    (the same test, each distinct listed word matched against the words' spellings once)."""
    spellings = _spellings(words)
    full = (1 << len(spellings)) - 1
    masks: dict[str, int] = {}
    text = index.rec_text
    kept: set[int] = set()
    for rec in records:
        seen = 0
        for word in _listed_words(text[rec]):
            mask = masks.get(word)
            if mask is None:
                mask = sum(1 << i for i, s in enumerate(spellings) if _spells(s, word))
                masks[word] = mask
            if not mask and len(word) >= 2 and word not in _PARTICLES:  # noqa: PLR2004
                break  # (a listed word no Hebrew word spells)
            seen |= mask
        else:
            if seen == full:
                kept.add(rec)
    return kept


def written_vowels(words: tuple[str, ...]) -> int:
    """The vowels the Hebrew ``words`` write (a ו or י but in וו, יי and a word's first letter,
    there a consonant): when they agree with the listed words' (:func:`clearance.matching.
    hebrew.hebrew_trust`), each counts as a consonant does towards
    ``TrustParams.skeleton_full_letters`` in a reading's spelled (full) trust — "אלי אושיירן"
    (Ali OSSEIRAN, "l srn") says no less of its name than a skeleton of six letters. Not in the
    trust a reading is retrieved at (only the names every word reaches exactly are bounded at
    the spelled trust): the names near it are not scored for it."""
    return sum(len(_MATRES.findall(w, 1)) for w in words)


_MATRES = re.compile("(?<![וי])[וי](?![וי])")
