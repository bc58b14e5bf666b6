"""A screening query: what the caller knows about the party to screen, validated."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clearance.countries import country_code
from clearance.errors import QueryError
from clearance.matching.honorifics import repair_mojibake
from clearance.matching.normalize import nothing_to_screen
from clearance.model import FuzzyDate, IdType, Schema

MAX_NAME_LENGTH = 300


@dataclass(frozen=True, slots=True)
class QueryIdentifier:
    """An identifier the caller holds; ``type`` ``None`` means "any type"."""

    value: str
    type: IdType | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # (a compiled frozen dataclass does not unpickle by its fields: see Query)
        return (QueryIdentifier, (self.value, self.type))


@dataclass(frozen=True, slots=True)
class Query:
    """One party to screen. Build with :func:`make_query` to validate raw input."""

    name: str
    schema: Schema | None = None
    birth_date: FuzzyDate | None = None
    countries: tuple[str, ...] = ()
    identifiers: tuple[QueryIdentifier, ...] = ()
    id: str | None = None  # the caller's own reference, echoed back
    lists: tuple[str, ...] = ()  # restrict to these lists (empty = all)

    def __init__(
        self,
        name: str,
        schema: Schema | None = None,
        birth_date: FuzzyDate | None = None,
        countries: tuple[str, ...] = (),
        identifiers: tuple[QueryIdentifier, ...] = (),
        id: str | None = None,  # noqa: A002 - the field's name
        lists: tuple[str, ...] = (),
    ) -> None:
        # (written out, it compiles to a native __init__, as NameForm's: one per query)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "schema", schema)
        object.__setattr__(self, "birth_date", birth_date)
        object.__setattr__(self, "countries", countries)
        object.__setattr__(self, "identifiers", identifiers)
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "lists", lists)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # (a compiled frozen dataclass does not unpickle by its fields: batch workers send
        # alerting results to the parent)
        return (
            Query,
            (
                self.name,
                self.schema,
                self.birth_date,
                self.countries,
                self.identifiers,
                self.id,
                self.lists,
            ),
        )


@dataclass(frozen=True, slots=True)
class ScreenOptions:
    """Per-call options; ``None`` means "use the engine's configured default"."""

    limit: int = 10
    threshold: float | None = None
    weak_alias_alerts: bool | None = None
    explain: bool = True
    # Score only these entities (by id), after retrieval's cut: a screening's matches with
    # them, and no others (the monitor's delta asks for its changed entities only).
    entities: frozenset[str] | None = None


def _check_text(field_name: str, value: str, max_len: int = MAX_NAME_LENGTH) -> str:
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        raise QueryError(f"{field_name} is empty")
    if len(text) > max_len:
        raise QueryError(f"{field_name} is longer than {max_len} characters")
    if text.isprintable():
        return text  # (no character of the categories below is printable: no look at each)
    for char in text:
        if unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"} and char not in "\t\n\r":
            if _read_back(text):  # (UTF-8 read as Latin-1 writes C1 controls: read it back)
                return text
            raise QueryError(f"{field_name} contains a control or unassigned character")
    return text


def _read_back(text: str) -> bool:
    """Is ``text`` UTF-8 read as Latin-1 or cp1252, and printable once read back?"""
    fixed = repair_mojibake(text)
    return fixed is not None and fixed.isprintable()


_SCHEMA_ALIASES = {
    "individual": "person",
    "entity": "organization",
    "organisation": "organization",
    "company": "organization",
    "legalentity": "organization",
    "ship": "vessel",
    "airplane": "aircraft",
}
# every spelling a type may be given in (after strip and lower), without an Enum call
_SCHEMAS = {
    **{s.value: s for s in Schema},
    **{alias: Schema(value) for alias, value in _SCHEMA_ALIASES.items()},
}


def parse_schema(value: str | None) -> Schema | None:
    if value is None or value == "":
        return None
    found = _SCHEMAS.get(value.strip().lower())
    if found is None:
        known = ", ".join(s.value for s in Schema)
        raise QueryError(f"unknown type {value!r} (expected one of: {known})")
    return found


def parse_date(value: str | None) -> FuzzyDate | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    try:
        date = FuzzyDate.parse(text)
    except ValueError:
        raise QueryError(f"invalid date {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None
    if date.day is not None and date.month is not None:
        import calendar

        if date.day > calendar.monthrange(date.year, date.month)[1]:
            raise QueryError(f"invalid date {text!r}: no such day")
    return date


def parse_country(value: str) -> str:
    text = _check_text("country", value, 100)
    code = country_code(text)
    if code is None:
        raise QueryError(f"unknown country {value!r} (use an ISO 3166 code such as RU)")
    return code


def parse_identifiers(value: Any) -> tuple[QueryIdentifier, ...]:
    """Accept ``["AB123"]``, ``{"passport": "AB123"}`` or ``[{"type":..., "value":...}]``."""
    if value is None:
        return ()
    items: list[QueryIdentifier] = []
    if isinstance(value, Mapping):
        value = [{"type": k, "value": v} for k, v in value.items()]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        raise QueryError("identifiers must be a list or an object")
    for item in value:
        if isinstance(item, str):
            items.append(QueryIdentifier(_check_text("identifier", item, 100)))
        elif isinstance(item, Mapping) and "value" in item:
            id_type = item.get("type")
            try:
                parsed = IdType(str(id_type).lower()) if id_type else None
            except ValueError:
                known = ", ".join(t.value for t in IdType)
                raise QueryError(f"unknown identifier type {id_type!r} (known: {known})") from None
            items.append(
                QueryIdentifier(_check_text("identifier", str(item["value"]), 100), parsed)
            )
        else:
            raise QueryError(f"invalid identifier {item!r}")
    return tuple(items)


def make_query(
    name: str,
    *,
    type: str | Schema | None = None,
    dob: str | FuzzyDate | None = None,
    country: str | list[str] | tuple[str, ...] | None = None,
    identifiers: Any = None,
    id: str | None = None,
    lists: list[str] | tuple[str, ...] | None = None,
) -> Query:
    """Validate raw input into a :class:`Query`; raises :class:`QueryError` with a clear message."""
    if not isinstance(name, str):
        raise QueryError("name must be a string")
    schema = type if isinstance(type, Schema) else parse_schema(type)
    birth = dob if isinstance(dob, FuzzyDate) else parse_date(dob)
    if country is None:
        countries: tuple[str, ...] = ()
    elif isinstance(country, str):
        countries = (parse_country(country),)
    else:
        countries = tuple(parse_country(c) for c in country)
    text = _check_text("name", name)
    reason = nothing_to_screen(text)
    if reason is not None:
        raise QueryError(f"name {text!r} {reason}")
    return Query(
        name=text,
        schema=schema,
        birth_date=birth,
        countries=countries,
        identifiers=parse_identifiers(identifiers),
        id=id,
        lists=tuple(lists or ()),
    )
