"""Bounds on what a zip file (OFAC's ``CONS_ENHANCED.ZIP``, an ``.xlsx`` workbook) unpacks to.

The sizes a zip's directory declares are checked before anything is unpacked, and
:mod:`zipfile` stops reading a member at its declared size, so a zip bomb is refused in a
moment. Members that are parsed whole (an xlsx workbook's small parts) get a tighter bound
than members that are streamed (:func:`clearance.sources.shared.safexml.iter_records`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Container
from pathlib import Path

from clearance.errors import InputFileError

MAX_UNPACKED = 1 << 30
"""Most bytes all members of one zip may unpack to (real list files: 4-17 MB)."""
MAX_WHOLE_PART = 4 << 20
"""Most bytes of a member parsed whole rather than streamed (real ones: a few KB)."""


def check_sizes(
    path: Path,
    archive: zipfile.ZipFile,
    *,
    streamed: Container[str] = (),
    limit: int = MAX_UNPACKED,
    part_limit: int = MAX_WHOLE_PART,
) -> None:
    """Refuse a zip whose members unpack to more than ``limit`` bytes together, or a member
    not named in ``streamed`` to more than ``part_limit`` (an ``InputFileError`` naming it)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.filename not in streamed and info.file_size > part_limit:
            raise InputFileError(
                str(path),
                f"{info.filename} unpacks to {info.file_size:,} bytes (at most "
                f"{part_limit:,} expected for this part); refused as a possible zip bomb",
            )
    if total > limit:
        raise InputFileError(
            str(path),
            f"the archive unpacks to {total:,} bytes (more than {limit:,}); refused as a "
            "possible zip bomb",
        )
