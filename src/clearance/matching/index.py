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
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from clearance.gcpause import paused_gc
from clearance.matching.names import NameParams, WeightedName, weigh, word_weight
from clearance.matching.normalize import (
    NameForm,
    analyse,
    name_parts,
    phonetic,
    skeleton,
    sound,
)
from clearance.matching.wordsim import WordInfo
from clearance.model import Entity, FuzzyDate, IdType, Schema

INDEX_FORMAT = 14
INDEX_FILE = "matcher.pkl"

KIND_LATIN, KIND_NATIVE, KIND_SKELETON = 0, 1, 2
_ID_CLEAN = re.compile(r"[^0-9A-Za-z]+")


def clean_identifier(value: str) -> str:
    """Identifier values compared without spaces, dashes, case and an "IMO" prefix."""
    cleaned = _ID_CLEAN.sub("", value).upper()
    if cleaned.startswith("IMO") and cleaned[3:].isdigit():
        return cleaned[3:]
    return cleaned


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


@dataclass(frozen=True, slots=True)
class NameRecord:
    """One indexed rendering of one name of one entity (built on demand from the columns)."""

    entity: int
    text: str  # the name as published
    name: WeightedName
    kind: int
    weak: bool

    @property
    def form(self) -> NameForm:
        return self.name.form


@lru_cache(maxsize=50_000)
def _parse_date(text: str) -> FuzzyDate:
    return FuzzyDate.parse(text)


@dataclass
class NameIndex:
    """Names, keys and postings for every entity of a snapshot, stored as columns.

    Columns (plain lists of strings/tuples and numpy arrays) pickle and unpickle an order of
    magnitude faster than one object per name, which keeps process start-up under a second.
    """

    snapshot_id: str
    params: NameParams = field(default_factory=NameParams)
    # entities
    ent_id: list[str] = field(default_factory=list)
    ent_list: list[str] = field(default_factory=list)
    ent_source_id: list[str] = field(default_factory=list)
    ent_schema: list[str] = field(default_factory=list)
    ent_caption: list[str] = field(default_factory=list)
    ent_dates: list[tuple[str, ...]] = field(default_factory=list)
    ent_countries: list[tuple[str, ...]] = field(default_factory=list)
    ent_identifiers: list[tuple[tuple[str, str], ...]] = field(default_factory=list)
    # name records
    rec_entity: list[int] = field(default_factory=list)
    rec_text: list[str] = field(default_factory=list)
    rec_tokens: list[tuple[str, ...]] = field(default_factory=list)
    rec_forms: list[tuple[str, ...]] = field(default_factory=list)
    rec_script: list[str] = field(default_factory=list)
    rec_kind: list[int] = field(default_factory=list)
    rec_weak: list[bool] = field(default_factory=list)
    rec_weight: list[float] = field(default_factory=list)  # total word weight (retrieval bound)
    # retrieval
    vocab: dict[str, int] = field(default_factory=dict)
    posting_data: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    posting_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, np.int64))
    neighbour_keys: dict[str, int] = field(default_factory=dict)
    neighbour_data: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    neighbour_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, np.int64))
    identifiers: dict[str, list[int]] = field(default_factory=dict)  # clean value -> entities
    # every indexed word's phonetic key (the scorer's word similarity needs it per word)
    token_phonetic: dict[str, str] = field(default_factory=dict)
    lists: dict[str, str] = field(default_factory=dict)  # list -> version label
    format: int = INDEX_FORMAT

    def __len__(self) -> int:
        return len(self.rec_entity)

    @property
    def entity_count(self) -> int:
        return len(self.ent_id)

    def posting(self, key_id: int) -> npt.NDArray[np.int32]:
        """Ids of the records holding key ``key_id`` (ascending)."""
        return self.posting_data[self.posting_offsets[key_id] : self.posting_offsets[key_id + 1]]

    def neighbours(self, variant: str) -> list[int]:
        """Vocabulary ids of keys one deletion away from ``variant`` (see :func:`deletions`)."""
        slot = self.neighbour_keys.get(variant)
        if slot is None:
            return []
        lo, hi = self.neighbour_offsets[slot], self.neighbour_offsets[slot + 1]
        return self.neighbour_data[lo:hi].tolist()  # type: ignore[no-any-return]

    def neighbours_of(self, variants: list[str]) -> list[int]:
        """Vocabulary ids of keys one deletion away from any of ``variants``, each once."""
        table = self.neighbour_keys
        offsets, data = self._neighbour_arrays
        out: list[int] = []
        for slot in map(table.get, variants):
            if slot is not None:
                out += data[offsets[slot] : offsets[slot + 1]]
        return list(dict.fromkeys(out)) if out else out

    @property
    def _neighbour_arrays(self) -> tuple[array[int], array[int]]:
        """The neighbour table as plain arrays (a slice of one is cheaper to read per query
        than a slice of a numpy array)."""
        cached: tuple[array[int], array[int]] | None = self.__dict__.get("_nb_arrays")
        if cached is None:
            offsets, data = array("q"), array("i")
            offsets.frombytes(self.neighbour_offsets.astype(np.int64).tobytes())
            data.frombytes(self.neighbour_data.astype(np.int32).tobytes())
            cached = self.__dict__["_nb_arrays"] = (offsets, data)
        return cached

    def key_text(self, key_id: int) -> str:
        return self._reverse[key_id]

    def prepare(self) -> NameIndex:
        """Build the lookup tables screening needs now rather than on a first query."""
        _ = self._reverse, self.word_info, self._neighbour_arrays
        return self

    @property
    def word_info(self) -> WordInfo:
        """What the word similarity needs of each indexed word (memoised, from the stored
        phonetic keys)."""
        cached: WordInfo | None = self.__dict__.get("_word_info")
        if cached is None:
            cached = self.__dict__["_word_info"] = WordInfo(self.token_phonetic)
        return cached

    @property
    def _reverse(self) -> list[str]:
        cached: list[str] | None = self.__dict__.get("_rev")
        if cached is None:
            cached = [""] * len(self.vocab)
            for key, idx in self.vocab.items():
                cached[idx] = key
            self.__dict__["_rev"] = cached
        return cached

    def record(self, rec_id: int) -> NameRecord:
        """The record ``rec_id`` as an object (memoised: the same names come up again)."""
        cache: dict[int, NameRecord] = self.__dict__.setdefault("_records", {})
        found = cache.get(rec_id)
        if found is None:
            found = cache[rec_id] = self._make_record(rec_id)
        return found

    def _make_record(self, rec_id: int) -> NameRecord:
        tokens = self.rec_tokens[rec_id]
        form = NameForm(tokens, frozenset(self.rec_forms[rec_id]), self.rec_script[rec_id],
                        self.rec_kind[rec_id] == KIND_NATIVE)  # fmt: skip
        return NameRecord(
            self.rec_entity[rec_id],
            self.rec_text[rec_id],
            weigh(form, self.params),
            self.rec_kind[rec_id],
            self.rec_weak[rec_id],
        )

    def entity(self, ent: int) -> EntityInfo:
        """The entity ``ent`` as the scorer sees it (memoised, like :meth:`record`)."""
        cache: dict[int, EntityInfo] = self.__dict__.setdefault("_entities", {})
        found = cache.get(ent)
        if found is None:
            found = cache[ent] = self._make_entity(ent)
        return found

    def _make_entity(self, ent: int) -> EntityInfo:
        return EntityInfo(
            id=self.ent_id[ent],
            list=self.ent_list[ent],
            source_id=self.ent_source_id[ent],
            schema=Schema(self.ent_schema[ent]),
            caption=self.ent_caption[ent],
            birth_dates=tuple(_parse_date(d) for d in self.ent_dates[ent]),
            countries=frozenset(self.ent_countries[ent]),
            identifiers=tuple((IdType(t), v) for t, v in self.ent_identifiers[ent]),
        )

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
        if not isinstance(state, dict) or state.get("format") != INDEX_FORMAT:
            raise ValueError(f"index {path} has an unsupported format; it will be rebuilt")
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


def record_keys(
    tokens: tuple[str, ...],
    kind: int,
    phonetic: Callable[[str], str] = phonetic,
    sound: Callable[[str], str] = sound,
) -> set[str]:
    """Every retrieval key of one indexed name (``phonetic`` and ``sound`` may be memoised
    versions of :func:`~clearance.matching.normalize.phonetic` and ``sound``)."""
    if kind == KIND_SKELETON:
        return {f"s:{t}" for t in tokens if len(t) >= 2}
    if kind == KIND_NATIVE:
        return {f"n:{t}" for t in tokens}
    keys = {f"t:{t}" for t in tokens} | {f"p:{phonetic(t)}" for t in tokens}
    keys |= {f"p:{sound(t)}" for t in tokens if not t.isdigit()}
    for i in range(len(tokens) - 1):
        keys.add("c:" + tokens[i] + tokens[i + 1])
    if 2 < len(tokens) <= 5:
        keys.add("c:" + "".join(tokens))
    return keys


_ENTITY_COLUMNS = ("ent_id", "ent_list", "ent_source_id", "ent_schema", "ent_caption",
                   "ent_dates", "ent_countries", "ent_identifiers")  # fmt: skip
_RECORD_COLUMNS = ("rec_entity", "rec_text", "rec_tokens", "rec_forms", "rec_script",
                   "rec_kind", "rec_weak", "rec_weight")  # fmt: skip


@dataclass
class Postings:
    """Postings as flat arrays: key ``keys[i]`` holds the next ``sizes[i]`` record ids of
    ``data`` (keys in order of first use, ids ascending). Pickles far faster than a dict of
    lists, which matters when a worker process ships a list's share back."""

    keys: list[str]
    sizes: npt.NDArray[np.int64]
    data: npt.NDArray[np.int32]

    @classmethod
    def from_dict(cls, table: dict[str, list[int]]) -> Postings:
        sizes = np.fromiter(map(len, table.values()), dtype=np.int64, count=len(table))
        data = np.fromiter(
            chain.from_iterable(table.values()), dtype=np.int32, count=int(sizes.sum())
        )
        return cls(list(table), sizes, data)


@dataclass
class PartialIndex:
    """One list's share of an index (columns and postings, no lookup tables yet).

    Built where the list is parsed (e.g. in a worker process), merged by
    :func:`merge_partials` into the snapshot's index.
    """

    index: NameIndex
    postings: Postings


def build_partial(entities: Iterable[Entity], params: NameParams | None = None) -> PartialIndex:
    builder = IndexBuilder("partial", params)
    with paused_gc():
        builder.add_all(entities)
        return builder.partial()


def merge_partials(
    parts: Iterable[PartialIndex], snapshot_id: str, params: NameParams | None = None
) -> NameIndex:
    builder = IndexBuilder(snapshot_id, params)
    with paused_gc():
        for part in parts:
            builder.absorb(part)
        return builder.build()


class IndexBuilder:
    """Accumulates entities, then :meth:`build` returns the finished :class:`NameIndex`."""

    def __init__(self, snapshot_id: str, params: NameParams | None = None) -> None:
        self.index = NameIndex(snapshot_id=snapshot_id, params=params or NameParams())
        self._postings: dict[str, list[int]] = defaultdict(list)  # of records added here
        self._chunks: list[tuple[Postings, int]] = []  # absorbed postings, record id offset
        # The same words recur in many names: their keys are worked out once per build.
        self._phonetic = _Memo(phonetic)
        self._sound = _Memo(sound)
        self._skeleton: _Memo[tuple[str, str]] = _Memo(lambda key: skeleton(*key))

    def add(self, entity: Entity) -> None:
        index = self.index
        idx = len(index.ent_id)
        info = entity_info(entity)
        index.ent_id.append(info.id)
        index.ent_list.append(info.list)
        index.ent_source_id.append(info.source_id)
        index.ent_schema.append(info.schema.value)
        index.ent_caption.append(info.caption)
        index.ent_dates.append(tuple(str(d) for d in info.birth_dates))
        index.ent_countries.append(tuple(sorted(info.countries)))
        index.ent_identifiers.append(tuple((t.value, v) for t, v in info.identifiers))
        for _, value in info.identifiers:
            index.identifiers.setdefault(value, []).append(idx)
        seen: set[tuple[int, tuple[str, ...]]] = set()
        split = entity.schema is not Schema.PERSON  # "A. S." in a person name are initials
        for name in entity.names:
            for part in name_parts(name.full):
                for form in analyse(part, split_forms=split):
                    self._add_forms(idx, entity, name.full, form, name.weak, seen)

    def _add_forms(
        self,
        idx: int,
        entity: Entity,
        text: str,
        form: NameForm,
        weak: bool,
        seen: set[tuple[int, tuple[str, ...]]],
    ) -> None:
        kind = KIND_NATIVE if form.native else KIND_LATIN
        self._add_record(idx, text, form, kind, weak, seen)
        if kind == KIND_LATIN and entity.schema in (Schema.PERSON, Schema.ORGANIZATION):
            memo, script = self._skeleton, form.script
            skel = tuple(s for s in (memo[t, script] for t in form.tokens) if s)
            if skel:
                skel_form = NameForm(skel, form.forms, form.script)
                self._add_record(idx, text, skel_form, KIND_SKELETON, weak, seen)

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
        index = self.index
        rec_id = len(index.rec_entity)
        index.rec_entity.append(entity)
        index.rec_text.append(text)
        index.rec_tokens.append(form.tokens)
        index.rec_forms.append(tuple(sorted(form.forms)))
        index.rec_script.append(form.script)
        index.rec_kind.append(kind)
        index.rec_weak.append(weak)
        index.rec_weight.append(sum(word_weight(t, index.params) for t in form.tokens))
        postings = self._postings
        for key in record_keys(
            form.tokens, kind, self._phonetic.__getitem__, self._sound.__getitem__
        ):
            postings[key].append(rec_id)

    def add_all(self, entities: Iterable[Entity]) -> None:
        for entity in entities:
            self.add(entity)

    def partial(self) -> PartialIndex:
        """What was added so far, to be merged with other lists' parts (see :meth:`absorb`)."""
        self._flush()
        if len(self._chunks) == 1 and self._chunks[0][1] == 0:
            return PartialIndex(self.index, self._chunks[0][0])
        vocab, data, offsets = _merge_postings(self._chunks)
        return PartialIndex(self.index, Postings(list(vocab), np.diff(offsets), data))

    def absorb(self, part: PartialIndex) -> None:
        """Append another builder's entities, names and postings (ids shifted)."""
        self._flush()
        index, other = self.index, part.index
        ent_off, rec_off = len(index.ent_id), len(index.rec_entity)
        for name in _ENTITY_COLUMNS + _RECORD_COLUMNS:
            getattr(index, name).extend(getattr(other, name))
        if ent_off:
            index.rec_entity[rec_off:] = [e + ent_off for e in other.rec_entity]
        for value, ents in other.identifiers.items():
            index.identifiers.setdefault(value, []).extend(e + ent_off for e in ents)
        self._chunks.append((part.postings, rec_off))

    def _flush(self) -> None:
        """Move the postings of records added here into the chunk list (record order kept)."""
        if self._postings:
            self._chunks.append((Postings.from_dict(self._postings), 0))
            self._postings = defaultdict(list)

    def build(self) -> NameIndex:
        self._flush()
        index = self.index
        memo = self._phonetic
        index.token_phonetic = {
            t: memo[t] for t in dict.fromkeys(chain.from_iterable(index.rec_tokens))
        }
        index.vocab, index.posting_data, index.posting_offsets = _merge_postings(self._chunks)
        index.neighbour_keys, index.neighbour_data, index.neighbour_offsets = _neighbour_table(
            index.vocab
        )
        return index


_K = TypeVar("_K")


class _Memo(dict[_K, str]):
    """``function(key)``, worked out on first use."""

    def __init__(self, function: Callable[[_K], str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: _K) -> str:
        value = self[key] = self.function(key)
        return value


_WITH_NEIGHBOURS = ("t:", "p:", "n:", "s:")


def _merge_postings(
    chunks: list[tuple[Postings, int]],
) -> tuple[dict[str, int], npt.NDArray[np.int32], npt.NDArray[np.int64]]:
    """Concatenate postings chunks (record ids shifted by each chunk's offset) into one CSR
    table: keys numbered in order of first use, each key's ids in chunk order."""
    vocab = dict.fromkeys(chain.from_iterable(c.keys for c, _ in chunks), 0)
    vocab = dict(zip(vocab, range(len(vocab)), strict=True))
    owners = [
        np.repeat(np.fromiter(map(vocab.__getitem__, c.keys), np.int64, len(c.keys)), c.sizes)
        for c, _ in chunks
    ]
    data = [c.data if off == 0 else c.data + np.int32(off) for c, off in chunks]
    return vocab, *_group(owners, data, len(vocab))


def _neighbour_table(
    vocab: dict[str, int],
) -> tuple[dict[str, int], npt.NDArray[np.int32], npt.NDArray[np.int64]]:
    """Deletion neighbourhood of the vocabulary: "t:word" -> "t:ord", "t:wrd", ... (the
    prefix stays, one letter of the word goes), each variant -> ids of the keys it came from
    (slots in order of first use, ids ascending, a key listed twice if two deletions agree)."""
    long = [(k, i) for k, i in vocab.items() if len(k) >= 6 and k[:2] in _WITH_NEIGHBOURS]
    variants = [k[:j] + k[j + 1 :] for k, _ in long for j in range(2, len(k))]
    sizes = np.fromiter((len(k) - 2 for k, _ in long), np.int64, len(long))
    owners = np.repeat(np.fromiter((i for _, i in long), np.int64, len(long)), sizes)
    slots = dict.fromkeys(variants, 0)
    slots = dict(zip(slots, range(len(slots)), strict=True))
    codes = np.fromiter(map(slots.__getitem__, variants), np.int64, len(variants))
    return slots, *_group([codes], [owners.astype(np.int32)], len(slots))


def _group(
    keys: list[npt.NDArray[np.int64]], values: list[npt.NDArray[np.int32]], count: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int64]]:
    """(flat data, offsets) of ``values`` grouped by ``keys`` (a stable sort: order kept)."""
    key = np.concatenate(keys) if keys else np.zeros(0, np.int64)
    value = np.concatenate(values) if values else np.zeros(0, np.int32)
    order = np.argsort(key, kind="stable")
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(key, minlength=count), out=offsets[1:])
    return value[order].astype(np.int32, copy=False), offsets
