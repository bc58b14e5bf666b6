"""Optional dependencies: a missing extra is named in one line; commands that do not serve load
no web framework (and ``--help`` loads nothing heavy)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clearance import extras
from clearance.cli.output import _message
from clearance.extras import MissingExtra, missing_extra, require


def test_require_names_the_extra_and_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(extras.EXTRAS, "clearance_no_such_module", "spark")
    with pytest.raises(MissingExtra) as caught:
        require("spark", "`clearance batch --engine spark`")
    message = caught.value.message
    assert message.startswith("`clearance batch --engine spark` comes with the optional [spark]")
    assert "clearance_no_such_module is not installed" in message
    assert "pip install 'clearance[spark]'" in message
    require("api", "`clearance serve`")  # installed here: no error


def test_an_import_failure_of_an_extra_module_is_one_line_not_unexpected() -> None:
    exc = ModuleNotFoundError("No module named 'pyspark'", name="pyspark.sql")
    assert missing_extra(exc) is not None
    line = _message(exc)
    assert "unexpected" not in line and "pip install 'clearance[spark]'" in line
    other = ModuleNotFoundError("No module named 'nothing_known'", name="nothing_known")
    assert missing_extra(other) is None and _message(other).startswith("unexpected")


HEAVY = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "pyspark", "networkx", "numpy")


@pytest.mark.parametrize("argv", [["lists", "--help"], ["screen", "--help"], ["--help"]])
def test_help_imports_no_web_framework_nor_engine(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from clearance.cli.main import app\n"
        "try:\n"
        f"    app({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "print('clearance.matching' in sys.modules, 'pydantic_settings' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    lines = done.stdout.strip().splitlines()
    assert lines[-2:] == ["[]", "False False"], done.stdout + done.stderr
