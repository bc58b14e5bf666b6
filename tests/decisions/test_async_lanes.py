"""The event loop's PostgreSQL receipt writer over two connections (``lanes``): while one
batch's statement is in flight, the next is sent on the other connection and waits in its
backend for the chain head's row lock, so it runs the moment the first commits; the chain stays
one line (with other processes appending too), every caller is answered after its own commit,
and a second connection that cannot be opened leaves the first to carry the receipts."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any

import psycopg
import pytest

from clearance.audit.async_writer import AsyncReceiptWriter, psycopg_url
from clearance.audit.log import read_head, verify
from clearance.db import Database
from tests.decisions.dbtools import raw_sql
from tests.decisions.test_writer import WRITER_PROCESS, body, linked

only_pg = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)

WAITING = (
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND wait_event_type = 'Lock'"
)


async def _until_waiting(db_url: str, count: int) -> int:
    """Wait (up to 4 s) until ``count`` backends wait for a lock; how many do."""
    found = 0
    for _ in range(200):
        found = int(raw_sql(db_url, WAITING)[0][0])
        if found >= count:
            break
        await asyncio.sleep(0.02)
    return found


def _hold_head(db: Database) -> psycopg.Connection[Any]:
    """A connection holding the chain head's row lock in an open transaction."""
    holder = psycopg.connect(psycopg_url(db))
    holder.execute("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
    return holder


@only_pg
def test_the_next_batch_waits_in_its_backend_while_the_first_commits(
    db: Database, db_url: str
) -> None:
    writer = AsyncReceiptWriter(db)

    async def main() -> tuple[list[int], int]:
        try:
            assert await writer.write(body("first"), "svc") == 1  # one connection so far
            holder = _hold_head(db)
            try:
                a = asyncio.ensure_future(writer.write(body("a", 1), "svc"))
                assert await _until_waiting(db_url, 1) == 1  # a's statement waits for the head
                rest = [
                    asyncio.ensure_future(writer.write(body(f"b{i}", i), "svc")) for i in range(3)
                ]
                # the next batch goes on a second connection at once: its statement waits too
                waiting = await _until_waiting(db_url, 2)
                assert not a.done() and not any(r.done() for r in rest)
            finally:
                holder.commit()
                holder.close()
            return list(await asyncio.gather(a, *rest)), waiting
        finally:
            await writer.close()

    seqs, waiting = asyncio.run(main())
    assert waiting == 2 and writer.connections == 0  # closed
    assert seqs[0] == 2 and sorted(seqs[1:]) == [3, 4, 5]
    assert writer.batches == 3 and writer.behind == 1
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 5 and read_head(db) == verdict.head
    assert linked(db_url) == 5


@only_pg
def test_clients_in_waves_over_two_connections_and_other_processes_never_fork_the_chain(
    db: Database, db_url: str
) -> None:
    # six clients, each one request after the other (0 to 2 ms of "screening" between), so
    # batches overlap on the two connections (surely at first, while the head is held; then as
    # the machine's load lets them); two other processes append as well
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER_PROCESS, db_url, f"p{n}", "50"])
        for n in range(2)
    ]
    writer = AsyncReceiptWriter(db)

    async def client(c: int) -> list[int]:
        seqs = []
        for i in range(40):
            await asyncio.sleep((c * 7 + i * 3) % 5 * 0.0005)
            seqs.append(await writer.write(body(f"c{c}-{i}", i), "svc"))
        return seqs

    async def main() -> list[list[int]]:
        try:
            holder = _hold_head(db)  # at first: so that batches surely overlap, whatever the load
            try:
                clients = asyncio.gather(*(client(c) for c in range(6)))
                for _ in range(400):
                    await asyncio.sleep(0.01)
                    if writer.behind:
                        break
            finally:
                holder.commit()
                holder.close()
            return await clients
        finally:
            await writer.close()

    answers = asyncio.run(main())
    assert all(p.wait(timeout=180) == 0 for p in procs)
    seqs = [s for one in answers for s in one]
    assert len(set(seqs)) == 240 and writer.written == 240
    assert writer.behind > 0  # batches were in flight on both connections at once
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 340 and read_head(db).count == 340
    distinct = raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")
    assert distinct[0] == (340, 340)
    assert linked(db_url) == 340
    # each caller's seq is its own receipt's row
    rows = dict(raw_sql(db_url, "SELECT ref, seq FROM audit_log"))
    assert all(rows[f"c{c}-{i}"] == answers[c][i] for c in range(6) for i in range(40))


@only_pg
def test_a_second_connection_that_cannot_be_opened_leaves_the_receipts_to_the_first(
    db: Database, db_url: str
) -> None:
    writer = AsyncReceiptWriter(db)

    async def main() -> list[int]:
        try:
            assert await writer.write(body("first"), "svc") == 1
            # from now on a new connection is refused (no such database)
            url = db.engine.url.set(drivername="postgresql", database="no_such_database")
            writer._url = url.render_as_string(hide_password=False)
            holder = _hold_head(db)
            try:
                a = asyncio.ensure_future(writer.write(body("a", 1), "svc"))
                assert await _until_waiting(db_url, 1) == 1
                b = asyncio.ensure_future(writer.write(body("b", 2), "svc"))
                for _ in range(100):  # the second connection is tried, and refused
                    await asyncio.sleep(0.02)
                    if writer.gatherings == 3 and writer._gathering is None:
                        break
                await asyncio.sleep(0.3)
                assert writer.connections == 1 and writer._connecting is None
                assert not b.done()  # b waits for the first connection, not failed
            finally:
                holder.commit()
                holder.close()
            return list(await asyncio.gather(a, b))
        finally:
            await writer.close()

    assert asyncio.run(main()) == [2, 3]
    assert writer.behind == 0 and writer.batches == 3
    assert verify(db).rows == 3
