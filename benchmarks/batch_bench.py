"""Batch screening benchmark: `clearance batch` on synthetic customers, against every list.

    .venv/bin/python benchmarks/batch_bench.py                    # 1,000,000 rows (long)
    .venv/bin/python benchmarks/batch_bench.py --rows 50000       # smaller
    .venv/bin/python benchmarks/batch_bench.py --spark-rows 0     # skip Spark

It loads OFAC SDN 2023-12-28, OFAC consolidated 2025-12-19, UN 2026-02-27 and UK OFSI 2025-04-10
into a fresh home (``clearance load``), writes seeded Faker names from 20 locales (~1% perturbed
listed names) to a CSV (cached in ``--work``), runs ``clearance batch`` in a subprocess and prints:
names/s and wall time, peak RSS of the parent and the largest worker, CPU per row split between
the engine, the rest of the worker and the parent, the baseline of single ``Clearance.screen``
calls on a sample of the same file, a profile of where the engine spends its time, and Spark
local throughput at 2/4/8 partitions on a smaller sample. Target: >= 5,000 names/s on 2 cores.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import csv
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_data import write_customers  # noqa: E402

DATA = Path(
    os.environ.get("CLEARANCE_TEST_DATA", Path(__file__).resolve().parents[2] / "shared/data")
)
LISTS = [
    "ofac/sdn_csv_2023-12-28",
    "ofac/cons_csv_2025-12-19",
    "un/2026-02-27/consolidated.xml",
    "uk/ofsi_conlist_2025-04-10/ConList.xlsx",
]
TARGET = 5000.0
CLI = [sys.executable, "-c", "from clearance.cli.main import app; app()"]


def cores() -> int:
    return len(os.sched_getaffinity(0))


def load_home(home: Path) -> float:
    if (home / "ACTIVE").exists():
        return 0.0
    start = time.perf_counter()
    paths = [str(DATA / p) for p in LISTS if (DATA / p).exists()]
    subprocess.run([*CLI, "--home", str(home), "load", *paths], check=True, capture_output=True)
    return time.perf_counter() - start


def run_batch_cli(home: Path, src: Path, out: Path, workers: int) -> tuple[dict[str, Any], float]:
    """Run `clearance batch` as a user would; returns its JSON summary and the wall time."""
    for stale in (out, out.with_name(out.name + ".checkpoint.json")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [
            *CLI,
            "--home",
            str(home),
            "batch",
            str(src),
            "-o",
            str(out),
            "--workers",
            str(workers),
            "--json",
        ],  # fmt: skip
        capture_output=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"clearance batch failed:\n{proc.stderr.decode()}")
    return orjson.loads(proc.stdout), wall


def sample_rows(src: Path, count: int) -> list[dict[str, str]]:
    with src.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return [row for _, row in zip(range(count), reader, strict=False)]


def single_calls(home: Path, rows: list[dict[str, str]]) -> tuple[float, float, str]:
    """Single `Clearance.screen` calls, one process: (µs wall per row, µs CPU, top functions)."""
    import clearance
    from clearance.errors import QueryError
    from clearance.settings import Settings

    # Result cache off: the profile below screens rows again, and should see the engine.
    engine = clearance.open(home, Settings(home=home, screen_cache=0))
    engine.screener  # noqa: B018 - load before timing

    def screen_all(subset: list[dict[str, str]]) -> None:
        for row in subset:
            with contextlib.suppress(QueryError):
                engine.screen(row["name"], type=row["type"] or None, dob=row["dob"] or None,
                              country=row["country"] or None, id=row["id"])  # fmt: skip

    screen_all(rows[:50])  # warm caches
    wall, cpu = time.perf_counter(), time.process_time()
    screen_all(rows)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    profile = cProfile.Profile()
    profile.enable()
    screen_all(rows[: min(len(rows), 500)])
    profile.disable()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(12)
    lines = [ln for ln in text.getvalue().splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.strip().startswith("ncalls"))
    top = "\n".join("    " + ln.replace(str(Path.cwd()) + "/", "") for ln in lines[start:])
    return wall / len(rows) * 1e6, cpu / len(rows) * 1e6, top


def spark_throughput(home: Path, src: Path, rows: int, partitions: list[int]) -> list[str]:
    """Rows/s of clearance.spark.screen on a local[cores] cluster at several partition counts."""
    from clearance.spark import screen
    from clearance.spark.batch import local_session

    sample = src.with_name(f"{src.stem}.spark-{rows}.csv")
    if not sample.exists():
        with src.open("rb") as handle, sample.open("wb") as out:
            for _, line in zip(range(rows + 1), handle, strict=False):
                out.write(line)
    spark = local_session(f"local[{cores()}]", "clearance-bench")
    out = []
    try:
        df = spark.read.option("header", True).option("escape", '"').csv(str(sample))
        screen(df.limit(200), home=home).write.format("noop").mode("overwrite").save()  # warm
        for count in partitions:
            part = df.repartition(count).cache()
            part.count()
            start = time.perf_counter()
            screen(part, home=home, type_col="type").write.format("noop").mode("overwrite").save()
            seconds = time.perf_counter() - start
            part.unpersist()
            out.append(f"  {count} partitions: {rows / seconds:,.0f} names/s ({seconds:.1f} s)")
    finally:
        spark.stop()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=cores())
    parser.add_argument(
        "--single", type=int, default=2000, help="rows for the single-call baseline"
    )
    parser.add_argument("--spark-rows", type=int, default=100_000, help="0 skips Spark")
    parser.add_argument("--partitions", default="2,4,8")
    work = Path(tempfile.gettempdir()) / "clearance-batch-bench"
    parser.add_argument("--work", type=Path, default=work)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    home = args.work / "home"
    print(f"machine: {cores()} cores, load average {os.getloadavg()}; workers {args.workers}; "
          f"work folder {args.work}")  # fmt: skip
    loaded = load_home(home)
    print(f"lists loaded{f' in {loaded:.1f} s' if loaded else ' (cached)'}: "
          + ", ".join(Path(p).parts[0] + "/" + Path(p).parts[1] for p in LISTS))  # fmt: skip
    src = args.work / f"customers-{args.rows}.csv"
    made = write_customers(src, args.rows, home)
    print(f"input: {args.rows:,} Faker names, {src.stat().st_size / 1e6:,.1f} MB"
          + (f" (generated in {made:.1f} s)" if made else " (cached)"))  # fmt: skip

    summary, wall = run_batch_cli(home, src, args.work / "results.csv", args.workers)
    rows = summary["rows"]
    rate = rows / wall
    print("\n== clearance batch ==")
    print(f"  rows {rows:,}  alerts {summary['alerts']:,}  errors {summary['errors']:,}")
    print(f"  wall {wall:.1f} s (run {summary['seconds']:.1f} s + start-up) -> {rate:,.0f} names/s"
          f"  [target {TARGET:,.0f}/s: {'met' if rate >= TARGET else 'NOT met'}]")  # fmt: skip
    print(f"  peak RSS: parent {summary['max_rss_parent_kb'] / 1024:,.0f} MB, largest worker "
          f"{summary['max_rss_worker_kb'] / 1024:,.0f} MB")  # fmt: skip
    engine_cpu = summary["engine_cpu_seconds"] / rows * 1e6
    worker_cpu = summary["worker_cpu_seconds"] / rows * 1e6
    parent_cpu = summary["parent_cpu_seconds"] / rows * 1e6
    total_cpu = engine_cpu + (worker_cpu - engine_cpu) + parent_cpu
    print(f"  CPU per row: engine {engine_cpu:,.0f} µs, rest of worker (parse/encode) "
          f"{worker_cpu - engine_cpu:,.0f} µs, parent (read/write/commit) {parent_cpu:,.0f} µs"
          f" -> engine share {engine_cpu / total_cpu:.0%}")  # fmt: skip
    print(f"  best possible on {cores()} cores at this engine cost: "
          f"{cores() * 1e6 / total_cpu:,.0f} names/s")  # fmt: skip

    single = sample_rows(src, args.single)
    per_row, per_row_cpu, top = single_calls(home, single)
    print(f"\n== baseline: single Clearance.screen calls, 1 process, {len(single):,} rows ==")
    print(f"  {per_row:,.0f} µs/row wall ({per_row_cpu:,.0f} µs CPU) -> {1e6 / per_row:,.0f} "
          f"names/s; batch costs {wall / rows * 1e6:,.0f} µs/row wall, "
          f"{total_cpu:,.0f} µs/row CPU")  # fmt: skip
    print("  where the engine spends its time (cProfile, by own time):")
    print(top)

    if args.spark_rows:
        partitions = [int(p) for p in args.partitions.split(",")]
        spark_rows = min(args.spark_rows, args.rows)
        print(f"\n== Spark local[{cores()}], clearance.spark.screen, {spark_rows:,} rows ==")
        for line in spark_throughput(home, src, spark_rows, partitions):
            print(line)


if __name__ == "__main__":
    main()
