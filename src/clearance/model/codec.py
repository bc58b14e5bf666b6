"""Entity <-> plain JSON-able dicts. Used by snapshots, ``show --json`` and the API."""

from __future__ import annotations

from typing import Any

from clearance.model.entity import (
    Address,
    Entity,
    FuzzyDate,
    Gender,
    Identifier,
    IdType,
    Name,
    NameKind,
    NameQuality,
    RelationKind,
    Relationship,
    Schema,
    Vessel,
)


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    """Drop None and empty strings/containers; keep 0 and False."""
    return {k: v for k, v in data.items() if v or v is False or v == 0}


def name_to_dict(name: Name) -> dict[str, Any]:
    return _drop_empty(
        {
            "full": name.full,
            "kind": name.kind.value,
            "quality": name.quality.value,
            "script": name.script,
            "lang": name.lang,
            "given": name.given,
            "middle": name.middle,
            "family": name.family,
        }
    )


def entity_to_dict(entity: Entity, *, with_source: bool = True) -> dict[str, Any]:
    """A JSON-able dict of every field; ``id`` and ``caption`` included for readers."""
    data: dict[str, Any] = {
        "id": entity.id,
        "list": entity.list,
        "source_id": entity.source_id,
        "schema": entity.schema.value,
        "caption": entity.caption,
        "names": [name_to_dict(n) for n in entity.names],
        "birth_dates": [str(d) for d in entity.birth_dates],
        "birth_places": list(entity.birth_places),
        "nationalities": list(entity.nationalities),
        "citizenships": list(entity.citizenships),
        "countries": list(entity.countries),
        "gender": entity.gender.value if entity.gender else None,
        "addresses": [_drop_empty(_slots(a)) for a in entity.addresses],
        "identifiers": [
            _drop_empty({**_slots(i), "type": i.type.value}) for i in entity.identifiers
        ],
        "programs": list(entity.programs),
        "listed_on": entity.listed_on,
        "remarks": entity.remarks,
        "titles": list(entity.titles),
        "relationships": [
            _drop_empty({**_slots(r), "kind": r.kind.value}) for r in entity.relationships
        ],
        "vessel": _drop_empty(_slots(entity.vessel)) if entity.vessel else None,
        "notes": list(entity.notes),
        "unparsed": list(entity.unparsed),
    }
    if with_source:
        data["source_record"] = entity.source_record
    return _drop_empty(data)


def _slots(obj: object) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in obj.__slots__}  # type: ignore[attr-defined]


def entity_from_dict(data: dict[str, Any]) -> Entity:
    """Inverse of :func:`entity_to_dict`."""
    return Entity(
        list=data["list"],
        source_id=data["source_id"],
        schema=Schema(data["schema"]),
        names=tuple(
            Name(
                full=n["full"],
                kind=NameKind(n.get("kind", "primary")),
                quality=NameQuality(n.get("quality", "strong")),
                script=n.get("script"),
                lang=n.get("lang"),
                given=n.get("given"),
                middle=n.get("middle"),
                family=n.get("family"),
            )
            for n in data["names"]
        ),
        birth_dates=tuple(FuzzyDate.parse(d) for d in data.get("birth_dates", ())),
        birth_places=tuple(data.get("birth_places", ())),
        nationalities=tuple(data.get("nationalities", ())),
        citizenships=tuple(data.get("citizenships", ())),
        countries=tuple(data.get("countries", ())),
        gender=Gender(data["gender"]) if data.get("gender") else None,
        addresses=tuple(Address(**a) for a in data.get("addresses", ())),
        identifiers=tuple(
            Identifier(**{**i, "type": IdType(i["type"])}) for i in data.get("identifiers", ())
        ),
        programs=tuple(data.get("programs", ())),
        listed_on=data.get("listed_on"),
        remarks=data.get("remarks"),
        titles=tuple(data.get("titles", ())),
        relationships=tuple(
            Relationship(**{**r, "kind": RelationKind(r["kind"])})
            for r in data.get("relationships", ())
        ),
        vessel=Vessel(**data["vessel"]) if data.get("vessel") else None,
        notes=tuple(data.get("notes", ())),
        unparsed=tuple(data.get("unparsed", ())),
        source_record=data.get("source_record", {}),
    )
