"""Issue 11, persons' names as other writers write them (h187, ``bench_wild``'s
``wild_hunt_person``): the two classes that missed most.

- ``w-cantonese``: a Chinese person's family name as Hong Kong and overseas writers spell it
  (Cantonese: "Chan" / CHEN, "Wong" / HUANG or WANG, "Cheung" / ZHANG, "Lee" / LI) is read as
  its pinyin, as the lists write it (``romanised.CANTONESE_FAMILIES``, a further reading of
  the query); the given name must still agree, and a name that is no Chinese name of
  syllables ("Jennifer Lee") or whose family spelling is a pinyin name of its own ("Tang")
  is not read so.
- ``w-afghan``: Afghan and Pakistani titles the title table lacked ("Moulavi", "Molvi",
  "Mollah", "Qary") are read away before the name, and an honorific or name word written after
  a person's name ("Khan", "Jan", "Gul", "Agha") is read away after it
  (``honorifics.without_suffix``), when two words or more are left.
"""

from __future__ import annotations

import pytest

from clearance.matching.honorifics import input_readings
from clearance.matching.romanised import list_readings
from tests.matching.factory import people_alerts

CHINESE = [
    "CHEN, Jianming",
    "HUANG, Dongming",
    "WANG, Junzheng",
    "ZHANG, Taotao",
    "LI, Yongxin",
    "ZHOU, Jianshu",
    "GUO, Ruiguang",
    "XU, Bin",
    "HUANG, Chin-Hua",
    "DENG, Wei",
]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("CHAN Jianming", "CHEN, Jianming"),
        ("Dongming WONG", "HUANG, Dongming"),
        ("WONG, Junzheng", "WANG, Junzheng"),
        ("Taotao CHEUNG", "ZHANG, Taotao"),
        ("LEE, Yongxin", "LI, Yongxin"),
        ("Chow Jianshu", "ZHOU, Jianshu"),
        ("KWOK Ruiguang", "GUO, Ruiguang"),
        ("TSUI, Bin", "XU, Bin"),
        ("WONG, Chin-Hua", "HUANG, Chin-Hua"),  # (Wade-Giles given name, Cantonese family)
    ],
)
def test_a_cantonese_family_name_alerts(query: str, listed: str) -> None:
    assert listed in people_alerts(CHINESE, query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("CHAN Weidong", "CHEN, Jianming"),  # the given name disagrees
        ("WONG, Xiaoli", "HUANG, Dongming"),
        ("Tang Wei", "DENG, Wei"),  # "Tang" is a pinyin family name of its own (唐)
        ("Cheung", "ZHANG, Taotao"),  # a family name alone
        ("Lee Smith", "LI, Yongxin"),
    ],
)
def test_a_cantonese_family_name_needs_the_rest(query: str, listed: str) -> None:
    assert listed not in people_alerts(CHINESE, query)


def test_cantonese_readings() -> None:
    assert "chen jianming" in list_readings("Chan Jianming")
    assert {"huang dongming", "wang dongming"} <= set(list_readings("WONG, Dongming"))
    assert "jianming chen" in list_readings("Jianming Chan")
    assert list_readings("Jennifer Lee") == []  # (no Chinese name of syllables)
    assert list_readings("Tang Wei") == []
    assert list_readings("Chan Tai Man") == ["chen tai man"]  # (the family name only)
    assert list_readings("lin mei hui") == []  # (family first: "hui" is a given syllable)
    assert list_readings("chen hui") == []
    assert list_readings("Jian Chan") == []


AFGHAN = [
    "JAVAID, Nasir",
    "YAHYA HAQQANI",
    "ABDUL GHAFAR SHINWARI",
    "QAMAR, Naveed",
    "ABDULHAI SALEK",
    "IBRAHIM, Dawood",
    "Abdul Basir NOORZAI",
]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Nasir JAVAID KHAN", "JAVAID, Nasir"),
        ("Naveed QAMAR AGHA", "QAMAR, Naveed"),
        ("ABDULHAI SALEK GUL", "ABDULHAI SALEK"),
        ("Dawood IBRAHIM JAN", "IBRAHIM, Dawood"),
        ("MOULAVI YAHYA HAQQANI", "YAHYA HAQQANI"),
        ("Molvi Yahya Haqqani", "YAHYA HAQQANI"),
        ("MOLLAH ABDUL GHAFAR SHINWARI", "ABDUL GHAFAR SHINWARI"),
        ("Qary Abdul Basir NOORZAI", "Abdul Basir NOORZAI"),
    ],
)
def test_an_afghan_title_or_suffix_alerts(query: str, listed: str) -> None:
    assert listed in people_alerts(AFGHAN, query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Nasir KHAN", "JAVAID, Nasir"),  # one word left: no reading
        ("Naveed RAHMAN AGHA", "QAMAR, Naveed"),  # another family name
        ("Yahya KHAN", "YAHYA HAQQANI"),
    ],
)
def test_a_suffix_does_not_make_a_name(query: str, listed: str) -> None:
    assert listed not in people_alerts(AFGHAN, query)


def test_suffix_and_title_readings() -> None:
    assert input_readings("Nasir JAVAID KHAN") == ["Nasir JAVAID"]
    assert input_readings("MOULAVI YAHYA HAQQANI") == ["YAHYA HAQQANI"]
    assert input_readings("Imran Khan") == []
    assert input_readings("Dr Gail Khan") == []  # (one name word left)
    assert input_readings("May, Williams and Khan") == []  # (a firm's partners)
    assert input_readings("Mohammad Ali Khan, director") == ["Mohammad Ali Khan", "Mohammad Ali"]
