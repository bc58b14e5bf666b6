"""The exported format objects: protocol, detection, list naming and speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.sources.base import ListFormat, ParsedList
from clearance.sources.ofac import FORMATS, OfacCsvFormat, OfacEnhancedXmlFormat


def test_exported_formats() -> None:
    typed: list[ListFormat] = [OfacCsvFormat(), OfacEnhancedXmlFormat()]  # checked by mypy
    assert [f.name for f in FORMATS] == [f.name for f in typed] == ["ofac-csv", "ofac-enhanced-xml"]
    assert [f.list_name for f in FORMATS] == ["ofac-sdn", "ofac-cons"]
    assert all(f.description and callable(f.detect) and callable(f.read) for f in FORMATS)


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("ofac/sdn_csv_2023-12-28", "ofac-csv"),
        ("ofac/sdn_csv_2023-12-28/sdn.csv", "ofac-csv"),
        ("ofac/sdn_csv_2024-05-03", "ofac-csv"),
        ("ofac/cons_csv_2025-12-19", "ofac-csv"),
        ("ofac/cons_csv_2025-12-19/cons_prim.csv", "ofac-csv"),
        ("ofac/cons_enhanced_xml_2025-01-10/CONS_ENHANCED.ZIP", "ofac-enhanced-xml"),
        ("ofac/sdn_csv_2023-12-28/add.csv", None),
        ("un/2026-02-27/consolidated.xml", None),
        ("uk/ofsi_conlist_2025-04-10/ConList.xlsx", None),
        ("uk/ofsi_conlist_2018-04-13/sanctionsconlist.csv", None),
        ("ofac", None),
    ],
)
def test_detect(data_dir: Path, relative: str, expected: str | None) -> None:
    found = [f.name for f in FORMATS if f.detect(data_dir / relative)]
    assert found == ([expected] if expected else [])


def test_detect_looks_at_content(tmp_path: Path) -> None:
    fake = tmp_path / "sdn.csv"
    fake.write_text("<html>not a list</html>")
    assert not OfacCsvFormat().detect(fake)
    assert not OfacEnhancedXmlFormat().detect(fake)
    upper = tmp_path / "CONS_PRIM.CSV"
    upper.write_bytes(b'9639,"HANIYA, Ismail","individual","NS-PLC",-0- \r\n')
    assert OfacCsvFormat().detect(upper)


def test_read_full_sdn_set(sdn_2023_timed: tuple[ParsedList, float]) -> None:
    """The whole 2023-12-28 set reads. Its speed (the brief: well under 2 s of CPU) is shown by
    ``benchmarks/load_bench.py``, not bounded here: a timed test fails on a busy machine."""
    parsed, _seconds = sdn_2023_timed
    assert len(parsed.entities) == 13_821
