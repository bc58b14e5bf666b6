"""On PostgreSQL the audit log's long bodies are compressed with LZ4 (migration
``20261207_audit_body_lz4``): a receipt long enough to be compressed is stored with LZ4, read
back as written, and the chain verifies over rows stored with pglz before the upgrade and LZ4
after; the downgrade goes back to the server's default."""

from __future__ import annotations

from typing import Any

from alembic import command

from clearance.audit.log import verify
from clearance.audit.receipts import load_receipt
from clearance.audit.writer import write_receipts
from clearance.db import Database
from clearance.db.migrate import alembic_config
from tests.decisions.dbtools import raw_sql
from tests.decisions.test_writer import body
from tests.pg import PgServer

BEFORE = "20261207_receipts_in_log"
COMPRESSION = "SELECT attcompression FROM pg_attribute WHERE attrelid = 'audit_log'::regclass " \
    "AND attname = 'body'"  # fmt: skip
STORED = "SELECT ref, pg_column_compression(body) FROM audit_log ORDER BY seq"


def long_body(rid: str, i: int) -> dict[str, Any]:
    """A receipt of about 4 kB with candidates, as a screening with near misses writes it."""
    candidates = [
        {"entity_id": f"ofac-sdn-{n}", "name": f"PETROV, Ivan {n}", "score": 0.61,
         "features": [{"name": "name", "score": 0.61, "reason": f"words paired {n} " * 8}]}
        for n in range(8)
    ]  # fmt: skip
    return {**body(rid, i), "candidates": candidates}


def test_long_bodies_are_stored_with_lz4_and_verify(pg_server: PgServer) -> None:
    url = pg_server.new_database()
    db = Database(url)
    try:
        with db.connect(write=True) as conn:
            command.upgrade(alembic_config(conn), BEFORE)
        assert raw_sql(url, COMPRESSION) == [("",)]  # the server's default (pglz)
        write_receipts(db, [(long_body("old", 1), "svc")])
        db.upgrade()
        assert raw_sql(url, COMPRESSION) == [("l",)]
        write_receipts(db, [(long_body("new", 2), "svc"), (body("short", 3), "svc")])
        assert raw_sql(url, STORED) == [("old", "pglz"), ("new", "lz4"), ("short", None)]
        assert load_receipt(db, "new") == long_body("new", 2)
        assert load_receipt(db, "old") == long_body("old", 1)
        verdict = verify(db)
        assert verdict.ok and verdict.rows == 3
        with db.connect(write=True) as conn:
            command.downgrade(alembic_config(conn), BEFORE)
        assert raw_sql(url, COMPRESSION) == [("",)]
        assert load_receipt(db, "new") == long_body("new", 2) and verify(db).ok
    finally:
        db.dispose()
