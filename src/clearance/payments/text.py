"""Running text (MT 70/72/77B, remittance information, instructions, purpose): where names,
IMO numbers and sanctioned places may hide.

Windows of up to ``max_words`` consecutive words are screened only around an *anchor*: a word of
a listed name that few listed names share, whose every word occurs in listed names (or is a
legal form), so ordinary text costs no screening at all. IMO numbers (``IMO 9123456``, check
digit verified) are looked up exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from clearance.matching.legalforms import iso_legal_form
from clearance.matching.normalize import analyse
from clearance.matching.normalize import fold as fold_name
from clearance.matching.vocab import (
    ABBREVIATIONS,
    LEGAL_FORM_PHRASES,
    LOW_INFO_WORDS,
    MAX_FORM_WORDS,
    PERSON_PARTICLES,
    interior_form,
)
from clearance.payments.policy import Region, fold

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_LOW_INFO = LOW_INFO_WORDS | PERSON_PARTICLES
_FORM_WORDS = (
    {w for phrase in LEGAL_FORM_PHRASES for w in phrase}
    | {"".join(phrase) for phrase in LEGAL_FORM_PHRASES}
    | PERSON_PARTICLES
)
RARE_WORD = 2000  # a listed-name word in fewer names than this can anchor a text window
_IMO = re.compile(r"\bIMO\s*(?:NO\.?|NUMBER|#|:)?\s*([0-9]{7})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as written
    folded: str
    line: int  # 1-based line of the text field


@dataclass(frozen=True, slots=True)
class Window:
    text: str
    line: int
    start: int
    end: int


def words(text: str) -> list[Word]:
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in _WORD.finditer(line):
            folded = fold(match.group())
            if folded:
                out.append(Word(match.group(), folded.replace(" ", ""), number))
    return out


def windows(items: list[Word], reach: Callable[[str], int], max_words: int) -> Iterator[Window]:
    """Windows of 2..max_words words around an *anchor* (a word few listed names share) whose
    every word occurs in listed names or is a legal form or particle (each window once). A
    number is no word of a window ("ORDER 6", "10 GOODS": invoice and order numbers); IMO
    numbers are looked up on their own."""
    known = [not w.folded.isdigit() and _known(w.folded, reach) for w in items]
    seen: set[tuple[int, int]] = set()
    for i, word in enumerate(items):
        if not known[i] or len(word.folded) < 3 or word.folded.isdigit():
            continue
        if word.folded in _LOW_INFO or not 0 < reach(word.folded) < RARE_WORD:
            continue
        for start in range(max(0, i - max_words + 1), i + 1):
            if not all(known[start : i + 1]):
                continue
            for end in range(max(i + 1, start + 2), min(len(items), start + max_words) + 1):
                if not known[end - 1]:
                    break
                if (start, end) not in seen:
                    seen.add((start, end))
                    span = items[start:end]
                    yield Window(" ".join(w.text for w in span), span[0].line, start, end)


def _known(word: str, reach: Callable[[str], int]) -> bool:
    return word in _FORM_WORDS or reach(word) > 0


def imo_numbers(text: str) -> Iterator[tuple[str, int]]:
    """IMO numbers with a valid check digit, with their 1-based line."""
    for number, line in enumerate(text.split("\n"), 1):
        for match in _IMO.finditer(line):
            digits = match.group(1)
            check = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
            if check % 10 == int(digits[6]):
                yield digits, number


def places(text: str, regions: dict[str, Region]) -> list[tuple[Region, str]]:
    """Regions whose place names (or ISO 3166-2 subdivision codes) occur in ``text`` (memoised:
    towns and address lines repeat from payment to payment)."""
    key = id(regions)
    held = _region_tuples.get(key)
    if held is None or held[0] is not regions:
        if len(_region_tuples) > 8:
            _region_tuples.clear()
            _found.clear()
        held = _region_tuples[key] = (regions, tuple(regions.values()))
    found = _found.get((text, key))
    if found is None:
        if len(_found) > 100_000:
            _found.clear()
        found = _found[(text, key)] = list(_find_places(text, held[1]))
    return found


# Memoised per text and policy, keyed by the regions dict's identity (held here, so the
# identity is not reused): hashing the regions on every call would cost more than the search.
_region_tuples: dict[int, tuple[dict[str, Region], tuple[Region, ...]]] = {}
_found: dict[tuple[str, int], list[tuple[Region, str]]] = {}


def _find_places(text: str, regions: tuple[Region, ...]) -> Iterator[tuple[Region, str]]:
    table, starts = _place_table(regions)
    tokens = fold(text).split()
    found: set[str] = set()
    for i in range(len(tokens)):
        if tokens[i] not in starts:
            continue
        for n in range(min(_MAX_PLACE_WORDS, len(tokens) - i), 0, -1):
            hit = table.get(" ".join(tokens[i : i + n]))
            if hit is not None and hit[0].key not in found:
                found.add(hit[0].key)
                yield hit
                break
    if "UA-" in text.upper():
        for region in regions:
            if region.key in found:
                continue
            code = next(
                (c for c in region.subdivisions if re.search(rf"\b{c}\b", text.upper())), None
            )
            if code is not None:
                yield region, code


_MAX_PLACE_WORDS = 5


@lru_cache(maxsize=8)
def _place_table(
    regions: tuple[Region, ...],
) -> tuple[dict[str, tuple[Region, str]], frozenset[str]]:
    table = {place: (region, place) for region in regions for place in region.places}
    return table, frozenset(place.split()[0] for place in table)


@lru_cache(maxsize=50_000)
def has_legal_form(name: str) -> bool:
    """Whether the name carries a legal form (``VERSOR S.R.O.``): then it names an organisation.

    A lookup of the name's words in the matcher's legal-form table and rigour's ISO 20275
    table (a phrase at the start or end; a distinctive form such as ``OOO`` inside), not the
    matcher's full analysis (a tenth of a payment's time): a misspelt form ("Limtied") is not
    recognised here, and the name is then screened without a type, which only widens the
    search."""
    words = [ABBREVIATIONS.get(w, w) for w in fold_name(name).split()]
    if len(words) < 2:
        return False
    for size in range(min(MAX_FORM_WORDS, len(words) - 1), 0, -1):
        for phrase in (tuple(words[-size:]), tuple(words[:size])):
            if _form_phrase(phrase):
                return True
    return _spelt_out(words) or any(
        phrase in LEGAL_FORM_PHRASES and interior_form(phrase)
        for size in range(1, MAX_FORM_WORDS + 1)
        for phrase in (tuple(words[i : i + size]) for i in range(1, len(words) - size))
    )


def _form_phrase(phrase: tuple[str, ...]) -> bool:
    if phrase in LEGAL_FORM_PHRASES:
        return True
    letters = len(phrase) > 1 and all(len(w) == 1 for w in phrase)
    if letters and ("".join(phrase),) in LEGAL_FORM_PHRASES:  # "S.R.O.", "G.M.B.H."
        return True
    return iso_legal_form(phrase) is not None


def _spelt_out(words: list[str]) -> bool:
    """A form written letter by letter at the end (``VERSOR S R O``)."""
    tail = []
    for w in reversed(words):
        if len(w) != 1:
            break
        tail.append(w)
    return len(tail) > 1 and ("".join(reversed(tail)),) in LEGAL_FORM_PHRASES


def significant(name: str, *, generic: bool = False) -> list[str]:
    """The words of a name that tell it apart: no legal form, particle or initial, and (unless
    ``generic``) no low-information word such as Company, Trading or Industries."""
    skip = PERSON_PARTICLES if generic else _LOW_INFO
    tokens: list[str] = []
    for form in analyse(name):
        if not form.native:
            tokens.extend(t for t in form.tokens if len(t) > 1 and t not in skip)
            break
    return tokens


def covers(window: str, listed: str) -> bool:
    """The stricter test for running text: the window holds three in four of the listed name's
    words (legal forms and particles do not count; Industries or Trading do) and at least two,
    or a one-word name with another word (``LLC VERUS``, ``MV AURORA``)."""
    wanted = significant(listed, generic=True)
    have = significant(window, generic=True)
    if not wanted or not have:
        return False
    found = sum(
        1 for w in wanted if any(Levenshtein.normalized_similarity(w, h) >= 0.8 for h in have)
    )
    if len(wanted) == 1:
        return found == 1 and len(window.split()) >= 2
    return found >= 2 and found / len(wanted) >= 0.75
