"""Optional validation against the official ISO 20022 XSDs (lxml).

``SchemaSet(folder)`` validates a ``Document`` against ``<folder>/<version>.xsd`` when that
file exists (``pacs.008.001.08.xsd``); a message of a version with no schema there is read
without validation. Schemas are compiled once (a few ms each) and kept.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from lxml import etree

from clearance.errors import InputFileError
from clearance.messages.model import MessageFormatError


class SchemaSet:
    """The XSDs of one folder, compiled on first use."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise InputFileError(str(folder), "XSD folder not found")
        self.folder = folder
        self._schemas: dict[str, etree.XMLSchema | None] = {}
        self._lock = threading.Lock()

    def schema(self, version: str) -> etree.XMLSchema | None:
        with self._lock:
            if version not in self._schemas:
                path = self.folder / f"{version}.xsd"
                self._schemas[version] = self._compile(path) if path.is_file() else None
            return self._schemas[version]

    @staticmethod
    def _compile(path: Path) -> etree.XMLSchema:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            return etree.XMLSchema(etree.parse(str(path), parser))
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
            raise InputFileError(str(path), f"not a usable XSD: {exc}") from None

    def validate(self, document: etree._Element, version: str) -> bool:
        """True when validated, False when no schema is held for ``version``; an invalid
        document raises :class:`MessageFormatError` naming the first failing element."""
        schema = self.schema(version)
        if schema is None:
            return False
        tree = etree.ElementTree(document) if document.getparent() is None else None
        target = tree if tree is not None else _detached(document)
        if schema.validate(target):
            return True
        log: Any = schema.error_log  # the stubs do not declare it a sequence
        error = log[0]
        where = (error.path or "").replace("/*", "") or "Document"
        message = error.message.replace("{urn:iso:std:iso:20022:tech:xsd:" + version + "}", "")
        raise MessageFormatError(f"does not validate against {version}.xsd: {message}", where)


def _detached(document: etree._Element) -> etree._ElementTree:
    """The Document as a tree of its own (validation needs it as the root element)."""
    return etree.ElementTree(etree.fromstring(etree.tostring(document)))
