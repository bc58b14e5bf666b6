"""Receipts appended from a known chain head, as arrays of the tables' own row types.

The receipt writer on the event loop (:mod:`clearance.audit.async_writer`) learns the chain
head from every statement it runs. While nobody else appends, it knows the head its next batch
starts from: it hashes the batch's rows itself (the text :func:`~clearance.audit.chain.row_hash`
hashes, the hash the server would compute) and sends :data:`ROWS_SQL`, which moves the head only
if it still is what the writer knows (``WHERE seq = … AND hash = …``, evaluated under the head
row's lock, on the row version that holds it) and inserts the audit rows (each its receipt's
index row too: the view ``receipts``) only when it did. If another writer appended in between
— or the statement it was sent behind failed — it changes nothing and returns no row, and the
writer sends the batch again hashed on the server from the locked head: the chain never forks.

The rows go as one parameter, a binary array of ``audit_log`` records, inserted with ``SELECT *
FROM unnest(…)``: one function scan, no per-column expressions. The statement that hashes on
the server spends most of its instructions starting its executor (a recursive common table
expression, scans of it, a subscript expression per column and row) and reading its array
parameters; this one costs the backend about a third less per receipt in batches of two to
six (``benchmarks/receipt_statements.py --known-head``). One receipt alone keeps the one-row
statement (as cheap on the server).

A record's binary form follows the table's columns in the database's own order, read from the
catalog when the writer connects (:data:`LAYOUT_SQL`, :func:`row_layout`); a table with a
column or type this module does not know gives no layout, and the writer then always hashes on
the server.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from clearance.audit.pg_params import ROW_COLUMNS, Row

ROWS_NAME = b"clearance_append_receipt_rows"
ROWS_SQL = b"""
WITH h AS (
  UPDATE audit_head SET seq = $3, hash = $4 WHERE id = 1 AND seq = $1 AND hash = $2
  RETURNING seq
),
r AS (INSERT INTO audit_log SELECT * FROM unnest($5::audit_log[]) WHERE EXISTS (SELECT FROM h))
SELECT seq FROM h
"""
ROWS_FORMATS = (0, 0, 0, 0, 1)  # the head as text, the record array binary

# the table's row type and its columns (name, type), in the table's order
LAYOUT_SQL = (
    b"SELECT c.relname, c.reltype, a.attname, a.atttypid FROM pg_attribute a "
    b"JOIN pg_class c ON c.oid = a.attrelid "
    b"WHERE c.oid = 'audit_log'::regclass "
    b"AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
)

# a receipt's values as rows_params has them: its pg_params.receipt_row, then seq, prev, hash
SEQ, PREV, HASH = len(ROW_COLUMNS), len(ROW_COLUMNS) + 1, len(ROW_COLUMNS) + 2
_AT = ROW_COLUMNS.index


def _where(name: str) -> int:
    return {"seq": SEQ, "prev_hash": PREV, "row_hash": HASH}.get(name) or _AT(name)


# a column of the table: where its value is in a receipt's values
LOG_COLUMNS = {name: _where(name) for name in ("seq", "kind", "ref", "actor", "at", "body",
                                               "body_sha256", "prev_hash", "row_hash")}  # fmt: skip
_HASHED = tuple(_AT(n) for n in ("kind", "ref", "actor", "at", "body_sha256"))

_ARRAY_HEAD = struct.Struct("!iiIii").pack  # dimensions, has NULLs, element type, length, base
_COUNT = struct.Struct("!i").pack
_INT8 = struct.Struct("!q").pack
_TYPE = struct.Struct("!I").pack
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # PostgreSQL's timestamps count from here


def _text(value: bytes) -> bytes:
    return value


def _int8(value: bytes) -> bytes:
    return _INT8(int(value))


def _boolean(value: bytes) -> bytes:
    return b"\x01" if value == b"t" else b"\x00"


def _timestamptz(value: bytes) -> bytes:
    """ISO 8601 with its offset as microseconds since 2000-01-01 UTC; a time without an
    offset raises (the server would read it in its session's zone: such a batch is hashed on
    the server)."""
    at = datetime.fromisoformat(value.decode())
    if at.tzinfo is None:
        raise ValueError(f"receipt time without an offset: {value!r}")
    delta = at - _EPOCH
    return _INT8((delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds)


ENCODERS: dict[int, Callable[[bytes], bytes]] = {
    25: _text,  # text
    1043: _text,  # character varying
    20: _int8,  # bigint
    16: _boolean,
    1184: _timestamptz,
}

# a column as encoded: where its value is, its type as a record field's first four bytes, its
# encoder (None: the value's bytes as they are)
Column = tuple[int, bytes, Callable[[bytes], bytes] | None]
_NO_VALUE = _COUNT(-1)


@dataclass(frozen=True, slots=True)
class RowLayout:
    """The audit log's row type and columns, as the database has them."""

    log_type: int
    log: tuple[Column, ...]
    usual: bool = False  # the columns and types the migrations create, in their order


# The table as the migrations create it: the records are then built field by field in one
# expression (_usual_records) instead of a loop over the columns, for half the Python.
USUAL = (
    ("audit_log", (("seq", 20), ("kind", 1043), ("ref", 1043), ("actor", 1043), ("at", 1043),
                   ("body", 25), ("body_sha256", 1043), ("prev_hash", 1043),
                   ("row_hash", 1043))),
)  # fmt: skip


def row_layout(rows: Sequence[tuple[str, int, str, int]]) -> RowLayout | None:
    """The layout from :data:`LAYOUT_SQL`'s rows ``(table, row type, column, type)``; None
    when the table has a column or a type this module does not write, or lacks one."""
    tables: dict[str, tuple[int, list[tuple[str, int]]]] = {}
    for table, reltype, column, typ in rows:
        tables.setdefault(table, (int(reltype), []))[1].append((column, int(typ)))
    if "audit_log" not in tables:
        return None
    reltype, columns = tables["audit_log"]
    names = [c for c, _ in columns]
    if sorted(names) != sorted(LOG_COLUMNS) or any(t not in ENCODERS for _, t in columns):
        return None
    encoded = tuple(
        (LOG_COLUMNS[c], _TYPE(t), None if ENCODERS[t] is _text else ENCODERS[t])
        for c, t in columns
    )
    usual = all(tuple(tables.get(t, (0, []))[1]) == cols for t, cols in USUAL)
    return RowLayout(reltype, encoded, usual)


def _record(columns: tuple[Column, ...], values: Sequence[bytes | None]) -> bytes:
    parts = [_COUNT(len(columns))]
    add = parts.append
    for where, typ, encode in columns:
        value = values[where]
        if value is None:
            add(typ + _NO_VALUE)
            continue
        if encode is not None:
            value = encode(value)
        add(typ + _COUNT(len(value)))
        add(value)
    record = b"".join(parts)
    return _COUNT(len(record)) + record


_VARCHAR, _TEXT, _BIGINT = (_TYPE(t) for t in (1043, 25, 20))
_LOG_HEAD = _COUNT(9) + _BIGINT + _COUNT(8)


def _usual_record(row: Row, seq: int, prev: bytes, digest: bytes) -> bytes:
    """The ``audit_log`` record of one receipt when the table is :data:`USUAL` (what
    :func:`_record` makes of it, in one expression)."""
    kind, ref, actor, at, sha, body = row
    if kind is None or ref is None or actor is None or at is None or sha is None:
        raise ValueError("a receipt without its kind, id, actor, time or hash")
    if body is None:
        raise ValueError("a receipt without its body")
    log = b"".join((
        _LOG_HEAD, _INT8(seq), _VARCHAR, _COUNT(len(kind)), kind, _VARCHAR, _COUNT(len(ref)), ref,
        _VARCHAR, _COUNT(len(actor)), actor, _VARCHAR, _COUNT(len(at)), at,
        _TEXT, _COUNT(len(body)), body, _VARCHAR, _COUNT(len(sha)), sha,
        _VARCHAR, _COUNT(len(prev)), prev, _VARCHAR, _COUNT(len(digest)), digest,
    ))  # fmt: skip
    return _COUNT(len(log)) + log


def rows_params(
    layout: RowLayout, head: tuple[int, bytes], rows: Sequence[Row]
) -> tuple[list[bytes | None], tuple[int, bytes]]:
    """The parameters of :data:`ROWS_SQL` appending ``rows`` (each receipt's
    :func:`~clearance.audit.pg_params.receipt_row`) after ``head`` (seq, hash as ASCII bytes),
    and the head after them. Raises ValueError for a row this statement cannot carry (a
    receipt time without an offset, for a table with a timestamp column): such a batch is
    hashed on the server."""
    seq, prev = head
    logs: list[bytes] = []
    for row in rows:
        seq += 1
        seq_text = str(seq).encode()
        hashed = [seq_text, *(row[i] or b"" for i in _HASHED), prev]
        digest = hashlib.sha256(b"\n".join(hashed)).hexdigest().encode()
        if layout.usual:
            logs.append(_usual_record(row, seq, prev, digest))
        else:
            logs.append(_record(layout.log, (*row, seq_text, prev, digest)))
        prev = digest
    count = len(rows)
    return [
        str(head[0]).encode(), head[1], str(seq).encode(), prev,
        _ARRAY_HEAD(1, 0, layout.log_type, count, 1) + b"".join(logs),
    ], (seq, prev)  # fmt: skip
