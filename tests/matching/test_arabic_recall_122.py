"""Matching 1.22: recall of names written in Arabic script against the listed Latin name
(issue 11, class c9, by cause) — the ta marbuta of the first noun of a construct is read as
the t the lists write ("عصبة الأنصار" / ASBAT AL-ANSAR, "جماعه الجهاد" / JAMA'AT AL-JIHAD:
compounds.construct_state), and a listed "X Allah" written as one word agrees with the
table's "الله" read apart ("حزب الله" / HIZBALLAH, "هيئة الله" / HAYATULLAH:
listed_compounds.with_allah_parts). Names that alerted keep their alerts; others stay quiet."""

from __future__ import annotations

import pytest

from clearance.matching.compounds import construct_state
from clearance.matching.listed_compounds import with_allah_parts
from tests.matching.factory import listed_alerts

_OTHERS = ["Ali HASSAN", "Mohammad KARIMI", "SAQR, Omar"]


def test_construct_state_reads_the_ta_marbuta_before_an_article() -> None:
    assert construct_state(("عصبه", "الانصار")) == ("عصبت", "الانصار")
    assert construct_state(("هيئه", "الله")) == ("هيئت", "الله")
    # not before a word without the article, not at the end, not a two-letter word
    assert construct_state(("فاطمه", "احمد")) == ("فاطمه", "احمد")
    assert construct_state(("محمد", "فاطمه")) == ("محمد", "فاطمه")
    assert construct_state(("طه", "الهاشمي")) == ("طه", "الهاشمي")
    # a noun with its own article is no construct's first noun: a noun and its adjective
    assert construct_state(("التجاره", "العامه")) == ("التجاره", "العامه")
    assert construct_state(("للتجاره", "العامه")) == ("للتجاره", "العامه")
    assert construct_state(("عبدالله", "التكريتي")) == ("عبدالله", "التكريتي")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("عصبة الانصار", "ASBAT AL-ANSAR"),
        ("عصبه الأنصار", "ASBAT AL-ANSAR"),
        ("حركة الانصار", "HARAKAT UL-ANSAR"),
        ("جماعة الجهاد", "JAMA'AT AL-JIHAD"),
    ],
)
def test_construct_alerts(query: str, listed: str) -> None:
    assert listed_alerts([listed, "ANSAR AL-ISLAM", "AL-JIHAD"], query, "organization") == {listed}


def test_with_allah_parts() -> None:
    assert with_allah_parts(("hizballah",)) == ("hizballah", "hizb", "allah")
    assert with_allah_parts(("hayatullah", "haji")) == ("hayatullah", "haji", "hayat", "allah")
    assert with_allah_parts(("hayat", "ullah")) == ("hayat", "ullah", "allah")
    assert with_allah_parts(("ali", "hassan")) == ("ali", "hassan")


def test_allah_compound_alerts() -> None:
    assert listed_alerts(["HIZBALLAH", "HIZB UT-TAHRIR"], "حزب الله", "organization") == {
        "HIZBALLAH"
    }
    person = listed_alerts(["HAYATULLAH, Haji", *_OTHERS], "حاج هيئة الله", "person")
    assert person == {"HAYATULLAH, Haji"}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("حسين رده عبد الله", "ABDALLAH, Hussein Reda"),  # a listed Abdallah keeps its alert
        ("محمد أدم برمه عبد الله", "Mohamed Adam Brema ABDALLAH"),
    ],
)
def test_abdallah_keeps_its_alert(query: str, listed: str) -> None:
    assert listed in listed_alerts([listed, *_OTHERS], query, "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("حزب الله", "HIZB UT-TAHRIR"),  # one word of two is not the name
        ("نصر الله", "NASR, Ahmad"),
        ("جماعة الجهاد", "JAMAAT UL-FURQA"),
    ],
)
def test_still_quiet(query: str, listed: str) -> None:
    assert listed_alerts([listed, *_OTHERS], query, None) == set()
