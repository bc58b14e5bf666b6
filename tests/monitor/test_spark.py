"""``--engine spark``: a Parquet book monitored on a real local Spark (``local[2]``) raises the
same alerts as the embedded path, on real SDN snapshots (2021-07-07, then 2023-12-28)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clearance.db import Database
from clearance.monitor import Book, Monitor
from clearance.monitor.spark import SparkBook
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path
from tests.diff.homes import sdn_home
from tests.monitor.books import STORY, generate, listed_names, write_book


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from clearance.spark.batch import local_session

    session = local_session("local[2]", "clearance-monitor-tests")
    yield session
    session.stop()


def _alerts(run: Any) -> dict[tuple[str, str], tuple[float, str]]:
    return {(a["customer_id"], a["entity_id"]): (a["score"], a["cause"]) for a in run.alerts}


def test_spark_raises_the_same_alerts(
    spark: Any, tmp_path_factory: pytest.TempPathFactory, data_dir: Path, tmp_path: Path
) -> None:
    home, (s2021, s2023, _s2024) = sdn_home(tmp_path_factory, data_dir)
    store = SnapshotStore(Settings(home=home))
    old, new = store.get(s2021), store.get(s2023)
    listed = listed_names(read_path(data_dir / "ofac" / "sdn_csv_2023-12-28").entities)
    rows = generate(2_000, listed, 150) + [dict(r) for r in STORY]
    csv_path = write_book(tmp_path / "book.csv", rows)
    parquet = tmp_path / "book.parquet"
    columns = sorted({k for r in rows for k in r})
    pq.write_table(pa.table({c: [r.get(c, "") for r in rows] for c in columns}), parquet)
    runs = {}
    for engine in ("local", "spark"):
        settings = Settings(home=home, database_url=f"sqlite:///{tmp_path / engine}.db")
        db = Database(settings.database_url)
        db.upgrade()
        book = None
        if engine == "local":
            Book(db).import_file(csv_path)
        else:
            book = SparkBook(spark, parquet)
        monitor = Monitor(settings, db, spark_book=book)
        runs[engine] = (monitor.run(old), monitor.run(new))
        db.dispose()
    (local_full, local_delta), (spark_full, spark_delta) = runs["local"], runs["spark"]
    assert spark_full.mode == "full" and spark_delta.mode == "delta"
    assert spark_full.customers_screened == len(rows)
    assert _alerts(spark_full) == _alerts(local_full)
    assert _alerts(spark_delta) == _alerts(local_delta)
    assert ("story-versor", "ofac-sdn-44579") in _alerts(spark_delta)
