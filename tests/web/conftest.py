"""Fixtures for the web app: a real ``clearance serve`` over the real OFAC lists, and Chromium.

The home (session scope) holds two snapshots: the SDN list of 2021-07-07, then the SDN list of
2023-12-28 (active), so the list diff has something to show. Keys for each role are added to it.
The browser is Debian's Chromium driven by Playwright (``apt-get install chromium``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from clearance.auth.keys import KeyStore, Role
from tests.api.server import Server, clearance_cli

CHROMIUM = os.environ.get("CLEARANCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STORY = Path(__file__).parent.parent / "graph" / "fixtures" / "story-60.csv"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(scope="session")
def web_home(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    home = tmp_path_factory.mktemp("web-home")
    clearance_cli(home, "load", str(data_dir / "ofac" / "sdn_csv_2021-07-07"))
    clearance_cli(home, "load", str(data_dir / "ofac" / "sdn_csv_2023-12-28"))
    # ownership (h14's story): VERSOR TRADING LTD, unlisted, 60 % owned by VERSOR S.R.O.
    clearance_cli(home, "ownership", "load", str(STORY), "--name", "story")
    return home


@pytest.fixture(scope="session")
def web_keys(web_home: Path) -> dict[str, str]:
    store = KeyStore(web_home)
    return {role.label: store.add(f"web-{role.label}", role) for role in Role}


# Users of the decisions database, each with one role and a password (the name + "-pass-word")
WEB_USERS = {
    "ana": "analyst",
    "alex": "analyst",
    "sam": "supervisor",
    "sue": "supervisor",
    "sid": "screener",
    "aud": "auditor",
    "max": "analyst,supervisor",  # maker and checker: four eyes still applies to them
}


def password_of(name: str) -> str:
    return f"{name}-pass-word-1"


@pytest.fixture(scope="session")
def web_users(web_home: Path) -> dict[str, str]:
    """Database users with passwords in the web home (before the server starts)."""
    from clearance.auth.passwords import PasswordStore
    from clearance.auth.roles import parse_roles
    from clearance.db import open_database
    from clearance.settings import Settings

    db = open_database(Settings(home=web_home))
    passwords = PasswordStore(db)
    for name, role in WEB_USERS.items():
        passwords.users.add(name, parse_roles([role]))
        passwords.set(name, password_of(name))
    db.engine.dispose()
    return dict(WEB_USERS)


@pytest.fixture(scope="session")
def web_server(
    web_home: Path, web_keys: dict[str, str], web_users: dict[str, str]
) -> Iterator[Server]:
    server = Server(web_home, env={"CLEARANCE_API_RELOAD_SECONDS": "0"})
    try:
        server.wait_ready(timeout=120)
        yield server
    finally:
        server.stop()


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


class WebClient:
    """A cookie-keeping HTTP client that signs in through the sign-in form like a browser."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, follow_redirects=False, timeout=30)

    def sign_in(self, key: str, next_url: str = "/ui/") -> httpx.Response:
        page = self.http.get("/ui/login")
        return self.http.post(
            "/ui/login", data={"csrf": csrf_of(page.text), "api_key": key, "next": next_url}
        )

    def sign_in_password(self, user: str, password: str, next_url: str = "/ui/") -> httpx.Response:
        page = self.http.get("/ui/login")
        form = {"csrf": csrf_of(page.text), "user": user, "password": password, "next": next_url}
        return self.http.post("/ui/login", data=form)

    def csrf(self, path: str = "/ui/lists") -> str:
        return csrf_of(self.http.get(path).text)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(url, **kwargs)

    def post(self, url: str, data: dict[str, str]) -> httpx.Response:
        return self.http.post(url, data=data)

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def web_client(web_server: Server, web_keys: dict[str, str]) -> Iterator[Any]:
    """``web_client("screener")``: a client signed in with that role's key (or anonymous);
    ``web_client(user="ana")``: signed in as that database user with their password."""
    clients: list[WebClient] = []

    def make(role: str | None = None, user: str | None = None) -> WebClient:
        client = WebClient(web_server.url)
        clients.append(client)
        if role is not None:
            response = client.sign_in(web_keys[role])
            assert response.status_code == 303, response.text
        if user is not None:
            response = client.sign_in_password(user, password_of(user))
            assert response.status_code == 303, response.text
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture(scope="session")
def browser(web_server: Server) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
