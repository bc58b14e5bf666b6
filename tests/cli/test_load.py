from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearance import app as core
from clearance import loading
from clearance.cli import main as cli_main
from clearance.snapshots import Snapshot
from tests.cli.conftest import Invoke, no_traceback, real_format
from tests.snapshots.toy import write_toy

pytestmark = pytest.mark.usefixtures("toy_format")


def test_load_lists_and_snapshots(cli: Invoke, home: Path, tmp_path: Path) -> None:
    path = write_toy(tmp_path, "toy-a", 5)
    result = cli("load", str(path))
    assert result.exit_code == 0, result.output
    assert "toy-a" in result.stdout and "is now active" in result.stdout
    listed = json.loads(cli("lists", "--json").stdout)
    snapshot_id = (home / "ACTIVE").read_text().strip()
    assert listed["snapshot"] == snapshot_id
    [entry] = listed["lists"]
    assert entry["list"] == "toy-a" and entry["format"] == "toy-json"
    assert entry["published"] == "2024-01-01" and entry["loaded_at"]
    assert entry["counts"]["entities"] == 5 and entry["counts"]["aliases"] == 5
    assert entry["files"][0]["path"] == str(path.resolve())
    human = cli("lists")
    assert human.exit_code == 0 and "toy-a" in human.stdout
    second = cli("load", str(write_toy(tmp_path, "toy-b", 2)), "--json")
    assert second.exit_code == 0, second.output
    loaded = json.loads(second.stdout)
    assert loaded["lists"][0]["counts"]["entities"] == 2
    snaps = json.loads(cli("snapshots", "--json").stdout)
    assert [s["active"] for s in snaps["snapshots"]] == [False, True]
    assert snaps["snapshots"][1]["lists"] == {"toy-a": 5, "toy-b": 2}
    assert snaps["snapshots"][1]["parent"] == snapshot_id
    human_snaps = cli("snapshots").stdout
    assert snapshot_id in human_snaps and "toy-b" in human_snaps


def test_several_paths_make_one_snapshot(cli: Invoke, home: Path, tmp_path: Path) -> None:
    result = cli("load", str(write_toy(tmp_path, "toy-a", 3)), str(write_toy(tmp_path, "toy-b", 4)))
    assert result.exit_code == 0, result.output
    snaps = json.loads(cli("snapshots", "--json").stdout)["snapshots"]
    assert len(snaps) == 1 and snaps[0]["entities"] == 7


def test_list_option_renames(cli: Invoke, tmp_path: Path) -> None:
    result = cli("load", str(write_toy(tmp_path, "toy-a", 3)), "--list", "mybank")
    assert result.exit_code == 0, result.output
    assert json.loads(cli("lists", "--json").stdout)["lists"][0]["list"] == "mybank"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/file.csv"], "/no/such/file.csv: no such file or folder"),
        (["{a}", "--format", "nope"], "unknown format 'nope'"),
        (["{a}", "{a3}"], "are both list toy-a"),
        (["{a}", "--list", "../x"], "invalid list name"),
        (["{bad}"], "not a toy list"),
        (["{unknown}"], "not a recognised list file"),
    ],
)
def test_bad_input_is_one_error_line(
    cli: Invoke, home: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    first = cli("load", str(write_toy(tmp_path, "toy-z", 1)))
    assert first.exit_code == 0
    active = (home / "ACTIVE").read_text()
    files = {
        "a": write_toy(tmp_path, "toy-a", 2),
        "a3": write_toy(tmp_path, "toy-a", 3),
        "bad": tmp_path / "bad.toy.json",
        "unknown": tmp_path / "notes.txt",
    }
    files["bad"].write_text("{broken")
    files["unknown"].write_text("hello")
    result = cli("load", *[a.format(**{k: str(v) for k, v in files.items()}) for a in args])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    no_traceback(result)
    assert (home / "ACTIVE").read_text() == active


def test_usage_errors_exit_2(cli: Invoke) -> None:
    assert cli("load").exit_code == 2
    assert cli("load", "--bogus").exit_code == 2
    assert cli("nonsense").exit_code == 2


def test_failing_builder_keeps_previous_snapshot(
    cli: Invoke, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("load", str(write_toy(tmp_path, "toy-a", 2))).exit_code == 0
    active = (home / "ACTIVE").read_text()

    def exploding(staging: Path, snapshot: Snapshot) -> None:
        raise ValueError("disk on fire")

    monkeypatch.setattr(core, "SNAPSHOT_BUILDERS", [*core.SNAPSHOT_BUILDERS, exploding])
    result = cli("load", str(write_toy(tmp_path, "toy-a", 3)))
    assert result.exit_code == 1
    assert "building exploding failed: disk on fire" in result.stderr
    no_traceback(result)
    assert (home / "ACTIVE").read_text() == active
    assert len(list((home / "snapshots").iterdir())) == 1


def test_home_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    env_home = tmp_path / "env-home"
    monkeypatch.setenv("CLEARANCE_HOME", str(env_home))
    result = CliRunner().invoke(cli_main.app, ["load", str(write_toy(tmp_path, "toy-a", 2))])
    assert result.exit_code == 0, result.output
    assert (env_home / "ACTIVE").is_file()


def test_bad_setting_is_a_clear_error(cli: Invoke) -> None:
    result = cli("lists", env={"CLEARANCE_RETENTION": "many"})
    assert result.exit_code == 1
    assert result.stderr.startswith("error: invalid CLEARANCE_* setting")
    no_traceback(result)


def test_unexpected_errors_have_no_traceback(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(loading, "parse_and_index", broken)
    path = str(write_toy(tmp_path, "toy-a", 2))
    result = cli("load", path)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unexpected KeyError")
    no_traceback(result)
    debug = cli("--debug", "load", path)
    assert isinstance(debug.exception, KeyError)


def test_demo_uses_the_packaged_file(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import contextmanager

    demo = write_toy(tmp_path, "demo", 4)

    @contextmanager
    def fake_demo():  # type: ignore[no-untyped-def]
        yield demo

    monkeypatch.setattr(loading, "demo_path", fake_demo)
    result = cli("load", "--demo", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["lists"][0]["list"] == "demo"


def test_real_demo_list(cli: Invoke) -> None:
    with loading.demo_path() as path:
        if not real_format(path):
            pytest.skip("no reader for the demo list registered yet")
    result = cli("load", "--demo", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["lists"][0]["counts"]["entities"] > 0


def test_load_real_ofac_set(cli: Invoke, data_dir: Path) -> None:
    folder = data_dir / "ofac" / "sdn_csv_2023-12-28"
    if not real_format(folder):
        pytest.skip("no OFAC CSV reader registered yet")
    result = cli("load", str(folder))
    assert result.exit_code == 0, result.output
    assert "ofac-sdn" in result.stdout
    [entry] = json.loads(cli("lists", "--json").stdout)["lists"]
    assert entry["list"] == "ofac-sdn" and entry["format"] == "ofac-csv"
    assert entry["counts"]["entities"] == 13821
    assert len(entry["files"]) == 4
    shown = cli("show", "--json", "ofac-sdn-41736")
    assert shown.exit_code == 0, shown.output
    view = json.loads(shown.stdout)
    assert view["caption"] == "MKRTYCHEV, Ashot"
    assert "1966-05-07" in view["birth_dates"]
    assert any(i["value"] == "BD3843329" for i in view["identifiers"])
    incoming = {edge["source_id"] for edge in view["incoming"]}
    assert "ofac-sdn-44544" in incoming  # LIMITED LIABILITY COMPANY VERUS is "Linked To" him
    assert all(edge["source_caption"] for edge in view["incoming"])
    human = cli("show", "ofac-sdn-41736")
    assert human.exit_code == 0 and "MKRTYCHEV" in human.stdout
