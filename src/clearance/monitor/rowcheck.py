"""One input row to a book customer, validated as ``clearance batch`` validates a query.

:func:`~clearance.batch.columns.row_to_query` builds a :class:`~clearance.matching.query.Query`
per row, re-validating its type, date of birth and countries each time; a book of a million
customers holds a few thousand distinct values of each. :class:`RowChecker` validates each
distinct cell value once (with the same functions, in the same order as
:func:`~clearance.matching.query.make_query`) and builds the :class:`BookCustomer` directly.
A row any of whose values is refused is handed to ``row_to_query`` itself, so the error and
its message are the batch's own.

A book repeats names (at 1,000,000 generated customers, four in ten rows repeat an earlier
name and type). The checker also keeps what a distinct name costs most to work out: its
checked text, and (:meth:`RowChecker.indexed`) the reverse index's analysis of a name and type
— the matcher's forms and the exact-match probe, the same for every customer that bears them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clearance.batch.columns import _COUNTRY_SPLIT, ColumnMapping, row_to_query
from clearance.errors import ClearanceError
from clearance.matching.normalize import nothing_to_screen
from clearance.matching.query import _check_text, parse_country, parse_date, parse_schema
from clearance.monitor.customer import BookCustomer
from clearance.monitor.formparts import Analysis, Indexed, analysis, customer_keys

_MEMO_LIMIT = 100_000  # distinct values kept per column (a column of ids is not one to memo)
# distinct names (and names with a type) kept per worker and import
NAME_MEMO_LIMIT = 400_000


class _Refused(Exception):
    """A value the query rules refuse: the row goes through ``row_to_query`` for its error."""


def _cell(value: Any) -> str | None:
    """A text cell as ``columns._text`` reads it (other cell types: ``_Refused``, the slow
    path handles them)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Refused
    return value.strip() or None


class RowChecker:
    """Rows of one mapping to customers (see the module docstring); one per worker."""

    def __init__(self, mapping: ColumnMapping) -> None:
        self.mapping = mapping
        self.used = frozenset(mapping.columns)
        self._types: dict[str | None, str | None] = {}
        self._dobs: dict[str | None, str | None] = {}
        self._countries: dict[str | None, tuple[str, ...]] = {}
        self._names: dict[str, str] = {}  # a name cell -> its checked text (accepted names)
        self._analysed: dict[tuple[str, str | None], Analysis] = {}

    def customer(self, row: Mapping[str, Any], line: int) -> BookCustomer:
        """The row's customer; raises ``ClearanceError`` as ``row_to_query`` does."""
        try:
            return self._fast(row)
        except (_Refused, ClearanceError):
            query = row_to_query(row, self.mapping, line)  # raises the batch's own error
        extra = {k: v for k, v in row.items() if k not in self.used and v not in (None, "")}
        return BookCustomer.from_query(query, extra)

    def _fast(self, row: Mapping[str, Any]) -> BookCustomer:
        m = self.mapping
        if m.identifiers:
            raise _Refused  # (identifier columns: the general path)
        # make_query's order: type, date of birth, countries, then the name
        kind = self._memo(self._types, _cell(row.get(m.type)) if m.type else None, _schema)
        dob = self._memo(self._dobs, _cell(row.get(m.dob)) if m.dob else None, _dob)
        raw = row.get(m.country) if m.country is not None else None
        countries = self._memo(self._countries, _cell(raw), _country_codes)
        name = row.get(m.name)
        if not isinstance(name, str):
            raise _Refused
        text = self._names.get(name)
        if text is None:
            text = _check_text("name", name)
            if nothing_to_screen(text) is not None:
                raise _Refused
            if len(self._names) < NAME_MEMO_LIMIT:
                self._names[name] = text
        cid = _cell(row.get(m.id)) if m.id is not None else None
        if cid is None:
            raise _Refused  # (no id: the caller's check, after the query's)
        extra = {k: v for k, v in row.items() if k not in self.used and v not in (None, "")}
        return BookCustomer(cid, text, kind, dob, countries, (), extra)

    def indexed(self, customer: BookCustomer) -> Indexed:
        """What the reverse index keeps of ``customer`` (as ``bookforms.indexed``), its name
        and type analysed once."""
        key = (customer.name, customer.type)
        found = self._analysed.get(key)
        if found is None:
            found = analysis(customer.name, customer.type)
            if len(self._analysed) < NAME_MEMO_LIMIT:
                self._analysed[key] = found
        person, forms, exact = found
        return (customer.id, person, forms), customer_keys(customer, exact)

    @staticmethod
    def _memo(table: dict[Any, Any], value: str | None, check: Any) -> Any:
        try:
            return table[value]
        except KeyError:
            found = check(value)  # (a refused value raises: never memoised)
            if len(table) < _MEMO_LIMIT:
                table[value] = found
            return found


def _schema(value: str | None) -> str | None:
    schema = parse_schema(value)
    return schema.value if schema else None


def _dob(value: str | None) -> str | None:
    birth = parse_date(value)
    return str(birth) if birth else None


def _country_codes(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(parse_country(c) for c in _COUNTRY_SPLIT.split(value) if c)
