"""The work queue's query (clearance.cases.queue): filters and keyset paging, on SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from clearance.auth.roles import Actor, PermissionDenied, UserRole
from clearance.cases.queue import UNASSIGNED, QueueFilter, queue
from clearance.cases.service import CaseService
from clearance.cases.tables import CaseRow
from clearance.db import open_database
from clearance.settings import Settings

STATES = ["open", "in_review", "proposed", "approved", "returned"]
ANALYST = Actor("ana", frozenset({UserRole.ANALYST}))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> CaseService:
    home: Path = tmp_path_factory.mktemp("queue")
    db = open_database(Settings(home=home))
    now = datetime.now(UTC)
    rows = [
        {"open_key": f"s{i}|e", "subject_key": f"{i:064d}", "subject_name": f"Subject {i}",
         "subject": {"name": f"Subject {i}"}, "entity_id": f"e{i % 7}", "entity_name": "E",
         "list": "ofac-sdn", "facts": {}, "changes": [], "score": 0.9, "source": "test",
         "snapshot_id": "snap", "state": STATES[i % 5], "assignee": ["ana", "bob", None][i % 3],
         "due": date(2026, 1, 1) + timedelta(days=i % 40) if i % 4 else None,
         "created": now, "updated": now, "version": 1}
        for i in range(1, 241)
    ]  # fmt: skip
    with db.connect(write=True) as conn:
        conn.execute(insert(CaseRow.__table__), rows)
    return CaseService(db)


def test_keyset_pages_visit_every_case_once(service: CaseService) -> None:
    seen: list[int] = []
    before = None
    while True:
        page = queue(service, ANALYST, QueueFilter(), limit=50, before=before)
        seen += [c["id"] for c in page]
        if len(page) < 50:
            break
        before = page[-1]["id"]
    assert seen == list(range(240, 0, -1))


def test_filters(service: CaseService) -> None:
    where = QueueFilter(state="proposed", assignee="ana", due_by=date(2026, 1, 20))
    found = queue(service, ANALYST, where, limit=500)
    assert found
    for case in found:
        assert case["state"] == "proposed" and case["assignee"] == "ana"
        assert case["due"] is not None and case["due"] <= "2026-01-20"
    expected = [
        i for i in range(240, 0, -1)
        if i % 5 == 2 and i % 3 == 0 and i % 4 and (i % 40) <= 19
    ]  # fmt: skip
    assert [c["id"] for c in found] == expected
    nobody = queue(service, ANALYST, QueueFilter(assignee=UNASSIGNED), limit=500)
    assert [c["id"] for c in nobody] == [i for i in range(240, 0, -1) if i % 3 == 2]


def test_a_screener_may_not_read_the_queue(service: CaseService) -> None:
    with pytest.raises(PermissionDenied):
        queue(service, Actor("sid", frozenset({UserRole.SCREENER})), QueueFilter())
