"""The shells: ``clearance payment`` (CLI) and ``POST /payments/screen[/batch]`` on a real
``clearance serve`` process, over the real SDN 2023-12-28."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest
from typer.testing import CliRunner

from clearance.auth.keys import KeyStore, Role
from clearance.cli.main import app
from tests.api.server import Server

from .conftest import FIXTURES


def test_cli_json_lines_and_pacs002(sdn_home: Path, tmp_path: Path, data_dir: Path) -> None:
    out, reports = tmp_path / "out.jsonl", tmp_path / "rjct"
    bad = tmp_path / "bad.fin"
    bad.write_text("{1:F01DEUTDEFFAXXX0000000000}{2:I103RZBAATWWXXXXN}{4:\n:20:X\n-}")
    result = CliRunner().invoke(
        app,
        ["--home", str(sdn_home), "payment", str(FIXTURES), str(bad), "--output", str(out),
         "--pacs002", str(reports), "--xsd", str(data_dir / "payments/iso20022/xsd"),
         "--exit-code"],
    )  # fmt: skip
    assert result.exit_code == 3, result.output
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    by_ref = {r.get("reference"): r for r in records}
    assert by_ref["H15-MT103-0001"]["decision"] == "block"
    assert by_ref["H15-P8-SIMF-1"]["decision"] == "reject"
    assert by_ref["H15-LOOK-0002"]["decision"] == "clear"
    error = records[-1]
    assert error["field"] == ":23B:" and "bad.fin, message 1 (X), field :23B:" in error["error"]
    assert "3 block" in result.output and "1 errors" in result.output
    assert [p.name for p in reports.iterdir()] == ["pacs002-00001-H15-P8-SIMF-1.xml"]


def test_cli_prints_the_deciding_field(sdn_home: Path) -> None:
    result = CliRunner().invoke(
        app, ["--home", str(sdn_home), "payment", str(FIXTURES / "mt202cov-defense.fin")]
    )
    assert result.exit_code == 0, result.output
    assert "BLOCK" in result.output and "B:59F: line 2" in result.output
    assert "ofac-sdn-44578" in result.output


@pytest.fixture(scope="module")
def server(sdn_home: Path) -> Iterator[tuple[Server, str]]:
    key = KeyStore(sdn_home).add("payments-test", Role.SCREENER)
    srv = Server(sdn_home)
    try:
        srv.wait_ready()
        yield srv, key
    finally:
        srv.stop()


def test_http_mt_and_iso_bodies(server: tuple[Server, str]) -> None:
    srv, key = server
    auth = {"Authorization": f"Bearer {key}"}
    mt = httpx.post(
        f"{srv.url}/payments/screen",
        content=(FIXTURES / "mt103-verus.fin").read_bytes(),
        headers={**auth, "content-type": "text/plain"},
        timeout=30,
    )
    assert mt.status_code == 200, mt.text
    (result,) = mt.json()["results"]
    assert result["decision"] == "block" and result["hits"][0]["field"] == ":59: line 2"
    iso = httpx.post(
        f"{srv.url}/payments/screen?pacs002=true",
        content=(FIXTURES / "pacs008-simferopol.xml").read_bytes(),
        headers={**auth, "content-type": "application/xml"},
        timeout=30,
    )
    (result,) = iso.json()["results"]
    assert result["decision"] == "reject" and "<TxSts>RJCT</TxSts>" in result["pacs002"]
    wrong = httpx.post(
        f"{srv.url}/payments/screen", content=b"{}", headers={**auth, "content-type": "image/png"}
    )
    assert wrong.status_code == 415
    assert httpx.post(f"{srv.url}/payments/screen", content=b"x").status_code == 401


def test_http_batch_keeps_ids_and_errors(server: tuple[Server, str]) -> None:
    srv, key = server
    body = {
        "messages": [
            {"id": "a", "format": "iso", "body": (FIXTURES / "pacs008-versor.xml").read_text()},
            {"id": "b", "body": (FIXTURES / "mt103-lookalikes.rje").read_text()},
            {"id": "c", "format": "iso", "body": "<Document>"},
        ]
    }
    answer = httpx.post(
        f"{srv.url}/payments/screen/batch",
        json=body,
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    ).json()
    assert [(r["id"], r.get("decision", "error")) for r in answer["results"]] == [
        ("a", "block"), ("b", "clear"), ("b", "clear"), ("b", "clear"), ("c", "error"),
    ]  # fmt: skip
    assert answer["counts"] == {"clear": 3, "review": 0, "reject": 0, "block": 1, "errors": 1}
