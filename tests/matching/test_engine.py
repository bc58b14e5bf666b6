"""The screener on small in-memory lists: how names vary, and what must not match."""

from __future__ import annotations

import pytest

from clearance.errors import QueryError
from clearance.matching.engine import ALGORITHM, ALGORITHM_VERSION, Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.result import ScreeningResult
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

LISTED = [
    e("person", "MKRTYCHEV, Ashot", "MKRTYCEV, Asot", dob="1966-05-07", country="SK",
      ids={"passport": "BD3843329"}, source_id="41736"),
    e("organization", "LIMITED LIABILITY COMPANY VERUS", "VERUS CONSULTING GROUP",
      weak=("LLC VERUS",), source_id="44544"),
    e("organization", "DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP", "DEFENS INZHINIRING",
      weak=("DEFENSE ENGINEERING, TOO",), source_id="44578"),
    e("organization", "VERSOR S.R.O.", source_id="44579"),
    e("person", "KIM, Jong Un", source_id="kju"),
    e("person", "KIM, Song Hun", source_id="ksh"),
    e("organization", "11420 CORP.", source_id="11420"),
    e("organization", "EMMA LLC", source_id="emma"),
    e("person", "HABBASH, George", source_id="habbash"),
    e("person", "ALI, Mohammed", dob="1970", source_id="ali1970"),
    e("person", "PUTIN, Vladimir Vladimirovich", "Путин Владимир Владимирович", source_id="putin"),
    e("organization", "A-B-C TRADING COMPANY", source_id="abc"),
    e("person", "AL-RAHMAN, Abd", weak=("ABU JIHAD",), source_id="weak"),
    e("vessel", "OCEAN STAR", ids={"imo": "9123456"}, source_id="vessel"),
    e("organization", "FOREIGN LIMITED LIABILITY COMPANY SLAVKALI", source_id="slavkali"),
    e("organization", "CHANGZHOU UTEK COMPOSITE COMPANY LTD", source_id="utek"),
    e("organization", "PUBLIC JOINT-STOCK COMPANY ODK-KUZNETSOV", source_id="odk"),
    e("person", "TAGHIPOUR, Reza", source_id="taghipour"),
    e("person", "NAJIB, Atif", source_id="najib"),
    e("person", "MEJIA REGALADO, Jose Manuel", source_id="mejia"),
    e("organization", "ZEEL - M CO., LTD.", source_id="zeelm"),
    e("person", "DWE, Aung Lin", source_id="dwe"),
    e("person", "RI, Song-hyok", source_id="rsh"),
    e("person", "Abdul Rahman AGHA", source_id="agha"),
    e("person", "Hyok Chan KIM", source_id="hck"),
    e("person", "WEI, Hsueh Yuan", source_id="wei"),
    e("organization", "IRAN-VENEZUELA BI-NATIONAL BANK", source_id="ivbb"),
]  # fmt: skip


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.build(
        LISTED, MatchingPolicy(), snapshot_id="snap-1", lists={"test": "2024-01-01"}
    )


def screen(screener: Screener, name: str, **kw: object) -> ScreeningResult:
    return screener.screen(make_query(name, **kw))  # type: ignore[arg-type]


def top(result: ScreeningResult) -> str | None:
    return result.matches[0].source_id if result.matches and result.alert else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ashot Mkrtichev", "41736"),  # typo
        ("Mkrtychev Ashot", "41736"),  # order
        ("MKRTYCHEV Ashot Ashotovich", "41736"),  # extra patronymic
        ("A. Mkrtychev", "41736"),  # initial
        ("Мкртычев Ашот", "41736"),  # Cyrillic
        ("ООО Верус", "44544"),  # Cyrillic legal form
        ("Verus LLC", "44544"),
        ("TOO Defense Engineering", "44578"),  # Kazakh legal form
        ("Defens Inzhiniring", "44578"),
        ("Versor sro", "44579"),
        ("Kim Jong-un", "kju"),
        ("Kim Jongun", "kju"),
        ("김정은", "kju"),
        ("Muhammad Ali", "ali1970"),  # spelling family
        ("Vladimir Putin", "putin"),
        ("Путин Владимир", "putin"),
        ("FOREIGN OOO SLAVKALI", "slavkali"),  # legal form inside the name
        ("Tskhangzkhou Utek Tsomposite Tsompany Ltd", "utek"),  # letter-by-letter round trip
        ("Publik Yoint-Stokk Kompany ODK-Kuznetsov", "odk"),  # legal form by sound
        ("RezaTAGHIPOUR", "taghipour"),  # given name run into the family name
        ("Aitf Najib", "najib"),  # two letters swapped in a short word
        ("Yose Manuyel Meyia Regalado", "mejia"),  # Jose written as a Russian speaker would
        ("Abdul Agha", "agha"),  # middle name dropped after an "Abdul"
        ("이송혁", "rsh"),
        ("Хёк Чан Ким", "hck"),  # ё written "yo": Khyok
        ("Хсуех Юан Веи", "wei"),  # В for W
        ("IRANVENEZUELA BINATIONAL BANK", "ivbb"),  # two pairs run together in a long name
    ],
)
def test_variants_alert_on_the_listed_party(screener: Screener, query: str, expected: str) -> None:
    assert top(screen(screener, query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        "Ashot Petrosyan",  # shared given name only
        "Versa Systems s.r.o.",  # shared legal form only
        "Alpha Engineering LLP",  # generic word + legal form
        "BELLETECH CORP",  # numbers must agree: not "11420 CORP"
        "emma daniels",  # not "EMMA LLC"
        "George Bush",  # not "George Habbash"
        "Kim Song Un",
        "XYZ Trading Company",  # low-information words do not drive a match
        "Abu Jihad",  # weak alias alone does not alert by default
        "Zeel Motors Ltd",  # a letter in an organisation's name is no initial
        "ألين عويضة",  # a three-consonant skeleton ("ln d") is too little to go on
        "이성현",  # Ri Song Hyon: one syllable off is another name
    ],
)
def test_near_misses_do_not_alert(screener: Screener, query: str) -> None:
    result = screen(screener, query)
    assert not result.alert, [(m.source_id, m.score) for m in result.matches]


def test_weak_alias_alerts_when_configured(screener: Screener) -> None:
    result = screener.screen(make_query("Abu Jihad"), ScreenOptions(weak_alias_alerts=True))
    assert result.alert and result.matches[0].source_id == "weak"
    names = [f.name for f in result.matches[0].features]
    assert "weak_alias" in names


def test_identifier_match_is_a_strong_hit_whatever_the_name(screener: Screener) -> None:
    result = screen(screener, "Some Other Ship", identifiers={"imo": "IMO 9123456"})
    assert result.alert and result.matches[0].source_id == "vessel"
    assert result.matches[0].score >= 0.95
    assert any(f.name == "identifier" and f.score > 0 for f in result.matches[0].features)


def test_date_of_birth_supports_and_contradicts(screener: Screener) -> None:
    same = screen(screener, "Ashot Mkrtychev", dob="1966-05-07").matches[0]
    other = screen(screener, "Ashot Mkrtychev", dob="1990-01-01").matches[0]
    plain = screen(screener, "Ashot Mkrtychev").matches[0]
    assert same.score >= plain.score > other.score
    reasons = {f.name: f.reason for f in other.features}
    assert "differs" in reasons["birth_date"]


def test_schema_conflict_lowers_the_score(screener: Screener) -> None:
    as_person = screen(screener, "Versor", type="person")
    as_company = screen(screener, "Versor", type="organization")
    assert as_company.alert and not as_person.alert


def test_result_carries_algorithm_and_snapshot(screener: Screener) -> None:
    result = screen(screener, "Ashot Mkrtichev")
    data = result.to_dict()
    assert data["algorithm"] == {"name": ALGORITHM, "version": ALGORITHM_VERSION}
    assert data["snapshot"] == "snap-1" and data["lists"] == {"test": "2024-01-01"}
    feature = data["matches"][0]["features"][0]
    assert feature["name"] == "name_similarity" and "mkrtichev~mkrtychev" in feature["reason"]


def test_threshold_limit_and_list_filter(screener: Screener) -> None:
    loose = screener.screen(make_query("Kim Jong Un"), ScreenOptions(threshold=0.3, limit=1))
    assert len(loose.matches) == 1 and loose.threshold == 0.3
    none = screener.screen(make_query("Kim Jong Un", lists=["other"]))
    assert none.matches == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "name is empty"),
        ({"name": "x" * 301}, "longer than"),
        ({"name": "bad\x00name"}, "control"),
        ({"name": "Ok", "type": "dragon"}, "unknown type"),
        ({"name": "Ok", "dob": "1966-02-30"}, "no such day"),
        ({"name": "Ok", "dob": "May 1966"}, "invalid date"),
        ({"name": "Ok", "country": "Atlantis"}, "unknown country"),
        ({"name": "Ok", "identifiers": [{"type": "dna", "value": "x"}]}, "unknown identifier"),
    ],
)
def test_bad_queries_are_rejected_clearly(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        make_query(**kwargs)  # type: ignore[arg-type]
