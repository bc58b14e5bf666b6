"""Leases and pins keep snapshots from retention; stale leases (dead processes) do not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.app import Clearance
from clearance.errors import SnapshotError
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from tests.snapshots.toy import parsed_toy


@pytest.fixture
def store(tmp_path: Path) -> SnapshotStore:
    return SnapshotStore(Settings(home=tmp_path / "home", retention=1))


def install(store: SnapshotStore, tmp_path: Path, count: int) -> str:
    return store.install([parsed_toy(tmp_path, "toy-a", count)]).id


def test_a_leased_snapshot_outlives_retention(store: SnapshotStore, tmp_path: Path) -> None:
    first = install(store, tmp_path, 3)
    lease = store.lease(first, "test")
    second = install(store, tmp_path, 4)
    third = install(store, tmp_path, 5)
    assert store.snapshot_ids() == [first, third]  # second: retention=1, no lease
    assert store.kept() == {first: [f"in use by process {os.getpid()} (test)"]}
    lease.release()
    fourth = install(store, tmp_path, 6)
    assert store.snapshot_ids() == [fourth]
    assert second not in store.snapshot_ids()


def test_stale_leases_are_ignored_and_swept(store: SnapshotStore, tmp_path: Path) -> None:
    first = install(store, tmp_path, 3)
    code = (
        "import sys; from pathlib import Path; from clearance.snapshots.leases import take_lease;"
        "take_lease(Path(sys.argv[1]), sys.argv[2], 'killed')"  # exits without releasing
    )
    subprocess.run([sys.executable, "-c", code, str(store.home), first], check=True)
    assert len(list((store.home / "leases").iterdir())) == 1
    assert store.kept() == {}  # its process is gone
    second = install(store, tmp_path, 4)
    assert store.snapshot_ids() == [second]
    assert list((store.home / "leases").iterdir()) == []


def test_pins_keep_a_snapshot_until_unpinned(store: SnapshotStore, tmp_path: Path) -> None:
    first = install(store, tmp_path, 3)
    assert store.pin(first[:12], "receipt R-1") == ["receipt R-1"]  # a unique prefix works
    assert store.pin(first, "case C-9") == ["receipt R-1", "case C-9"]
    install(store, tmp_path, 4)
    install(store, tmp_path, 5)
    assert first in store.snapshot_ids()
    assert store.kept()[first] == ["pinned: receipt R-1", "pinned: case C-9"]
    assert store.unpin(first, "receipt R-1") == ["case C-9"]
    install(store, tmp_path, 6)
    assert first in store.snapshot_ids()
    assert store.unpin(first, "case C-9") == []
    last = install(store, tmp_path, 7)
    assert store.snapshot_ids() == [last]
    with pytest.raises(SnapshotError, match="needs a reason"):
        store.pin(last, " ")
    with pytest.raises(SnapshotError, match="does not exist"):
        store.pin("20990101T000000.000000Z-00000000", "x")


def test_a_serving_process_leases_what_it_reads(store: SnapshotStore, tmp_path: Path) -> None:
    """The screening engine keeps its snapshot and the one before (requests in flight)."""
    clearance = Clearance(store.settings)
    first = install(store, tmp_path, 3)
    assert clearance.reload() and clearance.snapshot.id == first
    second = install(store, tmp_path, 4)
    assert first in store.snapshot_ids()  # in use
    assert clearance.reload() and clearance.snapshot.id == second
    third = install(store, tmp_path, 5)
    assert first in store.snapshot_ids()  # the one before, still leased
    assert clearance.reload()
    install(store, tmp_path, 6)
    assert first not in store.snapshot_ids() and second in store.snapshot_ids()
    assert third in store.snapshot_ids()
    clearance.close()
    assert store.kept() == {}
