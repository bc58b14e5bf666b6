"""The database foundation on SQLite and a real PostgreSQL 15: URL from the settings,
migrations applied programmatically, one transaction per session, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.db import Database, DatabaseError, DatabaseUnavailable
from clearance.db.engine import database_url, forget_databases, open_database
from clearance.db.migrate import status
from clearance.settings import Settings
from tests.pg import _free_port


def test_default_is_sqlite_in_the_home(tmp_path: Path) -> None:
    settings = Settings.from_env({"CLEARANCE_HOME": str(tmp_path)})
    assert database_url(settings) == f"sqlite:///{tmp_path / 'clearance.db'}"
    url = "postgresql+psycopg://u@127.0.0.1:5/x"
    assert database_url(Settings.from_env({"CLEARANCE_DATABASE_URL": url})) == url


def test_upgrade_brings_every_head_and_is_idempotent(db_url: str) -> None:
    db = Database(db_url)
    try:
        before = status(db)
        assert before.current == () and before.pending
        applied = db.upgrade()
        assert applied == list(before.pending)
        after = status(db)
        assert after.up_to_date and set(after.current) <= set(after.heads)
        assert db.upgrade() == []
    finally:
        db.dispose()


def test_session_commits_or_rolls_back_whole(db_url: str) -> None:
    db = Database(db_url)
    try:
        with db.connect(write=True) as conn:
            conn.execute(text("CREATE TABLE probe (x INTEGER NOT NULL)"))
        with db.session(write=True) as s:
            s.execute(text("INSERT INTO probe VALUES (1)"))
        with pytest.raises(RuntimeError), db.session(write=True) as s:
            s.execute(text("INSERT INTO probe VALUES (2)"))
            raise RuntimeError("half-way")
        with db.session() as s:
            assert s.execute(text("SELECT x FROM probe")).scalars().all() == [1]
    finally:
        db.dispose()


def test_unreachable_postgres_is_a_clear_503() -> None:
    db = Database(f"postgresql+psycopg://someone:secret@127.0.0.1:{_free_port()}/nothing")
    with pytest.raises(DatabaseUnavailable, match="unavailable") as info:
        db.upgrade()
    from clearance.api.errors import status_of

    assert status_of(info.value)[0] == 503
    assert "secret" not in info.value.message


def test_bad_urls_are_clear_errors() -> None:
    with pytest.raises(DatabaseError, match="unsupported database 'mysql'"):
        Database("mysql://x@y/z")
    with pytest.raises(DatabaseError, match="not a database URL"):
        Database("not a url")


def test_open_database_upgrades_once(tmp_path: Path) -> None:
    settings = Settings.from_env({"CLEARANCE_HOME": str(tmp_path)})
    try:
        db = open_database(settings)
        assert open_database(settings) is db
        assert status(db).up_to_date
        assert (tmp_path / "clearance.db").is_file()
    finally:
        forget_databases()


def test_cli_db_upgrade_and_status(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"CLEARANCE_DATABASE_URL": db_url}
    home = ["--home", str(tmp_path / "home")]
    result = runner.invoke(app, [*home, "db", "status"], env=env)
    assert result.exit_code == 0, result.output
    assert "pending" in result.output
    result = runner.invoke(app, [*home, "db", "upgrade"], env=env)
    assert result.exit_code == 0 and "applied" in result.output, result.output
    result = runner.invoke(app, [*home, "db", "status", "--json"], env=env)
    assert result.exit_code == 0 and '"up_to_date": true' in result.output, result.output


def test_cli_unreachable_database_is_one_line(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://u@127.0.0.1:{_free_port()}/x"
    result = CliRunner().invoke(
        app, ["--home", str(tmp_path), "db", "upgrade"], env={"CLEARANCE_DATABASE_URL": url}
    )
    assert result.exit_code == 1
    assert "unavailable" in result.output and "Traceback" not in result.output


def test_migrations_create_exactly_the_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from clearance.db import Base
    from clearance.db.models import load_models

    load_models()
    db = Database(db_url)
    try:
        db.upgrade()
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        db.dispose()


def test_upgrade_from_a_chain_without_prev_hash_keeps_appending(db_url: str) -> None:
    """A database at the revision before ``audit_head.prev_hash`` holding a chain: the upgrade
    adds the column, and appends after it (one-row statements and a batch) extend the same
    chain, which verifies."""
    from alembic import command
    from sqlalchemy import insert, update

    from clearance.audit.chain import GENESIS, canonical, row_hash, sha256_hex
    from clearance.audit.log import Event, append, read_head, verify
    from clearance.audit.tables import AuditHeadRow, AuditRow
    from clearance.audit.writer import write_receipts
    from clearance.db.migrate import alembic_config
    from tests.decisions.test_writer import body

    db = Database(db_url)
    try:
        with db.connect(write=True) as conn:
            command.upgrade(alembic_config(conn), "20261203_audit_lean_indexes")
            digest = sha256_hex(canonical({}))
            first = {"seq": 1, "kind": "note", "ref": "r1", "actor": "old", "at": "2026-01-01",
                     "body": "{}", "body_sha256": digest, "prev_hash": GENESIS}  # fmt: skip
            first["row_hash"] = row_hash(1, "note", "r1", "old", "2026-01-01", digest, GENESIS)
            conn.execute(insert(AuditRow), first)
            conn.execute(update(AuditHeadRow).values(seq=1, hash=first["row_hash"]))
        assert "20261205_audit_head_prev" in status(db).pending
        db.upgrade()
        with db.connect(write=True) as conn:
            rows = append(conn, [Event("note", "r2", "new", {"n": 2})])
        assert rows[0]["seq"] == 2 and rows[0]["prev_hash"] == first["row_hash"]
        assert write_receipts(db, [(body("x"), "svc")]) == [3]
        assert write_receipts(db, [(body("y"), "svc"), (body("z"), "svc")]) == [4, 5]
        assert write_receipts(db, [(body("w"), "svc")]) == [6]
        verdict = verify(db)
        assert verdict.ok and verdict.rows == 6 and read_head(db) == verdict.head
    finally:
        db.dispose()
