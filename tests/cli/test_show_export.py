from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke, no_traceback
from tests.snapshots.toy import write_toy

pytestmark = pytest.mark.usefixtures("toy_format")


@pytest.fixture
def loaded(cli: Invoke, tmp_path: Path, toy_format: object) -> None:
    result = cli("load", str(write_toy(tmp_path, "toy-a", 4)))
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("loaded")
def test_show_json_has_every_field_and_both_edge_directions(cli: Invoke) -> None:
    result = cli("show", "--json", "toy-a-1")
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    assert view["id"] == "toy-a-1" and view["caption"] == "Person 1"
    assert [n["kind"] for n in view["names"]] == ["primary", "aka"]
    assert view["programs"] == ["TEST"]
    assert view["source_record"]["id"] == "1"
    [out] = view["relationships"]
    assert out["target_id"] == "toy-a-2" and out["target_caption"] == "Person 2"
    [incoming] = view["incoming"]
    assert incoming["source_id"] == "toy-a-0" and incoming["source_caption"] == "Person 0"
    assert incoming["kind"] == "linked_to"
    assert view["snapshot"]


@pytest.mark.usefixtures("loaded")
def test_show_human(cli: Invoke) -> None:
    result = cli("show", "TOY-A-2")  # ids are matched regardless of case
    assert result.exit_code == 0, result.output
    for text in ("Person 2", "Person alias 2", "Relationships", "toy-a-3", "toy-a-1", "TEST"):
        assert text in result.stdout


@pytest.mark.usefixtures("loaded")
def test_show_unknown_id_suggests(cli: Invoke) -> None:
    result = cli("show", "toy-a-33")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no entity 'toy-a-33'")
    assert "did you mean" in result.stderr and "toy-a-3" in result.stderr
    no_traceback(result)


def test_commands_without_lists(cli: Invoke) -> None:
    for args in (["show", "x"], ["export"]):
        result = cli(*args)
        assert result.exit_code == 1
        assert "no lists loaded" in result.stderr
    assert json.loads(cli("lists", "--json").stdout) == {"snapshot": None, "lists": []}
    assert "No lists loaded" in cli("lists").stdout
    assert json.loads(cli("snapshots", "--json").stdout) == {"active": None, "snapshots": []}


@pytest.mark.usefixtures("loaded")
def test_export_native_to_stdout(cli: Invoke) -> None:
    result = cli("export")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["toy-a-0", "toy-a-1", "toy-a-2", "toy-a-3"]


@pytest.mark.usefixtures("loaded")
def test_export_ftm_to_file(cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "export.ftm.json"
    result = cli("export", "--ftm", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert "exported" in result.stdout
    records = [json.loads(line) for line in out.read_text().splitlines()]
    schemas = [r["schema"] for r in records]
    assert schemas.count("Person") == 4
    assert schemas.count("Sanction") == 4
    assert schemas.count("UnknownLink") == 3
    person = next(r for r in records if r["id"] == "toy-a-1")
    assert person["properties"]["name"] == ["Person 1"]
    assert person["properties"]["alias"] == ["Person alias 1"]
    assert person["properties"]["topics"] == ["sanction"]
    assert person["datasets"] == ["toy-a"]


@pytest.mark.usefixtures("loaded")
def test_export_to_missing_folder_is_clean(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--output", str(tmp_path / "no" / "such" / "file.json"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    no_traceback(result)


@pytest.mark.usefixtures("loaded")
def test_snapshots_activate_rolls_back(cli: Invoke, tmp_path: Path) -> None:
    first = json.loads(cli("snapshots", "--json").stdout)["active"]
    assert cli("load", str(write_toy(tmp_path, "toy-a", 5))).exit_code == 0
    result = cli("snapshots", "--activate", first)
    assert result.exit_code == 0, result.output
    assert json.loads(cli("snapshots", "--json").stdout)["active"] == first
    assert cli("snapshots", "--activate", "nope").exit_code == 1
