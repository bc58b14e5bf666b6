"""Error responses: every failure is ``{"error": {"code", "message"}, "detail": message}``.

``detail`` repeats the message for yente clients (they read it). A
:class:`~clearance.errors.ClearanceError` answers with its ``.status`` through ONE handler; the
API's own errors below are ClearanceErrors too. Request validation failures become 400
(malformed JSON) or 422; anything unexpected becomes a 500 with a generic message (the traceback
goes to the server log, never to the client).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from clearance.errors import ClearanceError

log = logging.getLogger("clearance.api")


class OrjsonResponse(Response):
    """JSON rendered with orjson (fast; handles the plain dicts the core returns)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class ApiError(ClearanceError):
    """Base of the API's own errors; ``code`` is the machine-readable error code."""

    code = "bad_request"
    status = 400


class MalformedRequest(ApiError):
    code = "malformed_request"
    status = 400


class Unauthorized(ApiError):
    code = "unauthorized"
    status = 401


class Forbidden(ApiError):
    code = "forbidden"
    status = 403


class PayloadTooLarge(ApiError):
    code = "payload_too_large"
    status = 413


class UnsupportedMediaType(ApiError):
    code = "unsupported_media_type"
    status = 415


class KeysUnavailable(ApiError):
    code = "keys_unavailable"
    status = 503


class NotReady(ApiError):
    code = "not_ready"
    status = 503


_CODES = {
    "QueryError": "invalid_query",
    "NotFoundError": "not_found",
    "SnapshotError": "snapshot_error",
    "InputFileError": "invalid_input_file",
    "FetchError": "fetch_failed",
}
_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def error_code(exc: ClearanceError) -> str:
    if isinstance(exc, ApiError):
        return exc.code
    name = type(exc).__name__
    return _CODES.get(name) or re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> OrjsonResponse:
    body = {"error": {"code": code, "message": message}, "detail": message}
    return OrjsonResponse(body, status_code=status, headers=headers)


def error_bytes(status: int, code: str, message: str) -> bytes:
    """The body of an error answered outside FastAPI (ASGI middleware)."""
    return orjson.dumps({"error": {"code": code, "message": message}, "detail": message})


def _clearance_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ClearanceError)
    headers = (
        {"WWW-Authenticate": 'Bearer, ApiKey realm="clearance"'} if exc.status == 401 else None
    )
    if exc.status >= 500 and not isinstance(exc, ApiError):
        log.error("%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
    return error_response(exc.status, error_code(exc), exc.message, headers)


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "request"


def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "the request body is not valid JSON")
    parts = [f"{_location(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in errors[:5]]
    if len(errors) > 5:
        parts.append(f"and {len(errors) - 5} more")
    return error_response(422, "invalid_request", "; ".join(parts))


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, dict(exc.headers or {}) or None)


def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ClearanceError, _clearance_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
