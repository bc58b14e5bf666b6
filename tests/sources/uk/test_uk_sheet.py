"""The fast sheet reader gives what openpyxl's ``iter_rows(values_only=True)`` gives."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from clearance.errors import InputFileError
from clearance.sources.uk import UkXlsxFormat
from clearance.sources.uk.sheet import sheet_values
from tests.sources.uk.test_uk_bad_input import HEADER, SMITH, conlist_rows, write_xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        yield book.worksheets[0]
    finally:
        book.close()


def assert_same_rows(path: Path) -> list[tuple[object, ...]]:
    with opened(path) as sheet:
        expected = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    got = [tuple(row) for row in sheet_values(path)]
    assert got == expected
    assert [[type(v) for v in row] for row in got] == [[type(v) for v in row] for row in expected]
    return got


def with_sheet(tmp_path: Path, sheet_xml: str, name: str = "hand.xlsx") -> Path:
    """A workbook written by openpyxl whose first sheet is replaced by ``sheet_xml``."""
    base = write_xlsx(tmp_path / "base.xlsx", [["x"]])
    path = tmp_path / name
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.namelist():
            data = source.read(item)
            if item == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            target.writestr(item, data)
    return path


def test_typed_cells_gaps_and_missing_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Last Updated", dt.datetime(2025, 4, 10)])
    sheet.append(HEADER)
    sheet.append(["  SMITH  ", None, dt.date(1970, 5, 1), "Individual", 12, 3.5, True])
    sheet.cell(row=6, column=3, value=1e20)  # rows 4-5 missing from the file
    sheet.cell(row=6, column=9, value="beyond the header")
    sheet.cell(row=7, column=1, value="=1+2")  # a formula without a cached value
    sheet.cell(row=8, column=2, value=dt.time(12, 30))
    sheet.cell(row=8, column=4, value=False)
    sheet.cell(row=8, column=5, value=-7)
    book.save(tmp_path / "typed.xlsx")
    rows = assert_same_rows(tmp_path / "typed.xlsx")
    assert len(rows) == 8 and rows[3] == (None,) * 9


def test_hand_written_sheet_xml(tmp_path: Path) -> None:
    """No dimension, cells without references, inline and rich strings, every cell type."""
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetData>
<row r="1"><c t="inlineStr"><is><t>Last Updated</t></is></c><c t="str"><v>10/04/2025</v></c></row>
<row><c t="inlineStr"><is><r><t>Name</t></r><r><t xml:space="preserve"> 6</t></r></is></c>
<c r="C2" t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2025-04-10T00:00:00</v></c></row>
<row r="4.0"><c r="B4"><v>42</v></c><c><v>4.25</v></c><c t="s"><v></v></c>
<c><f>A1</f><v>9</v></c></row>
<row r="5"><c r="E5" t="inlineStr"/><c r="A5" t="inlineStr"><is><t>last</t></is></c></row>
<row r="6"/>
</sheetData></worksheet>"""
    rows = assert_same_rows(with_sheet(tmp_path, xml))
    assert rows[0] == ("Last Updated", "10/04/2025")
    assert rows[1][0] == "Name 6" and rows[2] == ()


def test_dimension_limits_rows_and_columns(tmp_path: Path) -> None:
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><dimension ref="A1:B2"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1"><v>3</v></c></row>
<row r="3"><c r="A3"><v>1</v></c></row>
</sheetData></worksheet>"""
    assert assert_same_rows(with_sheet(tmp_path, xml)) == [("a", None), (None, None)]


def test_real_conlist(data_dir: Path) -> None:
    rows = assert_same_rows(data_dir / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx")
    assert len(rows) > 18_000


def test_conlist_read_through_the_fast_path(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ConList.xlsx", conlist_rows(SMITH))
    assert [e.id for e in UkXlsxFormat().read(path).entities] == ["uk-1"]


def test_malformed_sheet_xml(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", conlist_rows(SMITH))
    with zipfile.ZipFile(good) as source:
        xml = source.read("xl/worksheets/sheet1.xml").decode()
    cut = xml[: xml.index("</sheetData>") - 20]  # the dimension is intact, the rows are not
    path = with_sheet(tmp_path, cut, "ConList.xlsx")
    with pytest.raises(InputFileError, match="corrupt .xlsx workbook: not well-formed XML"):
        UkXlsxFormat().read(path)


def test_bad_shared_string_index(tmp_path: Path) -> None:
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetData>
<row r="1"><c r="A1" t="s"><v>999</v></c></row></sheetData></worksheet>"""
    path = with_sheet(tmp_path, xml, "ConList.xlsx")
    with pytest.raises(InputFileError, match="corrupt .xlsx workbook: shared string 999"):
        UkXlsxFormat().read(path)
