"""Map one enhanced-XML ``<entity>`` element to the shared :class:`~clearance.model.Entity`.

Features (``Birthdate``, ``SWIFT/BIC``, ``Secondary sanctions risk:``...) carry the same labels
as the legacy CSV remarks, so they go through :func:`.remarks.parse_fragment`; countries come
from the reference table's ISO codes; names keep every script OFAC publishes.
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from clearance.countries import country_code
from clearance.errors import InputFileError
from clearance.model import (
    Address,
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
    Vessel,
)
from clearance.sources.ofac.enhanced_xml import XmlHeader
from clearance.sources.ofac.labels import SCRIPTS, SDN_TYPES, id_type
from clearance.sources.ofac.remarks import RemarkFacts, parse_fragment, parse_remarks

ALIAS_TYPES = {"A.K.A.": NameKind.AKA, "F.K.A.": NameKind.FKA, "N.K.A.": NameKind.NKA}
RELATION_TYPES = {
    "Owned or Controlled By": RelationKind.OWNER,
    "Family member of": RelationKind.FAMILY,
    "Associate Of": RelationKind.ASSOCIATE,
}
COUNTRY_FEATURES = {"Nationality Country", "Citizenship Country", "Nationality of Registration"}
_ADDRESS_FIELDS = {
    "ADDRESS1": "street",
    "ADDRESS2": "street",
    "ADDRESS3": "street",
    "CITY": "city",
    "STATE/PROVINCE": "region",
    "REGION": "region",
    "POSTAL CODE": "postal_code",
}


def _text(el: etree._Element | None, path: str) -> str:
    if el is None:
        return ""
    return (el.findtext(path) or "").strip()


def _flag(el: etree._Element, path: str) -> bool:
    return _text(el, path).lower() == "true"


def _country(el: etree._Element | None, header: XmlHeader) -> str | None:
    """ISO code of a ``<country refId=...>`` style element (reference table, then name)."""
    if el is None:
        return None
    ref = header.refs.get(el.get("refId", ""))
    if ref is not None and ref.iso:
        return ref.iso
    return country_code(el.text, published=True)


def _names(el: etree._Element, schema: Schema) -> list[Name]:
    names: list[Name] = []
    for name_el in el.iterfind("{*}names/{*}name"):
        primary = _flag(name_el, "{*}isPrimary")
        kind = (
            NameKind.PRIMARY
            if primary
            else ALIAS_TYPES.get(_text(name_el, "{*}aliasType"), NameKind.AKA)
        )
        quality = NameQuality.WEAK if _flag(name_el, "{*}isLowQuality") else NameQuality.STRONG
        translations = sorted(
            name_el.iterfind("{*}translations/{*}translation"),
            key=lambda t: not _flag(t, "{*}isPrimary"),
        )
        for tr in translations:
            full = _text(tr, "{*}formattedFullName")
            if not full:
                continue
            person = schema is Schema.PERSON
            middle = [
                _text(p, "{*}value")
                for p in tr.iterfind("{*}nameParts/{*}namePart")
                if _text(p, "{*}type") == "Middle Name"
            ]
            names.append(
                Name(
                    full,
                    kind,
                    quality,
                    script=SCRIPTS.get(_text(tr, "{*}script"), _text(tr, "{*}script") or None),
                    given=(_text(tr, "{*}formattedFirstName") or None) if person else None,
                    middle=" ".join(middle) or None if person else None,
                    family=(_text(tr, "{*}formattedLastName") or None) if person else None,
                )
            )
    # The primary name's primary translation first: it becomes the caption.
    names.sort(key=lambda n: (n.kind is not NameKind.PRIMARY, n.script is not None))
    return names


def _addresses(el: etree._Element, header: XmlHeader) -> list[Address]:
    out: list[Address] = []
    for addr in el.iterfind("{*}addresses/{*}address"):
        country_el = addr.find("{*}country")
        country_name = (country_el.text or "").strip() or None if country_el is not None else None
        for tr in addr.iterfind("{*}translations/{*}translation"):
            parts: dict[str, list[str]] = {}
            for part in tr.iterfind("{*}addressParts/{*}addressPart"):
                key = _ADDRESS_FIELDS.get(_text(part, "{*}type"), "street")
                if value := _text(part, "{*}value"):
                    parts.setdefault(key, []).append(value)
            joined = {k: ", ".join(v) for k, v in parts.items()}
            order = ("street", "city", "postal_code", "region")
            full = ", ".join(
                [*(joined[k] for k in order if k in joined), *filter(None, [country_name])]
            )
            if not full:
                continue  # an empty placeholder address: nothing to keep but the source record
            out.append(
                Address(
                    full=full,
                    street=joined.get("street"),
                    city=joined.get("city"),
                    postal_code=joined.get("postal_code"),
                    region=joined.get("region"),
                    country=_country(country_el, header),
                    country_name=country_name,
                )
            )
    return out


def _birth_date(feature: etree._Element) -> FuzzyDate | None:
    """Fallback when the text value does not parse: the structured ``valueDate``."""
    vd = feature.find("{*}valueDate")
    if vd is None:
        return None
    try:
        start = date.fromisoformat(_text(vd, "{*}fromDateBegin"))
        end = date.fromisoformat(_text(vd, "{*}toDateEnd") or _text(vd, "{*}fromDateBegin"))
    except ValueError:
        return None
    circa = _flag(vd, "{*}isApproximate")
    if start == end:
        return FuzzyDate(start.year, start.month, start.day, circa=circa)
    if (start.year, start.month) == (end.year, end.month):
        return FuzzyDate(start.year, start.month, circa=circa)
    return FuzzyDate(
        start.year, circa=circa, until_year=end.year if end.year > start.year else None
    )


def _features(el: etree._Element, header: XmlHeader, facts: RemarkFacts, schema: Schema) -> None:
    for feature in el.iterfind("{*}features/{*}feature"):
        type_el = feature.find("{*}type")
        label = _text(feature, "{*}type") or header.feature_labels.get(
            type_el.get("featureTypeId", "") if type_el is not None else "", ""
        )
        value = _text(feature, "{*}value")
        if label in COUNTRY_FEATURES:
            ref = header.refs.get(_text(feature, "{*}valueRefId"))
            value = ref.iso if ref is not None and ref.iso else value
        comments = _text(feature, "{*}comments")
        fragment = f"{label} {value}" + (f" ({comments})" if comments else "")
        if parse_fragment(fragment, facts, schema):
            continue
        facts.unparsed.pop()
        if label == "Birthdate" and (born := _birth_date(feature)) is not None:
            facts.birth_dates.append(born)
        else:  # a structured feature of a type no rule knows: keep it as a note
            sep = " " if label.endswith((":", "-")) else ": "
            facts.notes.append(f"{label}{sep}{value}" + (f" ({comments})" if comments else ""))


def _identifiers(el: etree._Element, header: XmlHeader, schema: Schema) -> list[Identifier]:
    out: list[Identifier] = []
    for doc in el.iterfind("{*}identityDocuments/{*}identityDocument"):
        label = _text(doc, "{*}type")
        number = _text(doc, "{*}documentNumber")
        if not number:
            continue
        kind = id_type(label, schema)
        if label == "Vessel Registration Identification":
            number = number.removeprefix("IMO").strip()
            kind, label = (IdType.IMO, "IMO") if number.isdigit() else (IdType.OTHER, label)
        notes = [
            f"{etree.QName(child).localname}: {(child.text or '').strip()}"
            for child in doc
            if isinstance(child.tag, str)
            and etree.QName(child).localname
            not in ("type", "name", "documentNumber", "isValid", "issuingCountry")
        ]
        if _text(doc, "{*}isValid").lower() == "false":
            notes.append("not valid")
        out.append(
            Identifier(
                kind,
                number,
                country=_country(doc.find("{*}issuingCountry"), header),
                label=label,
                note="; ".join(notes) or None,
            )
        )
    return out


def _relationships(el: etree._Element) -> list[tuple[Relationship, str]]:
    """Edges with the target's OFAC entity id (resolved over the file by the caller)."""
    out: list[tuple[Relationship, str]] = []
    for rel in el.iterfind("{*}relationships/{*}relationship"):
        kind_text = _text(rel, "{*}type")
        target = rel.find("{*}relatedEntity")
        if target is None:
            continue
        name = (target.text or "").strip()
        target_id = target.get("entityId", "")
        raw = f"{kind_text}: {name} (OFAC entity {target_id})"
        kind = RELATION_TYPES.get(kind_text, RelationKind.LINKED_TO)
        out.append((Relationship(kind, name, raw=raw), target_id))
    return out


def _listed_on(el: etree._Element) -> str | None:
    """Earliest publication date on a list other than the umbrella "Consolidated List"."""
    dates = [
        (s.get("datePublished", ""), (s.text or "").strip())
        for s in el.iterfind("{*}sanctionsLists/{*}sanctionsList")
        if s.get("datePublished")
    ]
    specific = [d for d, name in dates if name != "Consolidated List"] or [d for d, _ in dates]
    return min(specific) if specific else None


def map_entity(
    el: etree._Element, header: XmlHeader, *, list_name: str, name: str
) -> tuple[Entity, list[tuple[Relationship, str]]]:
    """One ``<entity>`` -> (:class:`Entity` without relationships, edges with target ids)."""
    source_id = el.get("id", "").strip()
    if not source_id:
        raise InputFileError(name, "<entity> without an id", record=f"line {el.sourceline}")
    general = el.find("{*}generalInfo")
    entity_type = _text(general, "{*}entityType")
    schema = SDN_TYPES.get(entity_type.lower())
    if schema is None:
        raise InputFileError(name, f"unknown entityType {entity_type!r}", record=source_id)
    remarks = _text(general, "{*}remarks") or None
    facts = parse_remarks(remarks, schema)
    _features(el, header, facts, schema)
    names = _names(el, schema) + facts.aliases
    if not names:
        raise InputFileError(name, "entity has no name", record=source_id)
    notes = [
        f"Sanctions List: {(s.text or '').strip()}"
        for s in el.iterfind("{*}sanctionsLists/{*}sanctionsList")
    ]
    notes += [
        f"Sanctions Type: {(s.text or '').strip()}"
        for s in el.iterfind("{*}sanctionsTypes/{*}sanctionsType")
    ]
    notes += [
        f"Legal Authority: {(s.text or '').strip()}"
        for s in el.iterfind("{*}legalAuthorities/{*}legalAuthority")
    ]
    programs = [
        (p.text or "").strip() for p in el.iterfind("{*}sanctionsPrograms/{*}sanctionsProgram")
    ]
    entity = Entity(
        list=list_name,
        source_id=source_id,
        schema=schema,
        names=tuple(dict.fromkeys(names)),
        birth_dates=tuple(dict.fromkeys(facts.birth_dates)),
        birth_places=tuple(dict.fromkeys(facts.birth_places)),
        nationalities=tuple(dict.fromkeys(facts.nationalities)),
        citizenships=tuple(dict.fromkeys(facts.citizenships)),
        countries=tuple(dict.fromkeys(facts.countries)),
        gender=facts.gender,
        addresses=tuple(_addresses(el, header)),
        identifiers=tuple(dict.fromkeys([*facts.identifiers, *_identifiers(el, header, schema)])),
        programs=tuple(dict.fromkeys([p for p in programs if p] + facts.programs)),
        listed_on=_listed_on(el),
        remarks=remarks,
        titles=tuple(dict.fromkeys(facts.titles)),
        relationships=tuple(facts.relationships),
        vessel=Vessel(**facts.vessel) if facts.vessel else None,
        notes=tuple(dict.fromkeys([*notes, *facts.notes])),
        unparsed=tuple(facts.unparsed),
        source_record={"xml": etree.tostring(el, encoding="unicode")},
    )
    return entity, _relationships(el)
