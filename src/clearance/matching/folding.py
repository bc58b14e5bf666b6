"""Folding: a Latin name's text as lower-case ASCII words (``fold``), its marks stripped
(``strip_marks``), and the text a case-insensitive ASCII pattern reads (``caseless``); the
first step of :mod:`clearance.matching.normalize`.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4\u00b7`ʹʺ]")
_SPLIT_NUMBER = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
# fold's table in bytes (since 1.30, h153): A-Z as a-z, a-z and 0-9 kept, every other byte
# a space, as the pattern [^a-z0-9]+ substituted by a space did (one pass in C)
_FOLD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32  # noqa: PLR2004
    for c in range(256)
)
# ... and by case: a-z as "a", A-Z as "A", any other byte a space (_CAMEL_FAMILY's letters)
_CASE_BYTES = bytes(
    97 if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 32  # noqa: PLR2004
    for c in range(256)
)
_CAMEL_FAMILY = re.compile(r"(?<=[a-z])(?=[A-Z]{2})")


def caseless(text: str) -> str:
    """``text`` as a case-insensitive pattern of ASCII letters reads it: lower-cased, and the
    four other letters such a pattern takes for ASCII ones (Python's ``re``: İ and ı for i, ſ
    for s, the Kelvin sign for k, which ``lower`` writes k) written as those. A pattern whose
    every match holds a word (``"aka"``) finds nothing in ``text`` when the word is not in
    this (since 1.30, h153: the look before a pattern, for text in any script)."""
    if text.isascii():
        return text.lower()
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


def strip_marks(text: str) -> str:
    """``text`` without its combining marks (decomposed: "é" as "e")."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces (Latin text only; see ``analyse``)."""
    # "RezaTAGHIPOUR", "MinSHI": given name run into an upper-case family name. (Not in a text
    # all in one case or in title case: no lower-case letter there precedes an upper-case one.
    # The patterns below look at every position: cheaper tests first, for every query.)
    if not (text.islower() or text.isupper() or text.istitle()) and b"aAA" in text.encode(
        "ascii", "replace"
    ).translate(_CASE_BYTES):  # (the pattern's ASCII letters, by their case: a look first)
        text = _CAMEL_FAMILY.sub(" ", text)
    if text.isascii():  # (its apostrophes dropped, as _APOSTROPHES would)
        if "'" in text:
            text = text.replace("'", "")
        if "`" in text:
            text = text.replace("`", "")
        raw = text.encode().translate(_FOLD_BYTES)
    else:
        text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text))
        text = strip_marks(text).casefold()
        text = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
        text = text.replace("đ", "d").replace("ð", "d").replace("þ", "th").replace("ı", "i")
        raw = text.encode("ascii", "replace").translate(_FOLD_BYTES)  # (no letter a-z: "?")
    # (runs of other characters as one space, the ends stripped; a number split off its
    # letters)
    words = raw.decode().split()
    if not words:
        return ""
    if "".join(words).isalpha():
        return " ".join(words)
    return _SPLIT_NUMBER.sub(" ", " ".join(words))
