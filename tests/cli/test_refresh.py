from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke, no_traceback
from tests.snapshots.httpserver import ListServer
from tests.snapshots.toy import toy_data

pytestmark = pytest.mark.usefixtures("toy_format")


def body(list_name: str, count: int) -> bytes:
    return json.dumps(toy_data(list_name, count)).encode()


def test_refresh_then_failures_keep_the_snapshot(
    cli: Invoke, home: Path, list_server: ListServer
) -> None:
    url = list_server.add("/a.toy.json", body("toy-a", 10))
    env = {"CLEARANCE_SOURCE_TOY_A": url}
    result = cli("refresh", "toy-a", env=env)
    assert result.exit_code == 0, result.output
    assert "toy-a" in result.stdout and "is now active" in result.stdout
    active = (home / "ACTIVE").read_text()
    [entry] = json.loads(cli("lists", "--json").stdout)["lists"]
    assert entry["files"][0]["url"] == url

    list_server.add("/a.toy.json", body("toy-a", 10), truncate_at=50)
    result = cli("refresh", "toy-a", env=env)
    assert result.exit_code == 1
    assert f"error: toy-a ({url}): incomplete download" in result.stderr
    assert "nothing installed; the active snapshot is still" in result.stderr
    no_traceback(result)
    assert (home / "ACTIVE").read_text() == active

    list_server.add("/a.toy.json", body("toy-a", 2))
    result = cli("refresh", "toy-a", "--json", env=env)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["snapshot"] is None
    assert "entities down from 10 to 2" in report["failures"][0]["reason"]
    assert (home / "ACTIVE").read_text() == active


def test_refresh_unknown_list(cli: Invoke) -> None:
    result = cli("refresh", "nope")
    assert result.exit_code == 1
    assert "no download URL configured for nope" in result.stderr
