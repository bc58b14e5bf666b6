"""The shared entity model: one shape for every sanctions list.

Every reader (OFAC, UN, UK, EU, custom) maps its raw records to :class:`Entity`. The model is
plain frozen dataclasses, so it is cheap to build, hashable where useful, and serialisable with
:mod:`clearance.model.codec`. It imports nothing but the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


def _reduce(self: Any) -> tuple[Any, tuple[Any, ...]]:
    """Pickle as a constructor call (several times faster than the dataclass default for
    frozen slotted classes): lists travel between processes when they are loaded in parallel."""
    return (type(self), tuple(getattr(self, name) for name in self.__slots__))


class Schema(StrEnum):
    """What kind of party an entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"


class NameKind(StrEnum):
    """The role a name plays for its entity."""

    PRIMARY = "primary"  # the listed name
    AKA = "aka"  # also known as
    FKA = "fka"  # formerly known as
    NKA = "nka"  # now known as
    VARIATION = (
        "variation"  # a spelling variation of the primary name (UK "Primary name variation")
    )


class NameQuality(StrEnum):
    """Published alias quality. OFAC FAQ 122: weak a.k.a.s need not be screened alone."""

    STRONG = "strong"
    WEAK = "weak"


class IdType(StrEnum):
    """Typed identifiers. Values are stable: they go into snapshots and API responses."""

    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    TAX_ID = "tax_id"
    REGISTRATION_NUMBER = "registration_number"
    IMO = "imo"
    MMSI = "mmsi"
    CALL_SIGN = "call_sign"
    SWIFT_BIC = "swift_bic"
    EMAIL = "email"
    WEBSITE = "website"
    PHONE = "phone"
    DIGITAL_CURRENCY = "digital_currency"
    AIRCRAFT_SERIAL = "aircraft_serial"
    AIRCRAFT_TAIL = "aircraft_tail"
    LEI = "lei"
    OTHER = "other"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class RelationKind(StrEnum):
    """Kinds of edges between entities."""

    LINKED_TO = "linked_to"  # OFAC "Linked To:" (direction: listing -> linked party)
    OWNER = "owner"  # target owns the subject (vessel owner, shareholder)
    OPERATOR = "operator"  # target operates the subject (vessel / aircraft operator)
    ASSOCIATE = "associate"  # UN / UK "associated with"
    FAMILY = "family"


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A full or partial date, optionally approximate or a year range.

    ``1966-05-07`` is full; ``1966-05`` and ``1966`` are partial; ``circa`` marks OFAC's
    "circa"/UN's "APPROXIMATELY"; ``until_year`` closes a range such as "1958 to 1960".
    """

    __reduce__ = _reduce

    year: int
    month: int | None = None
    day: int | None = None
    circa: bool = False
    until_year: int | None = None

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 2999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and (self.month is None or not 1 <= self.day <= 31):
            raise ValueError(f"day out of range: {self.day}")
        if self.until_year is not None and self.until_year < self.year:
            raise ValueError(f"range ends before it starts: {self.year}..{self.until_year}")

    def iso(self) -> str:
        """ISO-8601 text at the precision published: ``1966``, ``1966-05`` or ``1966-05-07``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        text = self.iso()
        if self.until_year is not None:
            text += f"..{self.until_year:04d}"
        if self.circa:
            text = "~" + text
        return text

    def years(self) -> range:
        """Every year this date could be (a range covers several)."""
        end = self.until_year if self.until_year is not None else self.year
        return range(self.year, end + 1)

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse the canonical text form produced by :meth:`__str__` (also plain ISO dates)."""
        raw = text.strip()
        circa = raw.startswith("~")
        raw = raw.lstrip("~")
        until: int | None = None
        if ".." in raw:
            raw, _, end = raw.partition("..")
            until = int(end)
        parts = raw.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not a date: {text!r}")
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
        return cls(year, month, day, circa=circa, until_year=until)


@dataclass(frozen=True, slots=True)
class Name:
    """One name of an entity, as published.

    ``script`` is the ISO 15924 code of the writing system when it is not Latin (``Cyrl``,
    ``Arab``, ``Hani``…) or when the source says so; ``lang`` is the language if published.
    ``given``/``middle``/``family`` are filled when the source publishes name parts.
    """

    __reduce__ = _reduce

    full: str
    kind: NameKind = NameKind.PRIMARY
    quality: NameQuality = NameQuality.STRONG
    script: str | None = None
    lang: str | None = None
    given: str | None = None
    middle: str | None = None
    family: str | None = None

    @property
    def weak(self) -> bool:
        return self.quality is NameQuality.WEAK


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address; structured parts when the list publishes them, ``full`` always."""

    __reduce__ = _reduce

    full: str
    street: str | None = None
    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 where known
    country_name: str | None = None  # as published


@dataclass(frozen=True, slots=True)
class Identifier:
    """A typed identifier such as a passport number, IMO number or tax ID."""

    __reduce__ = _reduce

    type: IdType
    value: str
    country: str | None = None  # ISO alpha-2 of the issuer where known
    label: str | None = None  # the published label, e.g. "Registration Number", "Kennitala"
    note: str | None = None  # issue/expiry dates and other qualifiers as published


@dataclass(frozen=True, slots=True)
class Relationship:
    """An edge from this entity to another one.

    ``target_id`` is the resolved entity id when the target is on a loaded list; ``target_name``
    and ``raw`` keep what the source wrote so that unresolved edges lose nothing.
    """

    __reduce__ = _reduce

    kind: RelationKind
    target_name: str
    target_id: str | None = None
    raw: str | None = None
    share: float | None = None  # ownership percentage where published (for the 50 percent rule)


@dataclass(frozen=True, slots=True)
class Vessel:
    """Vessel / aircraft particulars published with the listing."""

    __reduce__ = _reduce

    flag: str | None = None
    vessel_type: str | None = None
    tonnage: str | None = None
    gross_tonnage: str | None = None
    owner: str | None = None
    build_year: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A listed party. ``id`` is stable across snapshots: ``<list>-<source_id>``."""

    __reduce__ = _reduce

    list: str
    source_id: str
    schema: Schema
    names: tuple[Name, ...]
    birth_dates: tuple[FuzzyDate, ...] = ()
    birth_places: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()  # ISO alpha-2 where known, else as published
    citizenships: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # other country links (residence, jurisdiction)
    gender: Gender | None = None
    addresses: tuple[Address, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    listed_on: str | None = None  # ISO date of designation where published
    remarks: str | None = None
    titles: tuple[str, ...] = ()  # titles, positions and designations as published
    relationships: tuple[Relationship, ...] = ()
    vessel: Vessel | None = None
    notes: tuple[str, ...] = ()  # structured notes, e.g. OFAC secondary sanctions statements
    unparsed: tuple[str, ...] = ()  # remark fragments no parser understood (kept, counted)
    source_record: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.list or not self.source_id:
            raise ValueError("an entity needs a list and a source id")
        if not self.names:
            raise ValueError(f"entity {self.list}-{self.source_id} has no name")

    @property
    def id(self) -> str:
        return entity_id(self.list, self.source_id)

    @property
    def caption(self) -> str:
        """The primary name (the first name published)."""
        for name in self.names:
            if name.kind is NameKind.PRIMARY:
                return name.full
        return self.names[0].full

    @property
    def aliases(self) -> tuple[Name, ...]:
        primary = self.caption
        return tuple(n for n in self.names if n.full != primary or n.kind is not NameKind.PRIMARY)


def entity_id(list_name: str, source_id: str) -> str:
    """The stable id of an entity: ``ofac-sdn-41736``, ``un-KPi.033``, ``uk-16067``."""
    return f"{list_name}-{source_id}"
