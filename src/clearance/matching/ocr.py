"""Names read by OCR from a scanned document and typed from it (issue 11, h173).

OCR reads a letter as the digit of its shape ("M0HAMMED", "5ALAH", "B1LAL") and runs two
glyphs together or splits one ("MOHARNMED" for MOHAMMED, "HAMIO" is no case of it: only the
pairs of :data:`GLYPH_PAIRS`). Two readings follow:

- :func:`digits_read`: a query's digits inside a word of letters read as the letters they
  resemble (0 as O, 1 as I, or l in a word of small letters, 5 as S, 8 as B, 6 as G, 2 as Z;
  since h185 the first of a word of small letters as a capital: "1gor" is Igor),
  a reading of its own (``forms.query_forms``): the name as written is matched too, so a
  listed "Nitr0jen" is still its own name. A number that stands alone ("ASIA BRIDGE 1"), a
  code of digits ("APT28", "ALEX560560") or an ordinal ("1ST", "2ND") is left as it is: only a
  lone digit between letters, or at a word's start or end next to three letters or more;
- :func:`glyph_split`: two words that differ in one pair of glyphs OCR confuses, one letter
  read as two (m / rn, d / cl, w / vv, h / li, n / ri), are one edit apart for the word
  similarity (``wordsim``), not two;
- :func:`glyph_readings` (since h179): a word with one such confusion undone either way, for
  the words of legal forms (``legalforms.nearest_form_word``: "HMITED" is LIMITED,
  "AKTSIORIERNOE" AKTSIONERNOE).
"""

from __future__ import annotations

import re

# a digit as the letter of its shape, in a word of capitals and in one of small letters
_AS_CAPITAL = str.maketrans("012568", "OIZSGB")
_AS_SMALL = str.maketrans("012568", "olzsgb")
# a word of letters and digits; a lone confusable digit inside it, or at its start or end next
# to three letters
_MIXED = re.compile(r"[^\W_]*(?:[^\W\d_][0-9]|[0-9][^\W\d_])[^\W_]*")
_LONE = re.compile(
    r"(?<=[^\W\d_])[012568](?=[^\W\d_])|^[012568](?=[^\W\d_]{3})|(?<=[^\W\d_]{3})[012568]$"
)
_LONG_DIGITS = re.compile(r"[0-9]{2}")
_DIGIT = re.compile(r"[0-9]")


def digits_read(text: str) -> str | None:
    """``text`` with the digits OCR read for letters read as those letters ("M0HAMMED
    5ALAH" -> "MOHAMMED SALAH", "Wi1liam" -> "William"), or ``None`` when it has none."""
    if _DIGIT.search(text) is None:  # (nearly every query: one look, in C)
        return None
    out = _MIXED.sub(_word_read, text)
    return out if out != text else None


def _word_read(m: re.Match[str]) -> str:
    word = m.group()
    if _LONG_DIGITS.search(word) or sum(c.isalpha() for c in word) < 3:  # noqa: PLR2004
        return word  # a code or an ordinal ("APT28", "1ST", "B2")
    table = _AS_SMALL if any(c.islower() for c in word) else _AS_CAPITAL
    out = _LONE.sub(lambda d: d.group().translate(table), word)
    if word[0].isdigit() and word[1:].islower():  # "1gor", "5alah": a capital read as the digit
        out = word[0].translate(_AS_CAPITAL) + out[1:]  # ("Igor", not "lgor"; since h185)
    return out


# one letter and the two glyphs OCR reads it as (or reads as it)
GLYPH_PAIRS = {"rn": "m", "cl": "d", "vv": "w", "li": "h", "ri": "n"}
# letters the shorter word needs (a module constant, not a WordParams field: the index keeps
# the word parameters it was built with, and a new field would change its format)
GLYPH_MIN_LENGTH = 4
_GLYPHS = re.compile("|".join(GLYPH_PAIRS))


def glyph_split(a: str, b: str) -> bool:
    """Is one of two (folded) words the other with one letter read as two glyphs, or two
    as one ("moharnmed" / "mohammed", "clavid" / "david")? Asked of words two edits apart
    whose lengths differ by one."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    for i in range(len(shorter)):
        if longer[i] != shorter[i]:
            one = GLYPH_PAIRS.get(longer[i : i + 2])
            return one == shorter[i] and longer[i + 2 :] == shorter[i + 1 :]
    return False


def one_glyph_apart(a: str, b: str) -> bool:
    """Are two (folded) words one letter read as two glyphs apart, the shorter of
    :data:`GLYPH_MIN_LENGTH` letters or more ("arnana" / "amana")?"""
    size, other = len(a), len(b)
    return (size - other in (1, -1) and min(size, other) >= GLYPH_MIN_LENGTH
            and glyph_split(a, b))  # fmt: skip


def glyph_merges(word: str) -> list[str]:
    """``word`` with each pair of glyphs OCR reads for one letter read as that letter
    ("rnansouri" -> "mansouri"; the listed words a query word reaches by :func:`glyph_split`,
    for retrieval: a word the lists hold with one letter read as two is two edits from it, out
    of the deletion neighbourhood's reach)."""
    out: list[str] = []
    if _GLYPHS.search(word) is None:  # (most words: one look, in C)
        return out
    for pair, one in GLYPH_PAIRS.items():
        at = word.find(pair)
        while at >= 0:
            out.append(word[:at] + one + word[at + 2 :])
            at = word.find(pair, at + 1)
    return out


# each letter OCR reads as two glyphs, and the two
_SPLITS = {one: pair for pair, one in GLYPH_PAIRS.items()}


def glyph_readings(word: str) -> list[str]:
    """``word`` with one confusion of :data:`GLYPH_PAIRS` undone, either way: two glyphs read
    as their letter (:func:`glyph_merges`, "lirnited" -> "limited") or a letter as its two
    glyphs ("hmited" -> "limited"). The relation is its own inverse: ``a`` is among ``b``'s
    readings when ``b`` is among ``a``'s."""
    out = glyph_merges(word)
    for at, letter in enumerate(word):  # (a plain loop: compiled, no match objects)
        pair = _SPLITS.get(letter)
        if pair is not None:
            out.append(word[:at] + pair + word[at + 1 :])
    return out
