"""Turkish company names (issue 11, h192): "Sanayi ve Ticaret", "Dış Ticaret", "İthalat
İhracat", "Pazarlama", "İnşaat" in full, abbreviated ("San. ve Tic.", "Dış Tic.", "İth. İhr.",
"Paz.") or in English ("Industry and Trade", "Foreign Trade", "Import Export") are the same
business words (``matching.turkish_words``), and "Anonim Şirketi" (however its letters are
typed) is the joint-stock company's legal form, "A.Ş." spelt out: a name with one spelling
meets the listed name with another, or without the words; two companies that share only them
do not alert; the abbreviations are read so only in a Turkish company's name."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.normalize import analyse
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.turkish_words import turkish_name
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, e

# Listed names as OFAC and the UK write them.
_LISTED = (
    "MACPAR MAKINA SAN VE TIC A.S.",
    "ATACAR OTOMOTIV DIS TICARET VE SAVUNMA SANAYI LIMITED SIRKETI",
    "RENTA A.S.",
    "ALSULTAN KUYUMCULUK ELEKTRONIK GIDA ITHALAT IHRACAT LIMITED SIRKETI",
    "SOM OVERSEAS PETROLEUM ENERJI SANAYI VE TICARET ANONIM SIRKETI",
    "REDIN DIS TICARET LTD. STI",
    "BASLAM PETROL SANAYI VE TICARET ANONIM SIRKETI",
    "MULTIMAT IC VE DIS TIC. PAZ. LTD. STI.",
    "PERLITE INSAAT SANAYI VE TICARET ANONIM SIRKETI",
    "MEGASAN ELEKTRONIK TICARET VE SANAYI LIMITED SIRKETI",
    "RA HAVACILIK LOJISTIK VE TASIMACILIK SANAYI TICARET LIMITED SIRKETI",
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


def _read(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    (form,) = analyse(text)
    return form.tokens, form.forms


@pytest.mark.parametrize(
    "spelling",
    ["SANAYİ VE TİCARET ANONİM ŞİRKETİ", "Sanayi ve Ticaret Anonim Sirketi",
     "SAN. VE TIC. A.Ş.", "San ve Tic AS", "Industry and Trade Joint Stock Company"],
)  # fmt: skip
def test_spellings_of_one_company_read_alike(spelling: str) -> None:
    assert _read(f"Macpar Makina {spelling}") == (
        ("macpar", "makina", "industry", "and", "trade"), frozenset({"jsc"}))  # fmt: skip


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("X DIŞ TİC. A.Ş.", "X FOREIGN TRADE A.S."),
        ("X Dis Ticaret Ltd Sti", "X Foreign Trade Ltd Sti"),
        ("X İTH. İHR. LTD. ŞTİ.", "X IMPORT EXPORT LTD STI"),
        ("X Ithalat Ihracat Ltd Sti", "X Import Export Ltd Sti"),
        ("X PAZARLAMA A.S.", "X Marketing A.S."),
        ("X İç ve Dış Tic. Paz. Ltd. Şti.", "X Ic and Foreign Trade Marketing Ltd Sti"),
        ("X İNŞAAT A.Ş.", "X Construction AS"),
    ],
)
def test_turkish_words_as_english(one: str, other: str) -> None:
    assert _read(one)[0] == _read(other)[0]


@pytest.mark.parametrize(
    ("cut", "whole"),
    [("MEGASAN ELEKTRONIK TICARET VE SANAY", "MEGASAN ELEKTRONIK TICARET VE SANAYI"),
     ("X SAN. VE TIC. ITHAL", "X SAN. VE TIC. ITHALAT"),
     ("X Dış Ticaret Pazar", "X Dış Ticaret Pazarlama")],
)  # fmt: skip
def test_a_last_word_cut_short_of_a_business_word(cut: str, whole: str) -> None:
    """A name cut by a field's length ends in the beginning of a business word."""
    assert _read(cut)[0] == _read(whole)[0]


def test_ve_is_and_in_any_company_name() -> None:
    """A name cut short may have lost what tells it Turkish: its "ve" reads as the listed
    name's still."""
    cut = _read("RA HAVACILIK LOJISTIK VE TASIMACILI")[0]
    whole = _read("RA HAVACILIK LOJISTIK VE TASIMACILIK SANAYI TICARET LIMITED SIRKETI")[0]
    assert cut[3] == whole[3] == "and"


@pytest.mark.parametrize("text", ["ANONİM ŞİRKETİ", "Anonim Şirketi", "ANONIM SIRKETI",
                                  "anonım şırketı", "A.Ş.", "AŞ"])  # fmt: skip
def test_anonim_sirketi_is_a_joint_stock_company(text: str) -> None:
    assert _read(f"RENTA {text}") == (("renta",), frozenset({"jsc"}))


@pytest.mark.parametrize(
    ("text", "turkish"),
    [("HAYRIOGLU TIC.", False), ("SAN MARCO", False), ("SAN PEDRO DE LA PAZ", False),
     ("X TIC. LTD.", True), ("X SAN. TIC. A.S.", True), ("X ITH IHR", True),
     ("X DIS TIC", True), ("X ORMAN URUNLERI SANAYI", True), ("X VE Y LTD STI", True)],
)  # fmt: skip
def test_turkish_name(text: str, turkish: bool) -> None:
    assert turkish_name(analyse(text, split_forms=False)[0].tokens) is turkish  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "word"),
    [("HAYRIOGLU TIC.", "tic"), ("SAN MARCO", "san"), ("Banco de la Paz", "paz")],
)  # fmt: skip
def test_abbreviations_alone_keep_their_letters(text: str, word: str) -> None:
    """Outside a Turkish company's name "Tic", "San", "Paz" are as written."""
    assert word in _read(text)[0]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("MACPAR MAKINA SANAYI VE TICARET ANONIM ŞİRKETİ", "MACPAR MAKINA SAN VE TIC A.S."),
        ("Macpar Makina Industry and Trade JSC", "MACPAR MAKINA SAN VE TIC A.S."),
        ("MACPAR MAKINA A.S.", "MACPAR MAKINA SAN VE TIC A.S."),
        (
            "ATACAR OTOMOTIV FOREIGN TRADE VE SAVUNMA SANAYI LTD. ŞTİ.",
            "ATACAR OTOMOTIV DIS TICARET VE SAVUNMA SANAYI LIMITED SIRKETI",
        ),
        ("RENTA ANONİM ŞİRKETİ", "RENTA A.S."),
        (
            "ALSULTAN KUYUMCULUK ELEKTRONIK GIDA İTH. İHR. LTD. ŞTİ.",
            "ALSULTAN KUYUMCULUK ELEKTRONIK GIDA ITHALAT IHRACAT LIMITED SIRKETI",
        ),
        (
            "SOM OVERSEAS PETROLEUM ENERJI INDUSTRY AND TRADE A.Ş.",
            "SOM OVERSEAS PETROLEUM ENERJI SANAYI VE TICARET ANONIM SIRKETI",
        ),
        ("REDIN DIŞ TİC. LTD. ŞTİ.", "REDIN DIS TICARET LTD. STI"),
        (
            "Multimat İç ve Dış Ticaret Pazarlama Limited Şirketi",
            "MULTIMAT IC VE DIS TIC. PAZ. LTD. STI.",
        ),
        (
            "MEGASAN ELEKTRONIK TICARET VE SANAY",
            "MEGASAN ELEKTRONIK TICARET VE SANAYI LIMITED SIRKETI",
        ),
        (
            "RA HAVACILIK LOJISTIK VE TASIMACILI",
            "RA HAVACILIK LOJISTIK VE TASIMACILIK SANAYI TICARET LIMITED SIRKETI",
        ),
        (
            "PERLITE INSAAT SAN. TIC. JOINT STOCK COMPANY",
            "PERLITE INSAAT SANAYI VE TICARET ANONIM SIRKETI",
        ),
    ],
)
def test_other_spellings_alert(screener: Screener, query: str, listed: str) -> None:
    assert listed in _alerts(screener, query)


@pytest.mark.parametrize(
    "query",
    [
        "HAYRIOGLU TIC.",
        "Hayrioglu Tic. Ltd. Şti.",
        "YILDIZ PETROL SANAYI VE TICARET A.S.",  # (the trade word and the kind agree)
        "KARTAL DIS TICARET LTD STI",
        "GUNES MAKINA SAN. VE TIC. A.Ş.",
        "Deniz İnşaat Sanayi ve Ticaret Anonim Şirketi",
        "Sanayi ve Ticaret Anonim Şirketi",
    ],
)
def test_shared_turkish_words_do_not_alert(screener: Screener, query: str) -> None:
    assert not _alerts(screener, query)
