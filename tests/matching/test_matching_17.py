"""Matching 1.7 (round two, third pass): each class with a case that fails without its change."""

from __future__ import annotations

import pytest

from clearance.matching.engine import query_forms
from clearance.matching.normalize import canonical_arabic_forms, fold
from clearance.matching.phonetics import sound
from clearance.matching.query import make_query
from tests.matching.factory import listed_alerts


def alerted(listed: list[str], query: str, kind: str = "person") -> set[str]:
    return listed_alerts(listed, query, kind)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Pëng Chol Ri", "RI, Pyong Chol"),  # BGN's ё read back: Пён -> Pën, passports "Pyong"
        ("Tong Mëng So", "Tong Myong SO"),
        ("Pëtr Fëdorov", "Pyotr FYODOROV"),
    ],
)
def test_bgn_yo_is_read_as_yo(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


def test_abd_with_the_article_run_into_the_name() -> None:
    """Abd + article: "Abd alRahman" is "Abd al-Rahman" (the article written onto the word
    after "abd"), and "Abd Allah" stays a name of its own."""
    assert canonical_arabic_forms(fold("Abd alRahman")) == "abdul rahman"
    assert canonical_arabic_forms(fold("Abd elAziz")) == "abdul aziz"
    assert canonical_arabic_forms(fold("Abd Allah")) == canonical_arabic_forms(fold("Abd Allah "))
    assert "MILAD, Abd al-Rahman" in alerted(["MILAD, Abd al-Rahman"], "Abd alRahman MILAD")


def test_word_start_spelling_after_a_glued_article() -> None:
    """The canonical form writes "al-Jawlani" as one word; its j before a vowel is still the
    y of a German or Slavic spelling ("Al-Yaulani", two letters off), as at a word's start."""
    assert sound("aljawlani") == sound("alyawlani")
    assert sound("jawlani") == sound("yawlani")
    listed = ["AL-JAWLANI, Abu Muhammad"] + [f"AL-{w}, Abu Muhammad" for w in
                                             ("ADNANI", "SHAMI", "MASRI", "IRAQI")]  # fmt: skip
    assert alerted(listed, "Abu Mukhammad AL-Y·AULANI") == {"AL-JAWLANI, Abu Muhammad"}


@pytest.mark.parametrize(
    ("query", "listed"), [("THAMESTONESA", "THAMESTONE SA"), ("epmmc", "EP-MMC")]
)
def test_a_legal_form_run_onto_a_one_word_company_name(query: str, listed: str) -> None:
    names = [listed, "NICOL AS", "MOUS SA"]
    assert alerted(names, query, "organization") == {listed}
    # a two-letter form only after a long name: many words end in one
    assert alerted(names, "Nicolas", "organization") == set()
    assert alerted(names, "Moussa", "organization") == set()


def test_german_spelling_with_accents_is_read_the_english_way() -> None:
    """The German reading of a Russian name ("Walérewitsch Djúkow") is looked for in a name
    written with accents too, not only in plain ASCII."""
    forms = query_forms(make_query("Aleksándr Walérewitsch Djúkow", type="person"))
    assert ("aleksandr", "valerevich", "dyukov") in {f.form.tokens for f in forms}
    listed = ["Alexander Valeryevich DYUKOV", "ZHUKOV, Aleksandr Arkadyevich"]
    assert "Alexander Valeryevich DYUKOV" in alerted(listed, "Aleksándr Walérewitsch Djúkow")


@pytest.mark.parametrize(
    ("query", "listed"),
    [("KB ALFA", "KGB ALFA"), ("VEB.RRF", "VEB.RF"), ("MM SARL", "MMT SARL")],
)
def test_a_slip_in_a_two_or_three_letter_code(query: str, listed: str) -> None:
    """A letter dropped from or doubled in a short code, the rest of the name agreeing, is a
    typing slip; a code the lists hold ("TIA") and another code ("AB") are other names."""
    names = [listed, "TIVA GROUP", "TIA TRADING"]
    assert alerted(names, query, "organization") == {listed}
    assert alerted(names, "AB ALFA", "organization") == set()
    assert "TIVA GROUP" not in alerted(names, "TIA GROUP", "organization")


def test_monitor_probes_reach_what_a_code_slip_reaches() -> None:
    """The monitor's reverse index looks up what retrieval may look up: a two-letter word
    reaches three-letter listed words one letter away."""
    from clearance.matching.engine import Algorithm
    from clearance.matching.index import KIND_LATIN
    from clearance.monitor.bookforms import word_probes

    retrieval = Algorithm().retrieval
    probes = word_probes("kb", KIND_LATIN, retrieval.near_min_length, retrieval.short_slip_lengths)
    assert {"t:kgb", "t:kbc", "t:akb"} <= set(probes)
