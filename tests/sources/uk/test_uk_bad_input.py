"""Bad UK ConList input: clear InputFileErrors naming the file and the row."""

from __future__ import annotations

import csv
import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from clearance.errors import InputFileError
from clearance.sources.uk import UkCsvFormat, UkXlsxFormat

HEADER = ["Name 6", "Name 1", "DOB", "Group Type", "Alias Type", "Alias Quality", "Group ID"]
BOMB_DTD = """<!DOCTYPE lolz [
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
]>"""


def conlist_rows(*rows: list[str]) -> list[list[str]]:
    return [["Last Updated", "10/04/2025"], HEADER, *[list(r) for r in rows]]


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[str]], encoding: str = "cp1252") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


SMITH = ["SMITH", "John", "00/05/1970", "Individual", "Primary name", "", "1"]
SMYTH = ["SMYTH", "John", "00/05/1970", "Individual", "AKA", "Low quality", "1"]
ACME = ["ACME LLC", "", "", "Entity", "Primary name", "", "2"]


def test_tiny_workbook_reads(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ConList.xlsx", conlist_rows(SMITH, SMYTH, ACME))
    assert UkXlsxFormat().detect(path)
    parsed = UkXlsxFormat().read(path)
    assert [e.id for e in parsed.entities] == ["uk-1", "uk-2"]
    smith = parsed.entities[0]
    assert [(n.full, n.quality.value) for n in smith.names] == [
        ("John SMITH", "strong"),
        ("John SMYTH", "weak"),
    ]
    assert str(smith.birth_dates[0]) == "1970-05"
    assert parsed.published == "2025-04-10"


def test_xlsx_that_is_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "ConList.xlsx"
    path.write_text("Last Updated,10/04/2025\nName 6,Group ID\n", encoding="utf-8")
    assert not UkXlsxFormat().detect(path)
    with pytest.raises(InputFileError, match="not an Excel .xlsx workbook") as info:
        UkXlsxFormat().read(path)
    assert str(path) in str(info.value)


def test_empty_files(tmp_path: Path) -> None:
    for name, fmt in (("ConList.xlsx", UkXlsxFormat()), ("conlist.csv", UkCsvFormat())):
        path = tmp_path / name
        path.write_bytes(b"")
        with pytest.raises(InputFileError, match="file is empty"):
            fmt.read(path)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "ConList.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(InputFileError, match="not a readable .xlsx workbook"):
        UkXlsxFormat().read(path)


def test_entity_bomb_inside_the_workbook(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", conlist_rows(SMITH))
    path = tmp_path / "ConList.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.namelist():
            data = source.read(item)
            if item == "xl/worksheets/sheet1.xml":
                data = (BOMB_DTD + data.decode()).replace("SMITH", "&lol9;").encode()
            target.writestr(item, data)
    start = time.perf_counter()
    with pytest.raises(InputFileError, match="entity"):
        UkXlsxFormat().read(path)
    assert time.perf_counter() - start < 2


def test_not_a_conlist(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "other.xlsx", [["a", "b"], ["1", "2"]])
    assert not UkXlsxFormat().detect(path)
    with pytest.raises(InputFileError, match="missing column.*Name 6"):
        UkXlsxFormat().read(path)


def test_duplicated_group_id(tmp_path: Path) -> None:
    clash = ["ACME LLC", "", "", "Entity", "Primary name", "", "1"]
    path = write_csv(tmp_path / "conlist.csv", conlist_rows(SMITH, clash))
    with pytest.raises(InputFileError, match="duplicated Group ID") as info:
        UkCsvFormat().read(path)
    assert info.value.record == "1"


def test_bad_date_is_reported_not_dropped(tmp_path: Path) -> None:
    bad = ["SMITH", "John", "45/13/1970", "Individual", "Primary name", "", "1"]
    parsed = UkCsvFormat().read(write_csv(tmp_path / "conlist.csv", conlist_rows(bad)))
    entity = parsed.entities[0]
    assert entity.birth_dates == () and entity.unparsed == ("DOB 45/13/1970",)
    assert [i.message for i in parsed.issues] == ["bad DOB: month out of range: 13"]


def test_csv_encodings(tmp_path: Path) -> None:
    row = ["JOSÉ – “X”", "", "", "Entity", "Prime Alias", "", "3"]
    legacy = UkCsvFormat().read(write_csv(tmp_path / "a.csv", conlist_rows(row), "cp1252"))
    utf8 = UkCsvFormat().read(write_csv(tmp_path / "b.csv", conlist_rows(row), "utf-8"))
    assert legacy.entities[0].caption == utf8.entities[0].caption == "JOSÉ – “X”"
    path = tmp_path / "c.csv"
    path.write_bytes(write_csv(tmp_path / "d.csv", conlist_rows(ACME)).read_bytes() + b"\x81\x8d")
    with pytest.raises(InputFileError, match="not cp1252 .byte 0x81 at line 4"):
        UkCsvFormat().read(path)
    utf16 = write_csv(tmp_path / "e.csv", conlist_rows(ACME), "utf-16")
    with pytest.raises(InputFileError, match="binary data"):
        UkCsvFormat().read(utf16)


def test_row_without_group_id_is_reported(tmp_path: Path) -> None:
    orphan = ["JONES", "Ann", "", "Individual", "Primary name", "", ""]
    parsed = UkCsvFormat().read(write_csv(tmp_path / "c.csv", conlist_rows(ACME, orphan)))
    assert [e.source_id for e in parsed.entities] == ["2"]
    assert [(i.record, i.message) for i in parsed.issues] == [("line 4", "row without a Group ID")]


def test_truncated_files(tmp_path: Path, data_dir: Path) -> None:
    real = (data_dir / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx").read_bytes()
    cut = tmp_path / "ConList.xlsx"
    cut.write_bytes(real[: len(real) // 2])
    with pytest.raises(InputFileError, match="not an Excel .xlsx workbook"):
        UkXlsxFormat().read(cut)
    text = write_csv(tmp_path / "c.csv", conlist_rows(ACME)).read_text(encoding="cp1252")
    truncated = tmp_path / "t.csv"
    truncated.write_text(text + '"ACME, unterminated', encoding="cp1252")
    with pytest.raises(InputFileError, match="malformed CSV: unexpected end of data"):
        UkCsvFormat().read(truncated)
