"""The real thing: ``clearance serve`` as a process over the real OFAC SDN 2023-12-28 list,
talked to over HTTP with httpx and with the ``yente-client`` SDK."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yente_client

from clearance.auth.keys import KeyStore, Role
from tests.api.server import Server, clearance_cli

MKRTYCHEV = "ofac-sdn-41736"
NEW_IN_2024 = "ofac-sdn-48906"  # BELLUGA IC VE DIS TICARET LIMITED SIRKETI, listed 2024


@pytest.fixture(scope="module")
def ofac_home(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("ofac-home")
    clearance_cli(home, "load", str(data_dir / "ofac" / "sdn_csv_2023-12-28"))
    return home


@pytest.fixture(scope="module")
def server_keys(ofac_home: Path) -> dict[str, str]:
    store = KeyStore(ofac_home)
    return {role.label: store.add(f"srv-{role.label}", role) for role in Role}


@pytest.fixture(scope="module")
def server(ofac_home: Path, server_keys: dict[str, str]) -> Iterator[Server]:
    srv = Server(ofac_home, extra_args=("--access-log",))
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.stop()


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_screen_mkrtychev_over_http(server: Server, server_keys: dict[str, str]) -> None:
    r = httpx.post(
        f"{server.url}/screen",
        json={"name": "Ashot Mkrtichev", "type": "person"},
        headers=auth(server_keys["screener"]),
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["alert"] is True
    assert body["matches"][0]["entity_id"] == MKRTYCHEV
    assert body["lists"]["ofac-sdn"]
    assert body["algorithm"]["version"]


def test_yente_client_match(server: Server, server_keys: dict[str, str]) -> None:
    with yente_client.Client(api_key=server_keys["screener"], base_url=server.url) as client:
        response = client.match(
            yente_client.Person(name="Ashot Mkrtichev", birthDate="1966-05-07"),
            datasets=["default"],
        )
        assert response.top is not None
        assert response.top.id == MKRTYCHEV
        assert response.top.match is True
        assert response.top.schema_ == "Person"
        assert response.top.datasets == ["ofac-sdn"]
        assert response.top.explanations
        assert response.query["properties"]["name"] == ["Ashot Mkrtichev"]
        # one list as a dataset of its own; unknown datasets are a 404
        assert client.match(yente_client.Person(name="Ashot Mkrtichev"), datasets=["ofac-sdn"]).top
        with pytest.raises(yente_client.NotFoundError):
            client.match(yente_client.Person(name="Ashot Mkrtichev"), datasets=["eu-fsf"])


def test_yente_client_browse(server: Server, server_keys: dict[str, str]) -> None:
    with yente_client.Client(api_key=server_keys["viewer"], base_url=server.url) as client:
        assert client.healthz().status == "ok"
        assert client.readyz().status == "ok"
        entity = client.fetch(MKRTYCHEV)
        assert entity.caption.upper().startswith("MKRTYCHEV")
        assert entity.properties["birthDate"] == ["1966-05-07"]
        sanctions = entity.properties["sanctions"]
        assert isinstance(sanctions[0], yente_client.Entity)
        found = client.search("mkrtychev ashot")
        assert MKRTYCHEV in [e.id for e in found.results]
        datasets = {d.name: d for d in client.datasets().datasets}
        assert datasets["default"].children == ["ofac-sdn"]
        assert datasets["ofac-sdn"].entity_count and datasets["ofac-sdn"].entity_count > 10_000
        algorithms = client.algorithms()
        assert algorithms.best == algorithms.default == algorithms.algorithms[0].name
        with pytest.raises(yente_client.AuthenticationError):
            client.match(yente_client.Person(name="Ashot Mkrtichev"))  # viewer may not screen


def test_yente_client_without_key(server: Server) -> None:
    with yente_client.Client(base_url=server.url) as client:
        with pytest.raises(yente_client.AuthenticationError) as info:
            client.match(yente_client.Person(name="Ashot Mkrtichev"))
        assert info.value.status_code == 401


def test_metrics_count_requests(server: Server, server_keys: dict[str, str]) -> None:
    httpx.post(
        f"{server.url}/screen", json={"name": "Nobody"}, headers=auth(server_keys["screener"])
    )
    text = httpx.get(f"{server.url}/metrics").text
    assert re.search(
        r'clearance_http_requests_total\{method="POST",route="/screen",status="200"\} \d', text
    )
    assert "clearance_http_request_duration_seconds_bucket" in text
    assert re.search(r'clearance_screenings_total\{endpoint="screen"\} \d', text)
    assert re.search(r'clearance_alerts_total\{endpoint="screen"\} \d', text)
    assert 'clearance_snapshot_info{algorithm="' in text
    assert "clearance_ready 1.0" in text


def test_secrets_stay_out_of_the_server_log(server: Server, server_keys: dict[str, str]) -> None:
    for key in server_keys.values():
        httpx.get(f"{server.url}/lists", headers={"Authorization": f"ApiKey {key}"})
    httpx.get(f"{server.url}/lists", headers=auth("wrong-secret-xyz"))
    httpx.post(f"{server.url}/screen", content=b"{", headers=auth(server_keys["screener"]))
    log = server.output()
    assert "GET /lists" in log  # the access log is on, so requests are logged...
    for secret in [*server_keys.values(), "wrong-secret-xyz"]:
        assert secret not in log  # ...but never the key
    assert "Traceback" not in log


def test_live_reload_under_load(tmp_path: Path, data_dir: Path, ofac_home: Path) -> None:
    """While a new snapshot is loaded, a stream of concurrent requests all succeed, each from
    the old or the new snapshot, with results consistent with that snapshot."""
    home = tmp_path / "home"
    shutil.copytree(ofac_home, home)  # the 2023-12-28 snapshot, without loading it again
    key = KeyStore(home).add("reload", Role.SCREENER)
    srv = Server(home, env={"CLEARANCE_API_RELOAD_SECONDS": "0.2"})
    seen: list[tuple[str, bool, bool]] = []
    failures: list[str] = []
    stop = threading.Event()

    def hammer() -> None:
        with httpx.Client(base_url=srv.url, headers=auth(key), timeout=30) as client:
            while not stop.is_set():
                try:
                    r = client.post(
                        "/screen/batch",
                        json={
                            "queries": [
                                {"name": "Belluga Ic Ve Dis Ticaret Limited Sirketi"},
                                {"name": "Ashot Mkrtichev", "type": "person"},
                            ]
                        },
                    )
                except httpx.HTTPError as exc:
                    failures.append(repr(exc))
                    continue
                if r.status_code != 200:
                    failures.append(f"{r.status_code} {r.text[:200]}")
                    continue
                body = r.json()
                new, old = body["results"]
                assert new["snapshot"] == old["snapshot"] == body["snapshot"]
                has_new = any(m["entity_id"] == NEW_IN_2024 for m in new["matches"])
                has_old = old["matches"][0]["entity_id"] == MKRTYCHEV
                seen.append((body["snapshot"], has_new, has_old))

    try:
        srv.wait_ready()
        before = httpx.get(f"{srv.url}/readyz").json()["snapshot"]
        threads = [threading.Thread(target=hammer) for _ in range(4)]
        for thread in threads:
            thread.start()
        clearance_cli(home, "load", "--allow-shrink", str(data_dir / "ofac" / "sdn_csv_2024-05-03"))
        deadline_ok = False
        for _ in range(100):
            snapshot = httpx.get(f"{srv.url}/readyz").json()["snapshot"]
            if snapshot != before:
                deadline_ok = True
                break
            stop.wait(0.1)
        stop.wait(0.5)  # keep hammering the new snapshot for a moment
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        stop.set()
        srv.stop()
    assert deadline_ok, "the server never switched to the new snapshot"
    assert not failures, failures[:5]
    snapshots = {s for s, _, _ in seen}
    assert before in snapshots and len(snapshots) == 2
    for snapshot, has_new, has_old in seen:
        assert has_old
        assert has_new == (snapshot != before), (snapshot, has_new)


def test_schemathesis_finds_no_server_error(
    server: Server, server_keys: dict[str, str], tmp_path: Path
) -> None:
    """Property-based requests generated from the OpenAPI spec never get a 5xx."""
    st = Path(sys.executable).parent / "st"
    done = subprocess.run(
        [
            str(st),
            "run",
            f"{server.url}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "25",
            "--workers",
            "1",
            "--header",
            f"Authorization: Bearer {server_keys['admin']}",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # schemathesis and hypothesis keep caches in the working directory
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:]
    assert "Traceback" not in server.output()


def test_answers_in_turn_on_one_connection(server: Server, server_keys: dict[str, str]) -> None:
    """Keep-alive through ``clearance serve`` (``POST /screen`` on its plain Starlette route):
    answers and errors, one after the other, complete."""
    with httpx.Client(base_url=server.url, headers=auth(server_keys["screener"])) as client:
        for _ in range(3):
            r = client.get("/lists")
            assert r.status_code == 200
            assert int(r.headers["content-length"]) == len(r.content) > 0
            r = client.post("/screen", json={"name": "Ashot Mkrtichev"})
            assert r.status_code == 200 and r.json()["alert"] is True
            assert client.get("/nope").status_code == 404
            assert client.post("/screen", json={"name": ""}).status_code == 422
