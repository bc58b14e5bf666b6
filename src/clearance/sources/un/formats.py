"""The ``un-xml`` list format: UN Security Council consolidated list XML."""

from __future__ import annotations

from pathlib import Path

from clearance.sources.base import (
    ParsedList,
    check_unique_ids,
    file_record,
    resolve_relationships,
)
from clearance.sources.un.map import map_file
from clearance.sources.un.read import ROOT_TAG, read_un


def sniff(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of a file (``b""`` if unreadable)."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def single_match(path: Path, test: object) -> Path | None:
    """``path`` itself, or the only file in folder ``path`` that ``test`` accepts."""
    if path.is_file():
        return path
    if not path.is_dir() or not callable(test):
        return None
    found = [p for p in sorted(path.iterdir()) if p.is_file() and test(p)]
    return found[0] if len(found) == 1 else None


def _is_un_file(path: Path) -> bool:
    return path.suffix.lower() == ".xml" and f"<{ROOT_TAG}".encode() in sniff(path)


class UnXmlFormat:
    """UN SC consolidated list (``consolidated.xml``): INDIVIDUAL and ENTITY records."""

    name = "un-xml"
    list_name = "un"
    description = "UN Security Council consolidated list XML (consolidated.xml)"

    def detect(self, path: Path) -> bool:
        file = single_match(path, _is_un_file)
        return file is not None and _is_un_file(file)

    def read(self, path: Path, *, list_name: str | None = None) -> ParsedList:
        file = single_match(path, _is_un_file) or path
        parsed = read_un(file)
        name = list_name or self.list_name
        entities, issues = map_file(file, parsed, name)
        check_unique_ids(str(file), entities)
        return ParsedList(
            list=name,
            format=self.name,
            entities=resolve_relationships(entities),
            files=[file_record(file)],
            published=parsed.date_generated or None,
            issues=issues,
        )
