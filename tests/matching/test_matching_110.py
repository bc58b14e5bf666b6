"""Matching 1.10 (round two, sixth pass): each class with a case that fails without its change."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.vocab import other_onset
from clearance.settings import MatchingPolicy
from tests.matching.factory import e, listed_alerts


def alerted(listed: list[str], query: str, kind: str = "organization") -> set[str]:
    return listed_alerts(listed, query, kind)


@pytest.mark.parametrize(
    ("query", "listed"),
    [("MOKU GOD", "MOKU GOLD"), ("EO ZPP", "EO ZNPP"), ("FAA MOWJ", "FANA MOWJ")],
)
def test_a_listed_three_letter_word_reaches_the_word_it_drops_a_letter_of(
    query: str, listed: str
) -> None:
    """A three-letter query word the lists hold ("GOD", "ZPP", "FAA": other names have
    them) is compared with a listed four-letter word one letter longer at 0.5, so the two-word
    name scores 0.75: retrieval must reach that name, not stop at a bound of 0.5."""
    others = ["PARTY OF GOD", "ZPP OOO", "EP-FAA"]
    assert alerted([listed, *others], query) == {listed}


def test_a_persons_three_letter_syllable_does_not_reach_a_longer_one() -> None:
    """In a person's name a listed three-letter word one letter short of another is mostly a
    syllable of another name ("jia" is not "jiao"): retrieval leaves it as it was."""
    assert alerted(["WEI, Jiao", "LI, Jia"], "wei jia", "person") == set()
    assert alerted(["WEI, Jiao", "LI, Jia"], "WEI JIA", "organization") == {"WEI, Jiao"}


@pytest.mark.parametrize(
    ("query", "listed"),
    [("KORY BANK", "KORYO BANK"), ("MILU SA", "MILUR SA"), ("HDRI TRUST", "HIDRI TRUST"),
     ("CMEX, S.A.", "CIMEX, S.A."), ("ROMK S.A.", "ROMIK S.A.")],
)  # fmt: skip
def test_a_letter_dropped_from_a_five_letter_name_is_a_slip_when_the_rest_agrees(
    query: str, listed: str
) -> None:
    """One letter dropped from the one distinctive word of a company's name, the rest of both
    names agreeing word for word and nothing left over, is a typing slip."""
    assert alerted([listed, "SENAT SHIPPING LIMITED"], query) == {listed}


@pytest.mark.parametrize(
    ("query", "kind"),
    [("sena Ltd", "organization"), ("KORY SHIPPING BANK", "organization"),
     ("Kory", "person"), ("KORY BANK", "organization"), ("Lind BV", "organization"),
     ("Kaula LLC", "organization")],
)  # fmt: skip
def test_a_longer_dropped_letter_is_no_slip_when_more_differs(query: str, kind: str) -> None:
    """A "sena Ltd" is not SENAT SHIPPING LIMITED (a word is left over), nor "KORY SHIPPING
    BANK" KORYO BANK, nor "Lind BV" LINDA (the legal forms differ); a letter added is no such
    slip ("Kaula LLC" / KALA LIMITED); a person's one name with a letter dropped is another
    person's; a query word the lists hold ("KORY" of KORY TRADING) is a name of its own."""
    listed = ["SENAT SHIPPING LIMITED", "KORYO BANK", "KORY TRADING", "LINDA", "KALA LIMITED"]
    if kind == "person":
        listed = ["KORYO"]
    got = alerted(listed, query, kind)
    assert not got & {"SENAT SHIPPING LIMITED", "KORYO BANK", "KORYO", "LINDA", "KALA LIMITED"}


def test_other_onset() -> None:
    assert other_onset("myong", "pyong") and other_onset("kyong", "myong")
    spellings = [("kyong", "gyong"), ("ren", "jen"), ("zhang", "chang"), ("xue", "hsueh"),
                 ("ri", "li"), ("tsai", "cai"), ("yong", "jong")]  # fmt: skip
    for one, other in spellings:
        assert not other_onset(one, other), (one, other)


@pytest.mark.parametrize(
    ("query", "other", "same"),
    [("李明哲", "RI, Pyong Chol", "RI, Myong Chol"), ("이경수", "Myong Su RI", "Kyong Su RI"),
     ("이명수", "Kyong Su RI", "Myong Su RI")],
)  # fmt: skip
def test_a_syllable_with_another_initial_consonant_is_another_character(
    query: str, other: str, same: str
) -> None:
    """明 / 명 is "myong" in every romanisation, 平 / 평 "pyong": in a name read from Han or
    Hangul, a syllable whose initial consonant no romanisation writes for the listed one's is
    another character, not a spelling of it (k/g, ch/j are spellings of one)."""
    assert alerted([other], query, "person") == set()
    assert alerted([same], query, "person") == {same}


@pytest.mark.parametrize("query", ["碁宏", "碁宏有限公司", "qi hong", "QI HONG LIMITED"])
def test_a_chinese_syllable_is_no_misspelt_legal_form(query: str) -> None:
    """碁宏 is read "qi hong": 宏 is a character of the name, not the Brazilian form ONG with
    a letter added, so the name is not QI GROUP LIMITED's "Qi" with a form."""
    assert alerted(["QI GROUP LIMITED", "HONG XUN"], query) == set()
    assert alerted(["QI HONG LIMITED"], query) == {"QI HONG LIMITED"}


def test_a_latin_company_name_keeps_its_misspelt_form() -> None:
    assert alerted(["UMATEX JSC"], "UMATEX SJC") == {"UMATEX JSC"}


LISTED_AS_WRITTEN = [
    ("aircraft", "S5-SAD", ("S5-SAD", "s5 sad", "S5 - SAD")),
    ("organization", "T.E.G. LIMITED", ("T.E.G. LIMITED", "t e g limited")),
    ("organization", "M.A.T.S.A. S.A. DE C.V.", ("M.A.T.S.A. S.A. DE C.V.",)),
    ("organization", "B R C S.A.", ("B R C S.A.", "b r c s a")),
]
OTHERS = ["SAD TRADING LLC", "TEG HOLDING GMBH", "MATSA FOODS S.A.", "BRC ENERGY LTD"]


def screen_as_written(
    listed: Sequence[tuple[str, str, tuple[str, ...]]], query: str, kind: str, *, exact: bool
) -> dict[str, float]:
    from clearance.matching.engine import Algorithm

    entities = [e(k, name, *aliases, source_id=str(i)) for i, (k, name, aliases) in
                enumerate(listed)]  # fmt: skip
    screener = Screener.build(
        entities, MatchingPolicy(screen_cache=0), algorithm=Algorithm(exact_names=exact)
    )
    result = screener.screen(make_query(query, type=kind), ScreenOptions(limit=10))
    return {listed[int(m.source_id)][1]: m.score for m in result.matches if m.alert}


@pytest.mark.parametrize(("kind", "name", "queries"), LISTED_AS_WRITTEN)
def test_a_name_written_as_listed_is_found_whatever_its_reading(
    kind: str, name: str, queries: tuple[str, ...]
) -> None:
    """Initials-only company names and codes leave the word analysis nothing to find them by
    ("S5-SAD": "sad" read as a legal form; "T.E.G. LIMITED": three single letters): written as
    listed (case and punctuation aside, word for word), the listed name is found and scores 1.0 —
    and without the exact-name table it is not."""
    listed = [(kind, name, ()), *[("organization", o, ()) for o in OTHERS]]
    for query in queries:
        found = screen_as_written(listed, query, kind, exact=True)
        assert found[name] == 1.0
        assert all(score < 1.0 for other, score in found.items() if other != name)
    assert name not in screen_as_written(listed, queries[0], kind, exact=False)


def test_an_alias_folded_into_another_names_record_is_found_as_written() -> None:
    """ "OOO A1" and "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU A1" read alike (the entity
    keeps one record for both): each spelling finds the entity; a near spelling that the
    analysis cannot read does not ride on the table."""
    listed = [("organization", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU A1",
               ("OOO A1", "A1 OOO")), ("organization", "A2 TRADING LLC", ())]  # fmt: skip
    name = listed[0][1]
    for query in ("OOO A1", "a1 ooo", name):
        assert screen_as_written(listed, query, "organization", exact=True) == {name: 1.0}
    assert screen_as_written(listed, "OOO A2", "organization", exact=True) == {}
    assert screen_as_written(listed, "OOOA1", "organization", exact=True) == {}


def test_a_weak_alias_written_as_listed_stays_weak() -> None:
    """The exact-name table keeps a weak a.k.a. weak: it is found, but does not alert."""
    from clearance.matching.engine import Algorithm

    entity = e("organization", "KHALED ALI BAKERY", weak=("K.A.S.",), source_id="0")
    screener = Screener.build([entity], MatchingPolicy(screen_cache=0), algorithm=Algorithm())
    result = screener.screen(make_query("K.A.S.", type="organization"), ScreenOptions(limit=5))
    assert [(m.matched_name, m.alert) for m in result.matches] == [("K.A.S.", False)]
    assert result.matches[0].score >= 0.7


@pytest.mark.parametrize("name", ["PJSC MMK", "OSK AO", "MMK PAO", "LLC MBB", "N.V. CO"])
def test_two_different_legal_forms_hold_a_name(name: str) -> None:
    """A company has one legal form: a name of two different forms ("PJSC MMK": a joint-stock
    company's form and MMK, which the ISO 20275 table also holds) has a name in it, and the
    listed name written so is found; one form, or one form in two languages, is refused."""
    from clearance.errors import QueryError
    from clearance.matching.normalize import nothing_to_screen

    assert nothing_to_screen(name) is None
    listed = [("organization", name, ()), ("organization", "MMK TRADING LLC", ())]
    assert screen_as_written(listed, name.lower(), "organization", exact=True) == {name: 1.0}
    for refused in ("LLC", "OOO LLC", "S.A. de C.V.", "JSC PJSC"):
        with pytest.raises(QueryError, match="only a legal form"):
            make_query(refused, type="organization")
