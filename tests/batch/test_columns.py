"""Column mapping: defaults used when present, explicit columns required, rows -> queries."""

from __future__ import annotations

import pytest

from clearance.batch.columns import (
    ColumnError,
    ColumnSpec,
    parse_identifier_option,
    resolve_columns,
    row_id,
    row_to_query,
)
from clearance.errors import QueryError
from clearance.model import IdType, Schema


def test_defaults_are_used_only_when_present() -> None:
    mapping = resolve_columns(ColumnSpec(), ["name", "dob", "extra"])
    assert (mapping.name, mapping.id, mapping.type, mapping.dob) == ("name", None, None, "dob")
    assert mapping.columns == ("name", "dob")


def test_explicit_columns_must_exist_and_the_message_lists_columns() -> None:
    with pytest.raises(ColumnError, match=r"--type-column 'kind'.*'full_name'"):
        resolve_columns(ColumnSpec(name="full_name", type="kind"), ["full_name"])
    with pytest.raises(ColumnError, match="--name-column"):
        resolve_columns(ColumnSpec(), ["id", "full_name"])
    with pytest.raises(ColumnError, match="--identifier-column 'pp'"):
        resolve_columns(ColumnSpec(identifiers=(("pp", "passport"),)), ["name"])


def test_identifier_option() -> None:
    assert parse_identifier_option("pp_no:Passport") == ("pp_no", "passport")
    assert parse_identifier_option("ref") == ("ref", None)
    with pytest.raises(ColumnError, match="unknown identifier type 'shoe'"):
        parse_identifier_option("x:shoe")


def test_row_to_query_maps_every_role() -> None:
    spec = ColumnSpec(
        id="ref", name="full", type="kind", country="nat", identifiers=(("pp", "passport"),)
    )
    mapping = resolve_columns(spec, ["ref", "full", "kind", "dob", "nat", "pp"])
    row = {"ref": "R1", "full": " Ivan Petrov ", "kind": "individual", "dob": "1960-02",
           "nat": "RU; UA", "pp": "AB123"}  # fmt: skip
    query = row_to_query(row, mapping, 7)
    assert query.name == "Ivan Petrov" and query.schema is Schema.PERSON
    assert query.birth_date is not None and query.birth_date.iso() == "1960-02"
    assert query.countries == ("RU", "UA")
    assert [(i.value, i.type) for i in query.identifiers] == [("AB123", IdType.PASSPORT)]
    assert query.id == "R1"


def test_line_number_is_the_id_without_an_id_column() -> None:
    mapping = resolve_columns(ColumnSpec(), ["name"])
    assert row_id({"name": "x"}, mapping, 12) == "12"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name": "  "}, "name is empty"),
        ({"name": None}, "name is empty"),
        ({"name": "A", "type": "robot"}, "unknown type"),
        ({"name": "A", "dob": "1966-13-45"}, "invalid date"),
        ({"name": "A", "country": "Atlantis"}, "unknown country"),
    ],
)
def test_malformed_rows_raise_query_errors(row: dict[str, str | None], message: str) -> None:
    mapping = resolve_columns(ColumnSpec(), ["name", "type", "dob", "country"])
    with pytest.raises(QueryError, match=message):
        row_to_query(row, mapping, 1)
