"""Tiny lists for the fast in-process API tests, installed through the real store and index."""

from __future__ import annotations

from pathlib import Path

from clearance.matching.artifact import index_builder
from clearance.model import (
    Entity,
    FuzzyDate,
    Identifier,
    IdType,
    Name,
    NameKind,
    RelationKind,
    Relationship,
    Schema,
)
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources.base import ParsedList


def person(list_name: str, source_id: str, name: str, **kw: object) -> Entity:
    return Entity(list_name, source_id, Schema.PERSON, (Name(name),), **kw)  # type: ignore[arg-type]


def org(list_name: str, source_id: str, name: str, *aliases: str, **kw: object) -> Entity:
    names = (Name(name), *(Name(a, kind=NameKind.AKA) for a in aliases))
    return Entity(list_name, source_id, Schema.ORGANIZATION, names, **kw)  # type: ignore[arg-type]


def sdn_entities(extra: int = 0) -> list[Entity]:
    """A small OFAC-like list: MKRTYCHEV linked to VERUS, plus fillers."""
    mkrtychev = person(
        "ofac-sdn",
        "41736",
        "MKRTYCHEV, Ashot",
        birth_dates=(FuzzyDate(1966, 5, 7),),
        nationalities=("SK",),
        identifiers=(Identifier(IdType.PASSPORT, "BD3843329", "SK"),),
        programs=("RUSSIA-EO14024",),
        listed_on="2023-08-08",
    )
    verus = org(
        "ofac-sdn",
        "41737",
        "VERUS LLC",
        "OOO VERUS",
        relationships=(
            Relationship(RelationKind.LINKED_TO, "MKRTYCHEV, Ashot", target_id="ofac-sdn-41736"),
        ),
    )
    fillers = [
        person("ofac-sdn", str(50000 + i), f"FILLER{i:03d}, Person{i:03d}") for i in range(extra)
    ]
    return [mkrtychev, verus, person("ofac-sdn", "100", "PUTIN, Vladimir"), *fillers]


def un_entities() -> list[Entity]:
    return [org("un", "KPe.001", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "KOMID")]


def install(home: Path, lists: dict[str, list[Entity]], published: str = "2023-12-28") -> str:
    """Install the lists as a new active snapshot of ``home``; returns its id."""
    store = SnapshotStore(Settings(home=home))
    parsed = [
        ParsedList(list=name, format="test", entities=ents, files=[], published=published)
        for name, ents in lists.items()
    ]
    return store.install(parsed, builders=[index_builder]).id
