"""UK OFSI consolidated list (``uk-xlsx`` and ``uk-csv``, list ``uk``)."""

from __future__ import annotations

from clearance.sources.base import ListFormat
from clearance.sources.uk.formats import UkCsvFormat, UkXlsxFormat
from clearance.sources.uk.read import read_csv, read_xlsx

FORMATS: list[ListFormat] = [UkXlsxFormat(), UkCsvFormat()]

__all__ = ["FORMATS", "UkCsvFormat", "UkXlsxFormat", "read_csv", "read_xlsx"]
