"""The plain-Python fast paths give the same floats, in the same order, as the numpy paths
they stand in for (on the real OFAC SDN list, with queries in several scripts)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clearance.compiled import is_compiled
from clearance.matching import bounds as bounds_mod
from clearance.matching import candidates as candidates_mod
from clearance.matching import engine as engine_mod
from clearance.matching import retrieve as retrieve_mod
from clearance.matching.engine import Screener, query_forms
from clearance.matching.normalize import nothing_to_screen
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from clearance.sources import read_path

_EXTRA = ("محمد احمدی", "سبعاوي إبراهيم حسن التكريتي",
          "شركة البركة للتجارة العامة والمقاولات ذ.م.م",
          "ООО «Торговый дом Фролова Трейдинг Групп»", "Дарья Александровна Александрова",
          "S.A. HOLDING COMPANY, I&S", "金正恩", "김정은", "Ali Hassan", "Mohammad")  # fmt: skip


@pytest.fixture(scope="module")
def screener(data_dir: Path) -> Screener:
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    return Screener.build(parsed.entities, MatchingPolicy(screen_cache=0))


def _queries(screener: Screener) -> list[str]:
    rng = random.Random(7)
    names = rng.sample(screener.index.rec_text, 150)
    # (a record's text the query check refuses, a legal form alone as "SAPA" is, is no query)
    names = [name for name in names if nothing_to_screen(name) is None]
    shuffled = []
    for name in names[:50]:
        words = name.split()
        rng.shuffle(words)
        shuffled.append(" ".join(words))
    return [*names, *shuffled, *_EXTRA]


def _run(screener: Screener, names: list[str]) -> list[list[tuple[int, float]]]:
    screener.index.__dict__.pop("_word_hits", None)  # word lookups worked out afresh
    algo = screener.algo
    out = []
    for name in names:
        forms = query_forms(make_query(name), algo.trust)
        for floor in (0.2, 0.6):
            found = retrieve_mod.retrieve(screener.index, forms, floor=floor, params=algo.names,
                                          retrieval=algo.retrieval, words=algo.words)  # fmt: skip
            out.append(list(found.items()))
    return out


def test_retrieval_bounds_are_the_same_floats_either_way(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _queries(screener)
    monkeypatch.setattr(retrieve_mod, "FEW_RECORDS", -1)  # (its plain-Python merge's size)
    monkeypatch.setattr(bounds_mod, "SMALL_HITS", -1)
    monkeypatch.setattr(bounds_mod, "FEW", -1)  # every record's bound an array's
    numpy_way = _run(screener, names)
    monkeypatch.setattr(bounds_mod, "FEW", 10**9)  # ... each one's worked out on its own
    one_by_one = _run(screener, names)
    monkeypatch.setattr(retrieve_mod, "FEW_RECORDS", 10**9)
    monkeypatch.setattr(bounds_mod, "SMALL_HITS", 10**9)
    python_way = _run(screener, names)
    assert sum(len(r) for r in numpy_way) > 1000  # the queries reach names
    assert python_way == numpy_way
    assert one_by_one == numpy_way


def _outcomes(screener: Screener, names: list[str]) -> list[object]:
    out: list[object] = []
    for name in names:
        for kind in (None, "person", "organization"):
            for threshold in (0.5, 0.8):
                result = screener.screen(make_query(name, type=kind),
                                         ScreenOptions(limit=50, threshold=threshold))  # fmt: skip
                out.append([(m.entity_id, m.score, m.alert, m.matched_name, m.features)
                            for m in result.matches])  # fmt: skip
    return out


def test_names_bounded_as_arrays_score_as_when_compared_one_by_one(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _queries(screener)[::3]
    monkeypatch.setattr(candidates_mod, "MIN_NAMES", 10**9)  # every name through compare()
    one_by_one = _outcomes(screener, names)
    monkeypatch.setattr(candidates_mod, "MIN_NAMES", 0)  # every name bounded as arrays first
    as_arrays = _outcomes(screener, names)
    assert sum(len(r) for r in one_by_one) > 500  # type: ignore[arg-type]
    assert as_arrays == one_by_one


def test_a_name_compared_once_scores_as_when_every_record_is_compared(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _queries(screener)[1::3]
    calls: list[int] = []
    compare = engine_mod.compare

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return compare(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_mod, "compare", counted)
    monkeypatch.setattr(engine_mod, "SHARE_COMPARISONS", False)
    every_record = _outcomes(screener, names)
    unshared = len(calls)
    calls.clear()
    monkeypatch.setattr(engine_mod, "SHARE_COMPARISONS", True)
    shared = _outcomes(screener, names)
    assert sum(len(r) for r in every_record) > 500  # type: ignore[arg-type]
    if not is_compiled(engine_mod):  # (compiled, its calls to compare are not patched)
        assert len(calls) < unshared  # names listed twice were compared once
    assert shared == every_record


def test_names_bounded_out_as_arrays_are_not_made_into_records(screener: Screener) -> None:
    """Common words and initials ("DE", "S.A.") bring hundreds of names; those the arrays bound
    out are read from the index's columns, and only the names compared one by one become
    record objects."""
    index = screener.index
    query = make_query("RECSERVI, DE S.A. C.V.")
    algo = screener.algo
    floor = algo.floor(screener.policy.threshold)
    reached = retrieve_mod.retrieve(index, query_forms(query, algo.trust), floor=floor,
                                    params=algo.names, retrieval=algo.retrieval,
                                    words=algo.words)  # fmt: skip
    screener._records.clear()  # (the records scoring made: each is kept there once made)
    index.__dict__.pop("_records", None)
    screener.screen(query, ScreenOptions(limit=50))
    made = set(screener._records) | set(index.__dict__.get("_records", ()))
    assert len(reached) > 200  # many names are reached
    assert 0 < len(made) < len(reached) / 10
