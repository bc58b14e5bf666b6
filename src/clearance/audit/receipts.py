"""Screening receipts: what was screened, against which lists and algorithm, with what outcome.

:func:`receipt_body` (pure) builds the canonical content; :func:`write_receipt` stores it as
one audit-log row (which is its index row too), in the caller's transaction. Everything that needs a
receipt goes through :func:`record_screening` (a receipt alone) or the case service
(:meth:`clearance.cases.service.CaseService.record` / ``record_batch``), which also opens cases
for the alerts.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import Event, append, append_pg, now_iso
from clearance.audit.tables import ReceiptRow
from clearance.db import Database
from clearance.matching.query import Query
from clearance.matching.result import ScreeningResult

if TYPE_CHECKING:
    from clearance.matching.engine import Screener
    from clearance.snapshots import Snapshot, SnapshotStore

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
        "threshold": screener.policy.threshold,
        "weak_alias_alerts": screener.policy.weak_alias_alerts,
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
    candidates: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The receipt's content; ``candidates``: ``[m.to_dict() for m in result.matches]`` when
    the caller already has them (the API's answer), so they are built once."""
    data = query_input(result.query)
    if candidates is None:
        candidates = [m.to_dict() for m in result.matches]
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
        "candidates": candidates,
    }


_pinned: set[tuple[str, str]] = set()
PIN_REASON = "screening receipts"


def pin_snapshot(store: SnapshotStore, snapshot_id: str) -> None:
    """Pin the snapshot a receipt refers to (retention keeps it, for replay); the store is
    asked once per process and snapshot."""
    key = (str(store.home), snapshot_id)
    with _contexts_lock:
        if key in _pinned:
            return
    store.pin(snapshot_id, PIN_REASON)
    with _contexts_lock:
        _pinned.add(key)


def is_pinned(store: SnapshotStore, snapshot_id: str) -> bool:
    """Whether :func:`pin_snapshot` already pinned this snapshot in this process."""
    with _contexts_lock:
        return (str(store.home), snapshot_id) in _pinned


def new_id() -> str:
    """A random receipt id: a version-4 UUID's 32 hex digits, from the operating system's
    secure random source read :data:`ID_BLOCK` ids at a time (one system call per block, not
    one per id as ``uuid4``). Ids are taken from the block under the interpreter lock (no two
    threads get the same), and a forked child starts with an empty block."""
    try:
        return _ids.pop()
    except IndexError:
        _ids.extend(id_block(os.urandom(16 * ID_BLOCK)))
        return new_id()


ID_BLOCK = 256
_ids: list[str] = []
os.register_at_fork(after_in_child=_ids.clear)


def id_block(data: bytes) -> list[str]:
    """``data`` (16 bytes an id) as version-4 UUIDs' hex digits (the version and variant bits
    set as ``uuid4`` sets them)."""
    ids = []
    for i in range(0, len(data), 16):
        raw = bytearray(data[i : i + 16])
        raw[6] = raw[6] & 0x0F | 0x40  # version 4
        raw[8] = raw[8] & 0x3F | 0x80  # RFC 4122 variant
        ids.append(raw.hex())
    return ids


def receipt_index(body: dict[str, Any]) -> dict[str, Any]:
    """What a receipt was about, read from its body (the receipts table holds only its id and
    audit seq; these fields are the body's, hashed with it)."""
    return {
        "kind": body["kind"],
        "created": datetime.fromisoformat(body["at"]),
        "snapshot": body["snapshot"],
        "alert": body["outcome"] == "alert",
        "subject": body.get("subject_key"),
        "input": body["input_sha256"],
        "run": body.get("run"),
    }


def write_receipt(session: Session | Connection, body: dict[str, Any], actor: str) -> int:
    """The receipt as one audit row (in the caller's transaction; on PostgreSQL one
    statement, so it may also run as a transaction of its own); returns the row's number.
    The row is the receipt's index too: ``kind`` receipt, ``ref`` its id, unique among
    receipts (``ux_audit_log_receipt``; the view ``receipts`` lists them). (Receipts that need
    no transaction of the caller's go through the group-commit writer,
    :mod:`clearance.audit.writer`.)"""
    conn = session.connection() if isinstance(session, Session) else session
    if conn.dialect.name == "postgresql":
        return int(append_pg(conn, *pg_receipt(body, actor))["seq"])
    (row,) = append(conn, [Event(RECEIPT, body["receipt"], actor, body)])
    return int(row["seq"])


def pg_receipt(body: dict[str, Any], actor: str) -> tuple[Event, str, dict[str, Any]]:
    """A receipt's audit event as :func:`~clearance.audit.log.append_pg` takes it (no common
    table expression more: the audit row is the receipt's index row)."""
    return Event(RECEIPT, body["receipt"], actor, body), "", {}


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
    with db.connect(write=True, single=True) as conn:
        write_receipt(conn, body, actor)
    return rid


def load_receipt(db: Database, receipt_id: str, *, spool: Path | None = None) -> dict[str, Any]:
    """A stored receipt's body; :class:`~clearance.errors.NotFoundError` when unknown.
    ``spool``: the receipt spool's folder (``CLEARANCE_RECORD_SPOOL``), read when the receipt
    is not (yet) in the database, so an answered receipt is found before it is shipped."""
    from clearance.errors import NotFoundError

    try:
        return _stored_receipt(db, receipt_id)
    except NotFoundError:
        if spool is None:
            raise
    from clearance.audit.spool_file import find_spooled

    found = find_spooled(spool, receipt_id)
    # shipped (and its segment deleted) between the two looks: it is in the database now
    return found if found is not None else _stored_receipt(db, receipt_id)


def _stored_receipt(db: Database, receipt_id: str) -> dict[str, Any]:
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
