"""CLI start-up time: ``clearance lists --help`` (target: at most 0.5 s), repeated like hyperfine.

    .venv/bin/python benchmarks/cli_startup.py [--runs 20]

Prints min / median / mean wall time and the median CPU time of fresh-process runs, beside two
baselines from the same run: the interpreter's own start-up (``python -c pass``) and a bare
two-command Typer app's ``--help`` (what any Typer CLI with Typer's default Rich help pays: Typer
imports pydantic, and its Rich help Rich's markdown), and the load. Clearance's help is plain
text, so it starts below that floor.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def timed(argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of each fresh-process run; CPU time is what a busy
    machine inflates least."""
    subprocess.run(argv, capture_output=True, check=True)  # warm the file cache
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


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
        times, cpu = timed(argv, args.runs)
        print(
            f"{label:30s} wall min {min(times):.3f} s  median {statistics.median(times):.3f} s  "
            f"mean {statistics.fmean(times):.3f} s;  CPU median {statistics.median(cpu):.3f} s  "
            f"({args.runs} runs)"
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
