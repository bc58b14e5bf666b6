"""Matching, issue 11 round two (h165): names as payment fields and shipping papers write them,
found by ``benchmarks/bench_wild.py``'s new classes on its tune split —

- ``w-vessel``: a vessel's name with "M/V", "MT", "M.T.", "S.S.", "VESSEL", "TANKER", "Motor
  Vessel" before it and its IMO number after it ("(IMO 9187629)", ", IMO NO. 9187629");
- ``w-truncated``: a name cut at a 35-character field inside its legal form ("... JOINT STOCK
  COMPA", "... LIMITED LIABILI") or inside a name word ("... NEFTEGAZAVTOMAT": read as the
  listed words it begins, when few), or wrapped onto a second line inside a word ("CORPORA" /
  "TION");
- ``w-abbrev``: business words abbreviated as payments and registries write them ("DEV",
  "DEVT", "INDL", "GENL", "COML", "INVTS", "MGT", "TECHS").

The first two are read away as further readings of the query (``matching.fieldcuts``); the
abbreviations are expanded on both sides (``vocab.ABBREVIATIONS``)."""

from __future__ import annotations

import pytest

from clearance.matching.fieldcuts import (
    completions,
    cut_word,
    unwrapped,
    without_cut_form,
    without_vessel_marks,
)
from tests.matching.factory import company_alerts, listed_alerts


def vessel_alerts(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, "SEA STAR II", "ORIENT PRIDE"], query, "vessel")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("M.T. BLUEGAS", "BLUEGAS"),
        ("S.S. YAGHOUB", "YAGHOUB"),
        ("MT ESPERANZA", "ESPERANZA"),
        ("Motor Vessel NESHAT", "NESHAT"),
        ("M/V KAZAN", "KAZAN"),
        ("VSL PARAMACONI IMO 9543512", "PARAMACONI"),
        ("MV FU YUAN YU F91, IMO NO. 8414295", "FU YUAN YU F91"),
        ("TANKER AREZOO (IMO 9165786)", "AREZOO"),
        ("NAM SAN 8, IMO NO. 8122347", "NAM SAN 8"),
        ("BLUEGAS VESSEL", "BLUEGAS"),
    ],
)
def test_a_vessel_with_its_marks(query: str, listed: str) -> None:
    assert vessel_alerts([listed], query) == {listed}


@pytest.mark.parametrize(
    "query",
    ["M.T. BLUEWATER", "MV KAZANKA STAR", "TANKER ORION (IMO 9165786)", "S.S. EMPRESS"],
)
def test_an_unlisted_vessel_with_marks_does_not_alert(query: str) -> None:
    assert vessel_alerts(["BLUEGAS", "KAZAN", "AREZOO", "ESPERANZA"], query) == set()


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("M.T. BLUEGAS", "BLUEGAS"),
        ("m/v AMAPOLA 1 IMO 9717357", "AMAPOLA 1"),
        ("M/S ABC TRADERS", "ABC TRADERS"),
        ("M. T. AHMED", None),  # initials, not a mark
        ("MVULA Trading", None),
        ("SS X", None),  # too little left to be a name
    ],
)
def test_vessel_marks_read_away(text: str, read: str | None) -> None:
    assert without_vessel_marks(text) == read


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("IRKUT CORPORATION JOINT STOCK COMPA", "IRKUT CORPORATION JOINT STOCK COMPANY"),
        (
            "DEFENSE ENGINEERING LIMITED LIABILI",
            "DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP",
        ),
        ("VOLGA GROUP HOLDING LIMITED LIABILI", "VOLGA GROUP HOLDING LLC"),
        ("CHINA NATIONAL OFFSHORE OIL CORPORA\nTION", "CHINA NATIONAL OFFSHORE OIL CORPORATION"),
        (
            "OBSHCHESTVO S OGRANICHENNOI OTVETST\nVENNOSTYU TEKHNOSOFT",
            "TEKHNOSOFT OOO",
        ),
    ],
)
def test_a_name_cut_or_wrapped_by_a_payment_field(query: str, listed: str) -> None:
    assert company_alerts([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("JOINT STOCK COMPANY NEFTEGAZAVTOMAT", "JOINT STOCK COMPANY NEFTEGAZAVTOMATIKA"),
        ("LIMITED LIABILITY COMPANY BALTINFOK", "LIMITED LIABILITY COMPANY BALTINFOKOM"),
        ("PUBLIC LEGAL COMPANY MILITARY CONST", "PUBLIC LEGAL COMPANY MILITARY CONSTRUCTION"),
    ],
)
def test_a_name_word_cut_by_a_payment_field(query: str, listed: str) -> None:
    assert len(query) == 35  # noqa: PLR2004  (a SWIFT MT name line)
    assert company_alerts([listed], query) == {listed}


def test_a_cut_word_is_read_only_as_few_listed_words_and_at_a_field_width() -> None:
    words = ["baltic", "baltika", "balta", "baltinfokom", *(f"balt{c}x" for c in "bcdefg")]
    vocab = {f"t:{w}": i for i, w in enumerate(words)}
    assert completions("baltinfok", vocab) == ["baltinfokom"]
    assert completions("balti", vocab) == ["baltic", "baltika", "baltinfokom"]
    assert completions("balt", vocab) == []  # ten listed words: the cut word says too little
    assert completions("baltika", vocab) == []  # (the word itself: nothing longer)
    assert cut_word("ALPHA BETA NEFTEGAZ") is None  # not a field's width
    match = cut_word("JOINT STOCK COMPANY NEFTEGAZAVTOMAT")
    assert match is not None and match.group() == "NEFTEGAZAVTOMAT"
    assert company_alerts(["JOINT STOCK COMPANY NEFTEGAZAVTOMATIKA"], "JSC NEFTEGAZ") == set()
    forms = {"t:otvetstvennostyu": 0, "t:otvetstvennostiu": 1}
    assert completions("otvetst", forms) == []  # a legal form's word: no name to complete


def test_a_cut_form_reads_away_the_form_only() -> None:
    assert without_cut_form("IRKUT CORPORATION JOINT STOCK COMPA") == "IRKUT CORPORATION"
    assert without_cut_form("ALPHA BETA LIMITED LIAB") == "ALPHA BETA"
    assert without_cut_form("ALPHA BETA COMPANY") is None  # a whole form: read as it is
    assert without_cut_form("JOINT STOCK COMPA") is None  # nothing left before it
    assert without_cut_form("ALPHA BETA COMPASS") is None  # a word, not the form cut
    assert unwrapped("ALPHA BETA CORPORA\nTION") == "ALPHA BETA CORPORATION"
    assert unwrapped("ALPHA BETA\n1") is None


def test_a_cut_form_does_not_make_another_company_alert() -> None:
    listed = ["VOLGA TRADING LLC", "DEFENSE LOGISTICS LLP", "ROSNEFT OIL COMPANY"]
    assert company_alerts(listed, "VOLGA SHIPPING LIMITED LIABILI") == set()
    assert company_alerts(listed, "DEFENSE ENGINEERING LIMITED LIABILI") == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("RUSSIAN REGIONAL DEVT BANK", "RUSSIAN REGIONAL DEVELOPMENT BANK"),
        ("BEIJING YUNZE TECHS CO., LTD.", "BEIJING YUNZE TECHNOLOGIES CO., LTD."),
        ("SANAM INDL GROUP", "SANAM INDUSTRIAL GROUP"),
        ("ALCARDINAL GENL TRADING LLC", "ALCARDINAL GENERAL TRADING LLC"),
        ("TANCHON COML BANK", "TANCHON COMMERCIAL BANK"),
        ("ALAYNE INVTS LIMITED", "ALAYNE INVESTMENTS LIMITED"),
        ("SOVCOMBANK ASSET MGT LLC", "SOVCOMBANK ASSET MANAGEMENT LIMITED LIABILITY COMPANY"),
        ("PALM GROVE AFRICA DEVELOPMENT CORP. LTD", "PALM GROVE AFRICA DEV'T CORP. LTD"),
    ],
)
def test_business_words_abbreviated(query: str, listed: str) -> None:
    assert company_alerts([listed], query) == {listed}


def test_an_abbreviation_does_not_make_another_company_alert() -> None:
    listed = ["RUSSIAN REGIONAL DEVELOPMENT BANK", "SANAM INDUSTRIAL GROUP"]
    assert company_alerts(listed, "RUSSIAN REGIONAL INVT BANK") == set()
    assert company_alerts(listed, "SANAM TECHS GROUP") == set()
