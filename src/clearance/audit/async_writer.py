"""Group commit of screening receipts on PostgreSQL from an asyncio event loop (the API server).

:class:`AsyncReceiptWriter` does what :class:`~clearance.audit.writer.ReceiptWriter` does —
receipts queued while a batch is being written are appended together, in order, in one
statement (:data:`~clearance.audit.writer.PG_BATCH`, or
:data:`~clearance.audit.writer.PG_ONE` for one) that locks the chain head — but on the server's
own event loop with psycopg's asynchronous connection instead of a thread. A recorded request
then costs one database round trip that the loop waits for like any socket, and no longer two
thread wake-ups (the request handing its receipt to the writer thread, the thread handing the
commit back), which on a busy machine cost more than the statement itself.

The guarantee is unchanged: a caller is answered only after the statement that appends its
receipt has committed (autocommit: the statement is its own transaction), so a receipt reported
as recorded is in the database; a failed batch is retried one receipt at a time, and a database
that cannot be reached fails every waiting caller with
:class:`~clearance.db.engine.DatabaseUnavailable`. Writers in other processes or threads lock
the same head row, so the chain never forks.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import psycopg

from clearance.audit.writer import MAX_BATCH, appended_seqs, pg_statement
from clearance.db import Database
from clearance.db.engine import DatabaseUnavailable

CONNECT_TIMEOUT = 10


@dataclass(frozen=True, slots=True)
class _Pending:
    body: dict[str, Any]
    actor: str
    done: asyncio.Future[int]


def psycopg_url(db: Database) -> str:
    """The libpq URL of a PostgreSQL :class:`Database` (SQLAlchemy's, without the driver)."""
    url = db.engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class AsyncReceiptWriter:
    """Appends receipts submitted on one event loop, in batches, over one connection."""

    def __init__(self, db: Database, max_batch: int = MAX_BATCH) -> None:
        if not db.is_postgres:
            raise ValueError("AsyncReceiptWriter needs PostgreSQL")
        self.db = db
        self.max_batch = max_batch
        self._url = psycopg_url(db)
        self._queue: list[_Pending] = []
        self._task: asyncio.Task[None] | None = None
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self.batches = 0  # transactions and receipts written (tests, benchmarks)
        self.written = 0

    async def write(self, body: dict[str, Any], actor: str) -> int:
        """Queue a receipt and wait until it is committed; its audit seq."""
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._queue.append(_Pending(body, actor, done))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._drain())
        # a caller that goes away (its future cancelled) leaves its receipt to be written
        return await done

    async def _drain(self) -> None:
        while self._queue:
            batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
            await self._write(batch)

    async def _write(self, batch: list[_Pending]) -> None:
        try:
            seqs = await self._append([(p.body, p.actor) for p in batch])
        except DatabaseUnavailable as exc:
            for p in batch:
                _fail(p, exc)
            return
        except Exception as exc:  # noqa: BLE001 - retried one by one, else handed to the caller
            if len(batch) == 1:
                _fail(batch[0], exc)
                return
            for p in batch:
                await self._write([p])
            return
        self.batches += 1
        self.written += len(batch)
        for p, seq in zip(batch, seqs, strict=True):
            if not p.done.done():
                p.done.set_result(seq)

    async def _connection(self) -> psycopg.AsyncConnection[Any]:
        conn = self._conn
        if conn is None or conn.closed or conn.broken:
            conn = self._conn = await psycopg.AsyncConnection.connect(
                self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            )
        return conn

    async def _append(self, items: list[tuple[dict[str, Any], str]]) -> list[int]:
        sql, params = pg_statement(items)
        try:
            conn = await self._connection()
            cursor = await conn.execute(sql, params, prepare=True)
            found = await cursor.fetchone()
        except psycopg.OperationalError as exc:
            await self.close()  # reconnect for the next batch
            raise self.db.unavailable(exc) from None
        return appended_seqs(found, len(items))

    async def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None and not conn.closed:
            await conn.close()


def _fail(pending: _Pending, exc: BaseException) -> None:
    if not pending.done.done():
        pending.done.set_exception(exc)
