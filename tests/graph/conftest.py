"""A home with the real OFAC SDN list of 2023-12-28 (built once, copied per test)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clearance.app import index_builder
from clearance.cli.main import app
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path

FIXTURES = Path(__file__).parent / "fixtures"
Invoke = Callable[..., Result]


@pytest.fixture(scope="session")
def sdn_home_base(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("sdn-home")
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    SnapshotStore(Settings(home=home)).install([parsed], builders=[index_builder])
    return home


@pytest.fixture
def sdn_home(sdn_home_base: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(sdn_home_base, home, symlinks=True)
    return home


@pytest.fixture
def cli(sdn_home: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    monkeypatch.delenv("CLEARANCE_HOME", raising=False)
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, ["--home", str(sdn_home), *args])

    return invoke
