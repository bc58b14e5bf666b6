"""The custom-list CSV reader: the documented example, and every documented error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clearance.errors import InputFileError
from clearance.model import FuzzyDate, IdType, NameQuality, RelationKind, Schema
from clearance.sources.custom import FORMATS, CustomCsvFormat

FIXTURE = Path(__file__).parent / "fixtures" / "internal_watchlist.csv"
DOC = Path(__file__).parents[3] / "docs" / "custom-list.md"
HEADER = "id,name,type,dob,identifiers,linked_to\n"


def write(tmp_path: Path, text: str, name: str = "list.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def fails(path: Path, pattern: str, line: int | None = None) -> None:
    with pytest.raises(InputFileError, match=pattern) as info:
        CustomCsvFormat().read(path)
    assert str(path) in str(info.value)
    if line is not None:
        assert info.value.record == f"line {line}"


def test_documented_example() -> None:
    parsed = CustomCsvFormat().read(FIXTURE)
    assert parsed.list == "internal-watchlist" and parsed.format == "custom-csv"
    assert parsed.issues == []
    sidorov, northwind, vessel = parsed.entities
    assert sidorov.id == "internal-watchlist-C-0042" and sidorov.schema is Schema.PERSON
    assert [(n.full, n.quality, n.script) for n in sidorov.names] == [
        ("Ivan Petrovich SIDOROV", NameQuality.STRONG, None),
        ("Ivan Sidorov", NameQuality.STRONG, None),
        ("Иван Петрович Сидоров", NameQuality.STRONG, "Cyrl"),
        ("Vanya", NameQuality.WEAK, None),
    ]
    assert sidorov.birth_dates == (FuzzyDate(1971, 3, 2),)
    assert (sidorov.countries, sidorov.nationalities) == (("CY",), ("RU",))
    assert sidorov.remarks == "Refused onboarding 2024, see case 881"
    assert northwind.caption == "Northwind Trading, Ltd" and northwind.countries == ("CY", "AE")
    assert northwind.schema is Schema.ORGANIZATION
    assert [(i.type, i.value) for i in vessel.identifiers] == [
        (IdType.IMO, "9187629"),
        (IdType.MMSI, "273000000"),
    ]
    edge = vessel.relationships[0]
    assert (edge.kind, edge.target_id, edge.target_name) == (
        RelationKind.LINKED_TO,
        "internal-watchlist-C-0043",
        "Northwind Trading, Ltd",
    )
    assert sidorov.source_record["line"] == 2


def test_the_doc_example_is_the_fixture() -> None:
    block = re.search(r"```csv\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    assert block.group(1) == FIXTURE.read_text(encoding="utf-8")


def test_list_name_and_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "ID,Name,Extra\n1,ACME\n", name="Internal Watchlist.csv")
    parsed = CustomCsvFormat().read(path)
    assert parsed.list == "internal-watchlist"
    assert parsed.entities[0].schema is Schema.ORGANIZATION
    assert [i.message for i in parsed.issues] == ["unknown column(s) ignored: extra"]
    assert CustomCsvFormat().read(path, list_name="mine").entities[0].id == "mine-1"
    bom = write(tmp_path, "\ufeffid,name,dob\n1,ACME,1990|1991-05\n")
    dates = CustomCsvFormat().read(bom).entities[0].birth_dates
    assert dates == (FuzzyDate(1990), FuzzyDate(1991, 5))


def test_detect(tmp_path: Path, data_dir: Path) -> None:
    fmt = FORMATS[0]
    assert fmt.name == "custom-csv"
    assert fmt.detect(FIXTURE)
    assert fmt.detect(write(tmp_path, "Name,ID\nA,1\n"))
    assert not fmt.detect(write(tmp_path, "name,country\nA,RU\n", name="x.csv"))
    assert not fmt.detect(write(tmp_path, "id,name\n1,A\n", name="x.txt"))
    assert not fmt.detect(data_dir / "uk" / "ofsi_conlist_2018-04-13" / "sanctionsconlist.csv")


def test_empty_file(tmp_path: Path) -> None:
    fails(write(tmp_path, ""), "file is empty")
    fails(write(tmp_path, HEADER), "no records after the header line")


def test_wrong_encoding(tmp_path: Path) -> None:
    fails(write(tmp_path, HEADER + "1,José,person,,,\n", encoding="cp1252"), r"not utf-8.*line 2")
    fails(write(tmp_path, HEADER + "1,A,,,,\n", encoding="utf-16"), "binary data")


def test_missing_required_column(tmp_path: Path) -> None:
    fails(write(tmp_path, "id,names\n1,A\n"), r"missing required column\(s\): name", line=1)


def test_empty_id_or_name(tmp_path: Path) -> None:
    fails(write(tmp_path, HEADER + "1,A,,,,\n2, ,,,,\n"), "empty name", line=3)
    fails(write(tmp_path, HEADER + ",A,,,,\n"), "empty id", line=2)


def test_bad_type(tmp_path: Path) -> None:
    fails(write(tmp_path, HEADER + "1,A,company,,,\n"), "bad type 'company'", line=2)


@pytest.mark.parametrize("dob", ["1971-13-02", "71-03-02", "2021-02-31", "1971/03/02", "19x1"])
def test_bad_date(tmp_path: Path, dob: str) -> None:
    fails(write(tmp_path, HEADER + f"1,A,person,{dob},,\n"), "bad dob", line=2)


def test_bad_identifiers(tmp_path: Path) -> None:
    fails(write(tmp_path, HEADER + "1,A,,,ssn:123,\n"), "unknown identifier type 'ssn'", line=2)
    fails(write(tmp_path, HEADER + "1,A,,,passport,\n"), "has no value", line=2)


def test_duplicated_id(tmp_path: Path) -> None:
    fails(write(tmp_path, HEADER + "1,A,,,,\n2,B,,,,\n1,C,,,,\n"), "duplicated id '1'", line=4)


def test_unknown_link_and_extra_fields(tmp_path: Path) -> None:
    fails(write(tmp_path, HEADER + "1,A,,,,9\n"), "linked_to '9' is not an id", line=2)
    fails(write(tmp_path, HEADER + "1,A, B,,,,,\n"), "8 fields but the header has 6", line=2)


def test_truncated_quoted_field(tmp_path: Path) -> None:
    fails(write(tmp_path, HEADER + '1,"ACME, unterminated\n'), "unexpected end of data")
