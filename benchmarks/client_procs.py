"""Benchmark clients as processes: ``decisions_bench.py --client-processes``.

Each client is a process of its own with its own connection (``httpx``, as the thread rig's
clients), so the clients do not share one interpreter lock, as real clients do not. The
processes live for one client setting; a round sends each its share of the names and the
mode, and each answers with its requests' seconds and the CPU it spent on them.
"""

from __future__ import annotations

import multiprocessing
import time
from multiprocessing.connection import Connection
from typing import Any

import httpx


def post_share(c: httpx.Client, share: list[str], record: bool) -> tuple[list[float], str]:
    """Post ``share`` one request after the other (both rigs' clients): each request's seconds,
    and what went wrong ("" if every answer was 200 in the mode asked)."""
    timer = time.perf_counter
    path = "/screen?record=true" if record else "/screen"
    took: list[float] = []
    for name in share:
        start = timer()
        res = c.post(path, json={"name": name})
        took.append(timer() - start)
        if res.status_code != 200 or record != ("recorded" in res.json()):
            return took, f"{res.status_code} {res.text[:200]}"
    return took, ""


def _client(conn: Connection, base: str, key: str) -> None:
    """One client process: post each round's share one request after the other."""
    with httpx.Client(base_url=base, timeout=60, headers={"Authorization": f"Bearer {key}"}) as c:
        conn.send("ready")  # imported and connected: the first round's time is its requests'
        while (task := conn.recv()) is not None:
            share, record = task
            cpu = time.process_time()
            took, error = post_share(c, share, record)
            conn.send((took, time.process_time() - cpu, error))


class ClientProcesses:
    """``clients`` client processes for rounds against the server at ``base``."""

    def __init__(self, base: str, key: str, clients: int) -> None:
        ctx = multiprocessing.get_context("spawn")  # no copy of the benchmark's threads or state
        self._conns: list[Connection] = []
        self._procs: list[Any] = []
        for _ in range(clients):
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_client, args=(theirs, base, key), daemon=True)
            proc.start()
            self._conns.append(mine)
            self._procs.append(proc)
        for conn in self._conns:
            if conn.recv() != "ready":
                raise RuntimeError("a client process did not start")

    def round(
        self, names: list[str], record: bool, latencies: list[float] | None = None
    ) -> tuple[float, float]:
        """Post ``names`` split among the clients; the round's wall time and the CPU the
        client processes spent in it."""
        n = len(self._conns)
        start = time.perf_counter()
        for i, conn in enumerate(self._conns):
            conn.send((names[i::n], record))
        cpu = 0.0
        for conn in self._conns:
            took, used, error = conn.recv()
            if error:
                raise RuntimeError(f"a client's request failed: {error}")
            cpu += used
            if latencies is not None:
                latencies.extend(took)
        return time.perf_counter() - start, cpu

    def close(self) -> None:
        for conn in self._conns:
            conn.send(None)
        for proc in self._procs:
            proc.join(timeout=10)
