"""Which input column holds what: the mapping from a customer file's columns to a :class:`Query`.

Columns given explicitly must exist in the input; the default column names (``id``, ``type``,
``dob``, ``country``) are used only when the input has them. Without an id column the row's line
number stands in as its id, so every output row still points back at its input row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from clearance.errors import ColumnError
from clearance.matching.query import Query, make_query
from clearance.model import IdType

DEFAULT_ID = "id"
DEFAULT_NAME = "name"
DEFAULT_TYPE = "type"
DEFAULT_DOB = "dob"
DEFAULT_COUNTRY = "country"

_COUNTRY_SPLIT = re.compile(r"\s*[;|]\s*")


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """What the user asked for; ``None`` means "the default name, if the input has it"."""

    id: str | None = None
    name: str | None = None
    type: str | None = None
    dob: str | None = None
    country: str | None = None
    identifiers: tuple[tuple[str, str | None], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "dob": self.dob,
            "country": self.country,
            "identifiers": [list(pair) for pair in self.identifiers],
        }


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """The resolved mapping for one input: each role names an existing column or ``None``."""

    name: str
    id: str | None = None
    type: str | None = None
    dob: str | None = None
    country: str | None = None
    identifiers: tuple[tuple[str, str | None], ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """Every input column the mapping reads (for projecting Parquet / Spark input)."""
        cols = [self.name]
        cols += [c for c in (self.id, self.type, self.dob, self.country) if c is not None]
        cols += [col for col, _ in self.identifiers]
        return tuple(dict.fromkeys(cols))


def parse_identifier_option(text: str) -> tuple[str, str | None]:
    """``"passport_no:passport"`` -> ``("passport_no", "passport")``; ``"col"`` -> any type."""
    column, sep, id_type = text.rpartition(":")
    if not sep:
        column, id_type = text, ""
    column = column.strip()
    if not column:
        raise ColumnError(f"invalid --identifier-column {text!r} (expected COLUMN:TYPE)")
    if not id_type.strip():
        return column, None
    try:
        return column, IdType(id_type.strip().lower()).value
    except ValueError:
        known = ", ".join(t.value for t in IdType)
        raise ColumnError(
            f"unknown identifier type {id_type!r} in --identifier-column {text!r} (known: {known})"
        ) from None


CLI_FLAGS = {
    "id": "--id-column",
    "name": "--name-column",
    "type": "--type-column",
    "dob": "--dob-column",
    "country": "--country-column",
    "identifiers": "--identifier-column",
}


def resolve_columns(
    spec: ColumnSpec, header: Sequence[str], flags: Mapping[str, str] = CLI_FLAGS
) -> ColumnMapping:
    """Check ``spec`` against the input's columns; raises :class:`ColumnError` clearly.

    ``flags`` names the options in messages (the CLI's flags, or the Spark API's arguments).
    """
    available = list(header)
    shown = ", ".join(repr(c) for c in available[:30]) or "none"

    def pick(explicit: str | None, default: str, flag: str, required: bool = False) -> str | None:
        if explicit is not None:
            if explicit not in available:
                raise ColumnError(
                    f"{flag} {explicit!r}: no such column in the input (columns: {shown})"
                )
            return explicit
        if default in available:
            return default
        if required:
            raise ColumnError(
                f"the input has no {default!r} column; name the column holding the names with "
                f"{flag} (columns: {shown})"
            )
        return None

    name = pick(spec.name, DEFAULT_NAME, flags["name"], required=True)
    assert name is not None
    for column, _ in spec.identifiers:
        if column not in available:
            raise ColumnError(
                f"{flags['identifiers']} {column!r}: no such column in the input (columns: {shown})"
            )
    return ColumnMapping(
        name=name,
        id=pick(spec.id, DEFAULT_ID, flags["id"]),
        type=pick(spec.type, DEFAULT_TYPE, flags["type"]),
        dob=pick(spec.dob, DEFAULT_DOB, flags["dob"]),
        country=pick(spec.country, DEFAULT_COUNTRY, flags["country"]),
        identifiers=spec.identifiers,
    )


def _text(value: Any) -> str | None:
    """A cell as text; ``None`` and blank cells are missing."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def row_id(row: Mapping[str, Any], mapping: ColumnMapping, line: int) -> str:
    """The id echoed in the output: the id column's value, else the line number."""
    if mapping.id is not None:
        value = _text(row.get(mapping.id))
        if value is not None:
            return value
        return ""
    return str(line)


def row_to_query(row: Mapping[str, Any], mapping: ColumnMapping, line: int) -> Query:
    """Build the query for one row; raises ``QueryError`` for a malformed row."""
    name = row.get(mapping.name)
    countries: list[str] | None = None
    if mapping.country is not None:
        raw_country = row.get(mapping.country)
        if isinstance(raw_country, list | tuple):
            countries = [t for t in (_text(c) for c in raw_country) if t]
        elif (text := _text(raw_country)) is not None:
            countries = [c for c in _COUNTRY_SPLIT.split(text) if c]
    identifiers = []
    for column, id_type in mapping.identifiers:
        if (value := _text(row.get(column))) is not None:
            identifiers.append({"type": id_type, "value": value} if id_type else {"value": value})
    return make_query(
        name if isinstance(name, str) else (_text(name) or ""),
        type=_text(row.get(mapping.type)) if mapping.type else None,
        dob=_text(row.get(mapping.dob)) if mapping.dob else None,
        country=countries or None,
        identifiers=identifiers or None,
        id=row_id(row, mapping, line),
    )
