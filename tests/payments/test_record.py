"""Payments into the audit trail: `clearance payment --record` and `POST /payments/screen?
record=true` (a real server) write one receipt per message (the message's canonical hash, the
hits with their field paths, the decision and rule), open or join a case per stopping hit with
the field path in its evidence, honour the good-guy list, and leave the hash chain intact."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from typer.testing import CliRunner, Result

from clearance.audit.log import verify
from clearance.audit.receipts import load_receipt
from clearance.auth.roles import UserRole
from clearance.auth.users import UserStore
from clearance.cli.main import app
from clearance.db import Database
from clearance.db.engine import forget_databases
from tests.api.server import Server

from .conftest import FIXTURES

R = UserRole
ROLES = {"svc": {R.SCREENER}, "ana": {R.ANALYST}, "sue": {R.SUPERVISOR}, "aud": {R.AUDITOR}}


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    forget_databases()
    yield f"sqlite:///{tmp_path / 'clearance.db'}"
    forget_databases()


@pytest.fixture
def keys(db_url: str) -> dict[str, str]:
    db = Database(db_url)
    try:
        db.upgrade()
        users = UserStore(db)
        for name, held in ROLES.items():
            users.add(name, frozenset(held))
        return {name: users.new_key(name) for name in ROLES}
    finally:
        db.dispose()


def run(home: Path, db_url: str, *args: str, ok: bool = True) -> Result:
    env = {"CLEARANCE_DATABASE_URL": db_url, "CLEARANCE_USER_KEY": ""}
    result = CliRunner().invoke(app, ["--home", str(home), *args], env=env)
    assert "Traceback" not in result.output
    if ok:
        assert result.exit_code == 0, result.output
    return result


def records(result: Result) -> dict[str, dict[str, Any]]:
    rows = [orjson.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {r["reference"]: r for r in rows}


def test_cli_records_receipts_and_cases(sdn_home: Path, db_url: str, keys: dict[str, str]) -> None:
    out = records(run(sdn_home, db_url, "payment", str(FIXTURES), "--record", "--as", "svc",
                      "--json"))  # fmt: skip
    verus, look = out["H15-MT103-0001"], out["H15-LOOK-0002"]
    assert verus["decision"] == "block" and len(verus["recorded"]["cases"]) >= 1
    assert look["decision"] == "clear" and look["recorded"]["cases"] == []
    db = Database(db_url)
    try:
        receipt = load_receipt(db, verus["recorded"]["receipt"])
        assert receipt["kind"] == "payment" and receipt["actor"] == "svc"
        assert receipt["decision"] == "block" and receipt["rule"] == verus["rule"]
        assert receipt["message_sha256"] == verus["recorded"]["message_sha256"]
        assert receipt["input"]["reference"] == "H15-MT103-0001"
        assert receipt["hits"][0]["field"] == ":59: line 2"
        assert receipt["policy"]["sha256"] and receipt["snapshot"] == verus["snapshot"]
        clear = load_receipt(db, look["recorded"]["receipt"])
        assert clear["outcome"] == "no alert" and clear["decision"] == "clear"
        assert verify(db).ok
    finally:
        db.dispose()
    # the case: the listed entity, the field path as evidence; a second payment joins it
    case_id = verus["recorded"]["cases"][0]
    case = orjson.loads(run(sdn_home, db_url, "case", "show", str(case_id), "--as", "ana",
                            "--json").stdout)  # fmt: skip
    assert case["entity_id"] == "ofac-sdn-44544" and case["state"] == "open"
    assert case["subject"]["payment"]["field"] == ":59: line 2"
    assert case["subject"]["payment"]["message_reference"] == "H15-MT103-0001"
    assert case["source"] == "payment-cli"
    again = records(run(sdn_home, db_url, "payment", str(FIXTURES / "mt103-verus.fin"),
                        "--record", "--as", "svc", "--json"))["H15-MT103-0001"]  # fmt: skip
    assert again["recorded"]["cases"][0] == case_id  # joined, not a new case
    assert again["recorded"]["message_sha256"] == verus["recorded"]["message_sha256"]
    assert again["recorded"]["receipt"] != verus["recorded"]["receipt"]
    # a place rule opens a case of its own, naming the rule
    simf = out["H15-P8-SIMF-1"]
    (region_case,) = simf["recorded"]["cases"]
    shown = orjson.loads(run(sdn_home, db_url, "case", "show", str(region_case), "--as", "ana",
                             "--json").stdout)  # fmt: skip
    assert shown["entity_id"] == "rule:us-ofac/region/crimea"
    assert shown["subject"]["payment"]["field"] == "CdtTrfTxInf/Cdtr/PstlAdr/TwnNm"
    assert "intact" in run(sdn_home, db_url, "audit", "verify", "--as", "aud").stdout


def test_cli_good_guy_clear_suppresses_the_next_case(
    sdn_home: Path, db_url: str, keys: dict[str, str]
) -> None:
    pain = str(FIXTURES / "pain001-mkrtychev.xml")
    first = records(run(sdn_home, db_url, "payment", pain, "--record", "--as", "svc", "--json"))
    (recorded,) = [r["recorded"] for r in first.values()]
    (case_id,) = recorded["cases"]
    run(sdn_home, db_url, "case", "review", str(case_id), "--as", "ana")
    run(sdn_home, db_url, "case", "propose", str(case_id), "clear", "--reason",
        "a traveller's name in the remittance text", "--as", "ana")  # fmt: skip
    run(sdn_home, db_url, "case", "approve", str(case_id), "--as", "sue")
    later = records(run(sdn_home, db_url, "payment", pain, "--record", "--as", "svc", "--json"))
    (row,) = later.values()
    assert row["decision"] == "review"  # the decision is the policy's; no new case is opened
    assert row["recorded"]["cases"] == []
    assert row["recorded"]["suppressed"][0]["case"] == case_id


def test_cli_record_needs_a_user_who_may_record(
    sdn_home: Path, db_url: str, keys: dict[str, str]
) -> None:
    verus = str(FIXTURES / "mt103-verus.fin")
    nobody = run(sdn_home, db_url, "payment", verus, "--record", ok=False)
    assert nobody.exit_code == 1 and "say who you are" in nobody.output
    auditor = run(sdn_home, db_url, "payment", verus, "--record", "--as", "aud", ok=False)
    assert auditor.exit_code == 1 and "'aud' may not record" in auditor.output
    table = run(sdn_home, db_url, "payment", verus, "--record", "--as", "svc").stdout
    assert "receipt " in table and ", case " in table


def test_http_records_with_the_callers_name(
    sdn_home: Path, db_url: str, keys: dict[str, str]
) -> None:
    srv = Server(sdn_home, env={"CLEARANCE_DATABASE_URL": db_url})
    try:
        srv.wait_ready()
        as_ = {name: {"Authorization": f"Bearer {key}"} for name, key in keys.items()}
        plain = httpx.post(
            f"{srv.url}/payments/screen",
            content=(FIXTURES / "pacs008-versor.xml").read_bytes(),
            headers={**as_["svc"], "content-type": "application/xml"},
            timeout=60,
        )
        assert "recorded" not in plain.json()["results"][0]
        res = httpx.post(
            f"{srv.url}/payments/screen?record=true",
            content=(FIXTURES / "pacs008-versor.xml").read_bytes(),
            headers={**as_["svc"], "content-type": "application/xml"},
            timeout=60,
        )
        assert res.status_code == 200, res.text
        (result,) = res.json()["results"]
        assert result["decision"] == "block"
        recorded = result["recorded"]
        receipt = httpx.get(f"{srv.url}/receipts/{recorded['receipt']}", headers=as_["aud"])
        body = receipt.json()
        assert body["actor"] == "svc" and body["kind"] == "payment"
        assert body["message_sha256"] == recorded["message_sha256"]
        assert body["hits"][0]["field"] == "CdtTrfTxInf/Cdtr/Nm"
        case = httpx.get(f"{srv.url}/cases/{recorded['cases'][0]}", headers=as_["ana"]).json()
        assert case["entity_id"] == "ofac-sdn-44579" and case["source"] == "payment-api"
        assert case["subject"]["payment"]["field"] == "CdtTrfTxInf/Cdtr/Nm"
        assert recorded["receipt"] in case["receipts"]
        batch = httpx.post(
            f"{srv.url}/payments/screen/batch",
            json={"record": True, "messages": [
                {"id": "a", "body": (FIXTURES / "mt103-verus.fin").read_text()},
                {"id": "b", "body": (FIXTURES / "pacs008-lookalike.xml").read_text()}]},
            headers=as_["svc"],
            timeout=60,
        )  # fmt: skip
        assert batch.status_code == 200, batch.text
        got = {r["id"]: r for r in batch.json()["results"]}
        assert got["a"]["recorded"]["cases"] and got["b"]["recorded"]["cases"] == []
        denied = httpx.post(
            f"{srv.url}/payments/screen?record=true",
            content=(FIXTURES / "pacs008-versor.xml").read_bytes(),
            headers={**as_["aud"], "content-type": "application/xml"},
            timeout=60,
        )
        assert denied.status_code == 403
        assert httpx.get(f"{srv.url}/audit/verify", headers=as_["aud"]).json()["ok"]
    finally:
        srv.stop()


def test_record_payments_setting_records_every_payment(
    sdn_home: Path, db_url: str, keys: dict[str, str]
) -> None:
    """CLEARANCE_RECORD_PAYMENTS=true: the CLI records without --record (and so needs a
    user); the API records whatever the request says."""
    verus = str(FIXTURES / "mt103-verus.fin")
    env = {"CLEARANCE_DATABASE_URL": db_url, "CLEARANCE_USER_KEY": "",
           "CLEARANCE_RECORD_PAYMENTS": "true"}  # fmt: skip
    runner = CliRunner()
    nobody = runner.invoke(app, ["--home", str(sdn_home), "payment", verus], env=env)
    assert nobody.exit_code == 1 and "say who you are" in nobody.output
    done = runner.invoke(app, ["--home", str(sdn_home), "payment", verus, "--json"],
                         env={**env, "CLEARANCE_USER_KEY": keys["svc"]})  # fmt: skip
    assert done.exit_code == 0, done.output
    (row,) = records(done).values()
    assert row["recorded"]["receipt"] and row["recorded"]["cases"]
    srv = Server(sdn_home, env={"CLEARANCE_DATABASE_URL": db_url,
                                "CLEARANCE_RECORD_PAYMENTS": "true"})  # fmt: skip
    try:
        srv.wait_ready()
        res = httpx.post(
            f"{srv.url}/payments/screen?record=false",
            content=(FIXTURES / "pacs008-lookalike.xml").read_bytes(),
            headers={"Authorization": f"Bearer {keys['svc']}", "content-type": "application/xml"},
            timeout=60,
        )
        assert res.status_code == 200, res.text
        (result,) = res.json()["results"]
        assert result["decision"] == "clear" and result["recorded"]["receipt"]
    finally:
        srv.stop()
