"""Cold-pass cuts of 1.34, outcome-identical (issue 11).

An entity the scorer reads (:func:`records.make_entity`) no longer parses its dates of birth
when it is made: only a query with a date of birth reads them (the ``birth_date`` feature), and
parsing one (``FuzzyDate.parse``, interpreted) cost about 14,000 instructions for each dated
entity a cold pass scored (callgrind, compiled, the cold mix's first 600 queries: -0.34 % at the
default seed, -0.66 % at seed 43).

:func:`prebound.bound_names` hands numpy the names' word columns, starts, lengths and weights as
arrays made once from plain arrays: given a list, each numpy call converted it item by item
(``PyArray_Pack``, about 150 instructions an item), four to six times per list (-1.35 % / -1.28 %).
"""

from __future__ import annotations

import numpy as np
import pytest

from clearance.compiled import is_compiled
from clearance.matching import prebound, records
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.records import EntityInfo
from clearance.model import Entity, FuzzyDate, Name, Schema
from clearance.settings import MatchingPolicy

_DATES = (FuzzyDate(1961, 3, 14), FuzzyDate(1958, until_year=1960), FuzzyDate(1970, circa=True))


def _listed() -> list[Entity]:
    return [
        Entity(list="t", source_id=str(i), schema=Schema.PERSON,
               names=(Name(f"Ivan Petrov{i} Sidorov"),), birth_dates=_DATES[: i % 4])
        for i in range(12)
    ]  # fmt: skip


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The date texts ``FuzzyDate.parse`` is asked to parse (the memo emptied first)."""
    calls: list[str] = []
    parse = FuzzyDate.parse.__func__  # type: ignore[attr-defined]

    def counting(cls: type[FuzzyDate], text: str) -> FuzzyDate:
        calls.append(text)
        return parse(cls, text)  # type: ignore[no-any-return]

    monkeypatch.setattr(FuzzyDate, "parse", classmethod(counting))
    records._parse_date.cache_clear()
    return calls


def test_scoring_an_entity_parses_no_date_unless_the_query_has_one(parsed: list[str]) -> None:
    screener = Screener.build(_listed(), MatchingPolicy(screen_cache=0))
    plain = screener.screen(make_query("Ivan Petrov3 Sidorov"))
    assert plain.matches and plain.matches[0].score >= 0.99
    assert parsed == []
    dated = screener.screen(make_query("Ivan Petrov3 Sidorov", dob="1961-03-14"),
                            ScreenOptions(explain=True))  # fmt: skip
    assert parsed  # (read now, as the feature needs them)
    assert any(f.name == "birth_date" for f in dated.matches[0].features)


def test_an_entity_reads_its_dates_as_they_were_parsed() -> None:
    screener = Screener.build(_listed(), MatchingPolicy(screen_cache=0))
    index = screener.index
    for ent in range(len(index.ent_id)):
        info = records.make_entity(index, ent)
        assert info.birth_dates == tuple(FuzzyDate.parse(d) for d in index.ent_dates[ent])
        assert info.birth_dates is info.birth_dates  # (parsed once)
    assert {len(records.make_entity(index, e).birth_dates) for e in range(12)} == {0, 1, 2, 3}


def test_an_entity_info_given_its_dates_compares_as_one_that_parses_them() -> None:
    args = ("e1", "ofac", "123", Schema.PERSON, "KIM Jong Un", _DATES[:2], frozenset({"kp"}), ())
    given = EntityInfo(*args)
    lazy = EntityInfo(*args[:5], None, *args[6:], date_texts=tuple(str(d) for d in _DATES[:2]))
    assert given == lazy and lazy.birth_dates == _DATES[:2]
    assert given != EntityInfo(*args[:5], (), *args[6:])
    assert repr(given) == repr(lazy) and "birth_dates=" in repr(given)


@pytest.mark.skipif(is_compiled(prebound), reason="compiled: its own calls are not patched")
def test_bound_names_hands_numpy_arrays_not_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[object, ...]] = []
    pair_sims = prebound._pair_sims

    def spy(*args: object) -> object:
        seen.append(args)
        return pair_sims(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(prebound, "_pair_sims", spy)
    many = prebound.MIN_NAMES + 16
    listed = [Entity(list="t", source_id=str(i), schema=Schema.PERSON,
                     names=(Name(f"Ivan Petrov{i} Sidorov"),)) for i in range(many)]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    screener.screen(make_query("Ivan Sidorov"))
    assert seen  # (as many names as bound_names takes)
    _query, _words, flat, weights, starts, lengths = seen[0][:6]
    for given in (flat, weights, starts, lengths):
        assert isinstance(given, np.ndarray)
    assert flat.dtype == starts.dtype == lengths.dtype == np.int64  # type: ignore[union-attr]
    assert weights.dtype == np.float64  # type: ignore[union-attr]
