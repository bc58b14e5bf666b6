"""The group-commit receipt writer on SQLite and PostgreSQL: concurrent receipts share
transactions yet the chain is exactly one line (every row hashed from its predecessor, no
fork), also with other processes appending at the same time; each receipt's index row points
at its own audit row; a caller hears of its receipt only once it is committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from clearance.audit.log import read_head, verify
from clearance.audit.receipts import load_receipt
from clearance.audit.writer import Pending, ReceiptWriter, receipt_writer, write_receipts
from clearance.db import Database
from tests.decisions.dbtools import raw_sql, receipt_rows
from tests.decisions.test_audit_log import WRITER


def body(rid: str, i: int = 0) -> dict[str, Any]:
    return {"receipt": rid, "kind": "screen", "at": f"2026-01-01T00:00:00.{i:06d}+00:00",
            "snapshot": "snap", "outcome": "no alert", "input_sha256": "0" * 64,
            "subject_key": "k" * 64, "run": None, "input": {"name": rid}}  # fmt: skip


def linked(db_url: str) -> int:
    rows = raw_sql(
        db_url,
        "SELECT count(*) FROM receipts r JOIN audit_log a ON a.seq = r.audit_seq "
        "WHERE a.kind = 'receipt' AND a.ref = r.id",
    )
    return int(rows[0][0])


def test_a_batch_is_one_exact_chain(db: Database, db_url: str) -> None:
    seqs = write_receipts(db, [(body(f"a{i}", i), "svc") for i in range(5)])
    assert seqs == [1, 2, 3, 4, 5]
    assert write_receipts(db, [(body("b"), "bob")]) == [6]
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 6 and read_head(db) == verdict.head
    assert linked(db_url) == 6
    assert load_receipt(db, "a3")["input"] == {"name": "a3"}
    actors = {r[0]: r[3] for r in receipt_rows(db_url)}
    assert actors["b"] == "bob" and actors["a3"] == "svc"


def test_concurrent_submits_are_batched_and_answered_after_commit(
    db: Database, db_url: str
) -> None:
    writer = ReceiptWriter(db)
    committed: list[bool] = []

    def one(i: int) -> int:
        seq = writer.write(body(f"c{i}", i), "svc")
        # answered only once committed: a fresh connection sees it
        committed.append(bool(raw_sql(db_url, f"SELECT 1 FROM receipts WHERE id = 'c{i}'")))
        return seq

    with ThreadPoolExecutor(8) as pool:
        seqs = list(pool.map(one, range(120)))
    assert sorted(seqs) == list(range(1, 121)) and all(committed)
    assert writer.written == 120 and writer.batches < 120  # some receipts shared a commit
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 120
    assert raw_sql(db_url, "SELECT count(DISTINCT prev_hash) FROM audit_log")[0][0] == 120
    assert linked(db_url) == 120


def test_a_bad_receipt_does_not_sink_its_batch(db: Database) -> None:
    write_receipts(db, [(body("dup"), "svc")])
    batch = [Pending(body(r, i), "svc", Future()) for i, r in enumerate(["x1", "dup", "x2"])]
    ReceiptWriter(db)._write(batch)  # one batch: fails as a whole, then one by one
    assert [p.done.result() for p in (batch[0], batch[2])] == [2, 3]
    assert batch[1].done.exception() is not None
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 3


WRITER_PROCESS = """
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from clearance.audit.writer import receipt_writer
from clearance.db import Database
db = Database(sys.argv[1])
name, n = sys.argv[2], int(sys.argv[3])
def one(i):
    body = {"receipt": f"{name}-{i}", "kind": "screen", "at": f"2026-01-01T00:00:00.{i:06d}+00:00",
            "snapshot": "snap", "outcome": "no alert", "input_sha256": "0" * 64,
            "subject_key": None, "run": None, "input": {"name": name}}
    return receipt_writer(db).write(body, name)
with ThreadPoolExecutor(6) as pool:
    list(pool.map(one, range(n)))
"""


def test_group_writers_in_processes_and_transactions_never_fork(db: Database, db_url: str) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER_PROCESS, db_url, f"g{n}", "60"])
        for n in range(2)
    ] + [subprocess.Popen([sys.executable, "-c", WRITER, db_url, f"w{n}", "30"]) for n in range(2)]
    assert all(p.wait(timeout=180) == 0 for p in procs)
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 180 and read_head(db).count == 180
    heads = raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")
    assert heads[0] == (180, 180)
    assert linked(db_url) == 120


def test_one_writer_per_database_and_process(db: Database) -> None:
    assert receipt_writer(db) is receipt_writer(db)


def test_kill_9_of_a_group_writer_leaves_whole_batches(db: Database, db_url: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", WRITER_PROCESS, db_url, "k", "5000"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and read_head(db).count < 50:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    verdict = verify(db)
    written = read_head(db).count
    assert verdict.ok and 50 <= verdict.rows == written < 5000
    # every receipt in the log has its index row and none is without one: whole batches
    assert linked(db_url) == written
    assert raw_sql(db_url, "SELECT count(*) FROM receipts")[0][0] == written
    # and the chain goes on from where it stopped
    assert write_receipts(db, [(body("after"), "svc")]) == [written + 1]
    assert verify(db).ok
