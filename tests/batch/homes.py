"""A small real home for batch and Spark tests: a slice of the OFAC SDN list of 2023-12-28.

The slice (a few hundred entities plus the seed designations) keeps the index build and the
per-row cost small; reading, storing and matching are the real components.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from clearance.matching.artifact import index_builder
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path

SEED_IDS = {"41736", "35096"}  # MKRTYCHEV, Ashot; PUTIN, Vladimir Vladimirovich
FIRST = ["John", "Maria", "Ivan", "Li", "Mohammed", "Hans", "Olga", "Pierre", "Ali", "Chen"]
LAST = ["Smith", "Garcia", "Petrov", "Wei", "Hassan", "Müller", "Ivanova", "Dupont", "Zhang"]


def build_home(home: Path, data_dir: Path, size: int = 400) -> list[str]:
    """Install the slice into ``home``; returns the listed primary names (for alert rows)."""
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    keep = parsed.entities[:size] + [e for e in parsed.entities if e.source_id in SEED_IDS]
    parsed.entities = list({e.source_id: e for e in keep}.values())
    SnapshotStore(Settings(home=home)).install([parsed], builders=[index_builder])
    return [e.names[0].full for e in parsed.entities]


_SHARED: dict[str, tuple[Path, list[str]]] = {}


def shared_home(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[Path, list[str]]:
    """One home per test session, whichever test folder asks first (batch or spark)."""
    key = str(data_dir)
    if key not in _SHARED:
        home = tmp_path_factory.mktemp("batch-home")
        _SHARED[key] = (home, build_home(home, data_dir))
    return _SHARED[key]


def customer_rows(count: int, listed: list[str], seed: int = 7) -> list[dict[str, str]]:
    """Synthetic customers; about one in twenty carries a listed name (so there are alerts)."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        if rng.random() < 0.05:
            name = rng.choice(listed)
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        kind = rng.choice(["person", "", ""])
        rows.append({"id": f"c{i}", "name": name, "type": kind})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path
