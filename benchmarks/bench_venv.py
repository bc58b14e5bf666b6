"""The separate benchmark venv (``.bench/venv``): created and filled on first use.

nomenklatura (the logic-v2 baseline), Faker and PyYAML live there, pinned in
``benchmarks/requirements-bench.txt``; the project's own environment never sees them. Code that
needs them runs in :mod:`bench_worker` through :func:`run_worker`.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
WORK_DIR = ROOT / ".bench"
VENV_DIR = WORK_DIR / "venv"
REQUIREMENTS = BENCH_DIR / "requirements-bench.txt"
WORKER = BENCH_DIR / "bench_worker.py"
STAMP = VENV_DIR / ".requirements.sha256"


def venv_python() -> Path:
    return VENV_DIR / "bin" / "python"


def ensure_venv(log: Any = print) -> Path:
    """Create ``.bench/venv`` and install the pinned requirements unless already done."""
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    python = venv_python()
    if python.exists() and STAMP.exists() and STAMP.read_text().strip() == digest:
        return python
    log(f"setting up the benchmark venv in {VENV_DIR} (pip install -r {REQUIREMENTS.name}) …")
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV_DIR)
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"pip install into {VENV_DIR} failed:\n{result.stderr[-3000:]}")
    STAMP.write_text(digest)
    return python


def run_worker(*args: str) -> None:
    """Run ``bench_worker.py`` with ``args`` in the benchmark venv; raise on failure."""
    python = ensure_venv()
    result = subprocess.run(
        [str(python), str(WORKER), *args], capture_output=True, text=True, cwd=WORK_DIR
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench_worker {args[0]} failed:\n{result.stderr[-3000:]}")


def worker_json(command: str, payload: Any, *extra: str) -> Any:
    """Send ``payload`` as a JSON file to a worker command and return its JSON answer."""
    WORK_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK_DIR) as tmp:
        path_in, path_out = Path(tmp) / "in.json", Path(tmp) / "out.json"
        path_in.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        run_worker(command, str(path_in), str(path_out), *extra)
        return json.loads(path_out.read_text(encoding="utf-8"))


def yaml_to_json(path: Path) -> Any:
    """Parse a YAML file (in the venv, which has PyYAML)."""
    WORK_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK_DIR) as tmp:
        out = Path(tmp) / "out.json"
        run_worker("yaml", str(path), str(out))
        return json.loads(out.read_text(encoding="utf-8"))


def faker_names(count: int, seed: int) -> list[dict[str, str]]:
    """``count`` seeded Faker names (cached in ``.bench``)."""
    WORK_DIR.mkdir(exist_ok=True)
    cache = WORK_DIR / f"faker_{count}_{seed}.json"
    if not cache.exists():
        run_worker("faker", str(cache), str(count), str(seed))
    names: list[dict[str, str]] = json.loads(cache.read_text(encoding="utf-8"))
    return names


if __name__ == "__main__":  # pragma: no cover - manual helper
    print(ensure_venv(), file=sys.stderr)
