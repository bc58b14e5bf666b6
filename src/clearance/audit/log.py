"""The audit log on the database: append under the head lock, stream-verify, read the head.

Writers lock the single head row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite writers hold
the database write lock from ``BEGIN IMMEDIATE``), so concurrent processes append one after the
other and the chain never forks. A row and whatever it records (a receipt, a case change) are
written in the same transaction: both or neither.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clearance.audit.chain import (
    Head,
    RowTuple,
    Verdict,
    canonical,
    row_hash,
    sha256_hex,
    verify_rows,
)
from clearance.audit.tables import AuditHeadRow, AuditRow
from clearance.db import Database
from clearance.errors import ClearanceError

VERIFY_BATCH = 20_000


@dataclass(frozen=True, slots=True)
class Event:
    """Something to append: what kind, about what (``ref``), by whom, and its content."""

    kind: str
    ref: str
    actor: str
    body: dict[str, Any]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def append(session: Session, events: Sequence[Event]) -> list[AuditRow]:
    """Append ``events`` in order inside the caller's (write) transaction."""
    head = session.execute(
        select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        raise ClearanceError("the audit log has no head row: run `clearance db upgrade`")
    seq, prev = head.seq, head.hash
    rows = []
    for event in events:
        seq += 1
        at = event.body.get("at") or now_iso()
        body = canonical(event.body)
        body_sha = sha256_hex(body)
        digest = row_hash(seq, event.kind, event.ref, event.actor, at, body_sha, prev)
        rows.append(
            AuditRow(
                seq=seq,
                kind=event.kind,
                ref=event.ref,
                actor=event.actor,
                at=at,
                body=body.decode("utf-8"),
                body_sha256=body_sha,
                prev_hash=prev,
                row_hash=digest,
            )
        )
        prev = digest
    session.add_all(rows)
    session.flush()
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=seq, hash=prev))
    return rows


def read_head(db: Database) -> Head:
    with db.session() as s:
        row = s.get(AuditHeadRow, 1)
        if row is None:
            raise ClearanceError("the audit log has no head row: run `clearance db upgrade`")
        return Head(int(row.seq), row.hash)


def _rows(db: Database, upto: int) -> Iterator[RowTuple]:
    t = AuditRow.__table__
    cols = [
        t.c.seq,
        t.c.kind,
        t.c.ref,
        t.c.actor,
        t.c.at,
        t.c.body,
        t.c.body_sha256,
        t.c.prev_hash,
        t.c.row_hash,
    ]
    last = 0
    while True:
        with db.connect() as conn:
            batch = conn.execute(
                select(*cols)
                .where(t.c.seq > last, t.c.seq <= upto)
                .order_by(t.c.seq)
                .limit(VERIFY_BATCH)
            ).all()
        if not batch:
            return
        for r in batch:
            yield (int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])
        last = int(batch[-1][0])


def verify(db: Database, saved_head: Head | None = None) -> Verdict:
    """Check the whole chain (and, with ``saved_head``, that nothing before it was rewritten)."""
    t, h = AuditRow.__table__, AuditHeadRow.__table__
    last = select(func.max(t.c.seq)).scalar_subquery()
    with db.connect() as conn:  # one statement: the head and the last row from one snapshot
        row = conn.execute(select(h.c.seq, h.c.hash, last).where(h.c.id == 1)).one_or_none()
    if row is None:
        raise ClearanceError("the audit log has no head row: run `clearance db upgrade`")
    stored = Head(int(row[0]), row[1])  # rows appended while verifying are left for next time
    upto = max(stored.count, int(row[2] or 0))
    return verify_rows(_rows(db, upto), stored_head=stored, saved_head=saved_head)


def entries(db: Database, kind: str, ref: str) -> list[dict[str, Any]]:
    """The rows about one thing (a case's history, a receipt), oldest first."""
    import orjson

    with db.session() as s:
        rows = s.scalars(
            select(AuditRow)
            .where(AuditRow.kind == kind, AuditRow.ref == ref)
            .order_by(AuditRow.seq)
        ).all()
        return [
            {
                "seq": r.seq,
                "at": r.at,
                "actor": r.actor,
                "row_hash": r.row_hash,
                "body": orjson.loads(r.body),
            }
            for r in rows
        ]
