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

from clearance.matching.artifact import build_index
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions
from clearance.model import Entity

# Runs in a fresh interpreter so that the memory figure holds only what screening needs.
_RSS_SCRIPT = """
import json, sys, time
from pathlib import Path

def vm(key):  # VmHWM / VmRSS of this process in kB (ru_maxrss would include the parent's)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0

from clearance.matching.artifact import load_index
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import Settings
base = vm("VmHWM")
started, cpu = time.perf_counter(), time.process_time()
screener = Screener(load_index(Path(sys.argv[1])), Settings(screen_cache=0))
load, load_cpu = time.perf_counter() - started, time.process_time() - cpu
loaded = vm("VmRSS")
for item in json.loads(Path(sys.argv[2]).read_text()):
    screener.screen(make_query(item["name"], type=item["type"]), ScreenOptions(limit=10))
print(json.dumps({"load_s": load, "load_cpu_s": load_cpu, "base_kb": base, "loaded_kb": loaded,
                  "peak_kb": vm("VmHWM")}))
"""


@dataclass
class Latency:
    """Per-query times: wall clock, and CPU time of the screening thread.

    On a shared machine the wall clock includes time the thread waited for a core; the CPU
    time is what one query costs one core.
    """

    seconds: list[float]
    cpu: list[float]
    wall: float

    @property
    def qps(self) -> float:
        return len(self.seconds) / self.wall if self.wall else 0.0

    @property
    def qps_cpu(self) -> float:
        total = sum(self.cpu)
        return len(self.cpu) / total if total else 0.0

    @property
    def mean(self) -> float:
        return sum(self.seconds) / max(1, len(self.seconds))

    @property
    def mean_cpu(self) -> float:
        return sum(self.cpu) / max(1, len(self.cpu))


def latency(screener: Screener, specs: Sequence[QuerySpec]) -> Latency:
    """Time ``screen`` per query, in process, one thread (after a short warm-up)."""
    queries = [to_query(s) for s in specs]
    options = ScreenOptions(limit=10)
    for query in queries[:50]:
        screener.screen(query, options)
    times: list[float] = []
    cpu: list[float] = []
    started = time.perf_counter()
    for query in queries:
        t0, c0 = time.perf_counter(), time.thread_time()
        screener.screen(query, options)
        cpu.append(time.thread_time() - c0)
        times.append(time.perf_counter() - t0)
    return Latency(times, cpu, time.perf_counter() - started)


@dataclass
class StoredIndex:
    write_s: float
    load_s: float
    load_cpu_s: float
    size_mb: float
    base_mb: float
    loaded_mb: float
    peak_mb: float


def stored_index(
    entities: Sequence[Entity], lists: dict[str, str], specs: Sequence[QuerySpec]
) -> StoredIndex:
    """build_index into a temp snapshot folder, then load_index + screen in a fresh process."""
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
        probe["load_cpu_s"],
        size / 1e6,
        probe["base_kb"] / 1024,
        probe["loaded_kb"] / 1024,
        probe["peak_kb"] / 1024,
    )
