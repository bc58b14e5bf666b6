"""Replay a recorded screening against its own snapshot and today's, and say what differs
and why: a list change (the entity's matching data, or the list version, changed) or an
algorithm change (another version or other parameters).

The receipt's own snapshot is kept by retention (snapshots that receipts or open cases refer
to are pinned), so the original answer can be reproduced years later.
"""

from __future__ import annotations

from typing import Any

from clearance.audit.receipts import ScreeningContext, screening_context
from clearance.cases.goodguy import fact_changes, matching_facts
from clearance.errors import ClearanceError
from clearance.matching.artifact import load_screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.result import ScreeningResult
from clearance.settings import Settings
from clearance.snapshots import Snapshot, SnapshotStore


def _screen(
    snapshot: Snapshot, settings: Settings, body: dict[str, Any]
) -> tuple[ScreeningResult, ScreeningContext]:
    data = body["input"]
    query = make_query(
        data["name"],
        type=data.get("type"),
        dob=data.get("dob"),
        country=data.get("country") or None,
        identifiers=data.get("identifiers") or None,
        id=data.get("id"),
        lists=data.get("lists") or None,
    )
    screener = load_screener(snapshot, settings)
    limit = max(10, len(body.get("candidates", [])))
    result = screener.screen(query, ScreenOptions(limit=limit, threshold=body.get("threshold")))
    return result, screening_context(snapshot, screener)


def _by_entity(candidates: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c["entity_id"]: c for c in candidates}


def _why(
    entity_id: str, old_snap: Snapshot | None, new_snap: Snapshot, algorithm_changed: bool
) -> str:
    before = old_snap.entity(entity_id) if old_snap is not None else None
    after = new_snap.entity(entity_id)
    if before is None and after is not None:
        return "list change: the entity was added to the list"
    if before is not None and after is None:
        return "list change: the entity was removed from the list"
    if before is not None and after is not None:
        changes = fact_changes(matching_facts(before), matching_facts(after))
        if changes:
            return "list change: " + "; ".join(changes)
    if algorithm_changed:
        return (
            "algorithm change: same listed data, scored by another algorithm version or parameters"
        )
    return "unexplained: same listed data and algorithm (report this)"


def diff(
    recorded: dict[str, Any],
    result: ScreeningResult,
    context: ScreeningContext,
    old_snap: Snapshot | None,
    new_snap: Snapshot,
) -> dict[str, Any]:
    """What differs between a recorded answer and a new one, per candidate, with the reason."""
    algorithm_changed = (
        recorded["algorithm"]["version"] != context.algorithm["version"]
        or recorded["algorithm"]["parameters_sha256"] != context.algorithm["parameters_sha256"]
    )
    lists_changed = {
        name: {"then": info.get("version"), "now": (context.lists.get(name) or {}).get("version")}
        for name, info in recorded["lists"].items()
        if info != context.lists.get(name)
    }
    then = _by_entity(recorded["candidates"])
    now = _by_entity([m.to_dict() for m in result.matches])
    differences = []
    for eid in sorted(set(then) | set(now)):
        a, b = then.get(eid), now.get(eid)
        if (
            a is not None
            and b is not None
            and a["score"] == b["score"]
            and a["alert"] == b["alert"]
        ):
            continue
        change = "added" if a is None else "removed" if b is None else "score changed"
        differences.append(
            {
                "entity_id": eid,
                "name": (b or a or {}).get("name"),
                "change": change,
                "score_then": a["score"] if a else None,
                "score_now": b["score"] if b else None,
                "alert_then": a["alert"] if a else False,
                "alert_now": b["alert"] if b else False,
                "why": _why(eid, old_snap, new_snap, algorithm_changed),
            }
        )
    outcome = "alert" if result.alert else "no alert"
    return {
        "snapshot": context.snapshot,
        "outcome": outcome,
        "same_outcome": outcome == recorded["outcome"],
        "identical": not differences,
        "algorithm_changed": algorithm_changed,
        "algorithm": context.algorithm,
        "lists_changed": lists_changed,
        "differences": differences,
    }


def replay(body: dict[str, Any], store: SnapshotStore, settings: Settings) -> dict[str, Any]:
    """Re-run the receipt ``body`` on its own snapshot and on the active one."""
    if body.get("kind") == "batch-run":
        raise ClearanceError(
            f"receipt {body['receipt']} is a batch run; replay one of its alert receipts"
        )
    out: dict[str, Any] = {
        "receipt": body["receipt"],
        "recorded": {
            "at": body["at"],
            "snapshot": body["snapshot"],
            "outcome": body["outcome"],
            "algorithm": body["algorithm"],
            "candidates": len(body["candidates"]),
        },
    }
    own: Snapshot | None
    try:
        own = store.get(body["snapshot"])
    except ClearanceError as exc:
        own = None
        out["own_snapshot"] = {"error": f"cannot replay on the recorded snapshot: {exc}"}
    if own is not None:
        result, context = _screen(own, settings, body)
        out["own_snapshot"] = diff(body, result, context, own, own)
    today = store.require_active()
    result, context = _screen(today, settings, body)
    out["today"] = diff(body, result, context, own, today)
    return out
