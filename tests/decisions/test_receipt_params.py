"""The event-loop writer's statement parameters (clearance.audit.async_writer): each receipt's
values built once as bytes (``receipt_row``) are exactly the thread writer's values
(``writer.pg_row``) in PostgreSQL's text form, for the one-row statement and for a batch's
arrays — quotes, backslashes, non-ASCII text and NULLs included. No database needed."""

from __future__ import annotations

from typing import Any

from clearance.audit.pg_params import (
    BATCH_FORMATS,
    BATCH_PARAMS,
    ONE_PARAMS,
    array_literal,
    batch_params,
    one_params,
    receipt_row,
    text_array,
)
from clearance.audit.writer import pg_row

ODD = ['a "q" \\ b', "Zoë ﬁ ✓", "{x,y}", "NULL", ""]


def odd_body(i: int) -> dict[str, Any]:
    return {"receipt": f"r{i}-{ODD[i % 5]}", "kind": "screen" if i % 2 else "alert",
            "at": f"2026-01-01T00:00:00.{i:06d}+00:00", "snapshot": f"snap {ODD[i % 5]}",
            "outcome": "alert" if i % 3 == 0 else "no alert", "input_sha256": f"{i:064d}",
            "subject_key": None if i % 4 == 0 else ODD[(i + 1) % 5],
            "run": None if i % 2 else f"run {ODD[i % 5]}",
            "input": {"name": ODD[i % 5], "n": i}}  # fmt: skip


def text(value: Any) -> str | None:
    """A value of ``pg_row`` as the statement reads it (PostgreSQL's text form)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value.isoformat())


def expected(body: dict[str, Any], actor: str) -> dict[str, str | None]:
    row = pg_row(body, actor)
    row["r_id"] = row["ref"]
    return {k: text(v) for k, v in row.items()}


def decoded(values: list[bytes | None]) -> list[str | None]:
    return [None if v is None else v.decode() for v in values]


def test_one_receipt_sends_the_thread_writers_values() -> None:
    for i in range(10):
        body, actor = odd_body(i), f"actor {ODD[i % 5]}"
        want = expected(body, actor)
        assert decoded(one_params(receipt_row(body, actor))) == [want[n] for n in ONE_PARAMS]


def test_a_batch_sends_the_thread_writers_values_column_by_column() -> None:
    bodies = [(odd_body(i), f"actor {ODD[i % 5]}") for i in range(7)]
    wanted = [expected(b, a) for b, a in bodies]
    params = batch_params([receipt_row(b, a) for b, a in bodies])
    assert len(params) == len(BATCH_PARAMS) == len(BATCH_FORMATS)
    for name, binary, param in zip(BATCH_PARAMS, BATCH_FORMATS, params, strict=True):
        column = [w[name] for w in wanted]
        if binary:
            assert param == text_array(column), name
        else:
            # times and t/f: nothing to escape
            assert param == ("{" + ",".join(f'"{v}"' for v in column) + "}").encode(), name


def test_an_array_literal_escapes_quotes_and_backslashes() -> None:
    assert array_literal([b'a "q" \\ b', None, b""]) == b'{"a \\"q\\" \\\\ b",NULL,""}'


def test_the_body_is_sent_as_canonical_json_bytes() -> None:
    body = odd_body(3)
    row = dict(zip(BATCH_PARAMS, receipt_row(body, "svc"), strict=True))
    assert row["body"] == pg_row(body, "svc")["body"].encode()
    assert set(row) == {"kind", "ref", "actor", "at", "body_sha256", "body"}  # the audit row's
