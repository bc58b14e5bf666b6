"""PostgreSQL: a screening with alerts recorded on the event loop
(:class:`~clearance.cases.async_record.AsyncAlertRecorder`) — the same receipts, cases,
joins and good-guy suppression as :meth:`CaseService.record`, many at once on a few
connections, a lost connection is "unavailable" and leaves nothing, a caller that stops
waiting does not cut the transaction short; and the API server records alerts through it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest

from clearance.audit.log import read_head, verify
from clearance.audit.receipts import load_receipt
from clearance.cases.async_record import AsyncAlertRecorder
from clearance.cases.recording import Recorded
from clearance.cases.service import CaseService
from clearance.db import Database
from clearance.db.engine import DatabaseUnavailable, forget_databases
from clearance.model import Name, NameKind
from clearance.settings import Settings
from tests.api.conftest import running_api
from tests.api.factory import install, sdn_entities
from tests.decisions.conftest import ANA, SCREENER, SUE, Toy
from tests.decisions.test_api import SCREEN, as_, make_users

ASHOT = {"name": "Ashot Mkrtichev", "dob": "1966-05-07"}


@pytest.fixture
def pg_db(pg_server: Any) -> Iterator[Database]:
    db = Database(pg_server.new_database())
    db.upgrade()
    yield db
    db.dispose()


async def arecord(recorder: AsyncAlertRecorder, toy: Toy, name: str, **kw: Any) -> Recorded:
    result = toy.screen(name, **kw)
    return await recorder.record(result, toy.context, SCREENER.name, toy.entities.get)


def test_opens_joins_and_suppresses_as_the_service_does(pg_db: Database, tmp_path: Path) -> None:
    service, toy = CaseService(pg_db), Toy(sdn_entities(), tmp_path / "1")
    changed = [
        replace(e, names=(*e.names, Name("MKRTYCHEV, Ashot Rafikovich", kind=NameKind.AKA)))
        if e.id == "ofac-sdn-41736"
        else e
        for e in sdn_entities()
    ]
    toy2 = Toy(changed, tmp_path / "2", snapshot="snap-2")

    async def scenario() -> dict[str, Any]:
        recorder = AsyncAlertRecorder(pg_db)
        out: dict[str, Any] = {"first": await arecord(recorder, toy, **ASHOT)}
        out["second"] = await arecord(recorder, toy, "ashot  MKRTICHEV", dob="1966-05-07")
        out["sync"] = toy.record(service, **ASHOT)  # the service joins the same case
        (case_id,) = out["first"].cases
        service.start_review(case_id, ANA)
        service.propose(case_id, ANA, "clear", "different person")
        service.approve(case_id, SUE)
        out["suppressed"] = await arecord(recorder, toy, **ASHOT)
        out["reopened"] = await arecord(recorder, toy2, **ASHOT)
        out["count"] = recorder.recorded
        await recorder.close()
        return out

    out = asyncio.run(scenario())
    first, case_id = out["first"], out["first"].cases[0]
    assert out["second"].cases == out["sync"].cases == [case_id]
    case = service.get(ANA, case_id)
    assert sorted(case["receipts"]) == sorted(out[k].receipt for k in ("first", "second", "sync"))
    events = [h["body"]["event"] for h in case["history"]]
    assert events[:3] == ["opened", "alert joined", "alert joined"]
    assert out["suppressed"].cases == []
    assert out["suppressed"].suppressed == [{"entity_id": "ofac-sdn-41736", "case": case_id}]
    body = load_receipt(pg_db, out["suppressed"].receipt)
    assert body["goodguy"]["ofac-sdn-41736"]["suppressed"] and body["outcome"] == "alert"
    (reopened,) = out["reopened"].cases
    assert reopened != case_id
    again = service.get(ANA, reopened)
    assert again["reopened_because"] == ["name or alias added: MKRTYCHEV, Ashot Rafikovich"]
    assert load_receipt(pg_db, first.receipt)["actor"] == "svc"
    assert out["count"] == 4 and read_head(pg_db).count == 5 + 4 + 3  # receipts, alerts, decisions
    assert verify(pg_db).ok


def test_many_at_once_open_one_case_on_a_few_connections(pg_db: Database, tmp_path: Path) -> None:
    toy = Toy(sdn_entities(), tmp_path)

    async def scenario() -> tuple[list[Recorded], int]:
        recorder = AsyncAlertRecorder(pg_db, max_connections=3)
        done = await asyncio.gather(*(arecord(recorder, toy, **ASHOT) for _ in range(10)))
        opened = len(recorder._idle)
        await recorder.close()
        return list(done), opened

    recorded, connections = asyncio.run(scenario())
    assert {tuple(r.cases) for r in recorded} == {(recorded[0].cases[0],)}
    assert connections == 3
    case = CaseService(pg_db).get(ANA, recorded[0].cases[0])
    assert sorted(case["receipts"]) == sorted(r.receipt for r in recorded)
    assert [h["body"]["event"] for h in case["history"]] == ["opened"] + ["alert joined"] * 9
    assert verify(pg_db).ok


def test_a_lost_connection_is_unavailable_and_leaves_nothing(
    pg_db: Database, pg_server: Any, tmp_path: Path
) -> None:
    toy = Toy(sdn_entities(), tmp_path)
    admin = pg_server.admin_url.replace("postgresql+psycopg://", "postgresql://")

    async def scenario() -> Recorded:
        recorder = AsyncAlertRecorder(pg_db)
        await arecord(recorder, toy, "Vladimir Putin")
        (conn,) = recorder._idle
        with psycopg.connect(admin, autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))
        with pytest.raises(DatabaseUnavailable, match="unavailable"):
            await arecord(recorder, toy, **ASHOT)
        assert recorder._idle == []  # the broken connection is not kept
        after = await arecord(recorder, toy, **ASHOT)  # a fresh connection
        await recorder.close()
        return after

    after = asyncio.run(scenario())
    assert len(after.cases) == 1 and read_head(pg_db).count == 2 + 2 and verify(pg_db).ok


def test_a_caller_that_stops_waiting_leaves_a_whole_recording(
    pg_db: Database, tmp_path: Path
) -> None:
    toy = Toy(sdn_entities(), tmp_path)

    async def scenario() -> int:
        recorder = AsyncAlertRecorder(pg_db)
        caller = asyncio.ensure_future(arecord(recorder, toy, **ASHOT))
        await asyncio.sleep(0)  # the recording has started
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        for _ in range(1000):  # it goes on to its commit
            if recorder.recorded:
                break
            await asyncio.sleep(0.01)
        await recorder.close()
        return recorder.recorded

    assert asyncio.run(scenario()) == 1
    assert read_head(pg_db).count == 2 and verify(pg_db).ok


def test_the_api_records_alerts_on_its_event_loop(tmp_path: Path, pg_server: Any) -> None:
    """With the snapshot pinned (after the first recorded request), ``/screen?record=true``
    with an alert goes through the event loop's recorder, not a worker thread."""
    home, url = tmp_path / "home", pg_server.new_database()
    install(home, {"ofac-sdn": sdn_entities()})
    keys = make_users(url)
    forget_databases()
    try:
        for client in running_api(Settings(home=home, database_url=url)):
            client.wait_ready()
            first = client.post("/screen?record=true", json=SCREEN, headers=as_(keys["svc"]))
            second = client.post("/screen?record=true", json=SCREEN, headers=as_(keys["svc"]))
            assert first.status_code == second.status_code == 200, second.text
            assert second.json()["recorded"]["cases"] == first.json()["recorded"]["cases"]
            recorders = client.app.state.decisions._alerts.values()
            assert sum(r.recorded for r in recorders) == 1
    finally:
        forget_databases()
