"""Group commit of screening receipts on PostgreSQL from an asyncio event loop (the API server).

:class:`AsyncReceiptWriter` does what :class:`~clearance.audit.writer.ReceiptWriter` does —
receipts queued while a batch is being written are appended together, in order, in one
statement (the multi-row :data:`~clearance.audit.writer.PG_BATCH`, or the one-row statement of
:func:`~clearance.audit.receipts.write_receipt` for one) that locks the chain head — but on the
server's own event loop, over one connection driven straight through libpq:

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
as recorded is in the database; one statement is in flight at a time, so batches commit in the
order they were queued. A failed batch is retried one receipt at a time (a bad receipt fails
alone), and a database that cannot be reached fails the waiting callers with
:class:`~clearance.db.engine.DatabaseUnavailable` (the next receipt connects again). Writers in
other processes or threads lock the same head row, so the chain never forks.
"""

from __future__ import annotations

import asyncio
import re
import select
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import generators, pq

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import PG_APPEND
from clearance.audit.receipts import PG_INDEX, RECEIPT
from clearance.audit.writer import MAX_BATCH, PG_BATCH, appended_seqs
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


@dataclass(frozen=True, slots=True)
class _Pending:
    body: dict[str, Any]
    actor: str
    done: asyncio.Future[int]


def psycopg_url(db: Database) -> str:
    """The libpq URL of a PostgreSQL :class:`Database` (SQLAlchemy's, without the driver)."""
    url = db.engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _numbered(sql: str, pattern: str) -> tuple[bytes, tuple[str, ...]]:
    """``sql`` with its named parameters (``pattern``, the name its group 1) numbered ``$1``,
    ``$2``…, and the names in order."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    return re.sub(pattern, number, sql).encode(), tuple(names)


# One receipt: the one-row statement; several: PG_BATCH (one array per column, in append order).
ONE_NAME = b"clearance_append_receipt"
ONE_SQL, ONE_PARAMS = _numbered(PG_APPEND.format(also=",\n" + PG_INDEX), r":(\w+)")
BATCH_NAME = b"clearance_append_receipts"
BATCH_SQL, BATCH_PARAMS = _numbered(PG_BATCH, r"%\((\w+)\)b")


# A receipt's parameters in one tuple, in :data:`BATCH_PARAMS`' order (a batch's columns are
# its rows zipped; the one-row statement takes them by position: its ``r_id`` is ``ref``).
ROW_COLUMNS = BATCH_PARAMS
ONE_POSITIONS = tuple(ROW_COLUMNS.index("ref" if n == "r_id" else n) for n in ONE_PARAMS)
_RECEIPT = RECEIPT.encode()
Row = tuple[bytes | None, ...]


def receipt_row(body: dict[str, Any], actor: str) -> Row:
    """The parameters of one receipt — the audit row's and the index row's, as
    :func:`~clearance.audit.writer.pg_row` has them — as the bytes of PostgreSQL's text form
    (``NULL`` as None), in :data:`ROW_COLUMNS`' order, built straight from the body: the body's
    canonical JSON as :func:`~clearance.audit.chain.canonical` wrote it (not decoded and encoded
    again), ``r_created`` the body's ``at`` as written (the statement casts it to
    ``timestamptz``; checked here as ISO 8601, as the index row parses it)."""
    data = canonical(body)
    ref, at = body["receipt"], body["at"]
    datetime.fromisoformat(at)  # a receipt whose time cannot be read fails alone, here
    at_text = _bytes(at)
    return (
        _RECEIPT, _bytes(ref), _bytes(actor), at_text, sha256_hex(data).encode(), data,
        _bytes(body["kind"]), at_text, _bytes(body["snapshot"]),
        b"t" if body["outcome"] == "alert" else b"f", _bytes(body.get("subject_key")),
        _bytes(body["input_sha256"]), _bytes(body.get("run")),
    )  # fmt: skip


def _bytes(value: Any) -> bytes | None:
    """A value in PostgreSQL's text form, UTF-8 (text already, as receipt_body makes them)."""
    if value.__class__ is str:
        data: bytes = value.encode()
        return data
    text = _text(value)
    return None if text is None else text.encode()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def array_literal(values: Sequence[bytes | None]) -> bytes:
    """A one-dimensional PostgreSQL array in its text form (elements quoted, NULL as NULL)."""
    quoted = [
        b"NULL" if v is None else b'"' + v.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'
        for v in values
    ]
    return b"{" + b",".join(quoted) + b"}"


TEXT_OID = 25  # PostgreSQL's text type: the element type of a binary text[] parameter
# a one-dimensional array: dimensions, has NULLs, element type, length, lower bound
_ARRAY_HEAD = struct.Struct("!iiIii").pack
_LENGTH = struct.Struct("!i").pack
_NULL = _LENGTH(-1)


def text_array(values: Sequence[str | None]) -> bytes:
    """A one-dimensional ``text[]`` in PostgreSQL's binary form (what ``array_recv`` reads):
    each element its length and UTF-8 bytes, NULL as length -1."""
    return bytes_array([None if v is None else v.encode() for v in values])


def bytes_array(values: Sequence[bytes | None]) -> bytes:
    """:func:`text_array` of values already UTF-8."""
    parts: list[bytes] = []
    nulls = 0
    for data in values:
        if data is None:
            parts.append(_NULL)
            nulls = 1
        else:
            parts.append(_LENGTH(len(data)))
            parts.append(data)
    return _ARRAY_HEAD(1, nulls, TEXT_OID, len(values), 1) + b"".join(parts)


def one_params(row: Row) -> list[bytes | None]:
    """The parameters of :data:`ONE_SQL` for one receipt's :func:`receipt_row`."""
    return [row[i] for i in ONE_POSITIONS]


# The batch's columns that are not text[] (cast to timestamptz[] and boolean[] in PG_BATCH): sent
# as array literals (text format); every other column as a binary text[] (format 1).
LITERAL_COLUMNS = frozenset({"r_created", "r_alert"})
BATCH_FORMATS = tuple(0 if name in LITERAL_COLUMNS else 1 for name in BATCH_PARAMS)


def batch_params(rows: list[Row]) -> list[bytes | None]:
    """The parameters of :data:`BATCH_SQL` in :data:`BATCH_FORMATS`, a column per parameter,
    for receipts' :func:`receipt_row`."""
    return [
        bytes_array(column) if binary else array_literal(column)
        for column, binary in zip(zip(*rows, strict=True), BATCH_FORMATS, strict=True)
    ]


class AsyncReceiptWriter:
    """Appends receipts submitted on one event loop, in batches, over one connection."""

    def __init__(
        self,
        db: Database,
        max_batch: int = MAX_BATCH,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        """``loop``: the event loop it serves (else the one its first receipt comes on)."""
        if not db.is_postgres:
            raise ValueError("AsyncReceiptWriter needs PostgreSQL")
        self.db = db
        self.max_batch = max_batch
        self._url = psycopg_url(db)
        self._queue: list[_Pending] = []
        self._singles: list[_Pending] = []  # of a failed batch: retried one at a time, first
        self._flight: list[_Pending] | None = None  # the batch whose statement is in flight
        # while a batch gathers: [receipts queued, quiet turns, since] (see _gather)
        self._gathering: list[float] | None = None
        self._lonely = 0  # gatherings in a row that found no company
        self._skipped = 0  # receipts sent at once since the last gathering
        self.gatherings = 0
        self._results: list[pq.abc.PGresult] = []
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._loop = loop
        self._connecting: asyncio.Task[None] | None = None
        self._fd = -1  # the connection's socket, registered with the loop
        self.batches = 0  # transactions and receipts written (tests, benchmarks)
        self.written = 0

    async def write(self, body: dict[str, Any], actor: str) -> int:
        """Queue a receipt and wait until it is committed; its audit seq."""
        # the loop held, not asked for: Python 3.11's get_running_loop is a getpid system call
        loop = self._loop
        if loop is None:
            loop = self._loop = asyncio.get_running_loop()
        done: asyncio.Future[int] = loop.create_future()
        self._queue.append(_Pending(body, actor, done))
        if self._flight is None and self._gathering is None:
            if self._lonely >= LONE_GATHERS and self._skipped < PROBE_EVERY:
                self._skipped += 1
                self._next()
            else:
                self._gather(loop)
        # a caller that goes away (its future cancelled) leaves its receipt to be written
        return await done

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
        if self._flight is None:
            self._next()

    def _next(self) -> None:
        """Send the next batch (nothing in flight): a receipt of a failed batch, else what is
        queued; connect first when there is no connection."""
        while self._flight is None and (self._singles or self._queue):
            conn = self._conn
            if conn is None or conn.closed:
                if self._connecting is None:
                    self._connecting = asyncio.get_running_loop().create_task(self._connect())
                return
            if self._singles:
                batch = [self._singles.pop(0)]
            else:
                batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
            self._send(conn.pgconn, batch)

    def _send(self, pgconn: pq.abc.PGconn, batch: list[_Pending]) -> None:
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
        try:
            if len(sent) == 1:
                pgconn.send_query_prepared(ONE_NAME, one_params(rows[0]))
            else:
                pgconn.send_query_prepared(BATCH_NAME, batch_params(rows), BATCH_FORMATS)
            self._flight = sent
            while pgconn.flush():  # a large batch may not fit the socket's buffer at once
                _wait_writable(pgconn)
        except psycopg.Error as exc:
            self._flight = sent
            self._lost(exc)

    def _readable(self) -> None:
        """The connection's socket is readable: collect results; at the end of the statement,
        answer its batch and send the next."""
        conn = self._conn
        if conn is None:
            return
        pgconn = conn.pgconn
        try:
            pgconn.consume_input()
            if self._flight is None:  # nothing asked: a notice, or the server going away
                if pgconn.status != pq.ConnStatus.OK:
                    self._lost(psycopg.OperationalError("the connection was closed"))
                return
            while not pgconn.is_busy():
                res = pgconn.get_result()
                if res is None:
                    self._finished()
                    return
                self._results.append(res)
        except psycopg.Error as exc:
            self._lost(exc)

    def _finished(self) -> None:
        batch, self._flight = self._flight or [], None
        results, self._results = self._results, []
        res = results[-1] if results else None
        if res is not None and res.status == pq.ExecStatus.TUPLES_OK:
            try:
                seqs = appended_seqs((res.get_value(0, 0),) if res.ntuples else None, len(batch))
            except Exception as exc:  # noqa: BLE001 - no head row: every caller hears it
                for p in batch:
                    _fail(p, exc)
            else:
                self._answer(batch, seqs)
        else:
            conn = self._conn
            encoding = conn.info.encoding if conn is not None else "utf-8"
            error: Exception = (
                psycopg.errors.error_from_result(res, encoding=encoding)
                if res is not None
                else psycopg.InternalError("no result")
            )
            if conn is None or conn.pgconn.status != pq.ConnStatus.OK:
                self._flight = batch
                self._lost(error)
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

    def _lost(self, exc: Exception) -> None:
        """The connection failed: its batch in flight fails as unavailable; the next batch
        connects again."""
        batch, self._flight = self._flight or [], None
        self._results = []
        conn = self._unregister()
        if conn is not None:
            conn.pgconn.finish()
        unavailable = self.db.unavailable(exc)
        for p in batch:
            _fail(p, unavailable)
        if self._singles or self._queue:
            self._next()

    async def _connect(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            conn = await psycopg.AsyncConnection.connect(
                self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            )
            try:
                for name, sql in ((ONE_NAME, ONE_SQL), (BATCH_NAME, BATCH_SQL)):
                    conn.pgconn.send_prepare(name, sql)
                    await _result(conn, pq.ExecStatus.COMMAND_OK)
            except BaseException:
                await conn.close()
                raise
        except (psycopg.OperationalError, OSError) as exc:
            waiting, self._singles, self._queue = self._singles + self._queue, [], []
            unavailable = self.db.unavailable(exc)
            for p in waiting:
                _fail(p, unavailable)
            return
        finally:
            self._connecting = None
        self._conn, self._loop, self._fd = conn, loop, conn.pgconn.socket
        loop.add_reader(self._fd, self._readable)
        self._next()

    def _unregister(self) -> psycopg.AsyncConnection[Any] | None:
        """Forget the connection (its socket no longer watched); the connection."""
        conn, self._conn = self._conn, None
        if self._loop is not None and self._fd >= 0:
            self._loop.remove_reader(self._fd)
        self._fd = -1
        return conn

    async def close(self) -> None:
        conn = self._unregister()
        if conn is not None and not conn.closed:
            await conn.close()

    async def prepared(self) -> list[str]:
        """The names of the statements prepared on the writer's connection (tests); connects
        first when needed. Not while a statement is in flight."""
        if self._conn is None or self._conn.closed:
            await self._connect()
        assert self._conn is not None and self._flight is None
        res = self._conn.pgconn.exec_(b"SELECT name FROM pg_prepared_statements ORDER BY name")
        return [bytes(res.get_value(i, 0) or b"").decode() for i in range(res.ntuples)]


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
