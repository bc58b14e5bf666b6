"""Fixtures for the API tests.

In-process: the real app (real store, index, auth, middleware) over a tiny list installed in a
tmp home, driven through httpx's ASGI transport with the app's lifespan running. Real server:
``python -m clearance serve`` as a subprocess on a free loopback port (see ``server.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio.from_thread
import httpx
import pytest
from fastapi import FastAPI

from clearance.api import create_app
from clearance.auth.keys import KeyStore, Role
from clearance.settings import Settings
from tests.api.factory import install, sdn_entities, un_entities


class Api:
    """A synchronous face over an ``httpx.AsyncClient`` talking to the app in-process."""

    def __init__(self, app: FastAPI, portal: anyio.from_thread.BlockingPortal) -> None:
        self.app = app
        self.portal = portal
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        self.key: str | None = None

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if self.key is not None and "Authorization" not in headers:
            headers["Authorization"] = f"Bearer {self.key}"
        return self.portal.call(lambda: self.client.request(method, url, headers=headers, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.get("/readyz").status_code != 200:
            if time.monotonic() > deadline:
                raise AssertionError("API not ready in time")
            time.sleep(0.02)


def running_api(settings: Settings) -> Iterator[Api]:
    app = create_app(settings)
    with (
        anyio.from_thread.start_blocking_portal() as portal,
        portal.wrap_async_context_manager(app.router.lifespan_context(app)),
    ):
        api = Api(app, portal)
        yield api
        portal.call(api.client.aclose)


@pytest.fixture(scope="session")
def small_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("api-home")
    install(home, {"ofac-sdn": sdn_entities(), "un": un_entities()})
    return home


@pytest.fixture(scope="session")
def keys(small_home: Path) -> dict[str, str]:
    store = KeyStore(small_home)
    return {role.label: store.add(f"test-{role.label}", role) for role in Role}


@pytest.fixture(scope="session")
def small_settings(small_home: Path) -> Settings:
    return Settings(home=small_home, api_reload_seconds=0)


@pytest.fixture
def api(small_settings: Settings, keys: dict[str, str]) -> Iterator[Api]:
    """The app as a screener would use it (requests carry the screener key)."""
    for api in running_api(small_settings):
        api.wait_ready()
        api.key = keys["screener"]
        yield api


@pytest.fixture
def make_api(small_settings: Settings) -> Iterator[Any]:
    """Build an app with changed settings: ``make_api(api_anonymous="viewer")``."""
    stack: list[Iterator[Api]] = []

    def make(**changes: Any) -> Api:
        gen = running_api(small_settings.replace(**changes))
        stack.append(gen)
        api = next(gen)
        api.wait_ready()
        return api

    yield make
    for gen in reversed(stack):
        for _ in gen:
            pass
