"""Reader for OFAC's legacy CSV file sets: typed raw rows, no mapping.

The SDN set is ``sdn.csv`` (primary records), ``add.csv`` (addresses), ``alt.csv`` (aliases)
and ``sdn_comments.csv`` (remarks over 1,000 characters, continued); the consolidated (non-SDN)
set is ``cons_prim.csv``, ``cons_add.csv``, ``cons_alt.csv`` and ``cons_comments.csv`` in the
same layout. Files have no header, write ``-0-`` (often with a trailing space) for empty, use
CRLF line ends, quote text fields and end with a 0x1A byte.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clearance.errors import InputFileError
from clearance.sources.base import read_text

EMPTY = "-0-"

# Canonical lower-case file names of the two sets: primary, addresses, aliases, comments.
SDN_FILES = ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
CONS_FILES = ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv")
SET_LISTS = {"sdn.csv": "ofac-sdn", "cons_prim.csv": "ofac-cons"}


@dataclass(frozen=True, slots=True)
class SdnRow:
    """One row of ``sdn.csv`` / ``cons_prim.csv``; ``None`` where OFAC wrote ``-0-``."""

    ent_num: int
    name: str
    sdn_type: str | None
    program: str | None
    title: str | None
    call_sign: str | None
    vessel_type: str | None
    tonnage: str | None
    grt: str | None
    vessel_flag: str | None
    vessel_owner: str | None
    remarks: str | None
    line: int

    def record(self) -> dict[str, Any]:
        """The published columns as a plain dict (for ``Entity.source_record``)."""
        return {k: getattr(self, k) for k in self.__slots__ if k != "line"}


@dataclass(frozen=True, slots=True)
class AddressRow:
    """One row of ``add.csv``; ``city`` is OFAC's City/State/Province/Postal Code column."""

    ent_num: int
    add_num: int
    address: str | None
    city: str | None
    country: str | None
    remarks: str | None
    line: int

    def record(self) -> dict[str, Any]:
        """The published columns as a plain dict (for ``Entity.source_record``)."""
        return {k: getattr(self, k) for k in self.__slots__ if k != "line"}

    @property
    def empty(self) -> bool:
        return not (self.address or self.city or self.country or self.remarks)


@dataclass(frozen=True, slots=True)
class AltRow:
    """One row of ``alt.csv``: a strong alias of type ``aka``, ``fka`` or ``nka``."""

    ent_num: int
    alt_num: int
    alt_type: str | None
    alt_name: str
    remarks: str | None
    line: int

    def record(self) -> dict[str, Any]:
        """The published columns as a plain dict (for ``Entity.source_record``)."""
        return {k: getattr(self, k) for k in self.__slots__ if k != "line"}


@dataclass(frozen=True, slots=True)
class CommentRow:
    """One row of ``sdn_comments.csv``: the continuation of a remark cut at 1,000 characters."""

    ent_num: int
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class CsvSet:
    """The files of one OFAC CSV set; only ``primary`` is required."""

    list_name: str
    primary: Path
    addresses: Path | None = None
    aliases: Path | None = None
    comments: Path | None = None

    def paths(self) -> list[Path]:
        return [p for p in (self.primary, self.addresses, self.aliases, self.comments) if p]


EOF_MARKER = b"\x1a"
"""OFAC ends every CSV file it serves with this byte: a file without it was cut short."""


def _ends_with_marker(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 16))
        return EOF_MARKER in handle.read()


def csv_set_gaps(files: CsvSet) -> tuple[list[str], list[str]]:
    """What makes the set look partial (refused unless forced) and what is only noted.

    The primary, address and alias files must be there and end with OFAC's end-of-file byte;
    a missing comments file, or one without the byte, is noted (OFAC's is often tiny, and
    some published copies lack the byte)."""
    names = SDN_FILES if files.list_name == "ofac-sdn" else CONS_FILES
    gaps: list[str] = []
    notes: list[str] = []
    required = (
        (files.primary, names[0]),
        (files.addresses, names[1]),
        (files.aliases, names[2]),
    )
    carries = dict(zip(names, ("entries", "addresses", "aliases", "remark overflow"), strict=True))
    for path, name in (*required, (files.comments, names[3])):
        out = gaps if name != names[3] else notes
        if path is None:
            out.append(f"{name} is missing from the set (its {carries[name]} would be lost)")
        elif not _ends_with_marker(path):
            out.append(f"{path.name} does not end with OFAC's end-of-file byte 0x1A (cut short?)")
    return gaps, notes


def _siblings(folder: Path) -> dict[str, Path]:
    """Files in ``folder`` by lower-cased name (OFAC serves ``SDN.CSV`` too)."""
    return {p.name.lower(): p for p in folder.iterdir() if p.is_file()}


def _set_from(files: dict[str, Path], names: tuple[str, ...], primary: Path) -> CsvSet:
    return CsvSet(
        list_name=SET_LISTS[names[0]],
        primary=primary,
        addresses=files.get(names[1]),
        aliases=files.get(names[2]),
        comments=files.get(names[3]),
    )


def find_csv_set(path: Path, *, list_name: str | None = None) -> CsvSet:
    """Locate the CSV set for a folder or a primary file; raise if there is none.

    A folder holding both sets is ambiguous unless ``list_name`` (``ofac-sdn`` or
    ``ofac-cons``) chooses one.
    """
    if path.is_dir():
        files = _siblings(path)
        found = [names for names in (SDN_FILES, CONS_FILES) if names[0] in files]
        if len(found) == 2 and list_name in SET_LISTS.values():
            found = [n for n in found if SET_LISTS[n[0]] == list_name]
        if not found:
            raise InputFileError(
                str(path), "no sdn.csv or cons_prim.csv here: not an OFAC CSV folder"
            )
        if len(found) > 1:
            raise InputFileError(
                str(path),
                "folder holds both sdn.csv and cons_prim.csv; pass one file or a list name",
            )
        return _set_from(files, found[0], files[found[0][0]])
    lower = path.name.lower()
    for names in (SDN_FILES, CONS_FILES):
        if lower == names[0]:
            return _set_from(_siblings(path.parent), names, path)
    if lower in SDN_FILES[1:] + CONS_FILES[1:]:
        raise InputFileError(
            str(path), "this is a secondary OFAC file; pass sdn.csv, cons_prim.csv or the folder"
        )
    # Any other file name: read it as a primary file on its own.
    return CsvSet(list_name="ofac-cons" if "cons" in lower else "ofac-sdn", primary=path)


def looks_like_primary(path: Path) -> bool:
    """Cheap check on the first bytes: ``<digits>,"`` as OFAC primary rows start."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf")
    except OSError:
        return False
    digits, sep, rest = head.partition(b",")
    return bool(sep) and digits.isdigit() and rest.startswith(b'"')


def _value(field: str) -> str | None:
    text = field.strip()
    return None if not text or text == EMPTY else text


def _rows(path: Path, width: int, what: str) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, fields)`` of a file; any malformed row is an :class:`InputFileError`."""
    text = read_text(path, ("utf-8-sig",))
    if text.lstrip().startswith("<"):
        raise InputFileError(str(path), f"this is XML or HTML, not an OFAC {what} CSV file")
    text = text.rstrip("\x1a\r\n \t")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if fields == [] or fields == ["\x1a"]:
                continue
            if len(fields) != width:
                raise InputFileError(
                    str(path),
                    f"expected {width} fields in an OFAC {what} row, found {len(fields)}"
                    " (truncated or not an OFAC CSV file?)",
                    record=f"line {line}",
                )
            if reader.line_num != line:  # the record spans lines
                raise InputFileError(
                    str(path),
                    "line break inside a quoted field (unterminated quote?)",
                    record=f"line {line}",
                )
            yield line, fields
    except csv.Error as exc:
        raise InputFileError(
            str(path), f"malformed CSV ({exc}; truncated file?)", record=f"line {start}"
        ) from exc


def _int(path: Path, line: int, field: str, what: str) -> int:
    text = field.strip()
    if not text.isdigit():
        raise InputFileError(str(path), f"{what} is not a number: {text!r}", record=f"line {line}")
    return int(text)


def read_primary(path: Path) -> list[SdnRow]:
    """Read ``sdn.csv`` / ``cons_prim.csv``; duplicated ``ent_num`` values are an error."""
    rows: list[SdnRow] = []
    seen: dict[int, int] = {}
    for line, f in _rows(path, 12, "primary (sdn.csv)"):
        ent_num = _int(path, line, f[0], "ent_num")
        if ent_num in seen:
            raise InputFileError(
                str(path),
                f"duplicated ent_num {ent_num} (also on line {seen[ent_num]})",
                record=f"line {line}",
            )
        seen[ent_num] = line
        name = _value(f[1])
        if name is None:
            raise InputFileError(str(path), "record has no name", record=f"line {line}")
        remarks = f[11] if _value(f[11]) is not None else None  # raw: sdn_comments continues it
        rows.append(
            SdnRow(
                ent_num=ent_num,
                name=name,
                sdn_type=_value(f[2]),
                program=_value(f[3]),
                title=_value(f[4]),
                call_sign=_value(f[5]),
                vessel_type=_value(f[6]),
                tonnage=_value(f[7]),
                grt=_value(f[8]),
                vessel_flag=_value(f[9]),
                vessel_owner=_value(f[10]),
                remarks=remarks,
                line=line,
            )
        )
    if not rows:
        raise InputFileError(str(path), "no records in file")
    return rows


def read_addresses(path: Path) -> list[AddressRow]:
    """Read ``add.csv`` / ``cons_add.csv``."""
    return [
        AddressRow(
            _int(path, line, f[0], "ent_num"),
            _int(path, line, f[1], "add_num"),
            _value(f[2]),
            _value(f[3]),
            _value(f[4]),
            _value(f[5]),
            line,
        )
        for line, f in _rows(path, 6, "address (add.csv)")
    ]


def read_aliases(path: Path) -> list[AltRow]:
    """Read ``alt.csv`` / ``cons_alt.csv``; a row without a name is an error."""
    rows: list[AltRow] = []
    for line, f in _rows(path, 5, "alias (alt.csv)"):
        name = _value(f[3])
        if name is None:
            raise InputFileError(str(path), "alias row has no name", record=f"line {line}")
        rows.append(
            AltRow(
                _int(path, line, f[0], "ent_num"),
                _int(path, line, f[1], "alt_num"),
                _value(f[2]),
                name,
                _value(f[4]),
                line,
            )
        )
    return rows


def read_comments(path: Path) -> list[CommentRow]:
    """Read ``sdn_comments.csv``; the text is kept verbatim (it continues mid-word)."""
    return [
        CommentRow(_int(path, line, f[0], "ent_num"), f[1].rstrip("\r\n"), line)
        for line, f in _rows(path, 2, "comments (sdn_comments.csv)")
    ]
