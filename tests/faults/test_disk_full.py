"""A disk that fills up during an install: the previous snapshot stays active and whole, no
staging folder is left, and the next install (with room) succeeds.

The home sits on a real 3 MB tmpfs (mounted here when the tests run as root); elsewhere the
writer is made to fail with ENOSPC after a byte budget, as a full disk would."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.errors import SnapshotError
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.snapshots import install as writer
from tests.snapshots.toy import parsed_toy

SIZE = 3 << 20


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """A folder on a 3 MB file system: a tmpfs, or a byte budget on the store's writes."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = False
    if os.geteuid() == 0 and shutil.which("mount"):
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(mount)],
            capture_output=True,
        )
        mounted = done.returncode == 0
    if not mounted:
        used = [0]
        real = writer._write

        def limited(path: Path, data: bytes) -> None:
            used[0] += len(data)
            if used[0] > SIZE:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            real(path, data)

        monkeypatch.setattr(writer, "_write", limited)
    try:
        yield mount, "tmpfs" if mounted else "injected ENOSPC"
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_keeps_the_previous_snapshot(
    small_disk: tuple[Path, str], tmp_path: Path
) -> None:
    disk, _how = small_disk
    store = SnapshotStore(Settings(home=disk / "home"))
    first = store.install([parsed_toy(tmp_path, "toy-a", 50)])
    before = {p.name: p.read_bytes() for p in (first.path / "lists").iterdir()}
    with pytest.raises(SnapshotError, match="No space left on device"):
        store.install([parsed_toy(tmp_path, "toy-b", 12_000)])  # ~4 MB of entities
    assert store.active_id() == first.id
    assert store.snapshot_ids() == [first.id]
    assert not [p for p in store.snapshots_dir.iterdir() if p.name.startswith(".")]
    assert {p.name: p.read_bytes() for p in (first.path / "lists").iterdir()} == before
    assert len(list(store.active().iter_entities())) == 50  # type: ignore[union-attr]
    second = store.install([parsed_toy(tmp_path, "toy-b", 100)])  # room for a small one
    assert store.active_id() == second.id and set(second.list_names()) == {"toy-a", "toy-b"}
