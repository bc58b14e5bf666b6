"""Benchmark inputs: the loaded lists and the labelled pair sets, in one shape.

Lists are read with the project's own readers. Pair sets become :class:`PairCase` (a query
against a one-entity index) and list-level checks become :class:`ListCase` (a query against
every loaded list, with the entity ids that must alert).
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_venv import yaml_to_json
from namesakes import is_namesake, listed_name_keys

from clearance.model import Entity, FuzzyDate, Name, NameKind, NameQuality, Schema
from clearance.sources.base import ListFormat

# The official files sit next to the repository (../shared/data), as for the tests.
_REPO = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("CLEARANCE_TEST_DATA", _REPO.parent / "shared" / "data"))
LISTS: tuple[tuple[str, str], ...] = (
    ("ofac-sdn", "ofac/sdn_csv_2023-12-28"),
    ("ofac-cons", "ofac/cons_csv_2025-12-19"),
    ("un", "un/2026-02-27/consolidated.xml"),
    ("uk", "uk/ofsi_conlist_2025-04-10/ConList.xlsx"),
)
PAIRS = DATA_DIR / "pairs"


@dataclass(frozen=True, slots=True)
class QuerySpec:
    """What a caller would send: a name plus optional type, DOB and countries."""

    name: str
    schema: str | None = None  # person / organization / vessel / aircraft
    dob: str | None = None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PairCase:
    """A labelled pair: score ``query`` against an index holding only ``candidate``."""

    set: str
    query: QuerySpec
    candidate: Entity
    match: bool
    group: str = ""


@dataclass(frozen=True, slots=True)
class ListCase:
    """A query against all loaded lists; ``expected`` entity ids must alert (empty: none may)."""

    kind: str
    query: QuerySpec
    expected: frozenset[str] = frozenset()
    source: str = ""  # the listed name the query was derived from
    note: str = ""  # e.g. the edit a typo variant made


@dataclass
class Lists:
    entities: list[Entity]
    counts: dict[str, int]
    published: dict[str, str]
    read_seconds: float
    by_id: dict[str, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entities}


def list_formats() -> list[ListFormat]:
    """The registry's formats, or (while it is still empty) every reader package's own."""
    from clearance.sources.registry import FORMATS

    if FORMATS:
        return list(FORMATS)
    found: list[ListFormat] = []
    for package in ("ofac", "un", "uk"):
        module = importlib.import_module(f"clearance.sources.{package}")
        found.extend(getattr(module, "FORMATS", []))
    return found


def load_lists() -> Lists:
    formats = list_formats()
    entities: list[Entity] = []
    counts: dict[str, int] = {}
    published: dict[str, str] = {}
    started = time.perf_counter()
    for list_name, rel in LISTS:
        path = DATA_DIR / rel
        fmt = next((f for f in formats if f.detect(path)), None)
        if fmt is None:
            raise SystemExit(f"no reader recognises {path} (formats: {[f.name for f in formats]})")
        parsed = fmt.read(path, list_name=list_name)
        entities.extend(parsed.entities)
        counts[parsed.list] = len(parsed.entities)
        published[parsed.list] = parsed.published or rel.split("/")[1]
    return Lists(entities, counts, published, time.perf_counter() - started)


# -- helpers --------------------------------------------------------------------------------
SCHEMAS = {
    "person": Schema.PERSON,
    "organization": Schema.ORGANIZATION,
    "company": Schema.ORGANIZATION,
    "legalentity": Schema.ORGANIZATION,
    "publicbody": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "airplane": Schema.AIRCRAFT,
}


def schema_of(ftm_schema: str) -> Schema | None:
    return SCHEMAS.get(ftm_schema.lower())


def query_type(ftm_schema: str) -> str | None:
    """The query's type; FtM ``LegalEntity`` (person or company) is left unknown."""
    schema = schema_of(ftm_schema)
    return None if schema is None or ftm_schema == "LegalEntity" else schema.value


def candidate_schema(ftm_schema: str, other: str) -> Schema | None:
    """A candidate's schema; a ``LegalEntity`` takes the other side's type when known."""
    if ftm_schema == "LegalEntity" and schema_of(other) is not None and other != "LegalEntity":
        return schema_of(other)
    return schema_of(ftm_schema)


def make_entity(
    key: str,
    schema: Schema,
    names: Sequence[str],
    *,
    weak: Sequence[str] = (),
    dobs: Iterable[str] = (),
    countries: Iterable[str] = (),
) -> Entity:
    """A bench entity (list ``bench``) from plain values; bad dates are skipped."""
    seen: set[str] = set()
    parsed: list[Name] = []
    for i, text in enumerate(names):
        if text.strip() and text not in seen:
            seen.add(text)
            parsed.append(Name(text, NameKind.PRIMARY if i == 0 else NameKind.AKA))
    for text in weak:
        if text.strip() and text not in seen:
            seen.add(text)
            parsed.append(Name(text, NameKind.AKA, NameQuality.WEAK))
    dates: list[FuzzyDate] = []
    for raw in dobs:
        try:
            dates.append(FuzzyDate.parse(raw[:10]))
        except ValueError:
            continue
    codes = tuple(sorted({c.upper() for c in countries if len(c) == 2}))
    return Entity(
        list="bench",
        source_id=key,
        schema=schema,
        names=tuple(parsed),
        birth_dates=tuple(dates),
        countries=codes,
    )


def fold_key(text: str) -> str:
    """Case, accents, punctuation and word order removed (for 'is this name listed?')."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(sorted(text.split()))


# -- pair sets ------------------------------------------------------------------------------
def name_bench() -> list[PairCase]:
    cases: list[PairCase] = []
    with (PAIRS / "nomenklatura_name_bench_cases.csv").open(encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            schema = schema_of(row["schema"]) or Schema.ORGANIZATION
            cand = make_entity(f"nb{i}", schema, [row["name2"]])
            query = QuerySpec(row["name1"], query_type(row["schema"]))
            cases.append(
                PairCase("name-bench", query, cand, row["is_match"] == "true", row["case_group"])
            )
    return cases


def _props(entity: dict[str, Any], *names: str) -> list[str]:
    props = entity.get("properties", {})
    return [v for n in names for v in props.get(n, [])]


def opensanctions_pairs(filename: str, set_name: str) -> tuple[list[PairCase], int]:
    """Judged pairs; returns the cases and how many pairs were skipped (no name / schema)."""
    data = json.loads((PAIRS / filename).read_text(encoding="utf-8"))
    cases: list[PairCase] = []
    skipped = 0
    for i, item in enumerate(data):
        left, right = item["left"], item["right"]
        schema = schema_of(left["schema"])
        right_schema = candidate_schema(right["schema"], left["schema"])
        names = _props(right, "name", "alias", "previousName")
        query_name = left.get("caption") or next(iter(_props(left, "name")), "")
        if schema is None or right_schema is None or not names or not query_name:
            skipped += 1
            continue
        dob = next(iter(sorted(_props(left, "birthDate"), key=len, reverse=True)), None)
        countries = tuple(dict.fromkeys(_props(left, "nationality", "citizenship", "country")))
        cand = make_entity(
            f"os{i}",
            right_schema,
            names,
            weak=_props(right, "weakAlias"),
            dobs=_props(right, "birthDate"),
            countries=_props(right, "nationality", "citizenship", "country"),
        )
        query = QuerySpec(query_name, query_type(left["schema"]), dob, countries)
        cases.append(PairCase(set_name, query, cand, item["judgement"] == "positive"))
    return cases, skipped


def watchman_pairs() -> list[PairCase]:
    cases: list[PairCase] = []
    path = PAIRS / "watchman_cross_script_pairs.csv"
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle) if r and not r[0].startswith("#")]
    for i, row in enumerate(rows):
        query, expected, min_score = row[0], row[1], row[2]
        cand = make_entity(f"wm{i}", Schema.PERSON, [expected])
        cases.append(PairCase("watchman-xscript", QuerySpec(query), cand, True, min_score))
    return cases


def _check_name(side: dict[str, Any]) -> list[str]:
    raw = side.get("name")
    if raw:
        return [raw] if isinstance(raw, str) else list(raw)
    parts = [side.get(k) for k in ("firstName", "middleName", "fatherName", "lastName")]
    return [" ".join(p for p in parts if isinstance(p, str))]


def entity_checks() -> list[PairCase]:
    data = yaml_to_json(PAIRS / "nomenklatura_entity_bench_checks.yml")
    cases: list[PairCase] = []
    for i, check in enumerate(data["checks"]):
        schema = schema_of(check["schema"]) or Schema.ORGANIZATION
        cand = make_entity(f"ec{i}", schema, _check_name(check["candidate"]))
        query = QuerySpec(_check_name(check["query"])[0], query_type(check["schema"]))
        cases.append(
            PairCase("entity-checks", query, cand, bool(check["match"]), check.get("label", ""))
        )
    return cases


def putin_cases(lists: Lists) -> list[ListCase]:
    target = next(
        (
            e.id
            for e in lists.entities
            if e.list == "ofac-sdn" and e.caption.startswith("PUTIN, Vl")
        ),
        None,
    )
    if target is None:
        raise SystemExit("PUTIN, Vladimir Vladimirovich not found in the OFAC SDN list")
    lines = (PAIRS / "putin_names.txt").read_text(encoding="utf-8").splitlines()
    return [
        ListCase("putin", QuerySpec(line.strip(), "person"), frozenset({target}), line.strip())
        for line in lines
        if line.strip()
    ]


def listed_keys(entities: Iterable[Entity]) -> set[str]:
    return {fold_key(n.full) for e in entities for n in e.names}


_SOFT_C = re.compile(r"c(?=[eiy])")


def consonant_key(text: str) -> str:
    """The consonants of each word, in order (for 'is this Arabic-script name listed?').

    Arabic and Persian script write no short vowels, so "بانک سپه" romanised is "bank sph",
    which is how BANK SEPAH is written there; an English c is k, or s before e/i/y
    ("کلسیمین" / CALCIMIN). Vowels, y and w are dropped on both sides.
    """
    words = fold_key(text).split()
    words = [_SOFT_C.sub("s", w).replace("c", "k") for w in words if w.isascii()]
    return " ".join(sorted(re.sub(r"[aeiouyw]", "", w) for w in words))


def listed_org_consonant_keys(entities: Iterable[Entity]) -> set[str]:
    """:func:`consonant_key` of every listed organisation's names of two consonants or more."""
    keys = set()
    for entity in entities:
        if entity.schema is Schema.PERSON:
            continue
        for name in entity.names:
            key = consonant_key(name.full)
            if len(key.replace(" ", "")) >= 4:
                keys.add(key)
    return keys


def _dob(entity: Entity) -> str | None:
    return entity.birth_dates[0].iso() if entity.birth_dates else None


def _as_query(entity: Entity) -> QuerySpec:
    return QuerySpec(entity.caption, entity.schema.value, _dob(entity))


def cross_cases(lists: Lists) -> list[ListCase]:
    """UK groups citing a UN reference <-> that UN record (both directions); OFAC <-> UK seed."""
    un = {e.source_id.strip().upper(): e for e in lists.entities if e.list == "un"}
    cases: list[ListCase] = []
    reverse: list[ListCase] = []
    for entity in lists.entities:
        if entity.list != "uk":
            continue
        refs = {i.value.strip().upper() for i in entity.identifiers if i.label == "UN Ref"}
        for ref in sorted(refs):
            target = un.get(ref)
            if target is None:
                continue
            cases.append(ListCase("uk->un", _as_query(entity), frozenset({target.id}), ref))
            reverse.append(ListCase("un->uk", _as_query(target), frozenset({entity.id}), ref))
    seed = [("ofac-sdn-41736", "uk-16067"), ("uk-16067", "ofac-sdn-41736")]
    for source_id, target_id in seed:
        if source_id in lists.by_id and target_id in lists.by_id:
            query = _as_query(lists.by_id[source_id])
            cases.append(ListCase("ofac<->uk seed", query, frozenset({target_id}), source_id))
    return cases + reverse


def unlisted_cases(raw: Sequence[dict[str, str]], lists: Lists) -> tuple[list[ListCase], int]:
    """Faker names as queries that should not alert; a third of non-Latin ones romanised.

    Names whose words equal a listed name's (any order, case, accents, punctuation) are
    dropped: those are true name matches. So is a company name in Arabic script whose
    consonants are a listed organisation's (the script writes no short vowels: "بانک سپه" is
    BANK SEPAH). Names that are a listed name or alias as the engine reads both
    (:mod:`namesakes`: "김현우" / KIM Hyon U) are kept as cases, noted :data:`NAMESAKE`: they
    should alert, and the figures are given with them and with them apart. Returns the cases
    and how many were dropped.
    """
    import icu

    romanise = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")
    listed = listed_keys(lists.entities)
    listed_orgs = listed_org_consonant_keys(lists.entities)
    listed_persons = listed_person_keys(lists.entities)
    listed_names = listed_name_keys(lists.entities)
    cases: list[ListCase] = []
    dropped = 0
    for i, item in enumerate(raw):
        name = item["name"]
        if i % 3 == 0 and any(c.isalpha() and ord(c) > 0x24F for c in name):
            name = str(romanise.transliterate(name))
        keys = {fold_key(name), fold_key(item["name"])}
        keys.add(fold_key(str(romanise.transliterate(item["name"]))))
        arabic = any("\u0600" <= c <= "\u06ff" for c in item["name"])
        if arabic and item["type"] == "organization":
            keys = {*keys, *(consonant_key(k) for k in keys)}
            if keys & listed_orgs:
                dropped += 1
                continue
        if keys & listed:
            dropped += 1
            continue
        note = ""
        person = item["type"] == "person"
        if person and namesake_keys(item["name"]) & listed_persons:
            note = NAMESAKE
        elif is_namesake({item["name"], name}, person, listed_names):
            note = NAMESAKE  # a listed name or alias exactly, as the engine reads both
        cases.append(ListCase(f"unlisted:{item['locale']}", QuerySpec(name, item["type"]),
                              note=note))  # fmt: skip
    return cases, dropped


# A Han or Hangul person's name that is a listed person's name as the lists romanise it
# (pinyin, McCune-Reischauer): ICU writes Hangul in Revised Romanisation ("i yeong gil"), so
# the fold above does not see 이영길 is RI Yong Gil. Such a name is still counted as unlisted;
# the benchmark reports false alerts with these namesakes and without them.
NAMESAKE = "namesake"
_ONSETS = {"g": "k", "d": "t", "b": "p", "j": "ch", "l": "r"}  # voiced/unvoiced spellings


def _soft_key(words: Iterable[str]) -> str:
    """Words sorted, each with its initial consonant written one way (Gil/Kil, Jong/Chong)."""
    return " ".join(sorted(_ONSETS.get(w[0], w[0]) + w[1:] for w in words if w))


def namesake_keys(text: str) -> set[str]:
    """:func:`_soft_key` of a Han or Hangul name read as the lists write it (the matcher's
    pinyin and McCune-Reischauer readings), its given syllables also run together (YANG
    Jianping); empty for names in other scripts."""
    if not any(_EAST_ASIAN.match(c) for c in text):
        return set()
    from clearance.matching.normalize import analyse

    keys: set[str] = set()
    for form in analyse(text, query=True):
        words = list(form.tokens)
        if len(words) >= 2 and not form.native:
            keys.add(_soft_key(words))
            keys.add(_soft_key([words[0], "".join(words[1:])]))
    return keys


_EAST_ASIAN = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")


def listed_person_keys(entities: Iterable[Entity]) -> set[str]:
    """:func:`_soft_key` of every listed person's names (for :func:`namesake_keys`)."""
    return {_soft_key(fold_key(n.full).split()) for e in entities
            if e.schema is Schema.PERSON for n in e.names}  # fmt: skip
