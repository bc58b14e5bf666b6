"""kill -9 in the middle of decisions: after it, the chain verifies and every decision is
either fully there (case row and audit row) or absent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from sqlalchemy import select

from clearance.audit.log import entries, verify
from clearance.cases.service import CaseService
from clearance.cases.tables import CaseRow
from tests.decisions.conftest import ANA, Toy

WORKER = """
import sys
from clearance.auth.roles import UserRole
from clearance.auth.roles import Actor
from clearance.cases.service import CaseService
from clearance.db import Database
service = CaseService(Database(sys.argv[1]))
ana = Actor("ana", frozenset({UserRole.ANALYST}))
for case_id in map(int, sys.argv[2].split(",")):
    service.propose(case_id, ana, "clear", "not the listed person: " + "x" * 2000)
    print(case_id, flush=True)
"""


def test_kill_9_during_decisions_leaves_all_or_nothing(
    service: CaseService, toy: Toy, db_url: str
) -> None:
    ids = [toy.record(service, "Vladimir Putin", id=f"cust-{i}").cases[0] for i in range(80)]
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, db_url, ",".join(map(str, ids))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for _ in range(5):  # let a few decisions land, then kill it mid-stream
        assert proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert verify(service.db).ok
    with service.db.session() as s:
        states = {r[0]: r[1] for r in s.execute(select(CaseRow.id, CaseRow.state))}
    proposed = [i for i in ids if states[i] == "proposed"]
    assert 5 <= len(proposed) < len(ids)
    for case_id in ids:
        events = [e["body"]["event"] for e in entries(service.db, "case", str(case_id))]
        assert ("proposed" in events) == (states[case_id] == "proposed"), (case_id, events)
    # and the database takes new decisions afterwards
    rest = [i for i in ids if states[i] != "proposed"]
    service.propose(rest[0], ANA, "clear", "after the crash")
    assert verify(service.db).ok
