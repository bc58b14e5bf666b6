"""Readiness of the whole server, across its worker processes.

``clearance serve --workers N`` gives every worker the same board folder
(``CLEARANCE_SERVE_BOARD``) and the worker count (``CLEARANCE_SERVE_WORKERS``). A worker posts
``<pid>`` there with the snapshot it serves once it has one; ``/readyz`` answers 200 only when
N live workers have posted (a restarted worker's dead predecessor does not count). A worker
loads its snapshot before it starts accepting connections (in the app's lifespan), so no
request reaches a worker that cannot answer it. Without a board (one worker, tests) readiness
is the process's own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from clearance.procs import pid_alive

BOARD_ENV = "CLEARANCE_SERVE_BOARD"
WORKERS_ENV = "CLEARANCE_SERVE_WORKERS"


@dataclass
class WorkerBoard:
    """Where the workers of one server post the snapshot each one serves."""

    folder: Path | None = None
    workers: int = 1

    @classmethod
    def from_env(cls) -> WorkerBoard:
        folder = os.environ.get(BOARD_ENV)
        workers = int(os.environ.get(WORKERS_ENV) or 1)
        return cls(Path(folder) if folder else None, max(1, workers))

    def post(self, snapshot_id: str) -> None:
        """Record that this worker serves ``snapshot_id``."""
        if self.folder is None:
            return
        path = self.folder / str(os.getpid())
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(snapshot_id)
        tmp.replace(path)

    def withdraw(self) -> None:
        if self.folder is not None:
            (self.folder / str(os.getpid())).unlink(missing_ok=True)

    def ready_workers(self) -> dict[int, str]:
        """Live workers that serve a snapshot: pid -> snapshot id."""
        if self.folder is None:
            return {}
        out: dict[int, str] = {}
        for path in self.folder.iterdir():
            if not path.name.isdigit():
                continue
            pid = int(path.name)
            if not pid_alive(pid):
                path.unlink(missing_ok=True)
                continue
            try:
                out[pid] = path.read_text().strip()
            except OSError:
                continue
        return out

    def missing(self) -> str | None:
        """Why the server is not ready as a whole (None when every worker is)."""
        if self.folder is None:
            return None
        ready = len(self.ready_workers())
        if ready >= self.workers:
            return None
        return f"{ready} of {self.workers} workers have a snapshot loaded"
