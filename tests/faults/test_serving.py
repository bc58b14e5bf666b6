"""Serving under faults, on real servers: a 2-worker start where no request meets a worker
without its snapshot, swaps with retention 1 under traffic (leased snapshots stay), one clean
500 logged once, and /docs served offline."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import running_api
from tests.api.factory import install, sdn_entities, un_entities
from tests.api.server import Server, clearance_cli
from tests.conftest import DATA

ANON = {"CLEARANCE_API_ANONYMOUS": "screener", "CLEARANCE_API_RELOAD_SECONDS": "0.2"}
UN = DATA / "un" / "2026-02-27" / "consolidated.xml"


@pytest.fixture(scope="module")
def un_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("un-home")
    clearance_cli(home, "load", str(UN))
    return home


class Traffic:
    """Threads screening (and reading an entity) until stopped; every non-200 is kept."""

    def __init__(self, url: str, threads: int = 3) -> None:
        self.url = url
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.answered = 0
        self.threads = [threading.Thread(target=self._run) for _ in range(threads)]

    def _run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            n = 0
            while not self.stop.is_set():
                n += 1
                try:
                    name = ("Eric Badege", "Badege Eric", "Erik Badeghe")[n % 3]
                    r = client.post("/screen", json={"name": name})
                    matches = r.json().get("matches") if r.status_code == 200 else None
                    if matches:
                        r = client.get(f"/entities/{matches[0]['entity_id']}")
                except httpx.ConnectError:
                    time.sleep(0.02)  # not listening yet: the client retries, nothing failed
                    continue
                except httpx.HTTPError as exc:
                    self.failures.append(repr(exc))
                    continue
                if r.status_code != 200:
                    self.failures.append(f"{r.status_code} {r.text[:200]}")
                self.answered += 1

    def __enter__(self) -> Traffic:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def test_a_two_worker_start_fails_no_request(un_home: Path) -> None:
    """Traffic runs from before the port is open: every answered request is a 200."""
    srv = Server(un_home, workers=2, env=ANON)
    try:
        with Traffic(srv.url) as traffic:
            srv.wait_ready(timeout=120)
            ready = httpx.get(f"{srv.url}/readyz").json()
            time.sleep(1.0)
        assert ready["status"] == "ok"
        assert traffic.answered > 0 and traffic.failures == [], traffic.failures[:3]
    finally:
        srv.stop()


def test_swaps_under_traffic_with_retention_one(tmp_path: Path) -> None:
    """Loads under traffic with CLEARANCE_RETENTION=1: the snapshot a worker still reads is
    leased, so no request fails and nothing is logged as an error."""
    home = tmp_path / "home"
    clearance_cli(home, "load", str(UN))
    srv = Server(home, workers=2, env={**ANON, "CLEARANCE_RETENTION": "1"})
    try:
        srv.wait_ready(timeout=120)
        with Traffic(srv.url) as traffic:
            before = httpx.get(f"{srv.url}/readyz").json()["snapshot"]
            clearance_cli(home, "load", str(UN), "--list", "un")  # retention deletes `before`...
            assert (home / "snapshots" / before).is_dir()  # ...unless the workers lease it
            time.sleep(1.5)
        output = srv.output()
    finally:
        srv.stop()
    assert traffic.answered > 0 and traffic.failures == [], traffic.failures[:3]
    assert "Traceback" not in output and "ERROR" not in output, output[-3000:]


def test_docs_are_served_offline(un_home: Path) -> None:
    srv = Server(un_home, env=ANON)
    try:
        srv.wait_ready(timeout=120)
        page = httpx.get(f"{srv.url}/docs")
        assert page.status_code == 200
        assert "/docs/assets/swagger-ui-bundle.js" in page.text
        assert "cdn" not in page.text and "https://" not in page.text.replace(
            "https://fastapi.tiangolo.com/img/favicon.png", ""
        )
        script = httpx.get(f"{srv.url}/docs/assets/swagger-ui-bundle.js")
        assert script.status_code == 200 and len(script.content) > 100_000
        assert httpx.get(f"{srv.url}/redoc").status_code == 404
    finally:
        srv.stop()


@pytest.fixture
def failing_api(tmp_path: Path) -> Iterator[object]:
    from clearance.settings import Settings

    home = tmp_path / "home"
    install(home, {"ofac-sdn": sdn_entities(), "un": un_entities()})
    for api in running_api(Settings(home=home, api_reload_seconds=0, api_anonymous="viewer")):

        @api.app.get("/boom")
        def boom() -> None:
            raise RuntimeError("kaboom")

        api.wait_ready()
        yield api


def test_an_unexpected_error_is_one_500_logged_once(
    failing_api: object, caplog: pytest.LogCaptureFixture
) -> None:
    api = failing_api
    with caplog.at_level(logging.ERROR):
        r = api.get("/boom")  # type: ignore[attr-defined]
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal_error"
    errors = [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert len(errors) == 1 and "kaboom" in (errors[0].exc_text or str(errors[0].exc_info))
