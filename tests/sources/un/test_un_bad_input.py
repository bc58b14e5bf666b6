"""Bad UN input: clear InputFileErrors, never a traceback, a hang or silent loss."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from clearance.errors import InputFileError
from clearance.sources.un import UnXmlFormat

FIXTURES = Path(__file__).parent / "fixtures"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>
<FIRST_NAME>&lol9;</FIRST_NAME><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>
</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>
"""


def individual(ref: str, dataid: str, name: str) -> str:
    return (
        f"<INDIVIDUAL><DATAID>{dataid}</DATAID><FIRST_NAME>{name}</FIRST_NAME>"
        f"<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>{ref}</REFERENCE_NUMBER>"
        "<LISTED_ON>2016-11-30</LISTED_ON></INDIVIDUAL>"
    )


def un_file(tmp_path: Path, *records: str, name: str = "consolidated.xml") -> Path:
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">'
        f"<INDIVIDUALS>{''.join(records)}</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>",
        encoding="utf-8",
    )
    return path


def test_small_fixture_reads(tmp_path: Path) -> None:
    path = un_file(tmp_path, individual("KPi.001", "1", "KIM"), individual("KPi.002", "2", "RI"))
    parsed = UnXmlFormat().read(path)
    assert [e.id for e in parsed.entities] == ["un-KPi.001", "un-KPi.002"]


def test_truncated_xml(data_dir: Path, tmp_path: Path) -> None:
    real = (data_dir / "un" / "2026-02-27" / "consolidated.xml").read_bytes()
    path = tmp_path / "consolidated.xml"
    path.write_bytes(real[:50_000])
    with pytest.raises(InputFileError, match="not well-formed XML at line"):
        UnXmlFormat().read(path)


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(InputFileError, match="entity-expansion bomb") as info:
        UnXmlFormat().read(path)
    assert time.perf_counter() - start < 2
    assert str(path) in str(info.value)


def test_any_entity_declaration_is_refused(tmp_path: Path) -> None:
    """A small, non-exploding entity would silently drop the text it stands for."""
    path = tmp_path / "consolidated.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY n "KIM">]>'
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&n;</FIRST_NAME>"
        "<REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>"
        "</CONSOLIDATED_LIST>",
        encoding="utf-8",
    )
    with pytest.raises(InputFileError, match="declares entities"):
        UnXmlFormat().read(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match="file is empty"):
        UnXmlFormat().read(path)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = un_file(tmp_path, individual("KPi.001", "1", "JOSE"))
    path.write_bytes(path.read_bytes().replace(b"JOSE", "JOSÉ".encode("latin-1")))
    with pytest.raises(
        InputFileError, match=r"at line \d+: Invalid bytes in character encoding.*UTF-8"
    ):
        UnXmlFormat().read(path)


def test_not_the_un_file(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<export><sanctionEntity/></export>", encoding="utf-8")
    assert not UnXmlFormat().detect(path)
    with pytest.raises(InputFileError, match="expected <CONSOLIDATED_LIST>"):
        UnXmlFormat().read(path)


def test_repeated_reference_falls_back_to_dataid(tmp_path: Path) -> None:
    path = un_file(tmp_path, individual("KPi.001", "10", "KIM"), individual("KPi.001", "11", "RI"))
    parsed = UnXmlFormat().read(path)
    assert [e.source_id for e in parsed.entities] == ["KPi.001", "DATAID-11"]
    assert any("repeated" in i.message and "DATAID-11" in i.message for i in parsed.issues)


def test_duplicated_record_is_an_error(tmp_path: Path) -> None:
    record = individual("KPi.001", "10", "KIM")
    path = un_file(tmp_path, record, record, record)
    with pytest.raises(InputFileError, match="duplicated id"):
        UnXmlFormat().read(path)


def test_record_without_name_is_reported(tmp_path: Path) -> None:
    path = un_file(tmp_path, individual("KPi.001", "1", ""), individual("KPi.002", "2", "RI"))
    parsed = UnXmlFormat().read(path)
    assert [e.source_id for e in parsed.entities] == ["KPi.002"]
    assert [(i.record, i.message) for i in parsed.issues] == [
        ("KPi.001", "record has no name; skipped")
    ]


def test_fixture_with_edge_cases() -> None:
    parsed = UnXmlFormat().read(FIXTURES / "un_edge_cases.xml")
    entity = parsed.entities[0]
    assert [str(d) for d in entity.birth_dates] == ["~1955..1958", "1973-11", "1958-09"]
    assert [n.full for n in entity.names if n.script == "Cyrl"] == ["Абу Банат"]
    assert entity.relationships[0].target_id == "un-QDe.001"
    assert entity.relationships[1].target_id is None  # cites a record not on this list
