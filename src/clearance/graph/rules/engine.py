"""Fixed points over holdings held as arrays (compressed by owner), for every regime.

Each rule is computed twice over the same holdings, which makes "cannot tell" exact: the
*definite* set uses every share's lower bound and only owners that are definitely blocked;
the *possible* set uses upper bounds (a band's top, 100 % for an unknown share) and owners
that may be blocked. Both are least fixed points reached from the designated seeds by a
monotone worklist, so cycles end (a node joins a set at most once) and ownership that loops
back on itself without a blocked owner blocks nothing. Blocked = definite; cannot tell =
possible but not definite; not blocked = neither.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import numpy as np
import numpy.typing as npt

EPS = 1e-9
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


class Regime(StrEnum):
    OFAC = "ofac"
    EU = "eu"
    UK = "uk"


class Status(StrEnum):
    BLOCKED = "blocked"
    CANNOT_TELL = "cannot tell"
    NOT_BLOCKED = "not blocked"


@dataclass
class Arrays:
    """Holdings as parallel arrays sorted by owner (``ptr`` indexes each owner's run)."""

    n: int
    ptr: IntArray
    dst: IntArray
    src: IntArray
    lo: FloatArray
    hi: FloatArray
    ctrl: BoolArray
    joint: BoolArray  # per node: an arrangement (joint holding)
    ref: IntArray  # per edge: index of the holding it came from
    _in: tuple[IntArray, IntArray] | None = field(default=None, repr=False)
    _lists: tuple[list[int], list[int], list[float], list[float], list[bool]] | None = field(
        default=None, repr=False
    )

    @classmethod
    def build(
        cls, n: int, src: IntArray, dst: IntArray, lo: FloatArray, hi: FloatArray,
        ctrl: BoolArray, joint: BoolArray, ref: IntArray | None = None,
    ) -> Arrays:  # fmt: skip
        order = np.argsort(src, kind="stable")
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=ptr[1:])
        refs = order if ref is None else ref[order]
        return cls(n, ptr, dst[order], src[order], lo[order], hi[order], ctrl[order], joint,
                   refs.astype(np.int64))  # fmt: skip

    def out_edges(self, frontier: IntArray) -> IntArray:
        """Edge positions of every holding of the ``frontier`` owners."""
        starts = self.ptr[frontier]
        counts = self.ptr[frontier + 1] - starts
        total = int(counts.sum())
        if total == 0:
            return np.empty(0, dtype=np.int64)
        offsets = np.repeat(starts - (np.cumsum(counts) - counts), counts)
        return offsets + np.arange(total, dtype=np.int64)

    def in_edges(self, node: int) -> IntArray:
        """Edge positions of the holdings in ``node`` (reverse index built on first use)."""
        if self._in is None:
            order = np.argsort(self.dst, kind="stable")
            ptr = np.zeros(self.n + 1, dtype=np.int64)
            np.cumsum(np.bincount(self.dst, minlength=self.n), out=ptr[1:])
            self._in = (ptr, order.astype(np.int64))
        ptr, order = self._in
        return order[ptr[node] : ptr[node + 1]]

    def lists(self) -> tuple[list[int], list[int], list[float], list[float], list[bool]]:
        if self._lists is None:
            self._lists = (self.ptr.tolist(), self.dst.tolist(), self.lo.tolist(),
                           self.hi.tolist(), self.ctrl.tolist())  # fmt: skip
        return self._lists


@dataclass
class State:
    """One regime's answer: definite and possible sets (+ per-person reach for the UK)."""

    definite: BoolArray
    possible: BoolArray
    lo_sum: FloatArray | None = None
    hi_sum: FloatArray | None = None
    reach: dict[int, tuple[set[int], set[int]]] = field(default_factory=dict)
    controllers: dict[int, list[int]] = field(default_factory=dict)

    def status(self, node: int) -> Status:
        if self.definite[node]:
            return Status.BLOCKED
        if self.possible[node]:
            return Status.CANNOT_TELL
        return Status.NOT_BLOCKED


class Rule(Protocol):
    @property
    def regime(self) -> Regime: ...

    @property
    def citation(self) -> str: ...

    @property
    def control(self) -> bool: ...

    def compute(self, arrays: Arrays, seeds: IntArray, maybe: IntArray) -> State: ...

    def add_seed(self, arrays: Arrays, state: State, seed: int) -> set[int]: ...


@dataclass(frozen=True)
class AggregateRule:
    """Stakes of every blocked owner are added (OFAC, EU); an owner blocked by the rule
    counts with its whole stake. ``control``: a control right of a blocked owner blocks."""

    regime: Regime
    threshold: float
    inclusive: bool
    control: bool
    citation: str

    def hits(self, total: FloatArray) -> BoolArray:
        if self.inclusive:
            return total >= self.threshold - EPS
        return total > self.threshold + EPS

    def _spread(self, a: Arrays, inset: BoolArray, sums: FloatArray, weights: FloatArray,
                frontier: IntArray) -> list[IntArray]:  # fmt: skip
        added: list[IntArray] = []
        while frontier.size:
            edges = a.out_edges(frontier)
            if not edges.size:
                break
            targets = a.dst[edges]
            np.add.at(sums, targets, weights[edges])
            hit = self.hits(sums[targets])
            if self.control:
                hit |= a.ctrl[edges] & (weights[edges] >= 0)
            cand = np.unique(targets[hit])
            frontier = cand[~inset[cand]]
            inset[frontier] = True
            added.append(frontier)
        return added

    def compute(self, arrays: Arrays, seeds: IntArray, maybe: IntArray) -> State:
        definite = np.zeros(arrays.n, dtype=np.bool_)
        definite[seeds] = True
        lo_sum = np.zeros(arrays.n)
        self._spread(arrays, definite, lo_sum, arrays.lo, np.flatnonzero(definite))
        possible = definite.copy()
        possible[maybe] = True
        hi_sum = np.zeros(arrays.n)
        self._spread(arrays, possible, hi_sum, arrays.hi, np.flatnonzero(possible))
        return State(definite, possible, lo_sum, hi_sum)

    def add_seed(self, arrays: Arrays, state: State, seed: int) -> set[int]:
        """A new designation: spread from it alone (the sets only grow). Returns the nodes
        whose status changed, the seed included."""
        assert state.lo_sum is not None and state.hi_sum is not None
        changed: set[int] = set()
        start = np.array([seed], dtype=np.int64)
        if not state.possible[seed]:
            state.possible[seed] = True
            for part in self._spread(arrays, state.possible, state.hi_sum, arrays.hi, start):
                changed.update(part.tolist())
        if not state.definite[seed]:
            state.definite[seed] = True
            changed.add(seed)
            for part in self._spread(arrays, state.definite, state.lo_sum, arrays.lo, start):
                changed.update(part.tolist())
        return changed


@dataclass(frozen=True)
class PersonRule:
    """Per designated person (UK): its own holdings plus those of entities it owns or
    controls are added; different persons' holdings are not, except through a joint
    arrangement (any holder of an arrangement holds all of it)."""

    regime: Regime
    threshold: float
    control: bool
    citation: str

    def reach(self, a: Arrays, seed: int) -> tuple[set[int], set[int]]:
        """(definite, possible) sets of nodes owned or controlled by ``seed``."""
        ptr, dst, lo, hi, ctrl = a.lists()
        joint = a.joint
        definite, possible = {seed}, {seed}
        lo_sum: dict[int, float] = {}
        hi_sum: dict[int, float] = {}
        done_pos: set[int] = set()
        done_def: set[int] = set()
        queue = deque([seed])
        limit = self.threshold + EPS
        while queue:
            node = queue.popleft()
            if node not in done_pos:
                done_pos.add(node)
                for e in range(ptr[node], ptr[node + 1]):
                    t = dst[e]
                    total = hi_sum[t] = hi_sum.get(t, 0.0) + hi[e]
                    if t not in possible and (
                        total > limit or (ctrl[e] and self.control) or (joint[t] and hi[e] > 0)
                    ):
                        possible.add(t)
                        queue.append(t)
            if node in definite and node not in done_def:
                done_def.add(node)
                for e in range(ptr[node], ptr[node + 1]):
                    t = dst[e]
                    total = lo_sum[t] = lo_sum.get(t, 0.0) + lo[e]
                    if t not in definite and (
                        total > limit or (ctrl[e] and self.control) or (joint[t] and lo[e] > 0)
                    ):
                        definite.add(t)
                        possible.add(t)
                        queue.append(t)
        return definite, possible

    def _merge(self, state: State, seed: int, reach: tuple[set[int], set[int]]) -> set[int]:
        state.reach[seed] = reach
        changed: set[int] = set()
        definite, possible = reach
        for node in possible:
            if node != seed:
                state.controllers.setdefault(node, []).append(seed)
            if node in definite and not state.definite[node]:
                state.definite[node] = True
                changed.add(node)
            if not state.possible[node]:
                state.possible[node] = True
                changed.add(node)
        return changed

    def compute(self, arrays: Arrays, seeds: IntArray, maybe: IntArray) -> State:
        state = State(np.zeros(arrays.n, dtype=np.bool_), np.zeros(arrays.n, dtype=np.bool_))
        for seed in seeds.tolist():
            self._merge(state, seed, self.reach(arrays, seed))
        for seed in maybe.tolist():
            definite, possible = self.reach(arrays, seed)
            self._merge(state, seed, (set(), possible))
        return state

    def add_seed(self, arrays: Arrays, state: State, seed: int) -> set[int]:
        if seed in state.reach and seed in state.reach[seed][0]:
            return set()
        return self._merge(state, seed, self.reach(arrays, seed)) | {seed}
