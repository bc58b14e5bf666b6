"""Recording a screening with alerts on PostgreSQL from an asyncio event loop (the API server).

:class:`AsyncAlertRecorder` runs the steps of :func:`~clearance.cases.recording.record_steps`
— the good-guy look-up, each case opened or joined, the receipt's row and the cases' rows with
their links, the commit — as :meth:`CaseService.record
<clearance.cases.service.CaseService.record>` does on PostgreSQL, the same statements in the
same order in one transaction, but on the server's event loop over connections of its own
(psycopg's asynchronous ones, in pipeline mode): no worker thread, so an alert costs no
hand-off of the interpreter lock per round trip, and ``BEGIN`` rides with the first statement.
The rows are appended and the transaction committed in one round trip (the head locked only
while the server runs them); the caller is answered after the commit. A recording the caller
stops waiting for (cancelled) still runs to its end. A database that cannot be reached fails
the call with :class:`~clearance.db.engine.DatabaseUnavailable`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from typing import Any, TypeVar

import psycopg
from psycopg.rows import namedtuple_row

from clearance.audit.async_writer import CONNECT_TIMEOUT, psycopg_url
from clearance.audit.log import pg_append
from clearance.audit.receipts import ScreeningContext, pg_receipt
from clearance.cases.alerts import Ask, case_steps, link_row, pg_ask
from clearance.cases.goodguy import PG_CLEARS, verdicts
from clearance.cases.recording import GOODGUY, EntityLookup, Recorded, Steps, record_steps
from clearance.db import Database
from clearance.matching.result import ScreeningResult

MAX_CONNECTIONS = 4  # alert transactions at once (more wait for a connection)
T = TypeVar("T")


class AsyncAlertRecorder:
    """Records results with alerts submitted on one event loop (see the module)."""

    def __init__(self, db: Database, max_connections: int = MAX_CONNECTIONS) -> None:
        if not db.is_postgres:
            raise ValueError("AsyncAlertRecorder needs PostgreSQL")
        self.db = db
        self._url = psycopg_url(db)
        self._idle: list[psycopg.AsyncConnection[Any]] = []
        self._slots = asyncio.Semaphore(max_connections)
        self.recorded = 0  # transactions committed (tests, benchmarks)

    async def record(
        self,
        result: ScreeningResult,
        context: ScreeningContext,
        actor: str,
        entity: EntityLookup,
        source: str = "api",
    ) -> Recorded:
        """One receipt for ``result`` and its cases, committed (see
        :func:`~clearance.cases.recording.record_steps`)."""
        steps = record_steps(result, context, actor, entity, source)
        task = asyncio.get_running_loop().create_task(self._record(steps, actor))
        return await asyncio.shield(task)

    async def _record(self, steps: Steps, actor: str) -> Recorded:
        async with self._slots:
            try:
                conn = self._idle.pop() if self._idle else await self._connect()
            except psycopg.OperationalError as exc:
                raise self.db.unavailable(exc) from None
            try:
                recorded = await _transaction(conn, steps, actor)
            except psycopg.OperationalError as exc:
                raise self.db.unavailable(exc) from None
            finally:
                if not conn.closed:  # committed or rolled back: ready for the next
                    self._idle.append(conn)
            self.recorded += 1
            return recorded

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        return await psycopg.AsyncConnection.connect(
            self._url, connect_timeout=CONNECT_TIMEOUT, row_factory=namedtuple_row
        )

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        for conn in idle:
            await conn.close()


async def _transaction(conn: psycopg.AsyncConnection[Any], steps: Steps, actor: str) -> Recorded:
    """Run ``steps`` in one transaction on ``conn`` and commit; on any failure the transaction
    is rolled back (a connection that failed is closed)."""
    try:
        async with conn.pipeline(), conn.cursor() as cursor:
            answer: Any = None
            recorded: Recorded
            while True:
                try:
                    need, args = steps.send(answer)
                except StopIteration as stop:
                    body, recorded, links = stop.value
                    break
                if need == GOODGUY:
                    ids = [e.id for e in args["entities"]]
                    rows = await _rows(cursor, PG_CLEARS, {"subject": args["subject"], "ids": ids})
                    answer = verdicts(rows, args["entities"])
                else:
                    answer = await _case(cursor, case_steps(**args))
            rid = recorded.receipt
            appended = [pg_receipt(body, actor)]
            appended += [link_row(case_id, rid, actor, event) for case_id, event in links]
            for event, also, values in appended:
                await cursor.execute(*pg_append(event, also, values, strict=True), prepare=True)
            await conn.commit()
    except BaseException:
        await _abandon(conn)
        raise
    return recorded


async def _rows(cursor: psycopg.AsyncCursor[Any], sql: str, params: dict[str, Any]) -> list[Any]:
    """The rows of ``sql`` run prepared in the pipeline (its results fetched: a round trip)."""
    await cursor.execute(sql, params, prepare=True)
    return await cursor.fetchall()


async def _case(cursor: psycopg.AsyncCursor[Any], steps: Generator[Ask, Any, T]) -> T:
    """Run a case's steps (:func:`~clearance.cases.alerts.case_steps`); the case and event."""
    answer: Any = None
    while True:
        try:
            ask = steps.send(answer)
        except StopIteration as stop:
            found: T = stop.value
            return found
        rows = await _rows(cursor, *pg_ask(ask))
        answer = rows[0][0] if rows else None


async def _abandon(conn: psycopg.AsyncConnection[Any]) -> None:
    """Roll back what ``conn`` did; close it when that fails too (the server rolls back)."""
    try:
        await conn.rollback()
    except Exception:  # noqa: BLE001 - a broken connection is closed, never reused
        await conn.close()
