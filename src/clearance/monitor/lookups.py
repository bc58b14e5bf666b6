"""A shard of the book's reverse index as files read in place (layout ``forms-5``).

A day-sized delta reaches a few hundred of a book's forms; reading a whole shard to find them
(every customer id, word and run-together pair decoded from JSON, every array read into memory)
cost in proportion to the book: about 1 s per 100,000 customers. So a shard is stored as one
``.npy`` file per array, memory-mapped when loaded, and its strings (customer ids, words, pairs
and their sound keys, identifiers) as UTF-8 blobs with offsets, decoded one by one when asked
for (:class:`Strings`). What a delta looks up is kept sorted (:class:`Lookups`): the hashed
probes of the words, the hashed pairs and their sound keys, and which tokens and pair entries
each word and pair has; so the words and forms a delta reaches are found by binary search, and
only the pages they sit on are read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, overload

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[Any]


def hashes(keys: Iterable[str]) -> npt.NDArray[np.uint32]:
    """CRC-32 of keys (a collision only makes a key look present: checked exactly)."""
    return np.fromiter((zlib.crc32(k.encode()) for k in keys), dtype=np.uint32)


def ranges(starts: Array, lengths: Array) -> npt.NDArray[np.int64]:
    """The positions ``starts[i] .. starts[i] + lengths[i]`` of every ``i``, concatenated."""
    starts = np.asarray(starts, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    ends = np.cumsum(lengths)
    size = int(ends[-1]) if len(ends) else 0
    return np.repeat(starts - ends + lengths, lengths) + np.arange(size)


@dataclass
class HashLookup:
    """Owners (word, pair or key ids) by the CRC-32 of their keys, sorted for binary search."""

    hash: npt.NDArray[np.uint32]
    owner: npt.NDArray[np.int32]

    @classmethod
    def build(cls, hashed: Array, owner: Array) -> HashLookup:
        order = np.argsort(hashed, kind="stable")
        return cls(np.asarray(hashed, np.uint32)[order], np.asarray(owner, np.int32)[order])

    def find(self, keys: npt.NDArray[np.uint32]) -> npt.NDArray[np.int64]:
        """The distinct owners of a key hashed as one of ``keys``."""
        wanted = np.unique(keys)
        lo = np.searchsorted(self.hash, wanted, side="left")
        hi = np.searchsorted(self.hash, wanted, side="right")
        return np.unique(self.owner[ranges(lo, hi - lo)]).astype(np.int64)


@dataclass
class Grouped:
    """For each of ``n`` owners, the positions of its items: ``order[start[o]:start[o + 1]]``."""

    order: npt.NDArray[np.int64]
    start: npt.NDArray[np.int64]

    @classmethod
    def build(cls, owner_of: Array, count: int) -> Grouped:
        order = np.argsort(owner_of, kind="stable").astype(np.int64)
        start = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner_of, minlength=count), out=start[1:])
        return cls(order, start)

    def items(self, owners: Array) -> npt.NDArray[np.int64]:
        """The positions of the items of ``owners``, concatenated."""
        owners = np.asarray(owners, dtype=np.int64)
        begin = self.start[owners]
        return self.order[ranges(begin, self.start[owners + 1] - begin)]


@dataclass
class Lookups:
    """What a delta searches a shard by (built once, when the shard is stored)."""

    probes: HashLookup  # a word's probe keys -> the word
    pair_keys: HashLookup  # a run-together pair, and its two sound keys -> the pair
    word_tokens: Grouped  # word -> its tokens
    pair_entries: Grouped  # pair -> its entries (pair_word / pair_form / pair_weight)
    identifier_keys: HashLookup  # a clean identifier -> its entry in ``identifiers``


def build_lookups(forms: Any) -> Lookups:
    """The lookups of a :class:`~clearance.monitor.bookforms.BookForms`."""
    sounds = list(forms.pair_sounds)
    pair_hash = np.concatenate([
        hashes(forms.pairs), hashes(a for a, _ in sounds), hashes(b for _, b in sounds)
    ])  # fmt: skip
    pair_owner = np.tile(np.arange(len(forms.pairs), dtype=np.int32), 3)
    keys = list(forms.identifiers)
    return Lookups(
        HashLookup.build(forms.probe_hash, forms.probe_word),
        HashLookup.build(pair_hash, pair_owner),
        Grouped.build(forms.tok_word, len(forms.words)),
        Grouped.build(forms.pair_word, len(forms.pairs)),
        HashLookup.build(hashes(keys), np.arange(len(keys), dtype=np.int32)),
    )


class Strings(Sequence[str]):
    """Strings stored as one UTF-8 blob and their offsets, decoded when asked for."""

    def __init__(self, blob: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int64]) -> None:
        self.blob, self.offsets = blob, offsets

    @classmethod
    def of(cls, values: Iterable[str]) -> Strings:
        encoded = [v.encode() for v in values]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, pos: int) -> str: ...
    @overload
    def __getitem__(self, pos: slice) -> list[str]: ...
    def __getitem__(self, pos: int | slice) -> str | list[str]:
        if isinstance(pos, slice):
            return [self[i] for i in range(*pos.indices(len(self)))]
        size = len(self)
        if pos < 0:
            pos += size
        if not 0 <= pos < size:
            raise IndexError(pos)
        begin, end = int(self.offsets[pos]), int(self.offsets[pos + 1])
        return self.blob[begin:end].tobytes().decode()

    def __iter__(self) -> Iterator[str]:
        data = self.blob.tobytes()
        bounds = self.offsets.tolist()
        return (data[a:b].decode() for a, b in zip(bounds, bounds[1:], strict=False))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class StringPairs(Sequence[tuple[str, str]]):
    """Pairs of strings (a run-together pair's two sound keys), two :class:`Strings`."""

    def __init__(self, first: Strings, second: Strings) -> None:
        self.first, self.second = first, second

    def __len__(self) -> int:
        return len(self.first)

    @overload
    def __getitem__(self, pos: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, pos: slice) -> list[tuple[str, str]]: ...
    def __getitem__(self, pos: int | slice) -> tuple[str, str] | list[tuple[str, str]]:
        if isinstance(pos, slice):
            return list(zip(self.first[pos], self.second[pos], strict=True))
        return self.first[pos], self.second[pos]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return zip(self.first, self.second, strict=True)


class Identifiers(Mapping[str, list[int]]):
    """Clean identifier -> customers, read in place: a key found by its hash, checked exactly."""

    def __init__(self, keys: Strings, lookup: HashLookup, members: Grouped) -> None:
        self.names, self.lookup, self.members = keys, lookup, members

    def __getitem__(self, key: str) -> list[int]:
        for entry in self.lookup.find(hashes([key])).tolist():
            if self.names[entry] == key:
                found: list[int] = self.members.items(np.array([entry])).tolist()
                return found
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


# -- files -------------------------------------------------------------------------------------
def save_array(folder: Path, name: str, array: Array) -> None:
    np.save(folder / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)


def load_array(folder: Path, name: str) -> Array:
    """An array memory-mapped (read only); an empty one read (there is nothing to map)."""
    path = folder / f"{name}.npy"
    try:
        return np.load(path, mmap_mode="r", allow_pickle=False)  # type: ignore[no-any-return]
    except ValueError:
        return np.load(path, allow_pickle=False)  # type: ignore[no-any-return]


def save_strings(folder: Path, name: str, values: Iterable[str]) -> None:
    stored = values if isinstance(values, Strings) else Strings.of(values)
    save_array(folder, f"{name}.blob", stored.blob)
    save_array(folder, f"{name}.offsets", stored.offsets)


def load_strings(folder: Path, name: str) -> Strings:
    return Strings(load_array(folder, f"{name}.blob"), load_array(folder, f"{name}.offsets"))


def save_lookups(folder: Path, lookups: Lookups) -> None:
    for f in fields(Lookups):
        part = getattr(lookups, f.name)
        for g in fields(part):
            save_array(folder, f"{f.name}.{g.name}", getattr(part, g.name))


def load_lookups(folder: Path) -> Lookups:
    def hashed(name: str) -> HashLookup:
        return HashLookup(load_array(folder, f"{name}.hash"), load_array(folder, f"{name}.owner"))

    def grouped(name: str) -> Grouped:
        return Grouped(load_array(folder, f"{name}.order"), load_array(folder, f"{name}.start"))

    return Lookups(hashed("probes"), hashed("pair_keys"), grouped("word_tokens"),
                   grouped("pair_entries"), hashed("identifier_keys"))  # fmt: skip
