"""CLI start-up time: ``clearance lists --help`` (target: at most 0.5 s), repeated like hyperfine.

    .venv/bin/python benchmarks/cli_startup.py [--runs 20]

Prints min / median / mean of fresh-process runs, beside two baselines from the same run: the
interpreter's own start-up (``python -c pass``) and a bare two-command Typer app's ``--help``
(the floor any Typer CLI pays: Typer imports pydantic and rich's markdown), and the load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_BARE = """import typer
app = typer.Typer()
@app.command()
def lists(json: bool = False) -> None:
    \"\"\"Show the lists.\"\"\"
@app.command()
def other() -> None:
    \"\"\"Other.\"\"\"
app()
"""


def timed(argv: list[str], runs: int) -> list[float]:
    subprocess.run(argv, capture_output=True, check=True)  # warm the file cache
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    exe = shutil.which("clearance", path=os.path.dirname(sys.executable)) or "clearance"
    bare = Path(tempfile.mkdtemp()) / "bare_typer.py"
    bare.write_text(_BARE)
    cases = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "bare Typer app --help (floor)": [sys.executable, str(bare), "lists", "--help"],
        "clearance lists --help": [exe, "lists", "--help"],
        "clearance --help": [exe, "--help"],
    }
    print(f"load average before: {os.getloadavg()}")
    for label, argv in cases.items():
        times = timed(argv, args.runs)
        print(
            f"{label:28s} min {min(times):.3f} s  median {statistics.median(times):.3f} s  "
            f"mean {statistics.fmean(times):.3f} s  ({args.runs} runs)"
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
