"""Snapshot pins (interim, until the store's own pin/lease mechanism lands): a snapshot that a
screening receipt or a case refers to is pinned by a marker file ``<home>/pins/<snapshot id>``
and retention never deletes it, so recorded screenings can be replayed on their own lists."""

from __future__ import annotations

import threading
from pathlib import Path

from clearance.snapshots import layout

PINS_DIR = "pins"
_done: set[tuple[str, str]] = set()
_lock = threading.Lock()


def pin(home: Path, snapshot_id: str, reason: str = "receipt") -> None:
    """Pin ``snapshot_id`` (cheap after the first call per process)."""
    key = (str(home), snapshot_id)
    with _lock:
        if key in _done:
            return
    if not layout.is_snapshot_id(snapshot_id):
        return  # in-memory screeners (tests) have no snapshot on disk
    folder = Path(home) / PINS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / snapshot_id
    if not marker.exists():
        marker.write_text(reason + "\n", encoding="utf-8")
    with _lock:
        _done.add(key)


def pinned(home: Path) -> set[str]:
    folder = Path(home) / PINS_DIR
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.iterdir() if layout.is_snapshot_id(p.name)}
