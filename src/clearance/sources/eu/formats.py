"""The ``eu-xml`` list format: EU consolidated financial sanctions list (FSF) XML."""

from __future__ import annotations

from pathlib import Path

from clearance.sources.base import (
    ParsedList,
    check_unique_ids,
    file_record,
    resolve_relationships,
)
from clearance.sources.eu.map import map_file
from clearance.sources.eu.read import NAMESPACE, read_eu
from clearance.sources.shared.files import single_match, sniff


def _is_eu_file(path: Path) -> bool:
    if path.suffix.lower() != ".xml":
        return False
    head = sniff(path)
    return NAMESPACE.encode() in head or (b"<export" in head and b"sanctionEntity" in head)


class EuXmlFormat:
    """EU FSF ``xmlFullSanctionsList_1_1``: ``sanctionEntity`` records."""

    name = "eu-xml"
    list_name = "eu"
    description = "EU consolidated financial sanctions list XML (xmlFullSanctionsList_1_1)"

    def detect(self, path: Path) -> bool:
        file = single_match(path, _is_eu_file)
        return file is not None and _is_eu_file(file)

    def read(self, path: Path, *, list_name: str | None = None) -> ParsedList:
        file = single_match(path, _is_eu_file) or path
        parsed = read_eu(file)
        name = list_name or self.list_name
        entities, issues = map_file(file, parsed, name)
        check_unique_ids(str(file), entities)
        return ParsedList(
            list=name,
            format=self.name,
            entities=resolve_relationships(entities),
            files=[file_record(file)],
            published=parsed.generation_date or None,
            issues=issues,
        )
