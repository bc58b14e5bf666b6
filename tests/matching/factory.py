"""Tiny factories for matcher unit tests."""

from __future__ import annotations

import itertools

from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
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
from clearance.settings import MatchingPolicy

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


def listed_alerts(listed: list[str], query: str, kind: str | None) -> set[str]:
    """The names of ``listed`` (one entity each, of type ``kind``; an organisation when
    ``None``) that alert for ``query`` screened with type ``kind``."""
    entities = [e(kind or "organization", name, source_id=str(i)) for i, name in enumerate(listed)]
    screener = Screener.build(entities, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query(query, type=kind), ScreenOptions(limit=5))
    return {listed[int(m.source_id)] for m in result.matches if m.alert}


BACKGROUND_PEOPLE = ["SMITH, John", "PETROV, Ivan Sergeyevich", "HASSAN, Ali"]
BACKGROUND_COMPANIES = ["ROSNEFT OIL COMPANY", "DOVER", "GAZ GROUP"]


def people_alerts(listed: list[str], query: str) -> set[str]:
    """:func:`listed_alerts` for persons, ``listed`` among a few unrelated listed people."""
    return listed_alerts([*listed, *BACKGROUND_PEOPLE], query, "person")


def company_alerts(listed: list[str], query: str) -> set[str]:
    """:func:`listed_alerts` for organisations, among a few unrelated listed companies."""
    return listed_alerts([*listed, *BACKGROUND_COMPANIES], query, "organization")


def persons_screener(persons: list[tuple[str, ...]], background: list[str]) -> Screener:
    """A screener of ``persons`` (each its names; source ids "p0", "p1", ...) among the
    ``background`` persons ("b0", ...)."""
    entities = [e("person", *names, source_id=f"p{i}") for i, names in enumerate(persons)]
    entities += [e("person", n, source_id=f"b{i}") for i, n in enumerate(background)]
    return Screener.build(entities, MatchingPolicy(screen_cache=0))


def person_alerts(screener: Screener, query: str) -> set[str]:
    """The source ids that alert for ``query`` screened as a person's name."""
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=10))
    return {m.source_id for m in result.matches if m.alert}
