"""The import's row checker gives what ``row_to_query`` gives: the same customer, or the same
error, for every row (memoised values included)."""

from __future__ import annotations

from typing import Any

import pytest

from clearance.batch.columns import CLI_FLAGS, ColumnSpec, resolve_columns, row_to_query
from clearance.errors import ClearanceError
from clearance.monitor import formparts, rowcheck
from clearance.monitor.customer import BookCustomer
from clearance.monitor.rowcheck import RowChecker

HEADER = ["id", "name", "type", "dob", "country", "city"]
ROWS: list[dict[str, Any]] = [
    {"id": "1", "name": "Ivan Petrov", "type": "person", "dob": "1970-01-02", "country": "RU"},
    {"id": "2", "name": " Ivan  Petrov ", "type": " Individual ", "dob": "1970", "country": "ru"},
    {"id": "3", "name": "Acme LLC", "type": "company", "dob": "", "country": "US; DE|FR"},
    {"id": "4", "name": "LLC", "type": "organization"},  # only a legal form
    {"id": "5", "name": "ООО", "type": "organization", "dob": None},
    {"id": "6", "name": "Petrov", "type": "robot"},  # unknown type
    {"id": "7", "name": "Petrov", "dob": "1970-02-30"},  # no such day
    {"id": "8", "name": "Petrov", "dob": "02/03/1970"},  # not a date
    {"id": "9", "name": "Petrov", "country": "Narnia"},
    {"id": "10", "name": "", "type": "person"},
    {"id": "11", "name": "   "},
    {"id": "", "name": "Nobody Known"},  # no id: the caller's error
    {"id": "  ", "name": "Nobody Known", "dob": "1970-13-01"},  # the date's error comes first
    {"id": "12", "name": "x" * 400},
    {"id": "13", "name": "Bad\x00Name"},
    {"id": 14, "name": "Numbered", "dob": 1970, "country": ["RU", "DE"]},  # JSON cells
    {"id": "15", "name": 12345, "type": None},
    {"id": "16", "name": "Ivan Petrov", "type": "person", "dob": "1970-01-02", "country": "RU",
     "city": "Moscow"},
    {"id": "17", "name": "Maria Petrova", "type": "person", "dob": "1970-01-02", "country": ";"},
    {"id": "18", "name": "Maria Petrova", "type": "robot", "dob": "1970-02-30"},
    {"id": "19", "name": "…", "type": "person"},
    {"id": "20", "name": "Maria Petrova", "type": "vessel", "dob": "~1970..1972"},
]  # fmt: skip


def _expected(row: dict[str, Any], spec: ColumnSpec) -> BookCustomer | str:
    mapping = resolve_columns(spec, HEADER, CLI_FLAGS)
    try:
        query = row_to_query(row, mapping, 7)
    except ClearanceError as exc:
        return exc.message
    used = set(mapping.columns)
    extra = {k: v for k, v in row.items() if k not in used and v not in (None, "")}
    return BookCustomer.from_query(query, extra)


def _checked(checker: RowChecker, row: dict[str, Any]) -> BookCustomer | str:
    try:
        return checker.customer(row, 7)
    except ClearanceError as exc:
        return exc.message


@pytest.mark.parametrize(
    "spec", [ColumnSpec(), ColumnSpec(identifiers=(("city", "passport"),)), ColumnSpec(dob="id")]
)
def test_rows_check_as_the_batch_validates_them(spec: ColumnSpec) -> None:
    checker = RowChecker(resolve_columns(spec, HEADER, CLI_FLAGS))
    for _ in range(2):  # the second time through, from the memo
        for row in ROWS:
            assert _checked(checker, row) == _expected(row, spec), row


def test_refused_values_are_not_memoised() -> None:
    checker = RowChecker(resolve_columns(ColumnSpec(), HEADER, CLI_FLAGS))
    bad = {"id": "1", "name": "Ivan Petrov", "dob": "1970-02-30"}
    assert _checked(checker, bad) == "invalid date '1970-02-30': no such day"
    assert _checked(checker, bad) == "invalid date '1970-02-30': no such day"
    assert _checked(checker, {"id": "2", "name": "Ivan Petrov", "dob": "1970-02-28"}) == (
        BookCustomer("2", "Ivan Petrov", None, "1970-02-28")
    )


def test_a_name_and_type_are_analysed_once_for_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the reverse index keeps of a customer is ``formparts.indexed``'s, its name and type
    analysed once however many customers bear them (their ids and identifiers their own)."""
    analysed: list[tuple[str, str | None]] = []

    def counting(name: str, kind: str | None) -> Any:
        analysed.append((name, kind))
        return formparts.analysis(name, kind)

    monkeypatch.setattr(rowcheck, "analysis", counting)
    checker = RowChecker(resolve_columns(ColumnSpec(), HEADER, CLI_FLAGS))
    customers = [
        BookCustomer("a", "Ivan Petrov", "person"),
        BookCustomer("b", "Ivan Petrov", "person", identifiers=(("passport", "P-1 2"),)),
        BookCustomer("c", "Ivan Petrov", "organization"),
        BookCustomer("d", "Ivan Petrov"),
        BookCustomer("e", "OOO Verus", "organization"),
        BookCustomer("f", "Ivan Petrov"),
        BookCustomer("g", "OOO Verus", "organization", identifiers=((None, "7701"),)),
    ]
    for customer in customers:
        assert checker.indexed(customer) == formparts.indexed(customer), customer
    assert analysed == [("Ivan Petrov", "person"), ("Ivan Petrov", "organization"),
                        ("Ivan Petrov", None), ("OOO Verus", "organization")]  # fmt: skip
