"""Read the UK OFSI consolidated list (ConList) into raw typed rows.

Two layouts are read: the 2022 format workbook (``ConList.xlsx``, one sheet, row 1 ``Last
Updated | dd/mm/yyyy``, row 2 the header) and the pre-2022 CSV (``sanctionsconlist.csv``, the
same two leading rows, Windows-1252). Each data row is one name of one target; rows sharing a
``Group ID`` are the same target (see :mod:`.map`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path

from clearance.errors import InputFileError
from clearance.sources.base import read_text
from clearance.sources.shared.text import clean

# Published column → UkRow field. Both layouts; the old CSV lacks several columns.
COLUMNS: dict[str, str] = {
    "Name 6": "name6",
    "Name 1": "name1",
    "Name 2": "name2",
    "Name 3": "name3",
    "Name 4": "name4",
    "Name 5": "name5",
    "Title": "title",
    "Name Non-Latin Script": "non_latin_name",
    "Non-Latin Script Type": "non_latin_type",
    "Non-Latin Script Language": "non_latin_language",
    "DOB": "dob",
    "Town of Birth": "town_of_birth",
    "Country of Birth": "country_of_birth",
    "Nationality": "nationality",
    "Passport Number": "passport_number",
    "Passport Details": "passport_details",
    "National Identification Number": "national_id_number",
    "National Identification Details": "national_id_details",
    "NI Number": "national_id_number",
    "Position": "position",
    "Address 1": "address1",
    "Address 2": "address2",
    "Address 3": "address3",
    "Address 4": "address4",
    "Address 5": "address5",
    "Address 6": "address6",
    "Post/Zip Code": "post_code",
    "Country": "country",
    "Other Information": "other_information",
    "Group Type": "group_type",
    "Alias Type": "alias_type",
    "Alias Quality": "alias_quality",
    "Regime": "regime",
    "Listed On": "listed_on",
    "UK Sanctions List Date Designated": "date_designated",
    "Last Updated": "last_updated",
    "Group ID": "group_id",
}
REQUIRED = ("Name 6", "Group Type", "Alias Type", "Group ID")


@dataclass(frozen=True, slots=True)
class UkRow:
    """One ConList row, values as published (whitespace collapsed, dates as text)."""

    line: int
    group_id: str = ""
    group_type: str = ""
    alias_type: str = ""
    alias_quality: str = ""
    name1: str = ""
    name2: str = ""
    name3: str = ""
    name4: str = ""
    name5: str = ""
    name6: str = ""
    title: str = ""
    non_latin_name: str = ""
    non_latin_type: str = ""
    non_latin_language: str = ""
    dob: str = ""
    town_of_birth: str = ""
    country_of_birth: str = ""
    nationality: str = ""
    passport_number: str = ""
    passport_details: str = ""
    national_id_number: str = ""
    national_id_details: str = ""
    position: str = ""
    address1: str = ""
    address2: str = ""
    address3: str = ""
    address4: str = ""
    address5: str = ""
    address6: str = ""
    post_code: str = ""
    country: str = ""
    other_information: str = ""
    regime: str = ""
    listed_on: str = ""
    date_designated: str = ""
    last_updated: str = ""


FIELDS = tuple(f.name for f in fields(UkRow))
row_values = attrgetter(*FIELDS)  # UkRow -> tuple of its values in FIELDS order


@dataclass(frozen=True, slots=True)
class UkFile:
    """A ConList file: its layout, the date in row 1, and the data rows."""

    layout: str  # "xlsx-2022" or "csv-legacy"
    last_updated: str  # as published, dd/mm/yyyy
    rows: list[UkRow]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value)


def _rows(path: Path, raw: Iterable[tuple[int, Sequence[object]]], layout: str) -> UkFile:
    """Turn numbered sheet/CSV rows into :class:`UkRow` s; check the header."""
    iterator = iter(raw)
    line, values = next(iterator, (1, ()))
    first = [_cell(v) for v in values]
    if not any(first):
        raise InputFileError(str(path), "file is empty", record=f"line {line}")
    if first[0].lower() == "last updated":
        last_updated = first[1] if len(first) > 1 else ""
        line, values = next(iterator, (2, ()))
        header = [_cell(v) for v in values]
    else:  # tolerate a file whose first row is already the header
        last_updated, header = "", first
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputFileError(
            str(path),
            f"not an OFSI ConList: missing column(s) {', '.join(missing)}",
            record=f"line {line}",
        )
    pairs = [(i, COLUMNS[name]) for i, name in enumerate(header) if name in COLUMNS]
    rows: list[UkRow] = []
    for line, values in iterator:
        size = len(values)
        data: dict[str, str] = {}
        for index, name in pairs:
            if index < size and (value := values[index]) is not None:
                data[name] = " ".join(value.split()) if type(value) is str else _cell(value)
        if any(data.values()):
            rows.append(UkRow(line=line, **data))
    if not rows:
        raise InputFileError(str(path), "no data rows after the header")
    return UkFile(layout=layout, last_updated=last_updated, rows=rows)


def read_xlsx(path: Path) -> UkFile:
    """Read ``ConList.xlsx`` (first sheet): the package's parts are bounded and read by
    :mod:`~clearance.sources.uk.workbook`, the sheet's rows streamed by
    :func:`~clearance.sources.uk.sheet.sheet_values`."""
    if path.stat().st_size == 0:
        raise InputFileError(str(path), "file is empty")
    if not zipfile.is_zipfile(path):
        raise InputFileError(str(path), "not an Excel .xlsx workbook (not a zip file)")
    from clearance.sources.uk.sheet import sheet_values
    from clearance.sources.uk.workbook import check_workbook

    bad = (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, SyntaxError)
    try:
        check_workbook(path)
        return _rows(path, enumerate(sheet_values(path), start=1), "xlsx-2022")
    except InputFileError:
        raise
    except bad as exc:  # ElementTree.ParseError is a SyntaxError
        raise InputFileError(str(path), f"corrupt .xlsx workbook: {_why(exc)}") from None


def _why(exc: BaseException) -> str:
    text = " ".join((str(exc) or type(exc).__name__).split())
    inner = exc.__cause__ or exc.__context__
    if inner is not None:
        text += f" [{type(inner).__name__}: {inner}]"
    if "entit" in text.lower():
        text += " (entity declarations are refused: possible entity-expansion bomb)"
    return text


def read_csv(path: Path) -> UkFile:
    """Read the legacy ``sanctionsconlist.csv`` (UTF-8 or Windows-1252)."""
    text = read_text(path, ("utf-8-sig", "cp1252"))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return _rows(path, ((reader.line_num, row) for row in reader), "csv-legacy")
    except csv.Error as exc:
        raise InputFileError(str(path), f"malformed CSV: {exc}") from None
