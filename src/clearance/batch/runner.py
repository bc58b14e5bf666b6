"""Batch screening of a file on one machine: chunked, multi-process, checkpointed, resumable.

The parent reads the input a chunk at a time and keeps at most ``2 x workers`` chunks in flight;
worker processes (each with its own engine loaded from the snapshot directory) decode, screen and
encode; the parent appends results strictly in input order and commits a checkpoint after every
chunk. See ``docs/batch.md`` for the resume semantics.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearance.batch.checkpoint import (
    Checkpoint,
    Committed,
    check_resumable,
    checkpoint_path,
    fingerprint,
)
from clearance.batch.columns import ColumnMapping, ColumnSpec, resolve_columns
from clearance.batch.io import (
    Format,
    InputFile,
    RawChunk,
    TextOptions,
    detect_format,
    open_input,
)
from clearance.batch.progress import NullProgress, ProgressSink
from clearance.batch.results import ResultOptions, arrow_schema, csv_header
from clearance.batch.sinks import ParquetSink, TextSink
from clearance.batch.worker import (
    ChunkOutput,
    WorkerSetup,
    init_worker,
    load_core,
    load_engine,
    peak_rss_kb,
    process_chunk,
    run_chunk,
    screening_context_of,
    worker_context,
)
from clearance.errors import BatchInputError, CheckpointError, ClearanceError, SnapshotError
from clearance.matching.engine import Screener
from clearance.matching.result import ScreeningResult
from clearance.settings import Settings

if TYPE_CHECKING:
    from clearance.app import Clearance
    from clearance.audit.receipts import ScreeningContext

DEFAULT_CHUNK_ROWS = 2000


@dataclass(frozen=True, slots=True)
class BatchConfig:
    """One ``clearance batch`` invocation."""

    input: Path
    output: Path
    input_format: str | None = None
    output_format: str | None = None
    columns: ColumnSpec = field(default_factory=ColumnSpec)
    text: TextOptions = field(default_factory=TextOptions)
    result: ResultOptions = field(default_factory=ResultOptions)
    workers: int = 1
    chunk_rows: int = DEFAULT_CHUNK_ROWS
    resume: bool = False
    errors: Path | None = None
    record: bool = False  # keep the alerting results and the engine's receipt context

    @property
    def errors_path(self) -> Path:
        if self.errors is not None:
            return self.errors
        return self.output.with_name(self.output.name + ".errors.jsonl")

    def options(self) -> dict[str, Any]:
        """What must not change between an interrupted run and its resume."""
        return {
            "columns": self.columns.to_dict(),
            "threshold": self.result.threshold,
            "top_k": self.result.top_k,
            "detail": self.result.detail,
            "encoding": self.text.encoding,
            "delimiter": self.text.delimiter,
            "input_format": self.input_format,
            "output_format": self.output_format,
            "errors": str(self.errors_path.resolve()),
            "chunk_rows": self.chunk_rows,
        }


@dataclass(slots=True)
class BatchSummary:
    """What a run did; ``rows`` etc. count the whole run, ``session_*`` this invocation."""

    output: Path
    errors_path: Path
    snapshot: str
    algorithm: str
    algorithm_version: str
    rows: int = 0
    screened: int = 0
    alerts: int = 0
    errors: int = 0
    session_rows: int = 0
    seconds: float = 0.0
    resumed_from: int = 0
    workers: int = 1
    engine_seconds: float = 0.0  # wall time inside the engine, summed over workers
    engine_cpu_seconds: float = 0.0
    worker_cpu_seconds: float = 0.0  # CPU time of chunk processing, summed over workers
    max_rss_parent_kb: int = 0
    max_rss_worker_kb: int = 0
    parent_cpu_seconds: float = 0.0
    already_done: bool = False
    # with ``BatchConfig.record``: every alerting result, in input order, and the context
    # their receipts need (see :mod:`clearance.batch.record`); not part of ``to_dict``
    alert_results: list[ScreeningResult] = field(default_factory=list)
    context: ScreeningContext | None = None

    @property
    def rate(self) -> float:
        return self.session_rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": str(self.output),
            "errors_file": str(self.errors_path),
            "snapshot": self.snapshot,
            "algorithm": {"name": self.algorithm, "version": self.algorithm_version},
            "rows": self.rows,
            "screened": self.screened,
            "alerts": self.alerts,
            "errors": self.errors,
            "session_rows": self.session_rows,
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rate, 1),
            "resumed_from": self.resumed_from,
            "workers": self.workers,
            "engine_seconds": round(self.engine_seconds, 3),
            "engine_cpu_seconds": round(self.engine_cpu_seconds, 3),
            "worker_cpu_seconds": round(self.worker_cpu_seconds, 3),
            "max_rss_parent_kb": self.max_rss_parent_kb,
            "parent_cpu_seconds": round(self.parent_cpu_seconds, 3),
            "max_rss_worker_kb": self.max_rss_worker_kb,
        }


def output_format(config: BatchConfig) -> Format:
    fmt = detect_format(config.output, config.output_format, "--output-format")
    if config.result.detail and fmt == "csv":
        raise BatchInputError(
            "--detail writes nested matches: use a .jsonl or .parquet output "
            "(or --output-format jsonl|parquet)"
        )
    return fmt


def active_snapshot(settings: Settings) -> tuple[str, Path]:
    from clearance.app import Clearance

    snapshot = Clearance(settings).active_snapshot()
    return snapshot.id, Path(snapshot.path)


def worker_info() -> tuple[str, str, str]:
    """Pool task: the engine a worker loaded (algorithm, version, snapshot id)."""
    from clearance.batch import worker

    screener: Screener = worker._STATE["screener"]
    return screener.algorithm, screener.algorithm_version, screener.snapshot_id


class _Engine:
    """Runs chunks in-process (one worker) or in a process pool, in order, bounded."""

    def __init__(self, setup: WorkerSetup, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._screener: Screener | None = None
        self._core: Clearance | None = None
        self._setup = setup
        if workers <= 1:
            self._screener = load_engine(setup)
            self._core = load_core(setup, self._screener)
        else:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=init_worker,
                initargs=(setup, os.getpid()),
            )

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Submit with Ctrl-C blocked: a worker is started inside ``submit`` and inherits the
        signal mask, so it cannot be interrupted while it imports; the parent gets the signal
        as soon as it is unblocked."""
        assert self._pool is not None
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            return self._pool.submit(fn, *args)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    def info(self) -> tuple[str, str, str]:
        if self._screener is not None:
            s = self._screener
            return s.algorithm, s.algorithm_version, s.snapshot_id
        assert self._pool is not None
        try:
            info: tuple[str, str, str] = self._submit(worker_info).result()
            return info
        except BrokenProcessPool:
            raise ClearanceError(
                "the worker processes failed to start (could they load the snapshot's index?); "
                "try --workers 1 to see the error"
            ) from None

    def context(self) -> ScreeningContext:
        if self._screener is not None:
            return screening_context_of(self._setup, self._screener)
        context: ScreeningContext = self._submit(worker_context).result()
        return context

    def run(self, chunks: Iterator[RawChunk]) -> Iterator[ChunkOutput]:
        if self._screener is not None:
            for chunk in chunks:
                assert self._core is not None
                yield process_chunk(self._core, self._setup, chunk)
            return
        assert self._pool is not None
        pending: deque[Future[ChunkOutput]] = deque()
        limit = self.workers * 2
        for chunk in chunks:
            pending.append(self._submit(run_chunk, chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _check_resumable(path: Path, checkpoint: Checkpoint, **checks: Any) -> None:
    """:func:`check_resumable`, the refusal saying how to start over (delete the checkpoint:
    without --resume the unfinished run's checkpoint would be refused too)."""
    try:
        check_resumable(checkpoint, **checks)
    except CheckpointError as exc:
        if "options differ" in exc.message:
            raise
        raise CheckpointError(
            f"{exc.message}; this run cannot be resumed: to start over, delete the checkpoint "
            f"{path} and run again without --resume"
        ) from None


def run_batch(
    config: BatchConfig,
    settings: Settings,
    progress: ProgressSink | None = None,
    notify: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Screen ``config.input`` into ``config.output``; see the module docstring."""
    progress = progress or NullProgress()
    say = notify or (lambda _message: None)
    if config.record and config.resume:
        raise BatchInputError(
            "--record cannot resume a run (the alerts screened before the interruption are not "
            "kept): delete the checkpoint and run again with --record"
        )
    out_fmt = output_format(config)
    in_fmt = detect_format(config.input, config.input_format)
    source = open_input(config.input, in_fmt, config.text)
    mapping = resolve_columns(config.columns, source.header)
    if config.input.resolve() == config.output.resolve():
        raise BatchInputError("the output file must not be the input file")
    snapshot_id, snapshot_path = active_snapshot(settings)
    ckpt_path = checkpoint_path(config.output)
    previous = Checkpoint.read(ckpt_path) if ckpt_path.exists() else None
    if previous is not None and previous.status != "done" and not config.resume:
        done = previous.committed
        raise CheckpointError(
            f"{config.output} belongs to an unfinished run ({done.rows:,} rows committed, "
            f"checkpoint {ckpt_path}); pass --resume to continue it, or delete the checkpoint "
            "to start over"
        )
    input_print = fingerprint(config.input)
    if previous is not None and config.resume:
        _check_resumable(
            ckpt_path,
            previous,
            input_print=input_print,
            options=config.options(),
            snapshot=snapshot_id,
            algorithm_version=previous.algorithm_version,
        )
        if previous.status == "done":
            say(f"the run into {config.output} is already complete; nothing to resume")
            return _summary(config, previous, 0, 0.0, already_done=True)
    elif config.resume:
        say(f"no checkpoint for {config.output}: starting a new run")
    setup = WorkerSetup(
        str(snapshot_path),
        settings,
        tuple(source.header),
        mapping,
        config.text,
        config.result,
        out_fmt,
        keep_alerts=config.record,
    )
    engine = _Engine(setup, max(1, config.workers))
    try:
        algorithm, version, engine_snapshot = engine.info()
        if engine_snapshot != snapshot_id:
            raise SnapshotError(
                f"the engine loaded snapshot {engine_snapshot}, expected {snapshot_id}; the "
                "snapshot's index may be stale (run `clearance load` again)"
            )
        if previous is not None and config.resume:
            _check_resumable(
                ckpt_path,
                previous,
                input_print=input_print,
                options=config.options(),
                snapshot=snapshot_id,
                algorithm_version=version,
            )
            checkpoint = previous
        else:
            checkpoint = Checkpoint(
                input=input_print | {"format": in_fmt},
                output=str(config.output.resolve()),
                errors_path=str(config.errors_path.resolve()),
                options=config.options(),
                snapshot=snapshot_id,
                algorithm=algorithm,
                algorithm_version=version,
                committed=Committed(offset=source.data_offset, line=source.data_line),
            )
        context = engine.context() if config.record else None
        summary = _run(config, source, mapping, out_fmt, checkpoint, ckpt_path, engine, progress)
        summary.context = context
        return summary
    finally:
        engine.close()


def _run(
    config: BatchConfig,
    source: InputFile,
    mapping: ColumnMapping,
    out_fmt: Format,
    checkpoint: Checkpoint,
    ckpt_path: Path,
    engine: _Engine,
    progress: ProgressSink,
) -> BatchSummary:
    fresh = checkpoint.committed.chunk == 0 and checkpoint.status == "running"
    done = checkpoint.committed
    errors = TextSink(config.errors_path)
    output: TextSink | ParquetSink
    if out_fmt == "parquet":
        output = ParquetSink(config.output, arrow_schema(config.result.detail))
    else:
        output = TextSink(
            config.output, csv_header(config.text.delimiter) if out_fmt == "csv" else b""
        )
    try:
        done.errors_size = errors.open(None if fresh else done.errors_size, lock=True)
        if isinstance(output, ParquetSink):
            done.parts = output.open(None if fresh else done.parts)
        else:
            done.output_size = output.open(None if fresh else done.output_size)
        checkpoint.write(ckpt_path)
        started = time.monotonic()
        base_elapsed = checkpoint.elapsed
        resumed_from = done.rows
        engine_seconds, engine_cpu, worker_cpu, worker_rss = 0.0, 0.0, 0.0, 0
        kept: list[ScreeningResult] = []
        if checkpoint.status == "running":
            progress.start(source.total, done.offset, done.rows)
            try:
                chunks = source.chunks(
                    done.offset, done.line, config.chunk_rows, done.chunk, mapping.columns
                )
                for result in engine.run(chunks):
                    consumed = result.end_offset - done.offset
                    _commit(result, output, errors, done)
                    checkpoint.elapsed = base_elapsed + time.monotonic() - started
                    checkpoint.write(ckpt_path)
                    engine_seconds += result.seconds
                    engine_cpu += result.engine_cpu
                    worker_cpu += result.cpu
                    worker_rss = max(worker_rss, result.max_rss_kb)
                    kept.extend(result.alert_results)
                    progress.advance(consumed, result.records, done.alerts, done.errors)
            except BrokenProcessPool:
                raise ClearanceError(
                    f"a worker process died (out of memory?) after {done.rows:,} committed rows; "
                    "run again with --resume to continue"
                ) from None
            finally:
                progress.close()
        session = time.monotonic() - started
        if isinstance(output, ParquetSink):
            checkpoint.status = "merging"
            checkpoint.write(ckpt_path)
            output.finish()
        checkpoint.status = "done"
        checkpoint.elapsed = base_elapsed + session
        checkpoint.write(ckpt_path)
        if isinstance(output, ParquetSink):
            output.cleanup()
    finally:
        output.close()
        errors.close()
    summary = _summary(config, checkpoint, done.rows - resumed_from, session)
    summary.resumed_from = resumed_from
    summary.workers = engine.workers
    summary.engine_seconds = engine_seconds
    summary.engine_cpu_seconds = engine_cpu
    summary.worker_cpu_seconds = worker_cpu
    summary.max_rss_worker_kb = worker_rss
    summary.alert_results = kept
    return summary


def _commit(
    result: ChunkOutput, output: TextSink | ParquetSink, errors: TextSink, done: Committed
) -> None:
    """Append one chunk's rows and errors durably, then advance the committed counters."""
    if result.index != done.chunk:
        raise ClearanceError(f"internal error: chunk {result.index} arrived, {done.chunk} expected")
    output.append(result.payload)
    if result.errors:
        errors.append(result.errors)
    if isinstance(output, ParquetSink):
        done.parts = output.sync()
    else:
        done.output_size = output.sync()
    done.errors_size = errors.sync()
    done.chunk += 1
    done.rows += result.records
    done.offset, done.line = result.end_offset, result.end_line
    done.screened += result.screened
    done.alerts += result.alerts
    done.errors += result.error_count


def _summary(
    config: BatchConfig,
    checkpoint: Checkpoint,
    session_rows: int,
    seconds: float,
    already_done: bool = False,
) -> BatchSummary:
    done = checkpoint.committed
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return BatchSummary(
        output=config.output,
        errors_path=config.errors_path,
        snapshot=checkpoint.snapshot,
        algorithm=checkpoint.algorithm,
        algorithm_version=checkpoint.algorithm_version,
        rows=done.rows,
        screened=done.screened,
        alerts=done.alerts,
        errors=done.errors,
        session_rows=session_rows,
        seconds=seconds,
        max_rss_parent_kb=peak_rss_kb(),
        parent_cpu_seconds=usage.ru_utime + usage.ru_stime,
        already_done=already_done,
    )
