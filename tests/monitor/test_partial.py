"""A snapshot whose list file set is partial (SDN 2024-05-03: ``sdn.csv`` only): the delta
compares like with like and screens the added and really changed entries, not every entry
that lost its aliases with the missing files."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.db import open_database
from clearance.monitor import Book, Monitor
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from tests.diff.homes import sdn_home
from tests.monitor.books import generate, listed_names, write_book


def test_partial_file_set_delta_screens_only_real_changes(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> None:
    shared, (_s2021, s2023, s2024) = sdn_home(tmp_path_factory, data_dir)
    store = SnapshotStore(Settings(home=shared))
    old, new = store.get(s2023), store.get(s2024)
    added = [e for e in new.iter_entities() if old.entity_dict(e.id) is None]
    settings = Settings(home=tmp_path / "home")
    db = open_database(settings)
    rows = generate(400, listed_names(added), 40, seed=3)
    Book(db).import_file(write_book(tmp_path / "book.csv", rows))
    monitor = Monitor(settings, db)
    assert monitor.run(old).mode == "full"
    delta = monitor.run(new)
    assert delta.mode == "delta"
    assert 1256 <= delta.entities_screened < 1500  # the additions and the real changes
    assert "lacks add.csv (addresses)" in delta.reason and "like with like" in delta.reason
    planted = {a["customer_id"] for a in delta.alerts if a["cause"].startswith("new designation")}
    assert len(planted) >= 20  # planted variants of the new designations alert
