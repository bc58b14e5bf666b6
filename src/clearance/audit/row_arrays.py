"""Receipts appended from a known chain head, as arrays of the tables' own row types.

The receipt writer on the event loop (:mod:`clearance.audit.async_writer`) learns the chain
head from every statement it runs. While nobody else appends, it knows the head of its next
batch: it hashes the batch's rows itself (:func:`~clearance.audit.chain.row_hash`, the text the
server would hash) and sends :data:`ROWS_SQL`, which moves the head only if it still is what the
writer knows (``WHERE seq = … AND hash = …``, under the head row's lock) and inserts the audit
rows and their index rows only when it did. If another writer appended in between, the
statement changes nothing and returns no row, and the writer sends the batch again with the
statements that hash on the server from the locked head — the chain never forks.

The rows go as two parameters, a binary array of ``audit_log`` records and one of ``receipts``
records, inserted with ``SELECT * FROM unnest(…)``: two function scans, no per-column
expressions. The statement that hashes on the server spends most of its instructions starting
its executor (a recursive common table expression, three scans of it, a subscript expression
per column and row) and reading thirteen array parameters; this one costs the backend about a
third less per receipt in batches of three to six (``benchmarks/receipt_statements.py``).

A record's binary form follows the table's columns in the database's own order, read from the
catalog when the writer connects (:data:`LAYOUT_SQL`, :func:`row_layout`); a table with a
column or type this module does not know gives no layout, and the writer then always hashes on
the server.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from clearance.audit.chain import row_hash

ROWS_NAME = b"clearance_append_receipt_rows"
ROWS_SQL = b"""
WITH h AS (
  UPDATE audit_head SET seq = $3, hash = $4 WHERE id = 1 AND seq = $1 AND hash = $2
  RETURNING seq
),
r AS (INSERT INTO audit_log SELECT * FROM unnest($5::audit_log[]) WHERE EXISTS (SELECT FROM h)),
i AS (INSERT INTO receipts SELECT * FROM unnest($6::receipts[]) WHERE EXISTS (SELECT FROM h))
SELECT seq FROM h
"""
ROWS_FORMATS = (0, 0, 0, 0, 1, 1)  # the head as text, the two record arrays binary

# each table's row type and its columns (name, type), in the table's order
LAYOUT_SQL = (
    b"SELECT c.relname, c.reltype, a.attname, a.atttypid FROM pg_attribute a "
    b"JOIN pg_class c ON c.oid = a.attrelid "
    b"WHERE c.oid IN ('audit_log'::regclass, 'receipts'::regclass) "
    b"AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
)

# a column of each table: the key of its value in a receipt's row (see rows_params)
LOG_COLUMNS = {name: name for name in ("seq", "kind", "ref", "actor", "at", "body",
                                       "body_sha256", "prev_hash", "row_hash")}  # fmt: skip
RECEIPT_COLUMNS = {
    "id": "ref", "audit_seq": "seq", "kind": "r_kind", "created": "r_created", "actor": "actor",
    "snapshot_id": "r_snapshot", "alert": "r_alert", "subject_key": "r_subject",
    "input_sha256": "r_input", "run_id": "r_run",
}  # fmt: skip

Value = str | int | None
_ARRAY_HEAD = struct.Struct("!iiIii").pack  # dimensions, has NULLs, element type, length, base
_COUNT = struct.Struct("!i").pack
_FIELD = struct.Struct("!Ii").pack  # a record's field: its type and length
_INT8 = struct.Struct("!q").pack
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # PostgreSQL's timestamps count from here


def _text(value: Value) -> bytes:
    return str(value).encode()


def _int8(value: Value) -> bytes:
    return _INT8(int(value or 0))


def _boolean(value: Value) -> bytes:
    return b"\x01" if value == "t" else b"\x00"


def _timestamptz(value: Value) -> bytes:
    """ISO 8601 with its offset as microseconds since 2000-01-01 UTC; a time without an
    offset raises (the server would read it in its session's zone: such a batch is hashed on
    the server)."""
    at = datetime.fromisoformat(str(value))
    if at.tzinfo is None:
        raise ValueError(f"receipt time without an offset: {value!r}")
    delta = at - _EPOCH
    return _INT8((delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds)


ENCODERS: dict[int, Callable[[Value], bytes]] = {
    25: _text,  # text
    1043: _text,  # character varying
    20: _int8,  # bigint
    16: _boolean,
    1184: _timestamptz,
}

# a column as encoded: the key of its value, its field header prefix (type), its encoder
Column = tuple[str, int, Callable[[Value], bytes]]


@dataclass(frozen=True, slots=True)
class RowLayout:
    """The two tables' row types and columns, as the database has them."""

    log_type: int
    receipt_type: int
    log: tuple[Column, ...]
    receipt: tuple[Column, ...]


def row_layout(rows: Sequence[tuple[str, int, str, int]]) -> RowLayout | None:
    """The layout from :data:`LAYOUT_SQL`'s rows ``(table, row type, column, type)``; None
    when a table has a column or a type this module does not write, or lacks one."""
    tables: dict[str, tuple[int, list[tuple[str, int]]]] = {}
    for table, reltype, column, typ in rows:
        tables.setdefault(table, (int(reltype), []))[1].append((column, int(typ)))
    out: list[tuple[int, tuple[Column, ...]]] = []
    for table, keys in (("audit_log", LOG_COLUMNS), ("receipts", RECEIPT_COLUMNS)):
        if table not in tables:
            return None
        reltype, columns = tables[table]
        if {c for c, _ in columns} != set(keys) or any(t not in ENCODERS for _, t in columns):
            return None
        out.append((reltype, tuple((keys[c], t, ENCODERS[t]) for c, t in columns)))
    (log_type, log), (receipt_type, receipt) = out
    return RowLayout(log_type, receipt_type, log, receipt)


def _record(columns: tuple[Column, ...], row: dict[str, Value]) -> bytes:
    parts = [_COUNT(len(columns))]
    for key, typ, encode in columns:
        value = row[key]
        if value is None:
            parts.append(_FIELD(typ, -1))
        else:
            data = encode(value)
            parts.append(_FIELD(typ, len(data)))
            parts.append(data)
    record = b"".join(parts)
    return _COUNT(len(record)) + record


def rows_params(
    layout: RowLayout, head: tuple[int, str], rows: Sequence[dict[str, str | None]]
) -> tuple[list[bytes | None], tuple[int, str]]:
    """The parameters of :data:`ROWS_SQL` appending ``rows`` (each receipt's values, as
    :func:`~clearance.audit.async_writer.receipt_values` makes them) after ``head`` (seq,
    hash), and the head after them."""
    seq, prev = head
    logs: list[bytes] = []
    receipts: list[bytes] = []
    for values in rows:
        seq += 1
        digest = row_hash(seq, str(values["kind"]), str(values["ref"]), str(values["actor"]),
                          str(values["at"]), str(values["body_sha256"]), prev)  # fmt: skip
        row: dict[str, Value] = {**values, "seq": seq, "prev_hash": prev, "row_hash": digest}
        logs.append(_record(layout.log, row))
        receipts.append(_record(layout.receipt, row))
        prev = digest
    count = len(rows)
    return [
        str(head[0]).encode(), head[1].encode(), str(seq).encode(), prev.encode(),
        _ARRAY_HEAD(1, 0, layout.log_type, count, 1) + b"".join(logs),
        _ARRAY_HEAD(1, 0, layout.receipt_type, count, 1) + b"".join(receipts),
    ], (seq, prev)  # fmt: skip
