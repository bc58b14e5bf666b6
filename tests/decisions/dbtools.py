"""Direct access to the test databases, behind the program's back (to tamper with them)."""

from __future__ import annotations

import sqlite3
from typing import Any

import psycopg


def raw_sql(db_url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one statement on the SQLite file or the PostgreSQL database, committed."""
    if db_url.startswith("sqlite:///"):
        conn = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        try:
            rows = conn.execute(sql.replace("%s", "?"), params).fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()
    url = db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as pg, pg.cursor() as cur:
        cur.execute(sql, params)  # type: ignore[call-overload]
        return cur.fetchall() if cur.description else []


def receipt_rows(db_url: str) -> list[tuple[Any, ...]]:
    """Each stored receipt, in append order, as ``(id, kind, created, actor, snapshot_id,
    alert, subject_key, input_sha256, run_id)``: the receipts view gives where it is, the rest
    is read from its audit row (the body it hashed, :func:`receipt_index`). Fails when an index
    row points at an audit row that is not that receipt."""
    import json

    from clearance.audit.receipts import receipt_index

    rows = raw_sql(
        db_url,
        "SELECT r.id, a.kind, a.ref, a.actor, a.body FROM receipts r "
        "LEFT JOIN audit_log a ON a.seq = r.audit_seq ORDER BY r.audit_seq",
    )
    out = []
    for rid, kind, ref, actor, body in rows:
        assert (kind, ref) == ("receipt", rid), f"receipt {rid!r} points at {kind} {ref!r}"
        i = receipt_index(json.loads(body))
        out.append((rid, i["kind"], i["created"], actor, i["snapshot"], i["alert"], i["subject"],
                    i["input"], i["run"]))  # fmt: skip
    return out
