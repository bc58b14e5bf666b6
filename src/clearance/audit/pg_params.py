"""The parameters of the event loop's receipt statements on PostgreSQL, as libpq takes them
(:mod:`clearance.audit.async_writer`): the two statements numbered (``$1``, ``$2``…), a
receipt's parameters as the bytes of PostgreSQL's text form, a batch's columns as arrays (its
``text[]`` ones in PostgreSQL's binary array form, the others as array literals)."""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import PG_APPEND
from clearance.audit.receipts import RECEIPT
from clearance.audit.writer import PG_BATCH


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
ONE_SQL, ONE_PARAMS = _numbered(PG_APPEND.format(also=""), r":(\w+)")
BATCH_NAME = b"clearance_append_receipts"
BATCH_SQL, BATCH_PARAMS = _numbered(PG_BATCH, r"%\((\w+)\)b")


# A receipt's parameters in one tuple, in :data:`BATCH_PARAMS`' order (a batch's columns are
# its rows zipped; the one-row statement takes them by position).
ROW_COLUMNS = BATCH_PARAMS
ONE_POSITIONS = tuple(ROW_COLUMNS.index(n) for n in ONE_PARAMS)
_RECEIPT = RECEIPT.encode()
Row = tuple[bytes | None, ...]


def receipt_row(body: dict[str, Any], actor: str) -> Row:
    """The parameters of one receipt — the audit row's, as
    :func:`~clearance.audit.writer.pg_row` has them — as the
    bytes of PostgreSQL's text form, in :data:`ROW_COLUMNS`' order, built straight from the
    body: the body's canonical JSON as :func:`~clearance.audit.chain.canonical` wrote it (not
    decoded and encoded again). Its ``at`` is checked as ISO 8601 (what it was about is read
    from the body: :func:`~clearance.audit.receipts.receipt_index`)."""
    data = canonical(body)
    at = body["at"]
    datetime.fromisoformat(at)  # a receipt whose time cannot be read fails alone, here
    return (_RECEIPT, _bytes(body["receipt"]), _bytes(actor), _bytes(at),
            sha256_hex(data).encode(), data)  # fmt: skip


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


# The batch's columns that are not text[] (none since receipts are only audit rows):
# sent as array literals (text format); every other column as a binary text[] (format 1).
LITERAL_COLUMNS: frozenset[str] = frozenset()
BATCH_FORMATS = tuple(0 if name in LITERAL_COLUMNS else 1 for name in BATCH_PARAMS)


def batch_params(rows: list[Row]) -> list[bytes | None]:
    """The parameters of :data:`BATCH_SQL` in :data:`BATCH_FORMATS`, a column per parameter,
    for receipts' :func:`receipt_row`."""
    return [
        bytes_array(column) if binary else array_literal(column)
        for column, binary in zip(zip(*rows, strict=True), BATCH_FORMATS, strict=True)
    ]
