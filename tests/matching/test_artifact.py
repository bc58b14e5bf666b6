"""The matcher's snapshot artifact: stored with the snapshot, loaded back, rebuilt (and logged)."""

from __future__ import annotations

import logging
import shutil
from dataclasses import fields, replace
from pathlib import Path

import pytest

from clearance.matching.artifact import INDEX_DIR, index_builder, load_index, load_screener
from clearance.matching.engine import ALGORITHM_RELEASE, Screener
from clearance.matching.index import INDEX_FORMAT
from clearance.matching.params import NameParams
from clearance.matching.query import make_query
from clearance.settings import Settings
from clearance.snapshots import Snapshot, SnapshotStore
from tests.snapshots.toy import parsed_toy


def test_stored_index_loads_and_a_missing_one_is_rebuilt_with_a_logged_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(home=tmp_path / "home")
    parsed = parsed_toy(tmp_path, "toy-a", 3)
    snapshot = SnapshotStore(settings).install([parsed], builders=[index_builder])
    assert (snapshot.path / INDEX_DIR).is_dir()
    with caplog.at_level(logging.WARNING, logger="clearance.matching"):
        stored = load_screener(snapshot, settings.matching)
    assert not caplog.records
    assert stored.snapshot_id == snapshot.id
    assert stored.index.lists == {"toy-a": "2024-01-01"} == snapshot.list_versions()

    shutil.rmtree(snapshot.path / INDEX_DIR)
    with caplog.at_level(logging.WARNING, logger="clearance.matching"):
        rebuilt = load_screener(snapshot, settings.matching)
    assert "rebuilding it in memory" in caplog.text and snapshot.id in caplog.text
    query = make_query("Person 1", type="person")
    assert rebuilt.screen(query).matches[0].entity_id == stored.screen(query).matches[0].entity_id


def _params_of_an_older_release() -> NameParams:
    """A ``NameParams`` as an older release pickled it: one field this release declares is
    missing (a slotted dataclass unpickles without it)."""
    old = object.__new__(NameParams)
    for f in fields(NameParams)[:-1]:
        object.__setattr__(old, f.name, getattr(NameParams(), f.name))
    return old


_QUERY = make_query("Person 1", type="person")


def _installed(tmp_path: Path) -> tuple[Settings, Snapshot, str]:
    """Settings, a snapshot of one toy list with its index, and the entity ``_QUERY`` finds."""
    settings = Settings(home=tmp_path / "home")
    snapshot = SnapshotStore(settings).install(
        [parsed_toy(tmp_path, "toy-a", 3)], builders=[index_builder]
    )
    expected = load_screener(snapshot, settings.matching).screen(_QUERY).matches[0].entity_id
    return settings, snapshot, expected


def test_an_index_stored_with_other_name_parameters_is_rebuilt_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings, snapshot, expected = _installed(tmp_path)
    query = _QUERY
    index = load_index(snapshot.path)
    index.params = _params_of_an_older_release()  # (cannot be pickled again: tried directly)
    with pytest.raises(ValueError, match="other name parameters"):
        Screener(index, settings.matching)
    index = load_index(snapshot.path)
    index.params = replace(NameParams(), leftover_sim=0.99)
    index.save(snapshot.path / INDEX_DIR)
    with caplog.at_level(logging.WARNING, logger="clearance.matching"):
        screener = load_screener(snapshot, settings.matching)
    assert "other name parameters" in caplog.text and "rebuilding it in memory" in caplog.text
    assert screener.index.params == NameParams()
    assert screener.screen(query).matches[0].entity_id == expected


def test_an_index_of_an_earlier_format_is_refused_and_rebuilt(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Format 25 reads a typo variant's code as a key id or a slot: an index stored before
    (slots only) would lead to other keys, so it is refused and rebuilt, not read."""
    settings, snapshot, expected = _installed(tmp_path)
    query = _QUERY
    index = load_index(snapshot.path)
    assert index.format == INDEX_FORMAT == 53
    index.format = 27  # (27 has no table readings stored, and reads "Abdu Abdallah" as abdul)
    index.save(snapshot.path / INDEX_DIR)
    with pytest.raises(ValueError, match="unsupported format"):
        load_index(snapshot.path)
    with caplog.at_level(logging.WARNING, logger="clearance.matching"):
        screener = load_screener(snapshot, settings.matching)
    assert "unsupported format" in caplog.text and "rebuilding it in memory" in caplog.text
    assert screener.index.format == INDEX_FORMAT
    assert screener.screen(query).matches[0].entity_id == expected


def test_an_index_built_by_another_release_is_refused_and_rebuilt(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A release may normalise or key listed names another way (1.23 reads "SALAH Ud-Din" as
    "salah uddin"): an index stored by another release, or by one before releases were stored,
    is rebuilt, not read with keys the queries no longer make."""
    settings, snapshot, expected = _installed(tmp_path)
    index = load_index(snapshot.path)
    assert index.release == ALGORITHM_RELEASE
    for stored in ("1.22", "1.23", None):
        if stored is None:
            del index.__dict__["release"]  # (as an index saved before 1.23 unpickles)
        else:
            index.release = stored
        index.save(snapshot.path / INDEX_DIR)
        with pytest.raises(ValueError, match=f"not {ALGORITHM_RELEASE}"):
            load_index(snapshot.path)
        with caplog.at_level(logging.WARNING, logger="clearance.matching"):
            screener = load_screener(snapshot, settings.matching)
        assert "rebuilding it in memory" in caplog.text
        assert screener.index.release == ALGORITHM_RELEASE
        assert screener.screen(_QUERY).matches[0].entity_id == expected
