"""Every number that changes a score is a declared parameter: it is hashed into the version,
and changing it changes what the matcher does."""

from __future__ import annotations

import ast
from dataclasses import fields, replace
from pathlib import Path

import pytest

from clearance.matching import engine
from clearance.matching.engine import Algorithm, Screener
from clearance.matching.params import NameParams, RetrievalParams, TrustParams, WordParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

MATCHING = Path(engine.__file__).parent
SCORING_MODULES = ("names.py", "alignment.py", "comparison.py", "engine.py", "decide.py",
                   "candidates.py", "retrieve.py", "wordsim.py", "features.py", "query.py",
                   "arabic_names.py", "slips.py", "formslips.py", "forms.py",
                   "weights.py")  # fmt: skip
# Literals that are not parameters: 0 and 1 (none and all of a weight or a similarity).
NEUTRAL = {0.0, 1.0}
DISPLAY = {("names.py", 0.999)}  # the explanation prints a pair this close as one word


def _undeclared(module: str) -> list[tuple[int, float]]:
    """Float literals of ``module`` outside the field defaults of a declared class."""
    tree = ast.parse((MATCHING / module).read_text())
    declared: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and item.value is not None:
                    declared.update(id(n) for n in ast.walk(item.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, float)
        and id(node) not in declared
        and node.value not in NEUTRAL
        and (module, node.value) not in DISPLAY
    ]


@pytest.mark.parametrize("module", SCORING_MODULES)
def test_no_undeclared_numbers(module: str) -> None:
    assert _undeclared(module) == []


@pytest.mark.parametrize("section", ["words", "names", "retrieval", "trust", "features"])
def test_every_field_is_hashed(section: str) -> None:
    base = Algorithm()
    params = getattr(base, section)
    for f in fields(params):
        value = getattr(params, f.name)
        if isinstance(value, bool | tuple):
            changed: object = value[:-1] if isinstance(value, tuple) else not value
        else:
            changed = value + 1
        other = replace(base, **{section: replace(params, **{f.name: changed})})
        assert other.version != base.version, f"{section}.{f.name} is not in the hash"


def _top(algorithm: Algorithm, name: str) -> float:
    listed = [e("organization", "AVIA 1 ROSOBORON EXPORT", source_id="r1")]
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0), algorithm=algorithm)
    result = screener.screen(make_query(name, type="organization"), ScreenOptions(threshold=0.1))
    return result.matches[0].score if result.matches else 0.0


def test_declared_numbers_drive_the_score() -> None:
    base = replace(Algorithm(), min_reported=0.0)
    differ = _top(base, "Avia 2 Rosoboron Export")
    assert 0.0 < differ < _top(base, "Avia 1 Rosoboron Export")
    halved_less = replace(base, names=replace(base.names, number_conflict_factor=0.9))
    assert _top(halved_less, "Avia 2 Rosoboron Export") > differ
    # the word-similarity table is the algorithm's too: a typo counts as set there
    typo = _top(base, "Avia 1 Rosoboran Export")
    rows = [list(r) for r in base.words.by_distance]
    rows[1] = [v / 2 for v in rows[1]]
    strict = replace(base, words=replace(base.words, by_distance=tuple(map(tuple, rows))))
    assert _top(strict, "Avia 1 Rosoboran Export") < typo


def test_the_sections_are_the_declared_classes() -> None:
    algo = Algorithm()
    assert isinstance(algo.words, WordParams) and isinstance(algo.names, NameParams)
    assert isinstance(algo.retrieval, RetrievalParams) and isinstance(algo.trust, TrustParams)
    described = algo.describe()
    for section in ("words", "names", "retrieval", "trust", "adjustments", "combination"):
        assert section in described
