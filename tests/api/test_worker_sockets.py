"""``clearance serve --workers 2``: each worker listens on a socket of its own (SO_REUSEPORT), and
a burst of keep-alive connections is spread over both workers (Linux: read from /proc); a
keep-alive connection is closed at its first answer after ``CLEARANCE_API_KEEPALIVE_SECONDS``."""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

import pytest

from tests.api.factory import install, sdn_entities
from tests.api.server import Server

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads sockets from /proc"
)

LISTEN, ESTABLISHED = "0A", "01"


def socket_owners(pids: set[int]) -> dict[int, int]:
    """Socket inode -> pid, over the given processes' open files."""
    owners = {}
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = fd.readlink().as_posix()
            except OSError:
                continue
            if target.startswith("socket:["):
                owners[int(target[8:-1])] = pid
    return owners


def local_sockets(port: int, state: str) -> set[int]:
    """Inodes of the IPv4 TCP sockets on local ``port`` in ``state``."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == state:
            found.add(int(fields[9]))
    return found


def children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()}


def test_each_worker_listens_on_its_own_socket_and_connections_spread(tmp_path: Path) -> None:
    home = tmp_path / "home"
    install(home, {"ofac-sdn": sdn_entities()})
    srv = Server(home, workers=2, env={"CLEARANCE_API_ANONYMOUS": "screener"})
    conns: list[socket.socket] = []
    try:
        srv.wait_ready(timeout=120)
        workers = children(srv.proc.pid) - {srv.proc.pid}
        deadline = time.monotonic() + 30
        while True:  # /readyz turns 200 just before the last worker starts listening
            owners = socket_owners(workers | {srv.proc.pid})
            listening = {i: owners.get(i) for i in local_sockets(srv.port, LISTEN)}
            if len(listening) == 2 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        # two listening sockets, one in each worker (the shared socket was one, in both)
        assert len(listening) == 2, listening
        assert set(listening.values()) <= workers and len(set(listening.values())) == 2
        for _ in range(32):  # a burst of keep-alive connections, as a proxy's pool opens them
            conn = socket.create_connection(("127.0.0.1", srv.port))
            conns.append(conn)
        for conn in conns:
            conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        for conn in conns:
            assert conn.recv(4096).startswith(b"HTTP/1.1 200")
        owners = socket_owners(workers)
        per_worker = {pid: 0 for pid in listening.values() if pid is not None}
        for inode in local_sockets(srv.port, ESTABLISHED):
            if owners.get(inode) in per_worker:
                per_worker[owners[inode]] += 1
        assert sum(per_worker.values()) == 32
        # spread by a hash of the addresses: all 32 on one worker has odds of 2 in 4 billion
        assert min(per_worker.values()) > 0, per_worker
    finally:
        for conn in conns:
            conn.close()
        srv.stop()


def read_answer(conn: socket.socket) -> tuple[bytes, bytes]:
    """One HTTP/1.1 answer with a Content-Length: its head (lower case) and body."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(4096)
    head, body = data.split(b"\r\n\r\n", 1)
    head = head.lower()
    length = int(head.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
    while len(body) < length:
        body += conn.recv(4096)
    return head, body


def test_a_connection_is_closed_at_its_first_answer_past_its_age(tmp_path: Path) -> None:
    home = tmp_path / "home"
    install(home, {"ofac-sdn": sdn_entities()})
    env = {"CLEARANCE_API_ANONYMOUS": "screener", "CLEARANCE_API_KEEPALIVE_SECONDS": "1"}
    srv = Server(home, workers=1, env=env)
    try:
        srv.wait_ready(timeout=120)
        with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as conn:
            heads = []
            for pause in (0, 0, 1.2):
                time.sleep(pause)
                conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                head, body = read_answer(conn)
                assert head.startswith(b"http/1.1 200") and body == b'{"status":"ok"}', head
                heads.append(head)
            assert [b"connection: close" in head for head in heads] == [False, False, True]
            assert conn.recv(4096) == b""  # closed by the server
    finally:
        srv.stop()
