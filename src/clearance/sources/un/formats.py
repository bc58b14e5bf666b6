"""The ``un-xml`` list format: UN Security Council consolidated list XML."""

from __future__ import annotations

from pathlib import Path

from clearance.sources.base import (
    ParsedList,
    check_unique_ids,
    file_record,
    resolve_relationships,
)
from clearance.sources.shared.files import single_match, sniff
from clearance.sources.un.map import map_file
from clearance.sources.un.read import ROOT_TAG, read_un


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
