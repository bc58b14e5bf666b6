"""Read the UN Security Council consolidated list XML into raw typed records.

The file (``CONSOLIDATED_LIST``, served as ``scsanctions.un.org/resources/xml/en/consolidated.xml``)
holds ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY`` records. Values are kept as published
(whitespace collapsed); mapping to :class:`~clearance.model.Entity` is in :mod:`.map`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from clearance.errors import InputFileError
from clearance.sources.shared.safexml import check_nonempty, iter_records
from clearance.sources.shared.text import clean

ROOT_TAG = "CONSOLIDATED_LIST"


@dataclass(frozen=True, slots=True)
class UnAlias:
    """``INDIVIDUAL_ALIAS`` / ``ENTITY_ALIAS``: QUALITY is Good/Low or a.k.a./f.k.a."""

    quality: str
    name: str
    note: str = ""
    date_of_birth: str = ""
    city_of_birth: str = ""
    country_of_birth: str = ""


@dataclass(frozen=True, slots=True)
class UnPlace:
    """An address or place of birth."""

    street: str = ""
    city: str = ""
    state_province: str = ""
    zip_code: str = ""
    country: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class UnDate:
    """``INDIVIDUAL_DATE_OF_BIRTH``: TYPE_OF_DATE EXACT / APPROXIMATELY / BETWEEN."""

    type_of_date: str = ""
    date: str = ""
    year: str = ""
    from_year: str = ""
    to_year: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class UnDocument:
    """``INDIVIDUAL_DOCUMENT``: passports, national IDs and other papers."""

    type_of_document: str = ""
    type_of_document2: str = ""
    number: str = ""
    issuing_country: str = ""
    country_of_issue: str = ""
    date_of_issue: str = ""
    city_of_issue: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class UnRecord:
    """One INDIVIDUAL or ENTITY record as published."""

    kind: str  # "INDIVIDUAL" or "ENTITY"
    line: int  # line of the record in the file, for error messages
    dataid: str
    versionnum: str
    reference_number: str
    first_name: str
    second_name: str
    third_name: str
    fourth_name: str
    name_original_script: str
    un_list_type: str
    listed_on: str
    gender: str
    comments1: str
    titles: tuple[str, ...]
    designations: tuple[str, ...]
    nationalities: tuple[str, ...]
    list_types: tuple[str, ...]
    last_day_updated: tuple[str, ...]
    aliases: tuple[UnAlias, ...]
    addresses: tuple[UnPlace, ...]
    dates_of_birth: tuple[UnDate, ...]
    places_of_birth: tuple[UnPlace, ...]
    documents: tuple[UnDocument, ...]

    @property
    def label(self) -> str:
        """How error messages name the record."""
        if self.reference_number:
            return self.reference_number
        return f"DATAID {self.dataid}" if self.dataid else f"line {self.line}"


@dataclass(frozen=True, slots=True)
class UnFile:
    """The whole file: generation timestamp and records in file order."""

    date_generated: str
    records: list[UnRecord]


def _text(element: etree._Element, tag: str) -> str:
    return clean(element.findtext(tag))


def _values(element: etree._Element, tag: str) -> tuple[str, ...]:
    values = (clean(v.text) for v in element.iterfind(f"{tag}/VALUE"))
    return tuple(v for v in values if v)


def _place(element: etree._Element) -> UnPlace:
    return UnPlace(
        street=_text(element, "STREET"),
        city=_text(element, "CITY"),
        state_province=_text(element, "STATE_PROVINCE"),
        zip_code=_text(element, "ZIP_CODE"),
        country=_text(element, "COUNTRY"),
        note=_text(element, "NOTE"),
    )


def _record(element: etree._Element, kind: str) -> UnRecord:
    prefix = kind  # INDIVIDUAL_ALIAS / ENTITY_ALIAS, INDIVIDUAL_ADDRESS / ENTITY_ADDRESS
    aliases = tuple(
        UnAlias(
            quality=_text(a, "QUALITY"),
            name=_text(a, "ALIAS_NAME"),
            note=_text(a, "NOTE"),
            date_of_birth=_text(a, "DATE_OF_BIRTH"),
            city_of_birth=_text(a, "CITY_OF_BIRTH"),
            country_of_birth=_text(a, "COUNTRY_OF_BIRTH"),
        )
        for a in element.iterfind(f"{prefix}_ALIAS")
    )
    dates = tuple(
        UnDate(
            type_of_date=_text(d, "TYPE_OF_DATE"),
            date=_text(d, "DATE"),
            year=_text(d, "YEAR"),
            from_year=_text(d, "FROM_YEAR"),
            to_year=_text(d, "TO_YEAR"),
            note=_text(d, "NOTE"),
        )
        for d in element.iterfind("INDIVIDUAL_DATE_OF_BIRTH")
    )
    documents = tuple(
        UnDocument(
            type_of_document=_text(d, "TYPE_OF_DOCUMENT"),
            type_of_document2=_text(d, "TYPE_OF_DOCUMENT2"),
            number=_text(d, "NUMBER"),
            issuing_country=_text(d, "ISSUING_COUNTRY"),
            country_of_issue=_text(d, "COUNTRY_OF_ISSUE"),
            date_of_issue=_text(d, "DATE_OF_ISSUE"),
            city_of_issue=_text(d, "CITY_OF_ISSUE"),
            note=_text(d, "NOTE"),
        )
        for d in element.iterfind("INDIVIDUAL_DOCUMENT")
    )
    return UnRecord(
        kind=kind,
        line=int(getattr(element, "sourceline", 0) or 0),
        dataid=_text(element, "DATAID"),
        versionnum=_text(element, "VERSIONNUM"),
        reference_number=_text(element, "REFERENCE_NUMBER"),
        first_name=_text(element, "FIRST_NAME"),
        second_name=_text(element, "SECOND_NAME"),
        third_name=_text(element, "THIRD_NAME"),
        fourth_name=_text(element, "FOURTH_NAME"),
        name_original_script=_text(element, "NAME_ORIGINAL_SCRIPT"),
        un_list_type=_text(element, "UN_LIST_TYPE"),
        listed_on=_text(element, "LISTED_ON"),
        gender=_text(element, "GENDER"),
        comments1=_text(element, "COMMENTS1"),
        titles=_values(element, "TITLE"),
        designations=_values(element, "DESIGNATION"),
        nationalities=_values(element, "NATIONALITY"),
        list_types=_values(element, "LIST_TYPE"),
        last_day_updated=_values(element, "LAST_DAY_UPDATED"),
        aliases=aliases,
        addresses=tuple(_place(a) for a in element.iterfind(f"{prefix}_ADDRESS")),
        dates_of_birth=dates,
        places_of_birth=tuple(_place(p) for p in element.iterfind("INDIVIDUAL_PLACE_OF_BIRTH")),
        documents=documents,
    )


def read_un(path: Path) -> UnFile:
    """Stream the consolidated XML; raise :class:`InputFileError` if it is not that file.

    Only ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY`` records are kept (one at a time,
    until mapped to a raw record); anything else the file holds is dropped as it is parsed."""
    roots: list[str] = []

    def check_root(root: etree._Element) -> None:
        if root.tag != ROOT_TAG:
            raise InputFileError(str(path), f"root element is <{root.tag}>, expected <{ROOT_TAG}>")
        roots.append(clean(root.get("dateGenerated")))

    individuals: list[UnRecord] = []
    entities: list[UnRecord] = []
    check_nonempty(path)
    with path.open("rb") as handle:
        for _, element in iter_records(path, _RECORDS, handle, on_root=check_root):
            parent = element.getparent()
            container = parent.tag if parent is not None else ""
            if element.tag == "INDIVIDUAL" and container == "INDIVIDUALS":
                individuals.append(_record(element, "INDIVIDUAL"))
            elif element.tag == "ENTITY" and container == "ENTITIES":
                entities.append(_record(element, "ENTITY"))
    if not roots:
        raise InputFileError(str(path), "no XML element found: not an XML file")
    return UnFile(date_generated=roots[0], records=individuals + entities)


_RECORDS = frozenset({"INDIVIDUAL", "ENTITY"})
