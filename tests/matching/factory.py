"""Tiny factories for matcher unit tests."""

from __future__ import annotations

import itertools

from clearance.model import (
    Entity,
    FuzzyDate,
    Identifier,
    IdType,
    Name,
    NameKind,
    NameQuality,
    Schema,
)

_ids = itertools.count(1)


def e(
    schema: str,
    name: str,
    *aliases: str,
    weak: tuple[str, ...] = (),
    dob: str | None = None,
    country: str | None = None,
    ids: dict[str, str] | None = None,
    list_name: str = "test",
    source_id: str | None = None,
) -> Entity:
    names = [Name(name)]
    names += [Name(a, kind=NameKind.AKA) for a in aliases]
    names += [Name(w, kind=NameKind.AKA, quality=NameQuality.WEAK) for w in weak]
    return Entity(
        list=list_name,
        source_id=source_id or str(next(_ids)),
        schema=Schema(schema),
        names=tuple(names),
        birth_dates=(FuzzyDate.parse(dob),) if dob else (),
        nationalities=(country,) if country else (),
        identifiers=tuple(Identifier(IdType(t), v) for t, v in (ids or {}).items()),
    )
