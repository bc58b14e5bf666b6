"""One home with the real OFAC SDN 2023-12-28, built once per test session (as `clearance
load` builds it), and a payment screener over it with the default policy."""

from __future__ import annotations

from pathlib import Path

import pytest

import clearance
from clearance.app import Clearance, index_builder
from clearance.payments import PaymentScreener, SnapshotLists
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def sdn_home(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("payments-home")
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    SnapshotStore(Settings(home=home)).install([parsed], builders=[index_builder])
    return home


@pytest.fixture(scope="session")
def sdn_engine(sdn_home: Path) -> Clearance:
    return clearance.open(settings=Settings(home=sdn_home))


@pytest.fixture(scope="session")
def payments(sdn_engine: Clearance) -> PaymentScreener:
    return PaymentScreener(SnapshotLists(sdn_engine))
