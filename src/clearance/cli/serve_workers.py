"""``clearance serve --workers N``: each worker listens on a socket of its own (``SO_REUSEPORT``).

uvicorn's supervisor binds one socket and every worker accepts on it. All idle workers wake on
each new connection and race to accept it; a client that opens its connections in a burst (a
load balancer's or a proxy's keep-alive pool, wrk) often finds most of them on one worker, for
as long as they stay open: 20/12, 22/10, 26/6 and once 32/0 of wrk's 32 connections over 16
runs (2026-12-04, machine at load 10). With one socket per worker in a ``SO_REUSEPORT`` group the
kernel spreads the connections over the listening workers by a hash of their addresses.

The supervisor still binds the address first (with ``SO_REUSEPORT``; it never listens, so the
kernel hands it no connection); each worker binds its own socket to the same address and listens
once its app has started. Where ``SO_REUSEPORT`` is missing, ``serve`` uses uvicorn's shared
socket as before. One difference: connections still queued on a worker that exits (a restart)
are reset instead of going to another worker. Connections opened while only one worker was
listening (a start) are spread later: each worker closes keep-alive connections past an age
(``serve_protocol``).
"""

from __future__ import annotations

import logging
import socket
from typing import Any

import uvicorn
from uvicorn import Config
from uvicorn.supervisors import multiprocess

logger = logging.getLogger("uvicorn.error")


def supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def reuseport_socket(family: int, address: tuple[str, int]) -> socket.socket:
    sock = socket.socket(family=family, type=socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


class OwnSocketProcess(multiprocess.Process):
    """A uvicorn worker that serves on its own socket, bound to the supervisor's address."""

    def target(self, sockets: list[socket.socket] | None = None) -> None:  # pragma: no cover
        own = []
        for shared in sockets or []:
            own.append(reuseport_socket(shared.family, shared.getsockname()))
            shared.close()
        super().target(own)


def run(config: Config) -> None:
    """Serve ``config`` (``workers`` > 1, host and port) with one listening socket per worker."""
    family = socket.AF_INET6 if config.host and ":" in config.host else socket.AF_INET
    try:
        sock = reuseport_socket(family, (config.host, config.port))
    except OSError as exc:
        logger.error(exc)
        raise SystemExit(3) from None
    sock.set_inheritable(True)
    host = f"[{config.host}]" if family == socket.AF_INET6 else config.host
    logger.info("Uvicorn running on http://%s:%d (Press CTRL+C to quit)", host, config.port)
    shared_process = multiprocess.Process
    multiprocess.Process = OwnSocketProcess  # type: ignore[misc]
    try:
        multiprocess.Multiprocess(config, sockets=[sock]).run()
    finally:
        multiprocess.Process = shared_process  # type: ignore[misc]
        sock.close()


def recycling_protocol() -> type | None:
    """uvicorn's httptools protocol closing keep-alive connections past an age
    (``serve_protocol``; None without httptools: uvicorn's own choice then)."""
    try:
        from clearance.cli.serve_protocol import RecyclingHttpToolsProtocol
    except ImportError:  # pragma: no cover - httptools is in the api extra
        return None
    return RecyclingHttpToolsProtocol


def serve(app: str, **options: Any) -> None:
    """``uvicorn.run(app, **options)``, with a socket per worker when there are several."""
    protocol = recycling_protocol()
    if protocol is not None:
        options = {"http": protocol, **options}
    if options.get("workers", 1) > 1 and supported():
        run(Config(app, **options))
    else:
        uvicorn.run(app, **options)
