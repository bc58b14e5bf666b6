"""Matching, issue 11 round two (h169): business words abbreviated in an organisation's name
(``bench_wild`` class ``w-abbrev``), a word that begins a word many listed names write:
"TECH" / TECHNOLOGY, "DEV." / DEVELOPMENT, "GEN" / GENERAL, "INST." / INSTITUTE, "ENT" /
ENTERPRISE. Read completed too (``fieldcuts.expansions``, ``forms.query_forms``), for
organisations only; the word as written is screened as before."""

from __future__ import annotations

import itertools

import pytest

from clearance.matching.engine import Screener
from clearance.matching.fieldcuts import ABBREV_RECORDS, abbreviated_readings, expansions
from clearance.matching.forms import query_forms
from clearance.matching.query import Query, ScreenOptions, make_query
from clearance.model import Schema
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

LISTED = [
    "BEIJING YUNZE TECHNOLOGY CO., LTD.",
    "RUSSIAN REGIONAL DEVELOPMENT BANK",
    "FATER INSTITUTE",
    "KOREA CHOLSAN GENERAL TRADING CORPORATION",
    "STATE ENTERPRISE TSENTRKURORT",
    "CHAM INVESTMENT GROUP",
    "UNITED TRADING CO., LIMITED",
]
_BUSINESS = (
    "UNITED",
    "TECHNOLOGY",
    "DEVELOPMENT",
    "INSTITUTE",
    "GENERAL",
    "ENTERPRISE",
    "INVESTMENT",
)


def _background() -> list[str]:
    """Unrelated companies that write the business words, ``ABBREV_RECORDS`` of each and more
    (made-up names: "BORUVAK TECHNOLOGY"), and a few that write "TECH" itself."""
    heads = ("BO", "KA", "LU", "MI", "NE", "SO", "TU")
    tails = ("RUVAK", "ZENTO", "PLIMAR", "DOSKEN", "VARUNT", "HELBIK")
    names = ["".join(p) for p in itertools.product(heads, tails)]
    out = [f"{name} {word}" for word in _BUSINESS for name in names[: ABBREV_RECORDS + 2]]
    return [*out, "SMART TECH", "HI TECH"]


@pytest.fixture(scope="module")
def screener() -> Screener:
    listed = [*LISTED, *_background()]
    entities = [e("organization", name, source_id=str(i)) for i, name in enumerate(listed)]
    return Screener.build(entities, MatchingPolicy(screen_cache=0))


def alerts(screener: Screener, query: str, kind: str = "organization") -> set[str]:
    result = screener.screen(make_query(query, type=kind), ScreenOptions(limit=5))
    listed = [*LISTED, *_background()]
    return {listed[int(m.source_id)] for m in result.matches if m.alert}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("BEIJING YUNZE TECH CO., LTD.", "BEIJING YUNZE TECHNOLOGY CO., LTD."),
        ("RUSSIAN REGIONAL DEV. BANK", "RUSSIAN REGIONAL DEVELOPMENT BANK"),
        ("FATER INST.", "FATER INSTITUTE"),
        ("KOREA CHOLSAN GEN TRADING CORPORATION", "KOREA CHOLSAN GENERAL TRADING CORPORATION"),
        ("STATE ENT TSENTRKURORT", "STATE ENTERPRISE TSENTRKURORT"),
        ("CHAM INV. GROUP", "CHAM INVESTMENT GROUP"),
    ],
)
def test_an_abbreviated_business_word_is_read_completed(
    screener: Screener, query: str, listed: str
) -> None:
    assert alerts(screener, query) == {listed}


@pytest.mark.parametrize("query", ["TECH", "GEN TRADING", "TECH CO., LTD.", "INST.", "DEV. BANK"])
def test_a_business_word_alone_does_not_alert(screener: Screener, query: str) -> None:
    assert alerts(screener, query) == set()


def test_persons_are_not_read_so(screener: Screener) -> None:
    vocab = screener.index.vocab
    person = query_forms(Query(name="FATER INST.", schema=Schema.PERSON), vocab=vocab)
    company = query_forms(Query(name="FATER INST.", schema=Schema.ORGANIZATION), vocab=vocab)
    assert len(company) > len(person)
    assert len(person) == len(query_forms(Query(name="FATER INST.", schema=Schema.PERSON)))


def test_which_words_are_expanded(screener: Screener) -> None:
    vocab = screener.index.vocab
    assert expansions("tech", vocab) == ["technology"]  # (listed twice: far fewer)
    assert expansions("dev", vocab) == ["development"]
    assert expansions("technology", vocab) == []  # the word itself
    assert expansions("bor", vocab) == []  # a word few names write
    assert expansions("co", vocab) == []  # a legal form's
    assert expansions("unite", vocab) == []  # a letter short of UNITED: a word of its own
    assert abbreviated_readings("RUSSIAN REGIONAL DEV. BANK", vocab) == [
        "RUSSIAN REGIONAL DEVELOPMENT BANK"
    ]
    assert abbreviated_readings("KOREA CHOLSAN TRADING", vocab) == []
