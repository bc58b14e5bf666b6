"""The audit log on the database: append under the head lock, stream-verify, read the head.

Writers lock the single head row (on PostgreSQL by updating it, or ``SELECT … FOR UPDATE`` for
a batch; SQLite writers hold the database write lock from ``BEGIN IMMEDIATE``), so concurrent
processes append one after the other and the chain never forks. A row and whatever it records
(a receipt, a case change) are written in the same transaction: both or neither.

On PostgreSQL one row is appended by one statement (:func:`append_pg`): move the head (its new
seq and hash computed from the old row, ``sha256`` on the server over the same text as
:func:`clearance.audit.chain.row_hash`; the old hash kept in ``prev_hash``) and insert the row
from what the update returns — one round trip instead of three, and with a receipt's index row
in the same statement a receipt needs no explicit transaction.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from queue import Empty, Queue
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import OperationalError
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
from clearance.audit.tables import EVENT_ROWS, AuditHeadRow, AuditRow
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
    """The time now in UTC as ISO 8601 with microseconds (``2026-12-07T06:40:00.123456+00:00``):
    what ``datetime.now(UTC).isoformat(timespec="microseconds")`` gives (the same clock, its
    microseconds floored as ``datetime.now`` floors them), the date and time to the second
    formatted once a second (``isoformat`` formats with ``printf``: a sixth of a recorded
    screening's own instructions in the server)."""
    us = time.time_ns() // 1000
    second, micro = divmod(us, 1_000_000)
    cached = _SECOND[0]
    if cached[0] != second:
        cached = _SECOND[0] = (second, datetime.fromtimestamp(second, UTC).isoformat()[:19])
    return f"{cached[1]}.{micro:06d}+00:00"


# the second last formatted and its text (one tuple, replaced whole: threads may share it)
_SECOND: list[tuple[int, str]] = [(-1, "")]


def append(session: Session | Connection, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Append ``events`` in order inside the caller's (write) transaction (a session's or a
    plain connection's); returns the rows.

    Plain SQL statements (no ORM unit of work): this runs for every recorded screening."""
    conn = session.connection() if isinstance(session, Session) else session
    if conn.dialect.name == "postgresql":
        return [append_pg(conn, event) for event in events]
    # SQLite: the driver's cursor straight (no statement compilation; the writer already
    # holds the database write lock from BEGIN IMMEDIATE)
    cursor = sqlite_cursor(conn)
    try:
        return append_sqlite(cursor, events)
    finally:
        cursor.close()


def append_sqlite(cursor: Any, events: Sequence[Event]) -> list[dict[str, Any]]:
    """:func:`append` on a SQLite driver cursor inside a ``BEGIN IMMEDIATE`` transaction."""
    head = cursor.execute(_SQLITE_HEAD).fetchone()
    if head is None:
        raise ClearanceError("the audit log has no head row: run `clearance db upgrade`")
    seq, prev = int(head[0]), str(head[1])
    rows = []
    for event in events:
        seq += 1
        at = event.body.get("at") or now_iso()
        body = canonical(event.body)
        body_sha = sha256_hex(body)
        digest = row_hash(seq, event.kind, event.ref, event.actor, at, body_sha, prev)
        rows.append(
            {"seq": seq, "kind": event.kind, "ref": event.ref, "actor": event.actor,
             "at": at, "body": body.decode("utf-8"), "body_sha256": body_sha,
             "prev_hash": prev, "row_hash": digest}
        )  # fmt: skip
        prev = digest
    if rows:
        cursor.executemany(_SQLITE_INSERT, [tuple(r.values()) for r in rows])
        cursor.execute(_SQLITE_SET_HEAD, (seq, prev))
    return rows


def sqlite_cursor(conn: Connection) -> Any:
    """A cursor of the SQLite driver connection under ``conn`` (inside its transaction)."""
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


_SQLITE_HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1"
_SQLITE_INSERT = (
    "INSERT INTO audit_log (seq, kind, ref, actor, at, body, body_sha256, prev_hash, row_hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SQLITE_SET_HEAD = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"


# The row hash computed by the server: the same text as chain.row_hash, hashed as UTF-8. The
# head is updated first (its row lock is the append's: a writer that waited for it recomputes
# every SET from the row it waited for), the old hash kept in prev_hash (PostgreSQL 15's
# RETURNING has only the new values), and the row inserted from what the update returned: no
# FOR UPDATE scan, no join of the new row back to the head (a fifth of the statement, callgrind).
PG_APPEND = """
WITH h AS (
  UPDATE audit_head SET seq = seq + 1, prev_hash = hash,
    hash = encode(sha256(convert_to(concat_ws(chr(10), CAST(seq + 1 AS text),
      CAST(:kind AS text), CAST(:ref AS text), CAST(:actor AS text), CAST(:at AS text),
      CAST(:body_sha256 AS text), hash), 'UTF8')), 'hex')
  WHERE id = 1
  RETURNING seq, prev_hash, hash
){also}
INSERT INTO audit_log (seq, kind, ref, actor, at, body, body_sha256, prev_hash, row_hash)
SELECT h.seq, CAST(:kind AS text), CAST(:ref AS text), CAST(:actor AS text), CAST(:at AS text),
       CAST(:body AS text), CAST(:body_sha256 AS text), h.prev_hash, h.hash
FROM h
RETURNING seq, prev_hash, row_hash
"""
_PG_STATEMENTS: dict[tuple[str, bool], str] = {}


def append_pg(
    conn: Connection, event: Event, also: str = "", params: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Append one row on PostgreSQL in one statement (inside the caller's transaction, or as
    its own). ``also``: more common table expressions run by the same statement, e.g.
    ``i AS (INSERT INTO … SELECT …, h.seq FROM h)`` (``h`` is the moved head: the new row's
    ``seq``, ``prev_hash`` and ``hash``), with ``params``.

    Run on the driver's connection (in ``conn``'s transaction), prepared: a receipt with
    alerts and each case it opens or joins append through here, and SQLAlchemy's execution
    (context, result, parameter processing) cost as much CPU as psycopg's own."""
    sql, row = pg_append(event, also, params)
    found = next(iter(driver_rows(conn, sql, row)), None)
    if found is None:
        raise ClearanceError("the audit log has no head row: run `clearance db upgrade`")
    return {"seq": int(found[0]), **event_row(row), "prev_hash": found[1], "row_hash": found[2]}


def pg_append(
    event: Event, also: str = "", params: dict[str, Any] | None = None, *, strict: bool = False
) -> tuple[str, dict[str, Any]]:
    """The statement of :func:`append_pg` (psycopg's parameters) and its parameters.
    ``strict``: without a head row the statement fails (a NULL ``seq``) instead of appending
    nothing, so a transaction that does not read its result cannot commit without its row."""
    sql = _PG_STATEMENTS.get((also, strict))
    if sql is None:
        sql = PG_APPEND.format(also=f",\n{also}" if also else "")
        if strict:
            sql = sql.replace("\nFROM h\n", "\nFROM (VALUES (1)) AS one (x) LEFT JOIN h ON true\n")
            assert "LEFT JOIN h" in sql
        sql = _PG_STATEMENTS[also, strict] = re.sub(r":(\w+)", r"%(\1)s", sql)
    at = event.body.get("at") or now_iso()
    body = canonical(event.body)
    row = {"kind": event.kind, "ref": event.ref, "actor": event.actor, "at": at,
           "body": body.decode("utf-8"), "body_sha256": sha256_hex(body)}  # fmt: skip
    return sql, {**row, **(params or {})}


def append_commit_pg(conn: Connection, rows: Sequence[tuple[Event, str, dict[str, Any]]]) -> None:
    """Append ``rows`` (each event with its ``also`` and parameters, as :func:`append_pg`)
    and commit ``conn``'s transaction in one round trip: the statements and ``COMMIT`` sent
    together (psycopg's pipeline mode), so the chain head the first one locks is held while
    the server runs them, not across the client's round trips. The statements are strict: no
    head row fails the transaction (rolled back) instead of committing without the rows."""
    import psycopg

    raw: psycopg.Connection[Any] = conn.connection.driver_connection  # type: ignore[assignment]
    statements = [pg_append(event, also, params, strict=True) for event, also, params in rows]
    try:
        with raw.pipeline():
            for sql, params in statements:
                raw.execute(sql, params, prepare=True)
            raw.commit()
    except psycopg.OperationalError as exc:
        raise OperationalError(statements[0][0], None, exc) from None


def event_row(params: dict[str, Any]) -> dict[str, Any]:
    """The audit row's own fields among :func:`pg_append`'s parameters."""
    return {k: params[k] for k in ("kind", "ref", "actor", "at", "body", "body_sha256")}


def driver_rows(
    conn: Connection, sql: str, params: dict[str, Any], row_factory: Any = None
) -> list[Any]:
    """The rows of ``sql`` (psycopg's ``%(name)s`` parameters) run prepared on the psycopg
    connection under ``conn``, in its transaction (``row_factory``: psycopg's, default tuples);
    a lost connection raised as SQLAlchemy's ``OperationalError``, so the database is reported
    unavailable as before."""
    import psycopg
    from psycopg.rows import tuple_row

    raw: psycopg.Connection[Any] = conn.connection.driver_connection  # type: ignore[assignment]
    try:
        with raw.cursor(row_factory=row_factory or tuple_row) as cursor:
            return cursor.execute(sql, params, prepare=True).fetchall()
    except psycopg.OperationalError as exc:
        raise OperationalError(sql, None, exc) from None


def read_head(db: Database) -> Head:
    with db.session() as s:
        row = s.get(AuditHeadRow, 1)
        if row is None:
            raise ClearanceError("the audit log has no head row: run `clearance db upgrade`")
        return Head(int(row.seq), row.hash)


_ROWS_SQL = (
    "SELECT seq, kind, ref, actor, at, body, body_sha256, prev_hash, row_hash FROM audit_log "
    "WHERE seq > {p} AND seq <= {p} ORDER BY seq LIMIT {p}"
)


def row_batches(db: Database, upto: int, after: int = 0) -> Iterator[list[RowTuple]]:
    """Rows ``after + 1``…``upto`` in seq order, a batch per (short) read transaction."""
    sql = _ROWS_SQL.format(p="%s" if db.is_postgres else "?")
    last = after
    while True:
        with db.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(sql, (last, upto, VERIFY_BATCH))
                batch = cursor.fetchall()
            finally:
                cursor.close()
        if not batch:
            return
        yield batch
        last = int(batch[-1][0])


def _rows(db: Database, upto: int) -> Iterator[RowTuple]:
    """Every row up to ``upto``, straight from the driver's cursor, the next batch fetched in
    a thread while this one is hashed (the drivers release the GIL while they read)."""
    queue: Queue[list[RowTuple] | BaseException | None] = Queue(maxsize=2)
    stop = threading.Event()

    def fetch() -> None:
        try:
            for batch in row_batches(db, upto):
                if stop.is_set():
                    return
                queue.put(batch)
            queue.put(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            queue.put(exc)

    worker = threading.Thread(target=fetch, name="audit-verify-fetch", daemon=True)
    worker.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield from item
    finally:
        stop.set()
        while worker.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(Empty):
                queue.get(timeout=0.05)


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
    """The rows about one thing (a case's history), oldest first. Not for receipts: those are
    found by id through the receipts table (:func:`~clearance.audit.receipts.load_receipt`)."""
    import orjson

    if kind == "receipt":
        raise ValueError("receipts are looked up by id (load_receipt), not by kind and ref")
    with db.session() as s:
        rows = s.scalars(
            select(AuditRow)
            .where(AuditRow.kind == kind, AuditRow.ref == ref, text(EVENT_ROWS))
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
