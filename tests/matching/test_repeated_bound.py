"""A repeated query word's copies are bounded only for the names that pass with the copies
credited fully (:data:`~clearance.matching.retrieve.REPEATS_AMONG_PASSING`): the retrieved
names and bounds, and so every screening outcome, are those of bounding them for every name
the word reaches (on the real OFAC SDN list, queries with a word written twice)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clearance.compiled import is_compiled
from clearance.matching import retrieve as retrieve_mod
from clearance.matching.engine import Screener, query_forms
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from clearance.sources import read_path

pytestmark = pytest.mark.skipif(
    is_compiled(retrieve_mod), reason="a compiled module reads its own globals"
)

_EXTRA = ("محمد ولی محمد عوض", "ضياء بنو سعد بن ليث بن بكر", "صالح مسفر صالح الشاعر",
          "مراد الحجر بن الهنوء بن الأزد", "Muhammad Muhammad Nasser", "عبد الله عبد الرحمن",
          "Ali bin Ali bin Ahmad", "محمد محمد")  # fmt: skip


@pytest.fixture(scope="module")
def screener(data_dir: Path) -> Screener:
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    return Screener.build(parsed.entities, MatchingPolicy(screen_cache=0))


def _queries(screener: Screener) -> list[str]:
    """Listed names with one of their words written again (after another word or next to
    itself), as written and in Arabic script where listed so."""
    rng = random.Random(11)
    names = [n for n in rng.sample(screener.index.rec_text, 400) if len(n.split()) >= 2]
    native = [n for n in screener.index.rec_text if not n.isascii() and len(n.split()) >= 2]
    out = []
    for name in [*names[:120], *rng.sample(native, min(60, len(native)))]:
        words = name.split()
        at = rng.randrange(len(words))
        words.insert(rng.randrange(len(words) + 1), words[at])
        out.append(" ".join(words))
    return [*out, *_EXTRA]


def _run(screener: Screener, names: list[str]) -> list[object]:
    """Every query's retrieval (at two floors, with and without the alert threshold) and
    screening outcome."""
    index, algo = screener.index, screener.algo
    index.__dict__.pop("_word_hits", None)
    index.__dict__.pop("_repeat_slots", None)
    out: list[object] = []
    for name in names:
        forms = query_forms(make_query(name), algo.trust)
        for floor, threshold in ((0.2, 0.0), (0.6, 0.7)):
            found = retrieve_mod.retrieve(index, forms, floor=floor, params=algo.names,
                                          retrieval=algo.retrieval, words=algo.words,
                                          threshold=threshold)  # fmt: skip
            out.append(list(found.items()))
        result = screener.screen(make_query(name), ScreenOptions(limit=50))
        out.append((result.alert, [(m.entity_id, m.score, m.alert) for m in result.matches]))
    return out


def _worked(screener: Screener, names: list[str]) -> int:
    """How many (word, name) similarities the copies needed to screen ``names``."""
    index = screener.index
    index.__dict__.pop("_word_hits", None)
    index.__dict__.pop("_repeat_slots", None)
    for name in names:
        screener.screen(make_query(name), ScreenOptions())
    memo = index.__dict__.get("_repeat_slots")
    return 0 if memo is None else sum(len(m.records) for m in memo.words.values())


def test_bounding_a_repeated_word_among_passing_names_drops_no_name(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _queries(screener)
    lazy, lazy_worked = _run(screener, names), _worked(screener, names)
    monkeypatch.setattr(retrieve_mod, "REPEATS_AMONG_PASSING", False)
    every, every_worked = _run(screener, names), _worked(screener, names)
    assert lazy == every  # the same names, bounds (floats) and outcomes
    assert sum(1 for item in every if isinstance(item, tuple) and item[0]) > 10  # alerts seen
    assert lazy_worked < every_worked / 2  # (and the copies were bounded for fewer names)
