"""Building the name index: entities to name records and keys, in parts that merge.

A snapshot's lists are parsed (and their parts indexed) in parallel processes; each part is a
:class:`PartialIndex` of plain columns and postings, merged into one
:class:`~clearance.matching.index.NameIndex` with its typo neighbourhood table. The keys are
described in :mod:`clearance.matching.index`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from clearance.gcpause import paused_gc
from clearance.matching.arabic_article import DIN
from clearance.matching.exact import code_key, exact_key, listed_initials_keys
from clearance.matching.forms import name_forms
from clearance.matching.index import (
    CROWDED_SKELETON,
    KIND_LATIN,
    KIND_NATIVE,
    KIND_SKELETON,
    EntityInfo,
    NameIndex,
    clean_identifier,
)
from clearance.matching.initials import family_mask, family_text
from clearance.matching.listed_compounds import abd_joined
from clearance.matching.normalize import NameForm, name_parts, skeleton, without_article
from clearance.matching.params import NameParams, TrustParams, WordParams
from clearance.matching.phonetics import phonetic, sound
from clearance.matching.scripts import latin_skeleton
from clearance.matching.spelled import (
    alike_keys,
    read_alike_records,
    table_readings,
    vowel_places,
    vowel_words,
)
from clearance.matching.vocab import LOW_INFO_WORDS
from clearance.matching.weights import word_weight
from clearance.model import Entity, Schema


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
        if tokens[i + 1] == DIN:  # an "X al-Din" compound by the sound of it run together,
            # for a query word that runs it together with a slip ("shamsudgin"; h164)
            keys.add("p:" + sound(tokens[i] + DIN))
    for t in tokens:  # (an abd al- compound written as one word: as its two words joined)
        joined = abd_joined(t) if t[:3] == "abd" else None
        if joined is not None:
            keys.add("c:" + joined)
    if 2 < len(tokens) <= 5:
        keys.add("c:" + "".join(tokens))
    return keys


_ENTITY_COLUMNS = ("ent_id", "ent_list", "ent_source_id", "ent_schema", "ent_caption",
                   "ent_dates", "ent_countries", "ent_identifiers")  # fmt: skip
_RECORD_COLUMNS = ("rec_entity", "rec_text", "rec_tokens", "rec_forms", "rec_script",
                   "rec_kind", "rec_weak", "rec_weight", "rec_bare", "rec_family")  # fmt: skip


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
        self._phonetic: _Memo[str, str] = _Memo(phonetic)
        self._sound: _Memo[str, str] = _Memo(sound)
        self._skeleton: _Memo[tuple[str, str], str] = _Memo(lambda key: skeleton(*key))
        self._vowel_words: _Memo[str, tuple[str, ...]] = _Memo(vowel_words)

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
        seen: dict[tuple[int, tuple[str, ...]], int] = {}
        vowelled: dict[int, set[str]] = {}  # skeleton record -> its names' words (see below)
        for name in entity.names:
            first: int | None = None
            latin: tuple[str, ...] = ()  # (the words of its Latin form: see below)
            parts = [(part, False) for part in name_parts(name.full)]
            family = (family_text(name.full, name.family)  # (initials: format 39)
                      if entity.schema is Schema.PERSON else None)  # fmt: skip
            bare = without_article(name.full)  # "AL-AQSA": also as "aqsa" (since 1.12), spelt
            if bare is not None:  # only (an Arabic-script query has its article)
                parts += [(part, True) for part in name_parts(bare)]
            for part, stripped in parts:
                for form, kind in name_forms(
                    part, entity.schema, query=False, skeleton=self._skeleton_of
                ):
                    if stripped and kind == KIND_SKELETON:
                        continue
                    rec_id = self._add_record(idx, name.full, form, kind, name.weak, seen,
                                              stripped, family)  # fmt: skip
                    first = rec_id if first is None else first
                    if kind == KIND_SKELETON:  # (after the Latin form it is made of)
                        words = vowelled.setdefault(rec_id, set())
                        for token in latin:
                            words.update(self._vowel_words[token])
                    else:
                        latin = form.tokens
            key = exact_key(name.full)
            if first is not None and key:  # the name as written (see :mod:`exact`)
                index.exact.setdefault(key, []).append((first, name.weak))
                if entity.schema is Schema.PERSON:  # ... and as its initials ("A. D. MUHAMMAD")
                    for initials in listed_initials_keys(name.full):
                        index.exact.setdefault(initials, []).append((first, name.weak))
                code = code_key(name.full)  # ... and a code run together ("S5SAD")
                if code is not None:
                    index.exact.setdefault(code, []).append((first, name.weak))
        # Each skeleton record's listed words (of every name of the entity with its skeleton,
        # with the parts of compounds the spelled trust reads), as "v:" keys (set apart when
        # the index is built).
        for rec_id in sorted(vowelled):
            for word in sorted(vowelled[rec_id]):
                self._postings[_VOWEL + word].append(rec_id)

    def _skeleton_of(self, token: str, script: str) -> str:
        return self._skeleton[token, script]

    def _add_record(
        self,
        entity: int,
        text: str,
        form: NameForm,
        kind: int,
        weak: bool,
        seen: dict[tuple[int, tuple[str, ...]], int],
        bare: bool = False,
        family: str | None = None,
    ) -> int:
        """The record of ``form`` for ``entity`` (added unless the entity has it already);
        ``bare``: the form is only that of a name with its Arabic article left out. A record
        a weak a.k.a. made first stands for a strong name of the entity with its form too
        (format 29, ``strong_shared``): the weak "Abou Wafa AL SAOUDI" listed before the strong
        "Abu Wafa AL-SAUDI" made their one skeleton record (b f lsd) weak, and "أبو وفاء
        السعودي" met the strong name only through its Latin reading. ``family``: a person's
        family name, as the list tells it (``initials.family_text``; Latin forms only; a
        record of several names keeps the family words they all tell)."""
        found = seen.get((kind, form.tokens))
        mask = 0
        if family and kind == KIND_LATIN:
            mask = family_mask(form.tokens, family, "," in text)
        if found is not None:
            # (a word is the family's only where every name written so says so: "Kim Kyong
            # Ok", no parts, is read Western-wise, KIM KYONG OK's KIM is a given name there)
            self.index.rec_family[found] &= mask
            if not bare:  # (another name of the entity is written so: "AQSA FOUNDATION")
                self.index.rec_bare[found] = False
            if self.index.rec_weak[found] and not weak:
                self.index.rec_weak[found] = False
                self.index.rec_text[found] = text
            return found
        index = self.index
        rec_id = seen[kind, form.tokens] = len(index.rec_entity)
        index.rec_entity.append(entity)
        index.rec_text.append(text)
        index.rec_tokens.append(form.tokens)
        index.rec_forms.append(tuple(sorted(form.forms)))
        index.rec_script.append(form.script)
        index.rec_kind.append(kind)
        index.rec_weak.append(weak)
        index.rec_bare.append(bare)
        index.rec_family.append(mask)
        index.rec_weight.append(sum(word_weight(t, index.params) for t in form.tokens))
        postings = self._postings
        for key in record_keys(
            form.tokens, kind, self._phonetic.__getitem__, self._sound.__getitem__
        ):
            postings[key].append(rec_id)
        return rec_id

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
        for key, recs in other.exact.items():
            index.exact.setdefault(key, []).extend((r + rec_off, weak) for r, weak in recs)
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
        chunks, vowel_chunks = _split_chunks(self._chunks, _VOWEL)
        index.vocab, index.posting_data, index.posting_offsets = _merge_postings(chunks)
        _crowded_words(index, _merge_postings(vowel_chunks))
        index.org_common = common_org_words(index)
        index.neighbour_keys, index.neighbour_data, index.neighbour_offsets = _neighbour_table(
            index.vocab
        )
        return index


_VOWEL = "v:"  # (a listed word of a skeleton record: see _crowded_words)


def common_org_words(index: NameIndex) -> frozenset[str]:
    """The words generic in listed organisation names (issue 11 class 11, index format 35):
    of three letters or more, not a number nor a word weighed low already, that the Latin names
    of ``params.common_org_names`` organisations or more write, organisations of
    ``params.common_org_countries`` countries or more ("machine", "islamic", "defense": a word
    unrelated organisations use, as a word of their trade or creed, is no name by itself).
    Not a word that is by itself, legal forms and the Arabic article apart, the whole of a
    listed organisation's name or alias (format 37: "AL-HARAMAIN", "AL-JIHAD", "PJSC
    SBERBANK", "UNITED COMPANY OJSC"; a parenthesised part alone, "(ASIA)", is no such name):
    the branches of one listed network in many countries write their name, not a trade's
    word, and a query of it with generic words ("Haramain Group") names that network."""
    params = index.params
    words: dict[int, set[str]] = defaultdict(set)  # organisation -> its Latin names' words
    named: set[str] = set()  # words that are by themselves a listed organisation's name
    schema, rec_entity, rec_kind = index.ent_schema, index.rec_entity, index.rec_kind
    for rec_id, tokens in enumerate(index.rec_tokens):
        entity = rec_entity[rec_id]
        if rec_kind[rec_id] == KIND_LATIN and schema[entity] == "organization":
            words[entity].update(tokens)
            if len(tokens) == 1 and "(" not in index.rec_text[rec_id]:
                named.add(tokens[0])
    names: dict[str, int] = {}
    countries: dict[str, set[str]] = {}
    for entity, found in words.items():
        where = index.ent_countries[entity]
        for token in found:
            if len(token) >= 3 and token.isalpha():
                names[token] = names.get(token, 0) + 1
                countries.setdefault(token, set()).update(where)
    excluded = LOW_INFO_WORDS | named  # (once, not a union per word)
    return frozenset(
        word for word, count in names.items()
        if count >= params.common_org_names and word not in excluded
        and len(countries[word]) >= params.common_org_countries
    )  # fmt: skip


def _split_chunks(
    chunks: list[tuple[Postings, int]], prefix: str
) -> tuple[list[tuple[Postings, int]], list[tuple[Postings, int]]]:
    """The postings chunks without the keys starting with ``prefix``, and those keys' (the
    prefix left out)."""
    rest: list[tuple[Postings, int]] = []
    apart: list[tuple[Postings, int]] = []
    for post, off in chunks:
        mask = np.fromiter((k.startswith(prefix) for k in post.keys), bool, len(post.keys))
        rows = np.repeat(mask, post.sizes)
        cut = len(prefix)
        rest.append((Postings([k for k, m in zip(post.keys, mask, strict=True) if not m],
                              post.sizes[~mask], post.data[~rows]), off))  # fmt: skip
        apart.append((Postings([k[cut:] for k, m in zip(post.keys, mask, strict=True) if m],
                               post.sizes[mask], post.data[rows]), off))  # fmt: skip
    return rest, apart


def _crowded_words(
    index: NameIndex,
    merged: tuple[dict[str, int], npt.NDArray[np.int32], npt.NDArray[np.int64]],
) -> None:
    """Keep in ``index`` the listed words (``merged``: word -> their skeleton records) of the
    crowded skeletons: those more than :data:`CROWDED_SKELETON` records hold a word of (since
    format 27: of a common skeleton, the names whose vowels agree with a query's are lifted by
    looking up the query's words among these, not each name; see ``bounds.spelled_bounds``)."""
    vocab, data, offsets = merged
    sizes = np.diff(offsets)
    groups: dict[str, list[str]] = defaultdict(list)
    held: dict[str, int] = defaultdict(int)
    for word, slot in vocab.items():
        skel = latin_skeleton(word)
        groups[skel].append(word)
        held[skel] += int(sizes[slot])
    kept = {s: tuple(ws) for s, ws in groups.items() if held[s] > CROWDED_SKELETON}
    words = [w for ws in kept.values() for w in ws]
    slots = np.fromiter(map(vocab.__getitem__, words), np.int64, len(words))
    owners = np.repeat(np.arange(len(words), dtype=np.int64), sizes[slots])
    rows = np.concatenate([data[offsets[s] : offsets[s + 1]] for s in slots.tolist()] or [data[:0]])
    index.vowel_words = kept
    alike: dict[str, list[str]] = defaultdict(list)
    for word in words:
        for key in alike_keys(word):
            alike[key].append(word)
    index.vowel_alike = {key: tuple(found) for key, found in alike.items()}
    index.vowel_places = {word: vowel_places(word) for word in words}
    index.vowel_slots = dict(zip(words, range(len(words)), strict=True))
    index.vowel_data, index.vowel_offsets = _group([owners], [rows], len(words))
    _table_readings(index)


def _table_readings(index: NameIndex) -> None:
    """Keep in ``index`` the records of crowded skeletons each reading of the name-word table
    agrees with as spelt, for the default parameters (since format 28: looked up once here,
    not for each query that has the reading; see ``spelled.read_alike_records``)."""
    cut, params = TrustParams().spelled_word_sim, WordParams()
    texts = table_readings()
    found = [read_alike_records(index, text, cut, params) for text in texts]
    sizes = np.fromiter(map(len, found), np.int64, len(found))
    index.vowel_read = dict(zip(texts, range(len(texts)), strict=True))
    index.vowel_read_data = np.concatenate(found or [index.vowel_data[:0]]).astype(np.int32)
    index.vowel_read_offsets = np.concatenate([np.zeros(1, np.int64), np.cumsum(sizes)])
    index.vowel_read_params = (cut, params)


_K = TypeVar("_K")
_V = TypeVar("_V")


class _Memo(dict[_K, _V]):
    """``function(key)``, worked out on first use."""

    def __init__(self, function: Callable[[_K], _V]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: _K) -> _V:
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
    prefix stays, one letter of the word goes), each variant (in order of first use) -> the id
    of the one key it came from, or -1 - slot of the ids of several (ascending, a key listed
    twice if two deletions agree; see :mod:`clearance.matching.keytables`)."""
    long = [(k, i) for k, i in vocab.items() if len(k) >= 6 and k[:2] in _WITH_NEIGHBOURS]
    variants = [k[:j] + k[j + 1 :] for k, _ in long for j in range(2, len(k))]
    sizes = np.fromiter((len(k) - 2 for k, _ in long), np.int64, len(long))
    owners = np.repeat(np.fromiter((i for _, i in long), np.int64, len(long)), sizes)
    slots = dict.fromkeys(variants, 0)
    slots = dict(zip(slots, range(len(slots)), strict=True))
    codes = np.fromiter(map(slots.__getitem__, variants), np.int64, len(variants))
    data, offsets = _group([codes], [owners.astype(np.int32)], len(slots))
    # A variant of one key holds its id; one of several, -1 - its slot among those (format 25)
    sizes = np.diff(offsets)
    single = sizes == 1
    several = np.flatnonzero(~single)
    code = np.empty(len(sizes), dtype=np.int64)
    code[single] = data[offsets[:-1][single]]
    code[several] = -1 - np.arange(len(several))
    shared = np.zeros(len(several) + 1, dtype=np.int64)
    np.cumsum(sizes[several], out=shared[1:])
    table = dict(zip(slots, code.tolist(), strict=True))
    return table, data[np.repeat(~single, sizes)], shared


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
