"""Map raw OFAC CSV records (:mod:`.read_csv`) to the shared :class:`~clearance.model.Entity`.

Pure: no file access. Every address and alias row is attached to its entity; rows that point
to an ``ent_num`` missing from the primary file are reported as :class:`ParseIssue`\\ s (the
published files sometimes lag each other), never dropped silently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from clearance.countries import country_code
from clearance.model import (
    Address,
    Entity,
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
from clearance.sources.base import ParseIssue, resolve_relationships
from clearance.sources.ofac.labels import SDN_TYPES
from clearance.sources.ofac.read_csv import AddressRow, AltRow, CommentRow, SdnRow
from clearance.sources.ofac.remarks import (
    RemarkFacts,
    parse_programs,
    parse_remarks,
    person_name,
)

_T = TypeVar("_T")

ALT_KINDS = {"aka": NameKind.AKA, "fka": NameKind.FKA, "nka": NameKind.NKA}


def schema_for(sdn_type: str | None) -> Schema | None:
    """OFAC's SDN type column -> schema (``-0-`` is an organization); ``None`` if unknown."""
    if sdn_type is None:
        return Schema.ORGANIZATION
    return SDN_TYPES.get(sdn_type.strip().lower())


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    """Drop repeats, ignoring case; keep the first spelling and the order."""
    if len(items) < 2:
        return tuple(items)
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def _distinct(items: Sequence[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items)) if len(items) > 1 else tuple(items)


def map_address(row: AddressRow) -> Address:
    """An ``add.csv`` row as published; ``full`` joins the non-empty columns."""
    parts = [p for p in (row.address, row.city, row.country) if p]
    return Address(
        full=", ".join(parts),
        street=row.address,
        city=row.city,
        country=country_code(row.country, published=True),
        country_name=row.country,
    )


def _names(
    row: SdnRow, schema: Schema, aliases: Sequence[AltRow], facts: RemarkFacts
) -> list[Name]:
    names = [person_name(row.name, NameKind.PRIMARY, NameQuality.STRONG, schema)]
    for alt in aliases:
        kind = ALT_KINDS.get((alt.alt_type or "aka").lower(), NameKind.AKA)
        names.append(person_name(alt.alt_name, kind, NameQuality.STRONG, schema))
    names.extend(facts.aliases)
    unique: dict[tuple[str, NameKind, NameQuality], Name] = {}
    for name in names:
        unique.setdefault((name.full, name.kind, name.quality), name)
    return list(unique.values())


def _vessel(row: SdnRow, facts: RemarkFacts) -> Vessel | None:
    extra = facts.vessel
    columns = (row.vessel_flag, row.vessel_type, row.tonnage, row.grt, row.vessel_owner)
    if not extra and not any(columns):
        return None
    vessel = Vessel(
        flag=row.vessel_flag or extra.get("flag"),
        vessel_type=row.vessel_type or extra.get("vessel_type"),
        tonnage=row.tonnage or extra.get("tonnage"),
        gross_tonnage=row.grt or extra.get("gross_tonnage"),
        owner=row.vessel_owner,
        build_year=extra.get("build_year"),
    )
    return None if vessel == Vessel() else vessel


def map_row(
    row: SdnRow,
    addresses: Sequence[AddressRow],
    aliases: Sequence[AltRow],
    *,
    list_name: str,
    path: str,
    issues: list[ParseIssue],
) -> Entity:
    """One primary row with its address and alias rows -> :class:`Entity`.

    ``path`` names the primary file in the issues appended to ``issues``.
    """
    record = str(row.ent_num)
    schema = schema_for(row.sdn_type)
    if schema is None:
        issues.append(
            ParseIssue(path, record, "unknown SDN type; mapped as organization", row.sdn_type or "")
        )
        schema = Schema.ORGANIZATION
    remarks = row.remarks.strip() if row.remarks else None
    facts = parse_remarks(remarks, schema, [row.title] if row.title else [])
    for fragment in facts.unparsed:
        issues.append(ParseIssue(path, record, "remark fragment not understood", fragment))
    title_parts = [t.strip() for t in (row.title or "").split(";") if t.strip()]
    identifiers: list[Identifier] = []
    if row.call_sign:
        identifiers.append(Identifier(IdType.CALL_SIGN, row.call_sign, label="Call Sign"))
    identifiers.extend(facts.identifiers)
    relationships = list(facts.relationships)
    if row.vessel_owner:
        relationships.insert(
            0,
            Relationship(
                RelationKind.OWNER, row.vessel_owner, raw=f"Vessel Owner: {row.vessel_owner}"
            ),
        )
    countries = list(facts.countries)
    if flag := country_code(row.vessel_flag, published=True):
        countries.append(flag)
    notes = list(facts.notes)
    notes += [f"Address remark: {a.remarks}" for a in addresses if a.remarks]
    notes += [f"Alias remark ({a.alt_name}): {a.remarks}" for a in aliases if a.remarks]
    return Entity(
        list=list_name,
        source_id=record,
        schema=schema,
        names=tuple(_names(row, schema, aliases, facts)),
        birth_dates=_distinct(facts.birth_dates),
        birth_places=_unique(facts.birth_places),
        nationalities=_unique(facts.nationalities),
        citizenships=_unique(facts.citizenships),
        countries=_unique(countries),
        gender=facts.gender,
        addresses=tuple(map_address(a) for a in addresses if not a.empty),
        identifiers=_distinct(identifiers),
        programs=_unique([*parse_programs(row.program), *facts.programs]),
        remarks=remarks,
        titles=_unique([*title_parts, *facts.titles]),
        relationships=tuple(relationships),
        vessel=_vessel(row, facts),
        notes=_distinct(notes),
        unparsed=tuple(facts.unparsed),
        source_record={
            **row.record(),
            "addresses": [a.record() for a in addresses],
            "aliases": [a.record() for a in aliases],
        },
    )


def merge_comments(
    rows: list[SdnRow], comments: Sequence[CommentRow], *, path: str, issues: list[ParseIssue]
) -> list[SdnRow]:
    """Append each ``sdn_comments.csv`` continuation to its remark (verbatim: it may split a
    word); a comment for an unknown ``ent_num`` becomes an issue."""
    extra: dict[int, str] = defaultdict(str)
    known = {r.ent_num for r in rows}
    for comment in comments:
        if comment.ent_num not in known:
            issues.append(
                ParseIssue(
                    path,
                    str(comment.ent_num),
                    f"comment on line {comment.line} for an ent_num not in the list",
                    comment.text[:200],
                )
            )
            continue
        extra[comment.ent_num] += comment.text
    if not extra:
        return rows
    return [
        replace(r, remarks=(r.remarks or "") + extra[r.ent_num]) if r.ent_num in extra else r
        for r in rows
    ]


_Row = TypeVar("_Row", AddressRow, AltRow)


def _group(
    rows: Sequence[_Row], known: set[int], *, path: str, what: str, issues: list[ParseIssue]
) -> dict[int, list[_Row]]:
    grouped: dict[int, list[_Row]] = defaultdict(list)
    for row in rows:
        if row.ent_num in known:
            grouped[row.ent_num].append(row)
        else:
            issues.append(
                ParseIssue(
                    path,
                    str(row.ent_num),
                    f"{what} row on line {row.line} for an ent_num not in the list",
                )
            )
    return grouped


def map_csv_set(
    rows: list[SdnRow],
    addresses: Sequence[AddressRow],
    aliases: Sequence[AltRow],
    *,
    list_name: str,
    paths: dict[str, str],
    issues: list[ParseIssue],
) -> list[Entity]:
    """Map a whole CSV set; ``paths`` names the files (keys ``primary``, ``addresses``,
    ``aliases``) for the issues. Relationships are resolved over the list."""
    known = {r.ent_num for r in rows}
    by_address = _group(
        addresses, known, path=paths.get("addresses", ""), what="address", issues=issues
    )
    by_alias = _group(aliases, known, path=paths.get("aliases", ""), what="alias", issues=issues)
    entities = [
        map_row(
            r,
            by_address.get(r.ent_num, []),
            by_alias.get(r.ent_num, []),
            list_name=list_name,
            path=paths["primary"],
            issues=issues,
        )
        for r in rows
    ]
    return resolve_relationships(entities)
