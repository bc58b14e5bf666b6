"""One pure-ASGI middleware: body size limit, JSON content type, request metrics.

Pure ASGI (not ``BaseHTTPMiddleware``) keeps the per-request cost to a few microseconds.
A request body is read here up to the limit, then replayed to the app: a larger body gets a 413
before any route runs, and a body that is not JSON gets a 415.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearance.api.errors import error_bytes
from clearance.api.metrics import Metrics

_BODY_METHODS = {"POST", "PUT", "PATCH"}
FORM_PATHS = ("/ui/",)  # the web pages post HTML forms, not JSON


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


class GuardMiddleware:
    def __init__(self, app: ASGIApp, *, max_body: int, metrics: Metrics) -> None:
        self.app = app
        self.max_body = max_body
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500
        method: str = scope["method"]

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            if method in _BODY_METHODS:
                rejected, receive = await self._guard_body(scope, receive)
                if rejected is not None:
                    status = rejected[0]
                    await _send_error(send, *rejected)
                    return
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            label = getattr(route, "path", None) or "<unmatched>"
            self.metrics.observe_request(method, label, status, time.perf_counter() - start)

    async def _guard_body(
        self, scope: Scope, receive: Receive
    ) -> tuple[tuple[int, str, str] | None, Receive]:
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                return (400, "bad_request", "invalid Content-Length header"), receive
            if declared > self.max_body:
                return self._too_large(), receive
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return (400, "bad_request", "client disconnected"), receive
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return self._too_large(), receive
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if body and not scope["path"].startswith(FORM_PATHS):
            content_type = headers.get(b"content-type", b"").decode("latin-1")
            if not _is_json(content_type):
                return (
                    415,
                    "unsupported_media_type",
                    "send the request body as JSON with `Content-Type: application/json`",
                ), receive
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return None, replay

    def _too_large(self) -> tuple[int, str, str]:
        return (
            413,
            "payload_too_large",
            f"request body larger than {self.max_body} bytes (CLEARANCE_API_MAX_BODY_BYTES)",
        )


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = error_bytes(status, code, message)
    headers: list[Any] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
