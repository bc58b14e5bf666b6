"""The event loop's receipt writer hashes a batch itself when it knows the chain head
(clearance.audit.row_arrays): it stores exactly what the statements that hash on the server
store, and when another writer moved the head in between, nothing is written twice or forked:
the batch goes again, hashed on the server."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from clearance.audit.async_writer import AsyncReceiptWriter
from clearance.audit.log import read_head, verify
from clearance.audit.receipts import load_receipt
from clearance.audit.row_arrays import row_layout
from clearance.audit.writer import write_receipts
from clearance.db import Database
from tests.decisions.dbtools import raw_sql
from tests.decisions.test_writer import body, linked

only_pg = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
INDEX = "kind, created, actor, snapshot_id, alert, subject_key, input_sha256, run_id"


def odd_receipts(prefix: str) -> list[dict[str, Any]]:
    names = ['a "q" \\ b', "{x,y}", "NULL", "", "Zoë ﬁ ✓", "a,b"]
    return [
        {**body(f"{prefix}{i}", i), "input": {"name": name},
         "subject_key": None if i % 2 else name, "run": None if i % 3 else f"run-{name}",
         "outcome": "alert" if i % 2 else "no alert",
         "at": f"2026-03-0{i + 1}T1{i}:00:00.{i:06d}+0{i}:30"}
        for i, name in enumerate(names)
    ]  # fmt: skip


@only_pg
def test_a_batch_from_a_known_head_stores_what_the_server_hashed_statements_store(
    db: Database, db_url: str
) -> None:
    writer = AsyncReceiptWriter(db)
    receipts = odd_receipts("k")

    async def main() -> list[int]:
        try:
            await writer.write(body("first"), "svc")  # hashed on the server: the head learned
            return await asyncio.gather(*(writer.write(r, "svc") for r in receipts))
        finally:
            await writer.close()

    assert asyncio.run(main()) == list(range(2, 8))
    assert (writer.batches, writer.from_known_head) == (2, 1)
    write_receipts(db, [({**r, "receipt": "p" + r["receipt"]}, "svc") for r in receipts])
    rows = raw_sql(db_url, f"SELECT {INDEX} FROM receipts ORDER BY audit_seq")
    assert rows[1:7] == rows[7:]
    assert [r[1].isoformat() for r in rows[1:3]] == [
        "2026-03-01T09:30:00+00:00", "2026-03-02T09:30:00.000001+00:00"
    ]  # fmt: skip
    bodies = raw_sql(db_url, "SELECT body, at, actor, body_sha256 FROM audit_log ORDER BY seq")
    for mine, theirs in zip(bodies[1:7], bodies[7:], strict=True):
        assert mine[0] == theirs[0].replace('"receipt":"pk', '"receipt":"k')
        assert mine[1:3] == theirs[1:3]
    for r in receipts:
        assert load_receipt(db, r["receipt"])["input"] == r["input"]
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 13 and read_head(db) == verdict.head
    assert linked(db_url) == 13


@only_pg
def test_a_head_moved_by_another_writer_sends_the_batch_again_hashed_on_the_server(
    db: Database, db_url: str
) -> None:
    writer = AsyncReceiptWriter(db)

    async def main() -> list[int]:
        try:
            seqs = [await writer.write(body("w0"), "svc")]
            seqs.append(await writer.write(body("w1", 1), "svc"))  # from the known head
            write_receipts(db, [(body("other", 2), "bob")])  # another writer: seq 3
            seqs += await asyncio.gather(*(writer.write(body(f"x{i}", i), "svc") for i in range(3)))
            seqs.append(await writer.write(body("w2", 9), "svc"))  # known again
            return seqs
        finally:
            await writer.close()

    assert asyncio.run(main()) == [1, 2, 4, 5, 6, 7]
    # the batch after the other writer: sent from the stale head (nothing written), then again
    assert writer.batches == 4 and writer.from_known_head == 2
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 7 and read_head(db) == verdict.head
    assert raw_sql(db_url, "SELECT count(*), count(DISTINCT prev_hash) FROM audit_log")[0] == (7, 7)
    assert linked(db_url) == 7


@only_pg
def test_a_time_without_an_offset_is_read_by_the_server_as_before(db: Database) -> None:
    writer = AsyncReceiptWriter(db)

    async def main() -> list[int]:
        try:
            await writer.write(body("n0"), "svc")
            return [await writer.write({**body("n1"), "at": "2026-01-01T00:00:00"}, "svc")]
        finally:
            await writer.close()

    assert asyncio.run(main()) == [2]
    assert writer.from_known_head == 0 and verify(db).ok


LAYOUT = [("audit_log", 9001, c, t) for c, t in (
    ("seq", 20), ("kind", 1043), ("ref", 1043), ("actor", 1043), ("at", 1043), ("body", 25),
    ("body_sha256", 1043), ("prev_hash", 1043), ("row_hash", 1043))] + [
    ("receipts", 9002, c, t) for c, t in (
    ("id", 1043), ("audit_seq", 20), ("kind", 1043), ("created", 1184), ("actor", 1043),
    ("snapshot_id", 1043), ("alert", 16), ("subject_key", 1043), ("input_sha256", 1043),
    ("run_id", 1043))]  # fmt: skip


def test_the_row_layout_follows_the_catalog_and_refuses_what_it_does_not_know() -> None:
    layout = row_layout(LAYOUT)
    assert layout is not None and (layout.log_type, layout.receipt_type) == (9001, 9002)
    assert [key for key, _, _ in layout.receipt][:4] == ["ref", "seq", "r_kind", "r_created"]
    swapped = [LAYOUT[1], LAYOUT[0], *LAYOUT[2:]]  # the database's column order is followed
    found = row_layout(swapped)
    assert found is not None and [k for k, _, _ in found.log][:2] == ["kind", "seq"]
    assert row_layout([*LAYOUT, ("receipts", 9002, "note", 25)]) is None  # a column more
    assert row_layout(LAYOUT[1:]) is None  # a column less
    assert row_layout([(*r[:3], 700) if r[2] == "body" else r for r in LAYOUT]) is None  # type
    assert row_layout([r for r in LAYOUT if r[0] == "audit_log"]) is None  # no receipts table
