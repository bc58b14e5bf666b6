"""Every screening surface reports the derived hit: ``POST /screen``, ``/screen/batch`` and
``/match/{dataset}`` on a real server, and ``clearance batch`` (in-process and worker pool),
all through the application core (story-60 on the real SDN list of 2023-12-28)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from clearance.app import Clearance
from clearance.matching.query import make_query
from clearance.settings import Settings
from tests.api.server import Server

from .conftest import FIXTURES, Invoke

DERIVED = "own-versor-trading-ltd"
REASON = "OFAC: blocked, owned 60 % by VERSOR S.R.O. (SDN 44579)"


def _ownership_reason(match: dict[str, Any]) -> str:
    return next(f["reason"] for f in match["features"] if f["name"] == "ownership")


def test_api_screen_batch_and_match_report_the_derived_hit(cli: Invoke, sdn_home: Path) -> None:
    assert cli("ownership", "load", str(FIXTURES / "story-60.csv")).exit_code == 0
    server = Server(sdn_home, env={"CLEARANCE_API_ANONYMOUS": "screener"})
    client = httpx.Client(base_url=server.url, timeout=120)  # first call builds the graph
    try:
        server.wait_ready()
        one = client.post("/screen", json={"name": "Versor Trading Ltd"})
        assert one.status_code == 200, one.text
        assert one.json()["alert"] is True
        top = one.json()["matches"][0]
        assert (top["entity_id"], top["list"], top["alert"]) == (DERIVED, "ownership", True)
        assert REASON in _ownership_reason(top)
        batch = client.post(
            "/screen/batch",
            json={"queries": [{"name": "Versor Trading Ltd"}, {"name": "Jane Q Nobody"}]},
        )
        assert batch.status_code == 200, batch.text
        first, second = batch.json()["results"]
        assert first["matches"][0]["entity_id"] == DERIVED and first["alert"] is True
        assert DERIVED not in {m["entity_id"] for m in second["matches"]}
        match = client.post(
            "/match/default",
            json={"queries": {"q1": {"schema": "Company",
                                     "properties": {"name": ["Versor Trading Ltd"]}}}},
        )  # fmt: skip
        assert match.status_code == 200, match.text
        best = match.json()["responses"]["q1"]["results"][0]
        assert (best["id"], best["match"]) == (DERIVED, True)
        assert REASON in best["explanations"]["ownership"]["detail"]
    finally:
        client.close()
        server.stop()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_reports_the_derived_hit(
    cli: Invoke, sdn_home: Path, tmp_path: Path, workers: str
) -> None:
    assert cli("ownership", "load", str(FIXTURES / "story-60.csv")).exit_code == 0
    src = tmp_path / "customers.csv"
    src.write_text("id,name\nc1,Versor Trading Ltd\nc2,Jane Q Nobody\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "-o", str(out), "--workers", workers)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert (rows["c1"]["alert"], rows["c1"]["entity_id"]) == ("true", DERIVED)
    assert rows["c1"]["list"] == "ownership"
    assert rows["c2"]["entity_id"] != DERIVED
    detail = tmp_path / "out.jsonl"
    result = cli("batch", str(src), "-o", str(detail), "--workers", workers, "--detail")
    assert result.exit_code == 0, result.output
    first = orjson.loads(detail.read_bytes().splitlines()[0])
    assert REASON in _ownership_reason(first["matches"][0])


def test_no_ownership_data_adds_nothing(sdn_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ownership data the hook is one stat: the graph code is never reached."""
    import clearance.graph.screening as screening

    def fail(*_: Any) -> None:
        raise AssertionError("derived-hit lookup ran without ownership data")

    monkeypatch.setattr(screening, "derived_hits", fail)
    core = Clearance(Settings(home=sdn_home))
    query = make_query("Versor Trading Ltd")
    results = core.screen_many([query, make_query("VERSOR S.R.O.")])
    assert DERIVED not in {m.entity_id for r in results for m in r.matches}
    assert results[1].matches[0].entity_id == "ofac-sdn-44579"
    assert core.screen_query(query) == core.screener.screen(query)
