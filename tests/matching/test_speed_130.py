"""Cold-pass cuts on the retrieval side (h139, issue 11; no outcome changes): a word's postings
gathered through one plain array (``retrieve.gathered``), agreeing with the numpy slices it
replaces (written out here as 1.29 had them) on random postings; ``retrieve`` split per query
form (``_bound_form``, ``_keep_bounds``)."""

from __future__ import annotations

import random
from array import array

import numpy as np
import pytest

from clearance.matching.retrieve import QueryForm, _keep_bounds, gathered
from tests.matching.test_cold_speed_h108 import _tables


def _gathered_as_it_was(ids: np.ndarray, spans: list[tuple[float, int, int]]) -> list[int]:
    """``_best_per_record``'s concatenation as 1.29 wrote it: a numpy slice per span."""
    return np.concatenate([ids[a:b] for _, a, b in spans]).tolist()  # type: ignore[no-any-return]


@pytest.mark.parametrize("seed", range(30))
def test_gathered_spans_are_the_numpy_slices_one_after_another(seed: int) -> None:
    rng = random.Random(seed)
    postings = [sorted(rng.sample(range(5000), rng.randint(0, 60))) for _ in range(20)]
    tables = _tables(postings)
    offsets = tables.posting_offsets
    keys = rng.sample(range(len(postings)), rng.randint(1, len(postings)))
    spans = [(rng.random(), offsets[k], offsets[k + 1]) for k in keys]
    spans.sort(reverse=True)
    out = gathered(tables.posting_data, spans)
    assert out.dtype == np.int32
    assert out.tolist() == _gathered_as_it_was(tables.posting_ids, spans)
    out.sort()  # (an array of its own: writable, the index's postings untouched)
    assert tables.posting_data.tolist() == [r for p in postings for r in p]


def test_gathered_keeps_a_record_each_span_holds() -> None:
    data = array("i", [1, 2, 3, 2, 3, 3])
    out = gathered(data, [(0.9, 5, 6), (0.8, 3, 5), (0.7, 0, 3)])
    assert out.tolist() == [3, 2, 3, 1, 2, 3]


class _Index:
    """What ``_keep_bounds`` reads of an index."""

    def __init__(self, bare: list[bool], tokens: list[tuple[str, ...]]) -> None:
        self.rec_bare = bare
        self.rec_tokens = tokens


def test_keep_bounds_keeps_each_records_best_at_most_one() -> None:
    from clearance.matching.normalize import analyse

    (form,) = analyse("John Smith")
    qform = QueryForm(form, 0)
    index = _Index([False] * 4, [("john",), ("smith",), ("x",), ("y",)])
    out: dict[int, float] = {0: 0.5, 1: 0.9}
    _keep_bounds(index, qform, [(0, 0.7), (1, 0.8), (2, 1.2), (3, 0.0)], out)  # type: ignore[arg-type]
    assert out == {0: 0.7, 1: 0.9, 2: 1.0}
