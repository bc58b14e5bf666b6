"""List readers, one package per authority, and the format registry.

``read_path(path)`` detects the format of a file or folder and returns a
:class:`~clearance.sources.base.ParsedList`.
"""

from __future__ import annotations

from pathlib import Path

from clearance.errors import ClearanceError, InputFileError, UnknownFormatError
from clearance.sources.base import ListFormat, ParsedList
from clearance.sources.registry import FORMATS


def get_format(name: str) -> ListFormat:
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    known = ", ".join(f.name for f in FORMATS)
    raise UnknownFormatError("--format", f"unknown format {name!r}; known: {known}")


def detect_format(path: Path) -> ListFormat:
    if not path.exists():
        raise InputFileError(str(path), "no such file or folder")
    for fmt in FORMATS:
        if fmt.detect(path):
            return fmt
    known = ", ".join(f.name for f in FORMATS)
    raise UnknownFormatError(
        str(path), f"not a recognised list file or folder (known formats: {known}); try --format"
    )


def read_path(
    path: Path, *, format_name: str | None = None, list_name: str | None = None
) -> ParsedList:
    fmt = get_format(format_name) if format_name else detect_format(path)
    if not path.exists():
        raise InputFileError(str(path), "no such file or folder")
    try:
        return fmt.read(path, list_name=list_name)
    except (ClearanceError, MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a reader choking on a damaged file: name the file, no traceback
        raise InputFileError(
            str(path), f"cannot be read as {fmt.name}: {type(exc).__name__}: {exc}"
        ) from exc


__all__ = ["FORMATS", "ListFormat", "ParsedList", "detect_format", "get_format", "read_path"]
