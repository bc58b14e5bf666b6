"""Map ConList rows (:mod:`.read`) to :class:`~clearance.model.Entity`, one per Group ID.

Rows of one group repeat the target's facts once per name (and once per date of birth or
address: the file is a cross product), so every fact is collected across the group's rows and
de-duplicated. Names: Name 1..5 given/middle, Name 6 family; Alias Type Primary name / Prime
Alias → primary, Primary name variation → variation, AKA / FKA; Alias Quality Low → weak. The
non-Latin-script name of a row becomes a name with its script and language.

Relationships: ``OFSI ID: 13635`` citations (→ that group), UN references cited in the text
(→ the group carrying that UN Ref), ``(Parent company)`` and ``(Current owners)`` (→ owner,
resolved by name later) and ``(Subsidiaries)``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

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
    RelationKind,
    Relationship,
    Schema,
    Vessel,
    entity_id,
)
from clearance.sources.base import ParseIssue, name_key
from clearance.sources.shared.dates import parse_date_text
from clearance.sources.shared.text import (
    clean,
    country_list,
    detect_script,
    language_code,
    non_latin_script,
    number_in_text,
    split_numbered,
    unique,
)
from clearance.sources.uk.other import (
    IMO,
    MMSI,
    OFSI_ID,
    cited_un_refs,
    own_un_ref,
    parse_other_information,
    split_names,
    split_values,
)
from clearance.sources.uk.read import FIELDS, UkFile, UkRow, row_values

SCHEMAS = {"individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "ship": Schema.VESSEL}
ALIAS_KINDS = {
    "primary name": NameKind.PRIMARY,
    "prime alias": NameKind.PRIMARY,
    "primary name variation": NameKind.VARIATION,
    "aka": NameKind.AKA,
    "fka": NameKind.FKA,
    "nka": NameKind.NKA,
}
_KIND_ORDER = [NameKind.PRIMARY, NameKind.VARIATION, NameKind.AKA, NameKind.NKA, NameKind.FKA]
# Published script names (with their typos) → ISO 15924, used when detection finds no letters.
SCRIPTS = {
    "cyrillic": "Cyrl",
    "cryillic": "Cyrl",
    "cyrilic": "Cyrl",
    "russian": "Cyrl",
    "arabic": "Arab",
    "persian": "Arab",
    "chinese": "Hani",
    "georgian": "Geor",
    "hebrew": "Hebr",
    "hangul": "Hang",
    "korean": "Hang",
    "thai": "Thai",
    "greek": "Grek",
    "burmese": "Mymr",
}
_TAX_LABEL = re.compile(r"\b(?:TIN|INN|tax|fiscal|VAT)\b", re.I)
_COUNTRY_PREFIX = re.compile(r"^(.+?)(?=\s+(?:number|passport|national|no\b)|[,.(]|$)", re.I)


def iso_date(text: str) -> str | None:
    """``dd/mm/yyyy`` → ``yyyy-mm-dd`` (``None`` if not a full date)."""
    try:
        date = parse_date_text(text)
    except ValueError:
        return None
    return date.iso() if date is not None and date.day is not None else None


class _Group:
    """Collects one Group ID's rows and maps them."""

    def __init__(self, path: Path, group_id: str, rows: list[UkRow]) -> None:
        self.path = path
        self.group_id = group_id
        self.rows = rows
        self.issues: list[ParseIssue] = []
        self.notes: list[str] = []
        self.unparsed: list[str] = []
        texts = unique([r.other_information for r in rows])
        self.infos = [parse_other_information(t) for t in texts]
        self.schema = self._schema()
        self.un_ref = next((ref for i in self.infos if (ref := own_un_ref(i))), None)

    def issue(self, message: str, fragment: str = "", line: int | None = None) -> None:
        where = self.group_id if line is None else f"{self.group_id} (line {line})"
        self.issues.append(ParseIssue(str(self.path), where, message, fragment))

    def _schema(self) -> Schema:
        types = unique([r.group_type.lower() for r in self.rows])
        if len(types) > 1:
            raise InputFileError(
                str(self.path),
                f"duplicated Group ID: rows of different Group Type ({', '.join(types)})",
                record=self.group_id,
            )
        schema = SCHEMAS.get(types[0]) if types else None
        if schema is None:
            self.issue("unknown Group Type; mapped as an organization", ", ".join(types))
            return Schema.ORGANIZATION
        return schema

    def fields(self, key: str) -> list[str]:
        """Values of a keyed "Other Information" field across the group's texts."""
        return [v for info in self.infos for v in info.fields.get(key, ())]

    # --- names -------------------------------------------------------------------------------

    def names(self) -> list[Name]:
        names: list[Name] = []
        seen: set[tuple[str, ...]] = set()
        for row in self.rows:
            key = (
                row.name1, row.name2, row.name3, row.name4, row.name5, row.name6,
                row.alias_type, row.alias_quality, row.non_latin_name, row.non_latin_language,
            )  # fmt: skip
            if key in seen:  # rows repeat each name once per DOB / address
                continue
            seen.add(key)
            kind = ALIAS_KINDS.get(row.alias_type.lower())
            if kind is None:
                self.issue("unknown Alias Type; mapped as a.k.a.", row.alias_type, row.line)
                kind = NameKind.AKA
            quality = NameQuality.WEAK if "low" in row.alias_quality.lower() else NameQuality.STRONG
            if name := self._row_name(row, kind, quality):
                names.append(name)
            if row.non_latin_name:
                text = row.non_latin_name
                script = detect_script(text) or SCRIPTS.get(row.non_latin_type.lower())
                latin_kind = NameKind.VARIATION if kind is NameKind.PRIMARY else kind
                lang = language_code(row.non_latin_language)
                names.append(Name(text, latin_kind, quality, script=script, lang=lang))
        names = list(unique(names))
        names.sort(key=lambda n: _KIND_ORDER.index(n.kind))
        if names and names[0].kind is not NameKind.PRIMARY:
            self.issue("no primary name; the first name is used as the caption", names[0].full)
        return names

    def _row_name(self, row: UkRow, kind: NameKind, quality: NameQuality) -> Name | None:
        given = [p for p in (row.name1, row.name2, row.name3, row.name4, row.name5) if p]
        full = " ".join([*given, row.name6] if row.name6 else given)
        if not full:
            self.issue("row without a name", line=row.line)
            return None
        script = non_latin_script(full)
        if self.schema is not Schema.PERSON or not given or not row.name6:
            return Name(full, kind, quality, script=script)
        return Name(
            full,
            kind,
            quality,
            script=script,
            given=given[0],
            middle=" ".join(given[1:]) or None,
            family=row.name6,
        )

    # --- facts -------------------------------------------------------------------------------

    def birth_dates(self) -> list[FuzzyDate]:
        dates: list[FuzzyDate] = []
        for text in unique([r.dob for r in self.rows]):
            try:
                date = parse_date_text(text)
            except ValueError as exc:
                date = None
                self.issue(f"bad DOB: {exc}", text)
            else:
                if date is None:
                    self.issue("DOB not understood", text)
            if date is None:
                self.unparsed.append(f"DOB {text}")
            else:
                dates.append(date)
        return dates

    def birth_places(self) -> list[str]:
        places: list[str] = []
        for town, country in unique([(r.town_of_birth, r.country_of_birth) for r in self.rows]):
            towns = split_numbered(town)
            countries = split_numbered(country)
            if len(towns) == len(countries):
                places += [f"{t}, {c}" for t, c in zip(towns, countries, strict=True)]
            else:
                places += towns + countries
        return places

    def addresses(self) -> list[Address]:
        out: list[Address] = []
        for row in self.unique_rows(
            "address1", "address2", "address3", "address4", "address5", "address6", "post_code",
            "country",
        ):  # fmt: skip
            lines = [row.address1, row.address2, row.address3, row.address4, row.address5]
            lines = [x for x in lines if x]
            parts = [*lines, row.address6, row.post_code, row.country]
            full = ", ".join(p for p in parts if p)
            if not full:
                continue
            out.append(
                Address(
                    full=full,
                    street=", ".join(lines) or None,
                    city=row.address6 or None,
                    postal_code=row.post_code or None,
                    country=country_code(row.country, published=True),
                    country_name=row.country or None,
                )
            )
        return out

    def documents(
        self, id_type: IdType, numbers: str, details: str, label: str
    ) -> list[Identifier]:
        """Identifiers from a number column and its details column ("(1) X (2) Y" paired)."""
        nums, notes = split_numbered(numbers), split_numbered(details)
        if not nums:  # legacy CSV: the number is inside the details text
            out: list[Identifier] = []
            for item in notes:
                if number := legacy_number(item):
                    out.append(Identifier(id_type, number, _country_in(item), label, item))
                else:
                    self.unparsed.append(f"{label}: {item}")
                    self.issue(f"{label} without a number", item)
            return out
        paired = len(notes) == len(nums)
        out = []
        for index, number in enumerate(nums):
            note = notes[index] if paired else clean(details) or None
            country = _country_in(note) if paired and note else None
            out.append(Identifier(id_type, number, country, label, note))
        return out

    def identifiers(self) -> list[Identifier]:
        ids: list[Identifier] = []
        for number, details in unique([(r.passport_number, r.passport_details) for r in self.rows]):
            ids += self.documents(IdType.PASSPORT, number, details, "Passport")
        for number, details in unique(
            [(r.national_id_number, r.national_id_details) for r in self.rows]
        ):
            ids += self.documents(
                IdType.NATIONAL_ID, number, details, "National Identification Number"
            )
        if self.un_ref:
            ids.append(Identifier(IdType.OTHER, self.un_ref, label="UN Ref"))
            self.notes.append(f"UN Ref {self.un_ref}")
        for ref in self.fields("UK Sanctions List Ref"):
            value = ref.split()[0].rstrip(".")
            ids.append(Identifier(IdType.OTHER, value, label="UK Sanctions List Ref"))
        for key, id_type in (
            ("Phone number", IdType.PHONE),
            ("Tel", IdType.PHONE),
            ("Fax", IdType.PHONE),
            ("Email address", IdType.EMAIL),
            ("Website", IdType.WEBSITE),
        ):
            for value in self.fields(key):
                ids += [Identifier(id_type, v, label=key) for v in split_values(value)]
        for value in self.fields("Business Reg No"):
            for item in split_numbered(value):
                label, _, number = item.rpartition(":") if ":" in item else item.rpartition(" - ")
                id_type = IdType.TAX_ID if _TAX_LABEL.search(label) else IdType.REGISTRATION_NUMBER
                ids.append(
                    Identifier(id_type, clean(number), label=clean(label) or "Business Reg No")
                )
        for info in self.infos:
            ids += [Identifier(IdType.IMO, n, label="IMO number") for n in IMO.findall(info.text)]
            ids += [Identifier(IdType.MMSI, n, label="MMSI") for n in MMSI.findall(info.text)]
        return ids

    def flag_countries(self) -> list[str | None]:
        return [country_code(v, published=True) for v in self.fields("Flag of ship")]

    def vessel(self) -> Vessel | None:
        if self.schema is not Schema.VESSEL:
            return None
        first = {k: next(iter(self.fields(k)), None) for k in ("Flag of ship", "Type of ship")}
        return Vessel(
            flag=first["Flag of ship"],
            vessel_type=first["Type of ship"],
            tonnage=next(iter(self.fields("Tonnage of ship")), None),
            owner=next(iter(self.fields("Current owners")), None),
            build_year=next(iter(self.fields("Year built")), None),
        )

    def relationships(
        self, list_name: str, captions: dict[str, str], by_un_ref: dict[str, str]
    ) -> list[Relationship]:
        edges: dict[str, Relationship] = {}  # one edge per target (the first, most specific)

        def add(kind: RelationKind, name: str, gid: str | None, raw: str) -> None:
            if gid == self.group_id:
                return
            target = entity_id(list_name, gid) if gid else None
            keys = {target} if target else set()
            keys.add(name_key(name))
            if gid:
                keys.add(name_key(captions.get(gid, "")))
            if not keys & edges.keys():
                edge = Relationship(kind, name, target, raw)
                edges.update(dict.fromkeys(keys, edge))

        for info in self.infos:
            for m in OFSI_ID.finditer(info.text):
                gid = m.group(1)
                before = info.text[max(0, m.start() - 120) : m.start()].lower()
                kind = RelationKind.OWNER if "asset of" in before else RelationKind.ASSOCIATE
                raw = info.text[max(0, m.start() - 120) : m.end()].strip()
                if gid in captions:
                    add(kind, captions[gid], gid, raw)
                else:
                    add(kind, f"OFSI ID {gid}", None, raw)
            for ref in cited_un_refs(info.text):
                if ref != self.un_ref and (gid := by_un_ref.get(ref)):
                    add(RelationKind.ASSOCIATE, captions[gid], gid, f"cites UN Ref {ref}")
        for key, kind in (
            ("Parent company", RelationKind.OWNER),
            ("Current owners", RelationKind.OWNER),
            ("Subsidiaries", RelationKind.ASSOCIATE),
        ):
            for value in self.fields(key):
                for name in split_names(value):
                    add(kind, name, None, f"{key}: {value}")
        return list(unique(list(edges.values())))

    def unique_rows(self, *names: str) -> list[UkRow]:
        """The first row of each distinct combination of the fields ``names``."""
        firsts: dict[tuple[str, ...], UkRow] = {}
        for row in self.rows:
            firsts.setdefault(tuple(getattr(row, n) for n in names), row)
        return list(firsts.values())

    def source_record(self) -> dict[str, Any]:
        """All rows, losslessly: the fields every row shares once, then what varies per row."""
        tuples = [row_values(r) for r in self.rows]
        first = tuples[0]
        same = [all(t[i] == first[i] for t in tuples) for i in range(len(FIELDS))]
        common = {f: first[i] for i, f in enumerate(FIELDS) if same[i] and first[i] and f != "line"}
        varying = [
            {f: t[i] for i, f in enumerate(FIELDS) if (f == "line" or not same[i]) and t[i]}
            for t in tuples
        ]
        return {"group_id": self.group_id, "common": common, "rows": varying}

    def entity(
        self, list_name: str, captions: dict[str, str], by_un_ref: dict[str, str]
    ) -> Entity | None:
        names = self.names()
        if not names:
            self.issue("group without any name; skipped")
            return None
        identifiers = self.identifiers()
        addresses = self.addresses()
        gender_text = (self.fields("Gender") or [""])[0].lower()
        gender = {"male": Gender.MALE, "female": Gender.FEMALE}.get(gender_text)
        listed = sorted(d for t in unique([r.listed_on for r in self.rows]) if (d := iso_date(t)))
        for key in ("Type of entity", "Length of ship", "Previous flags"):
            self.notes += [f"{key}: {v}" for v in self.fields(key)]
        texts = unique([x for r in self.rows for x in (r.title, r.position)])
        titles = [t for text in texts for t in split_numbered(text)]
        return Entity(
            list=list_name,
            source_id=self.group_id,
            schema=self.schema,
            names=tuple(names),
            birth_dates=unique(self.birth_dates()),
            birth_places=unique(self.birth_places()),
            nationalities=unique(
                [
                    c
                    for text in unique([r.nationality for r in self.rows])
                    for c in country_list(text)
                ]
            ),
            countries=unique([a.country for a in addresses] + self.flag_countries()),
            gender=gender,
            addresses=unique(addresses),
            identifiers=unique(identifiers),
            programs=unique([r.regime for r in self.rows]),
            listed_on=listed[0] if listed else None,
            remarks="\n".join(i.text for i in self.infos) or None,
            titles=unique(titles),
            relationships=tuple(self.relationships(list_name, captions, by_un_ref)),
            vessel=self.vessel(),
            notes=unique(self.notes),
            unparsed=unique(self.unparsed),
            source_record=self.source_record(),
        )


_TOKEN = r"(?:[A-Z]*\d[\dA-Z/.-]*|[A-Z]{1,3}\s\d[\dA-Z/.-]*)(?:\s\d[\dA-Z/.-]*)*"
_KEYED = re.compile(r"\b(?:no|number|code)\b\.?\s*:?\s*(" + _TOKEN + ")", re.I)
_LEADING = re.compile(r"^(" + _TOKEN + ")")


def legacy_number(item: str) -> str | None:
    """The number in a legacy-CSV passport / NI text ("Passport No: 592667 (Qatari ...)")."""
    match = _KEYED.search(item) or _LEADING.match(item)
    if match:
        return match.group(1).rstrip(".")
    return number_in_text(item)


def _country_in(text: str | None) -> str | None:
    """The country a document's details start with ("India number, issued ..." → IN)."""
    if not text:
        return None
    m = _COUNTRY_PREFIX.match(text)
    return country_code(m.group(1), published=True) if m else None


def map_file(path: Path, parsed: UkFile, list_name: str) -> tuple[list[Entity], list[ParseIssue]]:
    """Group rows by Group ID (file order of first appearance) and map each group."""
    grouped: dict[str, list[UkRow]] = defaultdict(list)
    issues: list[ParseIssue] = []
    for row in parsed.rows:
        if not row.group_id:
            issues.append(ParseIssue(str(path), f"line {row.line}", "row without a Group ID"))
            continue
        grouped[row.group_id].append(row)
    groups = [_Group(path, gid, rows) for gid, rows in grouped.items()]
    captions: dict[str, str] = {}
    by_un_ref: dict[str, str] = {}
    for group in groups:
        primary = [
            r for r in group.rows if ALIAS_KINDS.get(r.alias_type.lower()) is NameKind.PRIMARY
        ]
        row = (primary or group.rows)[0]
        parts = [row.name1, row.name2, row.name3, row.name4, row.name5, row.name6]
        captions[group.group_id] = " ".join(p for p in parts if p) or group.group_id
        if group.un_ref:
            by_un_ref.setdefault(group.un_ref, group.group_id)
    entities: list[Entity] = []
    for group in groups:
        entity = group.entity(list_name, captions, by_un_ref)
        issues += group.issues
        if entity is not None:
            entities.append(entity)
    return entities, issues
