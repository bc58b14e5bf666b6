"""The scoring side's shortcuts of 1.31 (h152) answer as what they stand in for: a name's
weights summed in the loop that reads them (as ``sum()`` of them), the word table passed in
(as looked up), the records' shared empty set of legal forms, the run-together test's
lengths read by place and its answers kept per kind of name (as :func:`joinable`), the word
pairs' thresholds kept with the similarities, and the close merges of run-together words
ruled out by the query name's run-together test (where it finds none, no merge)."""

from __future__ import annotations

import random

from clearance.matching import alignment
from clearance.matching.memo import sim_rows
from clearance.matching.normalize import NameForm
from clearance.matching.pairing import Joins, _sizes, joinable, may_merge_closely, merge_adjacent
from clearance.matching.params import NameParams, WordParams
from clearance.matching.records import RecordMaker
from clearance.matching.weights import WeightedName, word_table
from clearance.matching.wordsim import WordSimilarity

_WORDS = ("jong", "un", "jongun", "kim", "il", "sung", "abdul", "rahman", "abdulrahman",
          "al", "rashid", "alrashid", "mohammed", "bin", "laden", "binladen", "a", "b", "k",
          "de", "van", "la", "holding", "co", "company", "ltd", "group", "international",
          "neft", "gaz", "neftegaz", "ivan", "ivanovich", "petrovna", "ogly", "1", "12", "2024",
          "wei", "vei", "khalid", "halid", "zhang", "yang", "o", "x")  # fmt: skip


def _names(rng: random.Random, count: int) -> list[tuple[str, ...]]:
    return [tuple(rng.choice(_WORDS) for _ in range(rng.randint(0, 6))) for _ in range(count)]


def test_weighted_name_sums_its_weights_as_sum_does() -> None:
    rng = random.Random(131)
    params = NameParams()
    table = word_table(params)
    for tokens in _names(rng, 400):
        form = NameForm(tokens, frozenset(), "Latn")
        plain = WeightedName(form, params)
        given = WeightedName(form, params, table)
        assert plain.total == sum(plain.weights)  # the same float, not merely close
        assert plain.total == given.total == sum(given.weights)
        assert (plain.weights, plain.patronymic, plain.numbers, plain.strong) == (
            given.weights, given.patronymic, given.numbers, given.strong)  # fmt: skip


def test_records_share_one_empty_set_of_legal_forms() -> None:
    params = NameParams()
    maker = RecordMaker([0, 1], ["Kim Jong Un", "Neft Co Ltd"], [("kim", "jong", "un"),
                        ("neft", "co")], [(), ("ltd",)], ["Latn", "Latn"], [0, 0],
                        [False, True], params)  # fmt: skip
    plain, company = maker.make(0), maker.make(1)
    assert plain.form.forms == frozenset() and maker.make(0).form.forms is plain.form.forms
    assert company.form.forms == frozenset({"ltd"}) and company.weak
    assert plain.name.weights == WeightedName(plain.form, params).weights
    assert plain.name.total == sum(plain.name.weights)


def test_sizes_answer_as_the_sets_of_lengths_within_two_letters() -> None:
    rng = random.Random(7)
    for _ in range(300):
        lengths = [rng.randint(1, 14) for _ in range(rng.randint(0, 5))]
        fits = _sizes(lengths)
        near = {n + d for n in lengths for d in range(-2, 3)}
        for size in range(25):
            assert (size < len(fits) and fits[size]) is (size in near), (lengths, size)


def test_joins_keep_a_persons_answers_apart_from_an_organisations() -> None:
    rng = random.Random(17)
    words = WordParams()
    rows = sim_rows(words)
    answers = set()
    for _ in range(200):
        q = tuple(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))
        memo = Joins(q, words.merge_sim, rows)
        for c in _names(rng, 15):
            for person in (rng.random() < 0.5, True, False):  # one listed name both ways
                expected = joinable(q, c, person, words.merge_sim, rows)
                assert memo.joinable(c, person) is expected, (q, c, person)
                answers.add(expected)
    assert answers == {True, False}
    # "b" and "k" run together are no person's word (initials), an organisation's may be
    memo = Joins(("bk", "group"), words.merge_sim, rows)
    assert not memo.joinable(("b", "k", "group"), True)
    assert memo.joinable(("b", "k", "group"), False)
    assert not memo.joinable(("b", "k", "group"), True)


def test_word_similarity_keeps_the_word_pairs_thresholds() -> None:
    params = WordParams(min_word_sim=0.61, exact_sim=0.97)
    sims = WordSimilarity(["kim"], ["kim", "jong"], params=params)
    assert (sims.least, sims.same) == (params.min_word_sim, params.exact_sim)
    assert sims.rows["kim"] == sims.arrays["kim"].tolist()
    assert list(sims.rows) == list(sims.arrays) == ["kim"]


def test_no_close_merge_where_the_run_together_test_finds_none() -> None:
    rng = random.Random(23)
    words = WordParams()
    rows = sim_rows(words)
    skipped = merged = 0
    for _ in range(300):
        q = tuple(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))
        memo = Joins(q, words.merge_sim, rows)
        for c in _names(rng, 10):
            for person in (True, False):
                pairs: list[tuple[int, int, float, int, int]] = []
                merge_adjacent(q, c, [False] * len(q), [False] * len(c), pairs,
                               words.close_sim, person, rows)  # fmt: skip
                if not may_merge_closely(memo, c, person, words.close_sim):
                    assert pairs == [], (q, c, person)
                    skipped += 1
                merged += bool(pairs)
    assert skipped > 1000 and merged > 20
    # at a threshold two edits may reach, or under the joins' own, no answer without a look
    assert may_merge_closely(memo, ("zzz",), True, memo.two_edits)
    assert may_merge_closely(memo, ("zzz",), True, words.merge_sim - 0.01)


def test_pairing_with_the_query_name_pairs_as_without() -> None:
    rng = random.Random(29)
    words = WordParams()
    params = NameParams()
    for _ in range(200):
        q = tuple(rng.choice(_WORDS) for _ in range(rng.randint(1, 5)))
        query = WeightedName(NameForm(q, frozenset(), "Latn"), params)
        listed = _names(rng, 12)
        pool = sorted({w for name in listed for w in name})
        sims = WordSimilarity(sorted(set(q)), pool, params=words)
        for c in listed:
            if not c:
                continue
            for person in (True, False):
                triples = alignment.word_pairs(q, c, sims, person)
                plain = alignment.pair_words(list(triples), q, c, person, words)
                assert alignment.pair_words(list(triples), q, c, person, words, query) == plain
