"""One exception tree for the whole project. Shells map these to exit codes (CLI) or HTTP
statuses (the API's table in ``clearance.api.errors``); the core knows nothing of either."""

from __future__ import annotations


class ClearanceError(Exception):
    """Base class of every error the project raises on purpose (``message`` is for users)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputFileError(ClearanceError):
    """A list file could not be read: names the file and, where known, the record."""

    def __init__(self, path: str, message: str, *, record: str | int | None = None) -> None:
        where = f"{path}" + (f", record {record}" if record is not None else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.record = record
        self.reason = message


class UnknownFormatError(InputFileError):
    """No reader recognises the file."""


class SnapshotError(ClearanceError):
    """A snapshot could not be created, verified or installed (or none is loaded)."""


class FetchError(ClearanceError):
    """A download failed or returned something that is not the expected list."""


class NotFoundError(ClearanceError):
    """A named thing (entity, snapshot, key...) does not exist."""


class QueryError(ClearanceError):
    """A screening query is invalid (empty name, bad date, unknown type...)."""


class BatchInputError(ClearanceError):
    """A batch input file cannot be read at all (missing, empty, no header, unknown format)."""


class ColumnError(ClearanceError):
    """Batch column options do not fit the input file (a named column is missing...)."""


class CheckpointError(ClearanceError):
    """A batch run cannot start or resume (unfinished run in the way, snapshot changed...)."""


class Unauthorized(ClearanceError):
    """No credentials, or credentials that are not valid."""


class Forbidden(ClearanceError):
    """Valid credentials whose role is too low for the action."""


class KeysUnavailable(ClearanceError):
    """The key store could not be read, so no caller can be authenticated."""
