"""The blocked-by-ownership sets of every regime, kept current.

:class:`BlockedSets` computes all three regimes over a :class:`Universe`; a new designation is
applied incrementally (:meth:`BlockedSets.designate`: the sets only grow, so it spreads from
the new seed alone); anything else (a delisting, new ownership data) is a recompute.
:func:`became_blocked` is what monitoring calls: the parties newly blocked by ownership between
two states, treated like new designations.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from clearance.graph.rules import RULES, Regime, State, Status
from clearance.graph.universe import Universe, compile_arrays
from clearance.graph.verdicts import Explainer, Verdict, seed_sets


@dataclass
class BlockedSets:
    universe: Universe
    scope: str = "all"
    states: dict[Regime, State] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    explainer: Explainer | None = None

    @classmethod
    def compute(cls, universe: Universe, scope: str = "all") -> BlockedSets:
        out = cls(universe, scope)
        start = time.perf_counter()
        arrays = universe.arrays or compile_arrays(universe)
        out.timings["compile"] = time.perf_counter() - start
        for regime, rule in RULES.items():
            start = time.perf_counter()
            seeds, maybe = universe.seeds(regime, scope)
            out.states[regime] = rule.compute(arrays, seeds, maybe)
            out.timings[regime.value] = time.perf_counter() - start
        out.explainer = Explainer(universe, arrays, seed_sets(universe, scope))
        return out

    # -- queries -----------------------------------------------------------------------------
    def status(self, node_id: str, regime: Regime) -> Status:
        idx = self._idx(node_id)
        return self.states[regime].status(idx)

    def verdict(self, node_id: str, regime: Regime) -> Verdict:
        assert self.explainer is not None
        return self.explainer.verdict(regime, self.states[regime], self._idx(node_id))

    def verdicts(self, node_id: str, regimes: list[Regime] | None = None) -> list[Verdict]:
        return [self.verdict(node_id, r) for r in regimes or list(Regime)]

    def derived(self, regime: Regime) -> dict[str, Status]:
        """Nodes blocked (or maybe) by the rule, not designated themselves."""
        assert self.explainer is not None
        state, seeds = self.states[regime], self.explainer.seeds[regime]
        out: dict[str, Status] = {}
        for idx in np.flatnonzero(state.possible).tolist():
            if idx not in seeds:
                out[self.universe.ids[idx]] = state.status(idx)
        return out

    def downstream(self, node_id: str, regime: Regime, limit: int = 50) -> list[str]:
        """Parties blocked or maybe blocked with ``node_id`` on a proof path (first ``limit``)."""
        state = self.states[regime]
        idx = self._idx(node_id)
        arrays = self.universe.arrays
        assert arrays is not None
        seen, frontier, out = {idx}, [idx], list[str]()
        while frontier and len(out) < limit:
            edges = arrays.out_edges(np.array(frontier, dtype=np.int64))
            frontier = []
            for t in np.unique(arrays.dst[edges]).tolist():
                if t not in seen and state.possible[t]:
                    seen.add(t)
                    frontier.append(t)
                    out.append(self.universe.ids[t])
        return out[:limit]

    def _idx(self, node_id: str) -> int:
        idx = self.universe.resolve(node_id)
        if idx is None:
            raise KeyError(node_id)
        return idx

    # -- updates -----------------------------------------------------------------------------
    def designate(self, node_id: str, list_name: str = "manual") -> dict[Regime, set[str]]:
        """Apply one new designation incrementally; the ids whose status changed, per regime."""
        assert self.explainer is not None and self.universe.arrays is not None
        idx = self._idx(node_id)
        self.universe.lists[idx] = list_name
        changed: dict[Regime, set[str]] = {}
        for regime, rule in RULES.items():
            self.explainer.seeds[regime].add(idx)
            nodes = rule.add_seed(self.universe.arrays, self.states[regime], idx)
            changed[regime] = {self.universe.ids[i] for i in nodes}
        return changed

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"nodes": len(self.universe.ids), "scope": self.scope}
        for regime, state in self.states.items():
            assert self.explainer is not None
            seeds = len(self.explainer.seeds[regime])
            out[regime.value] = {
                "designated": seeds,
                "blocked_by_rule": int(state.definite.sum()) - seeds,
                "cannot_tell": int(state.possible.sum() - state.definite.sum()),
            }
        return out


@dataclass(frozen=True, slots=True)
class Change:
    """A party whose status under a regime got worse between two states (for monitoring)."""

    node: str
    name: str
    regime: Regime
    before: Status
    after: Status

    def to_dict(self) -> dict[str, str]:
        return {"node": self.node, "name": self.name, "regime": self.regime.value,
                "before": self.before.value, "after": self.after.value}  # fmt: skip


def became_blocked(before: BlockedSets | None, after: BlockedSets) -> list[Change]:
    """Parties newly blocked (or newly "cannot tell") by ownership since ``before``; designated
    parties are left out (monitoring reports designations itself)."""
    order = {Status.NOT_BLOCKED: 0, Status.CANNOT_TELL: 1, Status.BLOCKED: 2}
    out: list[Change] = []
    for regime in Regime:
        for node, status in sorted(after.derived(regime).items()):
            old = Status.NOT_BLOCKED
            if before is not None and before.universe.resolve(node) is not None:
                old = before.status(node, regime)
            if order[status] > order[old]:
                idx = after._idx(node)
                out.append(Change(node, after.universe.names[idx], regime, old, status))
    return out
