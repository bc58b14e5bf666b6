"""Company names, issue 11 class 11 (company remainders, third round). Words generic in listed
organisation names (``NameIndex.org_common``, since 1.32) are measured from the lists; since
1.33:

- a word that is by itself a listed organisation's name or alias ("AL-HARAMAIN", legal forms
  and the article apart) is that organisation's name, not a trade's word, however many of its
  branches in many countries the lists hold;
- a company query of two or more such words and generic words ("Forces Armed Limited") is no
  name either: it agrees with a listed name only when it pairs every listed word of full
  weight ("Iran Aircraft" is still IRAN AIRCRAFT MANUFACTURING COMPANY);
- a listed name of one such word only, a parenthesised part ("(ASIA)" of ZARON BIO-TECH (ASIA)
  LIMITED), agrees with such a query only when the query is that word alone."""

from __future__ import annotations

import itertools

import pytest

from clearance.matching.engine import Screener
from clearance.matching.index_build import build_partial, common_org_words
from clearance.matching.query import ScreenOptions, make_query
from clearance.model import Entity
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, e
from tests.matching.test_company_132 import _COUNTRIES, _OTHERS, _background


def _alerts(listed: list[Entity], query: str, background: tuple[str, ...]) -> set[str]:
    """The captions of ``listed`` (among the background and a few unrelated companies) that
    alert for the company query ``query``."""
    others = [e("organization", n, source_id=f"other-{n}") for n in BACKGROUND_COMPANIES]
    screener = Screener.build([*listed, *others, *_background(background)],
                              MatchingPolicy(screen_cache=0))  # fmt: skip
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return {m.name for m in result.matches if m.alert and m.source_id.startswith("L")}


def _listed(name: str, *aliases: str) -> Entity:
    return e("organization", name, *aliases, source_id=f"L{name}")


def _branches(*aliases: str) -> list[Entity]:
    """A network's branches in five countries (22), each with ``aliases``."""
    return [
        e("organization", f"AL-HARAMAIN ISLAMIC {other}", *aliases, country=country,
          source_id=f"L{i}")
        for i, (other, country) in enumerate(zip(_OTHERS, itertools.cycle(_COUNTRIES)))
    ]  # fmt: skip


def test_a_listed_organisations_own_name_is_not_generic() -> None:
    common = common_org_words(build_partial(_branches("AL-HARAMAIN")).index)
    assert "islamic" in common and not common & {"haramain", "alharamain"}
    # without the alias alone the branches' word is as generic as any other
    assert "haramain" in common_org_words(build_partial(_branches()).index)


def test_a_parenthesised_part_is_not_a_name_of_its_own() -> None:
    listed = [_listed("ZARON BIO-TECH (ASIA) LIMITED")]
    assert "asia" in common_org_words(build_partial(listed + _background(("ASIA",))).index)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Forces Armed Limited", "ARMED FORCES GENERAL STAFF"),  # 1.32 (bench_wild): 0.73
        ("Armed Forces", "ARMED FORCES GEOGRAPHICAL ORGANISATION"),
    ],
)
def test_two_generic_organisation_words_are_no_name(query: str, listed: str) -> None:
    assert listed not in _alerts([_listed(listed)], query, ("ARMED", "FORCES"))


def test_a_parenthesised_generic_word_is_not_the_company() -> None:
    # 1.32 (bench_wild): 0.79 through the record "ASIA"
    listed = "ZARON BIO-TECH (ASIA) LIMITED"
    assert listed not in _alerts([_listed(listed)], "THE Technology Asia S.A.", ("ASIA",))


@pytest.mark.parametrize(
    ("query", "listed", "background"),
    [
        ("Iran Aircraft", "IRAN AIRCRAFT MANUFACTURING COMPANY", ("IRAN", "AIRCRAFT")),
        ("Moscow Exchange", "MOSCOW EXCHANGE GROUP", ("MOSCOW", "EXCHANGE")),
        ("Armed Forces Ltd", "ARMED FORCES", ("ARMED", "FORCES")),
        # (not "Asia" for ZARON BIO-TECH (ASIA) LIMITED since 1.34: a parenthesised qualifier
        # is no name of its own, test_company_134)
        ("Haramain Group", "AL-HARAMAIN ISLAMIC FOUNDATION", ("HARAMAIN",)),
    ],
)
def test_a_listed_name_of_generic_words_still_alerts(
    query: str, listed: str, background: tuple[str, ...]
) -> None:
    aliases = ("AL-HARAMAIN",) if "HARAMAIN" in listed else ()
    assert listed in _alerts([_listed(listed, *aliases)], query, background)
