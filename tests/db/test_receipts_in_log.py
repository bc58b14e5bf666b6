"""A receipt's index row is its audit row (migration ``20261207_receipts_in_log``): a database
whose receipts were written with the table ``receipts`` upgrades, the table becomes a view over
the log's receipt rows, its receipts and the ones written after — by every writer — are found
and read, no two receipts share an id, and the chain verifies, through the CLI too, over rows
written before and after; the downgrade creates the table again, filled from the log. A table
row that does not name its receipt's audit row stops the upgrade."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import column as col
from sqlalchemy import insert, inspect, table
from typer.testing import CliRunner

from clearance.audit.async_writer import AsyncReceiptWriter
from clearance.audit.log import Event, append, read_head, verify
from clearance.audit.receipts import RECEIPT, load_receipt, write_receipt
from clearance.audit.writer import write_receipts
from clearance.cli.main import app
from clearance.db import Database
from clearance.db.engine import DatabaseError, forget_databases
from clearance.db.migrate import alembic_config, status
from tests.decisions.dbtools import raw_sql, receipt_rows
from tests.decisions.test_writer import body

BEFORE = "20261206_receipts_lean"
_table = table("receipts", col("id"), col("audit_seq"))


def old_receipt(conn: Any, data: dict[str, Any], actor: str) -> int:
    """A receipt as the code before the migration wrote it: audit row plus index row."""
    (row,) = append(conn, [Event(RECEIPT, data["receipt"], actor, data)])
    conn.execute(insert(_table), {"id": data["receipt"], "audit_seq": row["seq"]})
    return int(row["seq"])


def kinds(db: Database) -> tuple[list[str], list[str]]:
    found = inspect(db.engine)
    return found.get_table_names(), found.get_view_names()


def before(db: Database) -> None:
    with db.connect(write=True) as conn:
        command.upgrade(alembic_config(conn), BEFORE)


async def _loop_writes(db: Database, first: int) -> list[int]:
    writer = AsyncReceiptWriter(db)
    try:
        one = await writer.write(body("loop0", first), "svc")  # alone: the one-row statement
        many = await asyncio.gather(  # together: a batch (from the head it knows, then)
            *(writer.write(body(f"loop{i}", first + i), "svc") for i in range(1, 4))
        )
        return [one, *many]
    finally:
        await writer.close()


def test_an_upgraded_database_keeps_its_receipts_and_its_chain(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    try:
        before(db)
        assert "receipts" in kinds(db)[0]
        with db.connect(write=True) as conn:
            assert old_receipt(conn, body("old1", 1), "ana") == 1
            append(conn, [Event("case", "7", "ana", {"note": "not a receipt"})])
            assert old_receipt(conn, body("old2", 2), "bob") == 3
        assert "20261207_receipts_in_log" in status(db).pending
        db.upgrade()
        tables, views = kinds(db)
        assert "receipts" not in tables and "receipts" in views
        assert raw_sql(db_url, "SELECT id, audit_seq FROM receipts ORDER BY audit_seq") == [
            ("old1", 1), ("old2", 3)]  # fmt: skip
        assert write_receipts(db, [(body("new1", 3), "svc")]) == [4]
        assert write_receipts(db, [(body("new2", 4), "svc"), (body("new3", 5), "svc")]) == [5, 6]
        with db.session(write=True) as s:
            assert write_receipt(s, body("new4", 6), "svc") == 7
        expected = ["old1", "old2", "new1", "new2", "new3", "new4"]
        if db.is_postgres:
            assert asyncio.run(_loop_writes(db, 7)) == [8, 9, 10, 11]
            expected += [f"loop{i}" for i in range(4)]
        rows = receipt_rows(db_url)  # every receipt's row is its own audit row
        assert [r[0] for r in rows] == expected
        assert load_receipt(db, "old2")["input"] == {"name": "old2"}
        assert load_receipt(db, "new4")["input"] == {"name": "new4"}
        verdict = verify(db)
        assert verdict.ok and verdict.rows == len(rows) + 1 and read_head(db) == verdict.head
        home, env = ["--home", str(tmp_path / "home")], {"CLEARANCE_DATABASE_URL": db_url}
        added = CliRunner().invoke(
            app, [*home, "users", "add", "aud", "--role", "auditor"], env=env
        )
        assert added.exit_code == 0, added.output
        result = CliRunner().invoke(app, [*home, "audit", "verify", "--as", "aud"], env=env)
        assert result.exit_code == 0 and "intact" in result.output, result.output
        forget_databases()
        # back down: the table returns, filled from the log, the chain as it was
        with db.connect(write=True) as conn:
            command.downgrade(alembic_config(conn), BEFORE)
        assert "receipts" in kinds(db)[0] and "receipts" not in kinds(db)[1]
        stored = raw_sql(db_url, "SELECT id, audit_seq FROM receipts ORDER BY audit_seq")
        assert [r[0] for r in stored] == expected and stored[:2] == [("old1", 1), ("old2", 3)]
        assert verify(db).ok
    finally:
        db.dispose()


def test_no_two_receipts_share_an_id(db_url: str) -> None:
    db = Database(db_url)
    try:
        db.upgrade()
        write_receipts(db, [(body("dup", 1), "svc")])
        with pytest.raises(Exception, match="(?i)unique|duplicate"):
            write_receipts(db, [(body("dup", 2), "svc")])
        with db.connect(write=True) as conn:  # other kinds may share a ref
            append(conn, [Event("case", "dup", "ana", {"note": 1})])
        assert raw_sql(db_url, "SELECT count(*) FROM receipts WHERE id = 'dup'") == [(1,)]
        assert verify(db).ok
    finally:
        db.dispose()


def test_an_index_row_that_does_not_name_its_receipt_stops_the_upgrade(db_url: str) -> None:
    db = Database(db_url)
    try:
        before(db)
        with db.connect(write=True) as conn:
            old_receipt(conn, body("good", 1), "ana")
            (row,) = append(conn, [Event("case", "9", "ana", {"note": 1})])
            conn.execute(insert(_table), {"id": "stray", "audit_seq": row["seq"]})
        with pytest.raises(DatabaseError, match="'stray' do not name a receipt row"):
            db.upgrade()
        forget_databases()
        assert "receipts" in kinds(db)[0]  # nothing changed
        assert raw_sql(db_url, "SELECT count(*) FROM receipts") == [(2,)]
    finally:
        db.dispose()
