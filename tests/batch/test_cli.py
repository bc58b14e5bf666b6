"""``clearance batch`` as users run it: option errors, kill -9 and Ctrl-C, then --resume."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from clearance.batch import BatchConfig, checkpoint_path, run_batch
from clearance.cli.main import app
from clearance.settings import Settings
from tests.batch.homes import customer_rows, write_csv

ROWS = 50_000
CHUNK = 1000


def cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--home", str(home), "batch", *args])
    return result.exit_code, result.stdout, result.stderr


def test_option_errors_are_one_clear_line(tmp_path: Path, batch_home: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,full_name\n1,Ivan Petrov\n", encoding="utf-8")
    code, _, err = cli(batch_home, str(src), "-o", str(tmp_path / "o.csv"))
    assert code == 1 and "error: the input has no 'name' column" in err and "--name-column" in err
    code, _, err = cli(batch_home, str(src), "-o", str(tmp_path / "o.csv"), "--detail",
                       "--name-column", "full_name")  # fmt: skip
    assert code == 1 and "--detail writes nested matches" in err
    code, _, err = cli(batch_home, str(src), "-o", str(tmp_path / "o.xlsx"))
    assert code == 1 and "--output-format" in err
    code, _, err = cli(batch_home, str(tmp_path / "nope.csv"), "-o", str(tmp_path / "o.csv"))
    assert code == 1 and "input file not found" in err
    code, _, err = cli(batch_home, str(src), "-o", "o.csv", "--identifier-column", "x:shoe")
    assert code == 1 and "unknown identifier type 'shoe'" in err
    assert "Traceback" not in err


def test_summary_is_printed_and_json_available(tmp_path: Path, batch_home: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Ashot Mkrtychev\n2,\n", encoding="utf-8")
    code, out, err = cli(batch_home, str(src), "-o", str(tmp_path / "o.csv"), "--workers", "1")
    assert code == 0, err
    assert "screened 2 rows: 1 alerts, 1 errors" in out
    assert "1 rows could not be screened" in err and "━" not in err  # no bar off a terminal
    code, out, _ = cli(batch_home, str(src), "-o", str(tmp_path / "o.csv"), "--workers", "1",
                       "--json")  # fmt: skip
    assert code == 0 and orjson.loads(out)["alerts"] == 1


# -- interruption --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_run(
    tmp_path_factory: pytest.TempPathFactory, batch_home: Path, listed_names: list[str]
) -> tuple[Path, Path]:
    """A 50k-row input and its uninterrupted result (the reference)."""
    folder = tmp_path_factory.mktemp("big")
    src = write_csv(folder / "customers.csv", customer_rows(ROWS, listed_names, seed=11))
    ref = folder / "reference.csv"
    run_batch(BatchConfig(src, ref, workers=2, chunk_rows=CHUNK), Settings(home=batch_home))
    return src, ref


def start(home: Path, src: Path, out: Path, tag: str, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CLEARANCE_TEST_TAG=tag)
    env.pop("CLEARANCE_HOME", None)
    code = "from clearance.cli.main import app; app()"
    args = ["--home", str(home), "batch", str(src), "-o", str(out), "--workers", "2",
            "--chunk-size", str(CHUNK), *extra]  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def wait_for_progress(out: Path, proc: subprocess.Popen[bytes], rows: int) -> int:
    ckpt = checkpoint_path(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if ckpt.exists():
            committed = orjson.loads(ckpt.read_bytes())["committed"]["rows"]
            if committed >= rows:
                return int(committed)
        time.sleep(0.05)
    raise AssertionError("no progress within 120 s")


def tagged_processes(tag: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"CLEARANCE_TEST_TAG={tag}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def check_output(out: Path, src: Path, ref: Path) -> None:
    """Every input id exactly once, in order, each with the reference run's result."""
    with src.open(newline="", encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ids
    with ref.open(newline="", encoding="utf-8") as handle:
        for got, want in zip(rows, csv.DictReader(handle), strict=False):
            assert got == want


def test_kill_9_midway_then_resume(
    tmp_path: Path, batch_home: Path, big_run: tuple[Path, Path]
) -> None:
    src, ref = big_run
    out = tmp_path / "out.csv"
    tag = uuid.uuid4().hex
    proc = start(batch_home, src, out, tag)
    committed = wait_for_progress(out, proc, 5 * CHUNK)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert committed < ROWS, "the run finished before it could be killed"
    deadline = time.monotonic() + 10
    while tagged_processes(tag) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tagged_processes(tag) == [], "workers outlived the killed parent"
    refused = start(batch_home, src, out, tag)
    _, err = refused.communicate(timeout=120)
    assert refused.returncode == 1 and b"--resume" in err
    resumed = start(batch_home, src, out, tag, "--resume")
    stdout, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    assert b"resumed after" in stdout
    check_output(out, src, ref)
    assert out.read_bytes() == ref.read_bytes()


def test_ctrl_c_stops_cleanly_then_resume(
    tmp_path: Path, batch_home: Path, big_run: tuple[Path, Path]
) -> None:
    big, ref = big_run
    src = tmp_path / "first-10k.csv"  # results do not depend on other rows: a prefix will do
    with big.open("rb") as handle:
        src.write_bytes(b"".join(next(handle) for _ in range(10_001)))
    out = tmp_path / "out.csv"
    tag = uuid.uuid4().hex
    proc = start(batch_home, src, out, tag)
    wait_for_progress(out, proc, 2 * CHUNK)
    os.killpg(proc.pid, signal.SIGINT)  # the terminal sends it to the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert b"rows are committed" in err and b"--resume" in err and b"Traceback" not in err
    resumed = start(batch_home, src, out, tag, "--resume")
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    check_output(out, src, ref)
