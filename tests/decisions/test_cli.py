"""The CLI end to end on SQLite and PostgreSQL: users, `screen --record`, `case …` with four
eyes, `audit verify|head|report|export|replay`, and one-line errors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clearance.cli.main import app
from clearance.db.engine import forget_databases
from clearance.model import Name, NameKind
from tests.api.factory import install, person, sdn_entities, un_entities


class Cli:
    def __init__(self, home: Path, db_url: str) -> None:
        self.home = home
        self.env = {"CLEARANCE_DATABASE_URL": db_url, "CLEARANCE_USER_KEY": ""}
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True, key: str = "") -> Result:
        env = {**self.env, "CLEARANCE_USER_KEY": key}
        result = self.runner.invoke(app, ["--home", str(self.home), *args], env=env)
        assert "Traceback" not in result.output
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def json(self, *args: str, key: str = "") -> object:
        return json.loads(self(*args, "--json", key=key).stdout)


@pytest.fixture
def cli(tmp_path: Path, db_url: str) -> Cli:
    forget_databases()
    home = tmp_path / "home"
    install(home, {"ofac-sdn": sdn_entities(), "un": un_entities()}, published="2023-06-01")
    cli = Cli(home, db_url)
    cli("users", "add", "ana", "--role", "analyst")
    cli("users", "add", "sue", "--role", "supervisor")
    cli("users", "add", "max", "--role", "analyst,supervisor")
    cli("users", "add", "aud", "--role", "auditor")
    return cli


def test_screen_record_case_four_eyes_and_audit(cli: Cli, tmp_path: Path) -> None:
    key = cli("users", "add", "svc", "--role", "screener", "--key").stdout.strip()
    out = cli.json("screen", "Ashot Mkrtichev", "--dob", "1966-05-07", "--record", key=key)
    assert isinstance(out, dict) and out["alert"]
    receipt, (case_id,) = out["recorded"]["receipt"], out["recorded"]["cases"]
    refused = cli("screen", "Ashot Mkrtichev", "--record", "--as", "aud", ok=False)
    assert refused.exit_code == 1 and "may not write screening receipts" not in refused.output
    assert "'aud' may not record" in refused.output
    nobody = cli("screen", "Ashot Mkrtichev", "--record", ok=False)
    assert "say who you are" in nobody.output
    listed = cli.json("case", "list", "--as", "aud")
    assert isinstance(listed, list) and [c["id"] for c in listed] == [case_id]
    cli("case", "assign", str(case_id), "ana", "--due", "2027-02-01", "--as", "sue")
    cli("case", "review", str(case_id), "--as", "ana")
    no_reason = cli("case", "propose", str(case_id), "block", "--as", "max", ok=False)
    assert "reason is required" in no_reason.output
    cli("case", "propose", str(case_id), "block", "--reason", "passport matches", "--as", "max")
    own = cli("case", "approve", str(case_id), "--as", "max", ok=False)
    assert own.exit_code == 1 and "four eyes" in own.output
    cli("case", "approve", str(case_id), "--as", "sue", "--reason", "confirmed")
    shown = cli.json("case", "show", str(case_id), "--as", "aud")
    assert isinstance(shown, dict) and shown["state"] == "approved" and shown["decided_by"] == "sue"
    # the audit trail
    assert "intact" in cli("audit", "verify", "--as", "aud").stdout
    head_file = tmp_path / "head.json"
    cli("audit", "head", "-o", str(head_file), "--as", "aud")
    assert json.loads(head_file.read_text())["count"] >= 6
    assert (
        "matches the saved head"
        in cli("audit", "verify", "--head", str(head_file), "--as", "aud").stdout
    )
    report = cli(
        "audit",
        "report",
        str(case_id),
        "--format",
        "csv",
        "--holder",
        "First Bank",
        "--property",
        "account 123",
        "--value",
        "USD 5,000",
        "--as",
        "aud",
    ).stdout
    assert "blocked property,31 CFR 501.603" in report and "RUSSIA-EO14024" in report
    assert "First Bank" in report and "ofac-sdn-41736" in report
    html = cli("audit", "report", str(case_id), "--format", "html", "--as", "aud").stdout
    assert "<h1>Report of blocked property</h1>" in html
    export = tmp_path / "case.json"
    cli("audit", "export", str(case_id), "-o", str(export), "--as", "aud")
    data = json.loads(export.read_text())
    assert data["case"]["id"] == case_id and data["receipts"][0]["receipt"] == receipt
    assert [d["body"]["event"] for d in data["decisions"]] == ["proposed", "approved"]
    assert data["chain"]["verified"]["ok"] and len(data["chain"]["rows"]) >= 6
    # replay on the receipt's own snapshot reproduces it exactly
    same = cli.json("audit", "replay", receipt, "--as", "aud")
    assert (
        isinstance(same, dict) and same["own_snapshot"]["identical"] and same["today"]["identical"]
    )


def test_replay_explains_a_list_change(cli: Cli) -> None:
    out = cli.json("screen", "Ashot Mkrtichev", "--dob", "1966-05-07", "--record", "--as", "ana")
    assert isinstance(out, dict)
    receipt = out["recorded"]["receipt"]
    changed = [
        replace(e, names=(*e.names, Name("MKRTICHEV, Ashot", kind=NameKind.AKA)))
        if e.source_id == "41736"
        else e
        for e in sdn_entities()
    ] + [person("ofac-sdn", "77777", "MKRTICHEV, Ashot Junior")]
    install(cli.home, {"ofac-sdn": changed, "un": un_entities()}, published="2023-12-28")
    report = cli.json("audit", "replay", receipt, "--as", "sue")
    assert isinstance(report, dict)
    assert report["own_snapshot"]["identical"]
    today = report["today"]
    assert today["lists_changed"]["ofac-sdn"] == {"then": "2023-06-01", "now": "2023-12-28"}
    assert not today["algorithm_changed"]
    why = {d["entity_id"]: d["why"] for d in today["differences"]}
    assert why["ofac-sdn-77777"] == "list change: the entity was added to the list"
    assert why.get("ofac-sdn-41736", "list change: name or alias added: MKRTICHEV, Ashot") == (
        "list change: name or alias added: MKRTICHEV, Ashot"
    )  # the new alias explains any move of that entity's score
    text = cli("audit", "replay", receipt, "--as", "sue").stdout
    assert "list ofac-sdn: 2023-06-01 -> 2023-12-28" in text


def test_clear_errors(cli: Cli) -> None:
    assert "no case 999" in cli("case", "show", "999", "--as", "ana", ok=False).output
    assert "no receipt 'nope'" in cli("audit", "replay", "nope", "--as", "ana", ok=False).output
    assert "no user named 'zed'" in cli("case", "list", "--as", "zed", ok=False).output
    assert "unknown role 'boss'" in cli("users", "add", "x", "--role", "boss", ok=False).output
    assert "already exists" in cli("users", "add", "ana", "--role", "analyst", ok=False).output
    denied = cli("audit", "verify", "--as", "ana", ok=False)
    assert "'ana' may not read the audit trail" in denied.output
    bad_key = cli("case", "list", ok=False, key="not-a-key")
    assert "CLEARANCE_USER_KEY is not a valid key" in bad_key.output


BIG_IDS = ["0", "2147483648", "99999999999", str(2**63), "1" + "0" * 30]


def test_ids_out_of_range_or_unknown_are_one_clear_line(cli: Cli) -> None:
    for case_id in BIG_IDS:
        for args in (
            ["case", "show", case_id],
            ["case", "assign", case_id, "ana"],
            ["case", "review", case_id],
            ["case", "comment", case_id, "hello"],
            ["case", "propose", case_id, "clear", "--reason", "why"],
            ["case", "approve", case_id],
            ["case", "return", case_id, "--reason", "why"],
            ["audit", "export", case_id],
            ["audit", "report", case_id],
        ):
            who = "sue" if args[1] in {"approve", "return", "assign"} else "max"
            result = cli(*args, "--as", who, ok=False)
            assert result.exit_code == 1, (args, result.output)
            assert result.output.strip() == f"error: no case {case_id}", (args, result.output)
    for receipt in ["0" * 32, "x" * 300, "1" + "0" * 30]:
        for command in ("receipt", "replay"):
            result = cli("audit", command, receipt, "--as", "sue", ok=False)
            assert result.output.strip() == f"error: no receipt {receipt!r}", result.output
    bad_state = cli("case", "list", "--state", "bogus", "--as", "aud", ok=False)
    assert bad_state.exit_code == 1 and "unexpected" not in bad_state.output
    assert "'bogus' is not a case state" in bad_state.output


def test_database_unreachable_is_one_clear_line(tmp_path: Path) -> None:
    from tests.pg import _free_port

    forget_databases()
    home = tmp_path / "home"
    install(home, {"ofac-sdn": sdn_entities(), "un": un_entities()}, published="2023-06-01")
    cli = Cli(home, f"postgresql+psycopg://u@127.0.0.1:{_free_port()}/none")
    for args in (["case", "list", "--as", "ana"], ["audit", "verify", "--as", "ana"],
                 ["screen", "Ashot Mkrtichev", "--record", "--as", "ana"]):  # fmt: skip
        result = cli(*args, ok=False)
        assert result.exit_code == 1, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: database "), result.output
        assert "unavailable" in lines[0]
    forget_databases()
