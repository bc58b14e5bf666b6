"""benchmarks/record_clients.py refuses bad counts with a usage error, before it starts anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "record_clients.py"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--clients", "0"], "0 is less than 1"),
        (["--rounds", "x"], "'x' is not a whole number"),
        (["--clients", "-2"], "-2 is less than 1"),
    ],
)
def test_bad_counts_are_refused_clearly(args: list[str], says: str) -> None:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
