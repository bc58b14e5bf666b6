"""A query word's records: the postings of its index keys merged, each record reached with the
best similarity of its keys (``retrieve``'s step per query word, its own module since h189)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import cast

import numpy as np
import numpy.typing as npt

from clearance.matching.keytables import KeyTables

FEW_RECORDS = 40
"""At most this many records over a word's keys are merged in plain Python, more with numpy
(compiled, callgrind on a cold pass's merges: plain Python's dictionary, sort and two
``np.fromiter`` cost more than numpy's fixed cost from about 40 records; up to ``SMALL_HITS``
(200) plain Python cost 20 % more over that pass's merges of 2 to 200 records)."""


def _best_per_record(
    tables: KeyTables, keys: dict[int, float]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """For one query word: each record reached, with the best similarity of its keys."""
    if len(keys) == 1:
        key_id, sim = next(iter(keys.items()))
        posting = tables.posting(key_id)
        sims = np.empty(len(posting), dtype=np.float32)
        sims.fill(sim)  # (np.full is Python code around these two calls)
        return posting, sims
    offsets, plain = tables.posting_offsets, tables.posting_data
    spans = [(sim, offsets[k], offsets[k + 1]) for k, sim in keys.items()]
    if sum([b - a for _, a, b in spans]) <= FEW_RECORDS:  # plain Python (cheaper at this size)
        # (the records as the objects the array gives: compiled, an int would be unboxed
        # and boxed again for the dictionary, a new object per record)
        best: dict[object, float] = {}
        spans.sort()  # by ascending similarity: a record's last write, its best, stays
        for sim, a, b in spans:
            for rec in cast("Iterable[object]", plain[a:b]):
                best[rec] = sim
        recs = sorted(cast("dict[int, float]", best))
        sims = np.fromiter(map(best.__getitem__, recs), np.float32, len(recs))
        return np.fromiter(recs, np.int32, len(recs)), sims  # (np.array reads a list slower)
    # By descending similarity: a stable sort of the records (runs of ascending ids: a merge)
    # then puts each record's best first, as np.lexsort by record and similarity would.
    spans.sort(reverse=True)
    ids = gathered(plain, spans)
    sizes = [b - a for _, a, b in spans]
    vals = np.fromiter([s for s, _, _ in spans], np.float32, len(spans)).repeat(sizes)
    order = ids.argsort(kind="stable")
    ids = ids[order]
    first = np.empty(len(ids), dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    keep = first.nonzero()[0]  # (the places once: cheaper than two boolean selections)
    return ids[keep], vals[order[keep]]


def gathered(plain: array[int], spans: list[tuple[float, int, int]]) -> npt.NDArray[np.int32]:
    """The record ids of each span ``plain[a:b]`` of ``spans``, one span after another, as one
    numpy array (the spans copied into one plain array: compiled, a numpy view per span and
    ``np.concatenate`` of them cost several times what a plain slice and its copy do)."""
    buf = array("i")
    for _, a, b in spans:
        buf += plain[a:b]
    return cast("npt.NDArray[np.int32]", np.frombuffer(buf, dtype=np.int32))


_Hit = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]
