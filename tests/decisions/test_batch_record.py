"""``clearance batch --record`` end to end on SQLite and PostgreSQL: a real CSV screened against
a slice of the real OFAC SDN 2023-12-28 by worker processes, then one run receipt (file hashes,
counts), one receipt per alert, a case per (subject, listed entity) — joined when the same
customer alerts twice — and a chain that verifies. Roles are enforced before the run starts."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from clearance.db.engine import forget_databases
from tests.batch.homes import build_home, write_csv
from tests.decisions.dbtools import receipt_rows
from tests.decisions.test_cli import Cli

ROWS = [
    {"id": "c0", "name": "Ashot Mkrtychev", "type": "person"},
    {"id": "c1", "name": "John Smith", "type": "person"},
    {"id": "c2", "name": "Vladimir Putin", "type": "person"},
    {"id": "c3", "name": "Maria Garcia", "type": ""},
    {"id": "c0", "name": "Ashot Mkrtychev", "type": "person"},  # same customer again: joins
]


@pytest.fixture(scope="module")
def record_home(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("record-home")
    build_home(home, data_dir, size=100)
    return home


@pytest.fixture
def cli(record_home: Path, db_url: str) -> Cli:
    forget_databases()
    cli = Cli(record_home, db_url)
    cli("users", "add", "aud", "--role", "auditor")
    return cli


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_batch_record_writes_run_and_alert_receipts_and_cases(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    key = cli("users", "add", "svc", "--role", "screener", "--key").stdout.strip()
    src, out = write_csv(tmp_path / "customers.csv", ROWS), tmp_path / "out.csv"
    result = cli("batch", str(src), "-o", str(out), "--workers", "2", "--record", "--json", key=key)
    summary = json.loads(result.stdout)
    assert summary["alerts"] == 3 and summary["rows"] == 5
    recorded = summary["recorded"]
    assert len(recorded["alert_receipts"]) == 3
    # the run receipt: both files' hashes and the counts
    run = json.loads(cli("audit", "receipt", recorded["receipt"], "--as", "aud").stdout)
    assert run["kind"] == "batch-run" and run["actor"] == "svc"
    assert run["input_sha256"] == sha256(src) and run["output_sha256"] == sha256(out)
    assert run["counts"] == {"rows": 5, "screened": 5, "alerts": 3, "errors": 0}
    assert run["lists"]["ofac-sdn"]["files"] and run["algorithm"]["parameters_sha256"]
    # one receipt per alert, pointing at the run, with the screened input
    alerts = [
        json.loads(cli("audit", "receipt", r, "--as", "aud").stdout)
        for r in recorded["alert_receipts"]
    ]
    assert {a["run"] for a in alerts} == {recorded["receipt"]}
    assert sorted(a["input"]["id"] for a in alerts) == ["c0", "c0", "c2"]
    assert all(a["outcome"] == "alert" and a["source"] == "batch" for a in alerts)
    # a case per (customer, listed entity): c0's second alert joined its first case
    expected = {
        (a["subject_key"], m["entity_id"]) for a in alerts for m in a["candidates"] if m["alert"]
    }
    assert len(recorded["cases"]) == len(expected) >= 2
    cases = json.loads(cli("case", "list", "--as", "aud", "--json").stdout)
    assert sorted(c["id"] for c in cases) == recorded["cases"]
    mkrtychev = [c for c in cases if c["entity_id"] == "ofac-sdn-41736"]
    assert len(mkrtychev) == 1 and mkrtychev[0]["subject"]["id"] == "c0"
    shown = json.loads(cli("case", "show", str(mkrtychev[0]["id"]), "--as", "aud", "--json").stdout)
    events = [h["body"]["event"] for h in shown["history"]]
    assert events == ["opened", "alert joined"] and len(shown["receipts"]) == 2
    # the index rows and the chain
    kinds = Counter(r[1] for r in receipt_rows(db_url))
    assert sorted(kinds.items()) == [("alert", 3), ("batch-run", 1)]
    assert "intact" in cli("audit", "verify", "--as", "aud").stdout


def test_batch_record_refusals_are_one_line_and_write_nothing(cli: Cli, tmp_path: Path) -> None:
    src, out = write_csv(tmp_path / "customers.csv", ROWS), tmp_path / "out.csv"
    refused = cli("batch", str(src), "-o", str(out), "--record", "--as", "aud", ok=False)
    assert refused.exit_code == 1 and "'aud' may not record" in refused.output
    nobody = cli("batch", str(src), "-o", str(out), "--record", ok=False)
    assert nobody.exit_code == 1 and "say who you are" in nobody.output
    assert not out.exists()  # refused before the run started
    spark = cli("batch", str(src), "-o", str(out), "--record", "--engine", "spark", "--as", "aud",
                "--id-column", "id", ok=False)  # fmt: skip
    assert spark.exit_code == 1 and "--record is for the local engine" in spark.output
    cli("users", "add", "ana", "--role", "analyst")
    resume = cli("batch", str(src), "-o", str(out), "--record", "--resume", "--as", "ana", ok=False)
    assert resume.exit_code == 1 and "--record cannot resume a run" in resume.output
    assert cli.json("case", "list", "--as", "aud") == []
    head = json.loads(cli("audit", "head", "--as", "aud").stdout)
    assert head["count"] == 0
