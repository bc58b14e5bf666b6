"""The receipts table keeps only ``id`` and ``audit_seq`` (migration ``20261206_receipts_lean``):
a database holding receipts of the wide table upgrades, its receipts and the ones written after
are found and read from their bodies, and the chain verifies — through the CLI too — over rows
written before and after; the downgrade puts the columns back, filled from the bodies."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Boolean, DateTime, insert, inspect, table
from sqlalchemy import column as col
from typer.testing import CliRunner

from clearance.audit.async_writer import AsyncReceiptWriter
from clearance.audit.log import Event, append, read_head, verify
from clearance.audit.receipts import RECEIPT, load_receipt, receipt_index
from clearance.audit.writer import write_receipts
from clearance.cli.main import app
from clearance.db import Database
from clearance.db.engine import forget_databases
from clearance.db.migrate import alembic_config, status
from tests.decisions.dbtools import receipt_rows
from tests.decisions.test_writer import body

BEFORE = "20261205_audit_head_prev"
WIDE = ("kind", "created", "actor", "snapshot_id", "alert", "subject_key", "input_sha256",
        "run_id")  # fmt: skip
_wide = table(
    "receipts", col("id"), col("audit_seq"), col("kind"), col("created", DateTime(timezone=True)),
    col("actor"), col("snapshot_id"), col("alert", Boolean()), col("subject_key"),
    col("input_sha256"), col("run_id"),
)  # fmt: skip


def old_receipt(conn: Any, data: dict[str, Any], actor: str) -> None:
    """A receipt as the code before the migration wrote it: audit row, index row of ten columns."""
    (row,) = append(conn, [Event(RECEIPT, data["receipt"], actor, data)])
    i = receipt_index(data)
    conn.execute(insert(_wide), {
        "id": data["receipt"], "audit_seq": row["seq"], "kind": i["kind"],
        "created": i["created"], "actor": actor, "snapshot_id": i["snapshot"],
        "alert": i["alert"], "subject_key": i["subject"], "input_sha256": i["input"],
        "run_id": i["run"],
    })  # fmt: skip


def columns(db: Database) -> list[str]:
    return [c["name"] for c in inspect(db.engine).get_columns("receipts")]


def test_an_upgraded_database_keeps_its_receipts_and_its_chain(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    try:
        with db.connect(write=True) as conn:
            command.upgrade(alembic_config(conn), BEFORE)
        assert columns(db) == ["id", "audit_seq", *WIDE]
        with db.connect(write=True) as conn:
            old_receipt(conn, {**body("old1", 1), "outcome": "alert", "run": "r9"}, "ana")
            old_receipt(conn, body("old2", 2), "bob")
        assert "20261206_receipts_lean" in status(db).pending
        db.upgrade()
        assert columns(db) == ["id", "audit_seq"]
        assert write_receipts(db, [(body("new1", 3), "svc")]) == [3]
        assert write_receipts(db, [(body("new2", 4), "svc"), (body("new3", 5), "svc")]) == [4, 5]
        if db.is_postgres:
            writer = AsyncReceiptWriter(db)

            async def main() -> list[int]:
                try:
                    return await asyncio.gather(
                        *(writer.write(body(f"loop{i}", 6 + i), "svc") for i in range(3))
                    )
                finally:
                    await writer.close()

            assert asyncio.run(main()) == [6, 7, 8]
        rows = receipt_rows(db_url)  # every index row points at its own receipt's audit row
        assert [r[0] for r in rows[:5]] == ["old1", "old2", "new1", "new2", "new3"]
        assert rows[0][1:] == ("screen", datetime.fromisoformat(body("", 1)["at"]), "ana",
                               "snap", True, "k" * 64, "0" * 64, "r9")  # fmt: skip
        assert load_receipt(db, "old2")["input"] == {"name": "old2"}
        assert load_receipt(db, "new1")["input"] == {"name": "new1"}
        verdict = verify(db)
        assert verdict.ok and verdict.rows == len(rows) and read_head(db) == verdict.head
        home, env = ["--home", str(tmp_path / "home")], {"CLEARANCE_DATABASE_URL": db_url}
        added = CliRunner().invoke(
            app, [*home, "users", "add", "aud", "--role", "auditor"], env=env
        )
        assert added.exit_code == 0, added.output
        result = CliRunner().invoke(app, [*home, "audit", "verify", "--as", "aud"], env=env)
        assert result.exit_code == 0 and "intact" in result.output, result.output
        forget_databases()
        # back down: the columns return, filled from the bodies, the chain as it was
        with db.connect(write=True) as conn:
            command.downgrade(alembic_config(conn), BEFORE)
        assert columns(db) == ["id", "audit_seq", *WIDE]
        with db.connect() as conn:
            wide = {r[0]: r[1:] for r in conn.execute(_wide.select()).all()}
        assert set(wide) == {r[0] for r in rows}
        for rid, *derived in rows:
            stored = wide[rid]  # audit_seq, then the columns of WIDE
            assert stored[1] == derived[0] and stored[3:] == tuple(derived[2:]), rid
            created = derived[1] if stored[2].tzinfo else derived[1].replace(tzinfo=None)
            assert stored[2] == created, rid  # (SQLite keeps UTC without its offset)
        assert verify(db).ok
    finally:
        db.dispose()
