"""Company names as registries and customer files write them, round three (issue 11, h200):
a trading or former name inside the name ("X t/a Y", "X d/b/a Y", "X (formerly Y)") is each
name apart, as "a/k/a" was; a registration or tax number after the name ("X LLC, OGRN
1027700132195") is left out of a further reading (it is no number of the name's); and legal
forms spelt out in their own language ("Kabushiki Kaisha", "Chusik Hoesa", "PT ... Tbk",
"Sahami Khass", "Sociedad Limitada", "Société ... SARL") are split off as legal forms."""

from __future__ import annotations

import pytest

from clearance.matching.legalforms import legal_form_class
from clearance.matching.queryparts import query_parts, without_reg_number
from tests.matching.factory import company_alerts

_COMPANIES = (
    "LIPETSK MECHANICAL PLANT LLC",
    "INVERSORA PANACOL S.A.",
    "RK BRIZ, OOO",
    "KOREA SAMMA SHIPPING CO",
    "NIPPON KOGYO CO., LTD.",
    "SINAR MAS AGRO RESOURCES",
    "OJE PARVAZ MADO NAFAR COMPANY",
    "CONSTRUCTORA CARIBE S.A.",
    "SERVICE IMMOBILIERE ET GESTION SAS",
    "GOLDEN STAR TRADING LLC",
    "BEHINEH TRADING CO.",
)


def _alerts(query: str) -> set[str]:
    return company_alerts(list(_COMPANIES), query)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("NORTHSTAR SUPPLIES d/b/a LIPETSK MECHANICAL PLANT LLC",
         ["NORTHSTAR SUPPLIES", "LIPETSK MECHANICAL PLANT LLC"]),
        ("Sunrise Trading t/a Acme Ltd", ["Sunrise Trading", "Acme Ltd"]),
        ("Sunrise Trading T/A Acme Ltd", ["Sunrise Trading", "Acme Ltd"]),
        ("Sunrise Trading trading as Acme Ltd", ["Sunrise Trading", "Acme Ltd"]),
        ("Sunrise Trading doing business as Acme Ltd", ["Sunrise Trading", "Acme Ltd"]),
        ("Acme S.A. (formerly Golden Gate Enterprises)", ["Acme S.A.", "Golden Gate Enterprises"]),
        ("Acme S.A. (f.k.a. Golden Gate)", ["Acme S.A.", "Golden Gate"]),
        ("Acme S.A., previously known as Golden Gate", ["Acme S.A.", "Golden Gate"]),
    ],
)  # fmt: skip
def test_trading_and_former_names_are_names_apart(text: str, parts: list[str]) -> None:
    got = query_parts(text)
    assert got[0] == text
    assert all(p in got for p in parts)


@pytest.mark.parametrize(
    "text",
    [
        "NORDIC TRADING AS",
        "Acme dba",
        "Formerly Acme Ltd",
        "Ezatullah Haqqani (previously listed as)",
    ],
)
def test_no_name_after_the_cue_is_no_split(text: str) -> None:
    assert all(part and part.strip() for part in query_parts(text))
    assert "NORDIC" not in query_parts(text)
    assert "listed as" not in query_parts(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("RK BRIZ, OOO, Reg No 4231328517317", "RK BRIZ, OOO"),
        ("AIRFIX AVIATION OY - Registration Number: 6303571", "AIRFIX AVIATION OY"),
        ("X LLC (INN 7707083893)", "X LLC"),
        ("Acme Ltd Company No. 08123456", "Acme Ltd"),
        ("ACME LTD (Reg. No. 4228916)", "ACME LTD"),
        ("BEIJING X CO., LTD., USCC 832806268321447810", "BEIJING X CO., LTD."),
        ("Acme FZE Trade License No. 7123456", "Acme FZE"),
        ("Acme, TIN 123-456-789", "Acme"),
        # left as written: no label, a short number, the number the name's own
        ("JSC 2566 RADIOELECTRONIC ARMAMENT REPAIR PLANT", None),
        ("ZAVOD 12345", None),
        ("Acme Ltd (Reg. No. 123)", None),
        ("INN 7707083893", None),
    ],
)  # fmt: skip
def test_registration_number_left_out(text: str, name: str | None) -> None:
    assert without_reg_number(text) == (name if name is not None else text)


@pytest.mark.parametrize(
    ("phrase", "cls"),
    [
        ("kabushiki kaisha", "jsc"), ("kk", "jsc"), ("chusik hoesa", "jsc"),
        ("jusik hoesa", "jsc"), ("sahami khass", "jsc"), ("sahami ye khass", "jsc"),
        ("sahami aam", "jsc"), ("godo kaisha", "llc"), ("sociedad limitada", "llc"),
        ("sociedad de responsabilidad limitada", "llc"),
        ("societa a responsabilita limitata", "llc"),
        ("societe a responsabilite limitee", "llc"), ("ba masouliat e mahdoud", "llc"),
        ("pt", "ltd"), ("tbk", "ltd"), ("gesellschaft mbh", "gmbh"),
        ("sociedad anonima de capital variable", "sa"), ("compania anonima", "sa"),
        ("societe", "inc"),
        # half spelt out (the merge: a listed form spelt out must not leave the query's words)
        ("sa de capital variable", "sa"), ("s a de capital variable", "sa"),
        ("sociedad anonima de cv", "sa"),
    ],
)  # fmt: skip
def test_forms_spelt_out(phrase: str, cls: str) -> None:
    assert legal_form_class(tuple(phrase.split())) == cls


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("NORTHSTAR SUPPLIES d/b/a LIPETSK MECHANICAL PLANT LLC", "LIPETSK MECHANICAL PLANT LLC"),
        ("RIVERSIDE VENTURES trading as LIPETSK MECHANICAL PLANT LLC",
         "LIPETSK MECHANICAL PLANT LLC"),
        ("SUNRISE TRADING t/a INVERSORA PANACOL S.A.", "INVERSORA PANACOL S.A."),
        ("RK BRIZ, OOO, OGRN 1027700132195", "RK BRIZ, OOO"),
        ("LIPETSK MECHANICAL PLANT LLC (Reg. No. 4228916)", "LIPETSK MECHANICAL PLANT LLC"),
        ("KOREA SAMMA SHIPPING CHUSIK HOESA", "KOREA SAMMA SHIPPING CO"),
        ("JUSIK HOESA KOREA SAMMA SHIPPING", "KOREA SAMMA SHIPPING CO"),
        ("KABUSHIKI KAISHA NIPPON KOGYO", "NIPPON KOGYO CO., LTD."),
        ("NIPPON KOGYO GODO KAISHA", "NIPPON KOGYO CO., LTD."),
        ("PT SINAR MAS AGRO RESOURCES Tbk", "SINAR MAS AGRO RESOURCES"),
        ("SHERKAT-E SAHAMI-YE KHASS-E OJE PARVAZ MADO NAFAR", "OJE PARVAZ MADO NAFAR COMPANY"),
        ("CONSTRUCTORA CARIBE SOCIEDAD ANONIMA DE CAPITAL VARIABLE", "CONSTRUCTORA CARIBE S.A."),
        ("CONSTRUCTORA CARIBE COMPANIA ANONIMA", "CONSTRUCTORA CARIBE S.A."),
        ("SOCIETE SERVICE IMMOBILIERE ET GESTION SARL", "SERVICE IMMOBILIERE ET GESTION SAS"),
        ("GOLDEN STAR TRADING GESELLSCHAFT MBH", "GOLDEN STAR TRADING LLC"),
        ("GOLDEN STAR TRADING SOCIETA A RESPONSABILITA LIMITATA", "GOLDEN STAR TRADING LLC"),
        ("SHERKAT-E BEHINEH TRADING BA MASOULIAT-E MAHDOUD", "BEHINEH TRADING CO."),
    ],
)  # fmt: skip
def test_written_so_alerts(query: str, listed: str) -> None:
    assert listed in _alerts(query)


@pytest.mark.parametrize(
    "query",
    [
        "NORTHSTAR SUPPLIES d/b/a RIVERSIDE VENTURES LLC",
        "ACME HOLDINGS LLC, OGRN 1027700132195",
        "PT BUMI KENCANA Tbk",
        "KOREA HANA TRADING CHUSIK HOESA",
        "KABUSHIKI KAISHA TOKYO SEIMITSU",
        "SHERKAT-E SAHAMI-YE KHASS-E PARDIS NOVIN",
        "SOCIETE GENERALE DES TRAVAUX SARL",
    ],
)
def test_others_so_written_do_not_alert(query: str) -> None:
    assert _alerts(query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("L-INMO, S.A. DE CAPITAL VARIABLE", "L-INMO, SOCIEDAD ANONIMA DE CAPITAL VARIABLE"),
        ("L-INMO, SOCIEDAD ANONIMA DE C.V.", "L-INMO, SOCIEDAD ANONIMA DE CAPITAL VARIABLE"),
        ("GRUPO TORRES, SOCIEDAD ANONIMA DE C.V.", "GRUPO TORRES, S.A. DE C.V."),
        ("L-INMO, SOCIEDAD ANONIMA CAPITAL VARIABLE",  # (its "de" dropped)
         "L-INMO, SOCIEDAD ANONIMA DE CAPITAL VARIABLE"),
        ("TRANSPORTES LUNA SOCIEDAD RESPONSABILIDAD LIMITADA",
         "TRANSPORTES LUNA SOCIEDAD DE RESPONSABILIDAD LIMITADA"),
    ],
)  # fmt: skip
def test_a_form_half_spelt_out_is_the_form(query: str, listed: str) -> None:
    """A listed form spelt out is split off the listed name (h200); the query's form half
    spelt out must be split off too, not left as words the listed name lacks (the merge)."""
    assert listed in company_alerts([listed], query)
