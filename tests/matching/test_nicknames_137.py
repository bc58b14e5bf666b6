"""Issue 11, given names as nicknames and diminutives (h183, ``nameforms.NICKNAMES`` from
``nicknames``): "Bill" / WILLIAM, "Bob" / ROBERT, "Pepe" / JOSE, "Paco" / FRANCISCO, "Sasha" /
ALEKSANDR, and the full form for a listed nickname.

- A listed given name's nickname agrees (at ``WordParams.nickname_sim``, below an exact given
  name) when the family name agrees as spelt: retrieval reaches the record and the comparison
  pairs the two words.
- Never for a family name, never alone, never with another family name, never in an
  organisation's name; a nickname of two letters ("Al", "Ed") is none.
"""

from __future__ import annotations

import dataclasses

import pytest

from clearance.matching.nameforms import NICKNAMES
from clearance.matching.params import WordParams, declared
from tests.matching.factory import company_alerts, people_alerts

LISTED = [
    "SMITH, William",
    "JONES, Robert",
    "IVANOV, Aleksandr Petrovich",
    "GARCIA LOPEZ, Jose",
    "HERNANDEZ, Francisco",
    "RUSSO, Giuseppe",
    "KOVAL, Mikhail",
    "BILLINGS, Dmitry",
    "PETROV, Sasha",
    "HARRIS, Albert",
]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Bill Smith", "SMITH, William"),
        ("Bob Jones", "JONES, Robert"),
        ("Sasha Petrovich Ivanov", "IVANOV, Aleksandr Petrovich"),
        ("Pepe Garcia Lopez", "GARCIA LOPEZ, Jose"),
        ("Paco Hernandez", "HERNANDEZ, Francisco"),
        ("Beppe Russo", "RUSSO, Giuseppe"),
        ("Misha Koval", "KOVAL, Mikhail"),
        ("Dima Billings", "BILLINGS, Dmitry"),
        ("Aleksandr Petrov", "PETROV, Sasha"),  # (the full form for a listed nickname)
        ("Sanya Ivanov", "IVANOV, Aleksandr Petrovich"),
        ("Bert Harris", "HARRIS, Albert"),
    ],
)
def test_a_nickname_alerts_with_its_family_name(query: str, listed: str) -> None:
    assert listed in people_alerts(LISTED, query)


@pytest.mark.parametrize(
    "query",
    [
        "Bill Harrington",  # a nickname of a listed given name, another family name
        "Bill",  # a nickname alone
        "Dmitry Bill",  # BILLINGS is no nickname's full form; "bill" is no family name's
        "Paco Hernandes",  # the family name agrees by its letters only
        "Al Harris",  # (two letters: names too many)
        "Ed Smith",
        "Sasha Ivanova",
    ],
)
def test_no_nickname_without_its_family_name(query: str) -> None:
    assert not people_alerts(LISTED, query)


def test_no_nickname_for_a_family_name() -> None:
    """WILLIAM is the family name here: "Bill" is no nickname of it."""
    assert not people_alerts(["WILLIAM, Harold"], "Harold Bill")


def test_no_nickname_in_a_company_name() -> None:
    assert not company_alerts(["WILLIAM TRADING LLC"], "BILL TRADING LLC")


def test_the_table() -> None:
    assert "william" in NICKNAMES["bill"]
    assert "bill" in NICKNAMES["william"]
    assert "francisco" in NICKNAMES["paco"]
    # Russian diminutives romanised, reaching the full form's other forms (``FORMS``)
    assert {"aleksandr", "oleksandr", "alyaksandr"} <= set(NICKNAMES["sasha"])
    assert {"serezha", "seryozha"} <= set(NICKNAMES["sergey"])
    # nicknames of two letters are none; a nickname is no other nickname's form
    assert not [word for word in NICKNAMES if len(word) < 3]  # noqa: PLR2004
    assert "bob" not in NICKNAMES["bill"]
    assert all(word.isascii() and word.isalpha() for word in NICKNAMES)


def test_the_similarity_is_declared_below_an_exact_name() -> None:
    words = WordParams()
    assert words.nickname_sim < words.exact_sim
    assert "nickname_sim" in declared(words)
    other = dataclasses.replace(words, nickname_sim=0.5)
    assert declared(other) != declared(words)


def test_release() -> None:
    """The rules of this round (this file: nicknames and diminutives of given names;
    test_kinds_137.py: Russian kind words translated or abbreviated; test_ocr_137.py: OCR, third
    round; test_company_words_137.py: Arabic and Persian company words, Chinese places;
    test_person_hunt_137.py: Cantonese family names, Afghan titles and suffix words) change
    outcomes: the release says so, so that a receipt of 1.36 is not taken for theirs."""
    from clearance.matching.release import ALGORITHM_RELEASE

    assert tuple(map(int, ALGORITHM_RELEASE.split("."))) >= (1, 37)
