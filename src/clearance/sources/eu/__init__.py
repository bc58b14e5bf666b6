"""EU consolidated financial sanctions list (``eu-xml``, list ``eu``)."""

from __future__ import annotations

from clearance.sources.base import ListFormat
from clearance.sources.eu.formats import EuXmlFormat
from clearance.sources.eu.read import read_eu

FORMATS: list[ListFormat] = [EuXmlFormat()]

__all__ = ["FORMATS", "EuXmlFormat", "read_eu"]
