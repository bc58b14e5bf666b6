"""Screening receipts: what was screened, against which lists and algorithm, with what outcome.

:func:`receipt_body` (pure) builds the canonical content; :func:`write_receipt` stores it as
one audit-log row plus an index row, in the caller's transaction. Everything that needs a
receipt goes through :func:`record_screening` (a receipt alone) or the case service
(:meth:`clearance.cases.service.CaseService.record` / ``record_batch``), which also opens cases
for the alerts.
"""

from __future__ import annotations

import threading
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import Event, append, now_iso
from clearance.audit.tables import ReceiptRow
from clearance.db import Database
from clearance.matching.query import Query
from clearance.matching.result import ScreeningResult

if TYPE_CHECKING:
    from clearance.matching.engine import Screener
    from clearance.snapshots import Snapshot

RECEIPT = "receipt"


def query_input(query: Query) -> dict[str, Any]:
    """The canonical input of a screening (enough to re-run it: see replay)."""
    return {
        "name": query.name,
        "type": query.schema.value if query.schema else None,
        "dob": query.birth_date.iso() if query.birth_date else None,
        "country": list(query.countries),
        "identifiers": [
            {"type": i.type.value if i.type else None, "value": i.value} for i in query.identifiers
        ],
        "id": query.id,
        "lists": list(query.lists),
    }


def subject_key(subject: Mapping[str, Any]) -> str:
    """Who was screened, as a stable key: the caller's own id (a customer number) when given,
    else the name (case, accents' composition and spacing ignored), type and date of birth."""
    if subject.get("id"):
        return sha256_hex(canonical({"id": str(subject["id"])}))
    name = " ".join(unicodedata.normalize("NFC", str(subject.get("name", ""))).casefold().split())
    return sha256_hex(
        canonical({"name": name, "type": subject.get("type"), "dob": subject.get("dob")})
    )


@dataclass(frozen=True, slots=True)
class ScreeningContext:
    """Per snapshot and screener: the list versions and file hashes, the algorithm."""

    snapshot: str
    lists: dict[str, Any]
    algorithm: dict[str, Any]


_contexts: dict[tuple[str, int], ScreeningContext] = {}
_contexts_lock = threading.Lock()


def screening_context(snapshot: Snapshot, screener: Screener) -> ScreeningContext:
    key = (snapshot.id, id(screener))
    with _contexts_lock:
        found = _contexts.get(key)
    if found is not None:
        return found
    lists = {
        info.name: {
            "version": info.published or info.loaded_at,
            "files": [{"path": f.path, "sha256": f.sha256} for f in info.files],
        }
        for info in snapshot.lists()
    }
    params = {
        "algorithm": screener.algo.describe(),
        "threshold": screener.settings.threshold,
        "weak_alias_alerts": screener.settings.weak_alias_alerts,
    }
    algorithm = {
        "name": screener.algorithm,
        "version": screener.algorithm_version,
        "parameters_sha256": sha256_hex(canonical(params)),
    }
    context = ScreeningContext(snapshot.id, lists, algorithm)
    with _contexts_lock:
        if len(_contexts) > 64:
            _contexts.clear()
        _contexts[key] = context
    return context


def receipt_body(
    result: ScreeningResult,
    context: ScreeningContext,
    *,
    receipt_id: str,
    actor: str,
    kind: str = "screen",
    source: str = "screen",
    run_id: str | None = None,
    at: str | None = None,
) -> dict[str, Any]:
    data = query_input(result.query)
    return {
        "receipt": receipt_id,
        "kind": kind,
        "source": source,
        "run": run_id,
        "at": at or now_iso(),
        "actor": actor,
        "input": data,
        "input_sha256": sha256_hex(canonical(data)),
        "subject_key": subject_key(data),
        "snapshot": context.snapshot,
        "lists": context.lists,
        "algorithm": context.algorithm,
        "threshold": result.threshold,
        "outcome": "alert" if result.alert else "no alert",
        "candidates": [m.to_dict() for m in result.matches],
    }


def new_id() -> str:
    return uuid.uuid4().hex


def write_receipt(session: Session, body: dict[str, Any], actor: str) -> ReceiptRow:
    """The receipt as one audit row plus its index row (in the caller's transaction)."""
    (row,) = append(session, [Event(RECEIPT, body["receipt"], actor, body)])
    receipt = ReceiptRow(
        id=body["receipt"],
        audit_seq=row.seq,
        kind=body["kind"],
        created=datetime.fromisoformat(body["at"]),
        actor=actor,
        snapshot_id=body["snapshot"],
        alert=body["outcome"] == "alert",
        subject_key=body.get("subject_key"),
        input_sha256=body["input_sha256"],
        run_id=body.get("run"),
    )
    session.add(receipt)
    return receipt


def record_screening(
    db: Database,
    result: ScreeningResult,
    context: ScreeningContext,
    *,
    actor: str,
    source: str = "screen",
) -> str:
    """Write one receipt for one screening; returns its id. (To also open cases for its
    alerts, use :meth:`clearance.cases.service.CaseService.record`.)"""
    rid = new_id()
    body = receipt_body(result, context, receipt_id=rid, actor=actor, source=source)
    with db.session(write=True) as s:
        write_receipt(s, body, actor)
    return rid


def load_receipt(db: Database, receipt_id: str) -> dict[str, Any]:
    """A stored receipt's body; :class:`~clearance.errors.NotFoundError` when unknown."""
    import orjson

    from clearance.audit.tables import AuditRow
    from clearance.errors import NotFoundError

    with db.session() as s:
        row = s.get(ReceiptRow, receipt_id)
        if row is None:
            raise NotFoundError(f"no receipt {receipt_id!r}")
        audit = s.get(AuditRow, row.audit_seq)
        if audit is None:
            raise NotFoundError(f"receipt {receipt_id!r} is missing from the audit log")
        body: dict[str, Any] = orjson.loads(audit.body)
    return body


def utc(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
