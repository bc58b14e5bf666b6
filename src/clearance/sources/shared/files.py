"""Cheap looks at list files for format detection."""

from __future__ import annotations

from pathlib import Path


def sniff(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of a file (``b""`` if unreadable)."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def single_match(path: Path, test: object) -> Path | None:
    """``path`` itself, or the only file in folder ``path`` that ``test`` accepts."""
    if path.is_file():
        return path
    if not path.is_dir() or not callable(test):
        return None
    found = [p for p in sorted(path.iterdir()) if p.is_file() and test(p)]
    return found[0] if len(found) == 1 else None
