"""Cell values of a workbook's first sheet, read fast.

openpyxl's own row reader parses the sheet XML with a Python-level event handler and turns
every cell into a dict: about 2 s for the 13 MB ConList sheet, 1 s here. The sheet is streamed with
lxml through :mod:`clearance.sources.shared.safexml` (no entities, no DTD, no network, size
limits kept) and each cell's value is decoded as openpyxl's ``WorkSheetParser.parse_cell`` does
with ``data_only=True``; rows come out as ``ReadOnlyWorksheet.iter_rows(values_only=True)``
gives them (missing rows as empty rows, each row padded to the sheet's dimension; the tests
compare the two on real and hand-written workbooks). The package's parts (shared strings,
styles, the date epoch, the sheet's dimension) are read by :mod:`.workbook`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

from clearance.errors import InputFileError
from clearance.sources.shared.safexml import iter_elements

if TYPE_CHECKING:
    from clearance.sources.uk.workbook import FirstSheet

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE = _MAIN + "row", _MAIN + "c", _MAIN + "v"
_INLINE, _TEXT, _RUN = _MAIN + "is", _MAIN + "t", _MAIN + "r"
_DIGITS = "0123456789"
_from_iso: Callable[[str], object] = from_ISO8601  # untyped in the openpyxl stubs


class _Sheet:
    """The parts of the workbook that decoding cells needs, and a column-letter cache."""

    def __init__(self, sheet: FirstSheet) -> None:
        self.strings: Sequence[str] = sheet.strings
        self.dates: frozenset[int] = sheet.dates
        self.timedeltas: frozenset[int] = sheet.timedeltas
        self.epoch: datetime = sheet.epoch
        self.max_col: int | None = sheet.max_col
        self.max_row: int | None = sheet.max_row
        self.columns: dict[str, int] = {}

    def column(self, letters: str) -> int:
        found = self.columns[letters] = column_index_from_string(letters)
        return found

    def value(self, cell: etree._Element, kind: str) -> object:
        """openpyxl's ``parse_cell`` value (``data_only``: formulas give their cached value)."""
        if kind == "inlineStr":
            child = cell.find(_INLINE)
            return None if child is None else inline_text(child)
        text = _value_text(cell)
        if text is None:
            return None
        if kind == "n":
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            style = cell.get("s")
            style_id = int(style) if style else 0
            if style_id in self.dates:
                try:
                    return from_excel(number, self.epoch, timedelta=style_id in self.timedeltas)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return _shared(self.strings, text)
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return _from_iso(text)
        return text  # "str" (a formula's text result), "e" (an error such as #N/A)

    def row(self, element: etree._Element) -> list[object]:
        """One row's values by column, as ``ReadOnlyWorksheet._get_row`` lays them out: as
        wide as the sheet's dimension (else up to the row's last cell), cells beyond it
        dropped."""
        columns, strings, width = self.columns, self.strings, self.max_col
        values: list[object] = [None] * width if width else []
        column = 0
        for cell in element:
            if cell.tag != _CELL:
                continue
            ref = cell.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                column = columns.get(letters) or self.column(letters)
            else:
                column += 1
            kind = cell.get("t", "n")
            value: object
            if kind == "s":  # most cells: a shared string, decoded inline for speed
                text = _value_text(cell)
                value = None if text is None else _shared(strings, text)
            else:
                value = self.value(cell, kind)
            if width:
                if column <= width:
                    values[column - 1] = value
            else:  # no dimension: the row ends at its last cell
                values.extend([None] * (column - len(values)))
                values[column - 1] = value
        if not width:
            del values[column:]  # openpyxl sizes such a row by its last cell
        return values


def _value_text(cell: etree._Element) -> str | None:
    """The text of the cell's ``v`` child (``None`` when it has none or it is empty)."""
    for child in cell:
        if child.tag == _VALUE:
            return child.text or None
    return None


def _shared(strings: Sequence[str], text: str) -> str:
    try:
        return strings[int(text)]
    except IndexError:
        raise ValueError(f"shared string {text} does not exist") from None


def inline_text(element: etree._Element) -> str:
    """The text of an inline string: its ``t`` plus the ``t`` of each rich-text run."""
    plain: str | None = None
    runs: list[str] = []
    for child in element:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            text = child.findtext(_TEXT)
            if text is not None:
                runs.append(text)
    return "".join(([plain] if plain is not None else []) + runs)


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number.is_integer():
            return int(number)
        raise ValueError(f"{text} is not a valid row number") from None


def sheet_values(path: Path) -> Iterator[Sequence[object]]:
    """Rows of the first sheet of the workbook at ``path`` as openpyxl's read-only
    ``iter_rows(values_only=True)`` yields them. Malformed XML or an entity declaration
    raises :class:`~clearance.errors.InputFileError`; other damage raises ``ValueError``."""
    from clearance.sources.uk.workbook import first_sheet

    sheet = first_sheet(path)
    state = _Sheet(sheet)
    max_col, max_row = state.max_col, state.max_row
    empty: Sequence[object] = (None,) * max_col if max_col is not None else ()
    counter = idx = 1
    number = 0
    with zipfile.ZipFile(path) as archive, archive.open(sheet.member) as source:
        rows = iter_elements(path, "row", source=source)
        while True:
            try:
                element = next(rows, (None, None))[1]
            except InputFileError as exc:  # malformed XML, or entities declared
                raise InputFileError(str(path), f"corrupt .xlsx workbook: {exc.reason}") from None
            if element is None:
                break
            if element.tag != _ROW:
                continue
            ref = element.get("r")
            number = _row_number(ref) if ref is not None else number + 1
            idx = number
            if max_row is not None and idx > max_row:
                break
            while counter < idx:  # rows missing from the file
                counter += 1
                yield empty
            if counter <= idx:
                values = state.row(element)
                counter += 1
                yield values
    if max_row is not None and max_row < idx:
        for _ in range(counter, max_row + 1):
            yield empty
