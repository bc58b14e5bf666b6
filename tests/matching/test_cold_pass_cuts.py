"""Cold-pass cuts that change no outcome: the hits of a form's most common words cut down to
the records its rarer words reach before they are bounded (``bounds._bounds_pruned``) give
the records and floats of bounding them all (``bounds.bounds_large``)."""

from __future__ import annotations

import random
from array import array
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from clearance.matching.bounds import FormBound, Part, _among, _bounds_pruned, bounds_large
from clearance.matching.params import NameParams, RetrievalParams

RECORDS = 20_000


def _index(rng: random.Random) -> Any:
    """What bounding reads of an index: each record's word weight and whether a person's."""
    weight = np.array([rng.choice((1, 2, 2, 3, 4)) for _ in range(RECORDS)], dtype=np.float32)
    person = np.array([rng.random() < 0.6 for _ in range(RECORDS)], dtype=bool)
    plain = array("f")
    plain.frombytes(weight.tobytes())
    return SimpleNamespace(record_profile=(weight, person), record_plain=(plain, person.tobytes()))


def _part(rng: random.Random, size: int, weight: float) -> Part:
    ids = np.array(sorted(rng.sample(range(RECORDS), size)), dtype=np.int32)
    sims = np.array([rng.choice((1.0, 1.0, 0.9, 0.8, 0.75)) for _ in ids], dtype=np.float32)
    return ids, sims, weight


def _form(floor: float, total: float, skipped: float, trust: float, person: bool,
          unreached: bool = False) -> FormBound:  # fmt: skip
    return FormBound(floor, total, skipped, 3, unreached, np.float32(trust), person,
                     NameParams(), RetrievalParams())  # fmt: skip


def _cases(seed: int) -> list[tuple[list[Part], FormBound]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(60):
        # a common word (thousands of names), a word of middling reach, rare words, a pair
        weights = [rng.choice((0.3, 0.5, 1.0)), 1.0, *(rng.choice((0.5, 1.0)) for _ in range(2))]
        sizes = [rng.randint(2000, 8000), rng.randint(300, 1500), rng.randint(1, 60),
                 rng.randint(1, 30)]  # fmt: skip
        parts = [_part(rng, n, w) for n, w in zip(sizes, weights, strict=True)]
        rng.shuffle(parts)
        if rng.random() < 0.3:  # two words run together
            parts.append(_part(rng, rng.randint(1, 20), weights[2] + weights[3]))
        total = sum(weights) + rng.choice((0.0, 0.5))
        skipped = rng.choice((0.0, 0.0, 0.5))
        form = _form(rng.choice((0.2, 0.4, 0.6, 0.7)), total, skipped,
                     rng.choice((1.0, 1.0, 0.85, 0.6)), rng.random() < 0.5,
                     unreached=rng.random() < 0.2)  # fmt: skip
        cases.append((parts, form))
    return cases


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pruned_bounds_are_the_records_and_floats_of_bounding_every_hit(seed: int) -> None:
    index = _index(random.Random(seed))
    passed = 0
    for parts, form in _cases(seed):
        hits = sum(len(p[0]) for p in parts)
        expected = bounds_large(index, parts, form)
        assert _bounds_pruned(index, parts, form, hits) == expected
        passed += len(expected)
    assert passed > 50  # records do pass


def test_the_common_words_hits_are_cut_to_the_records_other_words_reach() -> None:
    ids = np.array([2, 5, 7, 9, 11, 40], dtype=np.int32)
    sims = np.array([1.0, 0.9, 0.8, 1.0, 0.75, 1.0], dtype=np.float32)
    wanted = np.array([1, 5, 9, 11, 11, 50], dtype=np.int32)  # (two words reach 11)
    cut = _among((ids, sims, 0.5), wanted)
    assert cut[0].tolist() == [5, 9, 11]
    assert cut[1].tolist() == pytest.approx([0.9, 1.0, 0.75])
    assert cut[2] == 0.5


def _both(index: Any, parts: list[Part], form: FormBound) -> tuple[object, object]:
    hits = sum(len(p[0]) for p in parts)
    return _bounds_pruned(index, parts, form, hits), bounds_large(index, parts, form)


def test_a_form_whose_common_words_alone_cannot_pass_is_cut() -> None:
    """A common given name with a rare family name: only the names the family name reaches
    are summed; with nothing but common words, no name can pass."""
    rng = random.Random(5)
    index = _index(rng)
    common, rare = _part(rng, 5000, 0.3), _part(rng, 20, 1.0)
    pruned, every = _both(index, [common, rare], _form(0.6, 1.3, 0.0, 1.0, True))
    assert pruned == every
    other, pair = _part(rng, 30, 1.0), _part(rng, 8, 2.0)  # (two rarer words reach names)
    three = _form(0.6, 2.3, 0.0, 0.9, False)
    pruned, every = _both(index, [common, other, rare, pair], three)
    assert pruned == every
    assert _both(index, [common], _form(0.6, 1.3, 0.0, 1.0, True)) == ([], [])
