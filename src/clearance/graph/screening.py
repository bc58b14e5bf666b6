"""Derived hits: screening also finds parties blocked only by an ownership rule.

Unlisted parties that are blocked (or "cannot tell") under a regime are indexed by name in a
small matcher index of their own, screened alongside the lists; listed parties that a rule
blocks beyond their own listing get the verdict added. Each such match carries a feature
``ownership`` whose reason is the proof, e.g. ``OFAC: blocked, owned 60 % by VERSOR S.R.O.
(SDN 44579)``. :func:`with_derived_hits` is the hook the application core calls.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from clearance.graph.blocked import BlockedSets
from clearance.graph.rules import Regime, Status
from clearance.graph.service import ownership_of
from clearance.matching.engine import Screener
from clearance.matching.query import Query, ScreenOptions
from clearance.matching.result import FeatureResult, Match, ScreeningResult
from clearance.model import Entity, Name, Schema

if TYPE_CHECKING:
    from clearance.app import Clearance

DERIVED_LIST = "ownership"
_INDEXES: dict[int, tuple[BlockedSets, Screener | None]] = {}
_LOCK = threading.Lock()


def derived_index(blocked: BlockedSets, clearance: Clearance) -> Screener | None:
    """The matcher index over unlisted parties a rule blocks (built once per blocked sets)."""
    with _LOCK:
        cached = _INDEXES.get(id(clearance))
        if cached is not None and cached[0] is blocked:
            return cached[1]
        universe = blocked.universe
        wanted: set[str] = set()
        for regime in Regime:
            wanted.update(n for n in blocked.derived(regime) if n in universe.nodes)
        entities = [
            Entity(DERIVED_LIST, node_id,
                   Schema.PERSON if universe.nodes[node_id].kind == "person"
                   else Schema.ORGANIZATION,
                   (Name(universe.nodes[node_id].name),))
            for node_id in sorted(wanted)
        ]  # fmt: skip
        screener = Screener.build(entities, clearance.settings, snapshot_id="ownership") \
            if entities else None  # fmt: skip
        _INDEXES[id(clearance)] = (blocked, screener)
        return screener


def reasons(blocked: BlockedSets, node_id: str) -> list[str]:
    out = []
    for regime in Regime:
        try:
            verdict = blocked.verdict(node_id, regime)
        except KeyError:
            return []
        if verdict.status is not Status.NOT_BLOCKED and not verdict.designated:
            out.append(verdict.reason)
    return out


def with_derived_hits(
    clearance: Clearance, query: Query, options: ScreenOptions, result: ScreeningResult
) -> ScreeningResult:
    """``result`` plus derived hits (no change when no ownership data is loaded)."""
    service = ownership_of(clearance)
    if not service.store.exists():
        return result
    blocked = service.blocked()
    matches: list[Match] = []
    for match in result.matches:  # listed parties a rule blocks beyond their listing
        why = reasons(blocked, match.entity_id)
        matches.append(_annotate(match, why) if why else match)
    screener = derived_index(blocked, clearance)
    if screener is not None and (not query.lists or DERIVED_LIST in query.lists):
        plain = replace(query, lists=())
        for match in screener.screen(plain, options).matches:
            why = reasons(blocked, match.source_id)
            if why:
                matches.append(_annotate(replace(match, entity_id=match.source_id), why))
    matches.sort(key=lambda m: (-m.score, m.entity_id))
    limited = tuple(matches[: max(0, options.limit)])
    return replace(result, matches=limited, alert=result.alert or any(m.alert for m in matches))


def _annotate(match: Match, why: list[str]) -> Match:
    return replace(match, features=(*match.features,
                                    FeatureResult("ownership", 0.0, " | ".join(why))))  # fmt: skip
