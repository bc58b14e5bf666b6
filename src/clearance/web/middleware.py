"""One pure-ASGI middleware for the web pages: the session cookie and the security headers.

For paths under ``/ui`` it reads the signed session cookie (or starts a new anonymous session,
so that the sign-in form has a CSRF token), hands it to the page in ``request.state``, writes
the cookie back when the page changed the session, and adds the security headers: a CSP that
allows only this server's scripts and styles (no inline ones), frame denial, ``nosniff`` and a
strict referrer policy; ``Server-Timing`` says how long the page took on the server. The
cookie is HttpOnly, SameSite=Strict, and Secure over TLS.
"""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearance.web.sessions import COOKIE, SESSION_SECONDS, Session, SessionCodec

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def _cookie_value(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, val = part.strip().partition("=")
                if key == COOKIE:
                    return str(val)
    return None


def set_cookie_header(value: str, secure: bool) -> bytes:
    flags = f"; Path=/; Max-Age={SESSION_SECONDS}; HttpOnly; SameSite=Strict"
    if secure:
        flags += "; Secure"
    return f"{COOKIE}={value}{flags}".encode("latin-1")


class WebMiddleware:
    def __init__(self, app: ASGIApp, *, codec: SessionCodec, prefix: str) -> None:
        self.app = app
        self.codec = codec
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        mine = path == self.prefix or path.startswith(self.prefix + "/")
        if scope["type"] != "http" or not mine:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        codec = self.codec
        state = scope.setdefault("state", {})
        loaded = codec.load(_cookie_value(scope))
        session = loaded or Session.fresh()
        state["web_session"] = session
        if loaded is None:
            state["web_session_out"] = session
        secure = scope.get("scheme") == "https"

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend(SECURITY_HEADERS)
                took = (time.perf_counter() - started) * 1000
                headers.append((b"server-timing", f"app;dur={took:.2f}".encode()))
                out: Session | None = state.get("web_session_out")
                if out is not None:
                    headers.append((b"set-cookie", set_cookie_header(codec.dump(out), secure)))
                    headers.append((b"cache-control", b"no-store"))
                elif not path.startswith(self.prefix + "/static/"):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_wrapper)
