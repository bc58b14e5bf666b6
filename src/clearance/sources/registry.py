"""Every known list format, in detection order (most specific first).

Each authority's package exports its own ``FORMATS``; the custom CSV comes last because its
detection (a header with ``id`` and ``name``) is the most general.
"""

from __future__ import annotations

from clearance.sources import custom, eu, ofac, uk, un
from clearance.sources.base import ListFormat

FORMATS: list[ListFormat] = [
    *ofac.FORMATS,
    *un.FORMATS,
    *uk.FORMATS,
    *eu.FORMATS,
    *custom.FORMATS,
]
