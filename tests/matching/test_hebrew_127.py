"""Hebrew script, round two (issue 11, class 6): one detection per query, the script's trust
dispatched in one place, and no slow Hebrew query over a crowded reading.

A Hebrew-script query is recognised once, where its forms are made (``forms._query_forms``):
:func:`~clearance.matching.forms.name_forms` makes the Hebrew skeleton readings only when told,
``query_forms`` with the index's vocabulary picks the readings screened, and
:func:`~clearance.matching.spelled.record_trust` answers for a Hebrew reading as
:func:`~clearance.matching.hebrew.hebrew_trust` does (the Screener has no branch of its own).
A reading with a common word ("מוחמד אבו ליל": "mhmd b l", its one-letter words credited to
every name) reaches every Muhammad of the lists; only those whose vowels agree can alert, and
only they are scored.
"""

from __future__ import annotations

import itertools

from clearance.matching.engine import Screener
from clearance.matching.forms import name_forms, query_forms
from clearance.matching.hebrew import (
    agreeing_ids,
    hebrew_skeletons,
    hebrew_trust,
    listed_readings,
    vowels_agree,
)
from clearance.matching.index import KIND_SKELETON
from clearance.matching.names import NameComparison
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.spelled import record_trust
from clearance.model import Schema
from clearance.scripts import HEBREW
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_GIVEN = ("Hassan", "Karim", "Saleh", "Nasser", "Omar", "Farouk", "Yusuf", "Tariq", "Jamal",
          "Bilal", "Khalid", "Rashid")  # fmt: skip
_FAMILY = ("Haddad", "Mansour", "Qasim", "Darwish", "Hamdan", "Sharif", "Zaidi", "Nabulsi",
           "Barakat", "Rifai", "Said")  # fmt: skip


def _crowded() -> Screener:
    """A list where "Muhammad" is common (132 names), with one Muhammad Abu Lail and one
    name the Hebrew vowels do not agree with, but whose skeleton the reading reaches."""
    names = [f"{f.upper()}, Muhammad {g}" for g, f in itertools.product(_GIVEN, _FAMILY)]
    names += ["ABU LAIL, Muhammad", "TURAB, Ali Muhammad Abu"]
    built = [e("person", name, source_id=name) for name in names]
    return Screener.build(built, MatchingPolicy(screen_cache=0))


def test_name_forms_make_hebrew_readings_only_when_told() -> None:
    """The script is known where the query's forms are made, once: name_forms does not look
    for Hebrew letters itself."""
    told = [f for f, kind in name_forms("משה כהן", Schema.PERSON, query=True, hebrew=True)
            if kind == KIND_SKELETON]  # fmt: skip
    assert told and all(f.script == HEBREW for f in told)
    untold = [f for f, kind in name_forms("משה כהן", Schema.PERSON, query=True)
              if kind == KIND_SKELETON]  # fmt: skip
    assert untold == []
    assert [f for f, k in name_forms("Moshe Cohen", None, query=True, hebrew=True)
            if k == KIND_SKELETON] == []  # (no Hebrew word: no reading)  # fmt: skip


def test_query_forms_with_the_vocabulary_are_the_readings_screened() -> None:
    vocab = {"s:mhmd": 0, "s:mr": 1}
    hebrew = make_query("מוחמד מור", type="person")
    assert query_forms(hebrew, vocab=vocab) == listed_readings(query_forms(hebrew), vocab)
    assert query_forms(hebrew, vocab=vocab) != query_forms(hebrew)
    latin = make_query("Muhammad Mor", type="person")
    assert query_forms(latin, vocab=vocab) == query_forms(latin)


def test_record_trust_answers_for_a_hebrew_reading() -> None:
    """The script dispatch lives in record_trust: for a Hebrew reading it is hebrew_trust
    (full trust where the written vowels agree, the discounted one where they do not)."""
    screener = Screener.build([e("person", "LEVI, Muhammad"), e("person", "ALAVI, Mahmoud")],
                              MatchingPolicy(screen_cache=0))  # fmt: skip
    algo = screener.algo
    forms = query_forms(make_query("מוחמד לוי", type="person"), algo.trust)
    qform = next(f for f in forms if f.kind == KIND_SKELETON and f.form.script == HEBREW)
    assert qform.trust < qform.spelled
    words = list(qform.form.tokens)
    comp = NameComparison(1.0, [], words, words, [True] * len(words), [True] * len(words), False)
    for listed in ("LEVI, Muhammad", "ALAVI, Mahmoud"):
        expected = hebrew_trust(qform, listed, algo.trust.vowelled_skeleton, comp.score, 0.7)
        assert record_trust(qform, listed, comp, algo.trust, algo.words, 0.7) == expected
    assert record_trust(qform, "LEVI, Muhammad", comp, algo.trust, algo.words, 0.7) == qform.spelled
    assert record_trust(qform, "ALAVI, Mahmoud", comp, algo.trust, algo.words, 0.7) < 0.7


def test_agreeing_ids_is_vowels_agree() -> None:
    screener = _crowded()
    index = screener.index
    skeletal = [r for r in range(len(index.rec_kind)) if index.rec_kind[r] == KIND_SKELETON]
    for text in ("מוחמד אבו ליל", "מוחמד חסן", "עלי מוחמד אבו טוראב", "מחמוד"):
        words = tuple(text.split())
        expected = {r for r in skeletal if vowels_agree(words, index.rec_text[r])}
        assert agreeing_ids(index, words, skeletal) == expected


def test_a_crowded_reading_scores_only_names_whose_vowels_agree() -> None:
    """ "מוחמד אבו ליל" still alerts on ABU LAIL, Muhammad; the names of its crowded reading
    whose vowels do not agree (TURAB, Ali Muhammad Abu: shown under the threshold before) are
    not scored."""
    screener = _crowded()
    result = screener.screen(make_query("מוחמד אבו ליל", type="person"), ScreenOptions(limit=50))
    alerted = {m.source_id for m in result.matches if m.alert}
    assert alerted == {"ABU LAIL, Muhammad"}
    words = ("מוחמד", "אבו", "ליל")
    assert all(vowels_agree(words, m.matched_name) for m in result.matches)


def test_a_crowded_reading_is_all_scored_when_more_may_add() -> None:
    """With a birth date (a feature that may add to a name's score) or a threshold the
    discounted trust reaches, every name is scored as before."""
    screener = _crowded()
    dated = make_query("מוחמד אבו ליל", type="person", dob="1970")
    shown = {m.source_id for m in screener.screen(dated, ScreenOptions(limit=50)).matches}
    assert "TURAB, Ali Muhammad Abu" in shown
    low = screener.screen(make_query("מוחמד אבו ליל", type="person"),
                          ScreenOptions(limit=50, threshold=0.6))  # fmt: skip
    assert "TURAB, Ali Muhammad Abu" in {m.source_id for m in low.matches}


def _listed_skeleton(listed: str) -> tuple[str, ...]:
    return next(f.tokens for f, k in name_forms(listed, Schema.PERSON, query=False)
                if k == KIND_SKELETON)  # fmt: skip


def test_the_article_is_read_as_the_lists_write_it() -> None:
    """The article אל written apart is run onto the word after it, or after abd onto abd, as
    a listed name's skeleton has it ("AL OTAIBI": "ltb"; "ABD AL-LATIF": "bdl ltf")."""
    for query, listed in (("מוהמד אל אוטייבי", "Mohammad AL OTAIBI"),
                          ("סייף אל ארב", "Saif Al-Arab"),
                          ("אבד אל לתיף בן סליה", "ABD AL-LATIF BIN SALIH"),
                          ("נסר אל דין", "NASR AL-DIN")):  # fmt: skip
        assert _listed_skeleton(listed) in hebrew_skeletons(query)
    assert hebrew_skeletons("אלי אל") == [("l", "l")]  # (Ali is no article; a last אל alone)


def test_a_name_with_the_article_alerts_on_its_listing() -> None:
    listed = ["Mohammad AL OTAIBI", "AL-SHAYKH, Muhammad", "ALAVI, Mahmoud"]
    built = [e("person", name, source_id=name) for name in listed]
    screener = Screener.build(built, MatchingPolicy(screen_cache=0))
    for query, expected in (("מוהמד אל אוטייבי", "Mohammad AL OTAIBI"),
                            ("מוחמד אל שייח", "AL-SHAYKH, Muhammad")):  # fmt: skip
        result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=10))
        assert {m.source_id for m in result.matches if m.alert} == {expected}
