"""Group commit of screening receipts on PostgreSQL from an asyncio event loop (the API server).

:class:`AsyncReceiptWriter` does what :class:`~clearance.audit.writer.ReceiptWriter` does —
receipts queued while a batch is being written are appended together, in order, in one
statement (the multi-row :data:`~clearance.audit.writer.PG_BATCH`, or the one-row statement of
:func:`~clearance.audit.receipts.write_receipt` for one) that locks the chain head — but on the
server's own event loop, over up to two connections driven straight through libpq:

* while one batch's statement is in flight, the next batch is sent on the other connection
  (:data:`LANES`): its statement waits in its backend for the chain head's row lock and runs
  the moment the first commits, without a round trip through this loop — whose turn may come
  only after a request's matching — in between;
* both statements are prepared once per connection and sent with their parameters as text
  (every one is cast in the statement), a batch's columns as arrays: its ``text[]`` ones in
  PostgreSQL's binary array form (length-prefixed elements: nothing quoted here, nothing
  unquoted by the server, which had spent a tenth of its time per batch parsing the quoted
  JSON bodies), its ``timestamptz[]`` and ``boolean[]`` as array literals; so a receipt pays no
  query conversion, adapters or cursor;
* the connection's socket stays registered with the loop (one reader callback for the life of
  the connection), and the request that finds no statement in flight sends its batch itself:
  no task, no generator and no selector change per receipt — what psycopg's own wait machinery
  cost the server process on every round trip, more than building the receipt.

The guarantee is unchanged: a caller is answered only after the statement that appends its
receipt has committed (autocommit: the statement is its own transaction), so a receipt reported
as recorded is in the database. At most one statement is in flight per connection, and the
head row's lock makes the two connections' statements append one after the other (usually in
the order they were sent; the chain records the order they committed). A failed batch is
retried one receipt at a time (a bad receipt fails alone), and a database that cannot be
reached fails the waiting callers with :class:`~clearance.db.engine.DatabaseUnavailable` (the
next receipt connects again; a second connection that cannot be opened leaves the receipts to
the first). Writers in other processes or threads, and the writer's own second connection,
lock the same head row, so the chain never forks.
"""

from __future__ import annotations

import asyncio
import select
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import generators, pq

from clearance.audit.pg_params import (
    BATCH_FORMATS,
    BATCH_NAME,
    BATCH_SQL,
    ONE_NAME,
    ONE_SQL,
    Row,
    batch_params,
    one_params,
    receipt_row,
)
from clearance.audit.row_arrays import (
    LAYOUT_SQL,
    ROWS_FORMATS,
    ROWS_NAME,
    ROWS_SQL,
    RowLayout,
    row_layout,
    rows_params,
)
from clearance.audit.writer import MAX_BATCH, appended_seqs
from clearance.db import Database

CONNECT_TIMEOUT = 10
# A batch is sent once the loop has turned this many times without a new receipt (the requests
# already read from their sockets have had their turn to join it), or after GATHER_SECONDS.
QUIET_TURNS = 3
GATHER_SECONDS = 0.002
# After this many gatherings in a row found no company (one client), a receipt is sent at once,
# but for one in PROBE_EVERY, until receipts queue behind a statement in flight again.
LONE_GATHERS = 4
PROBE_EVERY = 16
# Connections: while one batch's statement commits, the next is sent on another and waits in
# its backend for the chain head's row lock, running the moment the first commits.
LANES = 2
_TUPLES_OK = pq.ExecStatus.TUPLES_OK  # (an enum member read once, not on every result)


@dataclass(frozen=True, slots=True)
class _Pending:
    body: dict[str, Any]
    actor: str
    done: asyncio.Future[int]


def psycopg_url(db: Database) -> str:
    """The libpq URL of a PostgreSQL :class:`Database` (SQLAlchemy's, without the driver)."""
    url = db.engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class _Lane:
    """One connection of the writer and the batch whose statement is in flight on it."""

    __slots__ = ("conn", "fd", "flight", "moves_to", "results", "sent")

    def __init__(self) -> None:
        self.conn: psycopg.AsyncConnection[Any] | None = None
        self.fd = -1  # the connection's socket, registered with the loop
        self.flight: list[_Pending] | None = None
        self.results: list[pq.abc.PGresult] = []
        self.sent = 0.0  # when the batch in flight was sent (the loop's clock)
        # the head the statement in flight moves to, if sent from a known head (row_arrays)
        self.moves_to: tuple[int, bytes] | None = None


class AsyncReceiptWriter:
    """Appends receipts submitted on one event loop, in batches, over up to ``lanes``
    connections (one statement in flight on each)."""

    def __init__(
        self,
        db: Database,
        max_batch: int = MAX_BATCH,
        loop: asyncio.AbstractEventLoop | None = None,
        lanes: int = LANES,
    ) -> None:
        """``loop``: the event loop it serves (else the one its first receipt comes on)."""
        if not db.is_postgres:
            raise ValueError("AsyncReceiptWriter needs PostgreSQL")
        if lanes < 1:
            raise ValueError("AsyncReceiptWriter needs at least one connection")
        self.db = db
        self.max_batch = max_batch
        self._url = psycopg_url(db)
        self._queue: list[_Pending] = []
        self._singles: list[_Pending] = []  # of a failed batch: retried one at a time, first
        self._lanes = [_Lane() for _ in range(lanes)]
        # while a batch gathers: [receipts queued, quiet turns, since] (see _gather)
        self._gathering: list[float] | None = None
        self._lonely = 0  # gatherings in a row that found no company
        self._skipped = 0  # receipts sent at once since the last gathering
        self.gatherings = 0
        self._loop = loop
        self._connecting: asyncio.Task[None] | None = None
        self.batches = 0  # transactions and receipts written (tests, benchmarks)
        self.written = 0
        self.behind = 0  # batches sent while another was in flight (waiting for its commit)
        self.flight_seconds = 0.0  # sent -> result, summed over the batches answered
        # The chain head after the latest of this writer's statements to commit (the highest
        # seq any of their results gave: the lanes' statements may commit in either order),
        # None when not known (the next batch is hashed on the server); the tables' row layout
        # (None: always hashed there).
        self._head: tuple[int, bytes] | None = None
        self._layout: RowLayout | None = None
        self.from_known_head = 0  # batches appended with rows hashed here (row_arrays)
        self.stale = 0  # of those, sent from a head another writer had moved: sent again

    @property
    def connections(self) -> int:
        """How many connections the writer holds open."""
        return sum(1 for lane in self._lanes if lane.conn is not None)

    async def write(self, body: dict[str, Any], actor: str) -> int:
        """Queue a receipt and wait until it is committed; its audit seq."""
        return await self.submit(body, actor)

    def submit(self, body: dict[str, Any], actor: str) -> asyncio.Future[int]:
        """Queue a receipt; a future of its audit seq, set once it is committed. A lone
        receipt's statement is sent before this returns (one client: nothing to gather), so
        the caller can prepare its answer while the statement runs. Call on the loop."""
        # the loop held, not asked for: Python 3.11's get_running_loop is a getpid system call
        loop = self._loop
        if loop is None:
            loop = self._loop = asyncio.get_running_loop()
        done: asyncio.Future[int] = loop.create_future()
        self._queue.append(_Pending(body, actor, done))
        if self._gathering is None and self._idle() is not None:
            if self._lonely >= LONE_GATHERS and self._skipped < PROBE_EVERY:
                self._skipped += 1
                self._next()
            else:
                self._gather(loop)
        # a caller that goes away (its future cancelled) leaves its receipt to be written
        return done

    def _idle(self, connected: bool = False) -> _Lane | None:
        """The first lane with no statement in flight (``connected``: and a connection), or
        None. (A loop, not a generator expression: this runs a few times a receipt.)"""
        for lane in self._lanes:
            if lane.flight is None and (lane.conn is not None or not connected):
                return lane
        return None

    def _busy(self, but: _Lane | None = None) -> bool:
        """Whether a lane other than ``but`` has a statement in flight."""
        for lane in self._lanes:  # noqa: SIM110 - a loop: no generator made a receipt
            if lane.flight is not None and lane is not but:
                return True
        return False

    def _gather(self, loop: asyncio.AbstractEventLoop) -> None:
        """Let the receipts of the requests the loop is about to run join the next batch:
        send it once :data:`QUIET_TURNS` turns of the loop brought no new receipt (at once
        when nothing else is running), the batch is full, or after :data:`GATHER_SECONDS`."""
        self._gathering = [len(self._queue), 0, loop.time()]
        self._skipped = 0
        self.gatherings += 1
        loop.call_soon(self._turn, loop)

    def _turn(self, loop: asyncio.AbstractEventLoop) -> None:
        state = self._gathering
        if state is None:
            return
        queued = len(self._queue)
        if queued > state[0]:
            state[0], state[1] = queued, 0
        else:
            state[1] += 1
        if (
            state[1] < QUIET_TURNS
            and queued < self.max_batch
            and loop.time() - state[2] < GATHER_SECONDS
        ):
            loop.call_soon(self._turn, loop)
            return
        self._gathering = None
        self._lonely = self._lonely + 1 if queued == 1 else 0
        self._next()

    def _next(self) -> None:
        """Send the next batches on the connections with nothing in flight: a receipt of a
        failed batch, else what is queued; connect one more when none is free."""
        while self._singles or self._queue:
            lane = self._idle(connected=True)
            if lane is None:
                if self._connecting is None and any(x.conn is None for x in self._lanes):
                    self._connecting = asyncio.get_running_loop().create_task(self._connect())
                return
            assert lane.conn is not None
            if self._singles:
                batch = [self._singles.pop(0)]
            else:
                batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
            self._send(lane, lane.conn.pgconn, batch)

    def _send(self, lane: _Lane, pgconn: pq.abc.PGconn, batch: list[_Pending]) -> None:
        rows: list[Row] = []
        sent: list[_Pending] = []
        for p in batch:
            try:
                rows.append(receipt_row(p.body, p.actor))
            except Exception as exc:  # noqa: BLE001 - a receipt that cannot be written fails alone
                _fail(p, exc)
            else:
                sent.append(p)
        if not sent:
            return
        if self._busy():
            self.behind += 1  # its statement waits in its backend for the head row's lock
        lane.flight = sent
        lane.sent = self._loop.time() if self._loop is not None else 0.0
        try:
            known = self._from_head(lane, rows)
            if known is not None:
                pgconn.send_query_prepared(ROWS_NAME, known, ROWS_FORMATS)
            elif len(sent) == 1:
                pgconn.send_query_prepared(ONE_NAME, one_params(rows[0]))
            else:
                pgconn.send_query_prepared(BATCH_NAME, batch_params(rows), BATCH_FORMATS)
            while pgconn.flush():  # a large batch may not fit the socket's buffer at once
                _wait_writable(pgconn)
        except psycopg.Error as exc:
            self._lost(lane, exc)

    def _from_head(self, lane: _Lane, rows: list[Row]) -> list[bytes | None] | None:
        """The parameters of :data:`~clearance.audit.row_arrays.ROWS_SQL` for ``rows`` when
        the head is known and no other statement is in flight (the head they move it to
        noted); else None: hash on the server. (A statement sent behind another finds the head
        the database shows it — not yet moved — and changes nothing: its condition is checked
        before it would wait for the head row's lock. The batch statement locks first.)"""
        head, lane.moves_to = self._head, None
        if head is None or self._layout is None or len(rows) == 1:
            return None  # (one receipt: the one-row statement costs the server as much)
        if self._busy(but=lane):
            return None
        try:
            params, lane.moves_to = rows_params(self._layout, head, rows)
        except ValueError:  # e.g. a time without an offset: the server reads it as before
            return None
        return params

    def _readable(self, lane: _Lane) -> None:
        """A connection's socket is readable: collect results; at the end of the statement,
        answer its batch and send the next."""
        conn = lane.conn
        if conn is None:
            return
        pgconn = conn.pgconn
        try:
            pgconn.consume_input()
            if lane.flight is None:  # nothing asked: a notice, or the server going away
                if pgconn.status != pq.ConnStatus.OK:
                    self._lost(lane, psycopg.OperationalError("the connection was closed"))
                return
            while not pgconn.is_busy():
                res = pgconn.get_result()
                if res is None:
                    self._finished(lane)
                    return
                lane.results.append(res)
        except psycopg.Error as exc:
            self._lost(lane, exc)

    def _finished(self, lane: _Lane) -> None:
        batch, lane.flight = lane.flight or [], None
        results, lane.results = lane.results, []
        res = results[-1] if results else None
        moved_to, lane.moves_to = lane.moves_to, None
        rows = res.ntuples if res is not None and res.status == _TUPLES_OK else -1
        if rows > 0 and res is not None:
            after = moved_to or _head_of(res)  # the head right after this statement's commit
            if after is not None and (self._head is None or after[0] > self._head[0]):
                self._head = after
        if res is not None and rows >= 0:
            if moved_to is not None and not rows:
                # the head was not where this writer knew it (another writer appended, or the
                # statement this one was sent behind failed): nothing written; again, hashed
                # on the server
                self.stale += 1
                self._head = None
                self._queue[:0] = batch
                self._next()
                return
            try:
                seqs = appended_seqs((res.get_value(0, 0),) if rows else None, len(batch))
            except Exception as exc:  # noqa: BLE001 - no head row: every caller hears it
                for p in batch:
                    _fail(p, exc)
            else:
                if self._loop is not None:
                    self.flight_seconds += self._loop.time() - lane.sent
                self.from_known_head += moved_to is not None
                self._answer(batch, seqs)
        else:
            conn = lane.conn
            encoding = conn.info.encoding if conn is not None else "utf-8"
            error: Exception = (
                psycopg.errors.error_from_result(res, encoding=encoding)
                if res is not None
                else psycopg.InternalError("no result")
            )
            if conn is None or conn.pgconn.status != pq.ConnStatus.OK:
                lane.flight = batch
                self._lost(lane, error)
                return
            if len(batch) == 1:
                _fail(batch[0], error)
            else:
                self._singles[:0] = batch
        if self._singles or not self._queue:
            self._next()
        elif self._gathering is None and self._loop is not None:  # what queued meanwhile
            self._lonely = 0  # gathers company too
            self._gather(self._loop)

    def _answer(self, batch: list[_Pending], seqs: list[int]) -> None:
        self.batches += 1
        self.written += len(batch)
        for p, seq in zip(batch, seqs, strict=True):
            if not p.done.done():  # a caller gone away (cancelled) needs no answer
                p.done.set_result(seq)

    def _lost(self, lane: _Lane, exc: Exception) -> None:
        """A connection failed: its batch in flight fails as unavailable; the next batch
        connects again."""
        batch, lane.flight = lane.flight or [], None
        lane.results, lane.moves_to, self._head = [], None, None
        conn = self._unregister(lane)
        if conn is not None:
            conn.pgconn.finish()
        unavailable = self.db.unavailable(exc)
        for p in batch:
            _fail(p, unavailable)
        if self._singles or self._queue:
            self._next()

    async def _connect(self) -> None:
        """Open a connection for a lane without one; when none can be opened and no other
        lane is connected, the receipts waiting fail as unavailable."""
        loop = asyncio.get_running_loop()
        try:
            conn = await psycopg.AsyncConnection.connect(
                self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            )
            try:
                for name, sql in ((ONE_NAME, ONE_SQL), (BATCH_NAME, BATCH_SQL)):
                    conn.pgconn.send_prepare(name, sql)
                    await _result(conn, pq.ExecStatus.COMMAND_OK)
                layout = await _layout(conn)
                if layout is not None:
                    conn.pgconn.send_prepare(ROWS_NAME, ROWS_SQL)
                    await _result(conn, pq.ExecStatus.COMMAND_OK)
            except BaseException:
                await conn.close()
                raise
        except (psycopg.OperationalError, OSError) as exc:
            if self.connections == 0:  # else the connected lanes take what waits
                waiting, self._singles, self._queue = self._singles + self._queue, [], []
                unavailable = self.db.unavailable(exc)
                for p in waiting:
                    _fail(p, unavailable)
            return
        finally:
            self._connecting = None
        lane = next(x for x in self._lanes if x.conn is None)
        lane.conn, lane.fd, self._loop = conn, conn.pgconn.socket, loop
        self._layout = layout
        loop.add_reader(lane.fd, self._readable, lane)
        self._next()

    def _unregister(self, lane: _Lane) -> psycopg.AsyncConnection[Any] | None:
        """Forget a lane's connection (its socket no longer watched); the connection."""
        conn, lane.conn = lane.conn, None
        if self._loop is not None and lane.fd >= 0:
            self._loop.remove_reader(lane.fd)
        lane.fd = -1
        return conn

    async def close(self) -> None:
        for lane in self._lanes:
            conn = self._unregister(lane)
            if conn is not None and not conn.closed:
                await conn.close()

    async def prepared(self) -> list[str]:
        """The names of the statements prepared on the writer's first connection (tests);
        connects first when needed. Not while a statement is in flight on it."""
        lane = self._lanes[0]
        if lane.conn is None or lane.conn.closed:
            await self._connect()
        assert lane.conn is not None and lane.flight is None
        res = lane.conn.pgconn.exec_(b"SELECT name FROM pg_prepared_statements ORDER BY name")
        return [bytes(res.get_value(i, 0) or b"").decode() for i in range(res.ntuples)]


def _head_of(res: pq.abc.PGresult) -> tuple[int, bytes] | None:
    """The chain head from the result of a statement that hashed on the server: its first
    column the last row's seq, its last the row's hash (None: no row)."""
    if res.status != _TUPLES_OK or not res.ntuples or res.nfields < 2:
        return None
    seq, digest = res.get_value(0, 0), res.get_value(0, res.nfields - 1)
    if seq is None or digest is None:
        return None
    return int(bytes(seq)), bytes(digest)


async def _layout(conn: psycopg.AsyncConnection[Any]) -> RowLayout | None:
    """The tables' row layout on ``conn`` (see :func:`~clearance.audit.row_arrays.row_layout`)."""
    conn.pgconn.send_query(LAYOUT_SQL)
    res = await _result(conn, pq.ExecStatus.TUPLES_OK)
    rows = [
        tuple(bytes(res.get_value(i, j) or b"").decode() for j in range(4))
        for i in range(res.ntuples)
    ]
    return row_layout([(t, int(rt), c, int(ct)) for t, rt, c, ct in rows])


def _wait_writable(pgconn: pq.abc.PGconn) -> None:
    """Wait until the socket takes more of a batch larger than its buffer (the server reads
    it as it parses the statement, so this is short)."""
    select.select([], [pgconn.socket], [], 1.0)


async def _result(conn: psycopg.AsyncConnection[Any], status: pq.ExecStatus) -> pq.abc.PGresult:
    """Wait for the result of what was sent on ``conn.pgconn``; the error it carries raised."""
    res: pq.abc.PGresult = (await conn.wait(generators.execute(conn.pgconn)))[-1]
    if res.status != status:
        raise psycopg.errors.error_from_result(res, encoding=conn.info.encoding)
    return res


def _fail(pending: _Pending, exc: BaseException) -> None:
    if not pending.done.done():
        pending.done.set_exception(exc)
