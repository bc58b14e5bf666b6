"""Matching round two, class 7 on fresh seeds: legal-form slips in short company names.

A free-zone form with its first letter dropped ("PETRO ROYAL ZE", "BLUE SKY AVIATION ZE")
is the form (FZE) misspelt: the vowel left keeps other three-letter forms' cuts ("te" of
PTE, "al" of SAL) from being read as forms, but "ze" is no word.
"""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.formslips import misspelt_forms
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.release import ALGORITHM_RELEASE
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def test_release() -> None:
    """The rules of this round (this file, test_false_alerts_125.py, test_arabic_125.py) change
    outcomes: the release says so, so that an index or a receipt of 1.24 is not taken for
    theirs."""
    assert tuple(map(int, ALGORITHM_RELEASE.split("."))) >= (1, 25)


def _alerted(entities: list[tuple[str, ...]], query: str) -> dict[str, str]:
    """Captions of the entities (first name, a.k.a.s) that alert for ``query``, with the name
    matched."""
    built = [e("organization", *names, source_id=str(i)) for i, names in enumerate(entities)]
    screener = Screener.build(built, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return {entities[int(m.source_id)][0]: m.matched_name for m in result.matches if m.alert}


def test_a_free_zone_form_with_its_first_letter_dropped_is_the_form() -> None:
    """ "ZE" is FZE with its F dropped, at either end of the name."""
    listed = [("PETRO ROYAL FZE",), ("BLUE SKY AVIATION CO FZE",)]
    assert "PETRO ROYAL FZE" in _alerted(listed, "PETRO ROYAL ZE")
    assert "PETRO ROYAL FZE" in _alerted(listed, "ZE PETRO ROYAL")
    assert "BLUE SKY AVIATION CO FZE" in _alerted(listed, "BLUE SKY AVIATION ZE")


def test_only_free_zone_forms_are_read_with_their_first_letter_dropped() -> None:
    """Other three-letter forms with their first letter dropped leave a word with a vowel
    ("te" of PTE, "al" of SAL, "ao" of ZAO): those stay words."""
    assert misspelt_forms("ze") == frozenset({"fze"})
    assert not misspelt_forms("te") and not misspelt_forms("al") and not misspelt_forms("ro")
