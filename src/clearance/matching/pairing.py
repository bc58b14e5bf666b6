"""Run-together words: could two adjacent words of one name be one word of the other
("Jong Un" / "Jongun")? Asked for nearly every listed name a query cannot otherwise reach, so
each name's adjacent pairs and word shapes are worked out once per name, not per comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from clearance.matching.wordsim import word_sim

# An adjacent pair: the two words run together, its length, its first and last letters, and
# whether one of the two is an initial (never half of a person's word).
_Join = tuple[str, int, str, str, bool]
_Shape = tuple[str, int, str, str]  # a word, its length, its first and last letters


@lru_cache(maxsize=100_000)
def joins(tokens: tuple[str, ...]) -> tuple[_Join, ...]:
    """The adjacent pairs of ``tokens``, run together."""
    return tuple(
        (left + right, len(left) + len(right), left[0], right[-1], len(left) < 2 or len(right) < 2)
        for left, right in zip(tokens, tokens[1:], strict=False)
    )


@lru_cache(maxsize=100_000)
def shapes(tokens: tuple[str, ...]) -> tuple[_Shape, ...]:
    """Each word of ``tokens`` with its length, first and last letter."""
    return tuple((w, len(w), w[0], w[-1]) for w in tokens)


def joinable(
    q_tokens: tuple[str, ...],
    c_tokens: tuple[str, ...],
    person: bool,
    merge_sim: float,
    rows: tuple[tuple[float, ...], ...],
) -> bool:
    """Could two adjacent words on one side be one word on the other, at ``merge_sim`` or
    better? Only pairs whose length is within two letters of the word and that share its
    first or last letter are compared (two edits, one at each end, are not looked for)."""
    for many, one in ((q_tokens, c_tokens), (c_tokens, q_tokens)):
        if len(many) < 2:
            continue
        words = shapes(one)
        for joined, size, first, last, initial in joins(many):
            if person and initial:
                continue
            for word, length, word_first, word_last in words:
                if length - size > 2 or size - length > 2:
                    continue
                if word_first != first and word_last != last:
                    continue
                dist = OSA.distance(joined, word, score_cutoff=2)
                if word_sim(dist, max(size, length), rows) >= merge_sim:
                    return True
    return False


INITIALS_RUN = 3  # single letters in a row that may be one word's letters ("C.M.V." / "cmv")


@lru_cache(maxsize=100_000)
def initial_runs(tokens: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Runs of :data:`INITIALS_RUN` or more single letters in ``tokens`` ("c m v carnes"):
    where each starts, how many letters, and the letters written as one word ("cmv"). (Two
    letters are run together as any two words are: :func:`joinable`.)"""
    out: list[tuple[int, int, str]] = []
    start = 0
    for i in range(len(tokens) + 1):
        if i < len(tokens) and len(tokens[i]) == 1:
            continue
        if i - start >= INITIALS_RUN:
            out.append((start, i - start, "".join(tokens[start:i])))
        start = i + 1
    return tuple(out)


def spelt_initials(q_tokens: tuple[str, ...], c_tokens: tuple[str, ...]) -> bool:
    """Does one name write as one word what the other writes as initials ("CMV CARNES" /
    "C.M.V. CARNES")? (Then :func:`pair_initial_runs` pairs them: no bound without it.)"""
    q_runs, c_runs = initial_runs(q_tokens), initial_runs(c_tokens)
    return any(text in c_tokens for _, _, text in q_runs) or any(
        text in q_tokens for _, _, text in c_runs
    )


def pair_initial_runs(
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
) -> None:
    """Pair a run of unpaired single letters on one side ("C.M.V.") with the unpaired word on
    the other that is those letters written as one ("cmv"), as the same word (an
    organisation's name: in a person's name initials stand for words)."""
    for side_q in (True, False):
        many, one = (q_words, c_words) if side_q else (c_words, q_words)
        many_used, one_used = (q_used, c_used) if side_q else (c_used, q_used)
        for start, size, text in initial_runs(many):
            if any(many_used[start : start + size]):
                continue
            j = next((j for j, w in enumerate(one) if w == text and not one_used[j]), -1)
            if j < 0:
                continue
            for i in range(start, start + size):
                many_used[i] = True
            one_used[j] = True
            pairs.append((start, j, 1.0, size, 1) if side_q else (j, start, 1.0, 1, size))


def whole_query_merged(pairs: Sequence[tuple[int, int, float, int, int]], nq: int) -> bool:
    """Did all of a query's words (two or more) run together to pair one listed word?"""
    return nq >= 2 and any(q_span == nq for _, _, _, q_span, _ in pairs)
