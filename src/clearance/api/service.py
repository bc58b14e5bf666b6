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
from typing import Any

from starlette.concurrency import run_in_threadpool

from clearance.api.errors import NotReady
from clearance.api.readiness import WorkerBoard
from clearance.app import Clearance, Engine
from clearance.errors import ClearanceError
from clearance.gcpause import settle
from clearance.settings import Settings

__all__ = ["ApiService", "Engine"]

log = logging.getLogger("clearance.api")


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
        self.clearance.reload()
        engine = self.clearance.engine()  # raises SnapshotError when nothing is loaded
        current = self._engine
        if current is not engine:
            settle()  # the new index is frozen: restart the collector's schedule after it
            self._engine = engine
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
        versions = engine.list_versions()
        return {
            "snapshot": snap.id,
            "created_at": snap.created_at,
            "lists": [
                {
                    "name": info.name,
                    "version": versions[info.name],
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
