"""Cold-pass speed (issue 11, h114): a query word reaching a few records carries them in
``array.array`` (int32, float32) through retrieval (``retrieve._best_per_record`` to
``bounds.bounds_small``) instead of numpy arrays. Each such path agrees with the numpy one,
value for value."""

from __future__ import annotations

import random
from array import array

import numpy as np
import pytest

from clearance.matching import retrieve
from clearance.matching.bounds import (
    SMALL_HITS,
    AnyPart,
    FormBound,
    Part,
    as_arrays,
    bounds_large,
    bounds_small,
    form_bounds,
)
from clearance.matching.engine import Screener, query_forms
from clearance.matching.keytables import WordHitCache
from clearance.matching.params import NameParams, RetrievalParams
from clearance.matching.query import make_query
from tests.matching.test_cold_pass_cuts import RECORDS, _index
from tests.matching.test_cold_speed_h108 import _tables
from tests.matching.test_fast_paths import screener

__all__ = ["screener"]  # (the module fixture: the OFAC SDN list's screener)


def _f32(value: float) -> float:
    return array("f", (value,))[0]


def _part(rng: random.Random, size: int, weight: float) -> Part:
    ids = np.array(sorted(rng.sample(range(RECORDS), size)), dtype=np.int32)
    sims = np.array([rng.choice((1.0, 0.9, 0.85, 0.8, 0.75, 0.7)) for _ in ids], dtype=np.float32)
    return ids, sims, weight


def _as_lists(parts: list[Part], rng: random.Random) -> list[AnyPart]:
    """Some of ``parts`` with their records and similarities in ``array.array`` (as retrieval
    makes the parts of words reaching a few records)."""
    return [(array("i", p[0].tolist()), array("f", p[1].tolist()), p[2])
            if rng.random() < 0.7 else p for p in parts]  # fmt: skip


def _form(rng: random.Random, total: float) -> FormBound:
    return FormBound(rng.choice((0.2, 0.3, 0.5)), total, rng.choice((0.0, 0.0, 0.5)), 3,
                     rng.random() < 0.2, np.float32(rng.choice((1.0, 0.85, 0.6))),
                     rng.random() < 0.5, NameParams(), RetrievalParams())  # fmt: skip


@pytest.mark.parametrize("seed", range(30))
def test_list_parts_bound_as_the_arrays_do(seed: int) -> None:
    """Bounding parts held in ``array.array`` gives the records and floats of the general
    (numpy) way."""
    rng = random.Random(seed)
    index = _index(rng)
    weights = [rng.choice((0.3, 0.5, 0.61, 1.0, 1.37)) for _ in range(rng.randint(1, 4))]
    sizes = [rng.randint(1, 60) for _ in weights]
    parts = [_part(rng, n, w) for n, w in zip(sizes, weights, strict=True)]
    form = _form(rng, sum(weights) + rng.choice((0.0, 0.4)))
    listed = _as_lists(parts, rng)
    expected = bounds_large(index, parts, form)  # type: ignore[arg-type]
    assert bounds_small(index, listed, form) == expected  # type: ignore[arg-type]
    assert bounds_small(index, parts, form) == expected  # type: ignore[arg-type]
    assert form_bounds(index, listed, form, None) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(10))
def test_list_parts_past_the_small_size_bound_as_arrays(seed: int) -> None:
    """A form of more hits than ``SMALL_HITS`` bounds its list parts as arrays (the numpy way),
    whatever holds them: exactly the records and floats of all arrays."""
    rng = random.Random(100 + seed)
    index = _index(rng)
    parts = [_part(rng, rng.randint(150, 600), 1.0), _part(rng, rng.randint(1, 40), 0.5),
             _part(rng, rng.randint(1, 40), 0.8)]  # fmt: skip
    form = _form(rng, 2.3)
    listed = _as_lists(parts, rng)
    assert sum(len(p[0]) for p in listed) > SMALL_HITS
    expected = form_bounds(index, parts, form, None)  # type: ignore[arg-type]
    assert form_bounds(index, listed, form, None) == expected  # type: ignore[arg-type]
    converted = as_arrays(listed)
    for (ids, sims, w), (ids2, sims2, w2) in zip(converted, parts, strict=True):
        assert isinstance(ids, np.ndarray) and isinstance(sims, np.ndarray)
        assert ids.dtype == np.int32 and sims.dtype == np.float32 and w == w2
        assert ids.tolist() == ids2.tolist() and sims.tolist() == sims2.tolist()


@pytest.mark.parametrize("size", [1, 7, SMALL_HITS, SMALL_HITS + 1, 900])
@pytest.mark.parametrize("sim", [1.0, 0.8, 0.7333333333333333, 0.1])
def test_one_key_small_as_lists_large_as_arrays(size: int, sim: float) -> None:
    """A word of one key: its posting with the similarity as float32 (np.full's values), in
    ``array.array`` up to ``SMALL_HITS`` records, past them as the index's int32 column."""
    posting = list(range(3, 3 + 2 * size, 2))
    ids, sims = retrieve._best_per_record(_tables([[0, 1], posting]), {1: sim})
    full = np.full(size, sim, dtype=np.float32).tolist()
    if size <= SMALL_HITS:
        assert isinstance(ids, array) and isinstance(sims, array)
        assert ids.typecode == "i" and sims.typecode == "f" and ids.itemsize == 4
        assert ids.tolist() == posting and sims.tolist() == full
    else:
        assert isinstance(ids, np.ndarray) and isinstance(sims, np.ndarray)
        assert ids.dtype == np.int32 and sims.dtype == np.float32
        assert ids.tolist() == posting and sims.tolist() == full


def test_several_keys_round_each_best_similarity_to_float32() -> None:
    """Similarities that differ in float64 but not in float32 keep numpy's value (the best)."""
    close = 0.7333333333333333
    keys = {0: close, 1: np.nextafter(close, 1.0), 2: 0.5}
    ids, sims = retrieve._best_per_record(_tables([[1, 4], [4, 9], [1, 2, 9]]), keys)
    assert isinstance(ids, array) and isinstance(sims, array) and ids.tolist() == [1, 2, 4, 9]
    assert sims.tolist() == [_f32(keys[1]), _f32(0.5), _f32(keys[1]), _f32(keys[1])]


def _queries(screener: Screener) -> list[str]:
    """Listed names respelt (a letter dropped, words swapped), in both scripts, and unlisted."""
    rng = random.Random(5)
    names = rng.sample(screener.index.rec_text, 150)
    out = []
    for name in names:
        words = name.split()
        if len(words) > 1 and rng.random() < 0.5:
            rng.shuffle(words)
        word = rng.randrange(len(words))
        if len(words[word]) > 4:
            at = rng.randrange(1, len(words[word]) - 1)
            words[word] = words[word][:at] + words[word][at + 1 :]
        out.append(" ".join(words))
    return [*out, "Jean Dupont", "Olaf Schulze", "محمد ولی محمد عوض", "Ким Чен Ын", "Ali Ali"]


def _retrieved(screener: Screener, names: list[str]) -> list[list[tuple[int, float]]]:
    """Each query's records and bounds at two floors (with and without the alert threshold)."""
    algo = screener.algo
    kwargs = {"params": algo.names, "retrieval": algo.retrieval, "words": algo.words}
    return [
        sorted(retrieve.retrieve(screener.index, forms, floor=floor, threshold=threshold,
                                 **kwargs).items())  # type: ignore[arg-type]
        for forms in (query_forms(make_query(name), algo.trust) for name in names)
        for floor, threshold in ((0.2, 0.0), (0.6, 0.7))
    ]  # fmt: skip


def test_retrieval_with_list_hits_is_retrieval_with_array_hits(screener: Screener) -> None:
    """Every query's records and bounds, with the word memo's few-record hits in ``array.array``
    (fresh) and then with every memoised hit made numpy arrays (as 1.24 held them)."""
    index = screener.index
    index.__dict__.pop("_word_hits", None)
    index.__dict__.pop("_repeat_slots", None)
    names = _queries(screener)
    fresh = _retrieved(screener, names)
    cache = index.word_hits
    assert not cache.old  # (every lookup below is memoised, in the young generation)
    held = [hit for hit in cache.young.values() if hit is not None]
    assert sum(isinstance(hit[0], array) for hit in held) > 100  # the small path was taken
    assert any(isinstance(hit[0], np.ndarray) for hit in held)  # ... and the numpy one
    cache.young = {
        key: None if hit is None
        else (np.asarray(hit[0], dtype=np.int32), np.asarray(hit[1], dtype=np.float32))
        for key, hit in cache.young.items()
    }  # fmt: skip
    assert _retrieved(screener, names) == fresh
    assert all(hit is None or isinstance(hit[0], np.ndarray) for hit in cache.young.values())
    index.__dict__.pop("_word_hits", None)


def test_word_records_gives_arrays_for_a_few_records(screener: Screener) -> None:
    """The public lookup (reverse screening reads it) keeps its int32 and float32 arrays."""
    index, algo = screener.index, screener.algo
    seen = 0
    for word in ("ahmad", "bank", "muhammad", "zzyzx", "petrov", "hussein", "trading"):
        hit = retrieve.word_records(index, word, 0, algo.retrieval, algo.words)
        if hit is not None:
            seen += 1
            assert hit[0].dtype == np.int32 and hit[1].dtype == np.float32
            assert hit[0].tolist() == sorted(set(hit[0].tolist()))
    assert seen >= 5


def test_lists_are_made_arrays_once_with_their_values() -> None:
    """A form bounded with numpy reads a small hit's numpy arrays, made once per ``array.array``
    (the memo holds it: another is never served them), dropped when the young generation
    goes."""
    cache = WordHitCache(2)
    ids, sims = array("i", [1, 5, 9]), array("f", [0.8, 1.0, 0.7])
    arrays = (np.array([2, 3], dtype=np.int32), np.array([0.9, 1.0], dtype=np.float32))
    parts: list[AnyPart] = [(ids, sims, 0.5), (*arrays, 1.0)]
    first = retrieve._numpy_parts(cache, parts)
    assert first[0][0].dtype == np.int32 and first[0][1].dtype == np.float32
    assert first[0][0].tolist() == ids.tolist() and first[0][1].tolist() == sims.tolist()
    assert first[0][2] == 0.5
    assert first[1][0] is arrays[0] and first[1][1] is arrays[1]
    again = retrieve._numpy_parts(cache, parts)
    assert again[0][0] is first[0][0] and again[0][1] is first[0][1]
    other = retrieve._numpy_parts(cache, [(array("i", [1, 5, 10]), array("f", sims), 0.5)])
    assert other[0][0].tolist() == [1, 5, 10] and other[0][0] is not first[0][0]
    wide = retrieve._numpy_parts(cache, [(array("q", [1, 7]), array("d", [_f32(0.8), 1.0]), 1.0)])
    assert wide[0][0].dtype == np.int32 and wide[0][1].dtype == np.float32
    assert wide[0][0].tolist() == [1, 7] and wide[0][1].tolist() == [_f32(0.8), 1.0]
    cache.put((0, "a"), None)
    cache.put((0, "b"), None)  # (the young generation full: it becomes the old one)
    cache.put((0, "c"), None)
    assert not cache.arrays
