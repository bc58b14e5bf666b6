"""Map custom-list rows to :class:`~clearance.model.Entity`; invalid values raise with the line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clearance.errors import InputFileError
from clearance.model import (
    Entity,
    FuzzyDate,
    Identifier,
    IdType,
    Name,
    NameKind,
    NameQuality,
    RelationKind,
    Relationship,
    Schema,
    entity_id,
)
from clearance.sources.base import ParseIssue
from clearance.sources.custom.read import CustomFile, CustomRow
from clearance.sources.shared.text import country_or_text, non_latin_script, record_dict, unique

TYPES = {
    "person": Schema.PERSON,
    "organization": Schema.ORGANIZATION,
    "organisation": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}


def split(value: str) -> list[str]:
    """``a|b|c`` → ``["a", "b", "c"]`` (blanks dropped)."""
    return [v.strip() for v in value.split("|") if v.strip()]


class _Row:
    def __init__(self, path: Path, row: CustomRow) -> None:
        self.path = path
        self.row = row

    def fail(self, message: str) -> InputFileError:
        return InputFileError(str(self.path), message, record=f"line {self.row.line}")

    def schema(self) -> Schema:
        if not self.row.type:
            return Schema.ORGANIZATION
        schema = TYPES.get(self.row.type.lower())
        if schema is None:
            known = "person, organization, vessel, aircraft"
            raise self.fail(f"bad type {self.row.type!r} (use one of: {known})")
        return schema

    def names(self) -> list[Name]:
        names = [Name(self.row.name, script=non_latin_script(self.row.name))]
        for alias in split(self.row.aliases):
            names.append(Name(alias, NameKind.AKA, script=non_latin_script(alias)))
        for alias in split(self.row.weak_aliases):
            names.append(
                Name(alias, NameKind.AKA, NameQuality.WEAK, script=non_latin_script(alias))
            )
        return list(unique(names))

    def birth_dates(self) -> list[FuzzyDate]:
        dates = []
        for text in split(self.row.dob):
            parts = text.split("-")
            if (
                not 1 <= len(parts) <= 3
                or not all(p.isdigit() for p in parts)
                or len(parts[0]) != 4
            ):
                raise self.fail(f"bad dob {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
            try:
                year, month, day = ([int(p) for p in parts] + [None, None])[:3]
                assert year is not None
                if day is not None and month is not None:
                    dt.date(year, month, day)  # rejects 2021-02-31
                dates.append(FuzzyDate(year, month, day))
            except ValueError as exc:
                raise self.fail(f"bad dob {text!r}: {exc}") from None
        return dates

    def identifiers(self) -> list[Identifier]:
        out = []
        for item in split(self.row.identifiers):
            kind, sep, value = item.partition(":")
            try:
                id_type = IdType(kind.strip().lower())
            except ValueError:
                known = ", ".join(t.value for t in IdType)
                raise self.fail(f"unknown identifier type {kind!r} (use one of: {known})") from None
            if not sep or not value.strip():
                raise self.fail(f"identifier {item!r} has no value (use type:value)")
            out.append(Identifier(id_type, value.strip()))
        return out


def map_file(
    path: Path, parsed: CustomFile, list_name: str
) -> tuple[list[Entity], list[ParseIssue]]:
    """Validate and map every row; the first invalid value raises :class:`InputFileError`."""
    issues: list[ParseIssue] = []
    if parsed.unknown_columns:
        columns = ", ".join(parsed.unknown_columns)
        issues.append(ParseIssue(str(path), "line 1", f"unknown column(s) ignored: {columns}"))
    names: dict[str, str] = {}
    for row in parsed.rows:
        r = _Row(path, row)
        if not row.id:
            raise r.fail("empty id")
        if not row.name:
            raise r.fail("empty name")
        if row.id in names:
            raise r.fail(f"duplicated id {row.id!r}")
        names[row.id] = row.name
    entities = []
    for row in parsed.rows:
        r = _Row(path, row)
        edges = []
        for target in split(row.linked_to):
            if target not in names:
                raise r.fail(f"linked_to {target!r} is not an id in this file")
            if target != row.id:
                edges.append(
                    Relationship(
                        RelationKind.LINKED_TO, names[target], entity_id(list_name, target)
                    )
                )
        entities.append(
            Entity(
                list=list_name,
                source_id=row.id,
                schema=r.schema(),
                names=tuple(r.names()),
                birth_dates=unique(r.birth_dates()),
                nationalities=unique([country_or_text(c) for c in split(row.nationality)]),
                countries=unique([country_or_text(c) for c in split(row.country)]),
                identifiers=unique(r.identifiers()),
                programs=unique(split(row.programs)),
                remarks=row.remarks or None,
                relationships=unique(edges),
                source_record=record_dict(row),
            )
        )
    return entities, issues
