from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clearance.cli.main import app
from clearance.errors import ClearanceError
from clearance.sources import detect_format
from tests.snapshots.httpserver import list_server
from tests.snapshots.toy import ToyFormat, toy_format

__all__ = ["list_server", "toy_format"]

Invoke = Callable[..., Result]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def cli(home: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run ``clearance --home <tmp> ARGS``; stdout and stderr kept apart."""
    monkeypatch.delenv("CLEARANCE_HOME", raising=False)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, ["--home", str(home), *args], env=env)

    return invoke


def real_format(path: Path) -> bool:
    """True when a real (non-test) reader is registered for ``path``."""
    try:
        return not isinstance(detect_format(path), ToyFormat)
    except ClearanceError:
        return False


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
