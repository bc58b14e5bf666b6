"""Matching, index format 27 (issue 11, c9) — a common skeleton's
names whose vowels agree are lifted to the spelled trust at retrieval, looked up in the index's
listed words of crowded skeletons (built once with the index) rather than name by name: before,
past ``RetrievalParams.spelled_names`` names with every word of a skeleton, none was."""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.index import CROWDED_SKELETON
from clearance.matching.params import RetrievalParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e, listed_alerts

_OTHERS = ["Ali HASSAN", "Mohammad KARIMI", "SAQR, Omar"]
_FIRST = ["Omar", "Hamid", "Karim", "Tariq", "Samir", "Bashir", "Rashid", "Majid", "Nabil",
          "Fuad", "Jamal", "Kamal"]  # fmt: skip


def test_a_crowded_skeleton_lifts_the_names_whose_long_vowels_agree() -> None:
    # 144 names have every skeleton word of "l ns" (YUNUS, Ali ...): past spelled_names none
    # was lifted, and WANUS, Ali, whose long vowel "ونوس" writes, was never retrieved
    yunus = [f"YUNUS, Ali {a} {b}" for a in _FIRST for b in _FIRST]
    assert len(yunus) > RetrievalParams().spelled_names
    assert listed_alerts(["WANUS, Ali", *yunus, *_OTHERS], "علي ونوس", "person") == {"WANUS, Ali"}


def test_a_crowded_skeleton_lifts_the_names_the_table_reading_agrees_with() -> None:
    # "حمود" is no table word: its long vowel stands in HAMMUD, not in HAMID or HAMAD
    hamid = [f"HAMID, Ali {a} {b}" for a in _FIRST for b in _FIRST[:6]]
    hamad = [f"HAMAD, Ali {a} {b}" for a in _FIRST for b in _FIRST[6:]]
    listed = ["HAMMUD, Ali", *hamid, *hamad, *_OTHERS]
    assert listed_alerts(listed, "علي حمود", "person") == {"HAMMUD, Ali"}


def test_a_crowded_skeleton_lifts_an_entity_by_its_other_name_with_the_skeleton() -> None:
    # the entity's names YUNUS, Ali and WANUS, Ali share one skeleton record (its text the
    # first's): the vowels of "ونوس" stand in the other, which the index keeps for it too
    yunus = [f"YUNUS, Ali {a} {b}" for a in _FIRST for b in _FIRST]
    entities = [e("person", "YUNUS, Ali", "WANUS, Ali", source_id="listed")]
    entities += [e("person", name, source_id=str(i)) for i, name in enumerate(yunus + _OTHERS)]
    screener = Screener.build(entities, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query("علي ونوس", type="person"), ScreenOptions(limit=5))
    assert [m.source_id for m in result.matches if m.alert] == ["listed"]


def test_the_index_keeps_the_words_of_crowded_skeletons_only() -> None:
    yunus = [f"YUNUS, Ali {a} {b}" for a in _FIRST for b in _FIRST]
    entities = [e("person", name, source_id=str(i))
                for i, name in enumerate(["WANUS, Ali", *yunus, "SAQR, Omar"])]  # fmt: skip
    index = Screener.build(entities, MatchingPolicy(screen_cache=0)).index
    assert set(index.vowel_words["ns"]) == {"yunus", "wanus"}
    assert "sqr" not in index.vowel_words  # (one name: not crowded)
    assert len(index.vowel_records("yunus")) == len(yunus) > CROWDED_SKELETON
    assert len(index.vowel_records("wanus")) == 1
    assert len(index.vowel_records("saqr")) == 0
