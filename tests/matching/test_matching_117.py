"""Matching 1.17: class c9 again (a listed Latin name queried in Arabic script) — "X al-Din"
compounds written as one word, ج read as g too, one-letter skeleton words at retrieval's
spelled bound (ranked, not cut off by a count), and a nisba whose vowels are no listed
word's."""

from __future__ import annotations

import pytest

from clearance.matching.compounds import din_compounds, with_din_parts
from clearance.matching.engine import ALGORITHM_RELEASE
from tests.matching.factory import listed_alerts

_OTHERS = ["Abdul Rahman SALIM", "Nasser HAMDAN", "Yusuf KARIMI"]
_FIRST = ["Omar", "Hamid", "Karim", "Tariq", "Samir", "Bashir", "Rashid", "Majid", "Nabil",
          "Fuad", "Jamal", "Kamal"]  # fmt: skip


def alerted(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_OTHERS], query, "person")


def test_release() -> None:
    assert ALGORITHM_RELEASE == "1.17"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ناصر الدين حقاني", "HAQQANI, Nasiruddin"),  # X al-Din written as one word
        ("ناصرالدين حقاني", "HAQQANI, Nasiruddin"),
        ("محمود سلطان بشير الدين", "MAHMOOD, Sultan Bashiruddin"),
        ("كمال الدين نبيزده", "NABIZADAH, Kamaluddin"),
        ("نزير أحمد محمد جمال الدين", "JAMALEDDINE, Nazir Ahmad Mohammed"),
        ("محمد جراد", "GARAAD, Mohamed"),  # ج as the g of Egyptian and Levantine names
        ("صلاح جسمي", "GASMI, Salah"),
        ("جمال رجب", "RAGAB, Gamal"),
    ],
)
def test_an_arabic_script_query_of_a_compound_or_a_g_alerts(query: str, listed: str) -> None:
    assert alerted([listed], query) == {listed}


def test_a_one_letter_word_filters_a_common_skeleton_before_the_cap() -> None:
    # 144 names have the skeleton word "ns" (YUNUS): in 1.16 past RetrievalParams.spelled_names
    # (100) no name was lifted to the spelled trust; only WANUS, Ali also has the "l" of علي
    yunus = [f"YUNUS, {a} {b}" for a in _FIRST for b in _FIRST]
    assert alerted(["WANUS, Ali", *yunus], "علي ونوس") == {"WANUS, Ali"}


def test_the_lifted_names_beyond_the_cap_are_those_with_the_worst_bounds() -> None:
    # 144 names have every skeleton word of "l ns"; the one without other words is kept
    yunus = [f"YUNUS, Ali {a} {b}" for a in _FIRST for b in _FIRST]
    assert "WANUS, Ali" in alerted(["WANUS, Ali", *yunus], "علي ونوس")


def test_a_one_letter_word_run_together_with_its_neighbour() -> None:
    assert alerted(["JASHNSAZ, Seifollah"], "سيف الله جشنساز") == {"JASHNSAZ, Seifollah"}


def test_a_nisba_is_not_the_listed_word_without_it() -> None:
    assert alerted(["'ABBAS, Yasir 'Aziz"], "عباس عزيزي") == set()


def test_din_compounds() -> None:
    assert din_compounds(("ناصر", "الدين", "حقاني")) == ("ناصردين", "حقاني")
    assert din_compounds(("ناصرالدین",)) == ("ناصردين",)
    assert din_compounds(("الدين", "محمد")) == ("الدين", "محمد")
    assert with_din_parts(("nasiruddin",)) == ("nasiruddin", "nasir", "aldin")
    assert with_din_parts(("jamaleddine", "din")) == ("jamaleddine", "din", "jamal", "aldin")
    assert with_din_parts(("saladin", "baldin")) == ("saladin", "baldin")
