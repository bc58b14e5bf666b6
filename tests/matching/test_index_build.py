"""Building the name index: per-list partial indexes merged, against one straight build.

``clearance load`` builds each list's share where the list is parsed and merges the shares
(postings and the deletion-neighbour table are put together with numpy). The merged index must
hold exactly what one builder fed every entity holds, and the lookup tables must be what the
plain dict-of-lists construction gives.
"""

from __future__ import annotations

import pickle
from collections import defaultdict
from typing import Any

import numpy as np

from clearance.matching.index import CROWDED_SKELETON, NameIndex, hash_bitmap
from clearance.matching.index_build import IndexBuilder, Postings, build_partial, merge_partials
from clearance.matching.scripts import latin_skeleton
from clearance.model import Entity
from tests.matching.factory import e


def _lists() -> list[list[Entity]]:
    first = [
        e("person", "Ashot Mkrtychev", "Ashot Mkrtichev", dob="1960-05", country="AM",
          ids={"passport": "AB 123456"}, list_name="a"),
        e("organization", "Verus LLC", "OOO Verus", "ООО Верус", list_name="a"),
        e("person", "Mohammed Al-Rashid", weak=("Abu Ali",), list_name="a"),
    ]  # fmt: skip
    second = [
        e("organization", "Defense Engineering TOO", "Defens Inzhiniring", list_name="b",
          ids={"imo": "IMO 9123456"}),
        e("person", "Ali Mohammed Rashid", "Али Мохаммед", list_name="b", dob="1971"),
        e("vessel", "SEA STAR", list_name="b", ids={"imo": "9123456"}),
    ]  # fmt: skip
    third = [e("person", "Kim Jong Un", "Kim Jong-un", "김정은", list_name="c")]
    return [first, second, third]


def _state(index: NameIndex) -> dict[str, Any]:
    state = {k: v for k, v in index.__dict__.items() if not k.startswith("_")}
    state.pop("snapshot_id")
    return state


def _assert_same(a: NameIndex, b: NameIndex) -> None:
    sa, sb = _state(a), _state(b)
    assert sa.keys() == sb.keys()
    for key, value in sa.items():
        other = sb[key]
        if isinstance(value, np.ndarray):
            assert value.dtype == other.dtype, key
            assert value.tolist() == other.tolist(), key
        else:
            assert value == other, key
            if isinstance(value, dict):
                assert list(value) == list(other), key  # same numbering


def test_merged_partials_equal_one_build() -> None:
    lists = _lists()
    whole = IndexBuilder("s")
    whole.add_all([entity for entities in lists for entity in entities])
    merged = merge_partials([build_partial(entities) for entities in lists], "s")
    _assert_same(merged, whole.build())


def test_partials_survive_pickling() -> None:
    lists = _lists()
    parts = [pickle.loads(pickle.dumps(build_partial(x))) for x in lists]
    _assert_same(merge_partials(parts, "s"), merge_partials(map(build_partial, lists), "s"))


def test_adding_between_absorbs_keeps_record_order() -> None:
    first, second, third = _lists()
    mixed = IndexBuilder("s")
    mixed.absorb(build_partial(first))
    mixed.add_all(second)
    mixed.absorb(build_partial(third))
    whole = IndexBuilder("s")
    whole.add_all(first + second + third)
    _assert_same(mixed.build(), whole.build())


def test_empty_index() -> None:
    index = merge_partials([], "s")
    assert index.vocab == {} and index.neighbour_keys == {}
    assert index.posting_data.dtype == np.int32 and index.posting_offsets.tolist() == [0]
    assert index.neighbour_data.dtype == np.int32 and index.neighbour_offsets.tolist() == [0]


def test_tables_match_the_dict_of_lists_construction() -> None:
    parts = [build_partial(x) for x in _lists()]
    index = merge_partials(parts, "s")
    # postings: concatenated per key in list order, record ids shifted by the records before
    postings: dict[str, list[int]] = defaultdict(list)
    offset = 0
    for part in parts:
        for key, ids in _as_dict(part.postings).items():
            postings[key].extend(i + offset for i in ids)
        offset += len(part.index.rec_entity)
    # ("v:" keys, a skeleton record's listed words, are set apart: those of crowded skeletons)
    words = {key[2:]: ids for key, ids in postings.items() if key.startswith("v:")}
    postings = defaultdict(list, {k: v for k, v in postings.items() if not k.startswith("v:")})
    assert list(index.vocab) == list(postings)
    for key, key_id in index.vocab.items():
        assert index.posting(key_id).tolist() == postings[key]
    for word, ids in words.items():
        crowded = word in index.vowel_words.get(latin_skeleton(word), ())
        assert index.vowel_records(word).tolist() == (ids if crowded else [])
    held: dict[str, int] = defaultdict(int)
    for word, ids in words.items():
        held[latin_skeleton(word)] += len(ids)
    assert set(index.vowel_words) == {s for s, n in held.items() if n > CROWDED_SKELETON}
    # neighbours: every one-letter deletion of the word part of the longer keys
    neighbours: dict[str, list[int]] = defaultdict(list)
    for key, key_id in index.vocab.items():
        if len(key) >= 6 and key[:2] in ("t:", "p:", "n:", "s:"):
            for i in range(2, len(key)):
                neighbours[key[:i] + key[i + 1 :]].append(key_id)
    assert list(index.neighbour_keys) == list(neighbours)
    for variant, ids in neighbours.items():
        assert index.neighbours(variant) == ids
    assert "t:mkrtychev"[:4] + "tychev" in index.neighbour_keys  # "t:mkrtychev" less its "r"
    codes = index.neighbour_keys.values()  # both kinds: one key's id, the slot of several
    assert any(c >= 0 for c in codes) and any(c < 0 for c in codes)


def test_postings_round_trip() -> None:
    table = {"t:a": [0, 3], "t:b": [], "p:c": [1]}
    postings = Postings.from_dict(table)
    assert postings.keys == ["t:a", "t:b", "p:c"]
    assert postings.sizes.tolist() == [2, 0, 1] and postings.data.tolist() == [0, 3, 1]
    assert _as_dict(postings) == table


def _as_dict(postings: Postings) -> dict[str, list[int]]:
    ends = np.cumsum(postings.sizes).tolist()
    starts = [0, *ends[:-1]]
    data = postings.data.tolist()
    return {k: data[s:t] for k, s, t in zip(postings.keys, starts, ends, strict=True)}


def test_neighbours_of_is_the_union_of_each_variants_neighbours() -> None:
    index = merge_partials([build_partial(x) for x in _lists()], "s")
    variants = list(index.neighbour_keys)[:40] + ["t:nothing-like-it"]
    expected = list(dict.fromkeys(k for v in variants for k in index.neighbours(v)))
    assert expected and index.neighbours_of(variants) == expected
    assert index.neighbours_of(["t:nothing-like-it"]) == []


def test_every_indexed_word_has_its_phonetic_key_stored() -> None:
    from clearance.matching.phonetics import phonetic

    index = merge_partials([build_partial(x) for x in _lists()], "s")
    words = {t for tokens in index.rec_tokens for t in tokens}
    assert words and index.token_phonetic == {w: phonetic(w) for w in words}


def test_key_tables_find_every_key_through_their_hash_bitmaps() -> None:
    index = merge_partials([build_partial(x) for x in _lists()], "s")
    tables = index.key_tables
    assert all(tables.key_id(key) == key_id for key, key_id in index.vocab.items())
    fresh = ["".join(reversed(key)) + "~" for key in index.vocab]  # (texts that are no key)
    assert all(tables.key_id(text) == -1 for text in fresh)
    assert tables.neighbours(fresh) == []
    for variant in index.neighbour_keys:
        assert tables.neighbours([variant]) == list(dict.fromkeys(index.neighbours(variant)))
    bits, mask = hash_bitmap(index.vocab)
    assert len(bits) * 8 == mask + 1 >= 32 * len(index.vocab)
    assert sum(bin(b).count("1") for b in bits) <= len(index.vocab)
