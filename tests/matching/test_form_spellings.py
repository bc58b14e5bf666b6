"""Legal forms as written in the wild (matching round two, class 4): a long form spelt another
way around its short words, and a second form beside the first."""

from __future__ import annotations

import pytest

from clearance.matching.normalize import analyse


def _form(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    form = analyse(text)[0]
    return form.tokens, form.forms


@pytest.mark.parametrize(
    "text",
    [
        "OBSCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU PROMINVEST",
        "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU PROMINVEST",
        "OBSKHTSKHESTVO S OGRANITSKHENNOI OTVETSTVENNOSTYU PROMINVEST",  # an ICU round trip
        "OBSHCHESTVO SOGRANICHENNOI OTVETSTVENNOSTYU PROMINVEST",  # "s" run into the next word
    ],
)
def test_a_long_form_spelt_another_way_is_the_form(text: str) -> None:
    assert _form(text) == (("prominvest",), frozenset({"llc"}))


def test_a_second_form_of_the_iso_table_is_split_off_too() -> None:
    both = _form("MAHAN TRAVEL AND TOURISM SDN BHD Tic. Ltd. Şti.")
    assert both == _form("MAHAN TRAVEL AND TOURISM SDN BHD")
    assert both[0] == ("mahan", "travel", "and", "tourism")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("STG HOLDING LIMITED", ("stg", "holding")),  # a short ISO abbreviation: a name here
        ("BANCO DE CREDITO", ("banco", "de", "credito")),
        ("MARIA DE LOURDES", ("maria", "de", "lourdes")),
    ],
)
def test_names_stay_names(text: str, tokens: tuple[str, ...]) -> None:
    assert _form(text)[0] == tokens
