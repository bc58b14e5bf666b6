"""Matching round two, class 6: names written in Hebrew script find their Latin listing.

Hebrew is an abjad: "משה כהן" is read by ICU as "msh khn", which no listed Latin name spells.
A Hebrew-script query is matched on its consonant skeleton against the skeletons of the listed
Latin names (as an Arabic-script query is), and a skeleton-only agreement does not alert when
the vowels the Hebrew name writes (ו, י) stand where the listed name has none such ("מוחמד",
Muhammad, is no Mahmoud: class 9's guard).
"""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.hebrew import hebrew_skeletons, vowels_agree
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.scripts import latin_skeleton
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def _alerted(listed: list[str], query: str) -> set[str]:
    """The listed person names that alert for ``query``."""
    built = [e("person", name, source_id=str(i)) for i, name in enumerate(listed)]
    screener = Screener.build(built, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=10))
    return {listed[int(m.source_id)] for m in result.matches if m.alert}


def test_a_hebrew_name_alerts_on_its_latin_listing() -> None:
    listed = ["COHEN, Moshe", "ABRAHAM LEVI", "YOUSSEF Ahmed", "Haim KATZ"]
    assert "COHEN, Moshe" in _alerted(listed, "משה כהן")
    assert "ABRAHAM LEVI" in _alerted(listed, "אברהם לוי")
    assert "YOUSSEF Ahmed" in _alerted(listed, "יוסף אחמד")
    assert "Haim KATZ" in _alerted(listed, "חיים כץ")


def test_hebrew_skeletons_are_the_listed_names_skeletons() -> None:
    """Each letter stands for the skeleton letters of its Latin spellings: ב b or v, ו a
    vowel or v, final forms as the letter."""
    assert tuple(map(latin_skeleton, ("moshe", "cohen"))) in hebrew_skeletons("משה כהן")
    assert tuple(map(latin_skeleton, ("abraham", "levi"))) in hebrew_skeletons("אברהם לוי")
    for spelt in ("YOSEF", "YOUSSEF", "JOSEF"):
        assert (latin_skeleton(spelt),) in hebrew_skeletons("יוסף")
    assert (latin_skeleton("jamal"),) in hebrew_skeletons("ג׳מאל")  # (geresh: j)


def test_written_vowels_must_agree_with_the_listed_word() -> None:
    assert vowels_agree(("מוחמד",), "MUHAMMAD") and vowels_agree(("מוחמד",), "Mohammed")
    assert not vowels_agree(("מוחמד",), "MAHMOUD")
    assert vowels_agree(("לוי",), "LEVI, Muhammad") and not vowels_agree(("לוי",), "ALAVI")


def test_consonants_alone_do_not_alert() -> None:
    """ "מוחמד לוי" is Muhammad Levi, not Mahmoud Alavi, whose skeleton it shares."""
    alerted = _alerted(["ALAVI, Mahmoud", "LEVI, Muhammad"], "מוחמד לוי")
    assert alerted == {"LEVI, Muhammad"}
