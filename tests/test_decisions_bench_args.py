"""benchmarks/decisions_bench.py refuses bad arguments with a usage error, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "decisions_bench.py"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--screens", "-5"], "-5 is less than 1"),
        (["--clients", "x"], "'x' is not a whole number"),
        (["--repeats", "0"], "0 is less than 1"),
        (["--rows", "1.5"], "'1.5' is not a whole number"),
        (["--pg-durable", "--pg-async-commit"], "two different clusters"),
        (["--client-processes", "--client-threads"], "not allowed with argument"),
    ],
)
def test_bad_arguments_are_refused_clearly(args: list[str], says: str) -> None:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--screen-only", "--no-pg", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
