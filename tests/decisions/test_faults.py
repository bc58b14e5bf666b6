"""kill -9 in the middle of decisions and recordings: after it, the chain verifies and every
decision is either fully there (case row and audit row) or absent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clearance.audit.log import entries, read_head, verify
from clearance.audit.tables import ReceiptRow
from clearance.cases.service import CaseService
from clearance.cases.tables import CaseReceiptRow, CaseRow
from tests.decisions.conftest import ANA, Toy

ROOT = Path(__file__).resolve().parents[2]

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


# Deterministic: the worker is killed while its transaction is open — after the receipt, the
# case row and (for a decision) the case change are written, before the commit (recording on
# PostgreSQL: after the case row, before the receipt's and case's rows go out with the commit).
HELD = """
import sys, time
from pathlib import Path
import clearance.cases.service as cases
from clearance.cases.service import CaseService
from clearance.db import Database
from tests.decisions.conftest import ANA, SCREENER, Toy
from tests.api.factory import sdn_entities

def holding(real):  # the case's audit row written (either path), then the worker waits
    def held(*args, **kwargs):
        rows = real(*args, **kwargs)
        print("written, not committed", flush=True)
        time.sleep(120)
        return rows
    return held
def before(real):  # PostgreSQL, recording: the case row written, its rows and COMMIT not sent
    def held(*args, **kwargs):
        print("written, not committed", flush=True)
        time.sleep(120)
        return real(*args, **kwargs)
    return held
cases.append = holding(cases.append)
cases.append_pg = holding(cases.append_pg)  # PostgreSQL: a case's row and its receipt link
cases.append_commit_pg = before(cases.append_commit_pg)  # (sent with COMMIT, in one go)
service = CaseService(Database(sys.argv[1]))
if sys.argv[2] == "record":
    Toy(sdn_entities(), Path(sys.argv[3])).record(service, "Ashot Mkrtichev", id="held")
else:
    service.propose(int(sys.argv[3]), ANA, "block", "passport matches")
"""


@pytest.mark.parametrize("what", ["record", "propose"])
def test_kill_9_inside_the_transaction_leaves_nothing_half_written(
    service: CaseService, toy: Toy, db_url: str, tmp_path: Path, what: str
) -> None:
    (case_id,) = toy.record(service, "Vladimir Putin", id="cust-1").cases
    before = read_head(service.db)
    arg = str(tmp_path / "worker") if what == "record" else str(case_id)
    proc = subprocess.Popen(
        [sys.executable, "-c", HELD, db_url, what, arg], stdout=subprocess.PIPE, text=True,
        cwd=ROOT,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written, not committed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stdout.close()
    assert verify(service.db).ok and read_head(service.db) == before
    with service.db.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseRow)) == 1
        assert s.scalar(select(func.count()).select_from(ReceiptRow)) == 1
        assert s.scalar(select(func.count()).select_from(CaseReceiptRow)) == 1
    case = service.get(ANA, case_id)
    assert case["state"] == "open" and [e["body"]["event"] for e in case["history"]] == ["opened"]
    # the locks died with the process: the same decision and recording go through now
    service.propose(case_id, ANA, "block", "passport matches")
    recorded = toy.record(service, "Ashot Mkrtichev", id="held")
    assert recorded.cases  # proposal + receipt + an "opened" row per case
    assert verify(service.db).ok
    assert read_head(service.db).count == before.count + 2 + len(recorded.cases)
