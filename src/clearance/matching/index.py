"""The name index: every name of every loaded entity, ready for fast candidate retrieval.

Built once when a snapshot is installed and stored inside it (``index/matcher.pkl``), so a
process starts screening by loading it, not by re-normalising every list.

Keys (all in one vocabulary, namespaced by a one-character prefix):
- ``t:`` a name word (romanised, folded), ``p:`` its phonetic key, ``c:`` two or more adjacent
  words run together ("jongun", "kimjongun") so spacing variants meet;
- ``n:`` a word in the original Arabic script; ``s:`` a consonant skeleton of a word, used for
  Arabic-script queries against romanised names.
Typos are found through a deletion neighbourhood (every word with one letter removed).
"""

from __future__ import annotations

import pickle
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from clearance.matching.names import NameParams, WeightedName, weigh
from clearance.matching.normalize import NameForm, analyse, phonetic, skeleton
from clearance.model import Entity, FuzzyDate, IdType, Schema

INDEX_FORMAT = 4
INDEX_FILE = "matcher.pkl"

KIND_LATIN, KIND_NATIVE, KIND_SKELETON = 0, 1, 2
_ID_CLEAN = re.compile(r"[^0-9A-Za-z]+")


def clean_identifier(value: str) -> str:
    """Identifier values compared without spaces, dashes and case."""
    return _ID_CLEAN.sub("", value).upper()


def deletions(token: str) -> list[str]:
    """``token`` with each single character removed (the deletion neighbourhood)."""
    return [token[:i] + token[i + 1 :] for i in range(len(token))]


@dataclass(slots=True)
class EntityInfo:
    """What the scorer needs of an entity, without loading the full record."""

    id: str
    list: str
    source_id: str
    schema: Schema
    caption: str
    birth_dates: tuple[FuzzyDate, ...]
    countries: frozenset[str]
    identifiers: tuple[tuple[IdType, str], ...]  # (type, cleaned value)


@dataclass(slots=True)
class NameRecord:
    """One indexed rendering of one name of one entity."""

    entity: int
    text: str  # the name as published
    name: WeightedName
    kind: int
    weak: bool

    @property
    def form(self) -> NameForm:
        return self.name.form


@dataclass
class NameIndex:
    """Names, keys and postings for every entity of a snapshot."""

    snapshot_id: str
    entities: list[EntityInfo] = field(default_factory=list)
    records: list[NameRecord] = field(default_factory=list)
    vocab: dict[str, int] = field(default_factory=dict)
    postings: list[npt.NDArray[np.int32]] = field(default_factory=list)
    neighbours: dict[str, list[int]] = field(default_factory=dict)  # deletion -> vocab ids
    identifiers: dict[str, list[int]] = field(default_factory=dict)  # clean value -> entities
    lists: dict[str, str] = field(default_factory=dict)  # list -> version label
    format: int = INDEX_FORMAT

    def key_text(self, key_id: int) -> str:
        return self._reverse[key_id]

    @property
    def _reverse(self) -> list[str]:
        cached: list[str] | None = self.__dict__.get("_rev")
        if cached is None:
            cached = [""] * len(self.vocab)
            for key, idx in self.vocab.items():
                cached[idx] = key
            self.__dict__["_rev"] = cached
        return cached

    # -- persistence ---------------------------------------------------------------------
    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / INDEX_FILE
        state = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        with path.open("wb") as handle:
            pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
        return path

    @classmethod
    def load(cls, folder: Path) -> NameIndex:
        path = folder / INDEX_FILE
        with path.open("rb") as handle:
            state = pickle.load(handle)  # noqa: S301 - our own file inside our own snapshot
        if state.get("format") != INDEX_FORMAT:
            raise ValueError(f"index {path} has format {state.get('format')}, need {INDEX_FORMAT}")
        index = cls(snapshot_id=state["snapshot_id"])
        index.__dict__.update(state)
        return index


def entity_info(entity: Entity) -> EntityInfo:
    countries = set(entity.nationalities) | set(entity.citizenships) | set(entity.countries)
    countries |= {a.country for a in entity.addresses if a.country}
    if entity.vessel and entity.vessel.flag:
        countries.add(entity.vessel.flag)
    return EntityInfo(
        id=entity.id,
        list=entity.list,
        source_id=entity.source_id,
        schema=entity.schema,
        caption=entity.caption,
        birth_dates=entity.birth_dates,
        countries=frozenset(c.upper() for c in countries if len(c) == 2),
        identifiers=tuple(
            (i.type, clean_identifier(i.value))
            for i in entity.identifiers
            if len(clean_identifier(i.value)) >= 4
        ),
    )


def record_keys(record: NameRecord) -> set[str]:
    """Every retrieval key of one indexed name."""
    tokens = record.form.tokens
    if record.kind == KIND_SKELETON:
        return {f"s:{t}" for t in tokens if len(t) >= 2}
    if record.kind == KIND_NATIVE:
        return {f"n:{t}" for t in tokens}
    keys = {f"t:{t}" for t in tokens} | {f"p:{phonetic(t)}" for t in tokens}
    for size in (2, 3, 4):
        for i in range(len(tokens) - size + 1):
            keys.add("c:" + "".join(tokens[i : i + size]))
    return keys


class IndexBuilder:
    """Accumulates entities, then :meth:`build` returns the finished :class:`NameIndex`."""

    def __init__(self, snapshot_id: str, params: NameParams | None = None) -> None:
        self.params = params or NameParams()
        self.index = NameIndex(snapshot_id=snapshot_id)
        self._postings: dict[str, list[int]] = defaultdict(list)

    def add(self, entity: Entity) -> None:
        idx = len(self.index.entities)
        info = entity_info(entity)
        self.index.entities.append(info)
        for _, value in info.identifiers:
            self.index.identifiers.setdefault(value, []).append(idx)
        seen: set[tuple[int, tuple[str, ...]]] = set()
        for name in entity.names:
            for form in analyse(name.full):
                kind = KIND_NATIVE if form.native else KIND_LATIN
                self._add_record(idx, name.full, form, kind, name.weak, seen)
                if kind == KIND_LATIN and entity.schema in (Schema.PERSON, Schema.ORGANIZATION):
                    skel = tuple(s for s in (skeleton(t, form.script) for t in form.tokens) if s)
                    if skel:
                        skel_form = NameForm(skel, form.forms, form.script)
                        self._add_record(idx, name.full, skel_form, KIND_SKELETON, name.weak, seen)

    def _add_record(
        self,
        entity: int,
        text: str,
        form: NameForm,
        kind: int,
        weak: bool,
        seen: set[tuple[int, tuple[str, ...]]],
    ) -> None:
        if (kind, form.tokens) in seen:
            return
        seen.add((kind, form.tokens))
        rec_id = len(self.index.records)
        record = NameRecord(entity, text, weigh(form, self.params), kind, weak)
        self.index.records.append(record)
        for key in record_keys(record):
            self._postings[key].append(rec_id)

    def add_all(self, entities: Iterable[Entity]) -> None:
        for entity in entities:
            self.add(entity)

    def build(self) -> NameIndex:
        index = self.index
        for key, ids in self._postings.items():
            index.vocab[key] = len(index.postings)
            index.postings.append(np.asarray(sorted(set(ids)), dtype=np.int32))
        neighbours: dict[str, list[int]] = defaultdict(list)
        for key, key_id in index.vocab.items():
            prefix, token = key[:2], key[2:]
            if prefix in ("t:", "n:", "s:", "p:") and len(token) >= 4:
                for variant in deletions(token):
                    neighbours[prefix + variant].append(key_id)
        index.neighbours = dict(neighbours)
        return index
