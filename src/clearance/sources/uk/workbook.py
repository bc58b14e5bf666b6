"""Open an ``.xlsx`` workbook's first sheet without letting a hostile file take the machine.

The package's small parts (the relationships, ``workbook.xml`` for the date epoch and the sheet
order, ``styles.xml`` for which cell styles are dates) are parsed whole with the safe parser of
:mod:`clearance.sources.shared.safexml` after the zip's declared sizes are bounded
(:mod:`clearance.sources.shared.zips`: small parts at most a few MB, the whole at most 1 GiB);
each sheet's head is checked to reach ``sheetData`` within a small element budget, and the
shared strings are streamed, keeping only the strings. Only openpyxl's public helpers are used
(number-format tables, ``range_boundaries``); the sheet rows are streamed by :mod:`.sheet`.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import etree

from clearance.errors import InputFileError
from clearance.sources.shared.safexml import iter_records, localname, parse_xml_bytes
from clearance.sources.shared.zips import check_sizes

HEAD_ELEMENTS = 10_000
"""Most elements a sheet may hold before ``sheetData`` (real sheets: a handful)."""


def _streamed(name: str) -> bool:
    return name == "xl/sharedStrings.xml" or (
        name.startswith("xl/worksheets/") and name.endswith(".xml")
    )


def check_workbook(path: Path) -> None:
    """Bound the members' sizes and each sheet's head; raise :class:`InputFileError`."""
    with zipfile.ZipFile(path) as archive:
        names = [i.filename for i in archive.infolist()]
        check_sizes(path, archive, streamed={n for n in names if _streamed(n)})
        for name in names:
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as source:
                    _check_head(path, name, source)


def _check_head(path: Path, name: str, source: Any) -> None:
    count = 0
    try:
        for event, element in etree.iterparse(
            source, events=("start", "end"), resolve_entities=False, no_network=True
        ):
            if event == "end":
                element.clear(keep_tail=False)
                continue
            count += 1
            if localname(element.tag) == "sheetData":
                return
            if count > HEAD_ELEMENTS:
                raise InputFileError(
                    str(path),
                    f"{name} holds more than {HEAD_ELEMENTS:,} elements before its cells "
                    "(sheetData); refused as a hostile workbook",
                )
    except etree.XMLSyntaxError:
        return  # reported, with its line, when the sheet is read


_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass(frozen=True)
class FirstSheet:
    """What decoding the first worksheet's cells needs, read from the workbook package."""

    member: str
    strings: list[str]
    dates: frozenset[int]
    timedeltas: frozenset[int]
    epoch: datetime
    max_col: int | None
    max_row: int | None


def first_sheet(path: Path) -> FirstSheet:
    """The first worksheet of the workbook at ``path`` as openpyxl's ``load_workbook(path,
    read_only=True, data_only=True).worksheets[0]`` finds it. A broken package raises
    :class:`InputFileError` or ``ValueError``/``KeyError`` (callers map them)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    with zipfile.ZipFile(path) as archive:
        book = _target("", _rels(path, archive, "_rels/.rels"), "/officeDocument")
        if book is None or book not in archive.namelist():
            raise InputFileError(
                str(path), "not a readable .xlsx workbook: it has no workbook part"
            )
        root = parse_xml_bytes(Path(f"{path}!{book}"), archive.read(book))
        rels = _rels(
            path,
            archive,
            posixpath.join(posixpath.dirname(book), "_rels", posixpath.basename(book) + ".rels"),
        )
        member = _sheet_member(root, rels, book, set(archive.namelist()))
        if member is None:
            raise InputFileError(str(path), "not a readable .xlsx workbook: it holds no worksheet")
        props = root.find(_MAIN + "workbookPr")
        date1904 = props is not None and props.get("date1904", "0").lower() in ("1", "true")
        styles = _target(book, rels, "/styles")
        dates, timedeltas = _styles(path, archive, styles) if styles else (frozenset(), frozenset())
        strings_part = _target(book, rels, "/sharedStrings")
        strings = _strings(path, archive, strings_part) if strings_part else []
        with archive.open(member) as source:
            bounds = _dimension(source)
    return FirstSheet(
        member=member,
        strings=strings,
        dates=dates,
        timedeltas=timedeltas,
        epoch=CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900,
        max_col=bounds[2] if bounds else None,
        max_row=bounds[3] if bounds else None,
    )


def _rels(path: Path, archive: zipfile.ZipFile, name: str) -> list[tuple[str, str, str]]:
    """``(id, type, target)`` of each relationship in the part ``name`` (none if absent)."""
    if name not in archive.namelist():
        return []
    root = parse_xml_bytes(Path(f"{path}!{name}"), archive.read(name))
    return [
        (rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", ""))
        for rel in root.iter(_PKG_REL)
    ]


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _target(source: str, rels: list[tuple[str, str, str]], kind: str) -> str | None:
    for _, rel_type, target in rels:
        if rel_type.endswith(kind):
            return _resolve(source, target)
    return None


def _sheet_member(
    root: etree._Element, rels: list[tuple[str, str, str]], book: str, names: set[str]
) -> str | None:
    """The first sheet (in the workbook's order) that is a worksheet present in the zip."""
    by_id = {rel_id: (rel_type, target) for rel_id, rel_type, target in rels}
    for sheet in root.iter(_MAIN + "sheet"):
        rel_type, target = by_id.get(sheet.get(_DOC_REL, ""), ("", ""))
        member = _resolve(book, target) if target else ""
        if rel_type.endswith("/worksheet") and member in names:
            return member
    return None


def _styles(
    path: Path, archive: zipfile.ZipFile, name: str
) -> tuple[frozenset[int], frozenset[int]]:
    """The cell styles (``s`` indexes) whose number format is a date, and a duration."""
    from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format

    root = parse_xml_bytes(Path(f"{path}!{name}"), archive.read(name))
    custom = {
        int(fmt.get("numFmtId", "-1")): fmt.get("formatCode", "")
        for fmt in root.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt")
    }
    dates: set[int] = set()
    timedeltas: set[int] = set()
    for idx, xf in enumerate(root.iterfind(f"{_MAIN}cellXfs/{_MAIN}xf")):
        number = int(xf.get("numFmtId", "0"))
        code = custom[number] if number in custom else builtin_format_code(number)
        if is_date_format(code):
            dates.add(idx)
        if is_timedelta_format(code):
            timedeltas.add(idx)
    return frozenset(dates), frozenset(timedeltas)


def _strings(path: Path, archive: zipfile.ZipFile, name: str) -> list[str]:
    """The shared strings as openpyxl's ``read_string_table`` gives them (plain text and
    rich-text runs joined, phonetic runs left out)."""
    from clearance.sources.uk.sheet import inline_text

    if name not in archive.namelist():
        return []
    strings: list[str] = []
    with archive.open(name) as source:
        for _, node in iter_records(f"{path}!{name}", frozenset({"si"}), source):
            strings.append(inline_text(node).replace("x005F_", ""))
    return strings


def _dimension(source: Any) -> tuple[int, int, int, int] | None:
    """The sheet's declared ``dimension`` (min col, min row, max col, max row), if any."""
    from openpyxl.utils.cell import range_boundaries

    for _, element in etree.iterparse(
        source, events=("start",), resolve_entities=False, no_network=True
    ):
        tag = localname(element.tag)
        if tag == "dimension":
            bounds = range_boundaries(element.get("ref", ""))
            return bounds  # type: ignore[return-value]
        if tag == "sheetData":
            return None
    return None
