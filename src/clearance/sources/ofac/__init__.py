"""OFAC readers: the legacy CSV sets (SDN and consolidated) and the enhanced XML.

Modules: :mod:`.read_csv` (raw typed rows), :mod:`.remarks` (remarks -> structured facts),
:mod:`.map` (rows -> :class:`~clearance.model.Entity`), :mod:`.enhanced_xml` and
:mod:`.enhanced_map` (the enhanced XML), :mod:`.labels` (OFAC's published labels) and
:mod:`.formats` (the :class:`~clearance.sources.base.ListFormat` objects).
"""

from __future__ import annotations

from clearance.sources.base import ListFormat
from clearance.sources.ofac.formats import OfacCsvFormat, OfacEnhancedXmlFormat

FORMATS: list[ListFormat] = [OfacCsvFormat(), OfacEnhancedXmlFormat()]

__all__ = ["FORMATS", "OfacCsvFormat", "OfacEnhancedXmlFormat"]
