"""The worker side of a batch run: decode a chunk, build queries, screen, encode the output.

Each worker process loads the :class:`Screener` once from the snapshot directory (the engine is
not pickled); the parent sends raw chunks and gets back encoded bytes (or an Arrow table) ready
to append. The same :func:`process_chunk` runs in-process when ``--workers 1``.
"""

from __future__ import annotations

import gc
import os
import resource
import signal
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import orjson

from clearance.batch.columns import ColumnMapping, row_id, row_to_query
from clearance.batch.io import BadRecord, Format, RawChunk, TextOptions, decode_records, raw_text
from clearance.batch.results import ResultOptions, encode_rows, output_row
from clearance.errors import ClearanceError
from clearance.matching.engine import Screener
from clearance.matching.query import Query, ScreenOptions
from clearance.matching.result import ScreeningResult
from clearance.procs import die_with_parent
from clearance.settings import Settings

if TYPE_CHECKING:
    from clearance.app import Clearance
    from clearance.audit.receipts import ScreeningContext


@dataclass(frozen=True, slots=True)
class WorkerSetup:
    """Everything a worker needs besides the chunks (sent once, at start)."""

    snapshot_path: str
    settings: Settings
    header: tuple[str, ...]
    mapping: ColumnMapping
    text: TextOptions
    result: ResultOptions
    output_format: Format
    keep_alerts: bool = False  # send the alerting results back (``batch --record``)


@dataclass(slots=True)
class ChunkOutput:
    index: int
    payload: Any  # bytes (CSV/JSONL) or a pyarrow.Table (Parquet)
    errors: bytes  # JSONL lines for the errors file
    records: int  # input records in the chunk (screened + errors)
    screened: int
    alerts: int
    error_count: int
    end_offset: int
    end_line: int
    max_rss_kb: int = 0
    seconds: float = 0.0  # wall time spent screening (the engine), for the benchmark
    engine_cpu: float = 0.0  # CPU time of the same
    cpu: float = 0.0  # CPU time of the whole chunk (decode, screen, encode)
    alert_results: list[ScreeningResult] = field(default_factory=list)  # if keep_alerts


def peak_rss_kb() -> int:
    """This process's peak resident memory (``VmHWM``; ``ru_maxrss`` counts from before exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class ScreensMany(Protocol):
    """The application core (derived hits included) or a bare screener (Spark)."""

    def screen_many(
        self, queries: Sequence[Query], options: ScreenOptions | None = None
    ) -> list[ScreeningResult]: ...


def screen_queries(
    screener: ScreensMany, queries: Sequence[Query], options: ResultOptions
) -> list[ScreeningResult | str]:
    """``screen_many``; if it fails, screen one by one so one bad query costs one row."""
    screen_options = options.screen_options()
    try:
        return list(screener.screen_many(list(queries), screen_options))
    except Exception:  # noqa: BLE001 - isolate the failing query below
        pass
    out: list[ScreeningResult | str] = []
    for query in queries:
        try:
            out.append(screener.screen_many([query], screen_options)[0])
        except Exception as exc:  # noqa: BLE001 - reported in the errors file, run goes on
            out.append(f"screening failed: {type(exc).__name__}: {exc}")
    return out


def _raw_of(chunk: RawChunk, line: int, row: Mapping[str, Any], text: TextOptions) -> str:
    if chunk.format == "parquet":
        return orjson.dumps(row, default=str).decode()
    position = chunk.lines.index(line)
    return raw_text(chunk.records[position], text.encoding)


def process_chunk(screener: ScreensMany, setup: WorkerSetup, chunk: RawChunk) -> ChunkOutput:
    cpu_start = time.process_time()
    rows, bad = decode_records(chunk, setup.header, setup.text)
    queries: list[Query] = []
    ids: list[str] = []
    lines: list[int] = []
    for line, row in rows:
        try:
            queries.append(row_to_query(row, setup.mapping, line))
            ids.append(row_id(row, setup.mapping, line))
            lines.append(line)
        except ClearanceError as exc:
            identifier = row_id(row, setup.mapping, line) or None
            bad.append(
                BadRecord(line, _raw_of(chunk, line, row, setup.text), exc.message, identifier)
            )
    started, engine_cpu = time.perf_counter(), time.process_time()
    results = screen_queries(screener, queries, setup.result)
    seconds, engine_cpu = time.perf_counter() - started, time.process_time() - engine_cpu
    out_rows: list[dict[str, Any]] = []
    alerts = 0
    kept: list[ScreeningResult] = []
    for query, identifier, line, result in zip(queries, ids, lines, results, strict=True):
        if isinstance(result, str):
            bad.append(BadRecord(line, query.name, result, identifier))
            continue
        alerts += result.alert
        if result.alert and setup.keep_alerts:
            kept.append(result)
        out_rows.append(output_row(result, identifier, setup.result))
    bad.sort(key=lambda b: b.line)
    payload = encode_rows(out_rows, setup.output_format, setup.result.detail, setup.text.delimiter)
    return ChunkOutput(
        index=chunk.index,
        payload=payload,
        errors=b"".join(orjson.dumps(b.to_dict()) + b"\n" for b in bad),
        records=len(chunk),
        screened=len(out_rows),
        alerts=alerts,
        error_count=len(bad),
        end_offset=chunk.end_offset,
        end_line=chunk.end_line,
        max_rss_kb=peak_rss_kb(),
        seconds=seconds,
        engine_cpu=engine_cpu,
        cpu=time.process_time() - cpu_start,
        alert_results=kept,
    )


# -- worker process state ---------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _watch_parent(parent_pid: int) -> None:
    """Exit when the parent dies (e.g. ``kill -9``): no orphaned workers left screening."""
    while True:
        if os.getppid() != parent_pid:
            os._exit(1)
        time.sleep(0.5)


def init_worker(setup: WorkerSetup, parent_pid: int) -> None:
    """Pool initializer: ignore Ctrl-C (the parent stops the run) and load the engine once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked by the parent
    die_with_parent(parent_pid)  # the kernel kills it with the parent, even on kill -9
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    _STATE["setup"] = setup
    _STATE["screener"] = load_engine(setup)
    _STATE["core"] = load_core(setup, _STATE["screener"])
    # The loaded index is millions of long-lived objects: keep the cyclic collector from
    # walking them again and again while the worker screens (it finds nothing to free there).
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def load_engine(setup: WorkerSetup) -> Screener:
    """The snapshot's stored index (rebuilt in memory only if it is missing or outdated)."""
    from clearance.matching.artifact import load_screener
    from clearance.snapshots import Snapshot

    return load_screener(Snapshot(Path(setup.snapshot_path)), setup.settings.matching)


def load_core(setup: WorkerSetup, screener: Screener) -> Clearance:
    """The application core pinned to the run's snapshot, so batch rows get what every other
    surface gets (e.g. derived hits from ownership data)."""
    from clearance.app import Clearance, Engine
    from clearance.snapshots import Snapshot

    engine = Engine(Snapshot(Path(setup.snapshot_path)), screener)
    return Clearance(setup.settings).pin(engine)


def screening_context_of(setup: WorkerSetup, screener: Screener) -> ScreeningContext:
    """What a receipt says about the engine: list versions and file hashes, the algorithm."""
    from clearance.audit.receipts import screening_context
    from clearance.snapshots import Snapshot

    return screening_context(Snapshot(Path(setup.snapshot_path)), screener)


def worker_context() -> ScreeningContext:
    """Pool task: :func:`screening_context_of` this worker's engine."""
    return screening_context_of(_STATE["setup"], _STATE["screener"])


def run_chunk(chunk: RawChunk) -> ChunkOutput:
    """Pool task: process one chunk with this worker's engine."""
    return process_chunk(_STATE["core"], _STATE["setup"], chunk)
