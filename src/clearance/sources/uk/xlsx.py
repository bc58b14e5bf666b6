"""Stream the rows of an .xlsx workbook's first sheet with lxml (fast path for ConList.xlsx).

openpyxl's read-only mode parses sheets with the standard library's pure-Python ElementTree
handlers: about 3 s of CPU for the 18,796-row ConList. Reading the sheet XML with lxml's C
iterparse takes about half of that. Only cell values are needed: shared strings, inline strings,
numbers, booleans, and numbers in a date style (converted to ``datetime``). Anything this
reader does not understand raises :class:`UnsupportedWorkbook` and the caller falls back to
openpyxl. XML is parsed with the hardened settings of :mod:`clearance.sources.un.safexml`.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from clearance.errors import InputFileError
from clearance.sources.un.safexml import iter_elements, parse_xml_bytes

MAX_UNCOMPRESSED = 1_000_000_000  # refuse zip bombs: 1 GB of XML is far beyond any list
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_BUILTIN_DATE_FORMATS = {*range(14, 23), 45, 46, 47}
_DATE_CODE = re.compile(r"[dmyhs]", re.I)


class UnsupportedWorkbook(Exception):
    """The workbook uses a layout the fast path does not read (use openpyxl)."""


def _column(ref: str) -> int:
    number = 0
    for char in ref:
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number - 1


def _rels(book: zipfile.ZipFile, path: Path, name: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target path) of a part's ``_rels`` file."""
    folder, file = posixpath.split(name)
    rels_name = posixpath.join(folder, "_rels", f"{file}.rels")
    if rels_name not in book.namelist():
        return {}
    root = parse_xml_bytes(path, book.read(rels_name))
    out = {}
    for rel in root.iter(f"{_PKG_REL}Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = (
            rel.get("Type", "").rsplit("/", 1)[-1],
            posixpath.normpath(target),
        )
    return out


def _date_styles(book: zipfile.ZipFile, path: Path, name: str | None) -> set[int]:
    """Indexes of cell styles (``s`` attribute) that format numbers as dates."""
    if not name or name not in book.namelist():
        return set()
    root = parse_xml_bytes(path, book.read(name))
    custom = {
        int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(f"{_MAIN}numFmt")
    }
    xfs = root.find(f"{_MAIN}cellXfs")
    dates: set[int] = set()
    for index, xf in enumerate(xfs if xfs is not None else ()):
        fmt = int(xf.get("numFmtId", "0"))
        code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", custom.get(fmt, ""))
        if fmt in _BUILTIN_DATE_FORMATS or (fmt in custom and _DATE_CODE.search(code)):
            dates.add(index)
    return dates


def _open(path: Path) -> zipfile.ZipFile:
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputFileError(str(path), f"not an Excel .xlsx workbook: {exc}") from None
    if sum(i.file_size for i in book.infolist()) > MAX_UNCOMPRESSED:
        book.close()
        raise InputFileError(str(path), "workbook expands to more than 1 GB (zip bomb?)")
    return book


def iter_sheet_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    """``(row number, cell values)`` of the first worksheet, values by column position."""
    from openpyxl.utils.datetime import from_excel

    with _open(path) as book:
        names = set(book.namelist())
        if "xl/workbook.xml" not in names:
            raise UnsupportedWorkbook("no xl/workbook.xml")
        workbook = parse_xml_bytes(path, book.read("xl/workbook.xml"))
        rels = _rels(book, path, "xl/workbook.xml")
        sheet = workbook.find(f"{_MAIN}sheets/{_MAIN}sheet")
        if sheet is None or sheet.get(f"{_REL}id") not in rels:
            raise UnsupportedWorkbook("first sheet not found")
        sheet_part = rels[sheet.get(f"{_REL}id", "")][1]
        by_type = {kind: target for kind, target in rels.values()}
        strings: list[str] = []
        if (shared := by_type.get("sharedStrings")) in names and shared:
            with book.open(shared) as handle:
                for _, si in iter_elements(path, "si", source=handle):
                    strings.append(_text(si))
        dates = _date_styles(book, path, by_type.get("styles"))
        if sheet_part not in names:
            raise UnsupportedWorkbook(f"sheet part {sheet_part} missing")
        with book.open(sheet_part) as handle:
            number = 0
            for _, row in iter_elements(path, "row", source=handle):
                number = int(row.get("r") or number + 1)
                values: list[object] = []
                for cell in row.iterchildren(f"{_MAIN}c"):
                    ref = cell.get("r")
                    position = _column(ref) if ref else len(values)
                    values.extend([None] * (position - len(values)))
                    values.append(_value(cell, strings, dates, from_excel))
                yield number, values


def _text(element: etree._Element) -> str:
    """The text of the ``<t>`` runs under ``element``, without phonetic (``<rPh>``) runs."""
    return "".join(
        t.text or "" for t in element.iter(f"{_MAIN}t") if t.getparent().tag != f"{_MAIN}rPh"
    )


def _value(cell: etree._Element, strings: list[str], dates: set[int], from_excel: object) -> object:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return _text(cell)
    text = cell.findtext(f"{_MAIN}v")
    if text is None:
        return None
    if kind == "s":
        try:
            return strings[int(text)]
        except (ValueError, IndexError):
            raise UnsupportedWorkbook(f"bad shared string index {text!r}") from None
    if kind in ("str", "e", "d"):
        return text
    if kind == "b":
        return text == "1"
    number = float(text)
    if int(cell.get("s", "0")) in dates and callable(from_excel):
        return from_excel(number)
    return int(number) if number.is_integer() else number
