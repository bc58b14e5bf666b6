"""Group commit of screening receipts on SQLite from an asyncio event loop (the API server).

:class:`LoopReceiptWriter` appends the receipts of recorded requests on the server's own event
loop, with a SQLite connection of its own, instead of handing each one to the writer thread of
:mod:`clearance.audit.writer` and waiting for the thread to hand the commit back. Receipts
queued during one turn of the loop (the requests that arrived together) are written together
by one callback scheduled with ``call_soon``: one ``BEGIN IMMEDIATE`` transaction, the same
statements as the thread writer (:func:`~clearance.audit.writer.write_sqlite`), one commit.
Each request then costs no thread wake-ups and no contention for the interpreter lock between
the loop and the writer thread, which on a busy two-core machine cost more than the write.

The loop must never wait for another process's write lock: the connection's busy timeout is
zero, so a batch that finds the database locked (another server process or a CLI command
writing) is handed as it is to the writer thread, which waits for the lock as before; receipts
queued while the thread still holds some of this loop's go to the thread too, so they are
appended in the order they came. Any other failure is handed over the same way (the thread
retries one receipt at a time and reports each failure to its caller).

The guarantee is unchanged: a caller is answered only after the transaction holding its receipt
has committed, with the durability of the server's other SQLite writes (WAL, ``synchronous =
NORMAL``); the database write lock serialises this writer with every other, so the chain never
forks.
"""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from clearance.audit.writer import MAX_BATCH, receipt_writer, write_sqlite
from clearance.db import Database


@dataclass(frozen=True, slots=True)
class _Pending:
    body: dict[str, Any]
    actor: str
    done: asyncio.Future[int]


def sqlite_path(db: Database) -> str | None:
    """The file of a SQLite :class:`Database`; None for an in-memory one (not shareable)."""
    path = db.engine.url.database
    return path if path and path != ":memory:" else None


class LoopReceiptWriter:
    """Appends receipts submitted on one event loop, in batches, over one SQLite connection."""

    def __init__(self, db: Database, max_batch: int = MAX_BATCH) -> None:
        path = sqlite_path(db)
        if db.is_postgres or path is None:
            raise ValueError("LoopReceiptWriter needs a SQLite database file")
        self.db = db
        self.path = path
        self.max_batch = max_batch
        self._queue: list[_Pending] = []
        self._scheduled = False
        self._conn: sqlite3.Connection | None = None
        self._handed = 0  # receipts handed to the writer thread, not yet settled
        self.batches = 0  # transactions and receipts written here; receipts handed over
        self.written = 0
        self.handed_over = 0

    async def write(self, body: dict[str, Any], actor: str) -> int:
        """Queue a receipt and wait until it is committed; its audit seq."""
        return await self.submit(body, actor)

    def submit(self, body: dict[str, Any], actor: str) -> asyncio.Future[int]:
        """Queue a receipt; a future of its audit seq, set once it is committed (written at
        the loop's next turn, with the receipts queued meanwhile). Call on the loop."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[int] = loop.create_future()
        self._queue.append(_Pending(body, actor, done))
        if not self._scheduled:
            self._scheduled = True
            loop.call_soon(self._flush)
        # a caller that goes away (its future cancelled) leaves its receipt to be written
        return done

    def _flush(self) -> None:
        self._scheduled = False
        while self._queue:
            batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
            self._write(batch)

    def _write(self, batch: list[_Pending]) -> None:
        if self._handed == 0:  # else the thread holds earlier receipts: keep the order
            try:
                seqs = self._append([(p.body, p.actor) for p in batch])
            except Exception:  # noqa: BLE001 - locked by another writer, or failed: the thread
                pass  # waits for the lock, retries one by one and reports to each caller
            else:
                self.batches += 1
                self.written += len(batch)
                for p, seq in zip(batch, seqs, strict=True):
                    if not p.done.done():
                        p.done.set_result(seq)
                return
        self._hand_over(batch)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 0")  # never wait on the loop: hand over
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")  # as the server's other connections
            self._conn = conn
        return self._conn

    def _append(self, items: list[tuple[dict[str, Any], str]]) -> list[int]:
        conn = self._connection()
        cursor = conn.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
            try:
                seqs = write_sqlite(cursor, items)
                cursor.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                self._disconnect()  # something else went wrong: a fresh connection next time
            raise
        finally:
            cursor.close()
        return seqs

    def _hand_over(self, batch: list[_Pending]) -> None:
        loop = asyncio.get_running_loop()
        writer = receipt_writer(self.db)
        for p in batch:
            self._handed += 1
            self.handed_over += 1
            queued = writer.submit(p.body, p.actor)
            queued.add_done_callback(
                lambda f, p=p: loop.call_soon_threadsafe(self._settle, p, f)  # type: ignore[misc]
            )

    def _settle(self, pending: _Pending, queued: Future[int]) -> None:
        self._handed -= 1
        if pending.done.done():
            return
        exc = queued.exception()
        if exc is not None:
            pending.done.set_exception(exc)
        else:
            pending.done.set_result(queued.result())

    def _disconnect(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    async def close(self) -> None:
        self._disconnect()
