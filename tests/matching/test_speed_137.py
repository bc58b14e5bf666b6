"""Cold-pass cuts (h186, issue 11; no outcome changes).

:class:`~clearance.matching.normalize.NameForm` hashes and compares itself in code of its own
(the dataclass's methods ran as interpreted code when compiled: forms are memo keys, hashed
thousands of times a cold pass), with the dataclass's values; a screener's index makes each
listed word's similarity data (:meth:`~clearance.matching.wordsim.WordInfo.complete`) and
weight (:meth:`~clearance.matching.weights.WordTable.complete`) when it is prepared, not when
a first query meets the word: the same entries a first use makes.
"""

from __future__ import annotations

import dataclasses

import pytest

from clearance.matching.engine import Screener
from clearance.matching.normalize import NameForm
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.weights import WordTable, word_table
from clearance.matching.wordsim import WordInfo
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

FORMS = [
    NameForm(("ivan", "petrov"), frozenset(), "Latin"),
    NameForm(("ivan", "petrov"), frozenset(), "Latin", True),
    NameForm(("ivan", "petrov"), frozenset({"llc"}), "Latin"),
    NameForm(("petrov", "ivan"), frozenset(), "Latin"),
    NameForm(("иван", "петров"), frozenset(), "Cyrillic", True),
    NameForm((), frozenset(), "Latin"),
    NameForm(("alpha",), frozenset({"llc", "jsc"}), "Latin"),
]


def _fields(form: NameForm) -> tuple[object, ...]:
    return tuple(getattr(form, f.name) for f in dataclasses.fields(form))


def test_name_form_hash_and_equality_are_the_dataclass_values() -> None:
    for form in FORMS:
        twin = NameForm(*_fields(form))  # type: ignore[arg-type]
        assert twin is not form
        assert hash(form) == hash(_fields(form)) == hash(twin)
        assert form == twin
        assert (form != twin) is False
        for other in FORMS:
            assert (form == other) == (_fields(form) == _fields(other))
            assert (form != other) == (_fields(form) != _fields(other))
        assert form != _fields(form) and form != "ivan petrov" and form != 0
    assert len(set(FORMS + [NameForm(*_fields(f)) for f in FORMS])) == len(FORMS)  # type: ignore[arg-type]
    assert {f: i for i, f in enumerate(FORMS)}[NameForm(("alpha",), frozenset({"jsc", "llc"}),
                                                        "Latin")] == 6  # fmt: skip


def test_name_form_hash_and_equality_are_not_the_dataclass_generated_ones() -> None:
    # (the dataclass's are compiled from a string: "<string>"; compiled, ours have no code)
    for method in (NameForm.__hash__, NameForm.__eq__):
        code = getattr(method, "__code__", None)
        assert code is None or code.co_filename.endswith("normalize.py")


def test_word_info_complete_makes_what_a_first_use_makes() -> None:
    keys = {"petrov": "ptrf", "walid": "valit", "carlos": "karlos", "jamal": "yamal", "7": "7"}
    completed = WordInfo(keys).complete()
    assert set(completed) == set(keys)
    fresh = WordInfo(keys)
    for word in keys:
        assert completed[word] == fresh[word]
    assert completed["qasim"] == fresh["qasim"]  # (a word without a stored key: as before)


@pytest.fixture(scope="module")
def screener() -> Screener:
    entities = [
        e("person", "PETROV, Ivan Sergeyevich", "Ivan PETROFF"),
        e("person", "AL-SHAMI, Walid Ibn Ahmad"),
        e("organization", "ROSNEFT OIL COMPANY", "OAO NK Rosneft"),
        e("organization", "SEA STAR III SHIPPING LTD"),
        e("person", "ПЕТРОВ Иван Сергеевич"),
        e("person", "محمد عبد الله"),
    ]
    return Screener.build(entities, MatchingPolicy(screen_cache=0))


def test_a_prepared_index_holds_every_listed_word_as_a_first_use_makes_it(
    screener: Screener,
) -> None:
    index = screener.index
    listed = index.token_phonetic
    assert len(listed) > 20
    info = index.word_info
    fresh_info = WordInfo(listed)
    table = word_table(screener.algo.names)
    fresh_table = WordTable(screener.algo.names)
    for word in listed:
        assert dict.__contains__(info, word)  # (made already: no first-use call)
        assert dict.__contains__(table, word)
        assert info[word] == fresh_info[word]
        assert table[word] == fresh_table[word]
    # every word a record holds is among them
    assert {w for tokens in index.rec_tokens for w in tokens} <= set(listed)


def test_screening_after_preparing_as_with_the_tables_made_on_first_use(
    screener: Screener,
) -> None:
    queries = [("Ivan Petrov", "person"), ("Walid al Shami", "person"),
               ("Rosneft Oil Co", "organization"), ("Иван Петров", "person"),
               ("محمد عبدالله", "person"), ("Sea Star II Shipping", "organization")]  # fmt: skip
    before = [screener.screen(make_query(q, type=t), ScreenOptions(limit=5)) for q, t in queries]
    dict.clear(screener.index.word_info)  # (made on first use from here on, as before h186)
    dict.clear(word_table(screener.algo.names))
    again = Screener(screener.index, MatchingPolicy(screen_cache=0))  # (prepares afresh)
    dict.clear(again.index.word_info)
    dict.clear(word_table(again.algo.names))
    after = [again.screen(make_query(q, type=t), ScreenOptions(limit=5)) for q, t in queries]
    assert [[(m.entity_id, m.score) for m in r.matches] for r in before] == [
        [(m.entity_id, m.score) for m in r.matches] for r in after
    ]
    assert any(r.matches for r in before)
