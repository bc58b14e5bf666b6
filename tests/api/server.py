"""Run ``clearance serve`` as a real process on a free loopback port (tests and benchmarks)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import httpx

CLI = [sys.executable, "-c", "from clearance.cli.main import app; app()"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def clearance_cli(home: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a ``clearance`` command in a subprocess; raises with its output when it fails."""
    done = subprocess.run(
        [*CLI, "--home", str(home), *args], capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"clearance {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


class Server:
    """``clearance --home HOME serve --port P --workers N`` until :meth:`stop`."""

    def __init__(
        self,
        home: Path,
        *,
        workers: int = 1,
        env: dict[str, str] | None = None,
        extra_args: tuple[str, ...] = (),
        log: Path | None = None,
    ) -> None:
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log or home / f"server-{self.port}.log"
        self._log: IO[bytes] = self.log_path.open("wb")
        full_env = {**os.environ, **(env or {})}
        self.proc = subprocess.Popen(
            [
                *CLI,
                "--home",
                str(home),
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                *extra_args,
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=full_env,
        )

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.output()}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not ready after {timeout} s:\n{self.output()}")

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
