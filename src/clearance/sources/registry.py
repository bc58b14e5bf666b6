"""Every known list format, in detection order (most specific first)."""

from __future__ import annotations

from clearance.sources.base import ListFormat

FORMATS: list[ListFormat] = []
