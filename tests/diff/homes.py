"""One home per test session holding real OFAC SDN snapshots, oldest first:
2021-07-07, 2023-12-28 (full CSV sets) and 2024-05-03 (``sdn.csv`` only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.app import index_builder
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path

SDN_DATES = ("2021-07-07", "2023-12-28", "2024-05-03")

_SHARED: dict[str, tuple[Path, list[str]]] = {}


def sdn_home(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[Path, list[str]]:
    """The home and its snapshot ids (one per date of SDN_DATES), built once per session."""
    key = str(data_dir)
    if key not in _SHARED:
        home = tmp_path_factory.mktemp("sdn-home")
        store = SnapshotStore(Settings(home=home))
        ids = []
        for date in SDN_DATES:
            parsed = read_path(data_dir / "ofac" / f"sdn_csv_{date}")
            ids.append(store.install([parsed], builders=[index_builder]).id)
        _SHARED[key] = (home, ids)
    return _SHARED[key]
