"""``kill -9`` of ``load`` and ``batch`` at random points: the home ends with the previous
snapshot intact or the new one complete, and the next run works (no stale lock or staging).

Hook for other long-running commands (monitoring, h13): add ``(name, argv builder)`` to
``KILLABLE``; each is killed at a random point and the home checked the same way."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.snapshots.install import validate
from clearance.sources import read_path
from tests.faults import hostile, procs

Argv = Callable[[Path], list[str]]
KILLABLE: list[tuple[str, Argv]] = [
    ("load", lambda tmp: ["load", str(hostile.UN_XML), "--list", "un-again"]),
    ("load two lists", lambda tmp: ["load", str(hostile.SDN_CSV), str(hostile.UN_XML)]),
]


def check_home(home: Path, before: str | None = None) -> str:
    """ACTIVE names a whole snapshot: the previous one, or a complete new one."""
    store = SnapshotStore(Settings(home=home))
    active = store.active_id()
    assert active is not None
    snapshot = store.get(active)
    validate(snapshot.path, snapshot.id)  # manifest, files, counts, ids
    if before is not None:
        assert active == before or snapshot.manifest["parent"] == before
    return active


@pytest.mark.parametrize(("name", "argv"), KILLABLE, ids=[k[0] for k in KILLABLE])
def test_kill_9_at_a_random_point(tmp_path: Path, name: str, argv: Argv) -> None:
    home = tmp_path / "home"
    before = SnapshotStore(Settings(home=home)).install([read_path(hostile.UN_XML)]).id
    rng = random.Random()
    delay = rng.uniform(0.2, 8.0)
    proc = procs.start(home, "--debug", *argv(tmp_path))
    time.sleep(delay)
    proc.kill()
    proc.wait(timeout=30)
    check_home(home, before)
    after = procs.run(home, "load", str(hostile.UN_XML), "--list", "un-next")
    assert after.returncode == 0, after.stderr  # the lock and any staging were recovered
    check_home(home)
