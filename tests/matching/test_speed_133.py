"""Cold-pass cuts of 1.33, outcome-identical (issue 11).

The Wade-Giles syllable tables that :func:`romanisations.pinyin_of` and
:func:`romanised.wade_giles_pinyin` read (pypinyin's Wade-Giles spelling of every pinyin
syllable; the first about 40 M instructions with its imports) are built when the screener
loads, not by the first query whose two syllable words pair with one listed word (or that is
a Wade-Giles name): on the cold mix of ``--seed 43`` that query paid 3.4 % of the first 600
queries' instructions. And
:func:`exact.initials_of_key` answers a name whose first word is not one letter (nearly every
query) without splitting it.
"""

from __future__ import annotations

import random

import pytest

from clearance.matching import exact, romanisations, romanised
from clearance.matching.engine import Screener
from clearance.model import Entity, Name, Schema
from clearance.settings import MatchingPolicy


def test_the_wade_giles_table_is_read_when_the_screener_loads() -> None:
    listed = [Entity(list="t", source_id="1", schema=Schema.PERSON, names=(Name("Li Youmin"),))]
    romanisations._wade_giles.cache_clear()
    romanised.wade_giles_pinyin.cache_clear()
    Screener.build(listed, MatchingPolicy(screen_cache=0))
    assert romanisations._wade_giles.cache_info().currsize == 1  # before any query
    assert romanised.wade_giles_pinyin.cache_info().currsize == 1
    # (the table itself: a Wade-Giles spelling and the pinyin syllables it writes)
    assert romanisations.pinyin_of("hsueh") == {"xue"}
    assert "you" in romanisations.pinyin_of("yu")


def _initials_as_it_was(key: str) -> str | None:
    """``exact.initials_of_key`` as 1.32 wrote it (every key split first)."""
    words = key.split()
    count = 0
    while count < len(words) and len(words[count]) == 1 and words[count].isalpha():
        count += 1
    rest = words[count:]
    if count < exact.MIN_INITIALS or not rest or any(len(w) < 2 for w in rest):  # noqa: PLR2004
        return None
    return exact.INITIALS + " ".join(words)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_initials_keys_are_as_they_were(seed: int) -> None:
    rnd = random.Random(seed)
    letters = "ab c\t 1é-."
    keys = ["".join(rnd.choice(letters) for _ in range(rnd.randint(0, 10))) for _ in range(20_000)]
    names = ["A. D. T. W. MUHAMMAD", "PAK, Il Kyu", "J. K. Rowling", "J Smith", "Ivan", "", "K L"]
    keys += [exact.exact_key(name) for name in names]
    found = 0
    for key in keys:
        assert exact.initials_of_key(key) == _initials_as_it_was(key), key
        found += exact.initials_of_key(key) is not None
    assert found > 100  # (both kinds of key are among them)
    assert exact.query_initials_key("A. D. T. W. MUHAMMAD") == "initials:a d t w muhammad"


class _NoSplit(str):
    def split(self, *args: object, **kwargs: object) -> list[str]:  # type: ignore[override]
        raise AssertionError("split")


def test_a_name_without_initials_is_not_split() -> None:
    # (interpreted code calls the subclass's split; compiled code splits any str natively)
    assert exact.initials_of_key(_NoSplit("ivan petrov sidorov")) is None
    assert exact.initials_of_key(_NoSplit("ab")) is None
