"""A Latin name in the Somali orthography, read as English-language lists write it (h194).

The Somali Latin alphabet writes the Arabic ḥ as x ("Xasan", "Maxamed", "Axmed", "Faarax"),
the ʿayn as c ("Cali", "Cabdi", "Cumar", "Ismaaciil") and a long vowel twice ("Yaasiin",
"Nuur", "Xuseen"); the lists write the same names Hasan, Mohamed, Ahmed, Farah, Ali, Abdi,
Omar, Ismail, Yasin, Nur, Hussein. :func:`somali_reading` writes x as h, leaves out a c
before a vowel and writes a doubled vowel once, as a further reading of the query (the name as
typed stays). It reads a name only when a word that writes x or c is, so read, a common Arabic
name word (the name-word table's romanisations and the spelling families), so "Carlos Xavier",
"Maxim Cecil" or "Marc Isaac" is not read. Pure.
"""

from __future__ import annotations

import re
from functools import cache

from clearance.matching.arabic_names import NAME_WORDS
from clearance.matching.vocab import NAME_FAMILY_OF

_WORD = re.compile(r"[a-z]+")
_DOUBLED = re.compile(r"([aeiou])\1")
_AYN = re.compile(r"c(?=[aeiou])")  # (the ʿayn before its vowel; a c ending a word stays: "Isaac")


@cache
def _name_words() -> frozenset[str]:
    """The common Arabic name words a Somali-spelt word may read as."""
    return frozenset(NAME_FAMILY_OF) | frozenset(w for v in NAME_WORDS.values() for w in v.split())


def _read(word: str) -> str:
    return _DOUBLED.sub(r"\1", _AYN.sub("", word.replace("x", "h")))


def somali_reading(name: str) -> str | None:
    """``name`` read from the Somali orthography ("Maxamed Cali Xasan" -> "mahamed ali
    hasan"), or ``None`` when no word writing x or c reads as a common Arabic name word."""
    low = name.lower()
    if not name.isascii() or ("x" not in low and "c" not in low):
        return None
    known = _name_words()
    marked = False
    for word in _WORD.findall(low):
        if ("x" in word or "c" in word) and word not in known and _read(word) in known:
            marked = True
            break
    if not marked:
        return None
    return _WORD.sub(lambda m: _read(m.group()), low)
