"""The monitor's screening on Spark, for a book kept as Parquet (``--engine spark --book``).

Each executor screens its partitions of the book with the same engine as the embedded path:
against the whole snapshot for a full screening, or — for a snapshot delta — against an index
of only the added and changed entities (shipped to the executors as stored entity dicts, built
once per executor process). Scores are a pure function of customer and entity, so the hits are
those of the embedded path; the driver turns them into alerts with the same rules.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from clearance.batch.columns import ColumnMapping, ColumnSpec, resolve_columns, row_to_query
from clearance.errors import ClearanceError
from clearance.matching.engine import Screener
from clearance.model import Entity
from clearance.model.codec import entity_from_dict, entity_to_dict
from clearance.monitor.customer import BookCustomer
from clearance.settings import Settings
from clearance.snapshots import Snapshot

_SCREENERS: dict[str, Screener] = {}
_LOCK = threading.Lock()


def _screener(
    snapshot_dir: str, key: str, entities: Sequence[dict[str, Any]] | None, settings: Settings
) -> Screener:
    """The executor's engine for ``key`` (the full snapshot, or one delta), built once."""
    with _LOCK:
        screener = _SCREENERS.get(key)
        if screener is None:
            from clearance.app import list_versions, load_screener

            snapshot = Snapshot(Path(snapshot_dir))
            if entities is None:
                screener = load_screener(snapshot, settings.matching)
            else:
                screener = Screener.build(
                    (entity_from_dict(d) for d in entities), settings.matching,
                    snapshot_id=snapshot.id, lists=list_versions(snapshot),
                )  # fmt: skip
            _SCREENERS[key] = screener
        return screener


def _partition(
    rows: Iterable[Any], snapshot_dir: str, key: str, entities: Any, settings: Settings,
    mapping: ColumnMapping, threshold: float,
) -> Iterator[tuple[str, str, Any]]:  # fmt: skip
    from clearance.monitor.run import screen_customer

    shipped = entities.value if entities is not None else None
    screener = _screener(snapshot_dir, key, shipped, settings)
    for line, row in enumerate(rows, 1):
        data = row.asDict()
        try:
            query = row_to_query(data, mapping, line)
        except ClearanceError:
            continue  # the embedded book never holds such a row either (import rejects it)
        if not query.id:
            continue
        customer = BookCustomer.from_query(query, {})
        for match in screen_customer(screener, customer, threshold):
            yield customer.id, customer.name, match


class SparkBook:
    """A Parquet customer book screened on a Spark session."""

    def __init__(self, spark: Any, path: Path, spec: ColumnSpec = ColumnSpec()) -> None:
        if not path.exists():
            raise ClearanceError(f"book not found: {path}")
        self.spark = spark
        self.path = path
        self.frame = spark.read.parquet(str(path))
        self.mapping = resolve_columns(spec, self.frame.columns)
        if self.mapping.id is None:
            raise ClearanceError(f"{path}: a customer book needs an 'id' column")
        self.rows = 0

    def screen(
        self, snapshot: Snapshot, entities: Sequence[Entity] | None, settings: Settings,
        threshold: float,
    ) -> list[tuple[str, str, Any]]:  # fmt: skip
        """Alerting hits of every book row against the snapshot (or only ``entities``)."""
        shipped = None
        key = f"{snapshot.path.resolve()}|{threshold}|full"
        if entities is not None:
            dicts = [entity_to_dict(e, with_source=False) for e in entities]
            digest = hashlib.blake2b(
                "\n".join(sorted(e.id for e in entities)).encode(), digest_size=12
            ).hexdigest()
            key = f"{snapshot.path.resolve()}|{threshold}|delta-{digest}"
            shipped = self.spark.sparkContext.broadcast(dicts)
        snapshot_dir, mapping = str(snapshot.path), self.mapping
        frame = self.frame.select(*mapping.columns)
        self.rows = frame.count()
        hits = frame.rdd.mapPartitions(
            lambda rows: _partition(rows, snapshot_dir, key, shipped, settings, mapping, threshold)
        ).collect()
        if shipped is not None:
            shipped.unpersist()
        return list(hits)
