"""The receipt spool (an outbox): a recorded request is answered once its finished receipt is
in a local append-only file, and a background thread moves spooled receipts into the database
in large batches (``CLEARANCE_RECORD_SPOOL``; files: :mod:`clearance.audit.spool_file`).

A request writes its receipt's line with one ``write()`` on the event loop (no thread hand-off,
no database round trip) and is answered. The operating system keeps what was written across a
crash or ``kill -9`` of the server; with ``CLEARANCE_RECORD_SPOOL_FSYNC`` the answer also waits
for an ``fsync`` shared by every receipt written meanwhile (power loss). Every
``CLEARANCE_RECORD_SPOOL_INTERVAL`` seconds, or as soon as :data:`SHIP_BATCH` receipts wait,
the shipper thread appends what waits in one transaction through the group-commit writer's
code (:func:`~clearance.audit.writer.write_receipts`: the head locked, so servers sharing the
database never fork the chain), then advances the segment's shipped offset. Segments of
processes that are gone are shipped at start and from time to time by any process of the home.

When the database cannot be reached the spool does not grow without bound: once
``CLEARANCE_RECORD_SPOOL_LIMIT`` receipts wait, or the oldest has waited
``CLEARANCE_RECORD_SPOOL_SECONDS`` without a successful shipment, a recorded request is refused
with :class:`~clearance.db.engine.DatabaseUnavailable` (HTTP 503) and writes nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.audit.spool_file import (
    BAD_RECEIPT,
    SHIP_BATCH,
    Segment,
    encode,
    reject,
    remove,
    ship_orphans,
    write_offset,
)
from clearance.audit.writer import write_receipts
from clearance.db import Database
from clearance.db.engine import DatabaseUnavailable

log = logging.getLogger("clearance.audit.spool")

ROTATE_BYTES = 16 << 20  # a fully shipped segment larger than this is replaced by a new one
ORPHAN_SECONDS = 30.0  # how often the shipper looks for segments of processes that are gone


@dataclass(frozen=True, slots=True)
class _Waiting:
    end: int  # the segment's size after this receipt's line
    segment: Segment
    body: dict[str, Any]
    actor: str
    since: float  # monotonic time it was spooled


class ReceiptSpool:
    """This process's spool for one database (see the module docstring)."""

    def __init__(
        self,
        db: Database,
        directory: Path,
        *,
        fsync: bool = False,
        limit: int = 10_000,
        max_seconds: float = 60.0,
        interval: float = 0.25,
    ) -> None:
        self.db = db
        self.directory = directory
        self.fsync = fsync
        self.limit = limit
        self.max_seconds = max_seconds
        self.interval = interval
        self._lock = threading.Lock()  # the segment and the queue (appender vs shipper)
        self._shipping = threading.Lock()  # one shipment at a time (thread, flush, close)
        self._segment: Segment | None = None
        self._waiting: deque[_Waiting] = deque()
        self._wake = threading.Event()
        self._stop = False
        self._thread: threading.Thread | None = None
        self._sync: asyncio.Future[None] | None = None
        self.failing: str | None = None  # the last shipment's error while the database is down
        self.batches = 0  # transactions and receipts shipped (tests, benchmarks)
        self.shipped = 0

    # -- the request's side --------------------------------------------------------------------
    def append(self, body: dict[str, Any], actor: str) -> tuple[Segment, int]:
        """Spool a finished receipt (one ``write()``); refused when too much waits."""
        line = encode(body, actor)
        with self._lock:
            self._refuse_if_full()
            try:
                segment = self._segment
                if segment is None or segment.broken:
                    segment = self._segment = Segment(self.directory)
                end = segment.append(line)
            except OSError as exc:
                raise DatabaseUnavailable(
                    f"recording refused: the receipt spool cannot be written: {exc}"
                ) from None
            self._waiting.append(_Waiting(end, segment, body, actor, time.monotonic()))
            many = len(self._waiting) >= SHIP_BATCH
        if self._thread is None:
            self._start()
        if many:
            self._wake.set()
        return segment, end

    async def put(self, body: dict[str, Any], actor: str) -> None:
        """:meth:`append`, then (``fsync`` on) wait until the line is on the disk."""
        segment, end = self.append(body, actor)
        while self.fsync and segment.synced < end and segment.fd >= 0:
            if self._sync is None:
                self._sync = asyncio.ensure_future(self._fsync(segment))
            await asyncio.shield(self._sync)

    async def _fsync(self, segment: Segment) -> None:
        """One ``fsync`` for every line written before it starts (run off the loop)."""
        target = segment.size
        try:
            await asyncio.get_running_loop().run_in_executor(None, os.fsync, segment.fd)
            segment.synced = max(segment.synced, target)
        finally:
            self._sync = None

    def _refuse_if_full(self) -> None:
        if not self._waiting:
            return
        waited = time.monotonic() - self._waiting[0].since
        if len(self._waiting) >= self.limit or (self.failing and waited >= self.max_seconds):
            why = f": {self.failing}" if self.failing else ""
            raise DatabaseUnavailable(
                f"recording refused: {len(self._waiting)} receipts have waited up to "
                f"{waited:.0f} s in the receipt spool for the database{why} "
                "(CLEARANCE_RECORD_SPOOL_LIMIT / CLEARANCE_RECORD_SPOOL_SECONDS)"
            )

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    # -- the shipper ---------------------------------------------------------------------------
    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="receipt-spool", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        last_orphans = 0.0
        while not self._stop:
            self._wake.wait(self.interval)
            self._wake.clear()
            self.ship()
            if not self._waiting and time.monotonic() - last_orphans > ORPHAN_SECONDS:
                last_orphans = time.monotonic()
                self.ship_orphans()

    def ship(self) -> bool:
        """Ship everything spooled so far (the shipper thread, :meth:`close`, a reader that
        wants a receipt now); True when nothing waits any more."""
        with self._shipping:
            return self._ship()

    def _ship(self) -> bool:
        size = SHIP_BATCH
        while True:
            with self._lock:
                batch = [self._waiting[i] for i in range(min(size, len(self._waiting)))]
            if not batch:
                self._rotate()
                return True
            try:
                write_receipts(self.db, [(w.body, w.actor) for w in batch])
            except BAD_RECEIPT as exc:  # one receipt the database refuses: find it, set it aside
                if len(batch) > 1:
                    size = 1
                    continue
                self._set_aside(batch[0], exc)
            except Exception as exc:  # noqa: BLE001 - kept, retried at the next turn
                if self.failing is None:
                    log.warning("receipt spool: %d receipts wait: %s", len(self._waiting), exc)
                self.failing = str(getattr(exc, "message", exc)) or type(exc).__name__
                return False
            else:
                self.batches += 1
                self.shipped += len(batch)
            if self.failing is not None:
                log.warning("receipt spool: the database is back, shipping")
            self.failing = None
            with self._lock:
                for _ in batch:
                    self._waiting.popleft()
            ends = {id(w.segment): w for w in batch}  # the last receipt of each segment
            for w in ends.values():
                write_offset(w.segment.path, w.end)
            self._release_broken(batch)

    def _set_aside(self, waiting: _Waiting, exc: Exception) -> None:
        """A receipt the database refuses (not a connection problem): kept in ``rejected/``
        with the reason and reported, so the receipts after it can ship."""
        reason = f"refused by the database: {str(exc).splitlines()[0] if str(exc) else exc!r}"
        reject(waiting.segment.path, [(reason, encode(waiting.body, waiting.actor))])

    def _release_broken(self, batch: list[_Waiting]) -> None:
        """A segment left after a short write, now shipped: unlocked, so the orphan shipper
        reports its partial tail (its complete lines are stored: skipped there)."""
        with self._lock:
            for segment in {id(w.segment): w.segment for w in batch}.values():
                if (
                    segment.broken
                    and segment is not self._segment
                    and not any(w.segment is segment for w in self._waiting)
                ):
                    segment.close()

    def _rotate(self) -> None:
        """Replace a large, fully shipped segment with a new one (the old one deleted)."""
        with self._lock:
            old = self._segment
            if old is None or self._waiting or old.size < ROTATE_BYTES or self._sync:
                return  # (an fsync in flight keeps its segment's descriptor)
            self._segment = None
        old.close()
        remove(old.path)

    def ship_orphans(self) -> None:
        """Ship segments of processes that are gone (see :func:`spool_file.ship_orphans`)."""
        try:
            done = ship_orphans(self.db, self.directory)
        except Exception as exc:  # noqa: BLE001 - the database is down: the next turn retries
            log.warning("receipt spool: orphaned segments not shipped yet: %s", exc)
            return
        if done.receipts or done.already:
            log.info("receipt spool: shipped %d receipts of %d stopped process(es)",
                     done.receipts, done.segments)  # fmt: skip

    def close(self, timeout: float = 10.0) -> None:
        """Stop the shipper after shipping what waits; a segment still holding unshipped
        receipts (the database down) stays for the next start."""
        self._stop = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        done = self.ship()
        with self._lock:
            segment, self._segment = self._segment, None
        if segment is not None:
            segment.close()
            if done:
                remove(segment.path)
