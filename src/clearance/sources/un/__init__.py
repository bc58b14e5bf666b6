"""UN Security Council consolidated list (``un-xml``, list ``un``)."""

from __future__ import annotations

from clearance.sources.base import ListFormat
from clearance.sources.un.formats import UnXmlFormat
from clearance.sources.un.read import read_un

FORMATS: list[ListFormat] = [UnXmlFormat()]

__all__ = ["FORMATS", "UnXmlFormat", "read_un"]
