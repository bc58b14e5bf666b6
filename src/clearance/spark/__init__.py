"""Screening a Spark DataFrame with the same engine, on the executors.

>>> from clearance.spark import screen                          # doctest: +SKIP
>>> results = screen(customers, home="/data/clearance", name_col="full_name", type_col="kind")

Each Python worker loads the :class:`~clearance.matching.engine.Screener` once from the snapshot
directory and keeps it in a module-level cache keyed by the snapshot path, so with Spark's Python
worker reuse (the default) it is loaded once per executor process, not once per task. The
snapshot directory must be readable at the same path on every executor: on a local cluster it
is; on a real cluster put the home on a shared file system, or pass ``ship_snapshot=True`` to
copy the snapshot folder to the executors with ``SparkContext.addFile`` (each executor then
loads its copy, found with ``SparkFiles.get``). See ``docs/batch.md``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearance.batch.columns import ColumnMapping, ColumnSpec, resolve_columns, row_id, row_to_query
from clearance.batch.results import ResultOptions, arrow_schema, output_row
from clearance.batch.worker import screen_queries
from clearance.errors import ClearanceError, SnapshotError
from clearance.matching.query import Query
from clearance.settings import Settings

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from clearance.matching.engine import Screener

__all__ = ["ERROR_COLUMN", "output_schema", "screen"]

ERROR_COLUMN = "error"
RAW_COLUMN = "raw"  # only with ``raw=True`` (the CLI's errors file)
CORRUPT_COLUMN = "_corrupt_record"  # Spark's column for CSV/JSON rows it could not parse
REPLACEMENT_CHAR = "\ufffd"

SPARK_ARGS = {
    "id": "id_col",
    "name": "name_col",
    "type": "type_col",
    "dob": "dob_col",
    "country": "country_col",
    "identifiers": "identifier_cols",
}

_SCREENERS: dict[str, Screener] = {}
_LOCK = threading.Lock()
LOADS: dict[str, int] = {}  # snapshot key -> times loaded in this process (for tests/metrics)


SHIPPED_PREFIX = "sparkfiles:"


def executor_path(snapshot_dir: str) -> str:
    """Where the snapshot is on this executor: ``sparkfiles:NAME`` is a shipped copy."""
    if snapshot_dir.startswith(SHIPPED_PREFIX):
        from pyspark import SparkFiles

        return SparkFiles.get(snapshot_dir.removeprefix(SHIPPED_PREFIX))
    return snapshot_dir


def cached_screener(snapshot_dir: str, settings: Settings) -> Screener:
    """The engine for ``snapshot_dir``, loaded once per (executor) process."""
    snapshot_dir = executor_path(snapshot_dir)
    key = f"{Path(snapshot_dir).resolve()}|{settings.threshold}|{settings.weak_alias_alerts}"
    with _LOCK:
        screener = _SCREENERS.get(key)
        if screener is None:
            from clearance.matching.artifact import load_screener
            from clearance.snapshots import Snapshot

            screener = load_screener(Snapshot(Path(snapshot_dir)), settings)
            _SCREENERS[key] = screener
            LOADS[key] = LOADS.get(key, 0) + 1
        return screener


def output_schema(detail: bool = False, raw: bool = False) -> Any:
    """The Arrow schema of :func:`screen`'s result: the batch output plus an ``error`` column."""
    import pyarrow as pa

    schema = arrow_schema(detail).append(pa.field(ERROR_COLUMN, pa.string()))
    return schema.append(pa.field(RAW_COLUMN, pa.string())) if raw else schema


def _resolve_snapshot(
    home: str | Path | None, snapshot_dir: str | Path | None, settings: Settings | None
) -> tuple[str, Settings]:
    if settings is None:
        settings = Settings.from_env(home=Path(home) if home is not None else None)
    elif home is not None:
        settings = replace(settings, home=Path(home))
    if snapshot_dir is not None:
        if not Path(snapshot_dir).is_dir():
            raise SnapshotError(f"snapshot directory not found: {snapshot_dir}")
        return str(snapshot_dir), settings
    from clearance.snapshots import SnapshotStore

    snapshot = SnapshotStore(settings).active()
    if snapshot is None:
        raise SnapshotError(
            f"no lists loaded in {settings.home}; run `clearance load` or `clearance refresh` first"
        )
    return str(snapshot.path), settings


def screen_rows(
    screener: Screener,
    rows: list[Mapping[str, Any]],
    mapping: ColumnMapping,
    options: ResultOptions,
    strict_input: bool = False,
    raw: bool = False,
) -> list[dict[str, Any]]:
    """One output row per input row, in order; a malformed row gets its ``error`` set.

    ``strict_input`` (the CLI's file input) also rejects rows Spark flagged as corrupt and
    cells holding U+FFFD (Spark's reader replaces undecodable bytes with it).
    """
    out: list[dict[str, Any] | None] = [None] * len(rows)
    queries: list[Query] = []
    positions: list[int] = []
    for position, row in enumerate(rows):
        identifier = row_id(row, mapping, position + 1) if mapping.id else None
        try:
            if strict_input:
                _check_input(row, mapping)
            queries.append(row_to_query(row, mapping, position + 1))
            positions.append(position)
        except ClearanceError as exc:
            out[position] = {"id": identifier, ERROR_COLUMN: exc.message}
            if raw:
                out[position][RAW_COLUMN] = _raw(row, mapping)  # type: ignore[index]
    for position, result in zip(positions, screen_queries(screener, queries, options), strict=True):
        identifier = row_id(rows[position], mapping, position + 1) if mapping.id else None
        if isinstance(result, str):
            out[position] = {"id": identifier, ERROR_COLUMN: result}
        else:
            row = output_row(result, identifier or "", options)
            row["id"] = identifier
            out[position] = row
    return [row if row is not None else {} for row in out]


def _check_input(row: Mapping[str, Any], mapping: ColumnMapping) -> None:
    if row.get(CORRUPT_COLUMN):
        raise ClearanceError("malformed row: wrong number of columns, broken quoting or bad JSON")
    for column in mapping.columns:
        value = row.get(column)
        if isinstance(value, str) and REPLACEMENT_CHAR in value:
            raise ClearanceError(f"undecodable bytes in column {column!r}")


def _raw(row: Mapping[str, Any], mapping: ColumnMapping) -> str:
    import orjson

    if corrupt := row.get(CORRUPT_COLUMN):
        return str(corrupt).rstrip("\r\n")
    return orjson.dumps({c: row.get(c) for c in mapping.columns}, default=str).decode()


def arrow_screen_fn(
    snapshot_dir: str,
    settings: Settings,
    mapping: ColumnMapping,
    options: ResultOptions,
    strict_input: bool = False,
) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The ``mapInArrow`` function (a closure Spark pickles and ships to the executors)."""

    def screen_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        schema = output_schema(options.detail, raw=strict_input)
        screener = cached_screener(snapshot_dir, settings)
        for batch in batches:
            rows = batch.to_pylist()
            out = screen_rows(screener, rows, mapping, options, strict_input, raw=strict_input)
            yield pa.RecordBatch.from_pylist(out, schema=schema)

    return screen_batches


def screen(
    df: DataFrame,
    *,
    home: str | Path | None = None,
    snapshot_dir: str | Path | None = None,
    settings: Settings | None = None,
    name_col: str = "name",
    id_col: str | None = "id",
    type_col: str | None = None,
    dob_col: str | None = None,
    country_col: str | None = None,
    identifier_cols: Mapping[str, str | None] | None = None,
    threshold: float | None = None,
    top_k: int = 1,
    detail: bool = False,
    ship_snapshot: bool = False,
) -> DataFrame:
    """Screen every row of ``df``; returns one result row per input row, partition order kept.

    The result has the columns of the batch output (``id, alert, match_count, entity_id, list,
    source_id, name, matched_name, score``; with ``detail`` the nested top-``top_k`` matches
    and the snapshot/algorithm) plus ``error``: set, with the other columns empty, for a row
    that is not a valid query (empty name, bad date, unknown type...). ``snapshot_dir``
    defaults to the active snapshot of ``home``. ``ship_snapshot`` copies the snapshot folder
    to every executor with ``SparkContext.addFile`` (for clusters without a shared file system).
    """
    from pyspark.sql.pandas.types import from_arrow_schema

    if top_k < 1:
        raise ClearanceError("top_k must be at least 1")
    path, settings = _resolve_snapshot(home, snapshot_dir, settings)
    if ship_snapshot:
        df.sparkSession.sparkContext.addFile(path, recursive=True)
        path = SHIPPED_PREFIX + Path(path).name
    spec = ColumnSpec(
        id=id_col,
        name=name_col,
        type=type_col,
        dob=dob_col,
        country=country_col,
        identifiers=tuple((identifier_cols or {}).items()),
    )
    mapping = resolve_columns(spec, df.columns, SPARK_ARGS)
    options = ResultOptions(threshold=threshold, top_k=top_k, detail=detail)
    projected = df.select(*mapping.columns)
    fn = arrow_screen_fn(path, settings, mapping, options)
    return projected.mapInArrow(fn, from_arrow_schema(output_schema(detail)))
