"""``clearance batch --engine spark``: the same batch run, with Spark doing the screening.

Spark reads the input file (split into partitions), the executors screen with
:func:`clearance.spark.arrow_screen_fn`, and the driver streams the results back in partition
order (``toLocalIterator``) into one output file written exactly as the local engine writes it.
A Spark job is not resumable chunk by chunk: a failed job is run again as a whole.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from clearance.batch.checkpoint import Checkpoint, checkpoint_path, fingerprint
from clearance.batch.checkpoint import Committed as _Committed
from clearance.batch.columns import ColumnMapping, resolve_columns
from clearance.batch.io import InputFile, detect_format, open_input
from clearance.batch.results import arrow_schema, csv_header, encode_rows
from clearance.batch.runner import BatchConfig, BatchSummary, active_snapshot, output_format
from clearance.batch.sinks import ParquetSink, TextSink
from clearance.errors import CheckpointError, ColumnError
from clearance.settings import Settings
from clearance.spark import (
    CORRUPT_COLUMN,
    ERROR_COLUMN,
    RAW_COLUMN,
    arrow_screen_fn,
    output_schema,
)


def local_session(master: str, app_name: str = "clearance") -> Any:
    """A Spark session for the CLI (and tests): quiet, no UI, workers on this Python."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def read_input(spark: Any, source: InputFile, parallelism: int) -> Any:
    """The input as a DataFrame of strings (CSV/JSONL keep a ``_corrupt_record`` column)."""
    from pyspark.sql.types import StringType, StructField, StructType

    size = max(source.path.stat().st_size, 1)
    split = max(size // max(parallelism * 2, 1) + 1, 1 << 18)
    spark.conf.set("spark.sql.files.maxPartitionBytes", str(split))
    path = str(source.path)
    if source.format == "parquet":
        return spark.read.parquet(path)
    fields = [StructField(c, StringType()) for c in source.header]
    schema = StructType(fields + [StructField(CORRUPT_COLUMN, StringType())])
    reader = (
        spark.read.schema(schema)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT_COLUMN)
        .option("encoding", source.text.encoding)
    )
    if source.format == "jsonl":
        return reader.json(path)
    return (
        reader.option("header", True)
        .option("sep", source.text.delimiter)
        .option("quote", '"')
        .option("escape", '"')
        .option("multiLine", False)
        .csv(path)
    )


def _check_unfinished(config: BatchConfig) -> None:
    path = checkpoint_path(config.output)
    if path.exists() and Checkpoint.read(path).status != "done":
        raise CheckpointError(
            f"{config.output} belongs to an unfinished local run (checkpoint {path}); finish it "
            "with --resume, or delete the checkpoint to start over"
        )


def run_spark_batch(
    config: BatchConfig, settings: Settings, master: str | None = None
) -> BatchSummary:
    """Screen ``config.input`` with Spark into ``config.output`` (same files as the local run)."""
    out_fmt = output_format(config)
    source = open_input(config.input, detect_format(config.input, config.input_format), config.text)
    mapping = resolve_columns(config.columns, source.header)
    if mapping.id is None:
        raise ColumnError(
            "--engine spark needs an id column (Spark has no line numbers); name it with "
            "--id-column"
        )
    _check_unfinished(config)
    snapshot_id, snapshot_path = active_snapshot(settings)
    spark = local_session(master or f"local[{config.workers}]")
    started = time.monotonic()
    df = read_input(spark, source, config.workers)
    columns = list(mapping.columns) + ([CORRUPT_COLUMN] if CORRUPT_COLUMN in df.columns else [])
    fn = arrow_screen_fn(str(snapshot_path), settings, mapping, config.result, strict_input=True)
    from pyspark.sql.pandas.types import from_arrow_schema

    schema = from_arrow_schema(output_schema(config.result.detail, raw=True))
    results = df.select(*columns).mapInArrow(fn, schema)
    summary = _write(config, out_fmt, mapping, results.toLocalIterator(prefetchPartitions=True))
    summary.seconds = time.monotonic() - started
    summary.workers = config.workers
    summary.snapshot = snapshot_id
    _record(config, summary, source.format)
    return summary


def _write(config: BatchConfig, out_fmt: str, mapping: ColumnMapping, rows: Any) -> BatchSummary:
    detail = config.result.detail
    output: TextSink | ParquetSink
    if out_fmt == "parquet":
        output = ParquetSink(config.output, arrow_schema(detail))
    else:
        header = csv_header(config.text.delimiter) if out_fmt == "csv" else b""
        output = TextSink(config.output, header)
    errors = TextSink(config.errors_path)
    errors.open(None, lock=True)
    output.open(None)
    summary = BatchSummary(config.output, config.errors_path, "", "", "")
    buffer: list[dict[str, Any]] = []

    def flush() -> None:
        output.append(encode_rows(buffer, out_fmt, detail, config.text.delimiter))  # type: ignore[arg-type]
        buffer.clear()

    try:
        for row in rows:
            data = row.asDict(recursive=True)
            error, raw = data.pop(ERROR_COLUMN), data.pop(RAW_COLUMN)
            summary.rows += 1
            if error is not None:
                summary.errors += 1
                bad = {"line": None, "raw": raw, "reason": error, "id": data.get("id") or None}
                errors.append(orjson.dumps(bad) + b"\n")
                continue
            summary.screened += 1
            summary.alerts += bool(data["alert"])
            if detail:
                summary.algorithm = data["algorithm"]
                summary.algorithm_version = data["algorithm_version"]
            buffer.append(data)
            if len(buffer) >= config.chunk_rows:
                flush()
        flush()
        output.sync()
        errors.sync()
        if isinstance(output, ParquetSink):
            output.finish()
            output.cleanup()
    finally:
        output.close()
        errors.close()
    summary.session_rows = summary.rows
    return summary


def _record(config: BatchConfig, summary: BatchSummary, in_fmt: str) -> None:
    """Leave a finished checkpoint so the run is auditable like a local one."""
    from clearance.matching.engine import ALGORITHM, ALGORITHM_VERSION

    summary.algorithm = summary.algorithm or ALGORITHM
    summary.algorithm_version = summary.algorithm_version or ALGORITHM_VERSION
    done = _Committed(
        rows=summary.rows,
        screened=summary.screened,
        alerts=summary.alerts,
        errors=summary.errors,
        output_size=config.output.stat().st_size,
        errors_size=config.errors_path.stat().st_size,
    )
    Checkpoint(
        input=fingerprint(config.input) | {"format": in_fmt},
        output=str(Path(config.output).resolve()),
        errors_path=str(config.errors_path.resolve()),
        options=config.options() | {"engine": "spark"},
        snapshot=summary.snapshot,
        algorithm=summary.algorithm,
        algorithm_version=summary.algorithm_version,
        committed=done,
        status="done",
        elapsed=summary.seconds,
    ).write(checkpoint_path(config.output))
