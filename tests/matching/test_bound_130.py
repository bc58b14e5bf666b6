"""Issue 11: a candidate's score must not depend on the screening threshold (h146).

:func:`clearance.matching.names.compare` returns an upper bound instead of the score when the
bound trails the floor; the bound divided the best agreement by the query's own weights, but a
paired word weighs what the lighter side says: "internationla" (a word of its own, 1.0) paired
with the low-information INTERNATIONAL (0.25) weighs 0.25, so "A.T.E. INTERNATIONLA LTD." was
bounded at 0.43 at the default threshold and scored 0.97 at 0.6. The property: screened at a
lower threshold, every candidate at or above the higher one is found at the higher one with the
same score.
"""

from __future__ import annotations

import random

import pytest

from clearance.matching.engine import Screener
from clearance.matching.namebound import least_weight
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.weights import weigh
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

COMPANIES = [
    "A.T.E. INTERNATIONAL LTD.",
    "DES INTERNATIONAL CO., LTD.",
    "RWR INTERNATIONAL COMMODITIES",
    "INTERNATIONAL GENERAL TRADING COMPANY",
    "ROSNEFT OIL COMPANY",
    "GAZ GROUP",
    "BANK MELLAT",
    "IRAN TRANSFO CO.",
    "KORYO BANK",
    "NEW EASTERN SHIPPING CO LTD",
    "ABSOLUT BANK PAO",
    "ALFA GROUP S.A.",
    "BANK URALSIB PJSC",
    "ZR ENERGY DMCC",
    "GLOBAL TRADING HOLDINGS LIMITED",
    "SEA STAR SHIPPING COMPANY",
    "ORIENT INDUSTRIAL GROUP CO., LTD.",
    "UNITED INVESTMENT BANK",
]
PEOPLE = [
    "Brahim EL-KHAYARI",
    "MKRTYCHEV, Ashot",
    "PETROV, Ivan Sergeyevich",
    "HASSAN, Ali",
    "ZARGAR TEHRANI, Mohammad Ebrahim",
    "KIM Jong Un",
    "AL-DURI, Izzat Ibrahim",
    "AL-WATFA, Ali Ibrahim",
    "CALLE SERNA, Javier Antonio",
    "SALEH, Abdul Latif",
    "Ahmad Shah MASOOD",
    "Sergei Viktorovich IVANOV",
]


def _variant(name: str, rng: random.Random) -> str:
    """``name`` with one slip a screening input makes: letters swapped, dropped or doubled, a
    word dropped, the words reversed."""
    words = name.replace(",", "").split()
    kind = rng.randrange(5)
    if kind == 3 and len(words) > 2:
        del words[rng.randrange(len(words))]
    elif kind == 4:
        words.reverse()
    else:
        long = [i for i, w in enumerate(words) if len(w) >= 4] or [0]
        i = rng.choice(long)
        word = words[i]
        k = rng.randrange(max(1, len(word) - 1))
        if kind == 0 and len(word) > 1:
            word = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
        elif kind == 1:
            word = word[:k] + word[k + 1 :]
        else:
            word = word[:k] + word[k] + word[k:]
        words[i] = word
    return " ".join(words) or name


@pytest.fixture(scope="module")
def screener() -> Screener:
    entities = [e("organization", n, source_id=f"c{i}") for i, n in enumerate(COMPANIES)]
    entities += [e("person", n, source_id=f"p{i}") for i, n in enumerate(PEOPLE)]
    return Screener.build(entities, MatchingPolicy(screen_cache=0))


def _scores(screener: Screener, name: str, kind: str | None, threshold: float) -> dict[str, float]:
    result = screener.screen(
        make_query(name, type=kind), ScreenOptions(limit=100, threshold=threshold)
    )
    return {m.entity_id: m.score for m in result.matches}


def _queries() -> list[tuple[str, str | None]]:
    rng = random.Random(130)
    out: list[tuple[str, str | None]] = [
        ("A.T.E. INTERNATIONLA LTD.", None),
        ("A.T.E. INTERNATIONLA LTD.", "organization"),
    ]
    for _ in range(300):
        if rng.random() < 0.5:
            out.append((_variant(rng.choice(COMPANIES), rng), rng.choice([None, "organization"])))
        else:
            out.append((_variant(rng.choice(PEOPLE), rng), rng.choice([None, "person"])))
    return out


def test_a_score_does_not_depend_on_the_threshold(screener: Screener) -> None:
    """Every candidate at or above 0.7 when screened at 0.3 is found at 0.7, same score."""
    lost = []
    for name, kind in _queries():
        low = _scores(screener, name, kind, 0.3)
        high = _scores(screener, name, kind, 0.7)
        for ent, score in low.items():
            if score >= 0.7 and high.get(ent) != score:
                lost.append((name, kind, ent, score, high.get(ent)))
    assert lost == []


def test_the_bound_counts_a_paired_word_at_the_lighter_weight() -> None:
    """'internationla' (a word of its own) paired with INTERNATIONAL (low information) weighs
    what INTERNATIONAL weighs; an unpaired middle name weighs less than the query says."""
    params = NameParams()
    query = weigh(analyse("A.T.E. INTERNATIONLA LTD.")[0], params)
    tokens = query.form.tokens
    lightest = [params.low_info_weight if w == "internationla" else 2.0 for w in tokens]
    assert least_weight(query, lightest, False, params) < query.total
    person = weigh(analyse("Ivan Sergeyevich Petrov")[0], params)
    alone = [2.0] * len(person.form.tokens)
    assert least_weight(person, alone, True, params) < person.total
