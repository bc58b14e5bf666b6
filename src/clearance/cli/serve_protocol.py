"""uvicorn's httptools protocol with a bound on requests per keep-alive connection.

A client (a proxy's pool, wrk) that opened its connections while only one worker was listening
(a server start) keeps them all on that worker for as long as they stay open. Closing each after
``CLEARANCE_API_KEEPALIVE_REQUESTS`` answers (the last one says ``Connection: close``; HTTP/1.1
clients reconnect) lets the kernel place the new connection on any worker's socket, as nginx's
``keepalive_requests`` does. Imported only where httptools is installed (the ``api`` extra).
"""

from __future__ import annotations

import os

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

KEEPALIVE_ENV = "CLEARANCE_API_KEEPALIVE_REQUESTS"  # set by ``clearance serve`` for its workers


class RecyclingHttpToolsProtocol(HttpToolsProtocol):
    """Answers at most ``limit`` requests on a connection, the last with ``Connection: close``."""

    limit = -1  # read from the environment once per process (the worker's)
    served = 0

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        cls = type(self)
        if cls.limit < 0:
            cls.limit = int(os.environ.get(KEEPALIVE_ENV) or 0)
        self.served += 1
        if cls.limit and self.served >= cls.limit and self.cycle is not None:
            self.cycle.keep_alive = False
