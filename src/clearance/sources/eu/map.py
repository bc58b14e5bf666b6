"""Map raw EU FSF records (:mod:`.read`) to :class:`~clearance.model.Entity`.

- ``source_id`` is ``logicalId``; ``euReferenceNumber`` and ``unitedNationId`` are kept as
  identifiers (labels ``EU Ref`` / ``UN ID``) for cross-list linking.
- Names: the EU marks no primary name; the first strong ``nameAlias`` without a
  ``nameLanguage`` is the primary (else the first strong one, else the first), the others are
  a.k.a.s. ``strong="false"`` → weak. ``function`` and ``title`` → titles.
- ``citizenship`` → citizenships (ISO codes; ``00``/UNKNOWN dropped). ``subjectType`` code
  ``person`` → person, ``enterprise`` → organization.
"""

from __future__ import annotations

from pathlib import Path

from clearance.countries import country_code
from clearance.errors import InputFileError
from clearance.model import (
    Address,
    Entity,
    FuzzyDate,
    Gender,
    Identifier,
    IdType,
    Name,
    NameKind,
    NameQuality,
    Schema,
)
from clearance.sources.base import ParseIssue
from clearance.sources.eu.read import EuAddress, EuBirthdate, EuFile, EuIdentification, EuRecord
from clearance.sources.shared.dates import parse_date_text
from clearance.sources.shared.text import (
    detect_script,
    language_code,
    record_dict,
    unique,
)

SCHEMAS = {
    "person": Schema.PERSON,
    "p": Schema.PERSON,
    "enterprise": Schema.ORGANIZATION,
    "e": Schema.ORGANIZATION,
}
ID_TYPES = {
    "passport": IdType.PASSPORT,
    "id": IdType.NATIONAL_ID,
    "nrn": IdType.NATIONAL_ID,
    "ssn": IdType.NATIONAL_ID,
    "fiscalcode": IdType.TAX_ID,
    "regnumber": IdType.REGISTRATION_NUMBER,
    "swiftbic": IdType.SWIFT_BIC,
    "imo": IdType.IMO,
}
CONTACTS = {
    "PHONE": IdType.PHONE,
    "FAX": IdType.PHONE,
    "EMAIL": IdType.EMAIL,
    "WEB": IdType.WEBSITE,
}
_FLAGS = ("diplomatic", "known_expired", "known_false", "reported_lost", "revoked_by_issuer")


def _country(code: str, description: str) -> str | None:
    """ISO code from ``countryIso2Code`` (``00`` = unknown), else from the description."""
    if code and code != "00":
        return code.upper()
    return country_code(description, published=True)


class _Builder:
    def __init__(self, path: Path, record: EuRecord) -> None:
        self.path = path
        self.record = record
        self.notes: list[str] = []
        self.unparsed: list[str] = []
        self.issues: list[ParseIssue] = []

    def issue(self, message: str, fragment: str = "") -> None:
        self.issues.append(ParseIssue(str(self.path), self.record.label, message, fragment))

    def names(self) -> list[Name]:
        aliases = [a for a in self.record.names if a.whole_name or a.last_name or a.first_name]
        if len(aliases) < len(self.record.names):
            self.issue("empty nameAlias", str(len(self.record.names) - len(aliases)))
        strong = [a for a in aliases if a.strong.lower() != "false"]
        unlabelled = [a for a in strong if not a.name_language]
        primary = next(iter(unlabelled or strong or aliases), None)
        names: list[Name] = []
        for alias in aliases:
            parts = (alias.first_name, alias.middle_name, alias.last_name)
            full = alias.whole_name or " ".join(p for p in parts if p)
            kind = NameKind.PRIMARY if alias is primary else NameKind.AKA
            weak = alias.strong.lower() == "false" or "low quality" in alias.remark.lower()
            quality = NameQuality.WEAK if weak else NameQuality.STRONG
            script = detect_script(full)
            name = Name(
                full,
                kind,
                quality,
                script=None if script == "Latn" else script,
                lang=language_code(alias.name_language),
                given=alias.first_name or None,
                middle=alias.middle_name or None,
                family=alias.last_name or None,
            )
            names.append(name)
            if alias.remark and "quality" not in alias.remark.lower():
                self.notes.append(f"name {full}: {alias.remark}")
        names.sort(key=lambda n: n.kind is not NameKind.PRIMARY)
        return list(unique(names))

    def birth(self, b: EuBirthdate) -> tuple[FuzzyDate | None, str]:
        circa = b.circa.lower() == "true"
        place = ", ".join(
            p for p in (b.city, b.place, b.region, b.country_description) if p and p != "UNKNOWN"
        )
        if b.remark:
            self.notes.append(f"birth: {b.remark}")
        try:
            if b.birthdate:
                return parse_date_text(b.birthdate, circa=circa), place
            if b.year_range_from or b.year_range_to:
                start = int(b.year_range_from or b.year_range_to)
                end = int(b.year_range_to or b.year_range_from)
                return FuzzyDate(start, circa=circa, until_year=end), place
            if b.year:
                month = int(b.month) if b.month else None
                day = int(b.day) if b.day and month else None
                return FuzzyDate(int(b.year), month, day, circa=circa), place
        except ValueError as exc:
            fragment = " ".join(x for x in (b.birthdate, b.year, b.month, b.day) if x)
            self.unparsed.append(f"birthdate {fragment}")
            self.issue(f"bad birthdate: {exc}", fragment)
        return None, place

    def identifier(self, i: EuIdentification) -> Identifier | None:
        number = i.number or i.latin_number
        if not number:
            self.issue("identification without a number", i.type_description or i.type_code)
            return None
        id_type = ID_TYPES.get(i.type_code.lower(), IdType.OTHER)
        flags = [f.replace("_", " ") for f in _FLAGS if getattr(i, f).lower() == "true"]
        note_parts = [
            *flags,
            f"latin number {i.latin_number}" if i.latin_number and i.number else "",
            f"issued by {i.issued_by}" if i.issued_by else "",
            f"issued {i.issue_date}" if i.issue_date else "",
            f"name on document: {i.name_on_document}" if i.name_on_document else "",
            i.remark,
        ]
        return Identifier(
            type=id_type,
            value=number,
            country=_country(i.country_iso2, i.country_description),
            label=i.type_description or i.type_code or None,
            note="; ".join(p for p in note_parts if p) or None,
        )

    def address(self, a: EuAddress) -> tuple[Address | None, list[Identifier]]:
        contacts = [
            Identifier(CONTACTS.get(key.upper(), IdType.OTHER), value, label=key.title())
            for key, value in a.contacts
            if value
        ]
        if a.remark:
            self.notes.append(f"address: {a.remark}")
        country = _country(a.country_iso2, a.country_description)
        described = a.country_description if a.country_description != "UNKNOWN" else ""
        po_box = f"PO Box {a.po_box}" if a.po_box else ""
        parts = (a.street, po_box, a.place, a.city, a.zip_code, a.region, described)
        full = ", ".join(p for p in parts if p)
        if not full:
            return None, contacts
        address = Address(
            full=full,
            street=", ".join(p for p in (a.street, po_box) if p) or None,
            city=a.city or None,
            postal_code=a.zip_code or None,
            region=a.region or None,
            country=country,
            country_name=described or None,
        )
        return address, contacts


def map_record(
    path: Path, record: EuRecord, list_name: str
) -> tuple[Entity | None, list[ParseIssue]]:
    """One ``sanctionEntity`` → an :class:`Entity` (``None`` without any name) and its issues."""
    b = _Builder(path, record)
    names = b.names()
    if not names:
        b.issue("sanctionEntity without a name; skipped")
        return None, b.issues
    schema = SCHEMAS.get(record.subject_type.lower() or record.subject_classification.lower())
    if schema is None:
        b.issue("unknown subjectType; mapped as an organization", record.subject_type)
        schema = Schema.ORGANIZATION
    births = [b.birth(x) for x in record.birthdates]
    addresses: list[Address] = []
    identifiers: list[Identifier] = []
    for item in record.addresses:
        address, contacts = b.address(item)
        if address is not None:
            addresses.append(address)
        identifiers += contacts
    identifiers += [i for i in (b.identifier(x) for x in record.identifications) if i]
    if record.eu_reference_number:
        identifiers.append(Identifier(IdType.OTHER, record.eu_reference_number, label="EU Ref"))
    if record.united_nation_id:
        identifiers.append(Identifier(IdType.OTHER, record.united_nation_id, label="UN ID"))
    genders = {n.gender.upper() for n in record.names if n.gender}
    gender = (
        {"M": Gender.MALE, "F": Gender.FEMALE}.get(genders.pop()) if len(genders) == 1 else None
    )
    regulation_dates = sorted(r.publication_date for r in record.regulations if r.publication_date)
    listed_on = record.designation_date or (regulation_dates[0] if regulation_dates else None)
    titles = [t for n in record.names for t in (n.title, n.function) if t]
    raw = record_dict(record)
    raw.pop("line", None)
    entity = Entity(
        list=list_name,
        source_id=record.logical_id,
        schema=schema,
        names=tuple(names),
        birth_dates=unique([d for d, _ in births if d is not None]),
        birth_places=unique([p for _, p in births if p]),
        citizenships=unique(
            [_country(c.country_iso2, c.country_description) for c in record.citizenships]
        ),
        countries=unique([a.country for a in addresses]),
        gender=gender,
        addresses=unique(addresses),
        identifiers=unique(identifiers),
        programs=unique([r.programme for r in record.regulations]),
        listed_on=listed_on[:10] if listed_on else None,
        remarks="\n".join(record.remarks) or None,
        titles=unique(titles),
        notes=unique(b.notes),
        unparsed=tuple(b.unparsed),
        source_record=raw,
    )
    return entity, b.issues


def map_file(path: Path, parsed: EuFile, list_name: str) -> tuple[list[Entity], list[ParseIssue]]:
    """Map every record; a record without ``logicalId`` is an error (it has no stable id)."""
    entities: list[Entity] = []
    issues: list[ParseIssue] = []
    for record in parsed.records:
        if not record.logical_id:
            raise InputFileError(str(path), "sanctionEntity without logicalId", record=record.label)
        entity, record_issues = map_record(path, record, list_name)
        issues += record_issues
        if entity is not None:
            entities.append(entity)
    return entities, issues
