"""Company names, issue 11 class 11 (company remainders, continued): a word that unrelated
listed organisations of many countries write ("machine", "islamic", "ansar", "defense") is
generic in organisation names, a measure the index takes from the lists themselves
(``NameIndex.org_common``). A company query of one such word with generic words and a legal
form only ("Machine Ltd", "Islamic GmbH") is no name: it alerts only on a listed name whose
every word it agrees with, as a query of generic words only does since 1.31."""

from __future__ import annotations

import itertools

import pytest

from clearance.matching.engine import Screener
from clearance.matching.index_build import build_partial
from clearance.matching.query import ScreenOptions, make_query
from clearance.model import Entity
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, e

_COUNTRIES = ("IR", "RU", "KP", "SY", "CN")
_OTHERS = ("VOSTOK", "ZAGROS", "PYONGHWA", "BARADA", "HUANGHE", "ALBORZ", "SIBIR", "TAEDONG",
           "ORONTES", "YANGTZE", "DAMAVAND", "URAL", "KUMGANG", "KHABUR", "JIALING", "SAHAND",
           "ALTAI", "MYOHYANG", "YARMUK", "MINJIANG", "SABALAN", "AMUR")  # fmt: skip
_GENERIC_WORDS = ("MACHINE", "ISLAMIC", "ANSAR", "DEFENSE", "DEFENCE")


def _background(words: tuple[str, ...]) -> list[Entity]:
    """Unrelated organisations of five countries that write each of ``words`` with a name
    word of their own (22 each): what makes a word generic in organisation names."""
    out = []
    for word in words:
        for i, (other, country) in enumerate(zip(_OTHERS, itertools.cycle(_COUNTRIES))):
            name = f"{other} {word} PLANT" if i % 2 else f"{word} {other} CENTER"
            out.append(e("organization", name, country=country, source_id=f"bg-{word}-{i}"))
    return out


def _screen(listed: list[str], query: str, background: tuple[str, ...]) -> list[tuple[str, float]]:
    """(listed name, score) of ``listed`` (one organisation each, among the background and a
    few unrelated companies) for ``query``, best first, alerts only."""
    names = [*listed, *BACKGROUND_COMPANIES]
    entities = [e("organization", n, source_id=str(i)) for i, n in enumerate(names)]
    screener = Screener.build([*entities, *_background(background)],
                              MatchingPolicy(screen_cache=0))  # fmt: skip
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return [(names[int(m.source_id)], m.score) for m in result.matches
            if m.alert and not m.source_id.startswith("bg-")]  # fmt: skip


def _alerts(
    listed: list[str], query: str, background: tuple[str, ...] = _GENERIC_WORDS
) -> set[str]:
    return {name for name, _ in _screen(listed, query, background)}


def test_common_org_words_come_from_the_lists() -> None:
    from clearance.matching.index_build import common_org_words  # (since 1.32)

    entities = _background(("MACHINE",))
    entities += [e("organization", "ANSAR BANK", country="IR"),
                 e("organization", "TRUST LOGISTICS GROUP", country="RU")]  # fmt: skip
    common = common_org_words(build_partial(entities).index)
    assert "machine" in common
    # a word one organisation writes, generic words weighed low already, a word in names of
    # organisations of one country
    assert not common & {"ansar", "bank", "logistics", "group", "plant", "center", "vostok"}
    one_country = [e("organization", f"{other} MACHINE", country="IR") for other in _OTHERS]
    assert not common_org_words(build_partial(one_country).index)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Machine Ltd", "MACHINE INDUSTRY DEPARTMENT"),  # 1.31 (bench_wild): 0.77
        ("Islamic GmbH", "ISLAMIC GROUP"),  # 0.87
        ("Ansar LLP", "ANSAR BANK"),  # 0.87
        ("The Defense Company", "MINISTRY OF DEFENSE"),
        ("DEFENSE", "DEFENSE INDUSTRIES ORGANIZATION"),
    ],
)
def test_a_generic_organisation_word_is_no_name(query: str, listed: str) -> None:
    assert listed not in _alerts([listed], query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Machine Industry Department", "MACHINE INDUSTRY DEPARTMENT"),  # every word agrees
        ("Islamic Group Ltd", "ISLAMIC GROUP"),
        ("Ansar Bank", "ANSAR BANK"),
        ("Ansar Vostok LLP", "ANSAR VOSTOK"),  # two words: the other one is a name
        ("Defence Engineering Ltd", "DEFENS INZHINIRING"),  # read from Russian: 0.816
    ],
)
def test_the_listed_name_itself_still_alerts(query: str, listed: str) -> None:
    assert listed in _alerts([listed], query)


def test_a_word_the_lists_do_not_share_is_still_a_name() -> None:
    # "Ansar" alone: no organisations of several countries write it here
    assert "ANSAR BANK" in _alerts(["ANSAR BANK"], "Ansar LLP", background=("MACHINE",))


@pytest.mark.parametrize("background", [(), _GENERIC_WORDS])
def test_defense_engineering_ranks_above_ministry_of_defense(background: tuple[str, ...]) -> None:
    """The issue's ranking rule: both listed "defense engineering" companies before MINISTRY
    OF DEFENSE for "Defense Engineering LLP" (however generic "defense" is in the lists)."""
    listed = ["MINISTRY OF DEFENSE", "D.E.S. DEFENSE ENGINEERING SOLUTIONS LTD",
              "DEFENSE ENGINEERING LLP"]  # fmt: skip
    names = [*listed, *BACKGROUND_COMPANIES]
    entities = [e("organization", n, source_id=str(i)) for i, n in enumerate(names)]
    screener = Screener.build([*entities, *_background(background)],
                              MatchingPolicy(screen_cache=0))  # fmt: skip
    query = make_query("Defense Engineering LLP", type="organization")
    result = screener.screen(query, ScreenOptions(limit=20, threshold=0.1))
    scores = {names[int(m.source_id)]: m.score for m in result.matches
              if not m.source_id.startswith("bg-")}  # fmt: skip
    assert scores["DEFENSE ENGINEERING LLP"] == pytest.approx(1.0)
    ministry = scores.get("MINISTRY OF DEFENSE")
    if not background:  # (both returned: 1.31 0.454 and 0.312)
        assert ministry is not None
    assert ministry is None or scores["D.E.S. DEFENSE ENGINEERING SOLUTIONS LTD"] > ministry
