"""Running text (MT 70/72/77B, remittance information, instructions, purpose): where names,
IMO numbers and sanctioned places may hide.

Windows of up to ``max_words`` consecutive words are screened only around an *anchor*: a word of
a listed name that few listed names share (``is_name_word``), so ordinary text costs no
screening at all. IMO numbers (``IMO 9123456``, check digit verified) are looked up exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from clearance.matching.normalize import analyse
from clearance.matching.vocab import LOW_INFO_WORDS, PERSON_PARTICLES
from clearance.payments.policy import Region, fold

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_LOW_INFO = LOW_INFO_WORDS | PERSON_PARTICLES
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


def windows(
    items: list[Word], is_name_word: Callable[[str], bool], max_words: int
) -> Iterator[Window]:
    """Every window of 2..max_words words holding at least one anchor word (each once)."""
    seen: set[tuple[int, int]] = set()
    for i, word in enumerate(items):
        if len(word.folded) < 3 or word.folded.isdigit() or not is_name_word(word.folded):
            continue
        for start in range(max(0, i - max_words + 1), i + 1):
            for end in range(max(i + 1, start + 2), min(len(items), start + max_words) + 1):
                if (start, end) in seen:
                    continue
                seen.add((start, end))
                span = items[start:end]
                yield Window(" ".join(w.text for w in span), span[0].line, start, end)


def imo_numbers(text: str) -> Iterator[tuple[str, int]]:
    """IMO numbers with a valid check digit, with their 1-based line."""
    for number, line in enumerate(text.split("\n"), 1):
        for match in _IMO.finditer(line):
            digits = match.group(1)
            check = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
            if check % 10 == int(digits[6]):
                yield digits, number


def places(text: str, regions: dict[str, Region]) -> Iterator[tuple[Region, str]]:
    """Regions whose place names (or ISO 3166-2 subdivision codes) occur in ``text``."""
    folded = f" {fold(text)} "
    upper = text.upper()
    for region in regions.values():
        code = next((c for c in region.subdivisions if re.search(rf"\b{c}\b", upper)), None)
        if code is not None:
            yield region, code
            continue
        place = next((p for p in region.places if f" {p} " in folded), None)
        if place is not None:
            yield region, place


def _significant(name: str) -> list[str]:
    tokens: list[str] = []
    for form in analyse(name):
        if not form.native:
            tokens.extend(t for t in form.tokens if len(t) > 1 and t not in _LOW_INFO)
            break
    return tokens


def covers(window: str, listed: str) -> bool:
    """The stricter test for running text: the window holds most of the listed name's telling
    words (legal forms, particles and words such as Company or Trading do not count): three in
    four and at least two, or a one-word name with another word (``LLC VERUS``, ``MV AURORA``)."""
    wanted = _significant(listed)
    have = _significant(window)
    if not wanted or not have:
        return False
    found = sum(
        1 for w in wanted if any(Levenshtein.normalized_similarity(w, h) >= 0.8 for h in have)
    )
    if len(wanted) == 1:
        return found == 1 and len(window.split()) >= 2
    return found >= 2 and found / len(wanted) >= 0.75
