"""Cold-pass cuts on the retrieval side (h122, issue 11; no outcome changes): a few hits'
bounds with the records kept as objects and loops by place, a many-keys merge selecting its
places once, and a word's other keys and a word pair's looked up through the keys' bitmap. Each
agrees with the general path it replaces (written out here as 1.26 had it)."""

from __future__ import annotations

import random
from array import array

import numpy as np
import numpy.typing as npt
import pytest

from clearance.matching.bounds import (
    BOUND_MARGIN,
    FEW,
    SMALL_HITS,
    FormBound,
    Part,
    bound_few,
    bound_near,
    bounds_large,
    bounds_small,
)
from clearance.matching.engine import Screener
from clearance.matching.index import KIND_LATIN, NameIndex
from clearance.matching.keytables import KeyTables
from clearance.matching.params import RetrievalParams, WordParams
from clearance.matching.phonetics import phonetic, respell, sound
from clearance.matching.retrieve import _best_per_record
from clearance.matching.wordkeys import joined_keys, word_keys
from clearance.settings import MatchingPolicy
from tests.matching.factory import e
from tests.matching.test_cold_pass_cuts import RECORDS, _form, _index
from tests.matching.test_cold_speed_126 import _LISTED, _variants
from tests.matching.test_cold_speed_h108 import _tables


def _small_as_it_was(index: object, parts: list[Part], form: FormBound) -> list[tuple[int, float]]:
    """``bounds.bounds_small`` as 1.26 wrote it (``dict(zip(...))``, ``max(..., default=)``)."""
    acc: dict[int, float] = {}
    for ids, sims, weight in parts:
        vals = sims.tolist()
        if weight != 1.0:
            w32 = array("f", (weight,))[0]
            vals = array("f", [v * w32 for v in vals]).tolist()
        if not acc:
            acc = dict(zip(ids.tolist(), vals, strict=True))
            continue
        for rec, val in zip(ids.tolist(), vals, strict=True):
            acc[rec] = acc.get(rec, 0.0) + val
    form_floor = form.form_floor(len(acc))
    cut = form_floor * form.total * (1.0 - BOUND_MARGIN)
    t64 = float(form.trust)
    if (max(acc.values(), default=0.0) + form.skipped) * t64 < cut * (1.0 - BOUND_MARGIN):
        return []
    near = sorted(rec for rec, m in acc.items() if (m + form.skipped) * t64 >= cut)
    if len(near) > FEW:
        matched = np.array([acc[rec] for rec in near], dtype=np.float64) + form.skipped
        return bound_near(index, np.array(near, dtype=np.int64), matched, form,  # type: ignore[arg-type]
                          form_floor)  # fmt: skip
    return bound_few(index, near, [acc[rec] + form.skipped for rec in near], form,  # type: ignore[arg-type]
                     form_floor)  # fmt: skip


def _small_parts(rng: random.Random) -> list[Part]:
    """A query form's few hits: words reaching a few names each, some names reached by several
    words (their sums), weights other than 1 (float32 products)."""
    shared = rng.sample(range(RECORDS), 8)
    parts: list[Part] = []
    left = SMALL_HITS
    for _ in range(rng.randint(1, 5)):
        size = rng.randint(0, min(40, left))
        left -= size
        recs = sorted(set(rng.sample(range(RECORDS), size) + rng.sample(shared, 3)))
        ids = np.array(recs, dtype=np.int32)
        sims = np.array([rng.choice((1.0, 1.0, 0.9, 0.85, 0.8, 0.72)) for _ in recs],
                        dtype=np.float32)  # fmt: skip
        parts.append((ids, sims, rng.choice((1.0, 1.0, 0.5, 0.3, 1.35, 2.0))))
    return parts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_few_hits_bounds_are_the_general_paths_records_and_floats(seed: int) -> None:
    rng = random.Random(seed)
    index = _index(rng)
    passed = 0
    for _ in range(400):
        parts = _small_parts(rng)
        total = sum(p[2] for p in parts) + rng.choice((0.0, 0.5))
        form = _form(rng.choice((0.2, 0.3, 0.5, 0.7)), total, rng.choice((0.0, 0.0, 0.5)),
                     rng.choice((1.0, 1.0, 0.85, 0.6)), rng.random() < 0.5,
                     unreached=rng.random() < 0.2)  # fmt: skip
        got = bounds_small(index, parts, form)
        assert got == _small_as_it_was(index, parts, form)
        if sum(len(p[0]) for p in parts):  # (numpy's way, float for float)
            assert got == bounds_large(index, parts, form)
        passed += len(got)
    assert passed > 300  # records do pass, through bound_few and bound_near


def _merge_as_it_was(
    tables: KeyTables, keys: dict[int, float]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """``retrieve._best_per_record``'s many-hits merge as 1.26 wrote it (two boolean
    selections of the sorted records and similarities)."""
    offsets = tables.posting_offsets
    spans = sorted([(sim, offsets[k], offsets[k + 1]) for k, sim in keys.items()], reverse=True)
    data = tables.posting_ids
    ids = np.concatenate([data[a:b] for _, a, b in spans])
    sizes = [b - a for _, a, b in spans]
    vals = np.fromiter([s for s, _, _ in spans], np.float32, len(spans)).repeat(sizes)
    order = ids.argsort(kind="stable")
    ids, vals = ids[order], vals[order]
    first = np.empty(len(ids), dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    return ids[first], vals[first]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    entities = [e("person" if i % 3 else "organization", name) for i, name in enumerate(_LISTED)]
    entities += [e("person", f"{a} {b}") for a in ("Ali", "Aly", "Mohamed", "Sergei", "Ivan")
                 for b in ("Hassan", "Ivanov", "Karimov", "Rustam", "Holding")]  # fmt: skip
    return Screener.build(entities, MatchingPolicy(screen_cache=0)).index


@pytest.mark.parametrize("seed", range(20))
def test_many_hits_merge_is_the_two_selections(seed: int) -> None:
    rng = random.Random(seed)
    records = rng.choice([300, 5000])  # (few records: many reached by several keys)
    postings = [sorted(rng.sample(range(records), rng.randint(20, 280))) for _ in range(16)]
    tables = _tables(postings)
    sims = (1.0, 0.9, 0.85, 0.8, 0.72)  # (ties among the keys)
    merged = 0
    for _ in range(20):
        keys = {k: rng.choice(sims) for k in rng.sample(range(16), rng.randint(2, 12))}
        got, want = _best_per_record(tables, keys), _merge_as_it_was(tables, keys)
        assert got[0].dtype == np.int32 and got[1].dtype == np.float32
        assert got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()
        merged += sum(len(postings[k]) for k in keys) > SMALL_HITS
    assert merged >= 10  # (the many-hits way, not the plain-Python one)


def _other_keys_as_they_were(
    tables: KeyTables, word: str, params: RetrievalParams, words: WordParams
) -> dict[int, float]:
    """A Latin word's exact, phonetic, sound, run-together and respelt keys as 1.26 looked them
    up in ``word_keys`` (one set intersection with the vocabulary)."""
    found: dict[int, float] = {}
    exact = tables.vocab.get("t:" + word, -1)
    if exact >= 0:
        found[exact] = 1.0
    key, plain, key_sim = phonetic(word), sound(word), params.phonetic_key_sim
    extras = [(f"p:{key}", key_sim), (f"p:{plain}", key_sim), (f"c:{word}", 1.0)]
    alt = respell(word)
    if alt != word:
        respelt = words.respell_sim
        extras += [(f"t:{alt}", respelt), (f"p:{phonetic(alt)}", key_sim * respelt)]
    vocab = tables.vocab
    listed = vocab.keys() & [extra for extra, _ in extras]
    for extra, sim in extras:
        if extra in listed:
            found[vocab[extra]] = max(found.get(vocab[extra], 0.0), sim)
    return found


def _joined_as_it_was(tables: KeyTables, joined: str, params: RetrievalParams) -> dict[int, float]:
    """``wordkeys.joined_keys`` of a Latin pair as 1.26 wrote it (one set intersection)."""
    key_sim = params.phonetic_key_sim
    keys = [(f"t:{joined}", 1.0), (f"c:{joined}", 1.0), (f"p:{phonetic(joined)}", key_sim)]
    if f"p:{sound(joined)}" != keys[2][0]:
        keys.append((f"p:{sound(joined)}", key_sim))
    vocab = tables.vocab
    listed = vocab.keys() & [text for text, _ in keys]
    out: dict[int, float] = {}
    for text, sim in keys:
        if text in listed and sim > out.get(vocab[text], 0.0):
            out[vocab[text]] = sim
    return out


def test_a_words_other_keys_and_a_pairs_keys_are_the_set_intersections(index: NameIndex) -> None:
    tables, params, words = index.key_tables, RetrievalParams(), WordParams()
    rng = random.Random(11)
    listed = sorted({t[2:] for t in tables.texts if t.startswith("t:") and len(t) >= 4})
    compounds = sorted(t[2:] for t in tables.texts if t.startswith("c:"))
    reached = pairs = 0
    for word in listed:
        for query in _variants(word, rng):
            short = len(query) < params.near_min_length  # (no neighbourhood: only these keys)
            got = word_keys(tables, query, KIND_LATIN, params, words)
            want = _other_keys_as_they_were(tables, query, params, words)
            if short and len(query) not in params.short_slip_lengths:
                assert got == want, query
            for key_id, sim in want.items():  # (the neighbourhood adds keys, never lowers one)
                assert got[key_id] >= sim, query
            reached += len(want)
        # two query words run together: a listed word or compound, near ones, and no key
        joined_ones = (word, word[:-1] + "e", rng.choice(compounds), word + rng.choice(listed))
        for joined in joined_ones:
            got_pair = joined_keys(tables, joined, KIND_LATIN, params)
            assert got_pair == _joined_as_it_was(tables, joined, params), joined
            assert list(got_pair) == list(_joined_as_it_was(tables, joined, params))
            pairs += len(got_pair)
    assert reached > 100 and pairs > 10
