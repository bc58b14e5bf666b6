"""benchmarks/client_procs.py: the decisions benchmark's clients as processes post each round's
share, each name once, in the mode asked, and report every request's time and their CPU."""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from client_procs import ClientProcesses  # noqa: E402


class _Screen(BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str]] = []

    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.seen.append((self.path, body["name"], self.headers["Authorization"]))
        answer: dict[str, Any] = {"matches": []}
        if self.path.endswith("record=true"):
            answer["recorded"] = {"receipt": "r"}
        data = json.dumps(answer).encode()
        status = 500 if body["name"] == "boom" else 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def test_client_processes_post_each_name_once_in_the_mode_asked() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Screen)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rig = ClientProcesses(f"http://127.0.0.1:{server.server_port}", "k", 3)
    try:
        names = [f"name {i}" for i in range(10)]
        latencies: list[float] = []
        wall, cpu = rig.round(names, True, latencies)
        assert len(latencies) == 10 and wall > 0 and cpu >= 0
        assert sorted(n for _, n, _ in _Screen.seen) == sorted(names)
        assert {p for p, _, _ in _Screen.seen} == {"/screen?record=true"}
        assert {a for _, _, a in _Screen.seen} == {"Bearer k"}
        _Screen.seen.clear()
        rig.round(names[:4], False)
        assert {p for p, _, _ in _Screen.seen} == {"/screen"}
        with pytest.raises(RuntimeError, match="500"):
            rig.round(["boom"], False)
    finally:
        rig.close()
        server.shutdown()
        server.server_close()
