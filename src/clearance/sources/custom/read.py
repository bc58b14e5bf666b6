"""Read a custom-list CSV into raw rows (format: see :mod:`clearance.sources.custom`)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from clearance.errors import InputFileError
from clearance.sources.base import read_text
from clearance.sources.shared.text import clean

COLUMNS = (
    "id",
    "name",
    "type",
    "aliases",
    "weak_aliases",
    "dob",
    "country",
    "nationality",
    "identifiers",
    "programs",
    "remarks",
    "linked_to",
)
REQUIRED = ("id", "name")


@dataclass(frozen=True, slots=True)
class CustomRow:
    """One data row, values as written (whitespace collapsed); ``line`` is its CSV line."""

    line: int
    id: str
    name: str
    type: str = ""
    aliases: str = ""
    weak_aliases: str = ""
    dob: str = ""
    country: str = ""
    nationality: str = ""
    identifiers: str = ""
    programs: str = ""
    remarks: str = ""
    linked_to: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # unknown columns, kept for the audit


@dataclass(frozen=True, slots=True)
class CustomFile:
    rows: list[CustomRow]
    unknown_columns: list[str]


def header_columns(line: str) -> list[str]:
    """The normalised column names of a CSV header line."""
    row = next(csv.reader([line]), [])
    return [clean(c).lstrip("\ufeff").lower() for c in row]


def read_custom(path: Path) -> CustomFile:
    """Parse the CSV; structural problems raise :class:`InputFileError` with the line."""
    text = read_text(path, ("utf-8-sig",))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [clean(c).lower() for c in next(reader, [])]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputFileError(
                str(path), f"missing required column(s): {', '.join(missing)}", record="line 1"
            )
        duplicated = sorted({c for c in header if c and header.count(c) > 1})
        if duplicated:
            raise InputFileError(
                str(path), f"duplicated column(s): {', '.join(duplicated)}", record="line 1"
            )
        unknown = [c for c in header if c and c not in COLUMNS]
        rows: list[CustomRow] = []
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                raise InputFileError(
                    str(path),
                    f"{len(values)} fields but the header has {len(header)} (unquoted comma?)",
                    record=f"line {line}",
                )
            data = {h: clean(v) for h, v in zip(header, values, strict=False) if h}
            known = {k: v for k, v in data.items() if k in COLUMNS}
            extra = {k: v for k, v in data.items() if k not in COLUMNS and v}
            rows.append(CustomRow(line=line, extra=extra, **known))
    except csv.Error as exc:
        where = f"line {reader.line_num}"
        raise InputFileError(str(path), f"malformed CSV: {exc}", record=where) from None
    if not rows:
        raise InputFileError(str(path), "no records after the header line")
    return CustomFile(rows=rows, unknown_columns=unknown)
