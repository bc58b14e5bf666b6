"""Speed: index build, stored-index load, per-query latency, throughput and memory."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench_data import QuerySpec
from bench_quality import to_query
from bench_venv import WORK_DIR

from clearance.matching.engine import Screener, build_index
from clearance.matching.query import ScreenOptions
from clearance.model import Entity

# Runs in a fresh interpreter so that the memory figure holds only what screening needs.
_RSS_SCRIPT = """
import json, resource, sys, time
from pathlib import Path
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import Settings
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
screener = Screener.load(Path(sys.argv[1]), Settings())
load = time.perf_counter() - started
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for item in json.loads(Path(sys.argv[2]).read_text()):
    screener.screen(make_query(item["name"], type=item["type"]), ScreenOptions(limit=10))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load_s": load, "base_kb": base, "loaded_kb": loaded, "peak_kb": peak}))
"""


@dataclass
class Latency:
    seconds: list[float]
    wall: float

    @property
    def qps(self) -> float:
        return len(self.seconds) / self.wall if self.wall else 0.0

    @property
    def mean(self) -> float:
        return sum(self.seconds) / max(1, len(self.seconds))


def latency(screener: Screener, specs: Sequence[QuerySpec]) -> Latency:
    """Time ``screen`` per query, in process, one thread (after a short warm-up)."""
    queries = [to_query(s) for s in specs]
    options = ScreenOptions(limit=10)
    for query in queries[:50]:
        screener.screen(query, options)
    times: list[float] = []
    started = time.perf_counter()
    for query in queries:
        t0 = time.perf_counter()
        screener.screen(query, options)
        times.append(time.perf_counter() - t0)
    return Latency(times, time.perf_counter() - started)


@dataclass
class StoredIndex:
    write_s: float
    load_s: float
    size_mb: float
    base_mb: float
    loaded_mb: float
    peak_mb: float


def stored_index(
    entities: Sequence[Entity], lists: dict[str, str], specs: Sequence[QuerySpec]
) -> StoredIndex:
    """build_index into a temp snapshot folder, then Screener.load + screen in a fresh process."""
    WORK_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK_DIR) as tmp:
        snapshot = Path(tmp) / "snapshot"
        started = time.perf_counter()
        path = build_index(snapshot, entities, "bench", lists)
        write_s = time.perf_counter() - started
        size = sum(p.stat().st_size for p in path.parent.rglob("*") if p.is_file())
        queries = Path(tmp) / "queries.json"
        queries.write_text(json.dumps([{"name": s.name, "type": s.schema} for s in specs]))
        result = subprocess.run(
            [sys.executable, "-c", _RSS_SCRIPT, str(snapshot), str(queries)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"memory probe failed:\n{result.stderr[-3000:]}")
        probe = json.loads(result.stdout.strip().splitlines()[-1])
    return StoredIndex(
        write_s,
        probe["load_s"],
        size / 1e6,
        probe["base_kb"] / 1024,
        probe["loaded_kb"] / 1024,
        probe["peak_kb"] / 1024,
    )
