"""Entity -> FollowTheMoney (FtM) records, the field's interchange format. Pure: no I/O.

Each listed entity becomes one ``Person`` / ``Organization`` / ``Vessel`` / ``Airplane`` record,
plus a ``Sanction`` record (authority, programs, listing date), an ``UnknownLink`` per resolved
relationship and a ``CryptoWallet`` per published digital-currency address. Properties are
emitted only where the FtM schema has them; anything else is kept in ``notes`` so no published
fact is lost.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from clearance.countries import country_code
from clearance.model import Entity, IdType, NameKind, Relationship, Schema
from clearance.model.entity import Vessel

SCHEMAS: dict[Schema, str] = {
    Schema.PERSON: "Person",
    Schema.ORGANIZATION: "Organization",
    Schema.VESSEL: "Vessel",
    Schema.AIRCRAFT: "Airplane",
}

_THING = frozenset(
    {"name", "alias", "weakAlias", "previousName", "country", "notes", "address", "program"}
    | {"topics", "sourceUrl", "summary"}
)
_LEGAL = _THING | {
    "email",
    "phone",
    "website",
    "registrationNumber",
    "idNumber",
    "taxNumber",
    "swiftBic",
    "leiCode",
    "jurisdiction",
}
PROPERTIES: dict[str, frozenset[str]] = {
    "Person": _LEGAL
    | {"firstName", "middleName", "lastName", "position", "birthDate", "birthPlace"}
    | {"nationality", "citizenship", "passportNumber", "gender"},
    "Organization": _LEGAL | {"imoNumber"},
    "Vessel": _THING
    | {"registrationNumber", "type", "buildDate", "imoNumber", "mmsi", "callSign", "flag"}
    | {"tonnage", "grossRegisteredTonnage"},
    "Airplane": _THING | {"registrationNumber", "type", "buildDate", "serialNumber"},
}

ID_PROPERTIES: dict[IdType, str] = {
    IdType.PASSPORT: "passportNumber",
    IdType.NATIONAL_ID: "idNumber",
    IdType.TAX_ID: "taxNumber",
    IdType.REGISTRATION_NUMBER: "registrationNumber",
    IdType.IMO: "imoNumber",
    IdType.MMSI: "mmsi",
    IdType.CALL_SIGN: "callSign",
    IdType.SWIFT_BIC: "swiftBic",
    IdType.EMAIL: "email",
    IdType.WEBSITE: "website",
    IdType.PHONE: "phone",
    IdType.AIRCRAFT_SERIAL: "serialNumber",
    IdType.AIRCRAFT_TAIL: "registrationNumber",
    IdType.LEI: "leiCode",
    IdType.OTHER: "idNumber",
}

AUTHORITIES: dict[str, str] = {
    "ofac": "US Treasury, Office of Foreign Assets Control (OFAC)",
    "un": "United Nations Security Council",
    "uk": "HM Treasury, Office of Financial Sanctions Implementation (OFSI)",
    "eu": "European Union",
}

_NAME_PROPERTY = {
    NameKind.PRIMARY: "name",
    NameKind.AKA: "alias",
    NameKind.NKA: "alias",
    NameKind.VARIATION: "alias",
    NameKind.FKA: "previousName",
}


class _Props:
    """Collects property values for one schema; values the schema lacks go to notes."""

    def __init__(self, schema: str) -> None:
        self.schema = schema
        self.allowed = PROPERTIES[schema]
        self.values: dict[str, list[str]] = {}

    def add(self, prop: str, value: str | None, label: str | None = None) -> None:
        if value is None or not str(value).strip():
            return
        text = str(value).strip()
        if prop not in self.allowed:
            prop, text = "notes", f"{label or prop}: {text}"
        bucket = self.values.setdefault(prop, [])
        if text not in bucket:
            bucket.append(text)

    def country(self, prop: str, value: str | None, label: str) -> None:
        if not value:
            return
        code = _country(value)
        if code is None:
            self.add("notes", f"{label} (as published): {value}")
        else:
            self.add(prop, code, label)


def _country(value: str) -> str | None:
    """FtM country values are lower-case ISO codes."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return text.lower()
    code = country_code(text)
    return code.lower() if code else None


def _link_id(*parts: str) -> str:
    return "clearance-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:24]


def entity_to_ftm(entity: Entity) -> dict[str, Any]:
    """The FtM record of the listed party itself."""
    schema = SCHEMAS[entity.schema]
    props = _Props(schema)
    for name in entity.names:
        props.add("weakAlias" if name.weak else _NAME_PROPERTY[name.kind], name.full)
        if name.kind is NameKind.PRIMARY:
            props.add("firstName", name.given, "given name")
            props.add("middleName", name.middle, "middle name")
            props.add("lastName", name.family, "family name")
    for date in entity.birth_dates:
        years = date.years()
        values = [date.iso()] if len(years) == 1 else [str(y) for y in years[:10]]
        for value in values:
            props.add("birthDate", value, "date of birth")
    for place in entity.birth_places:
        props.add("birthPlace", place, "place of birth")
    for value in entity.nationalities:
        props.country("nationality", value, "nationality")
    for value in entity.citizenships:
        props.country("citizenship", value, "citizenship")
    for value in entity.countries:
        props.country("country", value, "country")
    if entity.gender is not None:
        props.add("gender", entity.gender.value)
    for address in entity.addresses:
        props.add("address", address.full)
        if address.country:
            props.country("country", address.country, "address country")
    for ident in entity.identifiers:
        id_prop = ID_PROPERTIES.get(ident.type)
        if id_prop is not None:
            props.add(id_prop, ident.value, ident.label or ident.type.value)
    for title in entity.titles:
        props.add("position", title, "title")
    if entity.vessel is not None:
        _vessel(props, entity.vessel)
    for program in entity.programs:
        props.add("program", program)
    props.add("notes", entity.remarks)
    for note in entity.notes:
        props.add("notes", note)
    props.values["topics"] = ["sanction"]
    return {
        "id": entity.id,
        "schema": schema,
        "properties": props.values,
        "datasets": [entity.list],
    }


def _vessel(props: _Props, vessel: Vessel) -> None:
    if props.schema == "Vessel":
        props.country("flag", vessel.flag, "flag")
    elif vessel.flag:
        props.country("country", vessel.flag, "flag")
    props.add("type", vessel.vessel_type, "type")
    props.add("tonnage", vessel.tonnage, "tonnage")
    props.add("grossRegisteredTonnage", vessel.gross_tonnage, "gross registered tonnage")
    props.add("buildDate", vessel.build_year, "build year")
    if vessel.owner:
        props.add("notes", f"Owner (as published): {vessel.owner}")


def sanction_to_ftm(entity: Entity) -> dict[str, Any]:
    """The ``Sanction`` record: who listed the entity, under which programs, since when."""
    authority = AUTHORITIES.get(entity.list.split("-", 1)[0], entity.list)
    properties: dict[str, list[str]] = {"entity": [entity.id], "authority": [authority]}
    if entity.programs:
        properties["program"] = list(entity.programs)
    if entity.listed_on:
        properties["listingDate"] = [entity.listed_on]
    properties["authorityId"] = [entity.source_id]
    return {
        "id": f"{entity.id}-sanction",
        "schema": "Sanction",
        "properties": properties,
        "datasets": [entity.list],
    }


def relationship_to_ftm(entity: Entity, rel: Relationship) -> dict[str, Any] | None:
    """An ``UnknownLink`` for a resolved edge (None when the target is not a listed entity).

    FtM wants a legal entity as ``subject``; for vessel and aircraft edges (owner, operator)
    the target is the subject and the vehicle the object.
    """
    if not rel.target_id:
        return None
    subject, obj = entity.id, rel.target_id
    if entity.schema in (Schema.VESSEL, Schema.AIRCRAFT):
        subject, obj = obj, subject
    role = rel.kind.value.replace("_", " ")
    if rel.share is not None:
        role += f" ({rel.share:g}%)"
    properties: dict[str, list[str]] = {"subject": [subject], "object": [obj], "role": [role]}
    if rel.raw:
        properties["summary"] = [rel.raw]
    return {
        "id": _link_id(entity.id, rel.kind.value, rel.target_id),
        "schema": "UnknownLink",
        "properties": properties,
        "datasets": [entity.list],
    }


def wallets_to_ftm(entity: Entity) -> Iterator[dict[str, Any]]:
    """A ``CryptoWallet`` held by the entity for each published digital-currency address."""
    for ident in entity.identifiers:
        if ident.type is not IdType.DIGITAL_CURRENCY:
            continue
        properties = {"publicKey": [ident.value], "holder": [entity.id], "topics": ["sanction"]}
        if ident.label:
            properties["currency"] = [ident.label]
        yield {
            "id": _link_id(entity.id, "wallet", ident.value),
            "schema": "CryptoWallet",
            "properties": properties,
            "datasets": [entity.list],
        }


def ftm_records(entity: Entity) -> Iterator[dict[str, Any]]:
    """Every FtM record for one entity: itself, its sanction, its wallets and its links."""
    yield entity_to_ftm(entity)
    yield sanction_to_ftm(entity)
    yield from wallets_to_ftm(entity)
    seen: set[str] = set()
    for rel in entity.relationships:
        record = relationship_to_ftm(entity, rel)
        if record is not None and record["id"] not in seen:
            seen.add(record["id"])
            yield record
