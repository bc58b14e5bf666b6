"""Matching round two, class 6: names written in Hebrew script find their Latin listing.

Hebrew is an abjad: "משה כהן" is read by ICU as "msh khn", which no listed Latin name spells.
A Hebrew-script query is matched on its consonant skeleton against the skeletons of the listed
Latin names (as an Arabic-script query is), and a skeleton-only agreement does not alert when
the vowels the Hebrew name writes (ו, י) stand where the listed name has none such ("מוחמד",
Muhammad, is no Mahmoud: class 9's guard).
"""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.forms import query_forms
from clearance.matching.hebrew import MAX_READINGS, hebrew_skeletons, listed_readings, vowels_agree
from clearance.matching.index import KIND_SKELETON
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
    assert vowels_agree(("מוחמד", "לוי"), "LEVI, Muhammad") and not vowels_agree(("לוי",), "ALAVI")
    assert vowels_agree(("לוי",), "LEVI")


def test_consonants_alone_do_not_alert() -> None:
    """ "מוחמד לוי" is Muhammad Levi, not Mahmoud Alavi, whose skeleton it shares."""
    alerted = _alerted(["ALAVI, Mahmoud", "LEVI, Muhammad"], "מוחמד לוי")
    assert alerted == {"LEVI, Muhammad"}


def test_every_listed_word_must_be_accounted_for() -> None:
    """Full credit only when given and family names both agree: a listed name with a word the
    Hebrew name does not write is another person ("אהרון נאסר" is no ALDIN, Haroun Nasser)."""
    assert vowels_agree(("אהרון", "נאסר"), "NASSER, Haroun")
    assert not vowels_agree(("אהרון", "נאסר"), "ALDIN, Haroun Nasser")
    assert vowels_agree(("איסה", "אל", "זיידי"), "AL-ZEYDI, Issa")
    assert vowels_agree(("איסה", "זיידי"), "AL-ZEYDI, Issa")  # (a particle may go unwritten)
    alerted = _alerted(["ALDIN, Haroun Nasser", "NASSER, Haroun"], "אהרון נאסר")
    assert alerted == {"NASSER, Haroun"}


def test_a_final_he_is_no_i() -> None:
    """A final ה writes a, e or o (Ella, Moshe, Shlomo), never the i of Ali."""
    assert vowels_agree(("אלה",), "ELLA") and vowels_agree(("שלמה",), "SHLOMO")
    assert vowels_agree(("משה",), "MOSHE")
    assert not vowels_agree(("אלה",), "ALI")
    assert not _alerted(["IBRAHIM, Ali"], "אלה אברהם")


def test_readings_are_those_the_lists_spell() -> None:
    """Of a Hebrew name's readings, at most MAX_READINGS are screened, those whose words are
    listed skeleton words first ("mhmd" is, "mfhmd" is not), the first at its full trust."""
    forms = query_forms(make_query("מוחמד מור", type="person"))
    made = [f for f in forms if f.kind == KIND_SKELETON]
    assert len(made) > MAX_READINGS
    kept = [f for f in listed_readings(forms, {"s:mhmd": 0, "s:mr": 1}) if f.kind == KIND_SKELETON]
    assert len(kept) == MAX_READINGS
    assert kept[0].form.tokens == ("mhmd", "mr") and kept[0].trust == kept[0].spelled
    assert all(f.trust < f.spelled for f in kept[1:])
    assert ("mfhmd", "mr") in {f.form.tokens for f in made} - {f.form.tokens for f in kept}
