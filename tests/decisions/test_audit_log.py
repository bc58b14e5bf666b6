"""The audit log on SQLite and PostgreSQL: tampering with the file or the table directly is
reported at the first bad row; the saved head catches a wholesale rewrite; concurrent writer
processes never fork the chain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clearance.audit.chain import Head
from clearance.audit.log import Event, append, read_head, verify
from clearance.db import Database
from tests.decisions.dbtools import raw_sql


def fill(db: Database, n: int, actor: str = "ana") -> None:
    for i in range(n):
        with db.session(write=True) as s:
            append(s, [Event("case", str(i % 3), actor, {"event": "comment", "text": f"note {i}"})])


def test_appends_chain_and_verify(db: Database) -> None:
    fill(db, 6)
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 6
    assert read_head(db) == verdict.head


@pytest.mark.parametrize(
    ("sql", "seq", "what"),
    [
        (
            "UPDATE audit_log SET body = replace(body, 'note 2', 'note X') WHERE seq = 3",
            3,
            "edited",
        ),
        ("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4", 4, "edited"),
        ("DELETE FROM audit_log WHERE seq = 2", 2, "deleted"),
        ("DELETE FROM audit_log WHERE seq = 6", 6, "deleted"),
        ("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 4", 4, "deleted"),
    ],
)
def test_direct_tampering_is_found(
    db: Database, db_url: str, sql: str, seq: int, what: str
) -> None:
    fill(db, 6)
    raw_sql(db_url, sql)
    verdict = verify(db)
    assert not verdict.ok and verdict.problem is not None
    assert (verdict.problem.seq, verdict.problem.what) == (seq, what), verdict.problem


def test_reordered_and_inserted_rows_are_found(db: Database, db_url: str) -> None:
    fill(db, 6)
    cols = "kind, ref, actor, at, body, body_sha256, prev_hash, row_hash"
    # swap rows 2 and 3 (contents), keeping the numbering
    raw_sql(db_url, "UPDATE audit_log SET seq = 1002 WHERE seq = 2")
    raw_sql(db_url, "UPDATE audit_log SET seq = 2 WHERE seq = 3")
    raw_sql(db_url, "UPDATE audit_log SET seq = 3 WHERE seq = 1002")
    verdict = verify(db)
    assert verdict.problem is not None and verdict.problem.seq == 2
    assert verdict.problem.what == "inserted or reordered"
    # an extra row at the end (the head row not updated)
    raw_sql(db_url, "UPDATE audit_log SET seq = 1003 WHERE seq = 3")
    raw_sql(db_url, "UPDATE audit_log SET seq = 3 WHERE seq = 2")
    raw_sql(db_url, "UPDATE audit_log SET seq = 2 WHERE seq = 1003")
    assert verify(db).ok
    raw_sql(
        db_url, f"INSERT INTO audit_log (seq, {cols}) SELECT 7, {cols} FROM audit_log WHERE seq = 6"
    )
    verdict = verify(db)
    assert verdict.problem is not None and verdict.problem.seq == 7


def test_saved_head_detects_a_rewritten_chain(db: Database, db_url: str, tmp_path: Path) -> None:
    fill(db, 4)
    saved = read_head(db)
    fill(db, 2)
    assert verify(db, saved).ok
    # rewrite everything consistently (as someone with the code and the database could)
    raw_sql(db_url, "DELETE FROM audit_log")
    raw_sql(db_url, "UPDATE audit_head SET seq = 0, hash = %s", ("0" * 64,))
    fill(db, 6, actor="mallory")
    assert verify(db).ok  # internally consistent...
    verdict = verify(db, saved)
    assert verdict.problem is not None and verdict.problem.what == "rewritten"
    assert verify(db, Head(9, "f" * 64)).problem.what == "truncated"  # type: ignore[union-attr]


WRITER = """
import sys
from clearance.audit.log import Event, append
from clearance.db import Database
db = Database(sys.argv[1])
for i in range(int(sys.argv[3])):
    with db.session(write=True) as s:
        append(s, [Event("case", sys.argv[2], sys.argv[2], {"event": "comment", "i": i})])
"""


def test_concurrent_writer_processes_never_fork_the_chain(db: Database, db_url: str) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, db_url, f"w{n}", "30"]) for n in range(3)
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 90
    heads = raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")
    assert heads[0] == (90, 90)  # every row links to a different predecessor: no fork


RECEIPT_WRITER = """
import sys
from clearance.audit.receipts import write_receipt
from clearance.db import Database
db = Database(sys.argv[1])
for i in range(int(sys.argv[3])):
    rid = f"{sys.argv[2]}-{i}"
    body = {"receipt": rid, "kind": "screen", "at": f"2026-01-01T00:00:00.{i:06d}+00:00",
            "snapshot": "snap", "outcome": "no alert", "input_sha256": "0" * 64,
            "subject_key": None, "run": None, "input": {"name": sys.argv[2]}}
    with db.session(write=True, single=True) as s:  # PostgreSQL: one autocommit statement
        write_receipt(s, body, sys.argv[2])
"""


def test_single_statement_receipts_and_transactions_interleave_without_a_fork(
    db: Database, db_url: str
) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", RECEIPT_WRITER, db_url, f"r{n}", "40"])
        for n in range(2)
    ] + [subprocess.Popen([sys.executable, "-c", WRITER, db_url, f"w{n}", "40"]) for n in range(2)]
    assert all(p.wait(timeout=180) == 0 for p in procs)
    verdict = verify(db)
    assert verdict.ok and verdict.rows == 160 and read_head(db).count == 160
    heads = raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")
    assert heads[0] == (160, 160)
    # every receipt's index row points at its own audit row
    linked = raw_sql(
        db_url,
        "SELECT count(*) FROM receipts r JOIN audit_log a ON a.seq = r.audit_seq "
        "WHERE a.kind = 'receipt' AND a.ref = r.id",
    )
    assert linked[0][0] == 80


def test_a_receipt_adds_two_index_entries_and_case_history_still_uses_its_index(
    db: Database, db_url: str
) -> None:
    from sqlalchemy import inspect

    from clearance.audit.log import entries
    from clearance.audit.tables import EVENT_ROWS
    from clearance.audit.writer import write_receipts
    from tests.decisions.test_writer import body

    # a receipt: the audit log's primary key and its unique receipt index (no receipts table,
    # a view); the audit log's (kind, ref) index leaves receipts out
    assert "receipts" not in inspect(db.engine).get_table_names()
    assert "receipts" in inspect(db.engine).get_view_names()
    write_receipts(db, [(body("r1"), "svc")])
    fill(db, 4)
    kind_ref, receipt = sorted(inspect(db.engine).get_indexes("audit_log"), key=lambda i: i["name"])
    assert kind_ref["name"] == "ix_audit_log_kind_ref" and not kind_ref["unique"]
    assert receipt["name"] == "ux_audit_log_receipt" and receipt["unique"]
    assert receipt["column_names"] == ["ref"]
    assert [e["body"]["text"] for e in entries(db, "case", "1")] == ["note 1"]
    with pytest.raises(ValueError, match="looked up by id"):
        entries(db, "receipt", "r1")
    # the history query names the index's predicate, so even a generic plan can use it
    query = "SELECT seq FROM audit_log WHERE kind = {k} AND ref = {r} AND " + EVENT_ROWS
    if db_url.startswith("sqlite"):
        plan = raw_sql(db_url, "EXPLAIN QUERY PLAN " + query.format(k="?", r="?"), ("case", "1"))
    else:
        import psycopg

        with psycopg.connect(db_url.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute("SET plan_cache_mode = force_generic_plan")
            conn.execute("SET enable_seqscan = off")
            conn.execute("PREPARE history(text, text) AS " + query.format(k="$1", r="$2"))
            plan = conn.execute("EXPLAIN EXECUTE history('case', '1')").fetchall()
    assert "ix_audit_log_kind_ref" in str(plan)
    # a receipt found by id through the view: the unique receipt index
    lookup = "SELECT audit_seq FROM receipts WHERE id = {r}"
    if db_url.startswith("sqlite"):
        plan = raw_sql(db_url, "EXPLAIN QUERY PLAN " + lookup.format(r="?"), ("r1",))
    else:
        with psycopg.connect(db_url.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute("SET plan_cache_mode = force_generic_plan")
            conn.execute("SET enable_seqscan = off")
            conn.execute("PREPARE receipt(text) AS " + lookup.format(r="$1"))
            plan = conn.execute("EXPLAIN EXECUTE receipt('r1')").fetchall()
    assert "ux_audit_log_receipt" in str(plan)
    assert raw_sql(db_url, lookup.format(r="'r1'")) == [(1,)]
