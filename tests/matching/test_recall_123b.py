"""Matching 1.23, small recall classes (issue 11, round two): a listed code read as a legal
form (``forms._form_word_kept``), GOST's x for kh in retrieval, the -uddin family of
run-together "X al-Din" names."""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def _top(screener: Screener, query: str, schema: str | None) -> list[tuple[str, bool]]:
    result = screener.screen(make_query(query, type=schema), ScreenOptions(limit=3))
    return [(m.source_id, m.alert) for m in result.matches]


def _companies() -> Screener:
    return Screener.build(
        [
            e("organization", "PUBLICHNOE AKTSIONERNOE OBSCHESTVO MAGNITOGORSKIY "
              "METALLURGICHESKIY KOMBINAT", "MMK PAO", source_id="mmk"),
            e("organization", "PROTON PETROCHEMICALS SHIPPING LIMITED", "PSC",
              source_id="psc"),
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
    """"Wood PLC": "wood" is one slip from OOD, but PLC is a legal form as written, so no
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
