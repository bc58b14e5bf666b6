"""Matching 1.23, small recall classes (issue 11, round two): a listed code read as a legal
form (``forms._form_word_kept``), GOST's x for kh in retrieval, the -uddin family of
run-together "X al-Din" names."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.normalize import analyse
from clearance.matching.phonetics import phonetic
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def _top(screener: Screener, query: str, schema: str | None) -> list[tuple[str, bool]]:
    result = screener.screen(make_query(query, type=schema), ScreenOptions(limit=3))
    return [(m.source_id, m.alert) for m in result.matches]


def _companies() -> Screener:
    return Screener.build(
        [
            e(
                "organization",
                "PUBLICHNOE AKTSIONERNOE OBSCHESTVO MAGNITOGORSKIY METALLURGICHESKIY KOMBINAT",
                "MMK PAO",
                source_id="mmk",
            ),
            e("organization", "PROTON PETROCHEMICALS SHIPPING LIMITED", "PSC", source_id="psc"),
            e("organization", "POA HOLDINGS LIMITED", source_id="poa"),
            e("organization", "PLC OOD", source_id="plc"),
        ],
        MatchingPolicy(screen_cache=0),
    )


@pytest.mark.parametrize("query", ["MMK POA", "PSC MMK", "MMK APO", "PJS MMK"])
@pytest.mark.parametrize("schema", ["organization", None])
def test_a_code_read_as_a_legal_form_keeps_the_name_word(query: str, schema: str | None) -> None:
    """Both words are form-like ("mmk" is MMC, an LLC, respelt; POA, APO, PSC, PJS are one slip
    from PAO, PJSC): the reading that keeps the name word MMK finds and alerts on MMK PAO."""
    assert ("mmk", True) in _top(_companies(), query, schema)


def test_a_form_as_written_is_not_kept_as_the_name() -> None:
    """The query "Wood PLC": "wood" is one slip from OOD, but PLC is a legal form as written, so no
    reading keeps it as the name (PLC OOD is not alerted)."""
    assert ("plc", True) not in _top(_companies(), "Wood PLC", "organization")


def _persons() -> Screener:
    return Screener.build(
        [
            e("person", "Vyacheslav Mikhailovich MARKHAEV", source_id="markhaev"),
            e("person", "Dmitry Aleksandrovich KHOROSHILOV", source_id="khoroshilov"),
            e("person", "Andrei Mikhaylovich TAMBOVTSEV", source_id="tambovtsev"),
            e("person", "Nikolai Mikhailovich ROGASHCHUK", source_id="rogashchuk"),
            e("person", "Vyacheslav Mikhailovich MARSAEV", source_id="marsaev"),
            e("person", "Dmitry Aleksandrovich SOROSHILOV", source_id="soroshilov"),
        ],
        MatchingPolicy(screen_cache=0),
    )


@pytest.mark.parametrize(
    ("query", "source_id"),
    [
        ("Marxaev Vyacheslav Mixajlovich", "markhaev"),
        ("XOROShILOV Dmitrij Aleksandrovich", "khoroshilov"),
        ("TAMBOVCzEV Andrej Mixajlovich", "tambovtsev"),
        ("ROGAShhUK Nikolaj Mixajlovich", "rogashchuk"),
    ],
)
@pytest.mark.parametrize("schema", ["person", None])
def test_a_gost_spelling_is_read_the_passport_way(
    query: str, source_id: str, schema: str | None
) -> None:
    """GOST 7.79 writes х "x", ц "cz", щ "shh", й "j": read as kh, ts, shch, y the name is
    the listed one, found and alerted on, ahead of a name one letter from the GOST spelling
    (MARSAEV for "Marxaev")."""
    assert _top(_persons(), query, schema)[0] == (source_id, True)


def _din_names() -> Screener:
    return Screener.build(
        [
            e("person", "ADAM, Noureddine", source_id="noureddine"),
            e("person", "AYKUT, Alaaddin", source_id="alaaddin"),
            e("person", "SALAH EDDINE GASMI", source_id="gasmi"),
            e("person", "Mohammed JAMALEDDINE", source_id="jamaleddine"),
            e("person", "Sayed SHAMSEDDIN", source_id="shamseddin"),
            e("person", "ADAM, Nouri", source_id="nouri"),
        ],
        MatchingPolicy(screen_cache=0),
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Nourud-Din", "NOUREDDINE"),
        ("Nouraddin", "Noureddine"),
        ("Alaud-Din", "Alaaddin"),
        ("Alauddin", "ALAEDDIN"),
        ("Ud-Din", "EDDINE"),
        ("Jamalud-Din", "JAMALEDDINE"),
        ("Shamsud-Din", "SHAMSEDDIN"),
    ],
)
def test_the_uddin_family_shares_its_retrieval_key(query: str, listed: str) -> None:
    """-uddin, -eddin(e), -addin, -ud-Din: the article of "X al-Din" spelt however, run onto
    its word or apart, gives the one word with the one phonetic key (the index's "p:" key:
    on the full lists these were scored but never retrieved)."""
    (q_words,) = [f.tokens for f in analyse(query, split_forms=False)]
    (c_words,) = [f.tokens for f in analyse(listed, split_forms=False)]
    assert [phonetic(w) for w in q_words] == [phonetic(w) for w in c_words]


def test_the_din_article_alone_is_the_same_word() -> None:
    """ "SALAH Ud-Din GASMI" is SALAH EDDINE GASMI, found and alerted on first."""
    assert _top(_din_names(), "SALAH Ud-Din GASMI", "person")[0] == ("gasmi", True)


@pytest.mark.parametrize("name", ["Mahmud Din", "Ahmed Dine"])
def test_a_name_before_din_written_apart_stays_two_words(name: str) -> None:
    """Only a hyphen runs a word's "-ud" onto Din: "Mahmud Din" is two names."""
    assert [f.tokens for f in analyse(name, split_forms=False)] == [tuple(name.lower().split())]
