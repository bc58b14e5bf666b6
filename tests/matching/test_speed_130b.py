"""Scoring speed, outcome-identical (issue 11, h140): the helpers that replace slower code give
what the code they replace gave.

``wordletters._swap_c`` (``wordsim``'s until h189) is the two regular expressions of a word's
hard and soft c; ``_syllables`` tries only the places where both parts can be syllables;
``compounds._any_in`` is a set's ``isdisjoint`` negated, and ``realign_abd`` skips a side
without a compound's "abdul"; ``prebound.bound_names`` gives its bounds as Python floats, the
same as ``compare``'s.
"""

from __future__ import annotations

import random
import re

import pytest

from clearance.matching import wordletters
from clearance.matching.compounds import ABD_HEADS, ABD_WORDS, _any_in, realign_abd
from clearance.matching.engine import Screener
from clearance.matching.names import compare
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams
from clearance.matching.prebound import bound_names
from clearance.matching.syllables import SYLLABLES
from clearance.matching.weights import WeightedName, weigh, word_table
from clearance.matching.wordsim import WordSimilarity
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_HARD = re.compile(r"c(?![eiy])")
_SOFT = re.compile(r"c(?=[eiy])")


def _weighed(text: str, params: NameParams) -> WeightedName:
    (form,) = [f for f in analyse(text, split_forms=False) if not f.native][:1]
    return weigh(form, params)


def _words(count: int, seed: int = 7) -> list[str]:
    """Words heavy in c, the soft vowels and the letters romanisations swap (and syllables)."""
    rng = random.Random(seed)
    out = ["c", "cc", "cce", "ccy", "ci", "ce", "cao", "cixi", "caihong", "cia", "sity", "ace"]
    syllables = sorted(SYLLABLES)
    for _ in range(count):
        if rng.random() < 0.3:
            out.append("".join(rng.choice(syllables) for _ in range(rng.randrange(1, 4))))
        else:
            size = rng.randrange(1, 14)
            out.append("".join(rng.choice("ccceiyakwjhuonsgzt") for _ in range(size)))
    return out


def _syllables_reference(word: str, least: int = 1) -> bool:
    """``_syllables`` as 1.29 wrote it: every place tried."""
    return word in SYLLABLES or any(
        word[:i] in SYLLABLES and word[i:] in SYLLABLES for i in range(least, len(word) - least + 1)
    )


def _letters_reference(word: str) -> str:
    """``_letters`` as 1.29 wrote it (regular expressions, every place tried), with 1.30's q
    as k (h142)."""
    word = word.replace("w", "v")
    if "q" in word and not _syllables_reference(word):
        word = word.replace("q", "k")
    if "c" in word and not _syllables_reference(word):
        word = _HARD.sub("k", word)
    if "c" in word and not _syllables_reference(word, wordletters.SOFT_C_SYLLABLE):
        word = _SOFT.sub("s", word)
    return "y" + word[1:] if word.startswith("j") else word


def test_swap_c_is_the_regular_expressions() -> None:
    for word in _words(20_000):
        assert wordletters._swap_c(word, False) == _HARD.sub("k", word), word
        assert wordletters._swap_c(word, True) == _SOFT.sub("s", word), word


def test_syllables_tries_only_the_places_that_fit() -> None:
    assert max(map(len, SYLLABLES)) == wordletters._LONGEST_SYLLABLE
    for word in _words(20_000, seed=11):
        for least in (1, 2, 3):
            assert wordletters._syllables(word, least) is _syllables_reference(word, least), word


def test_letters_as_before() -> None:
    words = _words(20_000, seed=13) + ["carl", "cao", "cia", "sia", "jo", "wei", "kar", "vash"]
    for word in words:
        assert wordletters._letters(word) == _letters_reference(word), word


def test_any_in_is_not_disjoint() -> None:
    rng = random.Random(3)
    pool = [*sorted(ABD_HEADS), "ali", "muhammad", "bdl", "rahman", "a"]
    for _ in range(2_000):
        words = tuple(rng.choice(pool) for _ in range(rng.randrange(0, 5)))
        for group in (ABD_HEADS, ABD_WORDS):
            assert _any_in(words, group) is (not group.isdisjoint(words))


def test_realign_abd_still_moves_a_compound_pair() -> None:
    # "abdul salam" against ALAWI, Abdel-Salam Abdel-Rahman: "abdul" moves next to "salam"
    q_words, c_words = ("abdul", "salam"), ("alawi", "abdul", "salam", "abdul", "rahman")
    pairs = [(0, 3, 1.0, 1, 1), (1, 2, 1.0, 1, 1)]
    q_used, c_used = [True, True], [False, False, True, True, False]
    realign_abd(q_words, c_words, q_used, c_used, pairs)
    assert pairs == [(0, 1, 1.0, 1, 1), (1, 2, 1.0, 1, 1)]
    assert c_used == [False, True, True, False, False]
    # no "abdul" on either side: nothing moves
    pairs = [(0, 1, 0.8, 1, 1)]
    realign_abd(("ali", "hasan"), ("hasan", "ali"), [True, False], [False, True], pairs)
    assert pairs == [(0, 1, 0.8, 1, 1)]


@pytest.mark.parametrize("query", ["muhammad ali hasan", "ali karimi"])
def test_bound_names_gives_compares_floats(query: str) -> None:
    params = NameParams()
    listed = ["muhammad ali", "ali hasan muhammad", "hasan karimi", "karim ali", "umar hasan",
              "ali muhammad ali", "said ali", "hasan hasan"] * 10  # fmt: skip
    qname = _weighed(query, params)
    names = [_weighed(text, params).form.tokens for text in listed]
    table = word_table(params)
    weights = [[table[w][0] for w in tokens] for tokens in names]
    persons = [True] * len(names)
    q_words = sorted(set(qname.form.tokens))
    c_words = sorted({w for tokens in names for w in tokens})
    sims = WordSimilarity(q_words, c_words)
    floor = 0.9
    found = bound_names(qname, names, weights, persons, sims, params, floor)
    assert any(c is not None for c in found)
    for text, comp in zip(listed, found, strict=True):
        if comp is None:
            continue
        assert type(comp.score) is float
        exact = compare(qname, _weighed(text, params), sims, person=True, params=params,
                        min_score=floor)  # fmt: skip
        assert comp.score == exact.score


def test_a_shared_comparison_makes_no_record() -> None:
    """A name listed by two authorities is compared once per query form, keyed by the index's
    columns: the second record is not made into an object for it."""
    screener = Screener.build(
        [e("person", "Ivan Petrovich Sidorov", list_name="a"),
         e("person", "Ivan Petrovich Sidorov", list_name="b")],
        MatchingPolicy(),
    )  # fmt: skip
    index = screener.index
    first = index.rec_entity.index(0)  # (the first name of each entity: the same words)
    second = index.rec_entity.index(1)
    assert index.rec_tokens[first] == index.rec_tokens[second]
    assert index.rec_kind[first] == index.rec_kind[second]
    query = weigh(index.record(first).name.form, screener.algo.names)
    words = sorted(set(query.form.tokens))
    table = WordSimilarity(words, words, table=index.word_info, params=screener.algo.words)
    compared: dict[object, object] = {}
    screener._records.clear()
    one = screener._compare(compared, 0, query, first, table, True, 0.5)  # type: ignore[arg-type]
    two = screener._compare(compared, 0, query, second, table, True, 0.5)  # type: ignore[arg-type]
    assert one is two and one.score > 0.99
    assert first in screener._records and second not in screener._records
