"""Name bounds for many listed names at once: which names cannot reach the floor.

:func:`~clearance.matching.names.compare` first bounds a listed name's score by each word's best
similarity and returns that bound when it trails the floor (the exact score is not needed). A
query with a common word ("Muhammad") brings hundreds of names to the scorer, nearly all of them
bounded out that way; here the same bounds are worked out for all of them with numpy arrays, in
the same order of additions (so the same floats), and the run-together test that can veto a
bound is answered once per listed word and word pair, not once per name.
"""

from __future__ import annotations

from array import array
from typing import cast

import numpy as np
import numpy.typing as npt

from clearance.matching.namebound import (
    SYLLABIC,
    least_listed_rate,
    least_patronymic,
    unpaired_least,
)
from clearance.matching.names import NameComparison
from clearance.matching.pairing import spelt_initials
from clearance.matching.params import NameParams
from clearance.matching.slips import is_slip
from clearance.matching.weights import WeightedName, query_code_slip, query_joins, word_table
from clearance.matching.wordsim import WordSimilarity
from clearance.scripts import LATIN

MIN_NAMES = 64
"""Names of one kind a query form is compared with before they are bounded as arrays (fewer
are cheaper one by one)."""


_Rows = tuple[tuple[float, ...], ...]


def bound_names(
    query: WeightedName,
    names: list[tuple[str, ...]],
    weights: list[list[float]],
    persons: list[bool],
    sims: WordSimilarity,
    params: NameParams,
    min_score: float,
) -> list[NameComparison | None]:
    """For each of ``names`` (listed names' words, with their ``weights`` as
    :class:`~clearance.matching.weights.WeightedName` has them): the comparison
    :func:`~clearance.matching.names.compare` returns when the name's bound trails
    ``min_score`` (an upper bound, no pairs), else ``None`` (the name is to be compared).
    ``persons``: whether each name is compared as a person's. (Lists, not sequences: compiled,
    a list is indexed natively, a sequence through a generic call.)"""
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
    # (numpy arrays made once from plain arrays, not a list converted item by item on each
    # numpy call that takes it: the same numbers)
    at = _int64s(starts)
    lengths = _int64s([len(names[i]) for i in todo])  # (what np.diff of the starts gives)
    c_all = [w for i in todo for w in names[i]]
    person = np.repeat(np.array([persons[i] for i in todo], dtype=bool), lengths)
    c_w = np.frombuffer(array("d", c_weights), dtype=np.float64)
    matrix, allowed, best = _pair_sims(query, c_all, _int64s(flat), c_w, at, lengths, person,
                                       sims, params)  # fmt: skip
    c_best = matrix.max(axis=0)  # per listed word
    q_sum = np.zeros(len(todo))
    for qi, weight in enumerate(query.weights):  # in order: the floats of compare's sum()
        q_sum = q_sum + best[qi] * weight
    c_sum = _sum_rows(c_best * c_w, at, lengths)
    lonely = _sum_rows(_lonely_weights(c_all, c_w, c_best, params), at, lengths)
    matched = np.minimum(q_sum, c_sum)
    total = _least_weights(query, allowed, c_w, at, persons, todo, params)
    cut = min_score - params.bound_margin
    first = matched / total
    reach = matched / (total + least_listed_rate(params) * lonely)
    bounds = np.where(first < cut, first, reach)
    low = np.flatnonzero((first < cut) | ((lonely > 0.0) & (reach < cut)))
    if not len(low):
        return out
    joiner = query_joins(query, words)  # (the run-together test, memoised per query name)
    lows: list[int] = low.tolist()  # (typed: its items index the lists natively)
    bound_of: list[float] = bounds.tolist()  # (the same floats, no numpy scalar per name)
    vetoed = [joiner.joinable(names[todo[k]], persons[todo[k]]) for k in lows]
    for k, veto in zip(lows, vetoed, strict=True):
        c_words = names[todo[k]]
        if not veto and not persons[todo[k]]:  # (memoised with the query name, as compare's)
            veto = query_code_slip(query, c_words, sims, params)
        if not veto and not persons[todo[k]]:
            veto = spelt_initials(q_words, c_words)  # (see names.compare)
        if not veto:
            nc = len(c_words)
            out[todo[k]] = NameComparison(bound_of[k], (), q_words, c_words, [False] * nq,
                                          [False] * nc, False)  # fmt: skip
    return out


def _lonely_weights(
    c_all: list[str],
    c_weights: npt.NDArray[np.float64],
    c_best: npt.NDArray[np.float64],
    params: NameParams,
) -> npt.NDArray[np.float64]:
    """Per listed word, its least weight if no query word comes near it (a patronymic at
    :func:`~clearance.matching.namebound.least_patronymic`, as ``namebound._lonely``), else
    0.0."""
    out = np.where(c_best > 0.0, 0.0, c_weights)
    table = word_table(params)
    least = least_patronymic(params)
    for col in np.flatnonzero((c_best <= 0.0) & (out > least)).tolist():  # (heavier: unpaired)
        if table[c_all[col]][1]:
            out[col] = least
    return out


def _pair_sims(
    query: WeightedName,
    c_all: list[str],
    flat: npt.NDArray[np.int64],
    c_weights: npt.NDArray[np.float64],
    starts: npt.NDArray[np.int64],
    lengths: npt.NDArray[np.int64],
    person: npt.NDArray[np.bool_],
    sims: WordSimilarity,
    params: NameParams,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """The similarity of each query word (row) and listed word (column) as the bound counts
    it, which pairs may pair (:func:`~clearance.matching.namebound.bound`'s triples, the
    pairs :func:`~clearance.matching.namebound.leftover_pairs` adds and the slips it raises,
    float for float) and the best per query word and name."""
    words = sims.params
    # (the single-precision similarities as computed, widened: the floats of ``sims.rows``)
    arrays = sims.arrays
    q_words = query.form.tokens
    single = np.stack([np.frombuffer(arrays[w], dtype=np.float32) for w in q_words])
    raw = single[:, flat].astype(np.float64)
    # Pairs that may not be paired count nothing: below the least similarity, and in an
    # organisation's name an initial with a word unless they are the same (as word_pairs).
    c_single = np.array([len(w) == 1 for w in c_all])
    q_single = np.array([len(w) == 1 for w in q_words])
    allowed = (raw >= words.min_word_sim) & (
        person | (q_single[:, None] == c_single[None, :]) | (raw >= words.exact_sim)
    )
    matrix = np.where(allowed, raw, 0.0)
    best = np.maximum.reduceat(matrix, starts, axis=1)  # per query word and name
    q_full = np.array(query.weights) >= 1.0
    c_full = c_weights >= 1.0
    nq = len(q_words)
    changed = False
    if nq > params.leftover_support and query.form.script not in SYLLABIC and person.any():
        # (namebound.leftover_pairs: a person's name of as many words, two agreeing closely)
        close = (best >= params.supported_sim).sum(axis=0)
        names_left = (close >= params.leftover_support) & (lengths == nq)
        if names_left.any():
            band = (raw >= params.leftover_sim) & (raw < words.min_word_sim)
            band &= q_full[:, None] & (c_full & person & np.repeat(names_left, lengths))[None, :]
            if band.any():
                matrix = np.where(band, raw, matrix)
                allowed = allowed | band
                changed = True
    if query.strong == 1:  # (namebound._slips: one distinctive word each)
        strong = np.add.reduceat(c_full.astype(np.int64), starts) == 1
        maybe = allowed & (matrix < params.slip_sim) & q_full[:, None]
        maybe &= np.repeat(strong, lengths)[None, :]
        typed = query.form.script == LATIN
        for qi, col in zip(*np.nonzero(maybe), strict=True):
            if is_slip(q_words[qi], c_all[col], params, typed=typed, whole=True):
                matrix[qi, col] = params.slip_sim
                changed = True
    if changed:
        best = np.maximum.reduceat(matrix, starts, axis=1)
    return matrix, allowed, best


def _least_weights(
    query: WeightedName,
    paired: npt.NDArray[np.bool_],
    c_weights: npt.NDArray[np.float64],
    starts: npt.NDArray[np.int64],
    persons: list[bool],
    todo: list[int],
    params: NameParams,
) -> npt.NDArray[np.float64]:
    """Per name, the least weight of the query's words (:func:`~clearance.matching.namebound.
    least_weight`, float for float): each paired at its lightest partner's or left unpaired at
    its least, added in order; 1.0 for none."""
    lightest = np.minimum.reduceat(np.where(paired, c_weights[None, :], 2.0), starts, axis=1)
    flags = [persons[i] for i in todo]
    both = query.alone
    if both is None:  # (memoised with the query name: see namebound.least_weight)
        both = query.alone = (unpaired_least(query, True, params),
                              unpaired_least(query, False, params))  # fmt: skip
    mixed = any(flags) and not all(flags)
    is_person = np.array(flags, dtype=bool)
    total = np.zeros(len(todo))
    for qi, weight in enumerate(query.weights):
        if mixed:
            alone = np.where(is_person, both[0][qi], both[1][qi])
            least = np.minimum(np.minimum(weight, lightest[qi]), alone)
        else:  # (one kind of name: one float, min() as numpy takes it)
            least = np.minimum(lightest[qi], min(weight, both[0 if flags[0] else 1][qi]))
        total = total + least
    return np.where(total == 0.0, 1.0, total)


def _sum_rows(
    values: npt.NDArray[np.float64], starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]
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


def _int64s(values: list[int]) -> npt.NDArray[np.int64]:
    """``values`` as numpy's int64 array (as ``np.asarray`` makes it), through a plain array:
    numpy converts a list item by item on every call given it."""
    return cast("npt.NDArray[np.int64]", np.frombuffer(array("q", values), dtype=np.int64))
