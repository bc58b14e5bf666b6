"""Alerts of monitoring: what one is, how it is stored, listed and closed.

An alert ties a customer to a listed entity with the score and feature reasons of the
screening that raised it, the snapshot and list version, and its cause. One pair has at most
one open alert; a cleared pair is raised again only when the entity's matching data changed
(its ``entity_digest``), or when the ``cleared`` hook (the good-guy list of the decisions
capability) says the pair is no longer cleared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

import orjson
from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection

from clearance.db import Database
from clearance.diff.compare import MATCHING_FIELDS, field_values
from clearance.monitor.tables import Alert
from clearance.snapshots import Snapshot

ALERTS = cast(Table, Alert.__table__)

# (customer id, entity id) -> None when no reviewer cleared the pair, else (suppressed, what
# changed): suppressed while the listing's matching data is as it was when cleared.
ClearedHook = Callable[[str, str], tuple[bool, str] | None]


def entity_digest(data: Mapping[str, Any]) -> str:
    """A hash of what the matcher reads of an entity (names, dates, identifiers…)."""
    values = [field_values(data, name, frozenset()) for name in sorted(MATCHING_FIELDS)]
    raw = orjson.dumps(values, option=orjson.OPT_SORT_KEYS, default=str)
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class NewAlert:
    """An alert about to be stored (and delivered)."""

    customer_id: str
    customer_name: str
    entity_id: str
    list: str
    entity_name: str
    score: float
    reasons: tuple[dict[str, Any], ...]
    snapshot: str
    list_version: str | None
    algorithm: str
    cause: str
    entity_digest: str

    def row(self, run_id: int, now: datetime) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "customer_name": self.customer_name,
            "entity_id": self.entity_id,
            "list": self.list,
            "entity_name": self.entity_name,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "snapshot": self.snapshot,
            "list_version": self.list_version,
            "algorithm": self.algorithm,
            "cause": self.cause,
            "entity_digest": self.entity_digest,
            "status": "open",
            "status_reason": None,
            "created_at": now,
            "updated_at": now,
            "run_id": run_id,
            "delivered": False,
        }


def alert_dict(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A stored alert as JSON-able data (API, CLI ``--json``, webhook)."""
    return {
        "id": row["id"],
        "customer_id": row["customer_id"],
        "customer_name": row["customer_name"],
        "entity_id": row["entity_id"],
        "list": row["list"],
        "entity_name": row["entity_name"],
        "score": row["score"],
        "reasons": row["reasons"],
        "snapshot": row["snapshot"],
        "list_version": row["list_version"],
        "algorithm": row["algorithm"],
        "cause": row["cause"],
        "status": row["status"],
        "status_reason": row["status_reason"],
        "created_at": _iso(row["created_at"]),
        "updated_at": _iso(row["updated_at"]),
        "run_id": row["run_id"],
    }


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive datetimes (stored as UTC)
        value = value.replace(tzinfo=UTC)
    return value.isoformat().replace("+00:00", "Z")


class PairStates:
    """The latest alert state of every (customer, entity) pair, to decide what is new."""

    def __init__(self, conn: Connection, cleared: ClearedHook | None = None) -> None:
        rows = conn.execute(
            select(ALERTS.c.customer_id, ALERTS.c.entity_id, ALERTS.c.status,
                   ALERTS.c.entity_digest).order_by(ALERTS.c.id)
        ).all()  # fmt: skip
        self.latest: dict[tuple[str, str], tuple[str, str]] = {
            (c, e): (status, digest) for c, e, status, digest in rows
        }
        self.cleared = cleared

    def should_raise(self, customer_id: str, entity_id: str, digest: str) -> tuple[bool, str]:
        """Whether a screening hit becomes a new alert, and a note for its cause."""
        state = self.latest.get((customer_id, entity_id))
        verdict = self.cleared(customer_id, entity_id) if self.cleared is not None else None
        if verdict is not None:  # an approved clear on the good-guy list
            suppressed, changes = verdict
            if suppressed or (state is not None and state == ("open", digest)):
                return False, ""
            return True, f"re-raised: the listing changed since it was cleared ({changes})"
        if state is None or state[0] == "closed":
            return True, ""
        status, old_digest = state
        if status == "open":
            return False, ""
        if old_digest != digest:  # cleared, and the listing's matching data changed since
            return True, "re-raised: the listing's matching data changed since it was cleared"
        return False, ""

    def mark(self, customer_id: str, entity_id: str, digest: str) -> None:
        self.latest[(customer_id, entity_id)] = ("open", digest)


def close_for_entities(
    conn: Connection, entity_ids: Sequence[str], reason: str, now: datetime
) -> int:
    """Close the open alerts of entities that left the lists; returns how many."""
    closed = 0
    for start in range(0, len(entity_ids), 900):
        part = list(entity_ids[start : start + 900])
        result = conn.execute(
            update(ALERTS)
            .where(ALERTS.c.entity_id.in_(part), ALERTS.c.status == "open")
            .values(status="closed", status_reason=reason, updated_at=now)
        )
        closed += result.rowcount or 0
    return closed


def set_status(conn: Connection, alert_id: int, status: str, reason: str | None) -> bool:
    """Change an alert's status (``cleared`` by a reviewer, ``open`` again…)."""
    result = conn.execute(
        update(ALERTS)
        .where(ALERTS.c.id == alert_id)
        .values(status=status, status_reason=reason, updated_at=datetime.now(UTC))
    )
    return bool(result.rowcount)


def list_alerts(
    conn: Connection, *, since: datetime | None = None, status: str | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:  # fmt: skip
    stmt = select(ALERTS).order_by(ALERTS.c.id).limit(limit)
    if since is not None:
        stmt = stmt.where(ALERTS.c.created_at >= since)
    if status is not None:
        stmt = stmt.where(ALERTS.c.status == status)
    return [alert_dict(row._mapping) for row in conn.execute(stmt)]


def goodguy_hook(db: Database, snapshot: Snapshot) -> ClearedHook:
    """The decisions capability's good-guy list as a :data:`ClearedHook` (a customer's subject
    key is its id, as the cases of ``clearance case`` key it)."""
    from clearance.audit.receipts import subject_key
    from clearance.cases.goodguy import check
    from clearance.cases.tables import GoodGuyRow

    with db.session() as s:
        rows = s.execute(
            select(GoodGuyRow.subject_key, GoodGuyRow.entity_id).where(GoodGuyRow.active.is_(True))
        ).all()
    cleared = {(k, e) for k, e in rows}
    if not cleared:
        return lambda _customer, _entity: None

    def hook(customer_id: str, entity_id: str) -> tuple[bool, str] | None:
        key = subject_key({"id": customer_id})
        if (key, entity_id) not in cleared:
            return None
        entity = snapshot.entity(entity_id)
        if entity is None:
            return None
        verdict = check(db, key, entity)
        if not verdict.cleared:
            return None
        return verdict.suppressed, "; ".join(verdict.changes)

    return hook
