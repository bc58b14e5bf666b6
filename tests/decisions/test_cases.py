"""Cases on SQLite and PostgreSQL: alerts open or join cases, the life cycle, four eyes in
the core, concurrent decisions (one wins, the other gets a conflict), the good-guy list."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clearance.audit.log import entries, read_head, verify
from clearance.audit.receipts import load_receipt
from clearance.auth.roles import PermissionDenied
from clearance.cases.model import CaseConflict, CaseInputError, FourEyesViolation
from clearance.cases.service import CaseService
from clearance.errors import NotFoundError
from clearance.matching.result import Match
from clearance.model import Name, NameKind
from tests.api.factory import sdn_entities
from tests.decisions.conftest import ANA, AUDREY, BOB, BOTH, SAM, SCREENER, SUE, Toy


def proposed(service: CaseService, toy: Toy, decision: str = "clear", by=ANA) -> int:  # type: ignore[no-untyped-def]
    (case_id,) = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07").cases
    service.start_review(case_id, by)
    service.propose(case_id, by, decision, "different date of birth and nationality")
    return case_id


def test_alert_opens_a_case_and_a_second_alert_joins_it(service: CaseService, toy: Toy) -> None:
    first = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    assert len(first.cases) == 1 and first.receipt
    second = toy.record(service, "ashot  MKRTICHEV", dob="1966-05-07")  # same subject
    assert second.cases == first.cases and second.receipt != first.receipt
    other = toy.record(service, "Ashot Mkrtichev", dob="1970-01-01")  # another subject
    assert other.cases != first.cases
    nothing = toy.record(service, "Jane Plain Citizen")
    assert (
        nothing.cases == [] and load_receipt(service.db, nothing.receipt)["outcome"] == "no alert"
    )
    case = service.get(ANA, first.cases[0])
    assert case["state"] == "open" and case["entity_id"] == "ofac-sdn-41736"
    assert sorted(case["receipts"]) == sorted([first.receipt, second.receipt])
    assert [h["body"]["event"] for h in case["history"]] == ["opened", "alert joined"]
    body = load_receipt(service.db, first.receipt)
    assert body["input"]["name"] == "Ashot Mkrtichev" and len(body["input_sha256"]) == 64
    assert body["snapshot"] == "snap-1" and body["lists"]["ofac-sdn"]["version"] == "2023-12-28"
    assert body["algorithm"]["version"] and body["candidates"][0]["features"]
    assert body["actor"] == "svc" and body["outcome"] == "alert"
    assert verify(service.db).ok


def test_a_joined_case_keeps_its_best_score_and_takes_the_latest_snapshot(
    service: CaseService, toy: Toy
) -> None:
    """Joining updates the open case in place: the higher of the two scores, the newer
    snapshot, one more version, the receipt linked and an "alert joined" event."""
    first = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    listed = service.get(ANA, first.cases[0])
    subject = {"name": "Someone Else Entirely"}

    def alert(score: float, receipt: str, snapshot: str) -> int:
        match = Match(listed["entity_id"], "ofac-sdn", "x", "Person", listed["entity_name"],
                      listed["entity_name"], score, True)  # fmt: skip
        with service.db.session(write=True) as s:
            return service.open_alert(s, subject, match, receipt=receipt, snapshot=snapshot,
                                      source="test", actor="svc")  # fmt: skip

    case_id = alert(0.6, "r-open", "snap-1")
    assert case_id != first.cases[0]
    before = service.get(ANA, case_id)
    assert before["score"] == 0.6 and before["version"] == 1
    assert alert(0.3, "r-low", "snap-2") == case_id
    low = service.get(ANA, case_id)
    assert low["score"] == 0.6 and low["snapshot"] == "snap-2" and low["version"] == 2
    assert low["updated"] >= before["updated"]
    assert alert(0.9, "r-high", "snap-3") == case_id
    high = service.get(ANA, case_id)
    assert high["score"] == 0.9 and high["snapshot"] == "snap-3" and high["version"] == 3
    assert high["state"] == "open" and high["subject_name"] == "Someone Else Entirely"
    assert sorted(high["receipts"]) == ["r-high", "r-low", "r-open"]
    events = [h["body"]["event"] for h in high["history"]]
    assert events == ["opened", "alert joined", "alert joined"]
    assert verify(service.db).ok


def test_writers_alerting_at_once_open_one_case(service: CaseService, toy: Toy) -> None:
    """Eight threads record the same alert at once: one opens the case, the others join it
    (none fails on the open case's unique key), every receipt is linked, the chain verifies."""
    barrier, recorded, errors = threading.Barrier(8), [], []

    def one() -> None:
        barrier.wait()
        try:
            recorded.append(toy.record(service, "Ashot Mkrtichev", dob="1966-05-07"))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == [] and len(recorded) == 8
    assert {tuple(r.cases) for r in recorded} == {(recorded[0].cases[0],)}
    case = service.get(ANA, recorded[0].cases[0])
    assert sorted(case["receipts"]) == sorted(r.receipt for r in recorded)
    events = [h["body"]["event"] for h in case["history"]]
    assert events == ["opened"] + ["alert joined"] * 7
    assert verify(service.db).ok


def test_life_cycle_with_four_eyes(service: CaseService, toy: Toy) -> None:
    case_id = proposed(service, toy, "block")
    with pytest.raises(FourEyesViolation, match="four eyes"):
        service.approve(case_id, replace(ANA, roles=BOTH.roles))  # proposer, now also supervisor
    with pytest.raises(PermissionDenied, match="needs supervisor"):
        service.approve(case_id, BOB)  # an analyst may not approve
    returned = service.send_back(case_id, SUE, "check the passport number first")
    assert returned["state"] == "returned" and returned["proposal"] is None
    service.start_review(case_id, BOB)
    service.propose(case_id, BOB, "reject", "passport matches the listing")
    with pytest.raises(FourEyesViolation):
        service.send_back(case_id, replace(BOB, roles=BOTH.roles), "no")
    done = service.approve(case_id, SUE, "agreed")
    assert done["state"] == "approved" and done["decided_by"] == "sue"
    with pytest.raises(CaseConflict, match="already decided"):
        service.approve(case_id, SAM)
    events = [h["body"]["event"] for h in service.get(AUDREY, case_id)["history"]]
    assert events == [
        "opened",
        "review started",
        "proposed",
        "returned",
        "review started",
        "proposed",
        "approved",
    ]
    # a later alert on the same pair opens a new case: the decided one is closed
    again = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    assert again.cases and again.cases[0] != case_id


def test_both_roles_cannot_approve_own_proposal(service: CaseService, toy: Toy) -> None:
    case_id = proposed(service, toy, "clear", by=BOTH)
    with pytest.raises(FourEyesViolation):
        service.approve(case_id, BOTH)
    assert service.approve(case_id, SUE)["state"] == "approved"


def test_roles_reasons_and_unknown_cases(service: CaseService, toy: Toy) -> None:
    (case_id,) = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07").cases
    with pytest.raises(CaseInputError, match="reason is required"):
        service.propose(case_id, ANA, "clear", "  ")
    with pytest.raises(CaseInputError, match="unknown decision"):
        service.propose(case_id, ANA, "ignore", "because")
    with pytest.raises(PermissionDenied):
        service.propose(case_id, SUE, "clear", "supervisors do not propose")
    with pytest.raises(PermissionDenied):
        service.list_cases(SCREENER)
    with pytest.raises(PermissionDenied):
        service.comment(case_id, AUDREY, "auditors only read")
    with pytest.raises(PermissionDenied):
        toy.record(service, "Ashot Mkrtichev", actor=AUDREY)
    with pytest.raises(NotFoundError, match="no case 999"):
        service.approve(999, SUE)
    with pytest.raises(NotFoundError, match="no case 999"):
        service.get(ANA, 999)
    with pytest.raises(CaseConflict, match="no proposal"):
        service.approve(case_id, SUE)
    service.assign(case_id, SUE, "ana")
    service.set_due(case_id, SUE, date(2027, 1, 15))
    service.comment(case_id, ANA, "asked the customer for a passport copy")
    case = service.get(AUDREY, case_id)
    assert case["assignee"] == "ana" and case["due"] == "2027-01-15"
    assert [c["id"] for c in service.list_cases(AUDREY, assignee="ana")] == [case_id]
    assert service.list_cases(AUDREY, state="approved") == []
    stale = case["version"] - 1
    with pytest.raises(CaseConflict, match="changed since you read it"):
        service.propose(case_id, ANA, "clear", "ok", version=stale)


def test_concurrent_approvals_one_wins(service: CaseService, toy: Toy) -> None:
    case_id = proposed(service, toy)
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def decide(actor) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        try:
            outcomes[actor.name] = service.approve(case_id, actor, f"ok by {actor.name}")[
                "decided_by"
            ]
        except CaseConflict as exc:
            outcomes[actor.name] = exc

    threads = [threading.Thread(target=decide, args=(a,)) for a in (SUE, SAM)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    wins = [v for v in outcomes.values() if isinstance(v, str)]
    losses = [v for v in outcomes.values() if isinstance(v, CaseConflict)]
    assert len(wins) == 1 and len(losses) == 1, outcomes
    approvals = [
        h for h in entries(service.db, "case", str(case_id)) if h["body"]["event"] == "approved"
    ]
    assert len(approvals) == 1 and approvals[0]["actor"] == wins[0]
    assert verify(service.db).ok


def test_goodguy_suppresses_until_the_entity_changes(service: CaseService, tmp_path: Path) -> None:
    toy = Toy(sdn_entities(), tmp_path / "1")
    case_id = proposed(service, toy, "clear")
    service.approve(case_id, SUE)
    later = toy.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    assert later.cases == [] and later.suppressed == [
        {"entity_id": "ofac-sdn-41736", "case": case_id}
    ]
    assert load_receipt(service.db, later.receipt)["goodguy"]["ofac-sdn-41736"]["suppressed"]
    # another subject alerting on the same entity is not covered by that clear
    assert toy.record(service, "Ashot Mkrtichev", dob="1970-02-02").cases
    changed = []
    for e in sdn_entities():
        if e.id == "ofac-sdn-41736":
            e = replace(e, names=(*e.names, Name("MKRTYCHEV, Ashot Rafikovich", kind=NameKind.AKA)))
        changed.append(e)
    toy2 = Toy(changed, tmp_path / "2", snapshot="snap-2")
    reopened = toy2.record(service, "Ashot Mkrtichev", dob="1966-05-07")
    assert len(reopened.cases) == 1
    case = service.get(ANA, reopened.cases[0])
    assert case["reopened_because"] == ["name or alias added: MKRTYCHEV, Ashot Rafikovich"]
    assert case["history"][0]["body"]["reopened_because"] == case["reopened_because"]


def test_batch_run_receipt_and_alert_receipts(service: CaseService, toy: Toy) -> None:
    alerts = [toy.screen("Ashot Mkrtichev", id="row-1"), toy.screen("Vladimir Putin", id="row-7")]
    run = {"input_sha256": "a" * 64, "output_sha256": "b" * 64, "counts": {"rows": 10, "alerts": 2}}
    run_id, recorded = service.record_batch(
        alerts, toy.context, SCREENER, entity=toy.entities.get, run=run
    )
    body = load_receipt(service.db, run_id)
    assert body["kind"] == "batch-run" and body["counts"] == {"rows": 10, "alerts": 2}
    assert body["output_sha256"] == "b" * 64
    assert len(recorded) == 2 and all(r.cases for r in recorded)
    alert = load_receipt(service.db, recorded[1].receipt)
    assert alert["kind"] == "alert" and alert["run"] == run_id and alert["input"]["id"] == "row-7"
    assert verify(service.db).ok


def test_a_connection_lost_inside_the_alert_path_is_unavailable_and_leaves_nothing(
    pg_server,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """PostgreSQL: the alert path's statements run on the driver's connection; a backend that
    dies under them is "database unavailable" (HTTP 503), nothing is written, and the next
    alert records on a fresh connection."""
    import psycopg

    from clearance.cases.goodguy import goodguy_check
    from clearance.db import Database
    from clearance.db.engine import DatabaseUnavailable

    db = Database(pg_server.new_database())
    db.upgrade()
    service, toy = CaseService(db), Toy(sdn_entities(), tmp_path)
    result = toy.screen("Ashot Mkrtichev", dob="1966-05-07")
    entity = toy.entities["ofac-sdn-41736"]
    admin = pg_server.admin_url.replace("postgresql+psycopg://", "postgresql://")
    with pytest.raises(DatabaseUnavailable, match="unavailable"), db.session(write=True) as s:
        pid = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with psycopg.connect(admin, autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", (pid,))
        goodguy_check(s, "k" * 64, entity)
    assert verify(db).ok and read_head(db).count == 0
    recorded = service.record(result, toy.context, SCREENER, entity=toy.entities.get)
    assert len(recorded.cases) == 1 and read_head(db).count == 2 and verify(db).ok
    db.dispose()
