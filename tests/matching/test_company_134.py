"""Organisation names and joined words, issue 11 (leftovers measured on 1.33). Since 1.34:

- a parenthesised qualifier of a listed name (a place, a region, a generic word: "(ASIA)",
  "(HK)", "(PVT)", "(MIDDLE EAST)") is no name of its own, only a word of the name as written;
  an acronym or another name in parentheses still is ("(NICO)");
- a company query of words generic in listed organisation names is not a listed name that
  writes one of them with a letter of its own ("PEOPLE ASIA CO." / G-PEOPLE), and a word is
  generic as its plural is ("people" / "peoples");
- a number sign before a number is no word of the name: "NO. I", "NO. 1", "No 1" and "#1"
  are one number;
- short words run together ("DZHI Elel RUS" for DZHI EL EL RUS) are read apart, and a listed
  name written family name first with a particle ending its given names ("HASSAN, Hameed ul")
  is found as it is written in its order ("Hameed UlHassan")."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.joined import run_together
from clearance.matching.normalize import analyse, is_qualifier, name_parts, query_parts
from clearance.matching.query import ScreenOptions, make_query
from clearance.model import Entity
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, BACKGROUND_PEOPLE, e
from tests.matching.test_company_132 import _background


def _alerts(
    listed: list[Entity], query: str, kind: str, background: tuple[str, ...] = ()
) -> set[str]:
    """The captions of ``listed`` (among unrelated people and companies and the background's
    organisations, see ``test_company_132``) that alert for ``query`` of type ``kind``."""
    others = [e("organization", n) for n in BACKGROUND_COMPANIES]
    others += [e("person", n) for n in BACKGROUND_PEOPLE]
    screener = Screener.build([*listed, *others, *_background(background)],
                              MatchingPolicy(screen_cache=0))  # fmt: skip
    result = screener.screen(make_query(query, type=kind), ScreenOptions(limit=10))
    return {m.name for m in result.matches if m.alert and m.source_id.startswith("L")}


def _listed(kind: str, name: str, *aliases: str) -> Entity:
    return e(kind, name, *aliases, source_id=f"L{name}")


@pytest.mark.parametrize(
    "text",
    ["ZARON BIO-TECH (ASIA) LIMITED", "TING SHING TAI JEWELLERY (HK) CO. LIMITED",
     "SHER MATCH INDUSTRIES (PVT.) LIMITED", "X TRADING (MIDDLE EAST) LLC",
     "PETROCHEMICAL COMMERCIAL COMPANY (U.K.) LIMITED", "VTB BANK (AUSTRIA) AG",
     "PREMIER INVESTMENT GROUP SAL (OFF-SHORE)", "GRAND STORES (THE GAMBIA LOCATION ONLY)"],
)  # fmt: skip
def test_a_parenthesised_qualifier_is_no_name_of_its_own(text: str) -> None:
    qualifier = text[text.index("(") + 1 : text.index(")")]
    assert is_qualifier(qualifier)
    assert qualifier not in name_parts(text)
    assert len(name_parts(text)) == 2  # (as written, and without the qualifier)  # noqa: PLR2004


@pytest.mark.parametrize(
    ("text", "alias"),
    [("NAFTIRAN INTERTRADE CO. (NICO) LIMITED", "NICO"),
     ("KHALIJ-E FARS (PERSIAN GULF) SHIPPING LINES", "PERSIAN GULF"),
     ("SANTOS, Ahmad (Ahmed)", "Ahmed")],
)  # fmt: skip
def test_a_parenthesised_name_is_still_an_alias(text: str, alias: str) -> None:
    assert not is_qualifier(alias)
    assert alias in name_parts(text)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Asia Ltd", "ZARON BIO-TECH (ASIA) LIMITED"),  # 1.33: 1.00 through the record "ASIA"
        ("Asia", "ZARON BIO-TECH (ASIA) LIMITED"),
        ("Austria", "VTB BANK (AUSTRIA) AG"),
        ("Middle East Ltd", "X TRADING (MIDDLE EAST) LLC"),
    ],
)
def test_a_qualifier_alone_is_not_the_company(query: str, listed: str) -> None:
    assert listed not in _alerts([_listed("organization", listed)], query, "organization")


@pytest.mark.parametrize(
    "query",
    ["Zaron Bio-Tech Ltd", "ZARON BIO-TECH (ASIA) LIMITED", "Zaron Biotech Asia Limited",
     "Zaron Bio Tech (Asia) Ltd."],
)  # fmt: skip
def test_the_company_with_or_without_its_qualifier_still_alerts(query: str) -> None:
    listed = "ZARON BIO-TECH (ASIA) LIMITED"
    assert listed in _alerts([_listed("organization", listed)], query, "organization")


def test_generic_words_are_not_a_name_with_a_letter_of_its_own() -> None:
    # 1.33 (bench_wild): 0.79; "peoples" is generic in listed names, "people" its singular
    listed = [_listed("organization", "VIV ANSANM", "G-PEOPLE")]
    background = ("PEOPLE'S", "ASIA")
    assert "VIV ANSANM" not in _alerts(listed, "PEOPLE ASIA CO.", "organization", background)
    assert "VIV ANSANM" in _alerts(listed, "G-People", "organization", background)
    assert "VIV ANSANM" in _alerts(listed, "G People Ltd", "organization", background)


@pytest.mark.parametrize(
    "text", ["CONSTELLO NO. I CORPORATION", "CONSTELLO No 1 Corp", "CONSTELLO #1 CORPORATION",
             "Constello Nr. 1 Corporation", "CONSTELLO NUMBER 1 CORPORATION"],
)  # fmt: skip
def test_a_number_sign_and_its_number_read_alike(text: str) -> None:
    assert analyse(text)[0].tokens == analyse("CONSTELLO NO. 1 CORPORATION")[0].tokens
    assert analyse(text)[0].tokens == ("constello", "1")


def test_a_numbered_company_alerts_for_its_number_only() -> None:
    listed = [_listed("organization", "CONSTELLO NO. 1 CORPORATION")]
    # 1.33 (bench_wild w-roman): 0.36, retrieved at rank 2
    assert _alerts(listed, "CONSTELLO NO. I CORPORATION", "organization")
    assert _alerts(listed, "Constello #1 Corp.", "organization")
    assert not _alerts(listed, "CONSTELLO NO. 2 CORPORATION", "organization")
    assert not _alerts(listed, "CONSTELLO NO. III CORPORATION", "organization")


def test_a_number_sign_is_a_word_where_no_number_follows() -> None:
    assert analyse("NO Kwang Chol")[0].tokens == ("no", "kwang", "chol")
    assert analyse("KIM NO I CHOL")[0].tokens == ("kim", "no", "i", "chol")


def test_two_short_words_run_together_are_found() -> None:
    # 1.33 (bench_wild w-joined): not even retrieved
    listed = [_listed("organization", "LIMITED LIABILITY COMPANY DZHI EL EL RUS")]
    assert _alerts(listed, "LIMITED LIABILITY COMPANY DZHI Elel RUS", "organization")
    assert _alerts(listed, "DZHI ELEL RUS LLC", "organization")


@pytest.mark.parametrize("query", ["Hameed UlHassan", "Hameed ul Hassan", "Hameed ul-Hassan"])
def test_a_particle_ending_the_given_names_is_read_before_the_family_name(query: str) -> None:
    # 1.33 (bench_wild w-joined): 0.78
    listed = _listed("person", "HASSAN, Hameed ul")
    comparison = Screener.build([listed], MatchingPolicy(screen_cache=0)).screen(
        make_query(query, type="person"), ScreenOptions(limit=1)
    )
    assert comparison.matches and comparison.matches[0].score >= 0.95  # noqa: PLR2004


def test_an_inverted_name_is_still_not_another_person() -> None:
    listed = [_listed("person", "HASSAN, Hameed ul")]
    assert not _alerts(listed, "Jamil Hassan", "person")
    assert not _alerts(listed, "Hameed Khan", "person")


def test_a_singular_of_a_generic_plural_still_names_a_listed_name_that_repeats_it() -> None:
    # "line" generic as "lines" is: the query is of generic words only, and pairs each of
    # the listed name's words but the one written twice (bench_heldout c4-legal-form-dots)
    listed = [_listed("organization", "SOUTH SHIPPING LINES - IRAN LINE")]
    query = "SOUTH SHIPPING LINE IRAN (SSL) Tic. Ltd. Şti."
    assert _alerts(listed, query, "organization", ("SOUTH", "LINES", "IRAN"))


@pytest.mark.parametrize("text", ["Alla Ivanova", "Bibi Gul", "Dede Korkut"])
def test_a_persons_given_name_of_two_short_syllables_is_one_word(text: str) -> None:
    assert run_together(text) is None
    assert query_parts(text) == [text]
