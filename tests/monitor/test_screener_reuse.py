"""A monitor kept between runs loads each snapshot's matcher once (``Monitor.screener``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clearance.db import open_database
from clearance.monitor import Book, Monitor
from clearance.monitor import run as monitor_run
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from tests.api.factory import install, sdn_entities


def _pairs(summary: Any) -> list[tuple[str, str, float]]:
    return [(a["customer_id"], a["entity_id"], a["score"]) for a in summary.alerts]


def test_one_load_per_snapshot_and_the_same_alerts_as_a_fresh_monitor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    entities = sdn_entities()
    install(home, {"ofac-sdn": entities})
    settings = Settings(home=home)
    db = open_database(settings)
    book = Book(db)
    first_csv = tmp_path / "first.csv"
    first_csv.write_text("id,name,type\n1,Ashot Mkrtichev,person\n", encoding="utf-8")
    book.import_file(first_csv)
    loaded: list[str] = []
    real = monitor_run.load_screener

    def counting(snapshot: Any, policy: Any) -> Any:
        loaded.append(snapshot.id)
        return real(snapshot, policy)

    monkeypatch.setattr(monitor_run, "load_screener", counting)
    store = SnapshotStore(settings)
    snapshot = store.require_active()
    monitor = Monitor(settings, db)
    assert _pairs(monitor.run(snapshot)) == [("1", "ofac-sdn-41736", pytest.approx(1.0, abs=0.2))]
    second_csv = tmp_path / "second.csv"
    second_csv.write_text("id,name,type\n2,Ashot Mkrtichev,person\n", encoding="utf-8")
    book.import_file(second_csv)
    reused = monitor.run(snapshot)
    assert loaded == [snapshot.id]  # the second run screened the new customer, no new load
    assert [p[:2] for p in _pairs(reused)] == [("2", "ofac-sdn-41736")]

    # A fresh monitor (which loads the matcher) raises the same alert with the same score.
    with db.connect(write=True) as conn:
        conn.execute(monitor_run.ALERTS.delete().where(monitor_run.ALERTS.c.customer_id == "2"))
        conn.execute(monitor_run.RUNS.delete().where(monitor_run.RUNS.c.id == reused.run_id))
    fresh = Monitor(settings, db).run(snapshot)
    assert loaded == [snapshot.id, snapshot.id]
    assert _pairs(fresh) == _pairs(reused)

    # A new snapshot is loaded (once), the previous one let go.
    install(home, {"ofac-sdn": entities[:-1]})
    newer = store.require_active()
    monitor.run(newer)
    monitor.run(newer)
    assert loaded == [snapshot.id, snapshot.id, newer.id]
