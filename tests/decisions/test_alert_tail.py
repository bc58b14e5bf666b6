"""The alert path's order on the database: cases opened or joined first, the chain head locked
last (PostgreSQL: the receipt's and the cases' rows appended and committed in one round trip),
so other recorders wait for the head only that long; without a head row nothing commits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from clearance.audit.log import read_head, verify
from clearance.cases.alerts import case_for
from clearance.cases.service import CaseService
from clearance.db import Database
from tests.api.factory import sdn_entities
from tests.decisions.conftest import ANA, Toy


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_the_head_is_free_while_the_cases_are_opened(
    pg_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: while the alert path opens or joins its case the chain head is not locked
    (another writer takes it at once); the receipt and the case's row follow in the chain.
    (On SQLite every writer holds the database's write lock from ``BEGIN IMMEDIATE``.)"""
    db = Database(pg_server.new_database())
    db.upgrade()
    service, toy = CaseService(db), Toy(sdn_entities(), tmp_path)
    free: list[bool] = []

    def spy(*args: Any, **kw: Any) -> Any:
        found = case_for(*args, **kw)
        free.append(_head_free(db))
        return found

    monkeypatch.setattr("clearance.cases.service.case_for", spy)
    first = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    again = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    assert free == [True, True]
    assert first.cases == again.cases and read_head(db).count == 4 and verify(db).ok
    events = [h["body"]["event"] for h in service.get(ANA, first.cases[0])["history"]]
    assert events == ["opened", "alert joined"]
    db.dispose()


def _head_free(db: Database) -> bool:
    """Whether another connection can lock the head row right now."""
    with psycopg.connect(_plain(db.engine.url.render_as_string(hide_password=False))) as other:
        try:
            other.execute("SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE NOWAIT")
            return True
        except psycopg.errors.LockNotAvailable:
            return False
        finally:
            other.rollback()


def test_without_a_head_row_an_alert_commits_nothing(pg_server: Any, tmp_path: Path) -> None:
    """PostgreSQL: the rows and the commit go in one round trip, unread; a database that lost
    its head row fails the alert and keeps no case, link or row (both or neither)."""
    db = Database(pg_server.new_database())
    db.upgrade()
    url = _plain(db.engine.url.render_as_string(hide_password=False))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM audit_head")
    service, toy = CaseService(db), Toy(sdn_entities(), tmp_path)
    with pytest.raises(psycopg.errors.NotNullViolation):
        toy.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    with psycopg.connect(url) as conn:
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            for table in ("cases", "case_receipts", "receipts", "audit_log")
        ]
    assert counts == [(0,)] * 4
    db.dispose()
