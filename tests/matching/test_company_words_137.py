"""Organisation names as writers of other countries put them (issue 11, h188): the company
words of Arabic and Persian names in Latin letters ("Sharikat", "Sherkat-e", "Mu'assasat",
"Sanaye", "Bazargani") and the Chinese places company names begin with ("Shenzhen X
Technology Co., Ltd.") weigh as the English business words do (``matching.company_words``):
a name with one meets the listed name with its English word or without either, and two names
that share only them, legal forms apart, do not alert. A bank is a bank in French and Turkish too
("Banque X", "X Bankasi", "Bank-e X" for X BANK)."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.weights import word_weight
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, e

# Listed names as OFAC and the UK write them.
_LISTED = (
    "KAVEH CUTTING TOOLS COMPANY",
    "BONYAD SHIPPING AGENCIES COMPANY",
    "BEHINEH TRADING CO.",
    "MADO COMPANY",
    "SINNO ELECTRONICS CO., LIMITED",
    "BEIJING YUNZE TECHNOLOGY CO., LTD.",
    "HADI SHIPPING COMPANY LIMITED",
    "SHENZHEN JIAYUAN TECHNOLOGY CO., LTD.",
    "SHERKAT-E SARMAYEGOZARI-E PARDIS",
    "BANK URALSIB PJSC",
    "TOURISM BANK",
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    listed = [e("organization", name, source_id=f"L{i}") for i, name in enumerate(_LISTED)]
    others = [e("organization", n, source_id=f"other-{n}") for n in BACKGROUND_COMPANIES]
    return Screener.build([*listed, *others], MatchingPolicy(screen_cache=0))


def _alerts(screener: Screener, query: str) -> set[str]:
    """The listed names that alert on the company query ``query``."""
    result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=10))
    return {m.name for m in result.matches if m.alert and m.source_id.startswith("L")}


@pytest.mark.parametrize(
    "word",
    ["sharikat", "sharikah", "shirkat", "sherkat", "muassasat", "moasseseh", "sanaye",
     "sinaat", "tijarat", "tejarat", "bazargani", "tolid", "sazman",
     "shenzhen", "guangzhou", "zhejiang", "hongkong"],
)  # fmt: skip
def test_company_words_weigh_low(word: str) -> None:
    params = NameParams()
    assert word_weight(word, params) == params.low_info_weight


@pytest.mark.parametrize("word", ["kaveh", "bonyad", "behineh", "xian", "sinai", "sanati"])
def test_names_keep_their_weight(word: str) -> None:
    """Distinctive words, and places and words that are also persons' names (Xian, Sinai,
    Sanati: a word weighs the same in a person's name), keep their weight."""
    assert word_weight(word, NameParams()) == 1.0


def test_ezafe_after_a_company_word_is_left_out() -> None:
    assert [f.tokens for f in analyse("SHERKAT-E KAVEH")] == [("kaveh",)]  # (company: a form)
    assert [f.tokens for f in analyse("Sanaye-ye Aerospace")] == [("industries", "aerospace")]
    assert [f.tokens for f in analyse("E-BANK KAVEH")][0][0] == "e"  # (no company word before)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SHERKAT-E KAVEH CUTTING TOOLS", "KAVEH CUTTING TOOLS COMPANY"),
        ("Sharikat Bonyad Shipping Agencies", "BONYAD SHIPPING AGENCIES COMPANY"),
        ("BAZARGANI-YE BEHINEH CO.", "BEHINEH TRADING CO."),
        ("Sherkat-e Mado", "MADO COMPANY"),
        ("SHANGHAI SINNO ELECTRONICS CO., LIMITED", "SINNO ELECTRONICS CO., LIMITED"),
        ("YUNZE TECHNOLOGY CO.,LTD", "BEIJING YUNZE TECHNOLOGY CO., LTD."),
        ("Xiamen Hadi Shipping Co Ltd", "HADI SHIPPING COMPANY LIMITED"),
        ("BANQUE URALSIB", "BANK URALSIB PJSC"),
        ("Tourism Bankasi", "TOURISM BANK"),
        ("Bank-e Tourism", "TOURISM BANK"),
    ],
)
def test_company_words_and_places_added_or_dropped_alert(
    screener: Screener, query: str, listed: str
) -> None:
    assert listed in _alerts(screener, query)


@pytest.mark.parametrize(
    "query",
    [
        "SHENZHEN HAOYUN TECHNOLOGY CO LTD",  # (only the place, the trade and the form agree)
        "Beijing Trading Co., Ltd.",
        "Sherkat-e Tejarat Shenzhen",
        "SHERKAT-E SARMAYEGOZARI-E GOLESTAN",
        "Banque Golestan",
    ],
)
def test_shared_company_words_do_not_alert(screener: Screener, query: str) -> None:
    assert not _alerts(screener, query)
