"""Reading a customer file for the book: rows validated into customers, in parallel.

The file is cut into chunks by the parent (the readers of ``clearance batch``); each chunk is
decoded and validated (the screening query rules: name, date of birth, countries, identifiers)
in one of ``workers`` forked processes, which also encode the database row of every customer,
so the parent only checks duplicate ids, compares digests and writes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from clearance.batch.columns import (
    CLI_FLAGS,
    ColumnMapping,
    ColumnSpec,
    resolve_columns,
)
from clearance.batch.io import (
    BadRecord,
    RawChunk,
    TextOptions,
    decode_records,
    detect_format,
    open_input,
)
from clearance.errors import ClearanceError
from clearance.gcpause import bulk_worker, frozen_for_fork
from clearance.matching.legalforms import warm_up_forms
from clearance.matching.scripts import warm_up
from clearance.monitor.customer import BookCustomer
from clearance.monitor.formparts import FormsPart, Indexed
from clearance.monitor.rowcheck import RowChecker

# Column order of ``book_customers`` as the driver receives it (see ``Prepared.values``).
COLUMNS = ("id", "name", "type", "dob", "countries", "identifiers", "extra", "digest", "seq",
           "updated_at")  # fmt: skip


class Prepared(NamedTuple):
    """A validated customer ready to write: id, digest and its row in :data:`COLUMNS` order.
    (A named tuple: from a worker to the parent it unpickles at a fraction of a class's cost.)"""

    line: int
    id: str
    digest: str
    values: tuple[Any, ...]
    forms: int | None = None  # its position in its chunk's FormsPart, when the import builds one


@dataclass(frozen=True, slots=True)
class Stamp:
    """What every row of one import shares: its ``seq`` and time, in the driver's form."""

    seq: int
    now: datetime
    sqlite: bool
    forms: bool = False  # also analyse each customer for the reverse index

    def time_value(self) -> Any:
        if self.sqlite:  # SQLAlchemy's SQLite storage format (UTC)
            return _sqlite_time(self.now)
        return self.now


@lru_cache(maxsize=4)  # one import's rows share one time: formatted once, not per row
def _sqlite_time(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def prepare(
    customer: BookCustomer, stamp: Stamp, line: int = 0, forms: int | None = None
) -> Prepared:
    identifiers = (
        orjson.dumps(customer.identifier_dicts()).decode() if customer.identifiers else "[]"
    )
    digest = customer.digest()
    values = (
        customer.id, customer.name, customer.type, customer.dob,
        orjson.dumps(customer.countries).decode(), identifiers,
        orjson.dumps(dict(customer.extra), default=str).decode() if customer.extra else "{}",
        digest, stamp.seq, stamp.time_value(),
    )  # fmt: skip
    return Prepared(line, customer.id, digest, values, forms)


# Rows per chunk: the workers finish their last chunks at different times and the parent
# writes the last one alone, so a smaller chunk leaves less of the import on one core (a
# 10,000-row chunk is over a second of one core's work); each chunk costs a task and a part.
CHUNK_ROWS = 4_000


@dataclass(frozen=True, slots=True)
class _Setup:
    header: tuple[str, ...]
    mapping: ColumnMapping
    text: TextOptions
    stamp: Stamp


def _mapping(spec: ColumnSpec, header: Sequence[str]) -> ColumnMapping:
    mapping = resolve_columns(spec, header, CLI_FLAGS)
    if mapping.id is None:
        raise ClearanceError(
            "a customer book needs customer ids: the input has no 'id' column; name it with "
            "--id-column"
        )
    return mapping


def _raw(row: Mapping[str, Any]) -> str:
    return orjson.dumps(row, default=str).decode()[:2000]


Parsed = tuple[list[Prepared | BadRecord], int, FormsPart | None]


def parse_chunk(setup: _Setup, chunk: RawChunk) -> Parsed:
    """One chunk's customers (prepared) and bad rows, where the chunk ends, and (when the
    import builds the reverse index) the chunk's customers' forms as one part."""
    good, bad = decode_records(chunk, setup.header, setup.text)
    out: list[Prepared | BadRecord] = list(bad)
    entries: list[Indexed] | None = [] if setup.stamp.forms else None
    check = _checker(setup)
    for line, row in good:
        try:
            customer = check.customer(row, line)
        except ClearanceError as exc:
            out.append(BadRecord(line, _raw(row), exc.message))
            continue
        if not customer.id:
            out.append(BadRecord(line, _raw(row), f"no customer id in column {setup.mapping.id!r}"))
            continue
        if entries is None:
            out.append(prepare(customer, setup.stamp, line))
        else:
            out.append(prepare(customer, setup.stamp, line, len(entries)))
            entries.append(check.indexed(customer))
    part = FormsPart.from_indexed(entries) if entries is not None else None
    return out, chunk.end_offset, part


@lru_cache(maxsize=1)  # one per import (its stamp) in each worker: its memos span the chunks
def _checker(setup: _Setup) -> RowChecker:
    return RowChecker(setup.mapping)


def read_customers(
    path: Path,
    stamp: Stamp,
    spec: ColumnSpec = ColumnSpec(),
    *,
    input_format: str | None = None,
    text: TextOptions = TextOptions(),
    chunk_rows: int = CHUNK_ROWS,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Prepared | BadRecord | FormsPart]:
    """Customers of a file (every column but the mapped ones kept as ``extra``), prepared for
    writing, and its bad rows (missing id, invalid name/date/country, duplicated id) with their
    line numbers; chunks validated in ``workers`` forked processes, in file order. With
    ``stamp.forms``, each chunk's customers are followed by their :class:`FormsPart` (a
    customer's ``Prepared.forms`` is its position there)."""
    fmt = detect_format(path, input_format)
    source = open_input(path, fmt, text)
    setup = _Setup(tuple(source.header), _mapping(spec, source.header), text, stamp)
    columns = list(source.header) if fmt == "parquet" else []
    chunks = source.chunks(source.data_offset, source.data_line, chunk_rows, 0, columns)
    task = partial(parse_chunk, setup)
    if workers > 1:  # script tables loaded once, before the workers fork, not in each
        warm_up()
        warm_up_forms()
    with frozen_for_fork() if workers > 1 else nullcontext():
        yield from _parsed(task, chunks, workers, progress, source.total)


def _parsed(
    task: Callable[[RawChunk], Parsed], chunks: Iterable[RawChunk], workers: int,
    progress: Callable[[int, int], None] | None, total: int,
) -> Iterator[Prepared | BadRecord | FormsPart]:  # fmt: skip
    pool = (
        multiprocessing.get_context("fork").Pool(workers, initializer=bulk_worker)
        if workers > 1
        else None
    )
    parsed: Iterable[Parsed] = pool.imap(task, chunks) if pool is not None else map(task, chunks)
    seen: dict[str, int] = {}
    try:
        for items, end, part in parsed:
            for item in items:
                if isinstance(item, Prepared):
                    first = seen.setdefault(item.id, item.line)
                    if first != item.line:
                        raw = orjson.dumps(dict(zip(COLUMNS[:7], item.values, strict=False)))
                        why = f"duplicate id (first on line {first})"
                        item = BadRecord(item.line, raw.decode()[:2000], why, item.id)
                yield item
            if part is not None:
                yield part
            if progress is not None:
                progress(end, total)
    finally:
        if pool is not None:  # workers hold no state worth a clean exit
            pool.terminate()
            pool.join()
