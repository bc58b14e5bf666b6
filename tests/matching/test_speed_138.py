"""Cold-pass cuts (h190, issue 11; no outcome changes).

A screener's index hands the phonetic keys it stores for its words to
:mod:`~clearance.matching.phonetics` when it is prepared (:func:`~clearance.matching.phonetics.
know_listed`): a query word the lists hold has its key read, not worked out (the same keys:
the index's are :func:`~clearance.matching.phonetics.phonetic` of each word). The index's
tables retrieval and the bounds read per query word (``key_tables``, ``word_info``,
``record_plain``) are cached properties: kept in the index's ``__dict__`` under their own
names and read from there (no interpreted getter per read), never saved. The neighbour table's
slots are walked as lists (:func:`~clearance.matching.wordkeys._slot`), and two words' letters
compared by code point (:func:`~clearance.matching.wordkeys.same_length_edits`,
:func:`~clearance.matching.scripts.has_run`): the same answers.
"""

from __future__ import annotations

import pickle
import random
import re
from array import array
from pathlib import Path

import pytest
from rapidfuzz.distance import OSA

from clearance.matching import phonetics
from clearance.matching.engine import Screener
from clearance.matching.index import INDEX_FILE, NameIndex
from clearance.matching.phonetics import know_listed, phonetic, sound
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.scripts import has_run
from clearance.matching.wordkeys import _slot, same_length_edits
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


@pytest.fixture(scope="module")
def screener() -> Screener:
    names = {
        "person": [("PETROV, Ivan Sergeyevich", "Ivan PETROFF"), ("AL-SHAMI, Walid Ibn Ahmad",),
                   ("MOHAMMED, Yusuf Ali", "Mohamad ALI"), ("ПЕТРОВ Иван Сергеевич",),
                   ("محمد عبد الله",)],
        "organization": [("ROSNEFT OIL COMPANY", "OAO NK Rosneft"), ("SEA STAR III SHIPPING LTD",)],
    }  # fmt: skip
    entities = [e(schema, *written) for schema, listed in names.items() for written in listed]
    return Screener.build(entities, MatchingPolicy(screen_cache=0))


def test_a_prepared_index_hands_its_words_phonetic_keys_to_phonetics(screener: Screener) -> None:
    listed = screener.index.token_phonetic
    assert len(listed) > 20
    held = phonetics._LISTED
    for word, key in listed.items():
        assert held[word] == key
        # (the index's keys are what phonetic and sound work out for the word)
        assert key == phonetic.__wrapped__(word)
        if not key.startswith("=") and not word.isdigit():
            assert key == sound.__wrapped__(word)


def test_phonetic_and_sound_read_a_listed_words_key() -> None:
    word = "qqzzxxlisted"  # (no word of any list: a key of our own shows it is read)
    phonetic.cache_clear()
    sound.cache_clear()
    try:
        worked_out = phonetic(word)
        assert worked_out == sound(word) and worked_out != "own"
        phonetic.cache_clear()
        sound.cache_clear()
        know_listed({word: "own"})
        assert phonetic(word) == "own"
        assert sound(word) == "own"
        know_listed({word: "=family"})  # (a family's key: the sound is worked out)
        phonetic.cache_clear()
        sound.cache_clear()
        assert phonetic(word) == "=family"
        assert sound(word) == worked_out
    finally:
        phonetics._LISTED.pop(word, None)
        phonetic.cache_clear()
        sound.cache_clear()


def test_listed_digits_keep_their_sound() -> None:
    phonetic.cache_clear()
    sound.cache_clear()
    try:
        know_listed({"1122": "1122"})  # (phonetic keeps a number; its sound writes runs once)
        assert phonetic("1122") == "1122"
        assert sound("1122") == sound.__wrapped__("1122") == "12"
    finally:
        phonetics._LISTED.pop("1122", None)
        phonetic.cache_clear()
        sound.cache_clear()


def test_the_hot_tables_are_kept_under_their_names_and_never_saved(
    screener: Screener, tmp_path: Path
) -> None:
    index = screener.index
    for name in ("key_tables", "word_info", "record_plain"):
        assert name in index.__dict__  # (made when prepared, read from the instance)
        assert getattr(index, name) is index.__dict__[name]
    index.save(tmp_path)
    with (tmp_path / INDEX_FILE).open("rb") as handle:
        state = pickle.load(handle)  # noqa: S301 - written just above
    assert not {"key_tables", "word_info", "record_plain"} & set(state)
    loaded = NameIndex.load(tmp_path)
    assert "key_tables" not in loaded.__dict__
    assert loaded.key_tables.vocab == index.key_tables.vocab
    assert loaded.record_plain == index.record_plain


def test_screening_a_reloaded_index_gives_the_same_matches(
    screener: Screener, tmp_path: Path
) -> None:
    queries = [("Ivan Petrov", "person"), ("Walid al Shami", "person"),
               ("Muhammad Ali", "person"), ("Rosneft Oil Co", "organization"),
               ("Иван Петров", "person"), ("محمد عبدالله", "person"),
               ("Sea Star II Shipping", "organization"), ("Petrof Ivan", "person")]  # fmt: skip
    before = [screener.screen(make_query(q, type=t), ScreenOptions(limit=5)) for q, t in queries]
    screener.index.save(tmp_path)
    again = Screener(NameIndex.load(tmp_path), MatchingPolicy(screen_cache=0))
    after = [again.screen(make_query(q, type=t), ScreenOptions(limit=5)) for q, t in queries]
    assert [[(m.entity_id, m.score) for m in r.matches] for r in before] == [
        [(m.entity_id, m.score) for m in r.matches] for r in after
    ]
    assert any(r.matches for r in before)


def test_a_neighbour_slot_is_its_key_ids_as_a_list() -> None:
    offsets, data = array("q", [0, 2, 5]), array("i", [7, 9, 1, 4, 6])
    assert _slot(offsets, data, -1) == [7, 9]
    assert _slot(offsets, data, -2) == [1, 4, 6]
    assert isinstance(_slot(offsets, data, -2), list)


def _sharing_a_deletion(rng: random.Random, size: int) -> tuple[str, str]:
    word = "".join(rng.choice("abcdeé") for _ in range(size))
    variant = list(word)
    del variant[rng.randrange(size)]
    variant.insert(rng.randrange(size), rng.choice("abcdeé"))
    return word, "".join(variant)


def test_same_length_edits_is_the_osa_distance_of_words_sharing_a_deletion() -> None:
    rng = random.Random(138)
    for _ in range(3000):
        word, other = _sharing_a_deletion(rng, rng.randrange(2, 9))
        dist, swap = same_length_edits(word, "t:" + other, 2)
        assert dist == OSA.distance(word, other)
        assert swap == (dist == 1 and sum(a != b for a, b in zip(word, other, strict=True)) == 2)
        assert same_length_edits(word, other) == (dist, swap)


def test_has_run_is_the_doubled_letter_search() -> None:
    doubled = re.compile(r"(.)\1+")
    rng = random.Random(138)
    texts = ["", "a", "aa", "ab", "hassan", "a\n\nb", "\n\n", "ééa", "aé é", "abcabc"]
    texts += ["".join(rng.choice("ab\né") for _ in range(rng.randrange(6))) for _ in range(500)]
    for text in texts:
        assert has_run(text) == bool(doubled.search(text))
