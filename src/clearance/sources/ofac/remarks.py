"""Parse OFAC remarks into structured facts.

OFAC's legacy files hide most facts in one free-text column, written as ``;``-separated
fragments: ``DOB 07 May 1966; POB Baku, Azerbaijan; citizen Slovakia; Gender Male; Passport
BD3843329 (Slovakia) expires 08 Apr 2029; a.k.a. 'LLC VERUS'; Linked To: MKRTYCHEV, Ashot.``
Each fragment is matched against the published labels (:mod:`.labels`); a fragment no rule
understands is kept in :attr:`RemarkFacts.unparsed`, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from clearance.countries import country_code
from clearance.model import (
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
)
from clearance.sources.ofac.labels import ID_LABELS, NOTE_LABELS, id_type
from clearance.sources.shared.dates import parse_date_text


@dataclass
class RemarkFacts:
    """What the remarks of one record say, field by field."""

    birth_dates: list[FuzzyDate] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    citizenships: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: Gender | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    aliases: list[Name] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    vessel: dict[str, str] = field(default_factory=dict)  # Vessel field name -> value
    unparsed: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Dates


_RANGE = re.compile(r"\s+to\s+|(?<=\d{4})\s*-\s*(?=\d{4}$)")


def _single_date(text: str) -> FuzzyDate | None:
    """One date as the shared parser reads it (``None`` when it is not a possible date)."""
    try:
        return parse_date_text(text)
    except ValueError:
        return None


def parse_date(text: str) -> FuzzyDate | None:
    """``07 May 1966``, ``May 1966``, ``1966``, ``circa 1960``, ``1958 to 1960`` and the like.

    A range keeps its start's precision when both ends fall in the same month; otherwise it
    becomes a year range (``until_year``).
    """
    raw = text.strip()
    circa = raw.lower().startswith("circa ")
    if circa:
        raw = raw[6:].strip()
    parts = _RANGE.split(raw, maxsplit=1)
    start = _single_date(parts[0])
    if start is None:
        return None
    if len(parts) == 1:
        return FuzzyDate(start.year, start.month, start.day, circa=circa)
    end = _single_date(parts[1])
    if end is None or end.year < start.year:
        return None
    if end == start:
        return FuzzyDate(start.year, start.month, start.day, circa=circa)
    if end.year == start.year and end.month == start.month:
        return FuzzyDate(start.year, start.month, circa=circa)
    until = end.year if end.year != start.year else None
    return FuzzyDate(start.year, circa=circa, until_year=until)


# ---------------------------------------------------------------------------------------------
# Splitting


# "S.A. DE C.V." keeps its final dot: it belongs to the abbreviation, not the sentence.
_ABBREV_END = re.compile(r"(?:^|[\s.])[A-Za-z]\.[A-Za-z]\.$")


def split_remarks(text: str) -> list[str]:
    """Split on top-level ``;`` (not inside parentheses); drop the closing full stop."""
    text = text.strip()
    parts: list[str]
    if "(" not in text:
        parts = text.split(";")
    else:
        parts, depth, start = [], 0, 0
        for m in re.finditer(r"[();]", text):
            ch = m.group()
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0:
                parts.append(text[start : m.start()])
                start = m.end()
        if depth != 0:  # unbalanced parentheses: fall back to a plain split
            parts = text.split(";")
        else:
            parts.append(text[start:])
    fragments = [p.strip() for p in parts]
    fragments = [f for f in fragments if f]
    if fragments and fragments[-1].endswith(".") and not _ABBREV_END.search(fragments[-1]):
        fragments[-1] = fragments[-1][:-1].rstrip()
    return [f for f in fragments if f]


# ---------------------------------------------------------------------------------------------
# Fragment handlers: (facts, label, value, fragment, schema) -> understood?

Handler = Callable[[RemarkFacts, str, str, str, Schema], bool]

_ID_VALUE = re.compile(
    r"^(?P<value>.+?)(?:\s*\((?P<paren>[^()]*)\))?"
    r"(?:[\s,;]+(?P<rest>(?:issued|expires|expired|issue date|expiration)\b.*))?$",
    re.IGNORECASE | re.DOTALL,
)


def _country_or_text(text: str) -> str:
    return country_code(text, published=True) or text.strip()


def _add_identifier(facts: RemarkFacts, label: str, value: str, kind: IdType) -> bool:
    """``<value> (<Country>) issued <date> expires <date>`` -> :class:`Identifier`."""
    if kind is IdType.PHONE:  # "(98)(21)(66153220)": the parentheses are the number
        facts.identifiers.append(Identifier(kind, value.strip(), label=label))
        return True
    m = _ID_VALUE.match(value.strip())
    if m is None:
        return False
    number = m.group("value").strip().rstrip(",")
    notes: list[str] = []
    country = None
    if paren := m.group("paren"):
        country = country_code(paren, published=True)
        if country is None:
            notes.append(f"({paren})")
    if rest := m.group("rest"):
        notes.append(rest.strip())
    facts.identifiers.append(
        Identifier(kind, number, country=country, label=label, note=" ".join(notes) or None)
    )
    return True


def _identifier(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    if not value:
        return False
    return _add_identifier(facts, label, value, id_type(label, schema))


def _imo(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    head, _, number = value.partition(" ")
    if head.upper() == "IMO" and number.strip().isdigit():
        facts.identifiers.append(Identifier(IdType.IMO, number.strip(), label="IMO"))
        return True
    return bool(value) and _add_identifier(facts, label, value, IdType.OTHER)


def _digital_currency(
    facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema
) -> bool:
    currency, _, address = value.strip().partition(" ")
    if not address.strip():
        return False
    facts.identifiers.append(
        Identifier(IdType.DIGITAL_CURRENCY, address.strip(), label=currency.strip())
    )
    return True


def _dob(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    date = parse_date(value)
    if date is not None:
        facts.birth_dates.append(date)
    return date is not None


def _pob(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    if value:
        facts.birth_places.append(value)
    return bool(value)


def _country_list(attr: str) -> Handler:
    def handle(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
        if not value:
            return False
        getattr(facts, attr).append(_country_or_text(value))
        return True

    return handle


def _gender(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    key = value.strip().lower()
    if key in ("male", "female"):
        facts.gender = Gender(key)
        return True
    return False


def _title(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    if value:
        facts.titles.append(value)
    return bool(value)


def _program(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    programs = parse_programs(value)
    facts.programs.extend(p for p in programs if p not in facts.programs)
    return bool(programs)


def _relation(kind: RelationKind) -> Handler:
    def handle(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
        if not value:
            return False
        facts.relationships.append(Relationship(kind, value, raw=frag))
        return True

    return handle


def _vessel(key: str, is_date: bool = False) -> Handler:
    def handle(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
        if not value:
            return False
        date = parse_date(value) if is_date else None
        facts.vessel.setdefault(key, date.iso() if date else value)
        return True

    return handle


def _note(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    facts.notes.append(_without_alt(frag))
    return True


def _dated_note(facts: RemarkFacts, label: str, value: str, frag: str, schema: Schema) -> bool:
    date = parse_date(value)
    facts.notes.append(f"{label}: {date.iso() if date else value}")
    return True


def _without_alt(frag: str) -> str:
    return frag[5:].lstrip() if frag[:5].lower() == "alt. " else frag


_HANDLERS: dict[str, Handler] = {label: _identifier for label in ID_LABELS}
_HANDLERS.update({label: _note for label in NOTE_LABELS})
_HANDLERS.update(
    {
        "DOB": _dob,
        "Birthdate": _dob,
        "POB": _pob,
        "Place of Birth": _pob,
        "nationality": _country_list("nationalities"),
        "Nationality Country": _country_list("nationalities"),
        "citizen": _country_list("citizenships"),
        "Citizenship Country": _country_list("citizenships"),
        "Nationality of Registration": _country_list("countries"),
        "Registration Country": _country_list("countries"),
        "Gender": _gender,
        "Title": _title,
        "Position": _title,
        "Alternate Title": _title,
        "Occupation": _title,
        "Program": _program,
        "Linked To": _relation(RelationKind.LINKED_TO),
        "Vessel Owner": _relation(RelationKind.OWNER),
        "Aircraft Operator": _relation(RelationKind.OPERATOR),
        "Vessel Operator": _relation(RelationKind.OPERATOR),
        "Vessel Registration Identification": _imo,
        "Digital Currency Address": _digital_currency,
        "Organization Established Date": _dated_note,
        "Vessel Year of Build": _vessel("build_year"),
        "Aircraft Manufacture Date": _vessel("build_year", is_date=True),
        "Aircraft Model": _vessel("vessel_type"),
        "Vessel Type": _vessel("vessel_type"),
        "Vessel Flag": _vessel("flag"),
        "Vessel Tonnage": _vessel("tonnage"),
        "Vessel Gross Registered Tonnage": _vessel("gross_tonnage"),
    }
)
# Labels indexed by their first word, longest first: a dict lookup and a few ``startswith``
# per fragment instead of one regex alternation over ~200 labels.
_WORD = re.compile(r"[^\s:,]+")
_SEP = re.compile(r"\s*[:,]\s*|\s+-\s+|\s+|$")
_BY_WORD: dict[str, list[tuple[str, str]]] = {}
for _label in sorted(_HANDLERS, key=len, reverse=True):
    _BY_WORD.setdefault(_label.split()[0].lower(), []).append((_label.lower(), _label))


def match_label(fragment: str) -> tuple[str, str] | None:
    """``(label, value)`` if ``fragment`` starts with a known label (after ``alt.``)."""
    body = fragment[5:].lstrip() if fragment[:5].lower() == "alt. " else fragment
    word = _WORD.match(body)
    if word is None:
        return None
    lower = body.lower()
    for key, label in _BY_WORD.get(word.group().lower(), ()):
        if lower.startswith(key) and (sep := _SEP.match(body, len(key))) is not None:
            return label, body[sep.end() :].strip()
    return None


_ALIAS_RE = re.compile(
    r"^(?P<kind>[afn]\.k|d\.b)\.a\.,?\s*(?P<name>.+)$", re.IGNORECASE | re.DOTALL
)
_ALIAS_KINDS = {"a.k": NameKind.AKA, "f.k": NameKind.FKA, "n.k": NameKind.NKA, "d.b": NameKind.AKA}
_KIN = r"(?:brother|sister|son|daughter|wife|husband|father|mother|spouse|cousin|nephew|niece)"
_FAMILY_RE = re.compile(
    rf"^(?:(?:half|step)-?)?{_KIN}(?:-in-law)? of (?P<of>.+)$|^(?P<poss>.+?)'s (?:\w+ )?{_KIN}$",
    re.IGNORECASE,
)
_ASSOCIATE_RE = re.compile(r"^associated with (?P<of>.+)$", re.IGNORECASE)
# Free-text positions of persons ("Former Minister of Interior", "presidential advisor").
_POSITION_RE = re.compile(
    r"\b(?:minister|director|chairman|chairperson|president|presidential|commander|governor"
    r"|advis[eo]r|head|chief|member|secretary|manager|deputy|official|leader|ambassador"
    r"|general|officer|owner|businessman|dealer|mayor|judge|senator|representative|founder)\b",
    re.IGNORECASE,
)


def person_name(full: str, kind: NameKind, quality: NameQuality, schema: Schema) -> Name:
    """A name as published; persons' "FAMILY, Given" is split at the first comma."""
    if schema is Schema.PERSON and "," in full:
        family, _, given = full.partition(",")
        if family.strip() and given.strip():
            return Name(full, kind, quality, family=family.strip(), given=given.strip())
    return Name(full, kind, quality)


def _alias(facts: RemarkFacts, fragment: str, schema: Schema) -> bool:
    m = _ALIAS_RE.match(fragment)
    if m is None:
        return False
    name = m.group("name").strip()
    if len(name) >= 2 and name[0] == name[-1] == "'":
        name = name[1:-1].strip()
    if not name:
        return False
    kind = _ALIAS_KINDS[m.group("kind").lower()]
    facts.aliases.append(person_name(name, kind, NameQuality.WEAK, schema))
    return True


def _free_text(facts: RemarkFacts, fragment: str, schema: Schema) -> bool:
    """Last resort for persons' prose: family ties, associations and positions."""
    if schema is not Schema.PERSON:
        return False
    if m := _FAMILY_RE.match(fragment):
        target = (m.group("of") or m.group("poss")).strip()
        facts.relationships.append(Relationship(RelationKind.FAMILY, target, raw=fragment))
        return True
    if m := _ASSOCIATE_RE.match(fragment):
        target = m.group("of").strip()
        facts.relationships.append(Relationship(RelationKind.ASSOCIATE, target, raw=fragment))
        return True
    if len(fragment) <= 200 and _POSITION_RE.search(fragment):
        facts.titles.append(fragment)
        return True
    return False


def parse_programs(text: str | None) -> list[str]:
    """``DPRK`` or ``SDGT] [IFSR`` (OFAC's bracketed multi-program cell) -> program codes."""
    if not text:
        return []
    codes = re.split(r"[\[\]]+|\s{2,}|\s*,\s*", text)
    out: list[str] = []
    for code in (c.strip() for c in codes):
        if code and code not in out:
            out.append(code)
    return out


def parse_fragment(
    fragment: str,
    facts: RemarkFacts,
    schema: Schema,
    titles: frozenset[str] = frozenset(),
) -> bool:
    """Record what one fragment says in ``facts``; unknown fragments go to ``unparsed``."""
    found = match_label(fragment)
    if found is not None and _HANDLERS[found[0]](facts, found[0], found[1], fragment, schema):
        return True
    if fragment.rstrip(".").casefold() in titles:
        facts.titles.append(fragment)
        return True
    if _alias(facts, fragment, schema) or _free_text(facts, fragment, schema):
        return True
    facts.unparsed.append(fragment)
    return False


def title_keys(title: str | None) -> frozenset[str]:
    """Keys of a title column (OFAC repeats it in the remarks) for :func:`parse_fragment`."""
    if not title:
        return frozenset()
    parts = [title, *title.split(";")]
    return frozenset(p.strip().rstrip(".").casefold() for p in parts if p.strip())


def parse_remarks(text: str | None, schema: Schema, titles: Iterable[str] = ()) -> RemarkFacts:
    """Parse a whole remarks cell; ``titles`` are the record's title column values."""
    facts = RemarkFacts()
    if not text:
        return facts
    keys = frozenset().union(*(title_keys(t) for t in titles))
    for fragment in split_remarks(text):
        parse_fragment(fragment, facts, schema, keys)
    return facts
