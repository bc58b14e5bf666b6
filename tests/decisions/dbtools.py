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
