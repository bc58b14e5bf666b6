"""The event loop's receipt writer hashes a batch itself when it knows the chain head
(clearance.audit.row_arrays): it stores exactly what the statements that hash on the server
store, and when another writer moved the head in between, nothing is written twice or forked:
the batch goes again, hashed on the server."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Coroutine
from datetime import UTC
from typing import Any

import pytest
from psycopg import pq

from clearance.audit.async_writer import AsyncReceiptWriter, _Pending
from clearance.audit.chain import row_hash
from clearance.audit.log import read_head, verify
from clearance.audit.pg_params import ROW_COLUMNS, receipt_row
from clearance.audit.receipts import load_receipt
from clearance.audit.row_arrays import LAYOUT_SQL, SEQ, row_layout, rows_params
from clearance.audit.writer import write_receipts
from clearance.db import Database
from tests.decisions.dbtools import raw_sql, receipt_rows
from tests.decisions.test_writer import body, linked

only_pg = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


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
    rows = [r[1:] for r in receipt_rows(db_url)]
    assert rows[1:7] == rows[7:]
    assert [r[1].astimezone(UTC).isoformat() for r in rows[1:3]] == [
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

    async def batch(prefix: str, n: int) -> list[int]:
        return list(await asyncio.gather(*(writer.write(body(f"{prefix}{i}", i), "svc")
                                           for i in range(n))))  # fmt: skip

    async def main() -> list[int]:
        try:
            seqs = [await writer.write(body("alone"), "svc")]  # alone: hashed on the server
            seqs += await batch("w", 2)  # from the known head
            write_receipts(db, [(body("other", 2), "bob")])  # another writer: seq 4
            seqs += await batch("x", 3)
            seqs += await batch("y", 2)  # known again
            return seqs
        finally:
            await writer.close()

    assert asyncio.run(main()) == [1, 2, 3, 5, 6, 7, 8, 9]
    # the batch after the other writer: sent from the stale head (nothing written), then again
    assert writer.batches == 4 and writer.from_known_head == 2
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 9 and read_head(db) == verdict.head
    assert raw_sql(db_url, "SELECT count(*), count(DISTINCT prev_hash) FROM audit_log")[0] == (9, 9)
    assert linked(db_url) == 9


@only_pg
def test_a_time_without_an_offset_is_stored_as_written(db: Database, db_url: str) -> None:
    # the receipts table has no timestamp to cast it to: the batch goes from the known head
    writer = AsyncReceiptWriter(db)

    async def main() -> list[int]:
        try:
            await writer.write(body("n0"), "svc")
            naive = {**body("n1"), "at": "2026-01-01T00:00:00"}
            return list(await asyncio.gather(writer.write(naive, "svc"),
                                             writer.write(body("n2", 2), "svc")))  # fmt: skip
        finally:
            await writer.close()

    assert asyncio.run(main()) == [2, 3] and writer.batches == 2
    assert writer.from_known_head == 1 and verify(db).ok
    at = raw_sql(db_url, "SELECT at FROM audit_log WHERE ref = 'n1'")
    assert at == [("2026-01-01T00:00:00",)] and load_receipt(db, "n1")["at"] == at[0][0]


LAYOUT = [("audit_log", 9001, c, t) for c, t in (
    ("seq", 20), ("kind", 1043), ("ref", 1043), ("actor", 1043), ("at", 1043), ("body", 25),
    ("body_sha256", 1043), ("prev_hash", 1043), ("row_hash", 1043))]  # fmt: skip


def test_the_row_layout_follows_the_catalog_and_refuses_what_it_does_not_know() -> None:
    layout = row_layout(LAYOUT)
    assert layout is not None and layout.log_type == 9001 and layout.usual
    at = ROW_COLUMNS.index
    swapped = [LAYOUT[1], LAYOUT[0], *LAYOUT[2:]]  # the database's column order is followed
    found = row_layout(swapped)
    assert found is not None and [w for w, _, _ in found.log][:2] == [at("kind"), SEQ]
    assert found is not None and not found.usual
    assert row_layout([*LAYOUT, ("audit_log", 9001, "note", 25)]) is None  # a column more
    assert row_layout(LAYOUT[1:]) is None  # a column less
    assert row_layout([(*r[:3], 700) if r[2] == "body" else r for r in LAYOUT]) is None  # type
    assert row_layout([]) is None  # no audit log


def test_the_rows_are_hashed_as_the_chain_hashes_them() -> None:
    layout = row_layout(LAYOUT)
    assert layout is not None
    receipts = odd_receipts("h")
    rows = [receipt_row(r, "svc") for r in receipts]
    params, head = rows_params(layout, (41, b"f" * 64), rows)
    prev = "f" * 64
    for seq, r in enumerate(receipts, start=42):
        digest = row_hash(seq, "receipt", r["receipt"], "svc", r["at"],
                          rows[seq - 42][ROW_COLUMNS.index("body_sha256")].decode(), prev)  # type: ignore[union-attr]  # fmt: skip
        assert digest.encode() in params[4]  # type: ignore[operator]
        prev = digest
    assert head == (47, prev.encode()) and params[:4] == [b"41", b"f" * 64, b"47", prev.encode()]


def _run(work: Coroutine[Any, Any, list[int]], writer: AsyncReceiptWriter) -> list[int]:
    async def main() -> list[int]:
        try:
            return await work
        finally:
            await writer.close()

    return asyncio.run(main())


async def _two_batches_behind_a_holder(
    writer: AsyncReceiptWriter, db: Database, db_url: str, append: bool
) -> list[int]:
    """A batch of two sent while another connection holds the head (``append``: and appends a
    row), then a batch of three on the writer's second connection behind it; their seqs."""
    from tests.decisions.test_async_lanes import _hold_head, _until_waiting

    assert await writer.write(body("first"), "svc") == 1  # hashed on the server: head learned
    holder = _hold_head(db)
    try:
        first = [asyncio.ensure_future(writer.write(body(f"a{i}", i), "svc")) for i in range(2)]
        assert await _until_waiting(db_url, 1) == 1
        rest = [asyncio.ensure_future(writer.write(body(f"b{i}", i), "svc")) for i in range(3)]
        assert await _until_waiting(db_url, 2) == 2  # the second waits for the head too
        if append:
            holder.execute(
                "INSERT INTO audit_log (seq, kind, ref, actor, at, body, body_sha256, prev_hash, "
                "row_hash) SELECT seq + 1, 'note', 'x', 'bob', 'now', '{}', 'b', hash, 'h' "
                "FROM audit_head WHERE id = 1"
            )
            holder.execute("UPDATE audit_head SET seq = seq + 1, hash = 'h' WHERE id = 1")
    finally:
        holder.commit()
        holder.close()
    return list(await asyncio.gather(*first, *rest))


@only_pg
def test_a_batch_sent_behind_another_is_hashed_on_the_server_and_the_head_learned_again(
    db: Database, db_url: str
) -> None:
    writer = AsyncReceiptWriter(db)
    assert _run(_two_batches_behind_a_holder(writer, db, db_url, append=False), writer) == [
        2, 3, 4, 5, 6
    ]  # fmt: skip
    # the first from the known head, the one behind it hashed on the server (its check would
    # see the head the database shows before the first commits, and write nothing)
    assert (writer.batches, writer.from_known_head, writer.stale, writer.behind) == (3, 1, 0, 1)
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 6 and read_head(db) == verdict.head
    assert linked(db_url) == 6


@only_pg
def test_a_batch_sent_from_a_head_moved_meanwhile_goes_again_and_never_forks(
    db: Database, db_url: str
) -> None:
    writer = AsyncReceiptWriter(db)
    seqs = _run(_two_batches_behind_a_holder(writer, db, db_url, append=True), writer)
    # row 2 is the holder's; the stale batch went again (before or after the one behind it)
    assert sorted(seqs) == [3, 4, 5, 6, 7] and seqs[1] == seqs[0] + 1
    assert writer.stale == 1 and writer.from_known_head == 0 and writer.batches == 3
    verdict = verify(db)
    assert not verdict.ok and verdict.problem is not None and verdict.problem.seq == 2
    rows = raw_sql(db_url, "SELECT count(*), count(DISTINCT prev_hash) FROM audit_log")[0]
    assert rows == (7, 7)
    assert raw_sql(db_url, "SELECT count(*) FROM receipts")[0][0] == 6 and linked(db_url) == 6


def test_the_usual_tables_records_are_the_column_by_column_ones() -> None:
    layout = row_layout(LAYOUT)
    assert layout is not None and layout.usual
    rows = [receipt_row(r, f"actor-{i}") for i, r in enumerate(odd_receipts("u"))]
    generic = dataclasses.replace(layout, usual=False)
    assert rows_params(layout, (7, b"c" * 64), rows) == rows_params(generic, (7, b"c" * 64), rows)
    swapped = row_layout([LAYOUT[1], LAYOUT[0], *LAYOUT[2:]])
    assert swapped is not None and not swapped.usual


@only_pg
def test_the_migrated_tables_are_the_usual_ones(db: Database, db_url: str) -> None:
    db.upgrade()
    found = raw_sql(db_url, LAYOUT_SQL.decode())
    layout = row_layout([(t, int(rt), c, int(ct)) for t, rt, c, ct in found])
    assert layout is not None and layout.usual


class _Result:
    """A statement's result as the writer reads it: the new head's seq and hash."""

    status = pq.ExecStatus.TUPLES_OK
    ntuples = nfields = 2

    def __init__(self, seq: int, digest: bytes) -> None:
        self.row = (str(seq).encode(), digest)

    def get_value(self, row: int, column: int) -> bytes:
        return self.row[column]


def test_the_head_is_the_highest_any_result_gave_whichever_is_read_first() -> None:
    # two statements hashed on the server, one per connection: the second sent may commit
    # first, and the loop may read the first's result first; the head is the later commit's
    async def main() -> tuple[int, bytes] | None:
        writer = AsyncReceiptWriter(_FakeDb())  # type: ignore[arg-type]
        loop = asyncio.get_running_loop()
        first, second = writer._lanes
        for lane, seq, digest in ((first, 7, b"a" * 64), (second, 5, b"b" * 64)):
            lane.flight = [_Pending({}, "svc", loop.create_future())]
            lane.results = [_Result(seq, digest)]  # type: ignore[list-item]
        writer._finished(first)
        writer._finished(second)
        return writer._head

    assert asyncio.run(main()) == (7, b"a" * 64)


class _FakeDb:
    is_postgres = True

    class engine:  # noqa: N801 - what psycopg_url reads
        class url:  # noqa: N801
            @staticmethod
            def set(**_: Any) -> Any:
                return _FakeDb.engine.url

            @staticmethod
            def render_as_string(hide_password: bool) -> str:
                return "postgresql://x@127.0.0.1/x"
