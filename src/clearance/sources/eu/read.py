"""Read the EU consolidated financial sanctions list (FSF) XML into raw typed records.

Format ``xmlFullSanctionsList_1_1``: root ``export`` (namespace
``http://eu.europa.ec/fpi/fsd/export``, attribute ``generationDate``) holding
``sanctionEntity`` elements whose facts are attributes of child elements (``nameAlias``,
``citizenship``, ``birthdate``, ``identification``, ``address``, ``regulation``...). The real
file is 20-25 MB, so it is streamed element by element. Elements are matched by local name, so
a namespace change does not break the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from clearance.errors import InputFileError
from clearance.sources.shared.safexml import iter_elements, local
from clearance.sources.shared.text import clean

NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
ROOT_TAG = "export"


@dataclass(frozen=True, slots=True)
class EuRegulation:
    programme: str = ""
    regulation_type: str = ""
    organisation_type: str = ""
    number_title: str = ""
    publication_date: str = ""
    entry_into_force_date: str = ""
    publication_url: str = ""


@dataclass(frozen=True, slots=True)
class EuName:
    whole_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    function: str = ""
    title: str = ""
    gender: str = ""
    name_language: str = ""
    strong: str = ""
    logical_id: str = ""
    remark: str = ""


@dataclass(frozen=True, slots=True)
class EuCitizenship:
    country_iso2: str = ""
    country_description: str = ""
    region: str = ""
    remark: str = ""


@dataclass(frozen=True, slots=True)
class EuBirthdate:
    birthdate: str = ""
    year: str = ""
    month: str = ""
    day: str = ""
    year_range_from: str = ""
    year_range_to: str = ""
    circa: str = ""
    calendar_type: str = ""
    city: str = ""
    zip_code: str = ""
    region: str = ""
    place: str = ""
    country_iso2: str = ""
    country_description: str = ""
    remark: str = ""


@dataclass(frozen=True, slots=True)
class EuIdentification:
    type_code: str = ""
    type_description: str = ""
    number: str = ""
    latin_number: str = ""
    country_iso2: str = ""
    country_description: str = ""
    issued_by: str = ""
    issue_date: str = ""
    name_on_document: str = ""
    diplomatic: str = ""
    known_expired: str = ""
    known_false: str = ""
    reported_lost: str = ""
    revoked_by_issuer: str = ""
    remark: str = ""


@dataclass(frozen=True, slots=True)
class EuAddress:
    street: str = ""
    po_box: str = ""
    city: str = ""
    zip_code: str = ""
    region: str = ""
    place: str = ""
    country_iso2: str = ""
    country_description: str = ""
    remark: str = ""
    contacts: tuple[tuple[str, str], ...] = ()  # contactInfo (key, value): PHONE, EMAIL, WEB...


@dataclass(frozen=True, slots=True)
class EuRecord:
    """One ``sanctionEntity`` as published."""

    line: int
    logical_id: str
    eu_reference_number: str
    united_nation_id: str
    designation_date: str
    designation_details: str
    subject_type: str  # subjectType/@code: person, enterprise
    subject_classification: str  # subjectType/@classificationCode: P, E
    remarks: tuple[str, ...]
    regulations: tuple[EuRegulation, ...]
    names: tuple[EuName, ...]
    citizenships: tuple[EuCitizenship, ...]
    birthdates: tuple[EuBirthdate, ...]
    identifications: tuple[EuIdentification, ...]
    addresses: tuple[EuAddress, ...]

    @property
    def label(self) -> str:
        return self.logical_id or self.eu_reference_number or f"line {self.line}"


@dataclass(frozen=True, slots=True)
class EuFile:
    generation_date: str
    records: list[EuRecord]


def _a(element: etree._Element, name: str) -> str:
    return clean(element.get(name))


def _remark(element: etree._Element) -> str:
    return "; ".join(clean(c.text) for c in element if local(c) == "remark" and clean(c.text))


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str) and local(c) == name]


def _regulation(e: etree._Element) -> EuRegulation:
    url = next((clean(c.text) for c in _children(e, "publicationUrl")), "")
    return EuRegulation(
        programme=_a(e, "programme"),
        regulation_type=_a(e, "regulationType"),
        organisation_type=_a(e, "organisationType"),
        number_title=_a(e, "numberTitle"),
        publication_date=_a(e, "publicationDate"),
        entry_into_force_date=_a(e, "entryIntoForceDate"),
        publication_url=url or _a(e, "publicationUrl"),
    )


def _name(e: etree._Element) -> EuName:
    return EuName(
        whole_name=_a(e, "wholeName"),
        first_name=_a(e, "firstName"),
        middle_name=_a(e, "middleName"),
        last_name=_a(e, "lastName"),
        function=_a(e, "function"),
        title=_a(e, "title"),
        gender=_a(e, "gender"),
        name_language=_a(e, "nameLanguage"),
        strong=_a(e, "strong"),
        logical_id=_a(e, "logicalId"),
        remark=_remark(e),
    )


def _birthdate(e: etree._Element) -> EuBirthdate:
    return EuBirthdate(
        birthdate=_a(e, "birthdate"),
        year=_a(e, "year"),
        month=_a(e, "monthOfYear") or _a(e, "month"),
        day=_a(e, "dayOfMonth") or _a(e, "day"),
        year_range_from=_a(e, "yearRangeFrom"),
        year_range_to=_a(e, "yearRangeTo"),
        circa=_a(e, "circa"),
        calendar_type=_a(e, "calendarType"),
        city=_a(e, "city"),
        zip_code=_a(e, "zipCode"),
        region=_a(e, "region"),
        place=_a(e, "place"),
        country_iso2=_a(e, "countryIso2Code"),
        country_description=_a(e, "countryDescription"),
        remark=_remark(e),
    )


def _identification(e: etree._Element) -> EuIdentification:
    return EuIdentification(
        type_code=_a(e, "identificationTypeCode"),
        type_description=_a(e, "identificationTypeDescription"),
        number=_a(e, "number"),
        latin_number=_a(e, "latinNumber"),
        country_iso2=_a(e, "countryIso2Code"),
        country_description=_a(e, "countryDescription"),
        issued_by=_a(e, "issuedBy"),
        issue_date=_a(e, "issueDate"),
        name_on_document=_a(e, "nameOnDocument"),
        diplomatic=_a(e, "diplomatic"),
        known_expired=_a(e, "knownExpired"),
        known_false=_a(e, "knownFalse"),
        reported_lost=_a(e, "reportedLost"),
        revoked_by_issuer=_a(e, "revokedByIssuer"),
        remark=_remark(e),
    )


def _address(e: etree._Element) -> EuAddress:
    contacts = tuple((_a(c, "key"), _a(c, "value")) for c in _children(e, "contactInfo"))
    return EuAddress(
        street=_a(e, "street"),
        po_box=_a(e, "poBox"),
        city=_a(e, "city"),
        zip_code=_a(e, "zipCode"),
        region=_a(e, "region"),
        place=_a(e, "place"),
        country_iso2=_a(e, "countryIso2Code"),
        country_description=_a(e, "countryDescription"),
        remark=_remark(e),
        contacts=contacts,
    )


def _record(e: etree._Element) -> EuRecord:
    subject = next(iter(_children(e, "subjectType")), None)
    return EuRecord(
        line=int(getattr(e, "sourceline", 0) or 0),
        logical_id=_a(e, "logicalId"),
        eu_reference_number=_a(e, "euReferenceNumber"),
        united_nation_id=_a(e, "unitedNationId"),
        designation_date=_a(e, "designationDate"),
        designation_details=_a(e, "designationDetails"),
        subject_type=_a(subject, "code") if subject is not None else "",
        subject_classification=_a(subject, "classificationCode") if subject is not None else "",
        remarks=tuple(clean(c.text) for c in _children(e, "remark") if clean(c.text)),
        regulations=tuple(_regulation(c) for c in _children(e, "regulation")),
        names=tuple(_name(c) for c in _children(e, "nameAlias")),
        citizenships=tuple(
            EuCitizenship(
                _a(c, "countryIso2Code"), _a(c, "countryDescription"), _a(c, "region"), _remark(c)
            )
            for c in _children(e, "citizenship")
        ),
        birthdates=tuple(_birthdate(c) for c in _children(e, "birthdate")),
        identifications=tuple(_identification(c) for c in _children(e, "identification")),
        addresses=tuple(_address(c) for c in _children(e, "address")),
    )


def read_eu(path: Path) -> EuFile:
    """Stream every ``sanctionEntity``; raise :class:`InputFileError` if it is not that file."""
    records: list[EuRecord] = []
    generation_date = ""
    root_checked = False
    for root, element in iter_elements(path, "sanctionEntity"):
        if not root_checked:
            if local(root) != ROOT_TAG:
                raise InputFileError(
                    str(path), f"root element is <{local(root)}>, expected <{ROOT_TAG}>"
                )
            generation_date = _a(root, "generationDate")
            root_checked = True
        records.append(_record(element))
    if not records:
        raise InputFileError(str(path), "no <sanctionEntity> records found (not an EU FSF file?)")
    return EuFile(generation_date=generation_date, records=records)
