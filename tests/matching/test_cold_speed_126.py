"""Cold-pass cuts (h117, issue 11): a query word's typo neighbourhood looked up through the
key tables' hash bitmaps, the edit distance of two words of one length that share a deletion
read off their letters, and the set routines of a skeleton's exact reach (``np.isin``,
``np.unique``) as array methods. Each agrees with the general path it replaces (written out
here as it was); a few keys' records (plain Python) agree with the numpy merge."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz.distance import OSA

from clearance.matching.bounds import _unique, members
from clearance.matching.engine import Screener
from clearance.matching.index import NameIndex
from clearance.matching.keytables import KeyTables
from clearance.matching.memo import sim_rows
from clearance.matching.params import WordParams
from clearance.matching.retrieve import _best_per_record
from clearance.matching.scripts import has_run
from clearance.matching.wordkeys import _near, same_length_edits
from clearance.matching.wordsim import doubled, swapped, word_sim
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_LISTED = ("Ashot Mkrtychev", "Karimov Rustam", "Atif Hassan", "Moex Trading", "Mohammed Ali",
           "Mohamed Aly", "Muhammad Alee", "Sergei Ivanov", "Sergey Ivanoff", "Aitf Hasan",
           "Verus Holding", "Defense Engineering", "Versor Company", "Karimova Rustama",
           "Kraimov Group", "Mkrtchyan Trading", "Hassen Atef", "Ivanova Svetlana",
           "Svetlana Ivanovna", "Moexx Holding")  # fmt: skip
_LETTERS = "aeiouhkmnrstvy"


@pytest.fixture(scope="module")
def index() -> NameIndex:
    entities = [e("person" if i % 3 else "organization", name) for i, name in enumerate(_LISTED)]
    return Screener.build(entities, MatchingPolicy(screen_cache=0)).index


def _variants(word: str, rng: random.Random) -> list[str]:
    """``word`` with one or two random edits of every kind (and as it is)."""
    out = [word]
    for _ in range(12):
        w = list(word)
        for _ in range(rng.choice((1, 1, 2))):
            at = rng.randrange(len(w))
            edit = rng.randrange(4)
            if edit == 0:
                w[at] = rng.choice(_LETTERS)
            elif edit == 1 and len(w) > 3:
                del w[at]
            elif edit == 2:
                w.insert(at, rng.choice(_LETTERS) if rng.random() < 0.5 else w[at])
            elif at + 1 < len(w):
                w[at], w[at + 1] = w[at + 1], w[at]
        out.append("".join(w))
    return out


def test_same_length_edits_is_osa_and_swapped_for_words_sharing_a_deletion() -> None:
    rng = random.Random(126)
    checked = {0: 0, 1: 0, 2: 0}
    swaps = 0
    for _ in range(5000):
        size = rng.randrange(3, 12)
        word = "".join(rng.choice(_LETTERS) for _ in range(size))
        other = list(word)
        # a deletion of each, at two places, the same text: insert a letter elsewhere
        cut = rng.randrange(size)
        shared = word[:cut] + word[cut + 1 :]
        at = rng.randrange(size)
        other = list(shared[:at] + rng.choice(_LETTERS) + shared[at:])
        if rng.random() < 0.3:  # (or two adjacent letters swapped)
            at = rng.randrange(size - 1)
            other = list(word)
            other[at], other[at + 1] = other[at + 1], other[at]
        text = "".join(other)
        dist, swap = same_length_edits(word, text)
        assert dist == OSA.distance(word, text), (word, text)
        assert swap == (dist == 1 and swapped(word, text)), (word, text)
        checked[dist] += 1
        swaps += swap
    assert min(checked.values()) > 100 and swaps > 100


def _near_general(
    tables: KeyTables, prefix: str, word: str, found: dict[int, float], scale: float,
    words: WordParams,
) -> None:  # fmt: skip
    """``wordkeys._near`` as it was (clearance-logic 1.25): one set intersection per table,
    an OSA call per listed word of the same length, ``swapped`` for a swap."""
    rows = sim_rows(words)
    size = len(word)
    one_edit = word_sim(1, size, rows) * scale
    base = prefix + word
    cut = len(prefix)
    keys = [base[:i] + base[i + 1 :] for i in range(cut, cut + size)]
    twice = words.doubled_sim * scale
    least = words.min_word_sim
    vocab = tables.vocab
    listed = vocab.keys() & keys
    for at, key in enumerate(keys):
        if key not in listed or vocab[key] in found:
            continue
        neighbours = word[max(0, at - 1) : at] + word[at + 1 : at + 2]
        sim = max(one_edit, twice) if word[at] in neighbours else one_edit  # (a double)
        if sim >= least:
            found[vocab[key]] = sim
    keys.append(base)
    codes = tables.neighbour_codes
    shared = codes.keys() & keys
    texts, offsets, data = tables.texts, tables.neighbour_offsets, tables.neighbour_data

    def ids(code: int) -> list[int]:
        return [code] if code >= 0 else list(data[offsets[-1 - code] : offsets[-code]])

    if base in shared:  # (a listed word one letter longer)
        insertion = rows[1][min(size + 1, 11)] * scale
        for key_id in [k for k in ids(codes[base]) if k not in found]:
            typed_twice = size >= words.doubled_min_length and doubled(word, texts[key_id][cut:])
            best = max(insertion, twice) if typed_twice else insertion
            if best >= least:
                found[key_id] = best
        shared.discard(base)
    capped = size if size < 11 else 11
    swaps, swap_sim = size >= words.swap_min_length, words.swap_sim * scale
    runs = size >= words.doubled_min_length and has_run(word)
    for variant in keys:
        if variant not in shared:
            continue
        for key_id in ids(codes[variant]):
            if key_id in found:
                continue
            other = texts[key_id][cut:]
            dist = OSA.distance(word, other)
            sim = rows[dist][capped] * scale
            if dist == 1:
                if swaps and swapped(word, other):
                    sim = max(sim, swap_sim)
                elif runs and doubled(word, other):
                    sim = max(sim, twice)
            if sim >= least:
                found[key_id] = sim


def test_near_finds_the_general_paths_keys_and_similarities(index: NameIndex) -> None:
    tables, words = index.key_tables, WordParams()
    rng = random.Random(7)
    listed = sorted({t[2:] for t in tables.texts if t.startswith("t:") and len(t) >= 6})
    assert len(listed) >= 20
    reached = 0
    for word in listed:
        for query in _variants(word, rng):
            for prefix, scale in (("t:", 1.0), ("p:", 0.9)):
                fast: dict[int, float] = {}
                general: dict[int, float] = {}
                _near(tables, prefix, query, fast, scale, words)
                _near_general(tables, prefix, query, general, scale, words)
                assert fast == general, (prefix, query)
                assert list(fast) == list(general)  # (the same order: the same first writes)
                reached += len(fast)
    assert reached > 200


def test_a_few_keys_records_are_the_numpy_paths(index: NameIndex) -> None:
    """The small case (``dict.fromkeys`` per key, by ascending similarity) gives each record
    reached its best similarity, as the numpy merge of many keys does."""
    tables = index.key_tables
    rng = random.Random(3)
    offsets = tables.posting_offsets
    nonempty = [k for k in range(len(tables.texts)) if offsets[k + 1] > offsets[k]]
    for _ in range(300):
        keys = {k: rng.choice((1.0, 0.9, 0.85, 0.8, 0.72)) for k in rng.sample(nonempty, 4)}
        recs, sims = _best_per_record(tables, keys)
        best: dict[int, float] = {}
        for key, sim in keys.items():
            for rec in tables.posting(key).tolist():
                best[rec] = max(best.get(rec, 0.0), sim)
        want = sorted(best)
        assert recs.dtype == np.int32 and sims.dtype == np.float32
        assert recs.tolist() == want
        assert sims.tolist() == np.array([best[r] for r in want], dtype=np.float32).tolist()


def test_members_and_unique_are_numpys_set_routines() -> None:
    rng = np.random.default_rng(126)
    for size in (1, 2, 5, 40, 300, 3000):
        for spread in (10, 1000, 100_000):
            ids = rng.integers(0, spread, size).astype(np.int32)
            wanted = rng.integers(0, spread, int(rng.integers(1, 60))).astype(np.int32)
            wanted.sort()
            found = members(ids, wanted)
            assert found.dtype == bool and found.tolist() == np.isin(ids, wanted).tolist()
            uniq, group = _unique(ids)
            want_uniq, want_group = np.unique(ids, return_inverse=True)
            assert uniq.dtype == np.int32 and uniq.tolist() == want_uniq.tolist()
            assert group.tolist() == want_group.tolist()
            weights = rng.random(size)  # (the same sums: bincount adds in the input's order)
            assert (
                np.bincount(group, weights=weights).tolist()
                == np.bincount(want_group, weights=weights).tolist()
            )
