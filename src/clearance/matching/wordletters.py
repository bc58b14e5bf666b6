"""The letter rules of the word similarity (``wordsim``; their own module since h189): a
first letter dropped or typed before, a letter doubled, and the letters romanisations swap
(w / v, q / k, an initial j / y, a hard c / k and a soft c / s, not in a Chinese or Korean
syllable, whose c is ts)."""

from __future__ import annotations

from clearance.matching.scripts import undouble
from clearance.matching.syllables import SYLLABLES

FIRST_DROPPED_LENGTH = 6  # letters the shorter word needs (a first letter dropped or typed before)


def first_dropped(query_word: str, listed_word: str) -> bool:
    """One of the two words is the other with a first letter left out or typed before it, and
    the shorter is long enough to say so ("OMPOZIT" / KOMPOZIT, "ANIIEVM" / NIIEVM: a slip, not
    another word; since 1.28, h127): the first-letter rule, which makes "Siletel" less likely
    NILETEL, does not apply to them. Not a consonant before a consonant ("Schäfer" / CHAFER)."""
    shorter, longer = sorted((query_word, listed_word), key=len)
    return (len(shorter) >= FIRST_DROPPED_LENGTH and longer[1:] == shorter
            and (longer[0] in _VOWELS or shorter[0] in _VOWELS))  # fmt: skip


# (A consonant before a consonant is another sound, no slip: "Schäfer" is not CHAFER.)
_VOWELS = frozenset("aeiouy")


def doubled(a: str, b: str) -> bool:
    """``a`` and ``b`` differ only in one letter written once or twice."""
    return undouble(a) == undouble(b)


_SOFT_VOWELS = frozenset("eiy")  # a c before one of them is soft (an s), else hard (a k)


def _letters(word: str) -> str:
    """``word`` with w as v, q as k (Haq / Хак: since 1.30, not in a pinyin syllable), an
    initial j as y and a hard c (not before e, i, y) as k (see
    :func:`similarity_rows`; one length: the far-apart rules rely on it).

    A hard c is the k of a name written in Cyrillic and read back ("SK SOUTH" for SC SOUTH:
    СК; "Kar Vash" for Car Wash), and of German and Slavic spellings (Karl / Carl) — however
    short the word, as w/v (since 1.28, h127). Not in a pinyin syllable, whose c is ts ("Cao"
    is not KAO, "Caihong" not KAIHONG).

    A soft c (before e, i, y) is the s of the same trip (с): "Sia" for CIA, "Sity" for CITY,
    "Ase" for ACE (since 1.29, h132); not in a pinyin syllable either ("Ci", "Cixi")."""
    word = word.replace("w", "v")
    if "q" in word and not _syllables(word):  # Haq / Хак, Khak (since 1.30; not pinyin's q)
        word = word.replace("q", "k")
    if "c" in word and not _syllables(word):
        word = _swap_c(word, False)
    if "c" in word and not _syllables(word, SOFT_C_SYLLABLE):
        word = _swap_c(word, True)
    return "y" + word[1:] if word.startswith("j") else word


def _swap_c(word: str, soft: bool) -> str:
    """``word`` with each hard c (not before e, i, y) as k, or with ``soft`` each soft c as s
    (what ``re.sub("c(?![eiy])", "k", word)`` / ``re.sub("c(?=[eiy])", "s", word)`` give,
    without a regular expression: ~3,000 instructions a call compiled, 4,500 new words a
    cold pass of 600 queries)."""
    parts = word.split("c")
    out = parts[0]
    for k in range(1, len(parts)):
        part = parts[k]
        if (part != "" and part[0] in _SOFT_VOWELS) == soft:
            out += ("s" if soft else "k") + part
        else:
            out += "c" + part
    return out


_LONGEST_SYLLABLE = max(len(s) for s in SYLLABLES)


def _syllables(word: str, least: int = 1) -> bool:
    """``word`` is one Chinese or Korean syllable as romanised, or two run together (of
    ``least`` letters each). (Only the places that leave both parts no longer than the
    longest syllable are tried, in a plain loop: a generator is a Python object compiled.)"""
    if word in SYLLABLES:
        return True
    size = len(word)
    for i in range(max(least, size - _LONGEST_SYLLABLE), min(size - least, _LONGEST_SYLLABLE) + 1):
        if word[:i] in SYLLABLES and word[i:] in SYLLABLES:
            return True
    return False


# A soft c before a one-letter syllable is no pinyin c ("Cia", "Ace" are not "Ci A", "A Ce").
SOFT_C_SYLLABLE = 2
