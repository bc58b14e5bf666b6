"""The recording path of ``POST /screen?record=true`` (one client's request waits on it): the
receipt's time formatted without ``datetime.isoformat`` on every request, the route's checks
(snapshot pinned, no spool, a shareable database, the screening context) and the event loop's
receipt writer found once per engine and loop, not on every request; on PostgreSQL one prepared
statement (one transaction) a recorded screening without alerts. A receipt from this path has
the content of one written by the worker-thread path for the same screening, verifies and
replays."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select

from clearance.api import routes_cases
from clearance.audit import log
from clearance.audit.async_writer import AsyncReceiptWriter
from clearance.audit.chain import canonical
from clearance.audit.log import now_iso
from clearance.audit.pg_params import ONE_NAME
from clearance.audit.tables import AuditRow
from clearance.db import Database
from tests.decisions.test_api import api, as_, home  # noqa: F401 - fixtures
from tests.decisions.test_cli import Cli

Api = tuple[Any, dict[str, str]]
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def test_now_iso_is_isoformat_of_the_clock_it_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    base = int(datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()) * 10**9
    clock = [base, base + 999_999_999, base + 10**9, base + 10**9 + 1_999, base + 10**9 + 7_000,
             base + 2 * 10**9 + 123_456_789, base + 10**9 + 5]  # fmt: skip
    for ns in clock:  # back and forth across seconds (and a year): nothing stale is reused
        monkeypatch.setattr(log.time, "time_ns", lambda ns=ns: ns)
        expected = EPOCH + timedelta(microseconds=ns // 1000)  # floored, as datetime.now
        assert now_iso() == expected.isoformat(timespec="microseconds")
    monkeypatch.undo()
    before = datetime.now(UTC)
    now = now_iso()
    after = datetime.now(UTC)
    assert ISO.fullmatch(now) and before <= datetime.fromisoformat(now) <= after


def _record(client: Any, key: str, n: int) -> list[str]:
    ids = []
    for _ in range(n):
        res = client.post(
            "/screen?record=true",
            json={"name": "Jane Citizen", "dob": "1970-01-01", "country": ["gb"], "id": "c-17"},
            headers=as_(key),
        )
        assert res.status_code == 200 and res.json()["recorded"]["cases"] == [], res.text
        ids.append(res.json()["recorded"]["receipt"])
    return ids


def _stored(db_url: str, ids: list[str]) -> list[AuditRow]:
    db = Database(db_url)
    try:
        with db.session() as s:
            rows = {r.ref: r for r in s.scalars(select(AuditRow).where(AuditRow.ref.in_(ids)))}
            for row in rows.values():
                s.expunge(row)
    finally:
        db.dispose()
    return [rows[i] for i in ids]


def test_a_receipt_from_the_loops_writer_is_the_worker_threads_and_verifies_and_replays(
    api: Api,  # noqa: F811
    home: Path,  # noqa: F811
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client, keys = api
    paths: list[str] = []
    record = routes_cases.Decisions.record
    start = routes_cases.Decisions.start_record

    def in_thread(self: Any, *args: Any) -> Any:
        paths.append("thread")
        return record(self, *args)

    def on_loop(self: Any, *args: Any) -> Any:
        started = start(self, *args)
        paths.append("loop" if started is not None else "-")
        return started

    monkeypatch.setattr(routes_cases.Decisions, "record", in_thread)
    monkeypatch.setattr(routes_cases.Decisions, "start_record", on_loop)
    ids = _record(client, keys["svc"], 3)
    assert paths == ["-", "thread", "loop", "loop"]  # the first pins the snapshot
    rows = _stored(db_url, ids)
    bodies = [orjson.loads(row.body) for row in rows]
    for row, body in zip(rows, bodies, strict=True):
        assert row.body == canonical(body).decode()  # stored as hashed: canonical JSON
        assert ISO.fullmatch(body["at"]) and row.at == body["at"]
    same = [canonical({**b, "receipt": None, "at": None}) for b in bodies]
    assert same[0] == same[1] == same[2]  # the same content whichever path wrote it
    assert bodies[1]["input"]["name"] == "Jane Citizen" and bodies[1]["candidates"] == []
    cli = Cli(home, db_url)
    assert "intact" in cli("audit", "verify", "--as", "aud").stdout
    replayed = cli.json("audit", "replay", ids[2], "--as", "aud")
    assert isinstance(replayed, dict) and replayed["own_snapshot"]["identical"]


def test_the_routes_checks_and_writer_are_found_once_per_engine_and_loop(
    api: Api,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client, keys = api
    calls = {"pinned": 0, "context": 0, "writers": 0}
    pinned, context = routes_cases.is_pinned, routes_cases.screening_context

    def is_pinned(*args: Any) -> bool:
        calls["pinned"] += 1
        return pinned(*args)

    def screening_context(*args: Any) -> Any:
        calls["context"] += 1
        return context(*args)

    decisions = client.app.state.decisions
    writers = decisions._writers

    class Counted(type(writers)):  # type: ignore[misc]
        def get(self, *args: Any) -> Any:
            calls["writers"] += 1
            return super().get(*args)

    counted = Counted()
    counted.update(writers)
    monkeypatch.setattr(decisions, "_writers", counted)
    monkeypatch.setattr(routes_cases, "is_pinned", is_pinned)
    monkeypatch.setattr(routes_cases, "screening_context", screening_context)
    _record(client, keys["svc"], 8)
    writers.update(counted)  # the server's shutdown closes the writer it finds there
    # the first request (worker thread) and the second (the checks kept): not once a request
    assert calls == {"pinned": 2, "context": 2, "writers": 1}


def test_one_statement_and_one_transaction_a_recorded_screening_on_postgresql(
    api: Api,  # noqa: F811
    db_url: str,
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("the event loop's writer statement is PostgreSQL's")
    client, keys = api
    ids = _record(client, keys["svc"], 6)
    (writer,) = client.app.state.decisions._writers.values()
    assert isinstance(writer, AsyncReceiptWriter)

    async def executed() -> dict[str, int]:
        lane = writer._lanes[0]
        assert lane.conn is not None and lane.flight is None
        res = lane.conn.pgconn.exec_(
            b"SELECT name, generic_plans + custom_plans FROM pg_prepared_statements"
        )
        return {
            bytes(res.get_value(i, 0) or b"").decode(): int(bytes(res.get_value(i, 1) or b"0"))
            for i in range(res.ntuples)
        }

    runs = client.portal.call(executed)
    # the five after the first (a worker thread's): the one-row statement five times, nothing
    # else on the writer's connection, one connection, and each receipt its own transaction
    assert runs[ONE_NAME.decode()] == 5 and sum(runs.values()) == 5
    assert writer.connections == 1 and (writer.batches, writer.written) == (5, 5)
    db = Database(db_url)
    try:
        with db.engine.connect() as conn:
            xmins = conn.exec_driver_sql(
                "SELECT count(DISTINCT xmin::text), count(*) FROM audit_log "
                "WHERE ref = ANY(%(ids)s)",
                {"ids": ids},
            ).one()
            others = conn.exec_driver_sql("SELECT count(*) FROM audit_log WHERE kind <> 'receipt'")
            assert tuple(xmins) == (6, 6) and others.scalar() == 0
    finally:
        db.dispose()
