"""A listed name's Arabic compounds written as one word ("Nasiruddin", "Hizballah",
"Abdurrahman"), read in parts as the name-word table reads an Arabic-script query's "X الدين",
"X الله" and "عبد الرحمن" apart: the listed words' parts for the table's words to agree with,
and an abd al- compound's key as the table's two words run together. Pure functions over
normalised Latin words (split from :mod:`clearance.matching.compounds`)."""

from __future__ import annotations

import re
from functools import lru_cache

# a listed "X al-Din" compound written as one word: Nasiruddin, Jamaleddine, Alaeddin
_DIN_WORD = re.compile(r"^([a-z]{2,}?)(?:ud|ed|ad|id|od|al|el|ul)(?:d|-d)(?:i|ee)ne?$")
_DIN_WORDS = frozenset({"din", "deen", "aldin", "eldin", "uddin", "eddin", "eddine", "addin",
                        "iddin", "uddeen", "aldeen"})  # fmt: skip
DIN_READING = "aldin"  # the name-word table's reading of الدين
# a listed "X Allah" compound written as one word: Hizballah, Hayatullah, Ruhollah
_ALLAH_WORD = re.compile(r"^([a-z]{2,}?)[aeou]llah$")
_ALLAH_WORDS = frozenset({"allah", "ullah", "ollah", "ellah"})
ALLAH_READING = "allah"  # the name-word table's reading of الله


@lru_cache(maxsize=20_000)
def with_din_parts(words: tuple[str, ...]) -> tuple[str, ...]:
    """Listed words with the parts of their "X al-Din" compounds added as the name-word table
    reads an Arabic-script query's "X الدين" (since 1.17): "nasiruddin" also as "nasir" and
    "aldin", "din" (BASHIR-UD-DIN) also as "aldin". Others come back as they are."""
    return _with_parts(words, _DIN_WORDS, _DIN_WORD, DIN_READING)


@lru_cache(maxsize=20_000)
def with_allah_parts(words: tuple[str, ...]) -> tuple[str, ...]:
    """Listed words with the parts of their "X Allah" compounds added as the name-word table
    reads an Arabic-script query's "X الله" apart (since 1.22): "hizballah" also as "hizb"
    and "allah", "hayatullah" as "hayat" and "allah", "ullah" (Hayat Ullah) also as "allah".
    For the words the table reads to agree with (a part is no word of its own that a query
    word may be told apart from). Others come back as they are."""
    return _with_parts(words, _ALLAH_WORDS, _ALLAH_WORD, ALLAH_READING)


# a listed abd al- compound written as one word, the article assimilated or left out as
# Indonesian, Somali and West African names write it: Abdurrahman, Abderrahmane, Abdirahman,
# Abdukadir (the canonical form splits only an "abdul"/"abdel" one: Abdulrahman)
_ABD_WORD = re.compile(r"^abd[aeiou]([a-z]{4,})$")
ABD_READING = "abdul"  # the name-word table's reading of عبد before a word with the article


@lru_cache(maxsize=20_000)
def with_abd_parts(words: tuple[str, ...]) -> tuple[str, ...]:
    """Listed words with the parts of their abd al- compounds written as one word added as the
    name-word table reads an Arabic-script query's "عبد الرحمن" (since 1.23): "abdurrahman"
    also as "abdul" and "rahman" (a sun letter's doubling, the assimilated article, written
    once), "abdirahman" as "abdul" and "rahman". For the words the table reads to agree with,
    as :func:`with_din_parts`. Others come back as they are."""
    extra: list[str] = []
    for word in words:
        m = _ABD_WORD.match(word)
        if m is not None and "llah" not in word:
            rest = m.group(1)
            extra += [ABD_READING, rest[1:] if rest[0] == rest[1] else rest]
    return words + tuple(w for w in dict.fromkeys(extra) if w not in words)


def abd_joined(word: str) -> str | None:
    """A listed abd al- compound written as one word as the name-word table's two words run
    together ("abdurrahman", "abdirahman": "abdulrahman"), else None: a key of the listed
    name (since index format 28) that an Arabic-script query's "عبد الرحمن", read "abdul
    rahman", reaches as it reaches a compound written so (before, "أبو جبريل عبد الرحمن" did
    not reach Abu Jibril ABDURRAHMAN, which it scores 0.86 against)."""
    if not word.startswith("abd") or "llah" in word:
        return None
    m = _ABD_WORD.match(word)
    if m is None:
        return None
    rest = m.group(1)
    return ABD_READING + (rest[1:] if rest[0] == rest[1] else rest)


def _with_parts(
    words: tuple[str, ...], alone: frozenset[str], compound: re.Pattern[str], reading: str
) -> tuple[str, ...]:
    """``words`` with ``reading`` added for each word of ``alone`` and each ``compound`` word,
    whose first part (the pattern's group) is added too."""
    extra: list[str] = []
    for word in words:
        if word in alone:
            extra.append(reading)
        elif (m := compound.match(word)) is not None:
            extra += [m.group(1), reading]
    return words + tuple(w for w in dict.fromkeys(extra) if w not in words)
