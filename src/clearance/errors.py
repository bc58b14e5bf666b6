"""One exception tree for the whole project. Shells (CLI, API) map these to exit codes / HTTP."""

from __future__ import annotations


class ClearanceError(Exception):
    """Base class. ``status`` is the HTTP status the API answers with."""

    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputFileError(ClearanceError):
    """A list file could not be read: names the file and, where known, the record."""

    status = 422

    def __init__(self, path: str, message: str, *, record: str | int | None = None) -> None:
        where = f"{path}" + (f", record {record}" if record is not None else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.record = record
        self.reason = message


class UnknownFormatError(InputFileError):
    """No reader recognises the file."""


class SnapshotError(ClearanceError):
    """A snapshot could not be created, verified or installed."""

    status = 409


class FetchError(ClearanceError):
    """A download failed or returned something that is not the expected list."""

    status = 502


class NotFoundError(ClearanceError):
    status = 404


class QueryError(ClearanceError):
    """A screening query is invalid (empty name, bad date, unknown type...)."""

    status = 422
