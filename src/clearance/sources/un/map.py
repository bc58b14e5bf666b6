"""Map raw UN records (:mod:`.read`) to :class:`~clearance.model.Entity`.

Decisions worth knowing:

- ``source_id`` is REFERENCE_NUMBER (``KPi.033``). It is unique in the published files; a record
  without one, or repeating one already seen, falls back to ``DATAID-<DATAID>`` (the UN's own
  numeric record id) and the fallback is reported as an issue.
- Primary name: FIRST..FOURTH_NAME joined; for individuals the first part is the given name and
  the last one the family name. NAME_ORIGINAL_SCRIPT becomes a ``variation`` with its detected
  ISO 15924 script. Aliases: QUALITY Good / a.k.a. → strong a.k.a., Low → weak a.k.a.,
  f.k.a. → f.k.a. Empty alias elements are counted as issues.
- Relationships: UN comments cite other listings by reference number ("associated with ...
  (QDe.069)"); each cited reference on the list becomes an ``associate`` edge with its target
  resolved. Nothing else in a UN record links records reliably.
"""

from __future__ import annotations

import re
from pathlib import Path

from clearance.countries import country_code
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
    RelationKind,
    Relationship,
    Schema,
    entity_id,
)
from clearance.sources.base import ParseIssue
from clearance.sources.shared.dates import DateResult, month_number, parse_loose_date
from clearance.sources.shared.text import (
    clean,
    country_or_text,
    detect_script,
    non_latin_script,
    number_in_text,
    record_dict,
    unique,
)
from clearance.sources.un.read import UnAlias, UnDate, UnDocument, UnFile, UnPlace, UnRecord

IMO_NUMBER = re.compile(r"\bIMO\)?(?:\s*number)?\s*:?\s*(\d{7})\b", re.I)
REFERENCE = re.compile(r"\b([A-Z]{2}[ie]\.\d{3})\b")
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
_SCRIPT_NOTE = re.compile(r"(?:original script|in arabic(?: script)?)\s*:\s*(.+)$", re.I)
_TRAILING_NOTE = re.compile(r"^(.*\d.*?)\s*\(([^()]+)\)$")
_WORD = re.compile(r"(?:^|\s)[^\W\d]{4,}(?:\s|$)")
# Lists whose FIRST_NAME holds the family name (Korean name order).
_FAMILY_FIRST_LISTS = {"DPRK"}

_ALIAS_KIND: dict[str, tuple[NameKind, NameQuality]] = {
    "good": (NameKind.AKA, NameQuality.STRONG),
    "low": (NameKind.AKA, NameQuality.WEAK),
    "a.k.a.": (NameKind.AKA, NameQuality.STRONG),
    "f.k.a.": (NameKind.FKA, NameQuality.STRONG),
    "n.k.a.": (NameKind.NKA, NameQuality.STRONG),
}


class _Builder:
    """Collects the mapped parts of one record, and its issues."""

    def __init__(self, path: Path, record: UnRecord) -> None:
        self.path = path
        self.record = record
        self.names: list[Name] = []
        self.birth_dates: list[FuzzyDate] = []
        self.birth_places: list[str] = []
        self.notes: list[str] = []
        self.unparsed: list[str] = []
        self.issues: list[ParseIssue] = []

    def issue(self, message: str, fragment: str = "") -> None:
        self.issues.append(ParseIssue(str(self.path), self.record.label, message, fragment))

    def add_unparsed(self, message: str, fragment: str) -> None:
        self.unparsed.append(fragment)
        self.issue(message, fragment)


def assign_source_ids(records: list[UnRecord]) -> tuple[list[str], list[str]]:
    """REFERENCE_NUMBER per record, or ``DATAID-<id>`` when missing or repeated (reported)."""
    seen: set[str] = set()
    ids: list[str] = []
    problems: list[str] = []
    for record in records:
        ref = record.reference_number
        if not ref or ref in seen:
            fallback = f"DATAID-{record.dataid or record.line}"
            why = "no REFERENCE_NUMBER" if not ref else f"REFERENCE_NUMBER {ref} repeated"
            problems.append(f"{why}; source id {fallback} used instead")
            ids.append(fallback)
        else:
            seen.add(ref)
            ids.append(ref)
            problems.append("")
    return ids, problems


def _primary_name(record: UnRecord) -> Name | None:
    parts = [
        p
        for p in (record.first_name, record.second_name, record.third_name, record.fourth_name)
        if p
    ]
    if not parts:
        return None
    full = " ".join(parts)
    if record.kind != "INDIVIDUAL" or len(parts) == 1:
        return Name(full, script=non_latin_script(full))
    if record.un_list_type in _FAMILY_FIRST_LISTS:
        return Name(full, script=non_latin_script(full), given=" ".join(parts[1:]), family=parts[0])
    return Name(
        full,
        script=non_latin_script(full),
        given=parts[0],
        middle=" ".join(parts[1:-1]) or None,
        family=parts[-1],
    )


def _add_alias(b: _Builder, alias: UnAlias) -> None:
    if not alias.name:
        b.issue("empty alias element", alias.quality)
        return
    kind, quality = _ALIAS_KIND.get(alias.quality.lower(), (NameKind.AKA, NameQuality.STRONG))
    if alias.quality.lower() not in _ALIAS_KIND:
        b.issue("unknown alias QUALITY; mapped as a strong a.k.a.", alias.quality)
    b.names.append(Name(alias.name, kind, quality, script=non_latin_script(alias.name)))
    if alias.note:
        b.notes.append(f"alias {alias.name}: {alias.note}")
        if m := _SCRIPT_NOTE.search(alias.note):
            text = clean(m.group(1))
            b.names.append(Name(text, kind, quality, script=detect_script(text)))
    if alias.date_of_birth:
        _add_date(b, parse_loose_date(alias.date_of_birth), f"alias {alias.name}")
    place = ", ".join(p for p in (alias.city_of_birth, alias.country_of_birth) if p)
    if place:
        b.birth_places.append(place)


def _add_date(b: _Builder, result: DateResult, context: str = "") -> None:
    prefix = f"date of birth ({context})" if context else "date of birth"
    if result.date is not None:
        b.birth_dates.append(result.date)
    if result.note:
        b.notes.append(f"{prefix}: {result.note}")
    if result.unparsed:
        b.add_unparsed("date of birth not understood", result.unparsed)


def _birth_date(b: _Builder, d: UnDate) -> None:
    kind = d.type_of_date.upper()
    circa = kind == "APPROXIMATELY" or "approx" in d.note.lower()
    try:
        if d.date:
            result = parse_loose_date(d.date, circa=circa)
            _add_date(b, result)
            if d.note:
                b.notes.append(f"date of birth {d.date}: {d.note}")
        elif d.from_year or d.to_year:
            start, end = int(d.from_year or d.to_year), int(d.to_year or d.from_year)
            b.birth_dates.append(FuzzyDate(start, circa=circa, until_year=end))
            if d.note and "approx" not in d.note.lower():
                b.notes.append(f"date of birth {start}..{end}: {d.note}")
        elif d.year:
            month = month_number(d.note) if d.note else None
            b.birth_dates.append(FuzzyDate(int(d.year), month, circa=circa))
            if d.note and not month:
                b.notes.append(f"date of birth {d.year}: {d.note}")
        elif d.note:
            _add_date(b, parse_loose_date(d.note, circa=circa))
    except ValueError as exc:
        fragment = " ".join(x for x in (d.date, d.year, d.from_year, d.to_year, d.note) if x)
        b.add_unparsed(f"bad date of birth: {exc}", fragment)


def _place_text(place: UnPlace) -> str:
    parts = (place.street, place.city, place.state_province, place.zip_code, place.country)
    return ", ".join(p for p in parts if p)


def _address(b: _Builder, place: UnPlace) -> Address | None:
    full = _place_text(place)
    if not full:
        if place.note:
            b.notes.append(f"address: {place.note}")
        return None
    if place.note:
        b.notes.append(f"address {full}: {place.note}")
    return Address(
        full=full,
        street=place.street or None,
        city=place.city or None,
        postal_code=place.zip_code or None,
        region=place.state_province or None,
        country=country_code(place.country, published=True),
        country_name=place.country or None,
    )


def _document_type(published: str) -> IdType:
    """IdType from the published document type ("Passport", "Italian Fiscal Code"...)."""
    text = published.lower()
    if any(w in text for w in ("passport", "pasaporte", "passeport")):
        return IdType.PASSPORT
    if "fiscal" in text or "tax" in text:
        return IdType.TAX_ID
    national = ("national id", "identity", "identification", "tazkira", "national number")
    if any(w in text for w in national) and "military" not in text and "student" not in text:
        return IdType.NATIONAL_ID
    if "social security" in text:
        return IdType.NATIONAL_ID
    return IdType.OTHER


def _document(b: _Builder, doc: UnDocument) -> Identifier | None:
    if not record_dict(doc):
        return None
    label = doc.type_of_document2 or doc.type_of_document or None
    number = doc.number
    if ":" in number and re.search(r"\d", number.rsplit(":", 1)[1]):
        head, number = (clean(x) for x in number.rsplit(":", 1))
        label = f"{label} ({head})" if label else head
    note_parts = []
    if m := _TRAILING_NOTE.match(number):  # "381110042 (Expired 25 Jan. 2016)"
        number, extra = m.group(1), m.group(2)
        note_parts.append(extra)
    # "Libya B014995", "national identification number 55252": keep the number only
    if number and _WORD.search(number) and (found := number_in_text(number)):
        note_parts.append(number)
        number = found
    type_text = doc.type_of_document2 or doc.type_of_document
    if not number:
        number = number_in_text(doc.type_of_document2) or number_in_text(doc.note) or ""
        type_text = f"{type_text} {doc.note}"
    if doc.date_of_issue:
        note_parts.append(f"issued {doc.date_of_issue}")
    if doc.city_of_issue:
        note_parts.append(f"issued in {doc.city_of_issue}")
    if doc.note:
        note_parts.append(doc.note)
    if not number:
        b.add_unparsed("document without a number", "; ".join([label or "", *note_parts]))
        return None
    country = doc.issuing_country or doc.country_of_issue
    return Identifier(
        type=_document_type(type_text),
        value=number,
        country=country_or_text(country),
        label=label,
        note="; ".join(note_parts) or None,
    )


def _relationships(
    record: UnRecord, list_name: str, targets: dict[str, tuple[str, str]]
) -> tuple[Relationship, ...]:
    edges: list[Relationship] = []
    seen = {record.reference_number}
    for sentence in _SENTENCE.split(record.comments1):
        for ref in REFERENCE.findall(sentence):
            if ref in seen:
                continue
            seen.add(ref)
            source_id, caption = targets.get(ref, ("", ref))
            target = entity_id(list_name, source_id) if source_id else None
            edges.append(Relationship(RelationKind.ASSOCIATE, caption, target, raw=sentence))
    return tuple(edges)


def map_record(
    path: Path,
    record: UnRecord,
    source_id: str,
    list_name: str,
    targets: dict[str, tuple[str, str]],
) -> tuple[Entity | None, list[ParseIssue]]:
    """One raw record → an :class:`Entity` (``None`` if it has no name at all) and its issues."""
    b = _Builder(path, record)
    primary = _primary_name(record)
    if primary is not None:
        b.names.append(primary)
    if record.name_original_script:
        text = record.name_original_script
        b.names.append(Name(text, NameKind.VARIATION, script=detect_script(text)))
    for alias in record.aliases:
        _add_alias(b, alias)
    if not b.names:
        b.issue("record has no name; skipped")
        return None, b.issues
    if primary is None:  # keep a primary name first: promote the first alias
        first = b.names[0]
        b.names[0] = Name(first.full, NameKind.PRIMARY, first.quality, first.script)
        b.issue("no FIRST_NAME; first alias used as the primary name", first.full)
    for d in record.dates_of_birth:
        _birth_date(b, d)
    for place in record.places_of_birth:
        text = _place_text(place)
        if text:
            b.birth_places.append(text)
        if place.note:
            b.notes.append(f"place of birth: {place.note}")
    addresses = [a for a in (_address(b, p) for p in record.addresses) if a is not None]
    identifiers = [i for i in (_document(b, d) for d in record.documents) if i is not None]
    identifiers += [
        Identifier(IdType.IMO, n, label="IMO number") for n in IMO_NUMBER.findall(record.comments1)
    ]
    gender = {"male": Gender.MALE, "female": Gender.FEMALE}.get(record.gender.lower())
    if record.gender and gender is None:
        b.issue("unknown GENDER", record.gender)
    raw = record_dict(record)
    raw.pop("line", None)
    entity = Entity(
        list=list_name,
        source_id=source_id,
        schema=Schema.PERSON if record.kind == "INDIVIDUAL" else Schema.ORGANIZATION,
        names=tuple(b.names),
        birth_dates=unique(b.birth_dates),
        birth_places=unique(b.birth_places),
        nationalities=unique([country_or_text(n) for n in record.nationalities]),
        countries=unique([a.country for a in addresses]),
        gender=gender,
        addresses=unique(addresses),
        identifiers=unique(identifiers),
        programs=unique([record.un_list_type]),
        listed_on=record.listed_on or None,
        remarks=record.comments1 or None,
        titles=unique([*record.titles, *record.designations]),
        relationships=_relationships(record, list_name, targets),
        notes=unique(b.notes),
        unparsed=tuple(b.unparsed),
        source_record=raw,
    )
    return entity, b.issues


def map_file(path: Path, parsed: UnFile, list_name: str) -> tuple[list[Entity], list[ParseIssue]]:
    """Map every record of a UN file; issues are collected, not raised."""
    ids, problems = assign_source_ids(parsed.records)
    targets: dict[str, tuple[str, str]] = {}
    for record, source_id in zip(parsed.records, ids, strict=True):
        if record.reference_number and record.reference_number not in targets:
            primary = _primary_name(record)
            caption = primary.full if primary else record.reference_number
            targets[record.reference_number] = (source_id, caption)
    entities: list[Entity] = []
    issues: list[ParseIssue] = []
    for record, source_id, problem in zip(parsed.records, ids, problems, strict=True):
        if problem:
            issues.append(ParseIssue(str(path), record.label, problem))
        entity, record_issues = map_record(path, record, source_id, list_name, targets)
        issues.extend(record_issues)
        if entity is not None:
            entities.append(entity)
    return entities, issues
