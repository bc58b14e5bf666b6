"""The cold pass's slowest queries, cut on the retrieval and bound side, outcome-identical
(issue 11, 1.35).

A skeleton form's records every word reaches exactly (:func:`bounds.exactly_reached`) are worked
out once per set of parts: they were worked out for the form's spelled bounds, again for the
names a repeated word's copies are bounded for, and once more when a crowded query asked
(:func:`crowded.crowded_skeletons`). A repeated word's records among those passing are found by
a binary search, not by testing each of the thousands a common word reaches in Python. A
common word's hits among the records its rarer neighbours reach (``bounds._among``) are taken
by their places, with no mask over all of them.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from clearance.compiled import is_compiled
from clearance.matching import bounds as bounds_mod
from clearance.matching import retrieve as retrieve_mod
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from clearance.sources import read_path

pytestmark = pytest.mark.skipif(
    is_compiled(retrieve_mod), reason="a compiled module reads its own globals"
)

# Arabic-script skeletons with a word written twice (the copies bounded among the passing
# names), a common word's (crowded) and plain ones
_QUERIES = ("محمد ولی محمد عوض", "ضياء بنو سعد بن ليث بن بكر", "صالح مسفر صالح الشاعر",
            "عبد الله عبد الرحمن", "محمد محمد", "محمد احمدی", "محمدرضا عبدالعلی",
            "يحيى عبد الله العبيدي", "Ali bin Ali bin Ahmad", "SA'DU, Muhammad")  # fmt: skip


@pytest.fixture(scope="module")
def screener(data_dir: Path) -> Screener:
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    return Screener.build(parsed.entities, MatchingPolicy(screen_cache=0))


def _parts_key(args: tuple[Any, ...]) -> tuple[object, ...]:
    """What ``exactly_reached(index, parts, form, singles)`` is asked, by content."""
    _index, parts, form = args[:3]
    singles = args[3] if len(args) > 3 else ()
    seen = tuple((p[0].tobytes(), p[1].tobytes(), p[2]) for p in parts)
    return seen, form.floor, float(form.trust), form.total, singles


def test_exactly_reached_is_worked_out_once_per_parts(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = bounds_mod.exactly_reached
    asked: list[tuple[object, ...]] = []

    def counting(*args: Any) -> Any:
        asked.append(_parts_key(args))
        return plain(*args)

    monkeypatch.setattr(bounds_mod, "exactly_reached", counting)
    monkeypatch.setattr(retrieve_mod, "exactly_reached", counting)
    total = 0
    for name in _QUERIES:
        asked.clear()
        screener.screen(make_query(name), ScreenOptions(limit=10))
        assert len(asked) == len(set(asked)), name  # (main: twice or three times)
        total += len(asked)
    assert total > 10  # (the skeletons' spelled bounds were asked for)


def test_form_bounds_given_the_exactly_reached_records_are_the_same(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[bool] = []
    plain = bounds_mod.spelled_bounds

    def both(*args: Any) -> Any:
        found = plain(*args)
        if len(args) > 6 and args[6] is not None:
            given.append(True)
            assert found == plain(*args[:6], None)  # (worked out afresh: the same floats)
        return found

    monkeypatch.setattr(bounds_mod, "spelled_bounds", both)
    for name in _QUERIES:
        screener.screen(make_query(name), ScreenOptions(limit=10))
    assert len(given) > 10


def test_a_repeated_words_records_among_the_passing_are_those_a_test_of_each_gives() -> None:
    rng = random.Random(5)
    for size in (0, 1, 7, 300, 5000):
        ids = np.array(sorted(rng.sample(range(20_000), size)), dtype=np.int32)
        for share in (0.0, 0.01, 0.5, 1.0):
            among = {int(r) for r in ids if rng.random() < share}
            among |= {rng.randrange(40_000) for _ in range(rng.randrange(30))}  # (others too)
            expected = [r for r in ids.tolist() if r in among]
            assert retrieve_mod._records_among(ids, among) == expected


def test_repeat_records_are_the_same_among_the_passing(screener: Screener) -> None:
    index, algo = screener.index, screener.algo
    word = "mohammed"
    hit = retrieve_mod.word_records(index, word, 0, algo.retrieval, algo.words)
    assert hit is not None and len(hit[0]) > 500
    rng = random.Random(3)
    among = set(rng.sample(hit[0].tolist(), 200)) | {10**7}
    found = retrieve_mod.repeat_records(index, word, 0, hit, 2, 0.5, algo.retrieval, algo.words,
                                        among)  # fmt: skip
    every = retrieve_mod.repeat_records(index, word, 0, hit, 2, 0.5, algo.retrieval, algo.words)
    assert every is not None and found is not None
    keep = np.isin(every[0], np.array(sorted(among)))
    assert found[0].tolist() == every[0][keep].tolist()
    assert found[1].tolist() == every[1][keep].tolist()


def test_a_common_words_hits_among_the_wanted_records_are_those_a_mask_keeps() -> None:
    rng = random.Random(9)
    for size, reached in ((1, 1), (50, 3), (20_000, 40), (20_000, 3000), (300, 900)):
        ids = np.array(sorted(rng.sample(range(60_000), size)), dtype=np.int32)
        sims = np.array([rng.random() for _ in range(size)], dtype=np.float32)
        wanted = np.array(sorted(rng.choices(range(60_000), k=reached) + ids.tolist()[:: 97]),
                          dtype=np.int32)  # (some reached by two words: twice)  # fmt: skip
        keep = np.isin(ids, wanted)
        cut = bounds_mod._among((ids, sims, 0.75), wanted)
        assert cut[0].tolist() == ids[keep].tolist()
        assert cut[1].tobytes() == sims[keep].tobytes() and cut[2] == 0.75
