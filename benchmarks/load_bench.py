"""Loading benchmark: all official lists into one snapshot, as `clearance load` does.

    python benchmarks/load_bench.py [--repeat N]

Prints, for the OFAC SDN 2023-12-28 set, the OFAC consolidated CSV, the UN XML and the UK 2025
workbook: parse time per list (the parallel run also indexes each list, and serialises it for the
store, where it is parsed), store write time, matcher index time (merge + lookup tables, or the
whole build) and the total (target: all of it in <= 10 s), plus the baseline from the same run:
the same work done in one process, lists parsed one after the other; and the CPU time of reading
the SDN set alone (the brief: well under 2 s), shown here rather than bounded in a timed test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from clearance.loading import parse_and_index
from clearance.matching.artifact import index_builder
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLEARANCE_TEST_DATA", ROOT.parent / "shared" / "data"))
PATHS = [
    DATA / "ofac" / "sdn_csv_2023-12-28",
    DATA / "ofac" / "cons_csv_2025-12-19",
    DATA / "un" / "2026-02-27" / "consolidated.xml",
    DATA / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx",
]


def run_once(parallel: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="clearance-load-") as home:
        store = SnapshotStore(Settings(home=Path(home)))
        start = time.perf_counter()
        builder = index_builder
        if parallel:
            parsed, seconds, partials = parse_and_index(PATHS, None, None)
            builder = index_builder.with_partials(partials)
        else:
            parsed, seconds = [], {}
            for path in PATHS:
                t0 = time.perf_counter()
                item = read_path(path)
                seconds[item.list] = time.perf_counter() - t0
                parsed.append(item)
        parse_done = time.perf_counter()
        index_seconds = 0.0

        def timed_index(staging: Path, snapshot: object) -> None:
            nonlocal index_seconds
            t0 = time.perf_counter()
            builder(staging, snapshot)  # type: ignore[arg-type]
            index_seconds = time.perf_counter() - t0

        store.install(parsed, builders=[timed_index])
        end = time.perf_counter()
        return {
            **{f"parse {k}": v for k, v in seconds.items()},
            "parse (wall)": parse_done - start,
            "store": end - parse_done - index_seconds,
            "index": index_seconds,
            "total": end - start,
            "entities": float(sum(p.counts()["entities"] for p in parsed)),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    missing = [p for p in PATHS if not p.exists()]
    if missing:
        print(f"missing list files: {missing} (set CLEARANCE_TEST_DATA)", file=sys.stderr)
        return 2
    before = os.getloadavg()
    runs = {"clearance load (parallel parse+index)": [], "baseline: one process, sequential": []}
    for _ in range(args.repeat):
        runs["clearance load (parallel parse+index)"].append(run_once(parallel=True))
        runs["baseline: one process, sequential"].append(run_once(parallel=False))
    print(
        f"Loading OFAC SDN + consolidated + UN + UK ({os.cpu_count()} cores), median of "
        f"{args.repeat} runs, seconds; machine load average before {before}, after "
        f"{os.getloadavg()} (figures on a busy machine are pessimistic)"
    )
    keys = list(runs["clearance load (parallel parse+index)"][0])
    print(f"{'step':32}" + "".join(f"{name[:34]:>36}" for name in runs))
    for key in keys:
        cells = []
        for results in runs.values():
            value = statistics.median(r.get(key, 0.0) for r in results)
            cells.append(f"{value:>36,.0f}" if key == "entities" else f"{value:>36.2f}")
        print(f"{key:32}" + "".join(cells))
    cpu = []
    for _ in range(args.repeat):
        started = time.process_time()
        read_path(PATHS[0])
        cpu.append(time.process_time() - started)
    sdn = statistics.median(cpu)
    verdict = "meets" if sdn < 2 else "MISSES"
    print(f"\nreading the OFAC SDN 2023-12-28 set alone: {sdn:.2f} s of CPU (median of "
          f"{args.repeat}; target: well under 2 s): {verdict}")  # fmt: skip
    best = statistics.median(r["total"] for r in runs["clearance load (parallel parse+index)"])
    verdict = "meets" if best <= 10 else "MISSES"
    print(f"\ntotal {best:.2f} s: {verdict} the 10 s target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
