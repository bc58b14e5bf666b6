"""The ``custom-csv`` list format: a user's own list (see :mod:`clearance.sources.custom`)."""

from __future__ import annotations

import re
from pathlib import Path

from clearance.sources.base import (
    ParsedList,
    check_unique_ids,
    file_record,
    resolve_relationships,
)
from clearance.sources.custom.map import map_file
from clearance.sources.custom.read import REQUIRED, header_columns, read_custom
from clearance.sources.shared.files import sniff


def list_name_for(path: Path) -> str:
    """A list name from a file name: ``Internal Watchlist.csv`` → ``internal-watchlist``."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "custom"


class CustomCsvFormat:
    """A documented CSV of a user's own list: ``id``, ``name`` and optional columns."""

    name = "custom-csv"
    list_name = "custom"
    description = "Custom list CSV (id, name, type, aliases, dob, identifiers...)"

    def detect(self, path: Path) -> bool:
        if not path.is_file() or path.suffix.lower() != ".csv":
            return False
        first = sniff(path).decode("utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0]
        columns = header_columns(first)
        return all(c in columns for c in REQUIRED)

    def read(self, path: Path, *, list_name: str | None = None) -> ParsedList:
        name = list_name or list_name_for(path)
        entities, issues = map_file(path, read_custom(path), name)
        check_unique_ids(str(path), entities)
        return ParsedList(
            list=name,
            format=self.name,
            entities=resolve_relationships(entities),
            files=[file_record(path)],
            issues=issues,
        )
