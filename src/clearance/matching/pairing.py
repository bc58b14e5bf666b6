"""Run-together words: could two adjacent words of one name be one word of the other
("Jong Un" / "Jongun")? Asked for nearly every listed name a query cannot otherwise reach, so
each name's adjacent pairs and word shapes are worked out once per name, not per comparison.
"""

from __future__ import annotations

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
