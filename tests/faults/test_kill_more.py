"""``kill -9`` of ``refresh`` and ``monitor`` at a random point.

``refresh`` downloads from a real local HTTP server (slowly, so that the kill can land during
the download, the parse or the install): the home keeps its previous snapshot or has the new
one complete, and the next refresh works. ``monitor`` is killed while it screens a customer
book against a new list version: the next run leaves exactly the alerts that an uninterrupted
run leaves (same customers, entities and states; none twice, none lost)."""

from __future__ import annotations

import csv
import random
import shutil
import time
from pathlib import Path

from clearance.db import open_database
from clearance.monitor.alerts import list_alerts
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path
from tests.faults import hostile, procs
from tests.faults.test_kill_install import check_home
from tests.snapshots.httpserver import ListServer, list_server

__all__ = ["list_server"]  # the fixture

DATA = hostile.UN_XML.parents[2]
SDN_2021 = DATA / "ofac" / "sdn_csv_2021-07-07" / "sdn.csv"
SDN_2023 = DATA / "ofac" / "sdn_csv_2023-12-28" / "sdn.csv"


def test_kill_9_during_refresh(tmp_path: Path, list_server: ListServer) -> None:
    home = tmp_path / "home"
    before = SnapshotStore(Settings(home=home)).install([read_path(hostile.UN_XML)]).id
    url = list_server.add_file("/consolidated.xml", hostile.UN_XML, delay=0.5)
    env = {"CLEARANCE_SOURCE_UN": url}
    proc = procs.start(home, "--debug", "refresh", "un", "--allow-shrink", env=env)
    time.sleep(random.Random().uniform(0.2, 6.0))
    proc.kill()
    proc.wait(timeout=30)
    check_home(home, before)
    after = procs.run(home, "refresh", "un", "--allow-shrink", env=env)
    assert after.returncode == 0, after.stderr  # no stale lock, no staging left in the way
    check_home(home)


def _book(path: Path, count: int) -> Path:
    """Customers: generated names plus variants of names that OFAC listed after 2021."""
    rng = random.Random(7)
    listed = [e for e in read_path(SDN_2023).entities if e.schema.value == "organization"]
    old = {e.id for e in read_path(SDN_2021).entities}
    new = [e.caption for e in listed if e.id not in old]
    given = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Gosia", "Hans", "Ines"]
    family = ["Novak", "Keller", "Rossi", "Ivanova", "Haddad", "Kowalski", "Moreau", "Silva"]
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "name", "type"])
        for i in range(count):
            out.writerow([f"c{i}", f"{rng.choice(given)} {rng.choice(family)} {i}", "person"])
        for j, name in enumerate(rng.sample(new, 40)):
            out.writerow([f"p{j}", name.lower(), "organization"])
    return path


def _alerts(home: Path) -> set[tuple[str, str, str]]:
    db = open_database(Settings(home=home))
    with db.connect() as conn:
        rows = list_alerts(conn, limit=1_000_000)
    pairs = [(r["customer_id"], r["entity_id"], r["status"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "an alert was raised twice"
    return set(pairs)


def test_kill_9_during_monitor(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    for args in (("load", str(SDN_2021)), ("book", "import", str(_book(tmp_path / "b.csv", 1500)))):
        result = procs.run(clean, *args)
        assert result.returncode == 0, result.stderr
    first = procs.run(clean, "monitor", "--quiet", "--workers", "1")
    assert first.returncode == 0, first.stderr
    result = procs.run(clean, "load", str(SDN_2023))
    assert result.returncode == 0, result.stderr
    killed = tmp_path / "killed"
    shutil.copytree(clean, killed)

    started = time.monotonic()
    result = procs.run(clean, "monitor", "--quiet", "--workers", "1")
    took = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    expected = _alerts(clean)
    assert any(customer.startswith("p") for customer, _, _ in expected)

    proc = procs.start(killed, "monitor", "--quiet", "--workers", "1")
    time.sleep(random.Random().uniform(0.1, 0.9) * took)
    proc.kill()
    proc.wait(timeout=30)
    again = procs.run(killed, "monitor", "--quiet", "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert _alerts(killed) == expected
