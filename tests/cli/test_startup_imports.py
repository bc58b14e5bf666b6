"""`clearance lists --help` stays light: help is plain text (Typer's Rich help imports Rich's
markdown, syntax and traceback modules), so the process imports no Rich, web framework,
database or matcher module. Checked by the modules loaded, not by timing."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
sys.argv = ["clearance", *sys.argv[1:]]
from clearance.cli.main import run
try:
    run()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""

HEAVY = ("rich", "fastapi", "starlette", "sqlalchemy", "clearance.matching", "clearance.app")


def _modules(*argv: str) -> tuple[str, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=True
    )
    listing = proc.stderr.rsplit("MODULES ", 1)[1]
    return proc.stdout, set(json.loads(listing))


def test_lists_help_imports_nothing_heavy() -> None:
    out, modules = _modules("lists", "--help")
    assert "Show the lists" in out and "--json" in out
    loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))
    assert loaded == []


def test_a_command_that_prints_still_gets_rich() -> None:
    out, modules = _modules("--home", "/nonexistent-clearance-home", "lists")
    assert "rich.console" in modules
