"""Company names, issue 11 class 11 (company remainders) for Russian company names in Latin
letters (h182). The words that name a Russian company's kind ("научно-производственное
объединение", "центральный научно-исследовательский институт", "торговый дом", "завод") are
generic in every Latin spelling the matcher meets them in (``matching.russian_generic``: its
Cyrillic table written by the matcher's own romanisations, ICAO's and the simplified BGN's),
as their English counterparts are (``vocab.LOW_INFO_WORDS``): two names that share only
them, legal forms apart, do not alert; a distinctive word that agrees still does."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.params import NameParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.weights import word_weight
from clearance.model import Entity
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, e

# Listed names as the lists write them (uk-15304 in Cyrillic, OFAC's NPOs in Latin letters).
_LISTED = (
    ("АО Центральный научно-исследовательский институт машиностроения",),
    ("AKTSIONERNOE OBSHCHESTVO NAUCHNO-PROIZVODSTVENNOE OBEDINENIE OPTIKA",),
    ("OTKRYTOE AKTSIONERNOE OBSHCHESTVO NAUCHNO-PROIZVODSTVENNOE OBEDINENIE SPLAV",),
    ("AKTSIONERNOE OBSHCHESTVO NAUCHNO PROIZVODSTVENNOE OBEDINENIE ELEKTROMASHINA",),
    ("OOO TORGOVY DOM LEVENGUK",),
    ("FEDERALNOE GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE ZAVOD IMENI SVERDLOVA",),
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    listed = [e("organization", *names, source_id=f"L{i}") for i, names in enumerate(_LISTED)]
    others = [e("organization", n, source_id=f"other-{n}") for n in BACKGROUND_COMPANIES]
    return Screener.build([*listed, *others], MatchingPolicy(screen_cache=0))


def _best(screener: Screener, query: str) -> tuple[float, bool]:
    """The best score of a listed name for the company query ``query``, and whether any alerts."""
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    listed = [m for m in result.matches if m.source_id.startswith("L")]
    return max((m.score for m in listed), default=0.0), any(m.alert for m in listed)


@pytest.mark.parametrize(
    "word",
    [
        # central, research (scientific-, -research), institute: BGN, ISO / GOST, ICAO, press
        "tsentralnyy", "centralnyj", "tsentralnyi", "tsentralny", "nauchno", "naucno",
        "issledovatelskiy", "issledovatelskij", "issledovatelskii", "issledovatelsky", "institut",
        # production association (the hard sign: BGN, dropped, ICAO)
        "proizvodstvennoye", "proizvodstvennoe", "obyedineniye", "obedinenie", "obyedinenie",
        # trading house, state unitary enterprise, plant, combine, centre, company, group
        "torgovyy", "torgovyi", "torgovy", "torgovyj", "gosudarstvennoe", "gosudarstvennoye",
        "unitarnoe", "predpriyatie", "predpriyatiye", "predpriiatie", "zavod", "kombinat",
        "tsentr", "centr", "kompaniya", "kompaniia", "gruppa",
        # feminine and plural forms ("научно-производственная фирма", "торговые дома")
        "nauchnaya", "proizvodstvennaya", "torgovaya", "torgovye", "upravlyayushchaya",
    ],
)  # fmt: skip
def test_russian_kind_words_weigh_low_in_every_spelling(word: str) -> None:
    params = NameParams()
    assert word_weight(word, params) == params.low_info_weight


@pytest.mark.parametrize("word", ["kometa", "romashka", "splav", "optika", "sverdlova", "ivanov"])
def test_distinctive_words_keep_their_weight(word: str) -> None:
    assert word_weight(word, NameParams()) == 1.0


@pytest.mark.parametrize(
    "query",
    [
        "AO TSENTRALNY NAUCHNO ISSLEDOVATELSKY INSTITUT KOMETA",
        "АО Центральный научно-исследовательский институт Комета",
        "JSC CENTRALNYJ NAUCNO-ISSLEDOVATELSKIJ INSTITUT KOMETA",
        "NAUCHNO PROIZVODSTVENNOE OBEDINENIE ROMASHKA",
        "AO NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE ROMASHKA",
        "OOO TORGOVYI DOM ROMASHKA",
    ],
)
def test_kind_words_alone_do_not_alert(screener: Screener, query: str) -> None:
    score, alert = _best(screener, query)
    assert not alert
    # shared kind words are no evidence: what the distinctive words alone would give
    assert score < 0.5  # noqa: PLR2004


@pytest.mark.parametrize(
    "query",
    [
        "AO TSENTRALNY NAUCHNO-ISSLEDOVATELSKY INSTITUT MASHINOSTROYENIYA",
        "JSC CENTRALNYJ NAUCNO-ISSLEDOVATELSKIJ INSTITUT MASINOSTROENIA",
        "NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE SPLAV",
        "AO NAUCHNO PROIZVODSTVENNOE OBEDINENIE OPTIKA",
        "TORGOVYI DOM LEVENGUK",
        "FEDERALNOYE GOSUDARSTVENNOYE UNITARNOYE PREDPRIYATIYE ZAVOD IMENI SVERDLOVA",
        # the kind words left out or shortened: the distinctive words now carry the name
        # (neither alerted on 1.35)
        "ZAVOD IMENI SVERDLOVA",
        "OAO SPLAV",
    ],
)
def test_a_distinctive_word_that_agrees_still_alerts(screener: Screener, query: str) -> None:
    assert _best(screener, query)[1]


def test_listed_names_without_kind_words_unchanged() -> None:
    entity: Entity = e("organization", "KOMETA", source_id="L-own")
    own = Screener.build([entity], MatchingPolicy(screen_cache=0))
    assert _best(own, "KOMETA OOO")[1]
