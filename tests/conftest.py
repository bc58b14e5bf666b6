"""Shared fixtures. Official list files are read from ``../shared/data`` (override with
``CLEARANCE_TEST_DATA``); they are never copied into the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLEARANCE_TEST_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.fail(f"official list files not found at {DATA} (set CLEARANCE_TEST_DATA)")
    return DATA


# PostgreSQL and the database fixtures (`pg_server`, `db_url`) for every test package.
from tests.pg import db_url, pg_server  # noqa: E402, F401
