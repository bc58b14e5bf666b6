"""Monitoring benchmark: book import, delta re-screens and the full re-screen baseline.

    .venv/bin/python benchmarks/monitor_bench.py [--size 100000] [--data ../shared/data]
                     [--only import|new] [--new N] [--alerts-out FILE]

On one home (SDN 2023-12-28, then 2024-05-03, then a day-sized change of 10 entities) and a
generated book of ``--size`` customers, in one run:

1. ``book import`` of the whole book (rows/s; extrapolated to 1,000,000 rows), and the
   reverse-screening index built for it (as ``clearance book import`` does);
2. the first monitoring run on 2023-12-28: a full screening of the book (the baseline);
3. the delta re-screen 2023-12-28 -> 2024-05-03 (about 1,300 added or changed entities: the
   2024-05-03 file set is partial and compared like with like);
4. a day-sized delta: 10 entities added;
5. new customers: ``--size / 20`` (at least 5,000; or ``--new N``) imported and screened
   (customers/s);
6. memory: a fresh process's resident size before and after loading the book's stored
   reverse index (what a monitoring run holds), and the peak resident size of the benchmark
   process.

``--only new`` runs steps 1, 2 and 5 only (the full screening is the first run, which step 5's
run follows), against 2023-12-28: a quicker measure of the new-customer screening.

The machine's load average is printed with the figures (the development machine is shared), and
the CPU seconds of each step (this process and its forked workers), which the load does not
inflate.
``--only import`` stops after step 1 (the import and its index: a run of seconds, not minutes).

Figures at a reduced ``--size`` are extrapolated linearly to 1,000,000 customers and marked so.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.monitor.books import generate, listed_names, write_book  # noqa: E402

from clearance.app import index_builder  # noqa: E402
from clearance.db import open_database  # noqa: E402
from clearance.model import Name  # noqa: E402
from clearance.monitor import Book, Monitor  # noqa: E402
from clearance.monitor.reverse import BookIndex  # noqa: E402
from clearance.settings import Settings  # noqa: E402
from clearance.snapshots import SnapshotStore  # noqa: E402
from clearance.sources import read_path  # noqa: E402

TARGET = 1_000_000


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def rss_mb() -> float:
    return _status_mb("VmRSS:")


def peak_mb() -> float:
    return _status_mb("VmHWM:")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}/{fifteen:.1f} on {os.cpu_count()} cores"


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the forked workers): a figure the
    machine's load does not inflate as it does wall time."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(label: str, func, *args, **kw):  # type: ignore[no-untyped-def]
    start, cpu = time.perf_counter(), cpu_seconds()
    result = func(*args, **kw)
    took, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    print(f"{label:<48} {took:8.1f} s   (CPU {cpu:.1f} s; {load()})", flush=True)
    return result, took


def index_rss(home: str) -> None:
    """Child process: load the book's stored reverse index as the monitor does; print RSS
    before/after, names held, seconds and the size on disk (MB)."""
    settings = Settings(home=Path(home))
    book = Book(open_database(settings))
    before = rss_mb()
    start = time.perf_counter()
    index = BookIndex.refresh(book, settings.home)
    took = time.perf_counter() - start
    folder = settings.home / "monitor" / "customer-index"
    disk = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
    print(before, rss_mb(), len(index), took, disk)


def dump_alerts(path: Path, runs: dict[str, Any]) -> None:
    """Each run's alerts, one line each, sorted: run, customer, entity, score, cause and
    feature reasons."""
    lines = sorted(
        f"{label}\t{a['customer_id']}\t{a['entity_id']}\t{a['score']!r}\t{a['cause']}\t"
        f"{json.dumps(a['reasons'], sort_keys=True)}"
        for label, summary in runs.items() for a in summary.alerts
    )  # fmt: skip
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"alerts written to {path} ({len(lines):,})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--alerts-out", type=Path, metavar="FILE",
                        help="write every run's alerts (sorted) to FILE, to compare two versions "
                        "on the same book (run both with the same PYTHONHASHSEED)")  # fmt: skip
    parser.add_argument(
        "--new",
        type=int,
        metavar="N",
        help="new customers screened in step 5 (default: size / 20, >= 5,000)",
    )
    parser.add_argument(
        "--only",
        choices=["import", "new"],
        help="import: the book import and its index only; new: import, full screening and "
        "new customers only (see above)",
    )
    parser.add_argument("--index-rss", metavar="HOME", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.index_rss:
        index_rss(args.index_rss)
        return
    scale = TARGET / args.size
    work = Path(tempfile.mkdtemp(prefix="monitor-bench-"))
    settings = Settings(home=work / "home", screen_cache=0)
    store = SnapshotStore(settings)
    sdn = args.data / "ofac"
    print(f"monitor bench: {args.size:,} customers (x{scale:g} to 1M); {load()}")
    old = read_path(sdn / "sdn_csv_2023-12-28")
    new = read_path(sdn / "sdn_csv_2024-05-03")
    first = store.install([old], builders=[index_builder])
    rows = generate(args.size, listed_names(old.entities + new.entities), args.size // 100)
    path = write_book(work / "book.csv", rows)
    db = open_database(settings)
    book = Book(db)
    workers = os.cpu_count() or 1
    result, took = timed(f"import {args.size:,} customers", book.import_file, path,
                         workers=workers, index_forms=True)  # fmt: skip
    _, index_s = timed("reverse index of the book (from the import)", BookIndex.refresh, book,
                       settings.home, workers=workers, imported=result)  # fmt: skip
    print(f"  -> {result.rows / took:,.0f} rows/s; 1M rows ~ {took * scale:,.0f} s, with the "
          f"index ~ {(took + index_s) * scale:,.0f} s (target <= 60)")  # fmt: skip
    if args.only == "import":
        print(f"peak RSS of the benchmark process {peak_mb():,.0f} MB; done; {load()}")
        return

    monitor = Monitor(settings, db, workers=workers)
    full, full_s = timed("full screening of the book (baseline)", monitor.run, first)
    rate = full.customers_screened / full_s
    print(f"  -> {rate:,.0f} customers/s; {len(full.alerts):,} alerts; "
          f"1M ~ {full_s * scale:,.0f} s")  # fmt: skip

    runs = {"full": full}
    target = first
    if args.only != "new":
        runs["delta"], runs["day"], target = deltas(store, monitor, new, full_s, scale)
    count = args.new or max(5_000, args.size // 20)
    runs["new"] = new_customers(work, book, monitor, target, rows, new, count, workers)

    if args.alerts_out:
        dump_alerts(args.alerts_out, runs)
    if args.only != "new":
        memory(settings.home)
    print(f"peak RSS of the benchmark process {peak_mb():,.0f} MB; done; {load()}")


def deltas(store: SnapshotStore, monitor: Monitor, new: Any, full_s: float,
           scale: float) -> tuple[Any, Any, Any]:  # fmt: skip
    """Steps 3 and 4: the delta to 2024-05-03, then a day-sized delta; their runs and the
    last snapshot."""
    second = store.install([new], builders=[index_builder])
    delta, delta_s = timed("delta 2023-12-28 -> 2024-05-03", monitor.run, second)
    print(f"  -> {delta.entities_screened:,} entities, {delta.candidates:,} candidates, "
          f"{len(delta.alerts):,} new alerts; 1M ~ {delta_s * scale:,.0f} s (target <= 60), "
          f"full re-screen of 1M ~ {full_s * scale:,.0f} s")  # fmt: skip

    rng = random.Random(5)
    extra = []
    for i, entity in enumerate(rng.sample(new.entities, 10)):
        renamed = Name(entity.caption + " Trading")
        extra.append(replace(entity, source_id=f"9900{i}", names=(renamed, *entity.names)))
    day = replace(new, entities=list(new.entities) + extra)
    third = store.install([day], builders=[index_builder])
    small, small_s = timed("day-sized delta (10 entities)", monitor.run, third)
    print(f"  -> {small.candidates:,} candidates, {len(small.alerts):,} new alerts; "
          f"1M ~ {small_s * scale:,.1f} s (target <= 5)")  # fmt: skip
    return delta, small, third


def new_customers(work: Path, book: Book, monitor: Monitor, snapshot: Any, rows: list[Any],
                  new: Any, count: int, workers: int) -> Any:  # fmt: skip
    """Step 5: ``count`` new customers imported, then screened by a monitoring run."""
    fresh = work / "new.csv"
    with fresh.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in generate(count, listed_names(new.entities), count // 100, seed=99):
            writer.writerow({**row, "id": "n" + row["id"]})
    book.import_file(fresh, workers=workers)
    added, added_s = timed(f"{count:,} new customers screened", monitor.run, snapshot)
    print(f"  -> {added.customers_screened / added_s:,.0f} customers/s (target >= 5,000; "
          f"{workers} processes; run includes loading the screener and writing "
          f"{len(added.alerts):,} alerts and their cases)")  # fmt: skip
    return added


def memory(home: Path) -> None:
    """Step 6: RSS of a fresh process before and after loading the book's stored index."""
    child = subprocess.run(
        [sys.executable, __file__, "--index-rss", str(home)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    before, after, count, load_s, disk = (float(x) for x in child.stdout.split())
    per = (after - before) / count
    print(f"{'customer index loaded (as the monitor holds it)':<48} {load_s:8.1f} s   ({load()})")
    projected = per * TARGET
    print(f"  -> RSS {before:,.0f} -> {after:,.0f} MB for {count:,.0f} names "
          f"({per * 1024:,.2f} KB each, {disk:,.0f} MB on disk); 1M ~ {projected:,.0f} MB "
          f"(target <= 2,048)")  # fmt: skip


if __name__ == "__main__":
    main()
