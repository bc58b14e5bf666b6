"""Issue 11, recall classes still missed on 1.31 (h158).

- A Korean name written in Hangul, in Hanja or in Cyrillic is read with ㅈ as j ("최준식" is
  "choe jun sik"); the lists write many such names the McCune-Reischauer way (CHOE Chun Sik,
  CHO Il U, CHANG Myong Chin) and a later given-name syllable voiced after a vowel or a nasal
  (JON MYONG GUK for 전명극): the script's reading also gets those spellings as list readings.
- Kontsevich writes ㄴ and ㅇ alike as н: "Намын" is 남응, NAM UNG, as "Тон" is Tong.
- A Korean name in Hanja of two characters (a family name and a one-syllable given name:
  姜龍, KANG Ryong) is read the Korean way too.
- A person's name written as initials and a family name ("A. D. T. W. MUHAMMAD") reaches a
  listed name whose given names those initials start, in order, however common the family
  name (two initials or more: one initial and a family name is looked up as before).
"""

from __future__ import annotations

import itertools

import pytest

from clearance.matching.cyrillic_asian import east_asian_readings
from clearance.matching.engine import Screener
from clearance.matching.exact import listed_initials_keys, query_initials_key
from clearance.matching.hanja import korean_hangul
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.romanised import script_readings
from clearance.scripts import HANGUL
from clearance.settings import MatchingPolicy
from tests.matching.factory import e, people_alerts

KOREANS = [
    "CHOE, Chun Sik",
    "CHO, Il-U",
    "CHANG, Myong Chin",
    "JON MYONG GUK",
    "KIM NAM UNG",
    "KANG, Ryong",
    "RI, Sok",
    "PAK, Jong Su",
    "KIM, Chol Su",
]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("최준식", "CHOE, Chun Sik"),
        ("조 일우", "CHO, Il-U"),
        ("장명친", "CHANG, Myong Chin"),
        ("전명극", "JON MYONG GUK"),
        ("崔蹲湜", "CHOE, Chun Sik"),
        ("Цой Чунсик", "CHOE, Chun Sik"),
        ("Ким Намын", "KIM NAM UNG"),
        ("姜龍", "KANG, Ryong"),
        ("李昔", "RI, Sok"),
    ],
)
def test_a_korean_name_in_its_scripts_as_the_lists_spell_it(query: str, listed: str) -> None:
    assert people_alerts(KOREANS, query) == {listed}


def test_the_readings_are_the_given_names_both_ways_and_voiced() -> None:
    """ㅈ / ㅊ read both ways in the given name only (the lists write CHOE, never "Joe"); the
    family names the lists write both ways (CHO / JO) both ways; a later syllable voiced."""
    assert script_readings("최준식", HANGUL) == ["choe chun sik"]
    assert "cho il u" in script_readings("조 일우", HANGUL)
    assert "jon myong guk" in script_readings("전명극", HANGUL)
    assert script_readings("Иван Петров", "Cyrillic") == []
    assert "kim nam ung" in east_asian_readings("Ким Намын")
    assert korean_hangul("姜龍") == "강룡" and korean_hangul("李") is None


def test_other_korean_names_do_not_alert() -> None:
    """Another given syllable is still another name: "최준호" is no CHOE Chun Sik, "김철" no
    KIM Chol Su, "박종" no PAK Jong Su."""
    assert people_alerts(KOREANS, "최준호") == set()
    assert people_alerts(KOREANS, "김철") == set()
    assert people_alerts(KOREANS, "박종") == set()
    # a guess at the lists' spelling is trusted less than the script's own reading: "구지아"
    # read "ku chi a" is no KUCHI, Ahmed Jan (ku and chi run together, a as his initial)
    assert people_alerts([*KOREANS, "KUCHI, Ahmed Jan"], "구지아") == set()


def test_initials_keys() -> None:
    assert listed_initials_keys("ALLAH DAD TAYEB WALI MUHAMMAD") == ["initials:a d t w muhammad"]
    assert listed_initials_keys("PAK, Il-Kyu") == ["initials:i k pak"]
    assert listed_initials_keys("SMITH, John") == []  # one given name
    assert query_initials_key("A.D.T.W. Muhammad") == "initials:a d t w muhammad"
    assert query_initials_key("I. PAK") is None  # one initial
    assert query_initials_key("A. D. T. W.") is None
    assert query_initials_key("A. Dad T. W. MUHAMMAD") is None


@pytest.fixture(scope="module")
def crowded() -> Screener:
    """2,000 listed MUHAMMADs and one ALLAH DAD TAYEB WALI MUHAMMAD: the family name alone
    reaches more names than retrieval keeps."""
    syllables = ["ka", "ri", "mo", "tu", "sa", "le", "bi", "no", "fa", "zu", "de", "ha"]
    given = ["".join(p).capitalize() for p in itertools.product(syllables, repeat=3)][:2100]
    listed = [e("person", f"MUHAMMAD, {g}", source_id=str(i)) for i, g in enumerate(given)]
    listed.append(e("person", "ALLAH DAD TAYEB WALI MUHAMMAD", source_id="adtw"))
    return Screener.build(listed, MatchingPolicy(screen_cache=0))


def _alerted(screener: Screener, query: str) -> set[str]:
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=5))
    return {m.source_id for m in result.matches if m.alert}


def test_initials_and_a_common_family_name(crowded: Screener) -> None:
    assert _alerted(crowded, "A. D. T. W. MUHAMMAD") == {"adtw"}
    assert _alerted(crowded, "A.D.T.W. Muhammad") == {"adtw"}
    # the initials in another order, or too few of them, are not his
    assert "adtw" not in _alerted(crowded, "D. A. T. W. MUHAMMAD")
    assert "adtw" not in _alerted(crowded, "A. D. MUHAMMAD")


def test_release() -> None:
    """The rules of this round (this file: initials keys, Korean script readings;
    test_company_132.py: generic organisation words) change outcomes and the index format
    (36): the release says so, so that an index or a receipt of 1.31 is not taken for theirs."""
    from clearance.matching.release import ALGORITHM_RELEASE

    assert tuple(map(int, ALGORITHM_RELEASE.split("."))) >= (1, 32)
