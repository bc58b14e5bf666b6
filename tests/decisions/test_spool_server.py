"""The receipt spool in a real server (``CLEARANCE_RECORD_SPOOL=true``), on SQLite and
PostgreSQL: receipts answered and then ``kill -9`` before they were shipped are shipped by the
next start and the chain verifies (and are readable before that); two server processes spooling
at once append one unforked chain."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from pathlib import Path

import httpx

from clearance.audit.log import verify
from clearance.db import Database
from clearance.db.engine import forget_databases
from tests.api.server import CLI, Server
from tests.decisions.dbtools import raw_sql
from tests.decisions.test_api import as_, home, make_users

__all__ = ["home"]  # the fixture


def spool_env(db_url: str, interval: float) -> dict[str, str]:
    return {
        "CLEARANCE_DATABASE_URL": db_url,
        "CLEARANCE_RECORD_SPOOL": "true",
        "CLEARANCE_RECORD_SPOOL_INTERVAL": str(interval),
    }


def cli(home: Path, db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLEARANCE_DATABASE_URL": db_url}
    done = subprocess.run([*CLI, "--home", str(home), *args], capture_output=True, text=True,
                          env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def receipts(db_url: str) -> list[str]:
    return [r[0] for r in raw_sql(db_url, "SELECT id FROM receipts")]


def chain_ok(db_url: str) -> None:
    forget_databases()
    db = Database(db_url)
    try:
        verdict = verify(db)
        assert verdict.ok, verdict
    finally:
        db.dispose()
    rows = raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")
    assert rows[0][0] == rows[0][1]  # no two rows share a predecessor: the chain never forked


def test_kill_9_right_after_the_answers_then_shipped_on_restart(home: Path, db_url: str) -> None:
    keys = make_users(db_url)
    # ships every 10 minutes: what the answers name is only in the spool when the server dies
    server = Server(home, workers=1, env=spool_env(db_url, 600))
    answered: list[str] = []
    try:
        server.wait_ready(timeout=240)
        with httpx.Client(base_url=server.url, timeout=30, headers=as_(keys["svc"])) as http:
            for i in range(40):
                res = http.post("/screen?record=true", json={"name": f"Jane Doe {i}"})
                assert res.status_code == 200, res.text
                answered.append(res.json()["recorded"]["receipt"])
            unshipped = sorted(set(answered) - set(receipts(db_url)))
            # a receipt read back before it is shipped is found (read from the spool)
            got = http.get(f"/receipts/{unshipped[-1]}", headers=as_(keys["aud"]))
            assert got.status_code == 200 and got.json()["receipt"] == unshipped[-1]
        os.kill(server.proc.pid, signal.SIGKILL)
        server.proc.wait(30)
    finally:
        server.stop()
    assert len(unshipped) >= 30, "the spool was not used"
    # `audit receipt` (the CLI) reads it from the spool too, before anything ships it
    shown = cli(home, db_url, "audit", "receipt", unshipped[0], "--as", "aud")
    assert unshipped[0] in shown.stdout
    assert set(receipts(db_url)) < set(answered)  # still not shipped
    restarted = Server(home, workers=1, env=spool_env(db_url, 600))
    try:
        restarted.wait_ready(timeout=240)  # shipped before serving
        stored = receipts(db_url)
    finally:
        restarted.stop()
    assert sorted(stored) == sorted(answered)  # every answered receipt, once
    chain_ok(db_url)


def test_two_server_processes_spooling_at_once_append_one_chain(home: Path, db_url: str) -> None:
    keys = make_users(db_url)
    servers = [Server(home, workers=1, env=spool_env(db_url, 0.05)) for _ in range(2)]
    answered: list[str] = []
    try:
        for server in servers:
            server.wait_ready(timeout=240)

        def client(url: str, n: int) -> None:
            with httpx.Client(base_url=url, timeout=60, headers=as_(keys["svc"])) as http:
                for i in range(60):
                    res = http.post("/screen?record=true", json={"name": f"John Roe {n} {i}"})
                    assert res.status_code == 200, res.text
                    answered.append(res.json()["recorded"]["receipt"])

        threads = [
            threading.Thread(target=client, args=(s.url, n))
            for n, s in enumerate(servers * 2)  # two clients per server
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(240)
    finally:
        for server in servers:
            server.stop()
    assert len(answered) == 240
    # a server stopped by a signal ships what it spooled; `db status` ships whatever is left
    status = cli(home, db_url, "db", "status")
    assert "damaged" not in status.stderr
    assert sorted(receipts(db_url)) == sorted(answered)
    chain_ok(db_url)
