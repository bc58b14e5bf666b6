"""Names written exactly as listed: a safety net under the word analysis.

The matcher reads a name as words (legal forms split off, initials joined, codes cut at their
dashes) before it compares anything. For a few listed names that reading leaves nothing to
find them by: initials-only company names ("K.A.S.", "T.E.G. LIMITED"), codes ("S5-SAD",
"M4G") and names that are also legal-form abbreviations. A query written as such a name is
listed (case, accents and punctuation aside, word for word) is that listed name: the index
keys every listed name by that folded spelling, so the screener finds it and scores it 1.0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from clearance.matching.names import NameComparison


def exact_key(text: str) -> str:
    """``text`` with case, accents and punctuation folded, its words kept apart ("S5-SAD" ->
    "s5 sad"): "NICOL AS" is not "Nicolas"."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    if folded.isascii():  # (one table look per character: most names)
        return " ".join(folded.encode().translate(_ASCII_SPACE_BYTES).decode().split())
    return " ".join("".join([c if c.isalnum() else " " for c in folded]).split())


# a registration mark, call sign or hull code: "S5-SAD", "7-28", "EP-ICT", "UP-I7602"
_CODE = re.compile(r"[A-Za-z0-9]{1,4}-[A-Za-z0-9]{2,6}")


def code_key(text: str) -> str | None:
    """A listed code's key run together, without its dash ("S5-SAD" -> "s5sad", "7-28" ->
    "728"; since 1.22): a tail number or call sign is written either way, and the word analysis
    cuts "S5SAD" into "s", "5" and a legal form, which find nothing. Only for a name written
    as a code — two parts of letters and digits joined by a dash, a digit among them
    (:data:`_CODE`); letters alone are read as words ("EPICT" / EP-ICT), and a name of words
    keeps its spaces ("OOOA1" is no OOO A1)."""
    if _CODE.fullmatch(text.strip()) is None or not any(c.isdigit() for c in text):
        return None
    return exact_key(text).replace(" ", "")


# every ASCII character that is not a letter or a digit, as a space (a bytes table: a str
# translated by a dict looks each character up in it, ~30 % of exact_key's instructions)
_ASCII_SPACE_BYTES = bytes(i if chr(i).isalnum() else 32 for i in range(128)) + bytes(128)


def exact_comparison(tokens: Sequence[str]) -> NameComparison:
    """The comparison of a listed name with itself: every word paired with itself, score 1.0."""
    words = list(tokens)
    pairs = [(i, i, 1.0, 1, 1) for i in range(len(words))]
    used = [True] * len(words)
    return NameComparison(1.0, pairs, words, words, used, used, False)


# An initials key is kept in the exact map under this mark (no exact key holds a colon)
INITIALS = "initials:"
MIN_INITIALS = 2  # one initial and a family name is too little to look a person up by


def listed_initials_keys(full: str) -> list[str]:
    """A listed person's name as a query of initials writes it (since 1.32): each given name's
    initial in order, then the family name ("ALLAH DAD TAYEB WALI MUHAMMAD" ->
    "initials:a d t w muhammad"; "PAK, Il Kyu" -> "initials:i k pak"). The family name is
    the words before a comma, or else the last word; at least :data:`MIN_INITIALS` given
    names. The word analysis finds no such listed name by its initials when the family name
    is common (MUHAMMAD's records are cut at retrieval): the key does, and the name comparison
    judges it as any other."""
    family, comma, given = full.partition(",")
    if comma:
        family_words, given_words = exact_key(family).split(), exact_key(given).split()
    else:
        words = exact_key(full).split()
        family_words, given_words = words[-1:], words[:-1]
    if len(given_words) < MIN_INITIALS or not family_words or len(given_words) > 6:  # noqa: PLR2004
        return []
    if any(len(w) < 2 for w in given_words):  # (a listed initial already: the words find it)  # noqa: PLR2004
        return []
    return [INITIALS + " ".join([*(w[0] for w in given_words), *family_words])]


def query_initials_key(text: str) -> str | None:
    """The initials key of a query written as initials and a family name ("A. D. T. W.
    MUHAMMAD"), or ``None``: at least :data:`MIN_INITIALS` one-letter words first, then only
    words of two letters or more."""
    return initials_of_key(exact_key(text))


def initials_of_key(key: str) -> str | None:
    """:func:`query_initials_key` of a name's :func:`exact_key` (the screener has it already)."""
    if len(key) < 3 or not (key[1].isspace() or key[0].isspace()):  # noqa: PLR2004
        return None  # (most names: a first word of two letters or more, no initial)
    words = key.split()
    count = 0
    while count < len(words) and len(words[count]) == 1 and words[count].isalpha():
        count += 1
    rest = words[count:]
    if count < MIN_INITIALS or not rest or any(len(w) < 2 for w in rest):  # noqa: PLR2004
        return None
    return INITIALS + " ".join(words)
