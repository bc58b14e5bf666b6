"""The API's PostgreSQL receipt writer on the event loop (clearance.audit.async_writer): receipts
submitted at once share statements, the chain stays one line while the thread writer and other
processes append too, a caller hears of its receipt only once it is committed, a bad receipt
does not sink its batch, and a database that goes away fails the callers cleanly and is
reconnected to afterwards."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from clearance.audit.async_writer import LONE_GATHERS, AsyncReceiptWriter, psycopg_url
from clearance.audit.log import read_head, verify
from clearance.audit.pg_params import BATCH_FORMATS, BATCH_NAME, BATCH_SQL, text_array
from clearance.audit.receipts import load_receipt
from clearance.audit.writer import ReceiptWriter, write_receipts
from clearance.db import Database
from clearance.db.engine import DatabaseUnavailable
from tests.decisions.dbtools import raw_sql, receipt_rows
from tests.decisions.test_writer import WRITER_PROCESS, body, linked

# PostgreSQL only (the fixtures ``db`` and ``db_url`` of tests/decisions/conftest.py)
only_pg = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


@only_pg
def test_concurrent_writes_share_statements_and_answer_after_commit(
    db: Database, db_url: str
) -> None:
    writer = AsyncReceiptWriter(db)

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
    assert writer.written == 150 and writer.batches < 150  # receipts shared statements
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 150 and read_head(db) == verdict.head
    assert raw_sql(db_url, "SELECT count(DISTINCT prev_hash) FROM audit_log")[0][0] == 150
    assert linked(db_url) == 150


@only_pg
def test_receipts_of_requests_run_while_a_batch_gathers_join_it(db: Database) -> None:
    # a request's receipt waits a few turns of the loop for those of the requests the loop
    # runs next (each a task that screens, then writes); a receipt after a quiet spell goes
    # in a statement of its own
    writer = AsyncReceiptWriter(db)

    async def request(i: int, turns: int) -> int:
        for _ in range(turns):  # the request's work before its receipt
            await asyncio.sleep(0)
        return await writer.write(body(f"g{i}", i), "svc")

    async def main() -> tuple[list[int], int, int]:
        try:
            seqs = await asyncio.gather(*(request(i, i % 2) for i in range(5)))
            first = writer.batches
            await asyncio.sleep(0.05)
            seqs.append(await request(5, 0))
            return seqs, first, writer.batches
        finally:
            await writer.close()

    seqs, first, total = asyncio.run(main())
    assert sorted(seqs) == list(range(1, 7))
    assert (first, total) == (1, 2) and writer.written == 6
    assert verify(db).ok


@only_pg
def test_a_lone_client_stops_gathering_until_receipts_come_together_again(db: Database) -> None:
    writer = AsyncReceiptWriter(db)

    async def main() -> tuple[int, int, int]:
        try:
            for i in range(LONE_GATHERS + 6):  # one client: each receipt alone
                await writer.write(body(f"l{i}", i), "svc")
            lone = writer.gatherings
            # several at once: the first goes at once, the rest queue behind it and gather
            await asyncio.gather(*(writer.write(body(f"m{i}", i), "svc") for i in range(5)))
            batches = writer.batches
            await asyncio.gather(*(writer.write(body(f"n{i}", i), "svc") for i in range(5)))
            return lone, batches, writer.batches
        finally:
            await writer.close()

    lone, batches, total = asyncio.run(main())
    assert lone == LONE_GATHERS  # then sent at once, without waiting for the loop's turns
    assert batches == LONE_GATHERS + 6 + 2
    assert total == batches + 1  # gathering again: five in one statement
    assert verify(db).ok


@only_pg
def test_with_the_thread_writer_and_other_processes_the_chain_never_forks(
    db: Database, db_url: str
) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER_PROCESS, db_url, f"p{n}", "60"])
        for n in range(2)
    ]
    writer = AsyncReceiptWriter(db)
    threaded = ReceiptWriter(db)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(4) as pool:
            side = [
                loop.run_in_executor(pool, threaded.write, body(f"t{i}", i), "svc")
                for i in range(60)
            ]
            await asyncio.gather(*(writer.write(body(f"a{i}", i), "svc") for i in range(90)), *side)
        await writer.close()

    asyncio.run(main())
    assert all(p.wait(timeout=180) == 0 for p in procs)
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 270 and read_head(db).count == 270
    assert raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")[0] == (
        270,
        270,
    )
    assert linked(db_url) == 270


@only_pg
def test_a_bad_receipt_fails_alone(db: Database) -> None:
    write_receipts(db, [(body("dup"), "svc")])
    writer = AsyncReceiptWriter(db)

    async def main() -> list[int | BaseException]:
        try:
            calls = [writer.write(body(r, i), "svc") for i, r in enumerate(["x1", "dup", "x2"])]
            return await asyncio.gather(*calls, return_exceptions=True)
        finally:
            await writer.close()

    first, dup, last = asyncio.run(main())
    assert isinstance(dup, Exception) and not isinstance(dup, DatabaseUnavailable)
    assert sorted([first, last]) == [2, 3]  # type: ignore[type-var]
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 3


@only_pg
def test_an_idle_connection_dropped_is_noticed_and_the_next_receipt_connects_again(
    db: Database, db_url: str
) -> None:
    # (a connection lost with a statement in flight fails its callers: see the test below)
    writer = AsyncReceiptWriter(db)

    async def main() -> None:
        assert await writer.write(body("before"), "svc") == 1
        # the server drops the writer's idle connection (as on a restart or failover); the
        # loop hears of it (the socket turns readable) and lets the connection go
        raw_sql(
            db_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        await asyncio.sleep(0.2)
        assert writer.connections == 0
        assert await writer.write(body("after"), "svc") == 2  # on a new connection
        await writer.close()

    asyncio.run(main())
    db.engine.dispose()  # the pool's connections were dropped too
    assert verify(db).rows == 2


def test_needs_postgresql(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/x.db")
    with pytest.raises(ValueError, match="PostgreSQL"):
        AsyncReceiptWriter(db)
    db.dispose()


@only_pg
def test_one_receipt_through_libpq_stores_what_the_psycopg_statement_stores(
    db: Database, db_url: str
) -> None:
    # a receipt alone goes through the prepared libpq statement (parameters as text); the same
    # receipt through write_receipts (psycopg's adapters) must give the same rows
    alert = {**body("a1", 7), "outcome": "alert", "subject_key": None, "run": "run-1",
             "input": {"name": "Zoë \"Ø\" \\ ' ﬁ"}}  # fmt: skip
    writer = AsyncReceiptWriter(db)

    async def main() -> tuple[int, list[str]]:
        try:
            seq = await writer.write(alert, "svc")
            return seq, await writer.prepared()
        finally:
            await writer.close()

    prepared = ["clearance_append_receipt", "clearance_append_receipt_rows",
                "clearance_append_receipts"]  # fmt: skip
    assert asyncio.run(main()) == (1, prepared) and writer.batches == 1
    write_receipts(db, [({**alert, "receipt": "a2"}, "svc")])
    rows = receipt_rows(db_url)
    assert [r[1:] for r in rows[:1]] == [r[1:] for r in rows[1:]]
    assert rows[0][0] == "a1" and rows[0][5] is True and rows[0][6] is None
    assert rows[0][2].isoformat() == "2026-01-01T00:00:00.000007+00:00"
    bodies = raw_sql(db_url, "SELECT body, at, actor FROM audit_log ORDER BY seq")
    assert bodies[0][0] == bodies[1][0].replace('"a2"', '"a1"') and bodies[0][1:] == bodies[1][1:]
    assert load_receipt(db, "a1")["input"] == alert["input"]
    assert verify(db).ok


@only_pg
def test_a_batch_stores_what_the_psycopg_statement_stores(db: Database, db_url: str) -> None:
    # receipts written together go as one statement with each column an array literal (text);
    # quotes, backslashes, braces, commas, NULL-looking text and NULLs must come back intact
    odd = ['a "q" \\ b', "{x,y}", "NULL", "", "Zoë ﬁ ✓", "a,b"]
    receipts = [
        {**body(f"b{i}", i), "input": {"name": name}, "subject_key": None if i % 2 else name,
         "run": None if i % 3 else f"run-{name}", "outcome": "alert" if i % 2 else "no alert"}
        for i, name in enumerate(odd)
    ]  # fmt: skip
    writer = AsyncReceiptWriter(db)

    async def main() -> list[int]:
        try:
            return await asyncio.gather(*(writer.write(r, "svc") for r in receipts))
        finally:
            await writer.close()

    assert asyncio.run(main()) == list(range(1, 7))
    assert writer.batches == 1  # written in one turn of the loop: gathered into one statement
    write_receipts(db, [({**r, "receipt": "p" + r["receipt"]}, "svc") for r in receipts])
    rows = [r[1:] for r in receipt_rows(db_url)]
    assert rows[:6] == rows[6:]
    bodies = raw_sql(db_url, "SELECT body, at, actor FROM audit_log ORDER BY seq")
    for mine, theirs in zip(bodies[:6], bodies[6:], strict=True):
        assert mine[0] == theirs[0].replace('"receipt":"pb', '"receipt":"b')
        assert mine[1:] == theirs[1:]
    for r in receipts:
        assert load_receipt(db, r["receipt"])["input"] == r["input"]
    assert verify(db).ok


@only_pg
def test_the_batch_sends_exactly_its_text_arrays_in_binary(db: Database) -> None:
    # a binary parameter must be a text[] of the prepared statement (array_recv checks the
    # element type), and every text[] goes binary; what the server reads back is each value
    import psycopg

    with psycopg.connect(psycopg_url(db), autocommit=True) as conn:
        assert conn.pgconn.prepare(BATCH_NAME, BATCH_SQL).status == psycopg.pq.ExecStatus.COMMAND_OK
        described = conn.pgconn.describe_prepared(BATCH_NAME)
        types = [described.param_type(i) for i in range(described.nparams)]
        assert len(types) == len(BATCH_FORMATS)
        text_arrays = conn.execute("SELECT 'text[]'::regtype::oid").fetchone()
        assert text_arrays is not None
        assert [t == text_arrays[0] for t in types] == [f == 1 for f in BATCH_FORMATS]
        values = ['a "q" \\ b', None, "", "{x,y}", "Zoë ﬁ ✓", "NULL"]
        res = conn.pgconn.exec_params(
            b"SELECT x FROM unnest($1::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n",
            [text_array(values)],
            [text_arrays[0]],
            [1],
        )
        assert res.status == psycopg.pq.ExecStatus.TUPLES_OK, res.error_message
        got = [res.get_value(i, 0) for i in range(res.ntuples)]
        assert [None if v is None else bytes(v).decode() for v in got] == values


@only_pg
def test_a_batch_lost_in_flight_fails_every_caller_and_writes_nothing(
    db: Database, db_url: str
) -> None:
    import psycopg

    writer = AsyncReceiptWriter(db)
    url = db_url.replace("postgresql+psycopg://", "postgresql://")
    waiting = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'"
    )

    async def main() -> list[int | BaseException]:
        assert await writer.write(body("first"), "svc") == 1
        with psycopg.connect(url) as holder:  # w3's id taken by an open transaction
            holder.execute(
                "INSERT INTO audit_log (seq, kind, ref, actor, at, body, body_sha256, prev_hash, "
                "row_hash) VALUES (99, 'receipt', 'w3', 'x', 'x', '{}', 'x', 'x', 'x')"
            )
            # w0 goes alone and commits; w1…w4, written at once, gather into one statement,
            # which waits for w3's id
            assert await writer.write(body("w0", 0), "svc") == 2 and writer.batches == 2
            calls = [
                asyncio.ensure_future(writer.write(body(f"w{i}", i), "svc")) for i in range(1, 5)
            ]
            for _ in range(200):
                await asyncio.sleep(0.02)
                if raw_sql(db_url, waiting)[0][0]:
                    break
            assert writer.batches == 2
            raw_sql(  # the server drops the writer's connection, its batch in flight
                db_url,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                "datname = current_database() AND pid NOT IN (pg_backend_pid(), %s)",
                (holder.info.backend_pid,),
            )
            answers = await asyncio.gather(*calls, return_exceptions=True)
            holder.rollback()
        assert await writer.write(body("after"), "svc") == 3  # connected again
        await writer.close()
        return answers

    answers = asyncio.run(main())
    assert len(answers) == 4 and all(isinstance(a, DatabaseUnavailable) for a in answers)
    db.engine.dispose()
    ids = raw_sql(db_url, "SELECT id FROM receipts ORDER BY audit_seq")
    assert ids == [("first",), ("w0",), ("after",)]
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 3


@only_pg
def test_the_writer_does_not_ask_for_the_running_loop_per_receipt(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python 3.11's ``asyncio.get_running_loop`` is a ``getpid`` system call: the writer
    holds its loop, so a connected writer's receipts and batches never ask for it."""
    writer = AsyncReceiptWriter(db)
    asked = []
    running = asyncio.get_running_loop

    def counted() -> asyncio.AbstractEventLoop:
        asked.append(1)
        return running()

    async def main() -> list[int]:
        try:
            first = await writer.write(body("l0", 0), "svc")  # connects
            monkeypatch.setattr(asyncio, "get_running_loop", counted)
            rest = await asyncio.gather(
                *(writer.write(body(f"l{i}", i), "svc") for i in range(1, 30))
            )
            return [first, *rest]
        finally:
            monkeypatch.undo()
            await writer.close()

    assert sorted(asyncio.run(main())) == list(range(1, 31))
    assert asked == [] and writer.batches >= 2
