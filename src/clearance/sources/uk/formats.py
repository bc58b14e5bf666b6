"""The ``uk-xlsx`` and ``uk-csv`` list formats: the OFSI consolidated list (ConList)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from clearance.sources.base import (
    ParsedList,
    check_unique_ids,
    file_record,
    resolve_relationships,
)
from clearance.sources.shared.files import single_match, sniff
from clearance.sources.uk.map import iso_date, map_file
from clearance.sources.uk.read import UkFile, read_csv, read_xlsx


def _is_conlist_xlsx(path: Path) -> bool:
    if path.suffix.lower() != ".xlsx" or not zipfile.is_zipfile(path):
        return False
    # The header strings sit near the start of the shared strings (or, for workbooks written
    # with inline strings, of the first sheet): a few KB of decompression, no XML parsing.
    try:
        with zipfile.ZipFile(path) as book:
            names = set(book.namelist())
            for part in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                if part in names:
                    with book.open(part) as handle:
                        head = handle.read(65536)
                    if b"Name 6" in head and b"Group ID" in head:
                        return True
    except (OSError, zipfile.BadZipFile):
        return False
    return False


def _is_conlist_csv(path: Path) -> bool:
    if path.suffix.lower() != ".csv":
        return False
    head = sniff(path).decode("cp1252", errors="replace").splitlines()[:3]
    return any("Name 6" in line and "Group ID" in line for line in head)


def _parsed(self: _UkFormat, path: Path, file: UkFile, list_name: str | None) -> ParsedList:
    name = list_name or self.list_name
    entities, issues = map_file(path, file, name)
    check_unique_ids(str(path), entities)
    return ParsedList(
        list=name,
        format=self.name,
        entities=resolve_relationships(entities),
        files=[file_record(path)],
        published=iso_date(file.last_updated) or file.last_updated or None,
        issues=issues,
    )


class _UkFormat:
    list_name = "uk"
    name = ""


class UkXlsxFormat(_UkFormat):
    """OFSI ConList workbook in the 2022 format (``ConList.xlsx``)."""

    name = "uk-xlsx"
    description = "UK OFSI consolidated list, 2022 format workbook (ConList.xlsx)"

    def detect(self, path: Path) -> bool:
        file = single_match(path, _is_conlist_xlsx)
        return file is not None and _is_conlist_xlsx(file)

    def read(self, path: Path, *, list_name: str | None = None) -> ParsedList:
        file = single_match(path, _is_conlist_xlsx) or path
        return _parsed(self, file, read_xlsx(file), list_name)


class UkCsvFormat(_UkFormat):
    """OFSI ConList legacy CSV (``sanctionsconlist.csv``, Windows-1252)."""

    name = "uk-csv"
    description = "UK OFSI consolidated list, legacy CSV (sanctionsconlist.csv)"

    def detect(self, path: Path) -> bool:
        file = single_match(path, _is_conlist_csv)
        return file is not None and _is_conlist_csv(file)

    def read(self, path: Path, *, list_name: str | None = None) -> ParsedList:
        file = single_match(path, _is_conlist_csv) or path
        return _parsed(self, file, read_csv(file), list_name)
