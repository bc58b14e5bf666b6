"""Error responses: every failure is ``{"error": {"code", "message"}, "detail": message}``.

``detail`` repeats the message for yente clients (they read it). Core errors carry no HTTP
status: :data:`STATUSES` maps each :class:`~clearance.errors.ClearanceError` type to its status
and code, answered through ONE handler; the API's own errors below are ClearanceErrors too.
Request validation failures become 400 (malformed JSON) or 422; anything unexpected becomes a
500 with a generic message (the traceback goes to the server log, never to the client).
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from clearance.cases.model import CaseConflict, CaseInputError
from clearance.db.engine import DatabaseError, DatabaseUnavailable
from clearance.errors import (
    BatchInputError,
    CheckpointError,
    ClearanceError,
    ColumnError,
    FetchError,
    Forbidden,
    InputFileError,
    KeysUnavailable,
    NotFoundError,
    QueryError,
    SnapshotError,
    Unauthorized,
    UnknownFormatError,
)

log = logging.getLogger("clearance.api")


class OrjsonResponse(Response):
    """JSON rendered with orjson (fast; handles the plain dicts the core returns)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class ApiError(ClearanceError):
    """Base of the API's own errors (request shape and server readiness)."""


class MalformedRequest(ApiError):
    """The request is well-formed JSON but not a request this endpoint can answer."""


class PayloadTooLarge(ApiError):
    """The request body or the number of queries in it is over the limit."""


class UnsupportedMediaType(ApiError):
    """The request body is not JSON."""


class NotReady(ApiError):
    """No snapshot is loaded yet, so nothing can be screened."""


# Every error type the API answers, with its HTTP status and machine-readable code. A subclass
# not listed answers as its nearest listed ancestor.
STATUSES: dict[type[ClearanceError], tuple[int, str]] = {
    ClearanceError: (500, "clearance_error"),
    InputFileError: (422, "invalid_input_file"),
    UnknownFormatError: (422, "unknown_format_error"),
    SnapshotError: (409, "snapshot_error"),
    FetchError: (502, "fetch_failed"),
    NotFoundError: (404, "not_found"),
    QueryError: (422, "invalid_query"),
    BatchInputError: (422, "batch_input_error"),
    ColumnError: (422, "column_error"),
    CheckpointError: (409, "checkpoint_error"),
    Unauthorized: (401, "unauthorized"),
    Forbidden: (403, "forbidden"),
    KeysUnavailable: (503, "keys_unavailable"),
    ApiError: (400, "bad_request"),
    MalformedRequest: (400, "malformed_request"),
    PayloadTooLarge: (413, "payload_too_large"),
    UnsupportedMediaType: (415, "unsupported_media_type"),
    NotReady: (503, "not_ready"),
    # cases, decisions and the database (clearance.cases, clearance.db)
    CaseConflict: (409, "conflict"),
    CaseInputError: (422, "invalid_case_input"),
    DatabaseError: (500, "database_error"),
    DatabaseUnavailable: (503, "database_unavailable"),
}
_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def status_of(exc: ClearanceError) -> tuple[int, str]:
    """The HTTP status and error code ``exc`` answers with (see :data:`STATUSES`)."""
    for cls in type(exc).__mro__:
        if cls in STATUSES:
            return STATUSES[cls]
    return STATUSES[ClearanceError]


def error_code(exc: ClearanceError) -> str:
    return status_of(exc)[1]


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
    status, code = status_of(exc)
    headers = {"WWW-Authenticate": 'Bearer, ApiKey realm="clearance"'} if status == 401 else None
    if status >= 500 and not isinstance(exc, ApiError | KeysUnavailable):
        log.error("%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
    return error_response(status, code, exc.message, headers)


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
