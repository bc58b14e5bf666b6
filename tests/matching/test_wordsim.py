"""Word similarity: edit distance calibrated on length, and the rules on top."""

from __future__ import annotations

from clearance.matching.params import WordParams
from clearance.matching.wordsim import similarity_rows

MIN_WORD_SIM = WordParams().min_word_sim


def sim(a: str, b: str, **kw: bool) -> float:
    """The similarity, rounded: values are stored as float32 (0.9 is 0.8999999761...)."""
    ((value,),) = similarity_rows([a], [b], **kw)
    return round(value, 6)


def test_one_typo_is_nearly_the_same_long_word_but_another_short_word() -> None:
    assert sim("mkrtychev", "mkrtichev") >= 0.9
    assert sim("kim", "kin") < MIN_WORD_SIM


def test_swapped_letters_count_as_one_typo_even_in_short_words() -> None:
    assert sim("aitf", "atif") >= 0.7


def test_same_sound_trusted_for_long_words_and_spelling_families() -> None:
    assert sim("khodorkovsky", "hodorkovsky") >= 0.9
    assert sim("mohammed", "muhammad") >= 0.95
    assert sim("yan", "jian") < MIN_WORD_SIM


def test_romanisation_letters_make_one_word() -> None:
    assert sim("vei", "wei") == sim("yo", "jo") >= 0.9


def test_initials_only_where_asked_and_numbers_must_agree() -> None:
    assert sim("a", "ashot") >= 0.9
    assert sim("a", "ashot", initials=False) < MIN_WORD_SIM
    assert sim("11420", "11420") == 1.0
    assert sim("11420", "11421") == 0.0


def test_letter_by_letter_round_trip_is_read_back_when_asked() -> None:
    assert sim("tsompany", "company", respelt=True) > sim("tsompany", "company") + 0.2


def test_rows_follow_query_and_candidate_order() -> None:
    rows = similarity_rows(["ashot", "verus"], ["verus", "ashot", "x"])
    assert [len(r) for r in rows] == [3, 3]
    assert rows[0][1] == rows[1][0] == 1.0
