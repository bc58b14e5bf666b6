"""Spark tests: a real local Spark (``local[2]``, Java 17) shared by the session.

Marked ``spark``; run them alone with ``pytest -m spark`` or skip them with ``-m "not spark"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.batch.homes import shared_home


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "spark: needs pyspark and Java (a local Spark session)")


@pytest.fixture(scope="session")
def spark_home_names(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> tuple[Path, list[str]]:
    return shared_home(tmp_path_factory, data_dir)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from clearance.spark.batch import local_session

    session = local_session("local[2]", "clearance-tests")
    yield session
    session.stop()
