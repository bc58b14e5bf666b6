"""Parsed official OFAC files, read once per session (reading the SDN set takes ~1 s)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from clearance.model import Entity
from clearance.sources.base import ParsedList
from clearance.sources.ofac import OfacCsvFormat, OfacEnhancedXmlFormat


@pytest.fixture(scope="session")
def ofac_dir(data_dir: Path) -> Path:
    return data_dir / "ofac"


@pytest.fixture(scope="session")
def sdn_2023_timed(ofac_dir: Path) -> tuple[ParsedList, float]:
    """The 2023-12-28 SDN set and the CPU seconds reading it took."""
    start = time.process_time()
    parsed = OfacCsvFormat().read(ofac_dir / "sdn_csv_2023-12-28")
    return parsed, time.process_time() - start


@pytest.fixture(scope="session")
def sdn_2023(sdn_2023_timed: tuple[ParsedList, float]) -> ParsedList:
    return sdn_2023_timed[0]


@pytest.fixture(scope="session")
def sdn_2023_by_id(sdn_2023: ParsedList) -> dict[str, Entity]:
    return {e.source_id: e for e in sdn_2023.entities}


@pytest.fixture(scope="session")
def cons_xml(ofac_dir: Path) -> ParsedList:
    return OfacEnhancedXmlFormat().read(
        ofac_dir / "cons_enhanced_xml_2025-01-10" / "CONS_ENHANCED.ZIP"
    )
