"""The server's hold on a :class:`~clearance.app.Clearance`: readiness, live reloads, list info.

The snapshot is loaded in the background when the server starts (``/healthz`` answers at once,
``/readyz`` turns 200 when screening can start). A background task then watches the store's
ACTIVE pointer every ``CLEARANCE_API_RELOAD_SECONDS``; a new snapshot is loaded completely in a
worker thread and swapped in atomically by ``Clearance.reload()``, so every request is answered
by exactly one snapshot, the old or the new one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool

from clearance.api.errors import NotReady
from clearance.api.readiness import WorkerBoard
from clearance.app import Clearance
from clearance.errors import ClearanceError, QueryError
from clearance.matching.engine import Screener
from clearance.settings import Settings
from clearance.snapshots import Snapshot

log = logging.getLogger("clearance.api")


@dataclass(frozen=True, slots=True)
class Engine:
    """One consistent pair: a snapshot and the screener built from it."""

    snapshot: Snapshot
    screener: Screener
    renders: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def list_names(self) -> list[str]:
        return self.snapshot.list_names()

    def check_lists(self, names: list[str] | tuple[str, ...] | None) -> None:
        """Raise a QueryError naming any list that is not loaded."""
        if not names:
            return
        loaded = set(self.snapshot.manifest["lists"])
        unknown = [n for n in names if n not in loaded]
        if unknown:
            raise QueryError(
                f"unknown list {unknown[0]!r} (loaded: {', '.join(sorted(loaded)) or 'none'})"
            )

    def list_versions(self) -> dict[str, str]:
        return {info.name: info.published or info.loaded_at for info in self.snapshot.lists()}


class ApiService:
    def __init__(self, settings: Settings, clearance: Clearance) -> None:
        self.settings = settings
        self.clearance = clearance
        self._engine: Engine | None = None
        self.load_error: str | None = None
        self._lock = asyncio.Lock()
        self.on_switch: Callable[[], None] | None = None
        self.board = WorkerBoard.from_env()

    async def load_before_serving(self) -> None:
        """Load the active snapshot before the server accepts connections (if there is one;
        else the watcher keeps trying and ``/readyz`` answers 503)."""
        try:
            await self.reload()
        except ClearanceError as exc:
            log.warning("snapshot not loaded at start: %s", exc.message)

    def not_ready(self) -> str | None:
        """Why ``/readyz`` must answer 503: this worker or another has no snapshot yet."""
        if self._engine is None:
            why = f": {self.load_error}" if self.load_error else ""
            return f"no snapshot loaded yet{why}"
        return self.board.missing()

    # -- state ------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._engine is not None

    def engine(self) -> Engine:
        """The current snapshot and screener (one consistent pair) or a 503."""
        engine = self._engine
        if engine is None:
            why = f": {self.load_error}" if self.load_error else ""
            raise NotReady(f"no snapshot loaded yet{why}")
        return engine

    def state(self) -> tuple[bool, dict[str, str]]:
        engine = self._engine
        if engine is None:
            return False, {}
        return True, {
            "snapshot": engine.snapshot.id,
            "algorithm": engine.screener.algorithm,
            "algorithm_version": engine.screener.algorithm_version,
        }

    # -- loading ----------------------------------------------------------------------------
    def _load_blocking(self) -> bool:
        """Reload in the calling (worker) thread; True when the engine changed."""
        changed = self.clearance.reload()
        snapshot = self.clearance.snapshot  # raises SnapshotError when nothing is loaded
        screener = self.clearance.screener
        current = self._engine
        if current is None or current.snapshot.id != snapshot.id or changed:
            self._engine = Engine(snapshot, screener)
            return current is not None
        return False

    async def reload(self) -> bool:
        """Switch to a newly installed snapshot if there is one; True when switched."""
        async with self._lock:
            try:
                changed = await run_in_threadpool(self._load_blocking)
            except ClearanceError as exc:
                self.load_error = exc.message
                if self._engine is None:
                    raise NotReady(f"no snapshot loaded: {exc.message}") from exc
                raise
            self.load_error = None
        if self._engine is not None:
            self.board.post(self._engine.snapshot.id)
        if changed:
            if self.on_switch is not None:
                self.on_switch()
            log.info("switched to snapshot %s", self.engine().snapshot.id)
        return changed

    def _active_id(self) -> str | None:
        return self.clearance.store.active_id()

    async def watch(self, interval: float) -> None:
        """Load at start, then poll the ACTIVE pointer every ``interval`` seconds (0: never)."""
        first = True
        while True:
            try:
                if first or (
                    await run_in_threadpool(self._active_id)
                    != (self._engine.snapshot.id if self._engine else None)
                ):
                    await self.reload()
                    if first and self._engine is not None:
                        log.info("serving snapshot %s", self._engine.snapshot.id)
            except ClearanceError as exc:
                log.warning("snapshot not loaded: %s", exc.message)
            except Exception:
                log.exception("snapshot reload failed")
            first = False
            if interval <= 0:
                if self._engine is not None:
                    return
                interval_now = 5.0  # keep trying until something is loaded
            else:
                interval_now = interval
            await asyncio.sleep(interval_now)

    def list_info(self) -> dict[str, Any]:
        engine = self.engine()
        snap = engine.snapshot
        return {
            "snapshot": snap.id,
            "created_at": snap.created_at,
            "lists": [
                {
                    "name": info.name,
                    "version": info.published or info.loaded_at,
                    "published": info.published,
                    "loaded_at": info.loaded_at,
                    "entities": info.entities,
                    "counts": info.counts,
                    "files": [
                        {"path": f.path, "sha256": f.sha256, "size": f.size} for f in info.files
                    ],
                }
                for info in snap.lists()
            ],
        }
