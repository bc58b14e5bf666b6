"""uvicorn's httptools protocol with a bound on the age of a keep-alive connection.

A client (a proxy's pool, wrk) that opened its connections while only one worker was listening
(a server start) keeps them all on that worker for as long as they stay open. Each worker closes
a keep-alive connection at its first answer after ``CLEARANCE_API_KEEPALIVE_SECONDS`` (that
answer says ``Connection: close``; HTTP/1.1 clients reconnect), and the kernel places the new
connection on any worker's socket (``serve_workers``). By age, not by a count of requests: a
connection on a slow worker answers fewer requests per second, so a count would keep it there
longer and pile connections onto the slower worker. Imported only where httptools is installed.
"""

from __future__ import annotations

import asyncio
import os

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

KEEPALIVE_ENV = "CLEARANCE_API_KEEPALIVE_SECONDS"  # set by ``clearance serve`` for its workers


class RecyclingHttpToolsProtocol(HttpToolsProtocol):
    """Closes its connection at the first answer after ``max_age`` seconds."""

    max_age = -1.0  # read from the environment once per process (the worker's)
    opened = 0.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.opened = self.loop.time()

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        cls = type(self)
        if cls.max_age < 0:
            cls.max_age = float(os.environ.get(KEEPALIVE_ENV) or 0)
        age = self.loop.time() - self.opened
        if cls.max_age and age >= cls.max_age and self.cycle is not None:
            self.cycle.keep_alive = False
