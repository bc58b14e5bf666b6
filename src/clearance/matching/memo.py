"""Memoisation by identity, for functions of the algorithm's frozen parameter objects.

Hashing a parameter dataclass walks every field (a table of similarities included). The
paths that run for every word of every query pass the same parameter object each time, so
it is found by identity first, without hashing it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Final, TypeVar

from clearance.matching import params

P = TypeVar("P")
R = TypeVar("R")

_MAX_KEPT = 64  # parameter objects remembered per function (a handful exist at a time)


def by_identity(fn: Callable[[P], R]) -> Callable[[P], R]:
    """``fn`` memoised on the identity of its one argument (which is kept alive with the
    value, so that its id cannot be reused while it is remembered)."""
    seen: dict[int, tuple[P, R]] = {}

    @functools.wraps(fn)
    def memoised(params: P) -> R:
        hit = seen.get(id(params))
        if hit is not None and hit[0] is params:
            return hit[1]
        value = fn(params)
        if len(seen) >= _MAX_KEPT:
            seen.clear()
        seen[id(params)] = (params, value)
        return value

    return memoised


class _Last:
    """The word-parameter set :func:`sim_rows` was last asked for, and its table."""

    def __init__(self) -> None:
        self.params: object = None
        self.rows: tuple[tuple[float, ...], ...] = ()


class LastAsked:
    """What a memo by identity was last asked (``params``) and answered (``value``), for a
    native function in front of it that answers the last question first (a call of the
    memo's callable object goes through the generic call protocol, ~550 instructions)."""

    def __init__(self) -> None:
        self.params: object = None
        self.value: object = None


_LAST: Final = _Last()
_sim_rows = by_identity(params.sim_rows)


def sim_rows(words: params.WordParams) -> tuple[tuple[float, ...], ...]:
    """The similarity table of a word-parameter set, as the matcher computes with it
    (:func:`params.sim_rows` memoised by identity). The set asked last is answered first, in
    a native call compiled (the memo's callable object is called through the generic call
    protocol, ~550 instructions, and ~53,000 calls in a cold pass of 3,000 queries ask for
    the one set in use)."""
    last = _LAST
    if words is last.params:
        return last.rows
    rows = _sim_rows(words)
    last.params, last.rows = words, rows  # (one set kept alive besides the memo's)
    return rows


def sim_text(sim: float) -> str:
    """What an explanation writes after a pair of similarity ``sim``: " (0.87)", rounded as
    WordPair.sim, nothing when that is 1 (memoised: the same similarities recur, and a round
    and a format cost about 2,000 instructions; only positive ones, as -0.0 writes "-0.00")."""
    if not sim > 0.0:
        return _sim_text(sim)
    found = _SIM_TEXTS.get(sim)
    if found is None:
        if len(_SIM_TEXTS) >= SIM_TEXTS_KEPT:
            _SIM_TEXTS.clear()
        found = _SIM_TEXTS[sim] = _sim_text(sim)
    return found


def _sim_text(sim: float) -> str:
    rounded = round(sim, 4)  # (as WordPair.sim)
    return "" if rounded >= 0.999 else f" ({rounded:.2f})"


SIM_TEXTS_KEPT = 4096
_SIM_TEXTS: dict[float, str] = {}
