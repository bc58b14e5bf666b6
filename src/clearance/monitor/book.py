"""The customer book: import (CSV, JSON lines, Parquet; the column mapping of ``clearance
batch``), remove, show, stats.

An import is one transaction: customers are upserted by id (only new or changed rows are
written, and they get the import's ``seq`` so the monitor screens exactly them); ``replace``
also removes the customers missing from the file. Bad rows go to an errors file (JSON lines
with their line numbers) and are not imported; an interrupted import leaves the book as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import Select, Table, Text, delete, func, select, type_coerce, update
from sqlalchemy.engine import Connection

from clearance.batch.columns import ColumnSpec
from clearance.batch.io import BadRecord, TextOptions
from clearance.db import Database
from clearance.errors import ClearanceError, NotFoundError
from clearance.gcpause import paused_gc
from clearance.monitor.customer import BookCustomer
from clearance.monitor.formparts import FormsPart, Merger
from clearance.monitor.reading import COLUMNS, Prepared, Stamp, prepare, read_customers
from clearance.monitor.tables import Alert, Customer

WRITE_BATCH = 5000
CUSTOMERS = cast(Table, Customer.__table__)
JSON_COLUMNS = ("countries", "identifiers", "extra")


@dataclass
class ImportResult:
    """What an import did."""

    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: int = 0
    errors_path: Path | None = None
    seq: int = 0
    # the reverse-index forms of the customers written (``index_forms``): each chunk's part
    # joined as it came (its customers written only), for the shard of this import's ``seq``
    # (:meth:`BookIndex.refresh`)
    forms: Merger | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "errors": self.errors,
            "errors_path": str(self.errors_path) if self.errors_path else None,
            "seq": self.seq,
        }


def _now() -> datetime:
    return datetime.now(UTC)


class Book:
    """The customer book in the project's database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def import_file(
        self,
        path: Path,
        spec: ColumnSpec = ColumnSpec(),
        *,
        replace: bool = False,
        errors_path: Path | None = None,
        input_format: str | None = None,
        text: TextOptions = TextOptions(),
        workers: int = 1,
        progress: Callable[[int, int], None] | None = None,
        index_forms: bool = False,
    ) -> ImportResult:
        """Upsert the customers of ``path`` in one transaction (see the module docstring);
        rows validated in ``workers`` processes, which also analyse the written customers for
        the reverse index when ``index_forms`` (see ``ImportResult.forms``)."""
        errors_path = errors_path or path.with_name(path.name + ".errors.jsonl")

        def items(stamp: Stamp) -> Iterator[Prepared | BadRecord | FormsPart]:
            return read_customers(path, stamp, spec, input_format=input_format, text=text,
                                  workers=workers, progress=progress)  # fmt: skip

        return self._import(items, replace=replace, errors_path=errors_path, forms=index_forms)

    def upsert(self, customers: Sequence[BookCustomer]) -> ImportResult:
        """Upsert customers given in memory (the API's batch), in one transaction."""

        def items(stamp: Stamp) -> Iterator[Prepared | BadRecord]:
            return (prepare(c, stamp) for c in customers)

        return self._import(items, replace=False, errors_path=None)

    def _import(
        self,
        items: Callable[[Stamp], Iterator[Prepared | BadRecord | FormsPart]],
        *,
        replace: bool,
        errors_path: Path | None,
        forms: bool = False,
    ) -> ImportResult:
        result = ImportResult(errors_path=errors_path, forms=Merger() if forms else None)
        bad: list[BadRecord] = []
        # The collector paused: the workers' rows unpickled in the parent are tuples by the
        # hundred thousand, none in a cycle, and each collection walked them (most of the
        # parent's CPU per row).
        with paused_gc(), self.db.connect(write=True) as conn, _bulk_cache(conn):
            known = dict(conn.execute(select(CUSTOMERS.c.id, CUSTOMERS.c.digest)).all())
            seq = _top_seq(conn) + 1
            result.seq = seq
            now = _now()
            stamp = Stamp(seq, now, conn.dialect.name == "sqlite", forms)
            new_rows: list[tuple[Any, ...]] = []
            changed_rows: list[tuple[Any, ...]] = []
            seen: set[str] = set()
            written: list[int] = []  # positions in the coming part of the customers written
            for item in items(stamp):
                if isinstance(item, FormsPart):
                    if result.forms is not None:
                        result.forms.add(item, written)
                    written = []
                    continue
                if isinstance(item, BadRecord):
                    bad.append(item)
                    continue
                result.rows += 1
                seen.add(item.id)
                old = known.get(item.id)
                if old is None:
                    new_rows.append(item.values)
                elif old != item.digest:
                    changed_rows.append(item.values)
                else:
                    result.unchanged += 1
                    continue
                if item.forms is not None:
                    written.append(item.forms)
                if len(new_rows) >= WRITE_BATCH:
                    result.inserted += _insert(conn, new_rows)
                if len(changed_rows) >= WRITE_BATCH:
                    result.updated += _update(conn, changed_rows)
            result.inserted += _insert(conn, new_rows)
            result.updated += _update(conn, changed_rows)
            if replace:
                gone = [i for i in known if i not in seen]
                result.removed = _remove(conn, gone, now)
            result.errors = len(bad)
            if bad and errors_path is not None:
                _write_errors(errors_path, bad)
            elif errors_path is not None:
                errors_path.unlink(missing_ok=True)
        return result

    def remove(self, ids: Sequence[str]) -> list[str]:
        """Remove customers by id; returns the ids that were not in the book."""
        with self.db.connect(write=True) as conn:
            found = set(
                conn.execute(select(CUSTOMERS.c.id).where(CUSTOMERS.c.id.in_(list(ids))))
                .scalars()
                .all()
            )
            _remove(conn, sorted(found), _now())
        return [i for i in ids if i not in found]

    def get(self, customer_id: str) -> tuple[BookCustomer, int]:
        """One customer and its ``seq``; NotFoundError when it is not in the book."""
        with self.db.connect() as conn:
            row = conn.execute(select(CUSTOMERS).where(CUSTOMERS.c.id == customer_id)).first()
        if row is None:
            raise NotFoundError(f"no customer {customer_id!r} in the book")
        return BookCustomer.from_row(row._mapping), int(row.seq)

    def top_seq(self) -> int:
        """The ``seq`` of the book's latest write (0: empty); read from the ``seq`` index, not
        by scanning the book as :meth:`stats` does."""
        with self.db.connect() as conn:
            return _top_seq(conn)

    def stats(self) -> dict[str, Any]:
        with self.db.connect() as conn:
            total = conn.execute(select(func.count()).select_from(CUSTOMERS)).scalar() or 0
            grouped = select(CUSTOMERS.c.type, func.count()).group_by(CUSTOMERS.c.type)
            by_type: dict[str | None, int] = {k: int(v) for k, v in conn.execute(grouped).all()}
            seq = _top_seq(conn)
            updated = conn.execute(select(func.max(CUSTOMERS.c.updated_at))).scalar()
        return {
            "customers": int(total),
            "by_type": {(k or "unknown"): int(v) for k, v in by_type.items()},
            "seq": seq,
            "last_change": updated.isoformat() if updated else None,
        }

    def iter_customers(
        self, *, above_seq: int = 0, ids: Sequence[str] | None = None, batch: int = 20_000
    ) -> Iterator[tuple[BookCustomer, int]]:
        """Customers (with their seq), all or those changed after ``above_seq`` / by id."""
        with self.db.connect() as conn:
            if ids is not None:
                for start in range(0, len(ids), 900):
                    part = list(ids[start : start + 900])
                    yield from _decoded(conn.execute(_READ.where(CUSTOMERS.c.id.in_(part))))
                return
            if above_seq > 0 and _top_seq(conn) <= above_seq:
                return  # nothing written since (read from the ``seq`` index)
            yield from _decoded(
                conn.execution_options(yield_per=batch).execute(_changed_since(above_seq))
            )


# The JSON columns read as text and decoded by orjson (SQLAlchemy's per-value ``json.loads``
# was a large part of reading a big book); PostgreSQL's driver hands them over decoded.
_READ = select(
    *(
        type_coerce(c, Text).label(c.name) if c.name in JSON_COLUMNS else c
        for c in (CUSTOMERS.c[n] for n in ("id", "name", "type", "dob", *JSON_COLUMNS, "seq"))
    )
)


def _changed_since(above_seq: int) -> Select[Any]:
    """The customers written after ``above_seq``, by id. Above 0 they are found through the
    ``seq`` index and then sorted: ordered by the bare ``id`` column, SQLite walks the primary
    key's index over the whole book to skip its sort (most of a day-sized delta's run); the
    expression ``id || ''`` sorts the same way, with the column's collation."""
    stmt = _READ.where(CUSTOMERS.c.seq > above_seq)
    if above_seq <= 0:  # the whole book: its primary key order, no sort
        return stmt.order_by(CUSTOMERS.c.id)
    return stmt.order_by(CUSTOMERS.c.id.concat(""))


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def _decoded(rows: Iterable[Any]) -> Iterator[tuple[BookCustomer, int]]:
    for cid, name, kind, dob, countries, identifiers, extra, seq in rows:
        ids = _json(identifiers) or ()
        customer = BookCustomer(
            cid, name, kind, dob, tuple(_json(countries) or ()),
            tuple((i.get("type"), i["value"]) for i in ids), _json(extra) or {},
        )  # fmt: skip
        yield customer, int(seq)


BULK_CACHE_KIB = 65_536  # SQLite's page cache during an import (its default is 2 MB)


@contextmanager
def _bulk_cache(conn: Connection) -> Iterator[None]:
    """A larger SQLite page cache for the import's transaction (back to the connection's
    own after): the customers arrive in file order, so every insert lands on a random page
    of the id index; with the default 2 MB the pages of a big book's index were spilled and
    read again (at 1,000,000 customers the inserts took 8.1 s of CPU, 4.6 s with 64 MB).
    The cache only holds what the transaction touches; PostgreSQL: nothing to do."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def _marks(conn: Connection, count: int) -> str:
    return ", ".join("?" if conn.dialect.paramstyle == "qmark" else "%s" for _ in range(count))


def _insert(conn: Connection, rows: list[tuple[Any, ...]]) -> int:
    """Rows straight to the driver (prepared by :mod:`clearance.monitor.reading`: JSON columns
    encoded once by orjson); SQLAlchemy's per-row processing would be most of an import."""
    if not rows:
        return 0
    conn.exec_driver_sql(
        f"INSERT INTO {CUSTOMERS.name} ({', '.join(COLUMNS)}) "
        f"VALUES ({_marks(conn, len(COLUMNS))})",
        rows,
    )
    count = len(rows)
    rows.clear()
    return count


def _update(conn: Connection, rows: list[tuple[Any, ...]]) -> int:
    if not rows:
        return 0
    sets = ", ".join(f"{c} = {_marks(conn, 1)}" for c in COLUMNS[1:])
    conn.exec_driver_sql(
        f"UPDATE {CUSTOMERS.name} SET {sets} WHERE id = {_marks(conn, 1)}",
        [(*row[1:], row[0]) for row in rows],
    )
    count = len(rows)
    rows.clear()
    return count


def _remove(conn: Connection, ids: Sequence[str], now: datetime) -> int:
    """Delete customers and close their open alerts ("customer removed from the book")."""
    alerts = cast(Table, Alert.__table__)
    for start in range(0, len(ids), 900):
        part = list(ids[start : start + 900])
        conn.execute(delete(CUSTOMERS).where(CUSTOMERS.c.id.in_(part)))
        conn.execute(
            update(alerts)
            .where(alerts.c.customer_id.in_(part), alerts.c.status == "open")
            .values(status="closed", status_reason="customer removed from the book", updated_at=now)
        )
    return len(ids)


def _write_errors(path: Path, bad: list[BadRecord]) -> None:
    try:
        with path.open("wb") as handle:
            for record in sorted(bad, key=lambda b: b.line):
                handle.write(orjson.dumps(record.to_dict()) + b"\n")
    except OSError as exc:
        raise ClearanceError(f"cannot write the errors file {path}: {exc.strerror}") from None


def _top_seq(conn: Connection) -> int:
    """The highest ``seq`` in the book (0: empty), from the ``seq`` index."""
    return int(conn.execute(select(func.max(CUSTOMERS.c.seq))).scalar() or 0)
