"""Group commit of screening receipts: the receipts of concurrent requests appended in one
transaction, each caller answered once its receipt is committed.

A :class:`ReceiptWriter` (one per database and process, :func:`receipt_writer`) owns a thread
that takes every receipt queued while it was writing the previous batch and appends them, in
order, in one transaction: on PostgreSQL one statement (:data:`PG_BATCH`: lock the head, hash
the rows one after the other from it on the server, insert them (each its receipt's index
row too: the view ``receipts``), move the head; a batch of one: :data:`PG_ONE`, the one-row
statement of :func:`~clearance.audit.receipts.write_receipt`), on SQLite the driver's cursor inside
``BEGIN IMMEDIATE``. The head stays locked for the whole batch, so the chain is exactly what
one writer per receipt would have produced, and writers in other processes (or transactions of
this one) append before or after the batch, never inside it. A caller's future resolves only
after the commit: a receipt reported as recorded is in the database. A sequential client pays
one round trip per receipt, as before; concurrent requests share round trips, statement
executions and commits.

A batch that fails as a whole is retried one receipt at a time (so one bad receipt cannot sink
the others); a database that cannot be reached fails every waiting caller with
:class:`~clearance.db.engine.DatabaseUnavailable`.
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from queue import Empty, SimpleQueue
from typing import Any

from sqlalchemy import Connection

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import PG_APPEND, Event, append_sqlite, now_iso, sqlite_cursor
from clearance.audit.receipts import RECEIPT
from clearance.db import Database
from clearance.db.engine import DatabaseUnavailable
from clearance.errors import ClearanceError

MAX_BATCH = 200
IDLE_SECONDS = 2.0  # the thread ends after this long without a receipt

# psycopg parameters (%(name)s); one array per column, the rows in append order. The rows are
# hashed one after the other from the locked head (the recursive ``c``, each step reading its
# row's values by position in the arrays), inserted straight from ``c`` (each value by
# position, the audit seq ``c``'s), and the head moved to ``c``'s last step: no
# join, unnest, sort or limit (joining the unnested arrays to the chain cost the server four
# hash tables per batch, 5-10 % of its CPU per receipt in batches of two or three; unnesting
# the index columns and sorting ``c`` for its last row another tenth of the statement's
# instructions, callgrind).
PG_BATCH = """
WITH RECURSIVE h AS (SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE),
c(n, seq, hash, prev) AS (
  SELECT 0, h.seq, CAST(h.hash AS text), CAST(NULL AS text) FROM h
  UNION ALL
  SELECT c.n + 1, c.seq + 1,
         encode(sha256(convert_to(concat_ws(chr(10), CAST(c.seq + 1 AS text),
           (%(kind)b::text[])[c.n + 1], (%(ref)b::text[])[c.n + 1],
           (%(actor)b::text[])[c.n + 1], (%(at)b::text[])[c.n + 1],
           (%(body_sha256)b::text[])[c.n + 1], c.hash), 'UTF8')), 'hex'),
         c.hash
  FROM c WHERE c.n < cardinality(%(kind)b::text[])
),
r AS (
  INSERT INTO audit_log (seq, kind, ref, actor, at, body, body_sha256, prev_hash, row_hash)
  SELECT c.seq, (%(kind)b::text[])[c.n], (%(ref)b::text[])[c.n], (%(actor)b::text[])[c.n],
         (%(at)b::text[])[c.n], (%(body)b::text[])[c.n], (%(body_sha256)b::text[])[c.n],
         c.prev, c.hash
  FROM c WHERE c.n > 0
)
UPDATE audit_head SET seq = l.seq, hash = l.hash
FROM c AS l
WHERE audit_head.id = 1 AND l.n = cardinality(%(kind)b::text[])
RETURNING l.seq, l.hash
"""


# One receipt: the one-row statement of receipts.write_receipt, in psycopg's parameter style.
PG_ONE = re.sub(r":(\w+)", r"%(\1)s", PG_APPEND.format(also=""))


@dataclass(frozen=True, slots=True)
class Pending:
    """One receipt to append: its body and actor, and the caller's future (its audit seq)."""

    body: dict[str, Any]
    actor: str
    done: Future[int]


def pg_row(body: dict[str, Any], actor: str) -> dict[str, Any]:
    """The values of one receipt in :data:`PG_BATCH` and :data:`PG_ONE` (audit row, index)."""
    data = canonical(body)
    row = {"kind": RECEIPT, "ref": body["receipt"], "actor": actor,
           "at": body.get("at") or now_iso(), "body": data.decode("utf-8"),
           "body_sha256": sha256_hex(data)}  # fmt: skip
    return row


def pg_params(items: list[tuple[dict[str, Any], str]]) -> dict[str, list[Any]]:
    """The arrays of :data:`PG_BATCH` for ``(body, actor)`` pairs, in append order."""
    cols: dict[str, list[Any]] = {}
    for body, actor in items:
        for key, value in pg_row(body, actor).items():
            cols.setdefault(key, []).append(value)
    return cols


def pg_statement(items: list[tuple[dict[str, Any], str]]) -> tuple[str, dict[str, Any]]:
    """The statement appending ``items`` and its parameters: :data:`PG_ONE` for one receipt
    (the one-row statement costs the server less), :data:`PG_BATCH` for more."""
    if len(items) > 1:
        return PG_BATCH, pg_params(items)
    return PG_ONE, pg_row(*items[0])


def appended_seqs(found: Any, count: int) -> list[int]:
    """The audit seqs of ``count`` receipts from the statement's result row (the new head)."""
    if found is None:
        raise ClearanceError("the audit log has no head row: run `clearance db upgrade`")
    last = int(found[0])
    return list(range(last - count + 1, last + 1))


def write_receipts(db: Database, items: list[tuple[dict[str, Any], str]]) -> list[int]:
    """Append the receipts ``(body, actor)`` in order, in one transaction; their audit seqs."""
    if db.is_postgres:
        import psycopg

        sql, params = pg_statement(items)
        try:
            with db.connect(write=True, single=True) as conn:
                raw = conn.connection.driver_connection
                assert raw is not None
                found = raw.execute(sql, params, prepare=True).fetchone()
        except psycopg.OperationalError as exc:
            raise db.unavailable(exc) from None
        return appended_seqs(found, len(items))
    with db.connect(write=True) as conn:
        return _write_sqlite(conn, items)


def _write_sqlite(conn: Connection, items: list[tuple[dict[str, Any], str]]) -> list[int]:
    cursor = sqlite_cursor(conn)
    try:
        return write_sqlite(cursor, items)
    finally:
        cursor.close()


def write_sqlite(cursor: Any, items: list[tuple[dict[str, Any], str]]) -> list[int]:
    """Append the receipts ``(body, actor)`` on a SQLite driver cursor inside the caller's
    ``BEGIN IMMEDIATE`` transaction; their audit seqs."""
    rows = append_sqlite(
        cursor, [Event(RECEIPT, body["receipt"], actor, body) for body, actor in items]
    )
    return [int(row["seq"]) for row in rows]


class ReceiptWriter:
    """Appends queued receipts in batches from a thread of its own (started on first use)."""

    def __init__(self, db: Database, max_batch: int = MAX_BATCH) -> None:
        self.db = db
        self.max_batch = max_batch
        self._queue: SimpleQueue[Pending] = SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.batches = 0  # how many transactions wrote how many receipts (for the benchmark)
        self.written = 0

    def submit(self, body: dict[str, Any], actor: str) -> Future[int]:
        """Queue a receipt; the future gives its audit seq once committed (or the error)."""
        done: Future[int] = Future()
        self._queue.put(Pending(body, actor, done))
        with self._lock:  # the thread ends when idle; (re)start it
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="receipt-writer", daemon=True
                )
                self._thread.start()
        return done

    def write(self, body: dict[str, Any], actor: str) -> int:
        """Queue a receipt and wait until it is committed; its audit seq."""
        return self.submit(body, actor).result()

    def _run(self) -> None:
        while True:
            try:
                batch = [self._queue.get(timeout=IDLE_SECONDS)]
            except Empty:
                with self._lock:  # nothing queued: end (submit starts a new thread)
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            while len(batch) < self.max_batch and not self._queue.empty():
                batch.append(self._queue.get())
            self._write(batch)

    def _write(self, batch: list[Pending]) -> None:
        try:
            seqs = write_receipts(self.db, [(p.body, p.actor) for p in batch])
        except DatabaseUnavailable as exc:
            for p in batch:
                p.done.set_exception(exc)
            return
        except Exception as exc:  # noqa: BLE001 - retried one by one, else handed to the caller
            if len(batch) == 1:
                batch[0].done.set_exception(exc)
                return
            for p in batch:
                self._write([p])
            return
        self.batches += 1
        self.written += len(batch)
        for p, seq in zip(batch, seqs, strict=True):
            p.done.set_result(seq)


_writers: dict[tuple[int, int], ReceiptWriter] = {}
_writers_lock = threading.Lock()


def receipt_writer(db: Database) -> ReceiptWriter:
    """The writer of ``db`` in this process (a forked child gets its own)."""
    key = (id(db), os.getpid())
    with _writers_lock:
        found = _writers.get(key)
        if found is None or found.db is not db:
            found = _writers[key] = ReceiptWriter(db)
        return found
