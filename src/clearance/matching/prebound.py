"""Name bounds for many listed names at once: which names cannot reach the floor.

:func:`~clearance.matching.names.compare` first bounds a listed name's score by each word's best
similarity and returns that bound when it trails the floor (the exact score is not needed). A
query with a common word ("Muhammad") brings hundreds of names to the scorer, nearly all of them
bounded out that way; here the same bounds are worked out for all of them with numpy arrays, in
the same order of additions (so the same floats), and the run-together test that can veto a
bound is answered once per listed word and word pair, not once per name.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA

from clearance.matching.memo import sim_rows
from clearance.matching.names import NameComparison, WeightedName
from clearance.matching.pairing import joins, shapes, spelt_initials
from clearance.matching.params import NameParams
from clearance.matching.slips import code_slip_possible, code_slip_words
from clearance.matching.wordsim import WordSimilarity, word_sim
from clearance.scripts import LATIN

MIN_NAMES = 64
"""Names of one kind a query form is compared with before they are bounded as arrays (fewer
are cheaper one by one)."""


class _Joins:
    """:func:`~clearance.matching.pairing.joinable` for one query form, split into what a
    listed word and a listed word pair contribute (memoised: words recur across names)."""

    def __init__(self, q_tokens: tuple[str, ...], merge_sim: float, params_rows: _Rows) -> None:
        self.q_tokens = q_tokens
        self.q_shapes = shapes(q_tokens) if q_tokens else ()
        self.q_joins = joins(q_tokens) if len(q_tokens) >= 2 else ()
        self.merge_sim, self.rows = merge_sim, params_rows
        self.words: dict[tuple[str, bool], bool] = {}
        self.pairs: dict[tuple[str, str, bool], bool] = {}

    def _close(self, joined: str, size: int, first: str, last: str, word: str) -> bool:
        length = len(word)
        if length - size > 2 or size - length > 2:
            return False
        if word[0] != first and word[-1] != last:
            return False
        dist = OSA.distance(joined, word, score_cutoff=2)
        return word_sim(dist, max(size, length), self.rows) >= self.merge_sim

    def word(self, word: str, person: bool) -> bool:
        """Two adjacent query words can be this listed word."""
        key = (word, person)
        found = self.words.get(key)
        if found is None:
            found = self.words[key] = any(
                self._close(joined, size, first, last, word)
                for joined, size, first, last, initial in self.q_joins
                if not (person and initial)
            )
        return found

    def pair(self, left: str, right: str, person: bool) -> bool:
        """These two adjacent listed words can be one query word."""
        key = (left, right, person)
        found = self.pairs.get(key)
        if found is None:
            if person and (len(left) < 2 or len(right) < 2):
                found = False
            else:
                joined, size = left + right, len(left) + len(right)
                found = any(
                    self._close(joined, size, left[0], right[-1], word)
                    for word, _, _, _ in self.q_shapes
                )
            self.pairs[key] = found
        return found


_Rows = tuple[tuple[float, ...], ...]


def bound_names(
    query: WeightedName,
    names: Sequence[tuple[str, ...]],
    weights: Sequence[Sequence[float]],
    persons: Sequence[bool],
    sims: WordSimilarity,
    params: NameParams,
    min_score: float,
) -> list[NameComparison | None]:
    """For each of ``names`` (listed names' words, with their ``weights`` as
    :class:`~clearance.matching.names.WeightedName` has them): the comparison
    :func:`~clearance.matching.names.compare` returns when the name's bound trails
    ``min_score`` (an upper bound, no pairs), else ``None`` (the name is to be compared).
    ``persons``: whether each name is compared as a person's."""
    out: list[NameComparison | None] = [None] * len(names)
    q_words = query.form.tokens
    nq = len(q_words)
    words = sims.params
    todo = [i for i, name in enumerate(names) if name]  # (no words: compare)
    if nq == 0 or not todo:
        return out
    columns = sims.columns
    flat: list[int] = []
    c_weights: list[float] = []
    starts: list[int] = []
    for i in todo:
        starts.append(len(flat))
        flat += [columns[w] for w in names[i]]
        c_weights += weights[i]
    lengths = np.diff([*starts, len(flat)])
    matrix = np.array([sims.rows[w] for w in q_words], dtype=np.float64)[:, flat]
    # Pairs that may not be paired count nothing: below the least similarity, and in an
    # organisation's name an initial with a word unless they are the same (as _word_pairs).
    c_single = np.array([len(w) == 1 for i in todo for w in names[i]])
    q_single = np.array([len(w) == 1 for w in q_words])
    person = np.repeat(np.array([persons[i] for i in todo], dtype=bool), lengths)
    allowed = (matrix >= words.min_word_sim) & (
        person | (q_single[:, None] == c_single[None, :]) | (matrix >= words.exact_sim)
    )
    matrix[~allowed] = 0.0
    best = np.maximum.reduceat(matrix, starts, axis=1)  # per query word and name
    c_best = matrix.max(axis=0)  # per listed word
    q_sum = np.zeros(len(todo))
    for qi, weight in enumerate(query.weights):  # in order: the floats of compare's sum()
        q_sum = q_sum + best[qi] * weight
    c_sum = _sum_rows(c_best * np.asarray(c_weights), starts, lengths)
    lonely = _sum_rows(np.where(c_best > 0.0, 0.0, c_weights), starts, lengths)
    matched = np.minimum(q_sum, c_sum)
    total = sum(query.weights) or 1.0
    cut = min_score - params.bound_margin
    first = matched / total
    reach = matched / (total + params.unmatched_candidate_supported * lonely)
    bounds = np.where(first < cut, first, reach)
    low = np.flatnonzero((first < cut) | ((lonely > 0.0) & (reach < cut)))
    if not len(low):
        return out
    joiner = _Joins(q_words, words.merge_sim, sim_rows(words))
    vetoed = _joinable(joiner, [names[todo[k]] for k in low.tolist()],
                       [persons[todo[k]] for k in low.tolist()])  # fmt: skip
    q_short = code_slip_words(q_words, sims.listed, params)  # (see names._code_slip)
    typed = query.form.script == LATIN
    for k, veto in zip(low.tolist(), vetoed, strict=True):
        c_words = names[todo[k]]
        if q_short and not persons[todo[k]] and not veto:
            veto = code_slip_possible(q_short, c_words, params, typed=typed)
        if not veto and not persons[todo[k]]:
            veto = spelt_initials(q_words, c_words)  # (see names.compare)
        if not veto:
            nc = len(c_words)
            out[todo[k]] = NameComparison(float(bounds[k]), (), q_words, c_words, [False] * nq,
                                          [False] * nc, False)  # fmt: skip
    return out


def _joinable(joiner: _Joins, names: list[tuple[str, ...]], persons: list[bool]) -> list[bool]:
    """:meth:`_Joins.joinable` of each name; words and word pairs whose length is more than two
    letters from every query word (or pair) it could be are ruled out without a look."""
    q_sizes = {len(w) for w in joiner.q_tokens}
    pair_sizes = {n + d for n in q_sizes for d in range(-2, 3)}
    word_sizes = {j[1] + d for j in joiner.q_joins for d in range(-2, 3)}
    out: list[bool] = []
    for tokens, person in zip(names, persons, strict=True):
        found = any(joiner.word(w, person) for w in tokens if len(w) in word_sizes) or any(
            joiner.pair(a, b, person)
            for a, b in zip(tokens, tokens[1:], strict=False)
            if len(a) + len(b) in pair_sizes
        )
        out.append(found)
    return out


def _sum_rows(
    values: npt.NDArray[np.float64], starts: list[int], lengths: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Per name, its listed words' ``values`` added in order (as ``sum()`` adds them)."""
    padded = np.zeros((len(starts), int(lengths.max())))
    rows = np.repeat(np.arange(len(starts)), lengths)
    cols = np.arange(len(values)) - np.repeat(starts, lengths)
    padded[rows, cols] = values
    acc = np.zeros(len(starts))
    for j in range(padded.shape[1]):
        acc = acc + padded[:, j]
    return acc
