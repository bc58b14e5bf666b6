"""One function renders names for the query and the index: legal-form splits and consonant
skeletons are decided in one place; identifier matching has one owner."""

from __future__ import annotations

from clearance.matching.features import identifier_holders
from clearance.matching.forms import legal_form_splits, name_forms, query_forms
from clearance.matching.index import KIND_LATIN, KIND_NATIVE, KIND_SKELETON
from clearance.matching.index_build import IndexBuilder
from clearance.matching.query import make_query
from clearance.model import Schema
from tests.matching.factory import e


def _forms(text: str, schema: Schema | None, *, query: bool) -> list[tuple[tuple[str, ...], int]]:
    return [(form.tokens, kind) for form, kind in name_forms(text, schema, query=query)]


def test_legal_forms_split_by_type() -> None:
    assert legal_form_splits(Schema.PERSON) == (False,)
    assert legal_form_splits(Schema.ORGANIZATION) == (True,)
    assert legal_form_splits(None) == (True, False)  # a query that does not say
    person = _forms("Petrov A. S.", Schema.PERSON, query=False)
    assert ("petrov", "a", "s") in [t for t, _ in person]
    org = [t for t, k in _forms("Verus A.S.", Schema.ORGANIZATION, query=False) if k == KIND_LATIN]
    assert org == [("verus",)]


def test_skeletons_where_each_side_needs_them() -> None:
    listed = _forms("Muhammad Reza Javad", Schema.PERSON, query=False)
    assert [k for _, k in listed] == [KIND_LATIN, KIND_SKELETON]
    assert _forms("Muhammad Reza Javad", Schema.PERSON, query=True) == [listed[0]]
    vessel = _forms("Muhammad Reza Javad", Schema.VESSEL, query=False)
    assert [k for _, k in vessel] == [KIND_LATIN]
    arabic = _forms("محمد رضا جواد", Schema.PERSON, query=True)
    assert [k for _, k in arabic][:2] == [KIND_NATIVE, KIND_SKELETON]


def test_index_records_are_the_shared_forms() -> None:
    builder = IndexBuilder("t")
    builder.add(e("person", "Muhammad Reza Javad", source_id="m"))
    index = builder.build()
    records = list(zip(index.rec_tokens, index.rec_kind, strict=True))
    assert records == _forms("Muhammad Reza Javad", Schema.PERSON, query=False)


def test_query_skeleton_trusted_less() -> None:
    forms = query_forms(make_query("محمد رضا جواد"))
    native = next(f for f in forms if f.kind == KIND_NATIVE)
    skel = next(f for f in forms if f.kind == KIND_SKELETON)
    assert native.trust == 1.0 and 0.0 < skel.trust < 1.0


def test_identifier_holders_in_query_order() -> None:
    query = make_query("X", identifiers=["ab-12 34", "zz999"])
    table = {"ZZ999": [5, 2], "AB1234": [7, 5]}
    assert identifier_holders(query, table) == [7, 5, 2]
