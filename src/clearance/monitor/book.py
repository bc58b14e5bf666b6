"""The customer book: import (CSV, JSON lines, Parquet; the column mapping of ``clearance
batch``), remove, show, stats.

An import is one transaction: customers are upserted by id (only new or changed rows are
written, and they get the import's ``seq`` so the monitor screens exactly them); ``replace``
also removes the customers missing from the file. Bad rows go to an errors file (JSON lines
with their line numbers) and are not imported; an interrupted import leaves the book as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.engine import Connection

from clearance.batch.columns import ColumnMapping, ColumnSpec, resolve_columns, row_to_query
from clearance.batch.io import BadRecord, TextOptions, decode_records, detect_format, open_input
from clearance.db import Database
from clearance.errors import ClearanceError, NotFoundError
from clearance.matching.query import Query, make_query
from clearance.monitor.tables import Alert, Customer

WRITE_BATCH = 5000
CUSTOMERS = cast(Table, Customer.__table__)


@dataclass(frozen=True, slots=True)
class BookCustomer:
    """A customer as the book keeps it (validated, normalised by the screening query rules)."""

    id: str
    name: str
    type: str | None = None
    dob: str | None = None
    countries: tuple[str, ...] = ()
    identifiers: tuple[tuple[str | None, str], ...] = ()  # (type or None, value)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: Query, extra: Mapping[str, Any]) -> BookCustomer:
        return cls(
            id=query.id or "",
            name=query.name,
            type=query.schema.value if query.schema else None,
            dob=str(query.birth_date) if query.birth_date else None,
            countries=tuple(query.countries),
            identifiers=tuple(
                (i.type.value if i.type else None, i.value) for i in query.identifiers
            ),
            extra=dict(extra),
        )

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> BookCustomer:
        return cls(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            dob=row["dob"],
            countries=tuple(row["countries"] or ()),
            identifiers=tuple((i.get("type"), i["value"]) for i in row["identifiers"] or ()),
            extra=row["extra"] or {},
        )

    def query(self) -> Query:
        """The screening query for this customer."""
        return make_query(
            self.name,
            type=self.type,
            dob=self.dob,
            country=list(self.countries) or None,
            identifiers=[
                {"type": t, "value": v} if t else {"value": v} for t, v in self.identifiers
            ]
            or None,
            id=self.id,
        )

    def digest(self) -> str:
        data = [self.name, self.type, self.dob, self.countries, self.identifiers, self.extra]
        return hashlib.blake2b(
            orjson.dumps(data, option=orjson.OPT_SORT_KEYS, default=str), digest_size=16
        ).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "dob": self.dob,
            "countries": list(self.countries),
            "identifiers": [
                {"type": t, "value": v} if t else {"value": v} for t, v in self.identifiers
            ],
            "extra": dict(self.extra),
        }

    def row(self, seq: int, now: datetime) -> dict[str, Any]:
        data = self.to_dict()
        return {**data, "digest": self.digest(), "seq": seq, "updated_at": now}


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


def _mapping(spec: ColumnSpec, header: Sequence[str]) -> ColumnMapping:
    flags = {
        "id": "--id-column",
        "name": "--name-column",
        "type": "--type-column",
        "dob": "--dob-column",
        "country": "--country-column",
        "identifiers": "--identifier-column",
    }
    mapping = resolve_columns(spec, header, flags)
    if mapping.id is None:
        raise ClearanceError(
            "a customer book needs customer ids: the input has no 'id' column; name it with "
            "--id-column"
        )
    return mapping


def read_customers(
    path: Path,
    spec: ColumnSpec = ColumnSpec(),
    *,
    input_format: str | None = None,
    text: TextOptions = TextOptions(),
    chunk_rows: int = 20_000,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[BookCustomer | BadRecord]:
    """Customers of a file (every column but the mapped ones kept as ``extra``), and its bad
    rows (missing id, invalid name/date/country, duplicated id) with their line numbers."""
    fmt = detect_format(path, input_format)
    source = open_input(path, fmt, text)
    mapping = _mapping(spec, source.header)
    used = set(mapping.columns)
    seen: dict[str, int] = {}
    columns = list(source.header) if fmt == "parquet" else []
    chunks = source.chunks(source.data_offset, source.data_line, chunk_rows, 0, columns)
    for chunk in chunks:
        good, bad = decode_records(chunk, source.header, text)
        yield from bad
        for line, row in good:
            try:
                query = row_to_query(row, mapping, line)
            except ClearanceError as exc:
                yield BadRecord(line, _raw(row), exc.message)
                continue
            if not query.id:
                yield BadRecord(line, _raw(row), f"no customer id in column {mapping.id!r}")
                continue
            if query.id in seen:
                yield BadRecord(
                    line, _raw(row), f"duplicate id (first on line {seen[query.id]})", query.id
                )
                continue
            seen[query.id] = line
            extra = {k: v for k, v in row.items() if k not in used and v not in (None, "")}
            yield BookCustomer.from_query(query, extra)
        if progress is not None:
            progress(chunk.end_offset, source.total)


def _raw(row: Mapping[str, Any]) -> str:
    return orjson.dumps(row, default=str).decode()[:2000]


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
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportResult:
        """Upsert the customers of ``path`` in one transaction (see the module docstring)."""
        customers = read_customers(
            path, spec, input_format=input_format, text=text, progress=progress
        )
        errors_path = errors_path or path.with_name(path.name + ".errors.jsonl")
        return self._import(customers, replace=replace, errors_path=errors_path)

    def upsert(self, customers: Sequence[BookCustomer]) -> ImportResult:
        """Upsert customers given in memory (the API's batch), in one transaction."""
        return self._import(iter(customers), replace=False, errors_path=None)

    def _import(
        self,
        items: Iterator[BookCustomer | BadRecord],
        *,
        replace: bool,
        errors_path: Path | None,
    ) -> ImportResult:
        result = ImportResult(errors_path=errors_path)
        bad: list[BadRecord] = []
        with self.db.connect(write=True) as conn:
            known = dict(conn.execute(select(CUSTOMERS.c.id, CUSTOMERS.c.digest)).all())
            seq = (conn.execute(select(func.max(CUSTOMERS.c.seq))).scalar() or 0) + 1
            result.seq = seq
            now = _now()
            new_rows: list[dict[str, Any]] = []
            changed_rows: list[dict[str, Any]] = []
            seen: set[str] = set()
            for item in items:
                if isinstance(item, BadRecord):
                    bad.append(item)
                    continue
                result.rows += 1
                seen.add(item.id)
                row = item.row(seq, now)
                old = known.get(item.id)
                if old is None:
                    new_rows.append(row)
                elif old != row["digest"]:
                    changed_rows.append(row)
                else:
                    result.unchanged += 1
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

    def stats(self) -> dict[str, Any]:
        with self.db.connect() as conn:
            total = conn.execute(select(func.count()).select_from(CUSTOMERS)).scalar() or 0
            grouped = select(CUSTOMERS.c.type, func.count()).group_by(CUSTOMERS.c.type)
            by_type: dict[str | None, int] = {k: int(v) for k, v in conn.execute(grouped).all()}
            seq = conn.execute(select(func.max(CUSTOMERS.c.seq))).scalar() or 0
            updated = conn.execute(select(func.max(CUSTOMERS.c.updated_at))).scalar()
        return {
            "customers": int(total),
            "by_type": {(k or "unknown"): int(v) for k, v in by_type.items()},
            "seq": int(seq),
            "last_change": updated.isoformat() if updated else None,
        }

    def iter_customers(
        self, *, above_seq: int = 0, ids: Sequence[str] | None = None, batch: int = 20_000
    ) -> Iterator[tuple[BookCustomer, int]]:
        """Customers (with their seq), all or those changed after ``above_seq`` / by id."""
        with self.db.connect() as conn:
            stmt = select(CUSTOMERS).where(CUSTOMERS.c.seq > above_seq).order_by(CUSTOMERS.c.id)
            if ids is not None:
                for start in range(0, len(ids), 900):
                    part = list(ids[start : start + 900])
                    for row in conn.execute(select(CUSTOMERS).where(CUSTOMERS.c.id.in_(part))):
                        yield BookCustomer.from_row(row._mapping), int(row.seq)
                return
            result = conn.execution_options(yield_per=batch).execute(stmt)
            for row in result:
                yield BookCustomer.from_row(row._mapping), int(row.seq)


def _insert(conn: Connection, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    # Straight to the driver with the JSON columns encoded once by orjson: SQLAlchemy's
    # per-row processing would be most of an import's time.
    names = [c.name for c in CUSTOMERS.columns]
    marks = ", ".join("?" if conn.dialect.paramstyle == "qmark" else "%s" for _ in names)
    json_columns = {"countries", "identifiers", "extra"}
    sqlite = conn.dialect.name == "sqlite"
    conn.exec_driver_sql(
        f"INSERT INTO {CUSTOMERS.name} ({', '.join(names)}) VALUES ({marks})",
        [tuple(_driver_value(n, row[n], json_columns, sqlite) for n in names) for row in rows],
    )
    count = len(rows)
    rows.clear()
    return count


def _driver_value(name: str, value: Any, json_columns: set[str], sqlite: bool) -> Any:
    if name in json_columns:
        return orjson.dumps(value, default=str).decode()
    if sqlite and isinstance(value, datetime):  # SQLAlchemy's SQLite storage format (UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def _update(conn: Connection, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    from sqlalchemy import bindparam

    columns = ("name", "type", "dob", "countries", "identifiers", "extra", "digest", "seq")
    stmt = (
        update(CUSTOMERS)
        .where(CUSTOMERS.c.id == bindparam("b_id"))
        .values({c: bindparam(f"b_{c}") for c in (*columns, "updated_at")})
    )
    conn.execute(stmt, [{f"b_{k}": v for k, v in row.items()} for row in rows])
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
