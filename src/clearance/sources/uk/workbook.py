"""Open an ``.xlsx`` workbook with openpyxl (read-only) without letting a hostile file take
the machine.

openpyxl parses a workbook's small parts whole and keeps every element its shared-strings
reader meets. Here the zip's declared sizes are bounded first (:mod:`clearance.sources.shared.
zips`: small parts at most a few MB, the whole at most 1 GiB), each sheet's head is checked to
reach ``sheetData`` within a small element budget (openpyxl reads it for the dimension), and the
shared strings are streamed with :func:`~clearance.sources.shared.safexml.iter_records`, keeping
only the strings. The sheet rows are streamed by :mod:`.sheet`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from clearance.errors import InputFileError
from clearance.sources.shared.safexml import iter_records, localname
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


def load_workbook(path: Path) -> Any:
    """openpyxl's ``load_workbook(path, read_only=True, data_only=True)``, the shared strings
    streamed (only the strings kept). Callers map openpyxl's exceptions."""
    from openpyxl.reader.excel import ExcelReader

    class _Reader(ExcelReader):
        def read_strings(self) -> None:
            self.shared_strings = read_shared_strings(path, self)

    reader = _Reader(path, read_only=True, keep_vba=False, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


def read_shared_strings(path: Path, reader: Any) -> list[str]:
    """The shared strings as openpyxl's ``read_string_table`` gives them (plain text and
    rich-text runs joined, phonetic runs left out)."""
    from openpyxl.xml.constants import SHARED_STRINGS

    from clearance.sources.uk.sheet import inline_text

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    name = part.PartName[1:]
    strings: list[str] = []
    with reader.archive.open(name) as source:
        for _, node in iter_records(f"{path}!{name}", frozenset({"si"}), source):
            strings.append(inline_text(node).replace("x005F_", ""))
    return strings
