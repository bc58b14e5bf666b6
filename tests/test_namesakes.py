"""The benchmarks' namesakes: an "unlisted" Faker name that is exactly a listed name or alias as
the engine reads both is noted a namesake (it should alert); a near spelling is not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import bench_data as bd  # noqa: E402

from clearance.model import Schema  # noqa: E402

_LISTED = [
    bd.make_entity("1", Schema.PERSON, ["PETROV, Boris", "Yuriy IVANOV"]),  # alias
    bd.make_entity("2", Schema.PERSON, ["PAK Chol", "KIM Hyon U"]),
    bd.make_entity("3", Schema.PERSON, ["SMITH, John"]),
    bd.make_entity("4", Schema.ORGANIZATION, ["ALPHA TRADING LLC", "OMEGA SHIPPING LIMITED"]),
]


def _note(name: str, kind: str = "person", locale: str = "ru_RU") -> str | None:
    """The note ``unlisted_cases`` gives ``name`` (``None``: dropped as a listed name)."""
    lists = bd.Lists(list(_LISTED), {}, {}, 0.0)
    cases, _dropped = bd.unlisted_cases([{"name": name, "type": kind, "locale": locale}], lists)
    return cases[0].note if cases else None


@pytest.mark.parametrize(
    ("name", "kind", "locale"),
    [
        ("Юрий Иванов", "person", "ru_RU"),  # read "yuriy ivanov": a listed alias exactly
        ("Dr. John Smith", "person", "en_GB"),  # a title is no name word; SMITH, John
        ("김현우", "person", "ko_KR"),  # read KIM Hyon U (McCune-Reischauer), an alias
        ("Omega Shipping Ltd.", "organization", "en_GB"),  # the same legal form, spelled out
    ],
)
def test_a_listed_alias_exactly_is_a_namesake(name: str, kind: str, locale: str) -> None:
    assert _note(name, kind, locale) == bd.NAMESAKE


@pytest.mark.parametrize(
    ("name", "kind", "locale"),
    [
        ("Юрий Иванцов", "person", "ru_RU"),  # one letter more: a near spelling
        ("John Smithers", "person", "en_GB"),
        ("Boris Petrovich", "person", "ru_RU"),
        ("Omega Shipping GmbH", "organization", "de_DE"),  # another legal form
        ("Omega Trading Ltd.", "organization", "en_GB"),
    ],
)
def test_a_near_spelling_is_not_a_namesake(name: str, kind: str, locale: str) -> None:
    assert _note(name, kind, locale) == ""


def test_a_listed_name_as_written_is_dropped_not_kept() -> None:
    assert _note("Ivanov Yuriy") is None  # the fold already sees it: not an unlisted name


_COMPANIES = [
    bd.make_entity("5", Schema.ORGANIZATION, ["STAN LLC"]),
    bd.make_entity("6", Schema.ORGANIZATION, ["ABBA"]),
    bd.make_entity("7", Schema.ORGANIZATION, ["ALL-RUSSIA STATE BROADCASTING COMPANY (VGTRK)"]),
]


@pytest.mark.parametrize(
    ("name", "namesake"),
    [
        ("Stan", True),  # no legal form: agrees with the listed one's
        ("Abba SpA", True),  # the listed name writes none
        ("ВГТРК", True),  # the parenthesised part of a listed name, as the index reads it
        ("Stan Group", False),  # another word
        ("Abbas SpA", False),  # a near spelling
    ],
)
def test_a_company_is_a_namesake_whatever_legal_form_one_side_leaves_out(
    name: str, namesake: bool
) -> None:
    lists = bd.Lists(list(_COMPANIES), {}, {}, 0.0)
    cases, _dropped = bd.unlisted_cases([{"name": name, "type": "organization",
                                          "locale": "ro_RO"}], lists)  # fmt: skip
    assert cases[0].note == (bd.NAMESAKE if namesake else "")
