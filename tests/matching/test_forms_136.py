"""Issue 11 class 2, an East Slavic given name in another language's form (h180, ``nameforms``):
the Belarusian and Ukrainian passport forms of Russian given names ("Ihar" / IGOR, "Siarhei" /
SERGEY, "Volodymyr" / VLADIMIR) and back.

- A listed given name's other form agrees (at a reduced similarity) when the family name
  agrees as spelt: retrieval reaches the record and the comparison pairs the two forms.
- Never for a family name, never alone, never with another family name, never in an
  organisation's name.
- The table is written in Cyrillic and romanised by the engine's schemes and the passport ones.
"""

from __future__ import annotations

import pytest

from clearance.matching.nameforms import FORMS, passport_spellings
from tests.matching.factory import company_alerts, people_alerts

LISTED = [
    "SECHIN, Igor Ivanovich",
    "KISLYAK, Sergey Ivanovich",
    "GAFNER, Denis Yakovlevich",
    "LYUBIMOVA, Olga Borisovna",
    "VINOKUROVA, Ekaterina Sergeyevna",
    "KOVALCHUK, Volodymyr",
    "GRININ, Evgeniy Aleksandrovich",
    "SVIRIDENKO, Oleg Mikhailovich",
    "OLEG, Nikolai",
    "SHEVCHUK, Ihar",
]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ihar Ivanovich SECHIN", "SECHIN, Igor Ivanovich"),
        ("Syarhei Ivanovich KISLYAK", "KISLYAK, Sergey Ivanovich"),
        ("Siarhei KISLYAK", "KISLYAK, Sergey Ivanovich"),
        ("Dzianis Yakovlevich GAFNER", "GAFNER, Denis Yakovlevich"),
        ("Volha Borisovna LYUBIMOVA", "LYUBIMOVA, Olga Borisovna"),
        ("Katsiaryna Sergeyevna VINOKUROVA", "VINOKUROVA, Ekaterina Sergeyevna"),
        ("Yauhen Aleksandrovich GRININ", "GRININ, Evgeniy Aleksandrovich"),
        ("Aleh Mikhailovich SVIRIDENKO", "SVIRIDENKO, Oleg Mikhailovich"),
        ("Uladzimir KOVALCHUK", "KOVALCHUK, Volodymyr"),  # (two forms neither Russian)
        ("Igor SHEVCHUK", "SHEVCHUK, Ihar"),
    ],
)
def test_a_given_name_in_another_form_alerts(query: str, listed: str) -> None:
    assert listed in people_alerts(LISTED, query)


@pytest.mark.parametrize(
    "query",
    [
        "Nikolai ALEH",  # OLEG is a family name here: no form of a given name
        "Ihar",  # a form alone
        "Ihar PETROV",  # a form of a listed given name, another family name
        "Siarhei KISLOV",  # the family name agrees by its letters only
        "Katsiaryna VINOGRADOVA",
        "Ihar SECHKIN",
    ],
)
def test_no_form_without_its_family_name(query: str) -> None:
    """(guards: these do not alert on 1.35 either)"""
    assert not people_alerts(LISTED, query) - {"SHEVCHUK, Ihar"}


def test_no_form_in_a_company_name() -> None:
    assert not company_alerts(["IGOR TRADING LLC"], "IHAR TRADING LLC")


def test_the_table_romanises_its_forms_the_passport_ways() -> None:
    assert "siarhei" in passport_spellings("Сяргей", "be")
    assert "yauhen" in passport_spellings("Яўген", "be")
    assert "kostiantyn" in passport_spellings("Костянтин", "uk")
    assert "yurii" in passport_spellings("Юрій", "uk")
    assert "yuri" in passport_spellings("Юрій", "uk")
    # forms of one name, by the engine's BGN rules and the passport ones
    assert {"igor", "ihor"} <= set(FORMS["ihar"])
    assert {"vladimir", "volodymyr"} <= set(FORMS["uladzimir"])
    assert "mikhail" in FORMS["mykhaylo"]
    assert "ekaterina" in FORMS["katsiaryna"]
    # (names of other rows are no forms; words no row holds have none)
    assert "oleg" not in FORMS["olga"]
    assert "sechin" not in FORMS
    assert all(word.isascii() and word.isalpha() for word in FORMS)


def test_release() -> None:
    """The rules of this round (this file: Belarusian and Ukrainian forms of given names;
    test_generic_136.py: Russian kind-of-organisation words generic in every romanisation;
    test_ocr_136.py: misread legal-form words; test_truncated_136.py: a cut word that is a word
    of its own) change outcomes: the release says so, so that a receipt of 1.35 is not taken
    for theirs."""
    from clearance.matching.release import ALGORITHM_RELEASE

    assert tuple(map(int, ALGORITHM_RELEASE.split("."))) >= (1, 36)
