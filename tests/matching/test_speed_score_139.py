"""Scoring cuts for the Arabic-script tail (h199, issue 11; no outcome changes).

The trust of a skeleton match against a listed name (:func:`~clearance.matching.spelled.
record_trust`) asks whether every query word is paired exactly: it reads the comparison's own
lists (:meth:`~clearance.matching.comparison.NameComparison.paired_at`), not the word pairs
its explanation makes. The entity's other names with the listed name's skeleton
(:func:`~clearance.matching.spelled.same_skeleton`) are found by comparing their words'
skeletons word by word, up to the first that differs
(:func:`~clearance.matching.spelled._has_skeleton`), not by making every name's skeleton.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clearance.compiled import is_compiled
from clearance.matching import comparison, spelled
from clearance.matching.comparison import NameComparison
from clearance.matching.engine import Screener
from clearance.matching.index import KIND_SKELETON, NameIndex
from clearance.matching.names import compare
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams, WordParams
from clearance.matching.scripts import latin_skeleton
from clearance.matching.spelled import _exactly_paired, _has_skeleton, same_skeleton
from clearance.matching.weights import weigh
from clearance.matching.wordsim import WordSimilarity
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_WORDS = ["mohammad", "muhammad", "ahmadi", "ahmad", "al", "abd", "allah", "zeaiter", "zoeiter",
          "ali", "hasan", "hassan", "y", "ewaz", "awad", "wali", "oil", "aa", "h", "bin",
          "abdul", "rahman", "saeed", "sa'id", "yahya", "ubaydi", "aw", "iyi"]  # fmt: skip


def _skeleton(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The skeleton of a listed Latin name's words as the index makes it (the definition)."""
    return tuple(s for s in map(latin_skeleton, tokens) if s)


def test_has_skeleton_answers_as_the_whole_skeleton_compared() -> None:
    rng = random.Random(139)
    for _ in range(3000):
        tokens = tuple(rng.choice(_WORDS) for _ in range(rng.randrange(0, 6)))
        other = tuple(rng.choice(_WORDS) for _ in range(rng.randrange(0, 6)))
        whole = _skeleton(tokens)
        for skeleton in (whole, _skeleton(other), whole[:-1], whole[1:], (*whole, "mhmd"),
                         tuple(reversed(whole)), ("", *whole)):  # fmt: skip
            assert _has_skeleton(tokens, skeleton) == (whole == skeleton), (tokens, skeleton)


@pytest.mark.skipif(is_compiled(spelled), reason="patches a module-level name")
def test_same_skeleton_stops_at_the_first_word_that_differs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def counted(word: str) -> str:
        asked.append(word)
        return latin_skeleton(word)

    monkeypatch.setattr(spelled, "latin_skeleton", counted)
    assert not _has_skeleton(("Hasan", "Ali", "Zeaiter", "Muhammad"), ("ztr", "l"))
    assert asked == ["Hasan"]  # (its skeleton "hsn" is not "ztr": the rest is not looked at)
    asked.clear()
    assert _has_skeleton(("Zoeiter", "Ali"), ("ztr", "l"))
    assert asked == ["Zoeiter", "Ali"]


def test_same_skeleton_finds_the_entity_names_with_the_skeleton() -> None:
    listed = ("ZEAITER, Ali", "ZOEITER, Ali", "Ali HASAN", "ZAITER, Aly", "ZUAYTIR, Ali",
              "Ali ZEAITER")  # fmt: skip
    others = [e("person", name, source_id=str(i)) for i, name in
              enumerate(["SMITH, John", "Ivan PETROV", "MOHAMMED, Yusuf"], 2)]  # fmt: skip
    entities = [e("person", *listed, source_id="1"), *others]
    index = Screener.build(entities, MatchingPolicy(screen_cache=0)).index
    for rec, kind in enumerate(index.rec_kind):
        if kind != KIND_SKELETON or index.rec_entity[rec] != index.rec_entity[0]:
            continue
        tokens, text = index.rec_tokens[rec], index.rec_text[rec]
        expected = []
        for other, other_kind in enumerate(index.rec_kind):
            if (index.rec_entity[other] == index.rec_entity[rec] and other_kind != KIND_SKELETON
                    and index.rec_text[other] != text
                    and index.rec_weak[other] == index.rec_weak[rec]
                    and index.rec_text[other] not in expected
                    and _skeleton(index.rec_tokens[other]) == tokens):  # fmt: skip
                expected.append(index.rec_text[other])
        assert sorted(same_skeleton(index, rec)) == sorted(expected)


_PAIRS = [
    ("mohammad ahmadi", "mohammad ahmadi"), ("mohammad ahmadi", "muhammad ahmadi"),
    ("mohammad ahmadi", "mohammad ahmadi khan"), ("mohammad ali ahmadi", "mohammad ahmadi"),
    ("ali hasan", "ali hassan"), ("zeaiter ali", "zoeiter ali"), ("yahya ubaydi", "yahya"),
    ("saeed", "sa'id"), ("abdul rahman", "abdulrahman"), ("ivan petrov", "petrov ivan"),
]  # fmt: skip


def _comparisons() -> list[NameComparison]:
    out = []
    for q_text, c_text in _PAIRS:
        q = weigh(analyse(q_text)[0], NameParams())
        c = weigh(analyse(c_text)[0], NameParams())
        sims = WordSimilarity(q.form.tokens, c.form.tokens)
        for person in (True, False):
            out.append(compare(q, c, sims, person=person, params=NameParams()))
    return out


def test_paired_at_answers_as_the_word_pairs_read() -> None:
    comps = _comparisons()
    assert any(c.paired_at(1.0) for c in comps) and not all(c.paired_at(0.9) for c in comps)
    for comp in comps:
        sims = [pair.sim for pair in comp.pairs]
        for least in (*sims, 0.0, 0.5, 0.85, 0.9, 0.95, 0.99995, 1.0, 1.01):
            expected = not comp.unmatched_query and all(s >= least for s in sims)
            assert comp.paired_at(least) == expected, (comp.explain(), least)
    words = WordParams()
    for comp in comps:
        assert _exactly_paired(comp, words) == (
            not comp.unmatched_query and all(p.sim >= words.exact_sim for p in comp.pairs)
        )


def test_paired_at_reads_the_rounded_similarity() -> None:
    # (as WordPair.sim has it: 0.99996 rounds to 1.0, 0.99994 to 0.9999)
    high = NameComparison(0.9, [(0, 0, 0.99996, 1, 1)], ("a",), ("b",), [True], [True], False)
    low = NameComparison(0.9, [(0, 0, 0.99994, 1, 1)], ("a",), ("b",), [True], [True], False)
    assert high.paired_at(1.0) and not low.paired_at(1.0)
    assert [p.sim >= 1.0 for p in high.pairs] == [True]
    left = NameComparison(0.9, [(0, 0, 1.0, 1, 1)], ("a", "c"), ("b",), [True, False], [True],
                          False)  # fmt: skip
    assert not left.paired_at(0.5) and left.unmatched_query == ("c",)


@pytest.mark.skipif(is_compiled(comparison), reason="patches a module-level name")
def test_the_exact_pairing_check_makes_no_word_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    comps = _comparisons()

    def no_pairs(*args: object) -> object:
        raise AssertionError("a WordPair was made")

    monkeypatch.setattr(comparison, "WordPair", no_pairs)
    words = WordParams()
    assert any(_exactly_paired(comp, words) for comp in comps)
    assert not all(_exactly_paired(comp, words) for comp in comps)


@pytest.mark.skipif(is_compiled(spelled), reason="patches a module-level name")
def test_same_skeleton_is_worked_out_once_per_record(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    entities = [e("person", "ZEAITER, Ali", "ZOEITER, Ali", "Ali HASAN", source_id="1"),
                e("person", "SMITH, John", source_id="2")]  # fmt: skip
    index = Screener.build(entities, MatchingPolicy(screen_cache=0)).index
    (rec,) = [r for r, kind in enumerate(index.rec_kind)
              if kind == KIND_SKELETON and index.rec_tokens[r] == ("ztr", "l")]  # fmt: skip
    asked: list[int] = []
    worked_out = spelled._same_skeleton

    def counted(index: NameIndex, rec: int) -> list[str]:
        asked.append(rec)
        return worked_out(index, rec)

    monkeypatch.setattr(spelled, "_same_skeleton", counted)
    assert same_skeleton(index, rec) == same_skeleton(index, rec) == ["ZOEITER, Ali"]
    assert asked == [rec]
    # (a memo of the screener's, never saved with the index)
    assert "_same_skeleton" in index.__dict__
    index.save(tmp_path)
    assert "_same_skeleton" not in NameIndex.load(tmp_path).__dict__
