"""Option help: flags are shown bare (no ``<bool>`` as if they took a value)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from clearance.cli.main import app

COMMANDS = ["load", "refresh", "screen", "batch", "serve", "snapshots", "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_flags_have_no_type_label(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output
    assert "--json" in result.output or command in {"serve", "export"}


def test_version_says_how_the_matcher_runs() -> None:
    from clearance import __version__
    from clearance.compiled import state

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"clearance {__version__}, matcher {state()}"
    assert state() in {"compiled (mypyc)", "pure Python"}
