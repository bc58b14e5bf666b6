"""uvicorn's httptools protocol with a bound on the age of a keep-alive connection, and each
answer's head and body written together.

A client (a proxy's pool, wrk) that opened its connections while only one worker was listening
(a server start) keeps them all on that worker for as long as they stay open. Each worker closes
a keep-alive connection at its first answer after ``CLEARANCE_API_KEEPALIVE_SECONDS`` (that
answer says ``Connection: close``; HTTP/1.1 clients reconnect), and the kernel places the new
connection on any worker's socket (``serve_workers``). By age, not by a count of requests: a
connection on a slow worker answers fewer requests per second, so a count would keep it there
longer and pile connections onto the slower worker. Imported only where httptools is installed.

uvicorn writes an answer's status line and headers, then its body, in two writes; with
``TCP_NODELAY`` each goes out as a segment of its own, and a client waiting for the answer may
wake for the head, read it, wait again and wake for the body (``strace`` of an ``httpx``
client: about 0.5 more ``poll``, ``recvfrom`` and ``ioctl`` per recorded ``/screen``). The
head is held until the body's first write and both go in one (:class:`_HeadWithBody`): one
segment, one system call fewer for the server, one wake-up for the client. Not for ``HEAD``
(no body is written) nor a request that expects ``100 Continue`` (that is written first).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

KEEPALIVE_ENV = "CLEARANCE_API_KEEPALIVE_SECONDS"  # set by ``clearance serve`` for its workers


class _HeadWithBody:
    """A request cycle's transport: its first write (the answer's head) is held and goes out
    with the next (the body's first), or when the cycle closes the connection; everything else
    is the connection's transport."""

    __slots__ = ("_transport", "_held", "_first")

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport
        self._held = b""
        self._first = True

    def write(self, data: bytes) -> None:
        if self._first:
            self._first = False
            self._held = data
            return
        if self._held:
            data, self._held = self._held + data, b""
        self._transport.write(data)

    def close(self) -> None:
        if self._held:
            self._transport.write(self._held)
            self._held = b""
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class RecyclingHttpToolsProtocol(HttpToolsProtocol):
    """Closes its connection at the first answer after ``max_age`` seconds; writes each
    answer's head with its body."""

    max_age = -1.0  # read from the environment once per process (the worker's)
    opened = 0.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.opened = self.loop.time()

    def on_headers_complete(self) -> None:
        super().on_headers_complete()  # the cycle's task is created, not yet run
        cycle = self.cycle
        if (
            cycle is not None
            and not cycle.waiting_for_100_continue
            and self.scope["method"] != "HEAD"
        ):
            cycle.transport = _HeadWithBody(self.transport)  # type: ignore[assignment]
        cls = type(self)
        if cls.max_age < 0:
            cls.max_age = float(os.environ.get(KEEPALIVE_ENV) or 0)
        age = self.loop.time() - self.opened
        if cls.max_age and age >= cls.max_age and self.cycle is not None:
            self.cycle.keep_alive = False
