"""FollowTheMoney in and out for the yente-compatible endpoints.

Out: listed entities rendered the way yente answers (``id, caption, schema, properties,
datasets, referents, target, first_seen, last_seen``), built on :mod:`clearance.ftm`.
In: yente query entities (``{"schema": "Person", "properties": {"name": [...], ...}}``) turned
into screening queries; the properties that were used are echoed back so nothing is dropped
silently.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from clearance.api.service import Engine
from clearance.errors import NotFoundError, QueryError
from clearance.ftm import entity_to_ftm, relationship_to_ftm, sanction_to_ftm
from clearance.matching.query import Query, make_query
from clearance.model import Entity, IdType, Schema

# FtM schema -> our type (None: any type).
SCHEMATA: dict[str, Schema | None] = {
    "Person": Schema.PERSON,
    "Organization": Schema.ORGANIZATION,
    "Company": Schema.ORGANIZATION,
    "PublicBody": Schema.ORGANIZATION,
    "LegalEntity": None,
    "Vessel": Schema.VESSEL,
    "Airplane": Schema.AIRCRAFT,
    "Thing": None,
}

NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
NAME_PART_PROPS = ("firstName", "secondName", "middleName", "fatherName", "lastName")
COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction", "birthCountry", "flag")
ID_PROPS: dict[str, IdType] = {
    "passportNumber": IdType.PASSPORT,
    "idNumber": IdType.NATIONAL_ID,
    "taxNumber": IdType.TAX_ID,
    "innCode": IdType.TAX_ID,
    "vatCode": IdType.TAX_ID,
    "registrationNumber": IdType.REGISTRATION_NUMBER,
    "ogrnCode": IdType.REGISTRATION_NUMBER,
    "imoNumber": IdType.IMO,
    "mmsi": IdType.MMSI,
    "callSign": IdType.CALL_SIGN,
    "swiftBic": IdType.SWIFT_BIC,
    "leiCode": IdType.LEI,
    "email": IdType.EMAIL,
    "phone": IdType.PHONE,
    "website": IdType.WEBSITE,
    "serialNumber": IdType.AIRCRAFT_SERIAL,
}
MAX_NAMES = 5  # names (name + aliases) of one query entity that are screened
MAX_VALUES = 20


def _timestamp(text: str | None) -> str | None:
    """An ISO datetime for yente's ``first_seen``/``last_seen`` (None when unparseable)."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip()).isoformat()
    except ValueError:
        return None


def render_entity(engine: Engine, entity: Entity) -> dict[str, Any]:
    """One listed entity as a yente entity (not nested)."""
    data = entity_to_ftm(entity)
    info = engine.snapshot.list_info(entity.list)
    published = info.published if info is not None else None
    data.update(
        caption=entity.caption,
        referents=[],
        target=True,
        first_seen=_timestamp(entity.listed_on),
        last_seen=_timestamp(engine.snapshot.created_at),
        last_change=_timestamp(published),
    )
    return data


RENDER_CACHE_SIZE = 20_000


def rendered(engine: Engine, entity_id: str) -> dict[str, Any] | None:
    """A listed entity as a (flat) yente entity, cached per snapshot; a fresh top-level copy."""
    cached = engine.renders.get(entity_id)
    if cached is None:
        entity = engine.snapshot.entity(entity_id)
        if entity is None:
            return None
        if len(engine.renders) >= RENDER_CACHE_SIZE:
            engine.renders.clear()
        cached = engine.renders[entity_id] = render_entity(engine, entity)
    return dict(cached)


def _stub(engine: Engine, entity_id: str, fallback: str) -> dict[str, Any]:
    entity = engine.snapshot.entity(entity_id)
    if entity is None:
        return {"id": entity_id, "caption": fallback, "schema": "LegalEntity", "properties": {}}
    return render_entity(engine, entity)


def entity_ftm(engine: Engine, entity_id: str, nested: bool = True) -> dict[str, Any]:
    """``GET /entities/{id}`` in yente's format; ``nested`` adds sanctions and links."""
    entity = engine.snapshot.entity(entity_id)
    if entity is None:
        raise NotFoundError(f"no entity {entity_id!r} in snapshot {engine.snapshot.id}")
    data = render_entity(engine, entity)
    if not nested:
        return data
    props: dict[str, list[Any]] = data["properties"]
    sanction = sanction_to_ftm(entity)
    sanction["caption"] = sanction["properties"]["authority"][0]
    props["sanctions"] = [sanction]
    outgoing = []
    for rel in entity.relationships:
        link = relationship_to_ftm(entity, rel)
        if link is None or rel.target_id is None:
            continue
        link["caption"] = rel.kind.value.replace("_", " ")
        link["properties"]["object"] = [_stub(engine, rel.target_id, rel.target_name)]
        outgoing.append(link)
    incoming = []
    for source_id, rel in engine.snapshot.incoming(entity.id):
        source = engine.snapshot.entity(source_id)
        if source is None:
            continue
        link = relationship_to_ftm(source, rel)
        if link is None:
            continue
        link["caption"] = rel.kind.value.replace("_", " ")
        link["properties"]["subject"] = [_stub(engine, source_id, source_id)]
        incoming.append(link)
    if outgoing:
        props["unknownLinkSubject"] = outgoing
    if incoming:
        props["unknownLinkObject"] = incoming
    return data


def _values(props: dict[str, Any], prop: str, key: str) -> list[str]:
    raw = props.get(prop)
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise QueryError(f"query {key!r}: property {prop!r} must be a list of strings")
    if len(raw) > MAX_VALUES:
        raise QueryError(f"query {key!r}: property {prop!r} has more than {MAX_VALUES} values")
    return [v for v in raw if v.strip()]


def parse_schema(key: str, value: Any) -> str:
    if not isinstance(value, str) or value not in SCHEMATA:
        known = ", ".join(SCHEMATA)
        raise QueryError(f"query {key!r}: unsupported schema {value!r} (use one of: {known})")
    return value


def ftm_queries(key: str, data: Any, lists: list[str]) -> tuple[list[Query], dict[str, Any]]:
    """Screening queries (one per name) for one yente query entity, and the echo of it."""
    if not isinstance(data, dict):
        raise QueryError(f"query {key!r} must be an object with schema and properties")
    schema = parse_schema(key, data.get("schema"))
    props = data.get("properties", {})
    if not isinstance(props, dict):
        raise QueryError(f"query {key!r}: properties must be an object")
    used: dict[str, list[str]] = {}

    def take(prop: str) -> list[str]:
        values = _values(props, prop, key)
        if values:
            used[prop] = values
        return values

    names: list[str] = []
    for prop in NAME_PROPS:
        names.extend(take(prop))
    parts = [" ".join(take(p)) for p in NAME_PART_PROPS]
    composed = " ".join(p for p in parts if p)
    if composed:
        names.append(composed)
    names = list(dict.fromkeys(n.strip() for n in names))[:MAX_NAMES]
    if not names:
        raise QueryError(f"query {key!r} has no name (set properties.name)")
    dobs = take("birthDate")[:1]  # the engine compares one date of birth
    if dobs:
        used["birthDate"] = dobs
    countries: list[str] = []
    for prop in COUNTRY_PROPS:
        countries.extend(take(prop))
    identifiers = [
        {"type": id_type.value, "value": value}
        for prop, id_type in ID_PROPS.items()
        for value in take(prop)
    ]
    try:
        queries = [
            make_query(
                name,
                type=SCHEMATA[schema],
                dob=dobs[0] if dobs else None,
                country=list(dict.fromkeys(countries)) or None,
                identifiers=identifiers or None,
                id=key,
                lists=lists,
            )
            for name in names
        ]
    except QueryError as exc:
        raise QueryError(f"query {key!r}: {exc.message}") from None
    ignored = sorted(set(props) - set(used))
    echo: dict[str, Any] = {
        "id": data.get("id") if isinstance(data.get("id"), str) else None,
        "schema": schema,
        "caption": names[0],
        "properties": used,
    }
    if ignored:
        echo["ignored_properties"] = ignored
    return queries, echo
