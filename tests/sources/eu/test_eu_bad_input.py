"""Bad EU FSF input: clear InputFileErrors, never a traceback, a hang or silent loss."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from clearance.errors import InputFileError
from clearance.sources.eu import EuXmlFormat

SAMPLE = Path(__file__).parent / "fixtures" / "eu_fsf_sample.xml"
NS = "http://eu.europa.ec/fpi/fsd/export"


def entity(logical_id: str, name: str) -> str:
    return (
        f'<sanctionEntity logicalId="{logical_id}" euReferenceNumber="EU.1.{logical_id}">'
        '<subjectType code="enterprise" classificationCode="E"/>'
        f'<nameAlias wholeName="{name}" strong="true"/></sanctionEntity>'
    )


def eu_file(tmp_path: Path, *entities: str, prolog: str = "") -> Path:
    path = tmp_path / "eu.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<export xmlns="{NS}" generationDate="2025-01-01">{"".join(entities)}</export>',
        encoding="utf-8",
    )
    return path


def test_tiny_file(tmp_path: Path) -> None:
    parsed = EuXmlFormat().read(eu_file(tmp_path, entity("1", "ACME"), entity("2", "BETA")))
    assert [e.id for e in parsed.entities] == ["eu-1", "eu-2"]


def test_truncated(tmp_path: Path) -> None:
    path = tmp_path / "eu.xml"
    path.write_bytes(SAMPLE.read_bytes()[:6000])
    with pytest.raises(InputFileError, match="not well-formed XML at line"):
        EuXmlFormat().read(path)


def test_billion_laughs(tmp_path: Path) -> None:
    levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    prolog = f'<!DOCTYPE export [<!ENTITY lol0 "lol">{levels}]>'
    path = eu_file(tmp_path, entity("1", "&lol9;"), prolog=prolog)
    start = time.perf_counter()
    with pytest.raises(InputFileError, match="entity-expansion bomb"):
        EuXmlFormat().read(path)
    assert time.perf_counter() - start < 2


def test_empty_and_wrong_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError, match="file is empty"):
        EuXmlFormat().read(empty)
    other = tmp_path / "other.xml"
    other.write_text("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", encoding="utf-8")
    with pytest.raises(InputFileError, match="no <sanctionEntity> records"):
        EuXmlFormat().read(other)
    wrong_root = tmp_path / "root.xml"
    wrong_root.write_text(f"<list>{entity('1', 'A')}</list>", encoding="utf-8")
    with pytest.raises(InputFileError, match="expected <export>"):
        EuXmlFormat().read(wrong_root)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = eu_file(tmp_path, entity("1", "JOSE"))
    path.write_bytes(path.read_bytes().replace(b"JOSE", "JOSÉ".encode("latin-1")))
    with pytest.raises(InputFileError, match="Invalid bytes in character encoding"):
        EuXmlFormat().read(path)


def test_duplicated_and_missing_ids(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="duplicated id") as info:
        EuXmlFormat().read(eu_file(tmp_path, entity("7", "A"), entity("7", "B")))
    assert info.value.record == "7"
    with pytest.raises(InputFileError, match="without logicalId"):
        EuXmlFormat().read(eu_file(tmp_path, entity("", "A")))


def test_entity_without_name_is_reported(tmp_path: Path) -> None:
    parsed = EuXmlFormat().read(eu_file(tmp_path, entity("1", ""), entity("2", "B")))
    assert [e.source_id for e in parsed.entities] == ["2"]
    assert [i.message for i in parsed.issues] == [
        "empty nameAlias",
        "sanctionEntity without a name; skipped",
    ]
