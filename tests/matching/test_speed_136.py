"""Cold-pass cuts over the whole pass (h177, issue 11; no outcome changes).

:func:`clearance.matching.exact.exact_key` folds an ASCII name through a bytes table (a str
translated by a dict looked each character up); :func:`clearance.matching.pairing.ends_from`
(what a query name's :class:`~clearance.matching.pairing.Joins` asked each time) is memoised
per similarity table and threshold, bounded; the screener groups records by entity in a plain
dict (``retrieve._best_per_record``'s small path, tried with one similarity object per key
and not kept, callgrind +2.5 M, is held here to its answers);
:func:`clearance.matching.memo.sim_rows` answers the parameter set asked last first, in a
native call (so do ``weights.word_table`` and ``wordsim._dense_ratio``, through
:class:`~clearance.matching.memo.LastAsked`);
:meth:`~clearance.matching.keytables.WordHitCache.get` looks a key up once.
Each agrees with the code it replaces (written out here as 1.35 had it).
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from clearance.compiled import is_compiled
from clearance.matching import memo, pairing, params, weights, wordsim
from clearance.matching import retrieve as retrieve_mod
from clearance.matching.exact import exact_key
from clearance.matching.keytables import WordHitCache
from clearance.matching.memo import sim_rows
from clearance.matching.pairing import ENDS_FROM_KEPT, Joins, ends_apart, ends_from
from clearance.matching.params import NameParams, WordParams
from clearance.matching.retrieve import FEW_RECORDS, _best_per_record

_ASCII_SPACES = {i: " " for i in range(128) if not chr(i).isalnum()}  # (1.35's table)


def _exact_key_135(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).casefold()
    if folded.isascii():
        return " ".join(folded.translate(_ASCII_SPACES).split())
    return " ".join("".join([c if c.isalnum() else " " for c in folded]).split())


NAMES = [
    "S5-SAD",
    "NICOL AS",
    "Nicolás  MADURO-Moros",
    "AL-QA'IDA (AQ)",
    "O'Brien & Sons, Ltd.",
    "ООО «Торговый дом»",
    "محمدرضا عبدالعلی",
    "Ⅻ  ﬁrm\tname",
    "  ",
    "",
    "UP-I7602 #1 / [x] {y} ~z~",
]


def test_exact_key_as_before_on_every_ascii_character_and_names() -> None:
    for i in range(128):
        for text in (chr(i), f"a{chr(i)}b", f"{chr(i)}X {chr(i)}"):
            assert exact_key(text) == _exact_key_135(text), repr(text)
    for text in NAMES:
        assert exact_key(text) == _exact_key_135(text), repr(text)
    rng = random.Random(136)
    for _ in range(3000):
        text = "".join(chr(rng.randrange(32, 127)) for _ in range(rng.randrange(0, 24)))
        assert exact_key(text) == _exact_key_135(text), repr(text)


def _ends_from_135(rows: tuple[tuple[float, ...], ...], merge: float) -> int:
    return next((n for n in range(1, 64) if ends_apart(n, n, rows, merge)), 64)


def test_ends_from_as_before_used_and_bounded() -> None:
    rows = sim_rows(WordParams())
    pairing._ENDS_FROM.clear()
    merges = [0.0, 0.5, 0.8, 0.85, 0.9, 0.95, 0.99, 1.0, 1.5]  # (1.5: never: 64)
    for merge in merges:
        assert ends_from(rows, merge) == _ends_from_135(rows, merge)
    assert ends_from(rows, 1.5) == 64
    # used: the answer is kept, and a kept answer is what is returned
    assert pairing._ENDS_FROM[0.9] == (rows, _ends_from_135(rows, 0.9))
    pairing._ENDS_FROM[0.9] = (rows, -7)
    assert ends_from(rows, 0.9) == -7
    # another table of the same threshold is not answered from the memo
    other = tuple(tuple(0.0 for _ in row) for row in rows)
    assert ends_from(other, 0.9) == _ends_from_135(other, 0.9) == 64
    # bounded
    pairing._ENDS_FROM.clear()
    for k in range(ENDS_FROM_KEPT * 3):
        ends_from(rows, 0.5 + k / 1000)
        assert len(pairing._ENDS_FROM) <= ENDS_FROM_KEPT
    pairing._ENDS_FROM.clear()
    # a query name's joins ask it
    joins = Joins(("abdul", "rahman"), 0.9, rows)
    assert joins.ends_from == _ends_from_135(rows, 0.9)
    assert pairing._ENDS_FROM[0.9][1] == joins.ends_from


class _Tables:
    """The two posting columns ``_best_per_record`` reads."""

    def __init__(self, postings: list[list[int]]) -> None:
        from array import array

        self.posting_offsets = array("i", [0])
        self.posting_data = array("i")
        for recs in postings:
            self.posting_data.extend(recs)
            self.posting_offsets.append(len(self.posting_data))
        self.posting_ids = np.frombuffer(self.posting_data, dtype=np.int32)

    def posting(self, key_id: int) -> np.ndarray:
        o = self.posting_offsets
        return self.posting_ids[o[key_id] : o[key_id + 1]]


@pytest.mark.skipif(
    is_compiled(retrieve_mod),
    reason="compiled, _best_per_record takes a real KeyTables only (the fake has two columns)",
)
def test_best_per_record_small_path_each_record_at_its_best() -> None:
    rng = random.Random(7)
    for _ in range(300):
        postings = [sorted(rng.sample(range(60), rng.randrange(1, 9))) for _ in range(6)]
        tables = _Tables(postings)
        keys = {k: rng.choice([0.7, 0.8, 0.85, 0.9, 1.0]) for k in rng.sample(range(6), 3)}
        assert sum(len(postings[k]) for k in keys) <= FEW_RECORDS
        ids, sims = _best_per_record(tables, keys)  # type: ignore[arg-type]
        want: dict[int, float] = {}
        for k, sim in keys.items():
            for rec in postings[k]:
                want[rec] = max(want.get(rec, 0.0), sim)
        assert ids.dtype == np.int32 and sims.dtype == np.float32
        assert ids.tolist() == sorted(want)
        assert sims.tolist() == [float(np.float32(want[r])) for r in sorted(want)]


def test_sim_rows_the_last_set_first_same_table_one_kept() -> None:
    a, b = WordParams(), WordParams(min_word_sim=0.5)
    rows_a = memo.sim_rows(a)
    assert rows_a == params.sim_rows(a)
    assert memo._LAST.params is a and memo._LAST.rows is rows_a  # used
    assert memo.sim_rows(a) is rows_a
    rows_b = memo.sim_rows(b)
    assert rows_b == params.sim_rows(b)
    assert memo._LAST.params is b  # bounded: one set kept besides the identity memo
    assert memo.sim_rows(a) is rows_a  # (the identity memo's answer, as before)
    memo._LAST.rows = ((9.0,),)
    assert memo.sim_rows(a) == ((9.0,),)  # (the last set is answered without the memo)
    memo._LAST.params = None
    assert memo.sim_rows(a) is rows_a


def test_word_hit_cache_finds_a_none_hit_and_stays_bounded() -> None:
    cache = WordHitCache(4)
    hit = (np.array([1, 2], dtype=np.int32), np.array([0.9, 1.0], dtype=np.float32))
    assert cache.get((0, "x")) == (False, None)
    cache.put((0, "x"), None)
    cache.put((0, "y"), hit)
    assert cache.get((0, "x")) == (True, None)
    found, got = cache.get((0, "y"))
    assert found and got is hit
    for k in range(20):
        cache.put((1, str(k)), None)
        assert len(cache.young) + len(cache.old) <= 8
    assert cache.get((0, "x")) == (False, None)


def test_word_table_and_dense_ratio_the_last_set_first() -> None:
    a, b = NameParams(), NameParams(low_info_weight=0.2)
    table = weights.word_table(a)
    assert weights._TABLE_ASKED.params is a and weights._TABLE_ASKED.value is table  # used
    assert weights.word_table(a) is table
    other = weights.word_table(b)
    assert other is not table and other.params is b
    assert weights._TABLE_ASKED.params is b  # bounded: the last set only
    assert weights.word_table(a) is table  # (the memo's answer, as before)
    assert weights.word_table(NameParams()) is table  # (equal parameters: one table)
    w, dense = WordParams(), WordParams(dense_script_length=1.5)
    assert wordsim._dense_ratio(w) == wordsim._dense_fraction(w)
    assert wordsim._DENSE_ASKED.params is w
    assert wordsim._dense_ratio(dense) == (3, 2)
    assert wordsim._DENSE_ASKED.params is dense
    assert wordsim._dense_ratio(w) == wordsim._dense_fraction(w)
