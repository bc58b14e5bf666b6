"""Short words written together or apart (issue 11, since 1.34, h168): a query word of two
short words run together ("DZHI Elel RUS" for DZHI EL EL RUS) read apart, and a listed name
written family name first with a particle ending its given names ("HASSAN, Hameed ul") read in
its order ("Hameed ul HASSAN", which "Hameed UlHassan" writes). Pure functions on text."""

from __future__ import annotations

import re

from clearance.matching.legalforms import FORM_WORDS
from clearance.matching.vocab import ABBREVIATIONS

# Short words a writer runs together in a company's name ("DZHI Elel RUS" for DZHI EL EL RUS,
# "Dela Cruz Trading"): particles, articles and the names of letters (:func:`run_together`)
_SHORT_WORDS = frozenset(
    "al el ul bin ibn abu van von der den de da di du la le del em en es ef".split()  # noqa: SIM905
)
_WORDS = re.compile(r"[a-z]+")
# the words of legal forms, as written or abbreviated ("ltd", "co"; not a letter: an initial)
_COMPANY_WORDS = frozenset(
    w
    for w in FORM_WORDS | {w for w, full in ABBREVIATIONS.items() if full in FORM_WORDS}
    if len(w) > 1
)


def run_together(text: str) -> str | None:
    """``text``, a company's name (a word of a legal form in it), with its words of two short
    words run together written apart ("DZHI Elel RUS LLC" -> "DZHI El el RUS LLC"; since
    1.34), else ``None``. Not in a person's name: "Alla", "Dede", "Bibi" are given names."""
    words = text.split()
    found = False
    for i in range(len(words)):  # (a plain loop over the words: no regex search per query)
        apart = _apart(words[i])
        if apart is not None:
            words[i] = apart
            found = True
    if not found or not _COMPANY_WORDS.intersection(_WORDS.findall(text.lower())):
        return None
    return " ".join(words)


def _apart(word: str) -> str | None:
    """A word of four to six letters that is two short words, written apart ("Elel" -> "El
    el"), else ``None``."""
    size = len(word)
    if size < 4 or size > 6 or not word.isascii() or not word.isalpha():  # noqa: PLR2004
        return None
    low = word.lower()
    for cut in (3, 2):
        if low[:cut] in _SHORT_WORDS and low[cut:] in _SHORT_WORDS:
            return f"{word[:cut]} {word[cut:]}"
    return None


# Particles that end the given names of a name written family name first ("HASSAN, Hameed
# ul", "AUF, Awad Ibn", "LADEN, Usama bin"): they stand before the family name (see
# ``normalize.name_parts``)
_BEFORE_FAMILY = frozenset(
    "al el ul ud ad ed bin ibn ben bint abu abou van von der den de da di du la le del".split()  # noqa: SIM905
)


def family_last(text: str) -> str | None:
    """A name written "FAMILY, Given particle" as "Given particle FAMILY" ("HASSAN, Hameed ul"
    -> "Hameed ul HASSAN", which "Hameed UlHassan" writes; since 1.34), else ``None``."""
    family, comma, given = text.partition(",")
    words = given.replace("-", " ").split()
    if not comma or len(words) < 2 or words[-1].lower() not in _BEFORE_FAMILY or "," in given:
        return None
    return f"{given.strip()} {family.strip()}" if family.strip() else None
