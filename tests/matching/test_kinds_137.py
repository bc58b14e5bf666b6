"""Russian company names whose kind words are translated or abbreviated (issue 11 class 11,
h184). A Russian kind word in Latin letters and its English translation agree ("PLANT SELMASH"
/ ZAVOD SELMASH, "Scientific Production Enterprise Itelma" / NAUCHNO PROIZVODSTVENNOE
PREDPRIYATIE ITELMA, "Design Bureau" / KONSTRUKTORSKOE BYURO: ``russian_generic.
translation_table``, read since h189 through ``equivalents``, by retrieval too); the kinds'
abbreviations (NPO, NPP, NII, TsNII, OKB, FGUP ...) weigh as generic words and stand for their
expansion's noun ("AO NPO SPLAV" / NAUCHNO-PROIZVODSTVENNOE OBEDINENIE SPLAV). Names that share
only kind words, translated or abbreviated, still do not alert."""

from __future__ import annotations

import pytest

from clearance.compiled import is_compiled
from clearance.matching import equivalents as equivalents_module
from clearance.matching.engine import Screener
from clearance.matching.equivalents import equivalent_keys, equivalents
from clearance.matching.params import NameParams, WordParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.weights import word_weight
from clearance.matching.wordsim import WordSimilarity
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, e

_LISTED = (
    "AKTSIONERNOE OBSHCHESTVO ZAVOD SELMASH",
    "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU DOLGOVOI TSENTR",
    "NAUCHNO PROIZVODSTVENNOE PREDPRIYATIE ITELMA",
    "AKTSIONERNOE OBSHCHESTVO SPETSIALNOE KONSTRUKTORSKOE BYURO VYCHISLITELNOI TEKHNIKI",
    "OOO TORGOVY DOM ASBEST",
    "KAMENSK-URALSKIY METALLURGICHESKIY ZAVOD",
    "LIMITED LIABILITY COMPANY NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE RADIOVOLNA",
    "OTKRYTOE AKTSIONERNOE OBSHCHESTVO NAUCHNO-PROIZVODSTVENNOE OBEDINENIE SPLAV",
    "OAO NPO SATURN",
    "OKB SUKHOI",
    "AKTSIONERNOE OBSHCHESTVO TSENTRALNYY NAUCHNO-ISSLEDOVATELSKIY INSTITUT MASHINOSTROENIYA",
    "JOINT STOCK COMPANY EXPERIMENTAL DESIGN BUREAU NOVATOR",
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    listed = [e("organization", name, source_id=f"L{i}") for i, name in enumerate(_LISTED)]
    others = [e("organization", n, source_id=f"other-{n}") for n in BACKGROUND_COMPANIES]
    return Screener.build([*listed, *others], MatchingPolicy(screen_cache=0))


def _alerts(screener: Screener, query: str) -> list[str]:
    """The listed names that alert for the company query ``query``."""
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return [m.matched_name for m in result.matches if m.alert and m.source_id.startswith("L")]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AKTSIONERNOE OBSHCHESTVO PLANT SELMASH", _LISTED[0]),
        ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU DOLGOVOI CENTER", _LISTED[1]),
        ("SCIENTIFIC PRODUCTION ENTERPRISE ITELMA", _LISTED[2]),
        ("AKTSIONERNOE OBSHCHESTVO SPETSIALNOE DESIGN BUREAU VYCHISLITELNOI TEKHNIKI", _LISTED[3]),
        ("OOO TRADING HOUSE ASBEST", _LISTED[4]),
        ("KAMENSK-URALSKIY METALLURGICHESKIY PLANT", _LISTED[5]),
        ("LIMITED LIABILITY COMPANY SCIENTIFIC PRODUCTION ASSOCIATION RADIOVOLNA", _LISTED[6]),
        # and the other way: the Russian word in the query, the English one listed
        ("AO OPYTNOE KONSTRUKTORSKOE BYURO NOVATOR", _LISTED[11]),
    ],
)
def test_a_translated_kind_word_agrees(screener: Screener, query: str, listed: str) -> None:
    assert listed in _alerts(screener, query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AO NPO SPLAV", _LISTED[7]),
        ("NAUCHNO-PROIZVODSTVENNOE OBEDINENIE SATURN", _LISTED[8]),
        ("OPYTNO-KONSTRUKTORSKOE BYURO SUKHOI", _LISTED[9]),
        ("AO TSNII MASHINOSTROENIYA", _LISTED[10]),
        ("NII MASHINOSTROENIYA", _LISTED[10]),
    ],
)
def test_an_abbreviated_kind_agrees_with_its_expansion(
    screener: Screener, query: str, listed: str
) -> None:
    assert listed in _alerts(screener, query)


@pytest.mark.parametrize(
    "query",
    [
        # kind words translated or abbreviated, and a distinctive word no listed name has
        "AKTSIONERNOE OBSHCHESTVO PLANT ROMASHKA",
        "SCIENTIFIC PRODUCTION ENTERPRISE KOMETA",
        "SCIENTIFIC PRODUCTION ASSOCIATION ROMASHKA",
        "DESIGN BUREAU VESNA",
        "OOO TRADING HOUSE ZARYA",
        "NPO ROMASHKA",
        "AO NPO KOMETA",
        "OKB ROMASHKA",
        "AO NII KOMETA",
        "FGUP ZAVOD KOMETA",
        # an NPO is no NII: the abbreviation stands for its own noun only
        "AO NPO MASHINOSTROYENIYA",
    ],
)
def test_kind_words_alone_still_do_not_alert(screener: Screener, query: str) -> None:
    assert _alerts(screener, query) == []


@pytest.mark.parametrize("word", ["npo", "npp", "npk", "nii", "tsnii", "okb", "fgup", "gup"])
def test_kind_abbreviations_weigh_low(word: str) -> None:
    params = NameParams()
    assert word_weight(word, params) == params.low_info_weight


@pytest.mark.parametrize("word", ["skb", "npc", "ntc", "kb"])
def test_abbreviations_that_are_listed_names_keep_their_weight(word: str) -> None:
    assert word_weight(word, NameParams()) == 1.0


def test_translation_similarity_only_across_languages() -> None:
    params = WordParams()
    listed = ["zavod", "factory", "kombinat", "institut", "romashka"]
    sims = WordSimilarity(["plant", "nauchno"], listed, params=params)
    plant = dict(zip(listed, sims.rows["plant"], strict=True))
    assert plant["zavod"] == pytest.approx(params.kind_translation_sim)
    assert plant["kombinat"] == pytest.approx(params.kind_translation_sim)
    assert plant["factory"] < params.kind_translation_sim  # two English words: by letters
    assert plant["romashka"] == 0.0
    nauchno = dict(zip(listed, sims.rows["nauchno"], strict=True))
    assert nauchno["institut"] < params.kind_translation_sim  # no translation of each other
    col = sims.columns["zavod"]
    assert sims.arrays["plant"][col] == pytest.approx(params.kind_translation_sim)


class _Tables:
    """Index keys by their text (what ``equivalent_keys`` asks of a KeyTables)."""

    def __init__(self, keys: list[str]) -> None:
        self.ids = {key: i for i, key in enumerate(keys)}

    def key_id(self, key: str) -> int:
        return self.ids.get(key, -1)


@pytest.mark.skipif(is_compiled(equivalents_module), reason="passes a fake KeyTables")
def test_retrieval_reaches_the_translations() -> None:
    # (h189: through the one table of equivalents, ``equivalents.equivalent_keys``)
    tables = _Tables(["t:zavod", "t:plant", "t:romashka", "t:obedinenie"])
    table = equivalents(WordParams(kind_translation_sim=0.95))
    found: dict[int, float] = {}
    equivalent_keys(tables, table, "plant", found)  # type: ignore[arg-type]
    assert found == {0: 0.95}
    found = {}
    equivalent_keys(tables, table, "npo", found)  # type: ignore[arg-type]
    assert found == {3: 0.95}
    found = {}
    equivalent_keys(tables, table, "romashka", found)  # type: ignore[arg-type]
    assert found == {}
