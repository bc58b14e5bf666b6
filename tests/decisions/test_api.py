"""The API: `/screen?record=true`, `/cases…` with roles and four eyes, 404 for unknown cases
and receipts, 503 when the database is down; a real server with two supervisors approving at
once (one 200, one 409)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clearance.audit.log import verify
from clearance.auth.keys import KeyStore, Role
from clearance.auth.roles import UserRole
from clearance.auth.users import UserStore
from clearance.db import Database
from clearance.db.engine import forget_databases
from clearance.settings import Settings
from tests.api.conftest import Api, running_api
from tests.api.factory import install, sdn_entities, un_entities
from tests.api.server import Server
from tests.decisions.dbtools import raw_sql
from tests.pg import _free_port

R = UserRole


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    install(home, {"ofac-sdn": sdn_entities(), "un": un_entities()})
    return home


def make_users(db_url: str) -> dict[str, str]:
    db = Database(db_url)
    try:
        db.upgrade()
        users = UserStore(db)
        roles = {"svc": {R.SCREENER}, "ana": {R.ANALYST}, "max": {R.ANALYST, R.SUPERVISOR},
                 "sue": {R.SUPERVISOR}, "sam": {R.SUPERVISOR}, "aud": {R.AUDITOR}}  # fmt: skip
        keys = {}
        for name, held in roles.items():
            users.add(name, frozenset(held))
            keys[name] = users.new_key(name)
        return keys
    finally:
        db.dispose()


@pytest.fixture
def api(home: Path, db_url: str) -> Iterator[tuple[Api, dict[str, str]]]:
    forget_databases()
    keys = make_users(db_url)
    keys["legacy"] = KeyStore(home).add("legacy-screener", Role.SCREENER)
    for api in running_api(Settings(home=home, database_url=db_url)):
        api.wait_ready()
        yield api, keys
    forget_databases()


def as_(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


SCREEN = {"name": "Ashot Mkrtichev", "dob": "1966-05-07"}


def test_record_and_decide_through_the_api(api: tuple[Api, dict[str, str]]) -> None:
    client, k = api
    plain = client.post("/screen", json=SCREEN, headers=as_(k["svc"]))
    assert plain.status_code == 200 and "recorded" not in plain.json()
    res = client.post("/screen?record=true", json=SCREEN, headers=as_(k["svc"]))
    assert res.status_code == 200, res.text
    recorded = res.json()["recorded"]
    (case_id,) = recorded["cases"]
    legacy = client.post("/screen?record=true", json=SCREEN, headers=as_(k["legacy"]))
    assert legacy.json()["recorded"]["cases"] == [case_id]  # joins the open case
    receipt = client.get(f"/receipts/{recorded['receipt']}", headers=as_(k["aud"])).json()
    assert receipt["actor"] == "svc" and receipt["input"]["dob"] == "1966-05-07"
    listed = client.get("/cases?state=open", headers=as_(k["ana"])).json()["cases"]
    assert [c["id"] for c in listed] == [case_id]
    assert client.get("/cases", headers=as_(k["svc"])).status_code == 403
    assert client.post(f"/cases/{case_id}/review", headers=as_(k["ana"])).status_code == 200
    body = {"decision": "reject", "reason": "identifiers match"}
    assert (
        client.post(f"/cases/{case_id}/propose", json=body, headers=as_(k["max"])).status_code
        == 200
    )
    own = client.post(f"/cases/{case_id}/approve", json={}, headers=as_(k["max"]))
    assert own.status_code == 403 and "four eyes" in own.json()["error"]["message"]
    ok = client.post(f"/cases/{case_id}/approve", json={"reason": "yes"}, headers=as_(k["sue"]))
    assert ok.status_code == 200 and ok.json()["state"] == "approved"
    late = client.post(f"/cases/{case_id}/approve", json={}, headers=as_(k["sam"]))
    assert late.status_code == 409
    csv = client.get(f"/cases/{case_id}/report?format=csv&holder=Bank", headers=as_(k["aud"]))
    assert csv.status_code == 200 and "rejected transaction,31 CFR 501.604" in csv.text
    export = client.get(f"/cases/{case_id}/export", headers=as_(k["aud"])).json()
    assert export["chain"]["verified"]["ok"] and len(export["receipts"]) == 2
    assert client.get("/audit/verify", headers=as_(k["aud"])).json()["ok"]
    assert client.get("/audit/head", headers=as_(k["ana"])).status_code == 403


def test_unknown_things_are_404(api: tuple[Api, dict[str, str]]) -> None:
    client, k = api
    missing = client.get("/cases/999", headers=as_(k["ana"]))
    assert missing.status_code == 404 and missing.json()["error"]["message"] == "no case 999"
    assert client.get("/receipts/nope", headers=as_(k["aud"])).status_code == 404
    assert client.post("/cases/999/approve", json={}, headers=as_(k["sue"])).status_code == 404
    for big in (2**31, 99999999999, 2**63, 10**30):  # beyond the database's integers
        for method, path in (("GET", ""), ("GET", "/export"), ("POST", "/review")):
            res = client.request(method, f"/cases/{big}{path}", headers=as_(k["max"]))
            assert res.status_code == 404, (path, res.text)
            assert res.json()["error"]["message"] == f"no case {big}"
        approve = client.post(f"/cases/{big}/approve", json={}, headers=as_(k["sue"]))
        assert approve.status_code == 404
    assert client.get("/receipts/" + "x" * 300, headers=as_(k["aud"])).status_code == 404
    state = client.get("/cases?state=bogus", headers=as_(k["ana"]))
    assert state.status_code == 422 and "'bogus' is not a case state" in state.text
    bad = client.post("/cases/1/propose", json={"decision": "x"}, headers=as_(k["ana"]))
    assert bad.status_code == 422
    # a page cursor beyond the database's integers is a bad request, not a server error
    page = client.get("/cases?before=9999999999999999999", headers=as_(k["ana"]))
    assert page.status_code == 422


def test_database_down_is_503_and_screening_still_works(home: Path) -> None:
    forget_databases()
    key = KeyStore(home).add("legacy-screener", Role.SCREENER)
    url = f"postgresql+psycopg://u@127.0.0.1:{_free_port()}/none"
    for client in running_api(Settings(home=home, database_url=url)):
        client.wait_ready()
        assert client.post("/screen", json=SCREEN, headers=as_(key)).status_code == 200
        down = client.post("/screen?record=true", json=SCREEN, headers=as_(key))
        assert down.status_code == 503 and "unavailable" in down.json()["error"]["message"]
        assert client.get("/cases", headers=as_(key)).status_code == 503
        assert client.get("/cases", headers=as_("unknown-key")).status_code == 503
    forget_databases()


def test_real_server_concurrent_approvals(home: Path, pg_server) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    keys = make_users(url)
    server = Server(home, workers=2, env={"CLEARANCE_DATABASE_URL": url})
    try:
        server.wait_ready(timeout=240)
        with httpx.Client(base_url=server.url, timeout=60) as http:
            res = http.post("/screen?record=true", json=SCREEN, headers=as_(keys["svc"]))
            (case_id,) = res.json()["recorded"]["cases"]
            body = {"decision": "block", "reason": "same passport"}
            assert (
                http.post(
                    f"/cases/{case_id}/propose", json=body, headers=as_(keys["ana"])
                ).status_code
                == 200
            )
        barrier = threading.Barrier(2)
        codes: list[int] = []

        def approve(who: str) -> None:
            with httpx.Client(base_url=server.url, timeout=60) as http:
                barrier.wait()
                r = http.post(f"/cases/{case_id}/approve", json={}, headers=as_(keys[who]))
                codes.append(r.status_code)

        threads = [threading.Thread(target=approve, args=(w,)) for w in ("sue", "sam")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert sorted(codes) == [200, 409], server.output()
        with httpx.Client(base_url=server.url, timeout=60) as http:
            assert http.get("/audit/verify", headers=as_(keys["aud"])).json()["ok"]
    finally:
        server.stop()


def test_concurrent_recorded_requests_on_two_workers_each_get_a_committed_receipt(
    home: Path, db_url: str
) -> None:
    # group commit on each worker's event loop, two workers appending to one chain: every
    # answer names a receipt that is already stored, one receipt per request, the chain one line
    keys = make_users(db_url)
    server = Server(home, workers=2, env={"CLEARANCE_DATABASE_URL": db_url})
    names = [f"Jane Citizen {i}" for i in range(60)] + ["Ashot Mkrtichev"] * 4
    got: list[str] = []
    try:
        server.wait_ready(timeout=240)

        def client(share: list[str]) -> None:
            with httpx.Client(base_url=server.url, timeout=60, headers=as_(keys["svc"])) as http:
                for name in share:
                    res = http.post("/screen?record=true", json={"name": name})
                    assert res.status_code == 200, res.text
                    rid = res.json()["recorded"]["receipt"]
                    # answered only once committed: any worker can read it back at once
                    seen = http.get(f"/receipts/{rid}", headers=as_(keys["aud"]))
                    assert seen.status_code == 200 and seen.json()["input"]["name"] == name
                    # the receipt holds the candidates the answer showed, scores and reasons
                    assert seen.json()["candidates"] == res.json()["matches"]
                    got.append(rid)

        threads = [threading.Thread(target=client, args=(names[i::8],)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert len(got) == len(set(got)) == len(names), server.output()
        with httpx.Client(base_url=server.url, timeout=60) as http:
            verdict = http.get("/audit/verify", headers=as_(keys["aud"])).json()
        assert verdict["ok"], verdict
    finally:
        server.stop()
    stored = raw_sql(db_url, "SELECT count(*), count(DISTINCT id) FROM receipts")
    assert stored[0] == (len(names), len(names))
    heads = raw_sql(db_url, "SELECT count(DISTINCT prev_hash), count(*) FROM audit_log")
    assert heads[0][0] == heads[0][1]


def test_kill_9_of_a_recording_server_keeps_every_answered_receipt(home: Path, db_url: str) -> None:
    # the server killed while concurrent clients record: the chain verifies, every receipt an
    # answer named is stored, and no receipt is half-written (audit row without index row)
    keys = make_users(db_url)
    server = Server(home, workers=1, env={"CLEARANCE_DATABASE_URL": db_url})
    answered: list[str] = []
    stop = threading.Event()
    try:
        server.wait_ready(timeout=240)

        def client(n: int) -> None:
            with httpx.Client(base_url=server.url, timeout=30, headers=as_(keys["svc"])) as http:
                for i in range(10_000):
                    if stop.is_set():
                        return
                    try:
                        res = http.post("/screen?record=true", json={"name": f"Jane Doe {n} {i}"})
                    except httpx.TransportError:
                        return
                    if res.status_code == 200:
                        answered.append(res.json()["recorded"]["receipt"])

        threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 120
        while len(answered) < 60 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(server.proc.pid, signal.SIGKILL)
        server.proc.wait(30)
        stop.set()
        for t in threads:
            t.join(60)
    finally:
        server.stop()
    assert len(answered) >= 60
    forget_databases()
    db = Database(db_url)
    try:
        verdict = verify(db)
        assert verdict.ok, verdict
    finally:
        db.dispose()
    stored = {r[0] for r in raw_sql(db_url, "SELECT id FROM receipts")}
    assert set(answered) <= stored
    rows = raw_sql(db_url, "SELECT count(*) FROM audit_log WHERE kind = 'receipt'")[0][0]
    assert rows == len(stored) == verdict.rows
