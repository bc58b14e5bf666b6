"""API keys, roles and anonymous access; secrets never reach the logs."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clearance.auth.keys import KeyStore, Role, hash_key
from clearance.cli.main import app as cli
from tests.api.conftest import Api


def test_no_key_is_401(api: Api) -> None:
    api.key = None
    r = api.post("/screen", json={"name": "Ashot Mkrtichev"})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"
    assert "Bearer" in r.headers["www-authenticate"]


@pytest.mark.parametrize(
    "header", ["Bearer nope", "ApiKey nope", "Basic dXNlcjpwYXNz", "Bearer", "tokenonly"]
)
def test_bad_key_is_401(api: Api, header: str) -> None:
    r = api.get("/lists", headers={"Authorization": header})
    assert r.status_code == 401
    assert "nope" not in r.text


def test_yente_apikey_scheme(api: Api, keys: dict[str, str]) -> None:
    r = api.get("/lists", headers={"Authorization": f"ApiKey {keys['viewer']}"})
    assert r.status_code == 200


@pytest.mark.parametrize(
    ("role", "method", "path", "body", "allowed"),
    [
        ("viewer", "GET", "/lists", None, True),
        ("viewer", "GET", "/entities/ofac-sdn-41736", None, True),
        ("viewer", "GET", "/search?q=ashot", None, True),
        ("viewer", "GET", "/catalog", None, True),
        ("viewer", "POST", "/screen", {"name": "Ashot"}, False),
        ("viewer", "POST", "/match/default", {"queries": {}}, False),
        ("screener", "POST", "/screen", {"name": "Ashot"}, True),
        ("screener", "POST", "/screen/batch", {"queries": [{"name": "A B"}]}, True),
        ("screener", "POST", "/admin/reload", None, False),
        ("admin", "POST", "/admin/reload", None, True),
        ("admin", "POST", "/screen", {"name": "Ashot"}, True),
    ],
)
def test_roles(
    api: Api, keys: dict[str, str], role: str, method: str, path: str, body: Any, allowed: bool
) -> None:
    api.key = keys[role]
    r = api.request(method, path, json=body)
    if allowed:
        assert r.status_code == 200, r.text
    else:
        assert r.status_code == 403
        assert r.json()["error"]["code"] == "forbidden"
        assert role in r.json()["error"]["message"]


def test_anonymous_viewer(make_api: Any) -> None:
    api = make_api(api_anonymous="viewer")
    assert api.get("/lists").status_code == 200
    assert api.post("/screen", json={"name": "Ashot"}).status_code == 403
    assert api.get("/lists", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_anonymous_screener(make_api: Any) -> None:
    api = make_api(api_anonymous="screener")
    assert api.post("/screen", json={"name": "Ashot Mkrtichev"}).json()["alert"] is True
    assert api.post("/admin/reload").status_code == 403


def test_revoked_key_is_refused(api: Api, small_home: Path) -> None:
    store = KeyStore(small_home)
    token = store.add("short-lived", Role.VIEWER)
    api.key = token
    assert api.get("/lists").status_code == 200
    store.revoke("short-lived")
    api.app.state.auth.keys._checked = 0.0  # skip the one-second re-read interval
    assert api.get("/lists").status_code == 401


def test_keys_file_holds_hashes_only(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    token = store.add("svc", Role.SCREENER)
    raw = (tmp_path / "keys.json").read_text()
    assert token not in raw
    assert hash_key(token) in raw
    assert stat.S_IMODE((tmp_path / "keys.json").stat().st_mode) == 0o600
    assert store.authenticate(token) is not None
    assert store.authenticate(token + "x") is None
    with pytest.raises(Exception, match="already exists"):
        store.add("svc", Role.VIEWER)
    with pytest.raises(Exception, match="invalid key name"):
        store.add("bad name!", Role.VIEWER)


def test_keys_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    home = ["--home", str(tmp_path)]
    added = runner.invoke(cli, [*home, "keys", "add", "payments", "--role", "screener"])
    assert added.exit_code == 0, added.output
    token = added.stdout.strip().splitlines()[0]
    assert len(token) >= 43
    listed = runner.invoke(cli, [*home, "keys", "list", "--json"])
    assert json.loads(listed.stdout)[0]["name"] == "payments"
    assert token not in listed.stdout
    assert KeyStore(tmp_path).authenticate(token) is not None
    bad = runner.invoke(cli, [*home, "keys", "add", "x", "--role", "root"])
    assert bad.exit_code == 1 and "unknown role 'root'" in bad.output
    assert runner.invoke(cli, [*home, "keys", "revoke", "payments"]).exit_code == 0
    assert KeyStore(tmp_path).authenticate(token) is None
    missing = runner.invoke(cli, [*home, "keys", "revoke", "payments"])
    assert missing.exit_code == 1 and "no key named" in missing.output


def test_secrets_never_logged(
    api: Api, keys: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    api.post("/screen", json={"name": "Ashot Mkrtichev"})
    api.get("/lists", headers={"Authorization": "Bearer sekrit-wrong-key-123"})
    api.post("/admin/reload", headers={"Authorization": f"Bearer {keys['admin']}"})
    api.post("/screen", json={"name": "x"}, headers={"Authorization": f"ApiKey {keys['viewer']}"})
    text = "\n".join(f"{r.getMessage()} {r.args} {r.exc_text or ''}" for r in caplog.records)
    for secret in [*keys.values(), "sekrit-wrong-key-123"]:
        assert secret not in text
    assert "Authorization" not in text and "authorization" not in text


def test_damaged_keys_file_is_a_clear_503(tmp_path: Path, small_home: Path) -> None:
    import shutil

    from clearance.settings import Settings
    from tests.api.conftest import running_api

    home = tmp_path / "home"
    shutil.copytree(small_home, home)
    (home / "keys.json").write_text("{not json")
    for api in running_api(Settings(home=home).replace(api_reload_seconds=0)):
        r = api.get("/lists", headers={"Authorization": "Bearer whatever"})
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "keys_unavailable"
        assert str(home) not in r.text
