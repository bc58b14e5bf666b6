"""The lookups of an index's most held words, worked out once when a screener starts (h198).

Retrieval memoises what each query word reaches (``retrieve.word_records``, the index's
:class:`~clearance.matching.keytables.WordHitCache`), but a screener's first queries meet every
word for the first time. The costliest of those lookups are the words many listed names hold
("mohammed", "ali", "trading"): their postings, thousands of records, are merged with their
near neighbours' per word, the one step of a cold query that grows with the list. Those words
are few (some 1,200 words of an index of 106,000 names are held by :data:`WARM_RECORDS`
records or more) and common in queries too, so they are looked up once when a screener starts, with
the screener's own parameters, through the very function retrieval calls: what a query finds
in the memo is what it would have worked out, and outcomes cannot change.
"""

from __future__ import annotations

import numpy as np

from clearance.matching.index import KIND_LATIN, KIND_NATIVE, KIND_SKELETON, NameIndex
from clearance.matching.params import RetrievalParams, WordParams
from clearance.matching.retrieve import word_records

WARM_RECORDS = 30
"""A listed word held by at least this many records is looked up when a screener starts (600
cold queries of bench_heldout's mix, index of 106,000 records: 1,216 such words, 1,299
lookups, 2.8 MB, 0.12 s CPU compiled; the records merged per query word fell from 277,000 to
101,000)."""
WARM_WORDS = 2_000
"""... among at most this many keys, the most held first, of every kind (phonetic and
run-together keys too, not looked up: a larger list still has a bounded start)."""

_KINDS = {"t:": KIND_LATIN, "n:": KIND_NATIVE, "s:": KIND_SKELETON}  # (wordkeys' prefixes)


def common_words(index: NameIndex, least: int | None = None) -> list[tuple[int, str]]:
    """The (kind, word) of each listed word (a key of a query word's own spelling: Latin,
    original script or skeleton) at least ``least`` (:data:`WARM_RECORDS`) records hold, most
    held first (of the :data:`WARM_WORDS` most held keys)."""
    least = WARM_RECORDS if least is None else least
    sizes = np.diff(index.posting_offsets)  # (each key's records)
    held = np.flatnonzero(sizes >= least)
    texts = index.key_tables.texts
    out: list[tuple[int, str]] = []
    for key_id in held[np.argsort(-sizes[held], kind="stable")][:WARM_WORDS].tolist():
        kind = _KINDS.get(texts[key_id][:2], -1)
        if kind >= 0:
            out.append((kind, texts[key_id][2:]))
    return out


def warm_words(
    index: NameIndex, retrieval: RetrievalParams, words: WordParams, least: int | None = None
) -> int:
    """Look up (and so memoise) the words :func:`common_words` gives, as a query's word: a
    short Latin word both as a person's and as a company's (they are memoised apart). How
    many lookups were made."""
    made = 0
    for kind, word in common_words(index, least):
        word_records(index, word, kind, retrieval, words)
        made += 1
        if kind == KIND_LATIN and len(word) < retrieval.near_min_length:
            word_records(index, word, kind, retrieval, words, company=True)
            made += 1
    return made
