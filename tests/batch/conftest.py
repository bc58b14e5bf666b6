"""Fixtures for batch tests: one small real home per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.settings import Settings
from tests.batch.homes import shared_home


@pytest.fixture(scope="session")
def batch_home_names(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> tuple[Path, list[str]]:
    return shared_home(tmp_path_factory, data_dir)


@pytest.fixture(scope="session")
def batch_home(batch_home_names: tuple[Path, list[str]]) -> Path:
    return batch_home_names[0]


@pytest.fixture(scope="session")
def listed_names(batch_home_names: tuple[Path, list[str]]) -> list[str]:
    return batch_home_names[1]


@pytest.fixture()
def batch_settings(batch_home: Path) -> Settings:
    return Settings(home=batch_home)
