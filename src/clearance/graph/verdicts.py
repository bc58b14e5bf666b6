"""Verdicts with their proof: blocked / not blocked / cannot tell, per regime, with every
chain of holdings (shares and sources) from a designated person down to the party."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from clearance.graph.rules import RULES, Arrays, Regime, State, Status
from clearance.graph.rules.engine import AggregateRule
from clearance.graph.universe import Universe

MAX_PATHS = 20
MAX_DEPTH = 12
MAX_VISITS = 400  # nodes a proof search may visit


@dataclass(frozen=True, slots=True)
class Step:
    """One holding on a proof path: ``owner`` holds ``share`` of ``owned``."""

    owner: str
    owner_name: str
    owned: str
    owned_name: str
    share: str
    control: tuple[str, ...]
    source: str
    date: str | None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class Verdict:
    regime: Regime
    node: str
    name: str
    status: Status
    designated: bool
    reason: str
    citation: str
    paths: tuple[tuple[Step, ...], ...] = ()
    truncated: bool = False
    total: tuple[float, float] | None = None  # aggregated blocked stake (lo, hi), OFAC/EU

    def to_dict(self) -> dict[str, Any]:
        return {
            "regime": self.regime.value,
            "node": self.node,
            "name": self.name,
            "status": self.status.value,
            "designated": self.designated,
            "reason": self.reason,
            "citation": self.citation,
            "total": None if self.total is None else {"min": self.total[0], "max": self.total[1]},
            "paths": [[s.to_dict() for s in p] for p in self.paths],
            "truncated": self.truncated,
        }


@dataclass
class Explainer:
    """Builds verdicts from a computed state."""

    universe: Universe
    arrays: Arrays
    seeds: dict[Regime, set[int]] = field(default_factory=dict)

    def step(self, edge: int) -> Step:
        u, a = self.universe, self.arrays
        h = u.holdings[int(a.ref[edge])]
        owner, owned = int(a.src[edge]), int(a.dst[edge])
        return Step(u.ids[owner], u.caption(owner), u.ids[owned], u.caption(owned),
                    str(h.share), tuple(sorted(c.value for c in h.control)), h.source,
                    h.date)  # fmt: skip

    def _contributors(self, regime: Regime, state: State, node: int, sure: bool,
                      seed: int | None) -> list[int]:  # fmt: skip
        a = self.arrays
        inset = state.definite if sure else state.possible
        weights = a.lo if sure else a.hi
        out: list[int] = []
        control = RULES[regime].control
        reach = (
            state.reach.get(seed, (set(), set()))[0 if sure else 1] if seed is not None else None
        )
        for e in a.in_edges(node).tolist():
            owner = int(a.src[e])
            if reach is not None:  # UK: only this person's own holdings and controlled ones
                if owner not in reach:
                    continue
            elif not inset[owner]:
                continue
            if weights[e] > 0 or (a.ctrl[e] and control):
                out.append(e)
        return out

    def paths(self, regime: Regime, state: State, node: int, sure: bool,
              seed: int | None = None) -> tuple[list[tuple[Step, ...]], bool]:  # fmt: skip
        """Chains from a designated node to ``node``: at most MAX_PATHS, each found once per
        node (memoised), within MAX_VISITS nodes: a query stays fast on dense graphs."""
        seeds = self.seeds[regime] if seed is None else {seed}
        memo: dict[int, list[tuple[int, ...]]] = {}
        active: set[int] = set()
        budget = [MAX_VISITS]
        truncated = [False]
        src = self.arrays.src

        def walk(current: int, depth: int) -> list[tuple[int, ...]]:
            if depth and current in seeds:
                return [()]
            if current in memo:
                return memo[current]
            if depth > MAX_DEPTH or budget[0] <= 0:
                truncated[0] = True
                return []
            budget[0] -= 1
            active.add(current)
            out: list[tuple[int, ...]] = []
            for e in self._contributors(regime, state, current, sure, seed):
                owner = int(src[e])
                if owner in active:
                    continue
                out.extend(p + (e,) for p in walk(owner, depth + 1))
                if len(out) >= MAX_PATHS:
                    truncated[0] = True
                    break
            active.discard(current)
            memo[current] = out[:MAX_PATHS]
            return memo[current]

        found = [tuple(self.step(e) for e in p) for p in walk(node, 0)]
        return found, truncated[0]

    def verdict(self, regime: Regime, state: State, node: int) -> Verdict:
        u, rule = self.universe, RULES[regime]
        status = state.status(node)
        designated = node in self.seeds[regime]
        base = dict(regime=regime, node=u.ids[node], name=u.names[node], status=status,
                    designated=designated, citation=rule.citation)  # fmt: skip
        if designated:
            return Verdict(**base, reason=f"designated ({u.lists.get(node, '?')})")  # type: ignore[arg-type]
        total = None
        if isinstance(rule, AggregateRule) and state.lo_sum is not None:
            assert state.hi_sum is not None
            total = (float(state.lo_sum[node]), float(min(state.hi_sum[node], 100.0)))
        if status is Status.NOT_BLOCKED:
            reason = self._not_blocked(regime, state, node, total)
            return Verdict(**base, reason=reason, total=total)  # type: ignore[arg-type]
        sure = status is Status.BLOCKED
        seeds: list[int | None] = [None]
        if regime is Regime.UK:
            reach_of = state.reach
            controlling = [s for s in state.controllers.get(node, [])
                           if node in reach_of[s][0 if sure else 1]]  # fmt: skip
            seeds = list(controlling[:MAX_PATHS])
        paths: list[tuple[Step, ...]] = []
        truncated = False
        for seed in seeds:
            more, cut = self.paths(regime, state, node, sure, seed)
            paths.extend(more)
            truncated |= cut
        reason = describe(regime, status, paths, total)
        return Verdict(**base, reason=reason, paths=tuple(paths[:MAX_PATHS]),  # type: ignore[arg-type]
                       truncated=truncated or len(paths) > MAX_PATHS, total=total)  # fmt: skip

    def _not_blocked(self, regime: Regime, state: State, node: int,
                     total: tuple[float, float] | None) -> str:  # fmt: skip
        if total is not None:
            if total[1] == 0:
                return "no holding by a blocked person"
            return f"blocked persons hold {total[0]:g} % in the aggregate (below 50 %)"
        by_person: dict[int, float] = {}
        a = self.arrays
        for e in a.in_edges(node).tolist():
            owner = int(a.src[e])
            for seed in [*state.controllers.get(owner, []), owner]:
                if seed in state.reach and owner in state.reach[seed][0]:
                    by_person[seed] = by_person.get(seed, 0.0) + float(a.lo[e])
        if not by_person:
            return "no holding or control by a designated person"
        top = max(by_person.values())
        return (f"largest holding of one designated person {top:g} % (more than 50 % needed); "
                f"{len(by_person)} designated person(s) hold stakes, not added together "
                "unless held jointly or one controls the other")  # fmt: skip


def path_text(path: tuple[Step, ...]) -> str:
    """``60 % by VERSOR HOLDING via 100 % by VERSOR S.R.O. (SDN 44579)``."""
    parts = []
    for step in reversed(path):
        how = step.share if step.share != "0 %" else ""
        if step.control:
            how = (how + " + " if how else "") + "/".join(c.replace("_", " ") for c in step.control)
        parts.append(f"{how} by {step.owner_name}")
    return parts[0] + "".join(f" via {p}" for p in parts[1:])


def describe(regime: Regime, status: Status, paths: list[tuple[Step, ...]],
             total: tuple[float, float] | None) -> str:  # fmt: skip
    head = regime.value.upper()
    chains = "; ".join(path_text(p) for p in paths[:3]) + ("; …" if len(paths) > 3 else "")
    verb = "owned or controlled" if any(s.control for p in paths for s in p) else "owned"
    if status is Status.BLOCKED:
        amount = f"{total[0]:g} % in the aggregate: " if total and len(paths) > 1 else ""
        return f"{head}: blocked, {verb} {amount}{chains}"
    span = f" ({total[0]:g}-{total[1]:g} % held by blocked persons)" if total else ""
    return f"{head}: cannot tell{span}: {chains}"


def seed_sets(universe: Universe, scope: str) -> dict[Regime, set[int]]:
    return {r: set(np.asarray(universe.seeds(r, scope)[0]).tolist()) for r in Regime}
