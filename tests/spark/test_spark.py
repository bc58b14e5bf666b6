"""clearance.spark on a real local Spark: same results as the local engine and single calls."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

import clearance
from clearance.batch import BatchConfig, ResultOptions, run_batch
from clearance.settings import Settings
from clearance.spark import screen
from clearance.spark.batch import run_spark_batch
from tests.batch.homes import customer_rows, write_csv

pytestmark = pytest.mark.spark

BAD = [
    {"id": "bad-1", "name": "", "type": "person"},
    {"id": "bad-2", "name": "Some Body", "type": "robot"},
]


@pytest.fixture(scope="module")
def rows(spark_home_names: tuple[Path, list[str]]) -> list[dict[str, str]]:
    return customer_rows(400, spark_home_names[1], seed=3) + BAD


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_screen_equals_local_engine_and_single_calls(
    spark: Any, spark_home_names: tuple[Path, list[str]], rows: list[dict[str, str]], tmp_path: Path
) -> None:
    home = spark_home_names[0]
    df = spark.createDataFrame(rows, "id string, name string, type string").repartition(4)
    out = screen(df.sortWithinPartitions("id"), home=home, type_col="type").collect()
    by_id = {r["id"]: r.asDict() for r in out}
    assert len(out) == len(rows) == len(by_id)
    assert by_id["bad-1"]["error"] == "name is empty" and by_id["bad-1"]["alert"] is None
    assert "unknown type" in by_id["bad-2"]["error"]
    src = write_csv(tmp_path / "in.csv", rows)
    run_batch(BatchConfig(src, tmp_path / "local.jsonl", chunk_rows=100), Settings(home=home))
    local = jsonl(tmp_path / "local.jsonl")
    assert len(local) == len(rows) - len(BAD)
    for row in local:
        got = dict(by_id[row["id"]])
        assert got.pop("error") is None
        assert got == row
    engine = clearance.open(home)
    for given in rows[:400:9]:
        result = engine.screen(given["name"], type=given["type"] or None)
        got = by_id[given["id"]]
        assert got["alert"] == result.alert
        assert got["entity_id"] == (result.matches[0].entity_id if result.matches else None)
    assert any(r["alert"] for r in local)


def test_detail_equals_local_detail(
    spark: Any, spark_home_names: tuple[Path, list[str]], rows: list[dict[str, str]], tmp_path: Path
) -> None:
    home = spark_home_names[0]
    sample = rows[:120]
    df = spark.createDataFrame(sample, "id string, name string, type string")
    out = [r.asDict(recursive=True) for r in screen(df, home=home, detail=True, top_k=3).collect()]
    src = write_csv(tmp_path / "in.csv", sample)
    options = ResultOptions(top_k=3, detail=True)
    run_batch(BatchConfig(src, tmp_path / "d.jsonl", result=options), Settings(home=home))
    for got, want in zip(out, jsonl(tmp_path / "d.jsonl"), strict=True):
        assert got.pop("error") is None
        assert got == want


def test_engine_spark_writes_the_local_output(
    spark: Any, spark_home_names: tuple[Path, list[str]], rows: list[dict[str, str]], tmp_path: Path
) -> None:
    home = spark_home_names[0]
    src = write_csv(tmp_path / "in.csv", rows)
    with src.open("a", encoding="utf-8") as handle:
        handle.write("bad-3,too,many,columns\n")
    settings = Settings(home=home)
    local = run_batch(BatchConfig(src, tmp_path / "local.csv", chunk_rows=100), settings)
    spark_cfg = BatchConfig(src, tmp_path / "spark.csv", workers=2, chunk_rows=100)
    summary = run_spark_batch(spark_cfg, settings, master="local[2]")
    assert (tmp_path / "spark.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert (summary.rows, summary.alerts, summary.errors) == (local.rows, local.alerts, 3)
    errors = jsonl(tmp_path / "spark.csv.errors.jsonl")
    assert [e["id"] for e in errors] == ["bad-1", "bad-2", "bad-3"]
    assert errors[2]["raw"] == "bad-3,too,many,columns"


def test_screener_is_loaded_once_per_python_worker(
    spark: Any, spark_home_names: tuple[Path, list[str]], rows: list[dict[str, str]]
) -> None:
    home = spark_home_names[0]
    df = spark.createDataFrame(rows, "id string, name string, type string").repartition(6)
    assert screen(df, home=home).count() == len(rows)
    assert screen(df, home=home).count() == len(rows)

    def probe(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from clearance import spark as module

        for _ in batches:
            loads = max(module.LOADS.values(), default=0)
            yield pa.RecordBatch.from_pylist([{"pid": os.getpid(), "loads": loads}])

    report = df.mapInArrow(probe, "pid long, loads long").collect()
    assert max(r["loads"] for r in report) == 1


def test_missing_column_is_a_clear_error(
    spark: Any, spark_home_names: tuple[Path, list[str]]
) -> None:
    df = spark.createDataFrame([("1", "x")], "id string, full_name string")
    with pytest.raises(clearance.errors.ClearanceError, match="name_col"):
        screen(df, home=spark_home_names[0])


def test_snapshot_shipped_to_executors_with_add_file(
    spark: Any, spark_home_names: tuple[Path, list[str]], rows: list[dict[str, str]]
) -> None:
    home = spark_home_names[0]
    df = spark.createDataFrame(rows[:50], "id string, name string, type string")
    local = [r.asDict() for r in screen(df, home=home).collect()]
    shipped = [r.asDict() for r in screen(df, home=home, ship_snapshot=True).collect()]
    assert shipped == local

    def where(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from clearance import spark as module

        for _ in batches:
            paths = [key.split("|")[0] for key in module.LOADS]
            yield pa.RecordBatch.from_pylist([{"path": p} for p in paths])

    loaded = {r["path"] for r in df.mapInArrow(where, "path string").collect()}
    assert any(not p.startswith(str(home)) for p in loaded)  # a copy in Spark's files folder
