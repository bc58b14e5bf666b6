"""The graph routes on a real server (``clearance serve`` on a free loopback port)."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.api.server import Server

from .conftest import FIXTURES, Invoke


def test_network_and_ownership_routes(cli: Invoke, sdn_home: Path) -> None:
    assert cli("ownership", "load", str(FIXTURES / "story-60.csv")).exit_code == 0
    server = Server(sdn_home, env={"CLEARANCE_API_ANONYMOUS": "viewer"})
    try:
        server.wait_ready()
        net = httpx.get(f"{server.url}/entities/ofac-sdn-41736/network", params={"hops": 1})
        assert net.status_code == 200, net.text
        one_hop = {n["id"] for n in net.json()["nodes"] if n["hops"] == 1}
        assert {"ofac-sdn-44544", "ofac-sdn-44578", "ofac-sdn-44579"} <= one_hop
        two = httpx.get(f"{server.url}/entities/ofac-sdn-41736/network", params={"hops": 2})
        assert "own-versor-trading-ltd" in {n["id"] for n in two.json()["nodes"]}
        own = httpx.get(f"{server.url}/ownership/own-versor-trading-ltd")
        assert own.status_code == 200, own.text
        verdicts = {v["regime"]: v for v in own.json()["verdicts"]}
        assert verdicts["ofac"]["status"] == "blocked"
        assert verdicts["ofac"]["paths"][0][0]["owner"] == "ofac-sdn-44579"
        down = httpx.get(f"{server.url}/ownership/ofac-sdn-44579", params={"regime": "ofac"})
        assert down.json()["owns_blocked"]["ofac"] == ["own-versor-trading-ltd"]
        assert httpx.get(f"{server.url}/ownership/nobody-1").status_code == 404
        bad = httpx.get(f"{server.url}/ownership/ofac-sdn-44579", params={"regime": "mars"})
        assert bad.status_code == 422
    finally:
        server.stop()
