"""Fixtures for diff tests: the shared home of real SDN snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.diff.homes import sdn_home


@pytest.fixture(scope="session")
def sdn_snapshots(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> tuple[Path, list[str]]:
    return sdn_home(tmp_path_factory, data_dir)
