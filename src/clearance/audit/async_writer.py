"""Group commit of screening receipts on PostgreSQL from an asyncio event loop (the API server).

:class:`AsyncReceiptWriter` does what :class:`~clearance.audit.writer.ReceiptWriter` does —
receipts queued while a batch is being written are appended together, in order, in one
statement (:data:`~clearance.audit.writer.PG_BATCH`, or
:data:`~clearance.audit.writer.PG_ONE` for one) that locks the chain head — but on the server's
own event loop with psycopg's asynchronous connection instead of a thread. A recorded request
then costs one database round trip that the loop waits for like any socket, and no longer two
thread wake-ups (the request handing its receipt to the writer thread, the thread handing the
commit back), which on a busy machine cost more than the statement itself. A receipt alone
(every one, from a single client) skips psycopg's cursor as well: its statement is prepared once
per connection and sent straight through libpq, the parameters as text.

The guarantee is unchanged: a caller is answered only after the statement that appends its
receipt has committed (autocommit: the statement is its own transaction), so a receipt reported
as recorded is in the database; a failed batch is retried one receipt at a time, and a database
that cannot be reached fails every waiting caller with
:class:`~clearance.db.engine.DatabaseUnavailable`. Writers in other processes or threads lock
the same head row, so the chain never forks.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import generators, pq

from clearance.audit.log import PG_APPEND
from clearance.audit.receipts import PG_INDEX
from clearance.audit.writer import MAX_BATCH, appended_seqs, pg_row, pg_statement
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
            conn.pgconn.send_prepare(ONE_NAME, ONE_SQL)
            await _result(conn, pq.ExecStatus.COMMAND_OK)
        return conn

    async def _append(self, items: list[tuple[dict[str, Any], str]]) -> list[int]:
        try:
            conn = await self._connection()
            if len(items) == 1:
                found = await _append_one(conn, *items[0])
            else:
                sql, params = pg_statement(items)
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


def _numbered(sql: str) -> tuple[bytes, tuple[str, ...]]:
    """``sql`` with its ``:name`` parameters numbered ``$1``, ``$2``…, and the names in order."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    return re.sub(r":(\w+)", number, sql).encode(), tuple(names)


# One receipt: the one-row statement (PG_ONE), prepared once per connection and sent straight
# through libpq with its parameters as text (every one is cast in the statement). psycopg's
# cursor (query conversion, adapters, its prepared-statement cache, row making) cost the
# server process more per receipt than the statement costs PostgreSQL.
ONE_NAME = b"clearance_append_receipt"
ONE_SQL, ONE_PARAMS = _numbered(PG_APPEND.format(also=",\n" + PG_INDEX))


def _text(value: Any) -> bytes | None:
    """A parameter in PostgreSQL's text form (``NULL`` as None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return b"t" if value else b"f"
    if isinstance(value, datetime):
        return value.isoformat().encode()
    return str(value).encode()


async def _result(conn: psycopg.AsyncConnection[Any], status: pq.ExecStatus) -> pq.abc.PGresult:
    """Wait for the result of what was sent on ``conn.pgconn``; the error it carries raised."""
    res: pq.abc.PGresult = (await conn.wait(generators.execute(conn.pgconn)))[-1]
    if res.status != status:
        raise psycopg.errors.error_from_result(res, encoding=conn.info.encoding)
    return res


async def _append_one(
    conn: psycopg.AsyncConnection[Any], body: dict[str, Any], actor: str
) -> tuple[bytes | None] | None:
    """Append one receipt; the statement's result row (the new head's seq) or None."""
    row = pg_row(body, actor)
    row["r_id"] = row["ref"]
    conn.pgconn.send_query_prepared(ONE_NAME, [_text(row[name]) for name in ONE_PARAMS])
    res = await _result(conn, pq.ExecStatus.TUPLES_OK)
    return (res.get_value(0, 0),) if res.ntuples else None


def _fail(pending: _Pending, exc: BaseException) -> None:
    if not pending.done.done():
        pending.done.set_exception(exc)
