"""``clearance screen`` refuses a name with nothing screenable: one line, the reason, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Invoke, no_traceback
from tests.snapshots.toy import write_toy

pytestmark = pytest.mark.usefixtures("toy_format")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("LLC", "only a legal form"),
        ("ООО", "only a legal form"),
        ("...", "no letters or digits"),
        ("\u200b", "no letters or digits"),
    ],
)
def test_screen_refuses_names_with_nothing_to_screen(
    cli: Invoke, tmp_path: Path, name: str, reason: str
) -> None:
    assert cli("load", str(write_toy(tmp_path, "toy-a", 3))).exit_code == 0
    result = cli("screen", name)
    no_traceback(result)
    assert result.exit_code != 0
    assert reason in result.output
    assert "no alert" not in result.output
