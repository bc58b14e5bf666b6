"""Leases and pins: what keeps a snapshot from being deleted by retention.

A **lease** is a file ``leases/<snapshot>.<pid>.<n>`` in the home, written by a process that
reads the snapshot (a server worker, a batch run) and removed when it stops; it records the
process id and its start time, so the lease of a process that died (even by ``kill -9``) is
recognised as stale and ignored (and swept). A **pin** is a reason recorded in
``pins/<snapshot>.json`` by code that must be able to show a snapshot later (a receipt, a case):
it lasts until unpinned. Retention (:meth:`SnapshotStore._apply_retention`) keeps every
snapshot with a live lease or a pin.
"""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson

from clearance.fileio import write_atomic
from clearance.procs import pid_alive

LEASES_DIR = "leases"
PINS_DIR = "pins"
_counter = itertools.count(1)
_counter_lock = threading.Lock()


def process_start(pid: int) -> str | None:
    """The start time of process ``pid`` (clock ticks since boot), or None if it is gone.

    Two processes with the same id have different start times, so a reused id does not keep
    a dead process's lease alive."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None if not pid_alive(pid) else "?"
    return stat.rsplit(")", 1)[1].split()[19]


@dataclass
class Lease:
    """A live claim on one snapshot by this process; ``release()`` (or a ``with``) ends it."""

    snapshot_id: str
    path: Path | None  # None: the home is read-only, nothing to release (nothing deletes)

    def release(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> Lease:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def take_lease(home: Path, snapshot_id: str, purpose: str = "") -> Lease:
    """Record that this process reads ``snapshot_id`` (the caller checks it still exists)."""
    folder = home / LEASES_DIR
    pid = os.getpid()
    with _counter_lock:
        number = next(_counter)
    path = folder / f"{snapshot_id}.{pid}.{number}"
    body = {
        "snapshot": snapshot_id,
        "pid": pid,
        "start": process_start(pid),
        "purpose": purpose,
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, orjson.dumps(body))
    except PermissionError:  # a read-only home: no install can run there either
        return Lease(snapshot_id, None)
    return Lease(snapshot_id, path)


def live_leases(home: Path, *, sweep: bool = False) -> dict[str, list[dict[str, object]]]:
    """Live leases by snapshot id; stale ones (their process gone) skipped, removed if
    ``sweep``."""
    out: dict[str, list[dict[str, object]]] = {}
    folder = home / LEASES_DIR
    if not folder.is_dir():
        return out
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue  # a lease being written
        try:
            data = orjson.loads(path.read_bytes())
            pid = int(data["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # being written, or removed meanwhile
        start = process_start(pid)
        if start is None or (data.get("start") not in (None, "?") and start != data["start"]):
            if sweep:
                path.unlink(missing_ok=True)
            continue
        out.setdefault(str(data["snapshot"]), []).append(data)
    return out


def _pin_file(home: Path, snapshot_id: str) -> Path:
    return home / PINS_DIR / f"{snapshot_id}.json"


def pins(home: Path) -> dict[str, list[str]]:
    """Pin reasons by snapshot id."""
    folder = home / PINS_DIR
    if not folder.is_dir():
        return {}
    out: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            reasons = orjson.loads(path.read_bytes())
        except (OSError, ValueError):
            continue
        if reasons:
            out[path.stem] = [str(r) for r in reasons]
    return out


def set_pin(home: Path, snapshot_id: str, reason: str, *, on: bool) -> list[str]:
    """Add (``on``) or remove one pin reason; returns the snapshot's reasons after."""
    path = _pin_file(home, snapshot_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    reasons = pins(home).get(snapshot_id, [])
    if on and reason not in reasons:
        reasons.append(reason)
    elif not on:
        reasons = [r for r in reasons if r != reason]
    if reasons:
        write_atomic(path, orjson.dumps(reasons))
    else:
        path.unlink(missing_ok=True)
    return reasons
