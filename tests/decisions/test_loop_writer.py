"""The API's SQLite receipt writer on the event loop (clearance.audit.loop_writer): receipts
submitted together share a transaction, each caller hears of its receipt only once it is
committed, the chain stays one line while other processes append, a database locked by another
writer is handed to the writer thread (the loop never waits for the lock) without losing the
order, and a bad receipt fails alone."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import time

import pytest

from clearance.audit.log import read_head, verify
from clearance.audit.loop_writer import LoopReceiptWriter
from clearance.audit.writer import write_receipts
from clearance.db import Database
from tests.decisions.dbtools import raw_sql
from tests.decisions.test_writer import WRITER_PROCESS, body, linked

# SQLite only (the fixtures ``db`` and ``db_url`` of tests/decisions/conftest.py)
only_sqlite = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@only_sqlite
def test_concurrent_writes_share_transactions_and_answer_after_commit(
    db: Database, db_url: str
) -> None:
    writer = LoopReceiptWriter(db)

    async def one(i: int) -> tuple[int, bool]:
        seq = await writer.write(body(f"c{i}", i), "svc")
        # answered only once committed: another connection sees it
        return seq, bool(raw_sql(db_url, f"SELECT 1 FROM receipts WHERE id = 'c{i}'"))

    async def main() -> list[tuple[int, bool]]:
        try:
            return await asyncio.gather(*(one(i) for i in range(150)))
        finally:
            await writer.close()

    answers = asyncio.run(main())
    assert sorted(seq for seq, _ in answers) == list(range(1, 151))
    assert all(seen for _, seen in answers)
    assert writer.written == 150 and writer.batches < 150 and writer.handed_over == 0
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 150 and read_head(db) == verdict.head
    assert raw_sql(db_url, "SELECT count(DISTINCT prev_hash) FROM audit_log")[0][0] == 150
    assert linked(db_url) == 150


@only_sqlite
def test_a_locked_database_goes_to_the_thread_in_order_and_never_blocks_the_loop(
    db: Database, db_url: str
) -> None:
    writer = LoopReceiptWriter(db)
    other = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock

    async def main() -> tuple[list[int], float]:
        loop = asyncio.get_running_loop()
        first = [asyncio.ensure_future(writer.write(body(f"a{i}", i), "svc")) for i in range(5)]
        await asyncio.sleep(0.05)
        # the loop still runs (nothing waits on it for the lock) and nothing was answered
        start = loop.time()
        await asyncio.sleep(0.01)
        stalled = loop.time() - start
        assert not any(f.done() for f in first)
        # queued while the thread still holds earlier receipts: behind them, on the thread
        later = [asyncio.ensure_future(writer.write(body(f"b{i}", i), "svc")) for i in range(3)]
        await asyncio.sleep(0.05)
        other.execute("COMMIT")
        seqs = await asyncio.gather(*first, *later)
        return seqs, stalled

    try:
        seqs, stalled = asyncio.run(main())
    finally:
        other.close()
        asyncio.run(writer.close())
    assert stalled < 1.0
    assert writer.handed_over == 8 and writer.written == 0
    assert sorted(seqs) == list(range(1, 9))
    order = [r[0] for r in raw_sql(db_url, "SELECT ref FROM audit_log ORDER BY seq")]
    assert order[5:] == ["b0", "b1", "b2"]  # the later receipts after the earlier ones
    assert verify(db).ok and linked(db_url) == 8

    async def after() -> int:  # the lock free again: back on the loop
        try:
            return await writer.write(body("c"), "svc")
        finally:
            await writer.close()

    assert asyncio.run(after()) == 9 and writer.written == 1


@only_sqlite
def test_with_other_processes_the_chain_never_forks(db: Database, db_url: str) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER_PROCESS, db_url, f"p{n}", "60"])
        for n in range(2)
    ]
    writer = LoopReceiptWriter(db)

    async def main() -> None:
        try:
            for start in range(0, 120, 12):  # while the processes write
                await asyncio.gather(
                    *(writer.write(body(f"a{i}", i), "svc") for i in range(start, start + 12))
                )
                await asyncio.sleep(0.002)
        finally:
            await writer.close()

    asyncio.run(main())
    deadline = time.monotonic() + 180
    assert all(p.wait(timeout=max(1.0, deadline - time.monotonic())) == 0 for p in procs)
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 240 and read_head(db).count == 240
    heads = raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")
    assert heads[0] == (240, 240)
    assert linked(db_url) == 240


@only_sqlite
def test_a_bad_receipt_fails_alone(db: Database) -> None:
    write_receipts(db, [(body("dup"), "svc")])
    writer = LoopReceiptWriter(db)

    async def main() -> list[int | BaseException]:
        try:
            calls = [writer.write(body(r, i), "svc") for i, r in enumerate(["x1", "dup", "x2"])]
            return await asyncio.gather(*calls, return_exceptions=True)
        finally:
            await writer.close()

    first, dup, last = asyncio.run(main())
    assert isinstance(dup, Exception)
    assert sorted([first, last]) == [2, 3]  # type: ignore[type-var]
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 3


def test_needs_a_sqlite_file() -> None:
    db = Database("sqlite:///:memory:")
    with pytest.raises(ValueError, match="SQLite database file"):
        LoopReceiptWriter(db)
    db.dispose()
