"""Matching 1.24, index format 28 (issue 11, c9 and its cost): the name-word table's readings
are looked up among the listed words of crowded skeletons once, when the index is built, not
for each Arabic-script query that has them (``NameIndex.read_records``)."""

from __future__ import annotations

import numpy as np

from clearance.matching import spelled
from clearance.matching.engine import Screener
from clearance.matching.params import TrustParams, WordParams
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_OTHERS = ["Ali HASSAN", "Mohammad KARIMI", "SAQR, Omar"]
_FIRST = ["Omar", "Hamid", "Karim", "Tariq", "Samir", "Bashir", "Rashid", "Majid", "Nabil",
          "Fuad", "Jamal", "Kamal"]  # fmt: skip
_HAMID = [f"HAMID, Ali {a} {b}" for a in _FIRST for b in _FIRST[:6]]
_HAMAD = [f"HAMAD, Ali {a} {b}" for a in _FIRST for b in _FIRST[6:]]


def _index(names: list[str]) -> Screener:
    entities = [e("person", name, source_id=str(i)) for i, name in enumerate(names)]
    return Screener.build(entities, MatchingPolicy(screen_cache=0))


def test_the_index_holds_each_table_reading_with_the_records_it_agrees_with() -> None:
    index = _index(["HAMMUD, Ali", *_HAMID, *_HAMAD, *_OTHERS]).index
    cut, words = TrustParams().spelled_word_sim, WordParams()
    assert "hamid" in spelled.table_readings() and "hamad" in spelled.table_readings()
    for reading in ("hamid", "hamad", "ali", "muhammad"):
        stored = index.read_records(reading, cut, words)
        assert stored is not None
        worked_out = spelled.records_of(index, spelled._read_alike(index, reading, cut, words))
        assert np.array_equal(stored, worked_out)
    hamid = index.read_records("hamid", cut, words)
    assert hamid is not None  # (HAMID, Ali ... and the names with Hamid among their given names)
    assert {index.rec_text[r] for r in hamid.tolist()} >= set(_HAMID)
    assert not {index.rec_text[r] for r in hamid.tolist()} & {"HAMMUD, Ali", *_HAMAD[:6]}


def test_other_parameters_or_readings_are_worked_out_per_query() -> None:
    index = _index([*_HAMID, *_HAMAD]).index
    cut, words = TrustParams().spelled_word_sim, WordParams()
    assert index.read_records("hamid", cut - 0.1, words) is None
    assert index.read_records("hamid", cut, WordParams(min_word_sim=0.4)) is None
    assert index.read_records("hamidoo", cut, words) is None
