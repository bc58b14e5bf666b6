"""The matcher's snapshot artifact: stored with the snapshot, loaded back, rebuilt (and logged)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from clearance.matching.artifact import INDEX_DIR, index_builder, load_screener
from clearance.matching.query import make_query
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from tests.snapshots.toy import parsed_toy


def test_stored_index_loads_and_a_missing_one_is_rebuilt_with_a_logged_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(home=tmp_path / "home")
    parsed = parsed_toy(tmp_path, "toy-a", 3)
    snapshot = SnapshotStore(settings).install([parsed], builders=[index_builder])
    assert (snapshot.path / INDEX_DIR).is_dir()
    with caplog.at_level(logging.WARNING, logger="clearance.matching"):
        stored = load_screener(snapshot, settings)
    assert not caplog.records
    assert stored.snapshot_id == snapshot.id
    assert stored.index.lists == {"toy-a": "2024-01-01"} == snapshot.list_versions()

    shutil.rmtree(snapshot.path / INDEX_DIR)
    with caplog.at_level(logging.WARNING, logger="clearance.matching"):
        rebuilt = load_screener(snapshot, settings)
    assert "rebuilding it in memory" in caplog.text and snapshot.id in caplog.text
    query = make_query("Person 1", type="person")
    assert rebuilt.screen(query).matches[0].entity_id == stored.screen(query).matches[0].entity_id
