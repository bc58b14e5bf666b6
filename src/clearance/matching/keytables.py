"""The index's key lookups for retrieval, as one object whose fields compiled code reads
directly (the index itself stays Python: it pickles as a dict and caches in its ``__dict__``).

The typo neighbourhood table maps a deletion variant ("t:mkrtchev") to a code: the vocabulary
id of the one key it came from (>= 0, most variants), or ``-1 - slot`` for a variant several
keys share, whose ids are ``data[offsets[slot]:offsets[slot + 1]]``.

Most texts a query word makes (its deletions, phonetic keys, run-together pairs) are in neither
table, and a lookup in a table of hundreds of thousands of keys waits on memory; a bitmap of
the keys' hashes (a few percent of its bits set) answers most of them first.

Retrieval's memo of word lookups (:class:`WordHitCache`) lives here too: asked for every query
word, it is compiled with the code that asks.
"""

from __future__ import annotations

from array import array
from typing import Final, cast

import numpy as np
import numpy.typing as npt


class KeyTables:
    """Vocabulary, typo neighbourhood, key texts and postings of one index (read-only)."""

    def __init__(
        self,
        vocab: dict[str, int],
        neighbour_codes: dict[str, int],
        neighbour_offsets: array[int],
        neighbour_data: array[int],
        texts: list[str],
        filters: tuple[bytes, int, bytes, int],
        postings: tuple[array[int], array[int]],
        posting_ids: npt.NDArray[np.int32],
    ) -> None:
        self.vocab = vocab
        self.neighbour_codes = neighbour_codes
        self.neighbour_offsets = neighbour_offsets
        self.neighbour_data = neighbour_data
        self.texts = texts  # every key's text by its id
        # bitmaps of the keys' hashes (see :func:`hash_bitmap`) and their masks
        self.vocab_bits, self.vocab_mask, self.neighbour_bits, self.neighbour_mask = filters
        # each key's records: posting_data[posting_offsets[key]:posting_offsets[key + 1]]
        self.posting_offsets, self.posting_data = postings
        self.posting_ids = posting_ids  # posting_data as numpy (the index's own column)

    def posting(self, key_id: int) -> npt.NDArray[np.int32]:
        """Ids of the records holding key ``key_id`` (ascending)."""
        return self.posting_ids[self.posting_offsets[key_id] : self.posting_offsets[key_id + 1]]

    def key_id(self, text: str) -> int:
        """The vocabulary id of ``text`` (-1: not a key)."""
        h = hash(text) & self.vocab_mask
        if not (self.vocab_bits[h >> 3] >> (h & 7)) & 1:
            return -1
        return self.vocab.get(text, -1)

    def neighbours(self, variants: list[str]) -> list[int]:
        """Vocabulary ids of keys one deletion away from any of ``variants``, each once (in
        order of the variants, a variant's ids ascending)."""
        codes = self.neighbour_codes
        shared = codes.keys() & variants  # (one call for them all: most are in no key)
        if not shared:
            return []
        out: list[int] = []
        for variant in variants:
            if variant in shared:
                code = codes[variant]
                if code >= 0:
                    out.append(code)
                else:
                    out += self.neighbour_data[
                        self.neighbour_offsets[-1 - code] : self.neighbour_offsets[-code]
                    ]
        return list(dict.fromkeys(out)) if len(out) > 1 else out


WordHit = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]
_MISSING: Final = object()  # (a memoised lookup may have found nothing: None)


class WordHitCache:
    """Two generations of memoised word lookups: when the young one is full it becomes the old
    one (the previous old one is dropped), and a hit in the old one moves back to the young.
    Words in steady use stay; memory stays bounded at twice ``size`` entries."""

    __slots__ = ("old", "size", "young")

    def __init__(self, size: int) -> None:
        self.size = size
        self.young: dict[tuple[int, str], WordHit | None] = {}
        self.old: dict[tuple[int, str], WordHit | None] = {}

    def get(self, key: tuple[int, str]) -> tuple[bool, WordHit | None]:
        hit = self.young.get(key, _MISSING)  # (one look: the key tuple hashed once)
        if hit is not _MISSING:
            return True, cast("WordHit | None", hit)
        if key in self.old:
            hit = self.old.pop(key)
            self.put(key, hit)
            return True, hit
        return False, None

    def put(self, key: tuple[int, str], hit: WordHit | None) -> None:
        if len(self.young) >= self.size:
            self.old, self.young = self.young, {}
        self.young[key] = hit
