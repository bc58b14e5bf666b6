"""Matching round two, class 7 on fresh seeds: short codes beside a legal form.

A listed company's names that differ only in their legal form ("METAL & MINERAL TRADE (MMT)",
no form, and "MMT SARL") are two records, so that a slip in the code beside the form ("MM
SARL") is read beside the form the two names share; and a free-zone form with its first
letter dropped ("PETRO ROYAL ZE") is the form (FZE) misspelt.
"""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.formslips import misspelt_forms
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def _alerted(entities: list[tuple[str, ...]], query: str) -> dict[str, str]:
    """Captions of the entities (first name, a.k.a.s) that alert for ``query``, with the name
    matched."""
    built = [e("organization", *names, source_id=str(i)) for i, names in enumerate(entities)]
    screener = Screener.build(built, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return {entities[int(m.source_id)][0]: m.matched_name for m in result.matches if m.alert}


_MMT = ("METAL & MINERAL TRADE S.A.R.L.", "METAL & MINERAL TRADE (MMT)", "MMT LUXEMBURG",
        "MMT SARL")  # fmt: skip


def test_a_code_slip_beside_the_legal_form_of_an_alias_alerts() -> None:
    """ "MM SARL" is MMT SARL with a letter dropped: the a.k.a. "MMT SARL" is matched with its
    legal form, not merged into the abbreviation "(MMT)" of another name, which has none
    (there the code is all the two names share, and a letter dropped makes another name).
    The code alone still finds the entity as spelt, and without a legal form in common the
    slip is still no match ("MM", "MM GMBH")."""
    assert _alerted([_MMT], "MM SARL") == {_MMT[0]: "MMT SARL"}
    assert _MMT[0] in _alerted([_MMT], "MMT")
    assert _MMT[0] in _alerted([_MMT], "MMT SARL")
    assert _MMT[0] not in _alerted([_MMT], "MM")
    assert _MMT[0] not in _alerted([_MMT], "MM GMBH")


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
