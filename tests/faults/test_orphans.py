"""Worker processes die with their parent, whatever signal it gets: ``load``'s parsing pool
and batch workers after ``kill -9`` (or ``kill -TERM``) of the parent, at a random moment."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.faults import procs

LISTS = [
    DATA / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx",
    DATA / "ofac" / "sdn_csv_2023-12-28",
    DATA / "un" / "2026-02-27" / "consolidated.xml",
]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_load_workers_die_with_load(tmp_path: Path, sig: signal.Signals) -> None:
    load = procs.start(tmp_path / "home", "load", *map(str, LISTS))
    workers = procs.wait_for_children(load.pid, 2)
    time.sleep(random.uniform(0.0, 1.0))  # somewhere in the parsing
    load.send_signal(sig)
    load.wait(timeout=30)
    assert procs.wait_gone(workers) == [], "orphaned parsing workers"
    assert not (tmp_path / "home" / "ACTIVE").exists()  # nothing half-installed


def test_batch_workers_die_with_batch(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert procs.run(home, "load", "--demo").returncode == 0
    names = tmp_path / "names.csv"
    rows = [f"{i},Person Number {i} Ivanov" for i in range(20_000)]
    names.write_text("id,name\n" + "\n".join(rows) + "\n")
    out = tmp_path / "out.csv"
    batch = procs.start(home, "batch", str(names), "-o", str(out), "--workers", "2", "-q")
    workers = procs.wait_for_children(batch.pid, 2)
    time.sleep(random.uniform(0.5, 2.0))
    batch.kill()
    batch.wait(timeout=30)
    assert procs.wait_gone(workers, timeout=15) == [], "orphaned batch workers"
