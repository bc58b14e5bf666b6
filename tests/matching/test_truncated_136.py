"""Names a payment field cut off, round three (issue 11, bench_wild w-truncated, h178).

- A query as long as a field whose last word is a word of its own and also the beginning of
  the listed word at that place ("ORGANIZATION OF REVOLUTIONARY INTER" of ... INTERNATIONALIST
  SOLIDARITY, "REGIONALNY OBSHCHESTVENNY FOND IMEN" of ... IMENI ...) is read as a cut one:
  the listed words past it cost nothing when the words before agree in order.
- A cut distinctive word after generic words (here a legal form only: "AKTSIONERNOYE
  OBSHCHESTVO DALNEVOST") takes the exact-cut path though the query has fewer words than
  ``fieldtail._EXACT_WORDS``, capped at ``fieldtail.EXACT_CUT_SCORE``.
- Unlisted names at a field's width whose last word is a whole word that begins a listed word
  do not alert (their first words are not the listed name's), nor a query one character off
  the field's width.
"""

from __future__ import annotations

import pytest

from clearance.matching.engine import Screener
from clearance.matching.fieldtail import EXACT_CUT_SCORE, field_cut
from clearance.settings import MatchingPolicy
from tests.matching.factory import BACKGROUND_COMPANIES, BACKGROUND_PEOPLE, e
from tests.matching.test_company_132 import _background
from tests.matching.test_truncated_135 import _alerts, _scores

_INTER = "ORGANIZATION OF REVOLUTIONARY INTERNATIONALIST SOLIDARITY"
_GTSST = "MAIN CENTRE FOR SPECIAL TECHNOLOGIES OF THE MAIN DIRECTORATE OF THE GENERAL STAFF"
_GRUPPA = "INVESTITSIONNO PROMYSHLENNAYA GRUPPA GIDRAVLICHESKIE MASHINY I SISTEMY"
_IMENI = "REGIONALNY OBSHCHESTVENNY FOND IMENI GEROYA ROSSII AKHMATA KADYROVA"
_ZVEZDA = "AKTSIONERNOYE OBSHCHESTVO DALNEVOSTOCHNYY ZAVOD ZVEZDA"
_TSENTR = "AKTSIONERNOYE OBSHCHESTVO DALNEVOSTOCHNYY TSENTR SUDOSTROYENIYA I SUDOREMONTA"
_LLC = "LIMITED LIABILITY COMPANY DALNEVOSTOCHNAYA GORNO RUDNAYA KOMPANIYA"
# the cut words as words of their own (other listed names write them)
_OWN = ("INTER", "TECHNOLOGIE", "GRUPP", "IMEN")
_COMMON = ("CENTRE", "SPECIAL", "ORGANIZATION", "REVOLUTIONARY", "FOND")


@pytest.fixture(scope="module")
def screener() -> Screener:
    names = (_INTER, _GTSST, _GRUPPA, _IMENI, _ZVEZDA, _TSENTR, _LLC)
    listed = [e("organization", n, source_id=f"L{i}") for i, n in enumerate(names)]
    others = [e("organization", n) for n in BACKGROUND_COMPANIES]
    others += [e("person", n) for n in BACKGROUND_PEOPLE]
    others += [e("organization", f"{w} TRADING HOUSE") for w in _OWN]
    return Screener.build([*listed, *others, *_background(_COMMON)],
                          MatchingPolicy(screen_cache=0))  # fmt: skip


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ORGANIZATION OF REVOLUTIONARY INTER", _INTER),
        ("MAIN CENTRE FOR SPECIAL TECHNOLOGIE", _GTSST),
        ("INVESTITSIONNO PROMYSHLENNAYA GRUPP", _GRUPPA),
        ("REGIONALNY OBSHCHESTVENNY FOND IMEN", _IMENI),
    ],
)
def test_a_cut_word_that_is_a_word_of_its_own_alerts(
    screener: Screener, query: str, listed: str
) -> None:
    assert len(query) == 35
    assert field_cut(query, screener.index.vocab)  # (the word is listed as it stands too)
    assert listed in _alerts(screener, query)


def test_a_cut_distinctive_word_after_a_legal_form_alerts_capped(screener: Screener) -> None:
    query = "AKTSIONERNOYE OBSHCHESTVO DALNEVOST"
    assert len(query) == 35
    scores = _scores(screener, query)
    assert _alerts(screener, query) == {_ZVEZDA, _TSENTR}  # (not the LLC: another form)
    for name in (_ZVEZDA, _TSENTR):
        assert scores[name][0] <= EXACT_CUT_SCORE + 0.05


@pytest.mark.parametrize(
    "query",
    [
        "BAKER LEE GENERAL ENGINEERING INTER",  # (no listed name's first words)
        "NORTHERN STARS SHIPPING GROUPS IMEN",
        "UNION OF REVOLUTIONARY YOUTHS INTER",  # (first words that are not the listed ones)
        "MAIN CENTRE FOR SOCIETY TECHNOLOGIE",  # (a word that differs before the cut)
        "AKTSIONERNOYE OBSHCHESTVO KAM INTER",  # (a form, and words no listed name begins so)
        "ORGANIZATION OF REVOLUTIONARY INTE",  # (34 characters: no field's width)
        "THE ORGANIZATION OF REVOLUTIONARY INTER",  # (39)
    ],
)
def test_unlisted_names_ending_in_a_word_that_begins_a_listed_one_do_not_alert(
    screener: Screener, query: str
) -> None:
    assert len(query) != 35 or field_cut(query, screener.index.vocab)
    assert _alerts(screener, query) == set()
