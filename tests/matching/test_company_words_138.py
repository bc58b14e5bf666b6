"""Chinese and Arabic / Persian company names, round two (issue 11, h193), and "NPO X".

More Persian company words read as the English word each says ("Mohandesi" engineering,
"Pajoheshkadeh" institute, "Ta'avon" co-operative); English business words of one kind agree
("establishment" / FOUNDATION: mu'assasa says both; "manufacturing" / PRODUCTION), "Tejarati"
is trading; a Chinese place left over on one side, or on both, is no conflict between the
two names ("Yunze Technology Investment" / BEIJING YUNZE TECHNOLOGY); "HK" is a place; "NPO"
before a name Russian in Latin letters is the Russian kind (nauchno-proizvodstvennoe
obedinenie), not the legal form of a non-profit organisation. "Bonyad" stays a word of the
name, but agrees with "foundation" ("Mostazafan Foundation" / BONYAD MOSTAZAFAN). Two names
that share only such words still do not alert.
"""

from __future__ import annotations

import pytest

from clearance.matching.company_words import is_place, left_besides_places
from clearance.matching.engine import Screener
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.russian_generic import russian_kind_first
from clearance.matching.weights import word_weight
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, e

_LISTED = (
    "SEPASAD ENGINEERING COMPANY",
    "BONYAD EASTERN RAILWAY COMPANY",
    "BEHINEH TRADING CO.",
    "BASIJ COOPERATIVE FOUNDATION",
    "BENEVOLENCE INTERNATIONAL FOUNDATION",
    "RAHAB ENGINEERING INSTITUTE",
    "SHERKAT-E TOLIDI VA SADERAT-E RISHMAK",
    "SHENZHEN JIAYUAN TECHNOLOGY CO., LTD.",
    "BEIJING SHANGYIXIANDA TECHNOLOGY COMPANY LIMITED",
    "SHANGHAI DONGFENG SHIPPING CO LTD",
    "DANESH SHIPPING COMPANY LIMITED",
    "AO NPO MASHINOSTROYENIYA",
    "TSENTRALNYY NAUCHNO-ISSLEDOVATELSKIY INSTITUT MASHINOSTROENIYA",
    "AO NPO SPLAV",
    "IRAN ELECTRONICS INDUSTRIES",
    "DEFENSE TECHNOLOGY AND SCIENCE RESEARCH CENTER",
    "BONYAD MOSTAZAFAN",
    "BONYAD SHIPPING AGENCIES COMPANY",
    "KREMSONT COMMERCIAL INC.",
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    listed = [e("organization", name, source_id=f"L{i}") for i, name in enumerate(_LISTED)]
    others = [e("organization", n, source_id=f"other-{n}") for n in BACKGROUND_COMPANIES]
    return Screener.build([*listed, *others], MatchingPolicy(screen_cache=0))


def _alerts(screener: Screener, query: str) -> set[str]:
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return {m.name for m in result.matches if m.alert and m.source_id.startswith("L")}


@pytest.mark.parametrize(
    ("word", "english"),
    [("mohandesi", "engineering"), ("pajoheshkadeh", "institute"), ("taavon", "cooperative")],
)
def test_persian_words_read_in_english(word: str, english: str) -> None:
    assert [f.tokens for f in analyse(f"{word.upper()} KAVEH")] == [(english, "kaveh")]


def test_hk_weighs_low_science_and_electronics_not() -> None:
    params = NameParams()
    assert word_weight("hk", params) == params.low_info_weight
    assert word_weight("science", params) == word_weight("electronics", params) == 1.0


def test_places_left_over() -> None:
    assert is_place("shenzhen") and is_place("hk") and not is_place("science")
    tokens = ("shenzhen", "jiayuan", "technology")
    assert not left_besides_places(tokens, [False, True, True])
    assert left_besides_places(tokens, [False, True, False])


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("MOHANDESI SEPASAD COMPANY", "SEPASAD ENGINEERING COMPANY"),
        ("TEJARATI-YE BEHINEH CO.", "BEHINEH TRADING CO."),
        ("TAAVON BASIJ FOUNDATION", "BASIJ COOPERATIVE FOUNDATION"),
        ("MU'ASSASAT BENEVOLENCE INTERNATIONAL", "BENEVOLENCE INTERNATIONAL FOUNDATION"),
        ("PAJOHESHKADEH-E RAHAB ENGINEERING", "RAHAB ENGINEERING INSTITUTE"),
        ("SHERKAT-E VA SADERAT-E RISHMAK MANUFACTURING", "SHERKAT-E TOLIDI VA SADERAT-E RISHMAK"),
        ("JIAYUAN TECHNOLOGY TRADING CO LTD", "SHENZHEN JIAYUAN TECHNOLOGY CO., LTD."),
        ("SHANGYIXIANDA HK TECHNOLOGY COMPANY LIMITED",
         "BEIJING SHANGYIXIANDA TECHNOLOGY COMPANY LIMITED"),
        ("DONGFENG SHIPPING LOGISTICS CO., LTD", "SHANGHAI DONGFENG SHIPPING CO LTD"),
        ("DANESH SHIPPING HK COMPANY LIMITED", "DANESH SHIPPING COMPANY LIMITED"),
        ("NPO MASHINOSTROYENIYA", "AO NPO MASHINOSTROYENIYA"),
        ("NPO Splav", "AO NPO SPLAV"),
        ("MOSTAZAFAN FOUNDATION", "BONYAD MOSTAZAFAN"),
        ("EASTERN RAILWAY COMPANY FOUNDATION", "BONYAD EASTERN RAILWAY COMPANY"),
    ],
)  # fmt: skip
def test_company_words_round_two_alert(screener: Screener, query: str, listed: str) -> None:
    assert listed in _alerts(screener, query)


@pytest.mark.parametrize(
    "query",
    [
        "SHENZHEN HAOYUN TECHNOLOGY CO LTD",  # (only the place, the trade and the form agree)
        "HK JIAYUAN MACHINERY TRADING CO LTD",  # (the trade differs on both sides)
        "MOHANDESI KAVEH COMPANY",
        "Sherkat-e Tejarati Shanghai",
        "IRAN INDUSTRIES",  # ("Electronics" is no trade word here: IEI's own)
        "RESEARCH DEFENCE AG",  # (nor "Science": the research centre's)
        "NPO Romashka",
        "SHIPPING AGENCIES COMPANY",  # ("Bonyad" is the listed name's word, as it was)
        "BONYAD SHAHID",
        "KREMSONT TRADING INC.",  # (trading and commercial are two kinds of business)
    ],
)
def test_shared_words_do_not_alert(screener: Screener, query: str) -> None:
    assert not _alerts(screener, query)


def test_npo_before_a_russian_name_is_its_kind() -> None:
    assert [(f.tokens, f.forms) for f in analyse("NPO MASHINOSTROYENIYA")] == [
        (("npo", "mashinostroyeniya"), frozenset())
    ]
    assert russian_kind_first(["npo", "splav"])
    # the English non-profit organisation: a name not Russian, or NPO after it
    assert not russian_kind_first(["npo", "peace", "winds", "japan"])
    assert not russian_kind_first(["helping", "hands", "npo"])
    assert [f.tokens for f in analyse("NPO Peace Winds Japan")] == [("peace", "winds", "japan")]


def test_npo_is_not_an_nii(screener: Screener) -> None:
    """An NPO is no NII: "NPO MASHINOSTROYENIYA" alerts on the NPO only."""
    alerts = _alerts(screener, "NPO MASHINOSTROYENIYA")
    assert "TSENTRALNYY NAUCHNO-ISSLEDOVATELSKIY INSTITUT MASHINOSTROENIYA" not in alerts
