"""The comparable fields of a stored entity dict, and their digests.

A diff compares two versions of an entity field by field (:mod:`clearance.diff.compare`). The
store keeps, per entity, one digest of each field's comparable value (:func:`field_digests`,
written at install beside the list's index), so a diff of two snapshots decodes only the
entities whose digests differ in a field it compares, not every entity whose stored record
changed (an OFAC folder with a partial file set changes nearly every record).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import orjson

# Field name -> how a value of the stored dict becomes comparable values. Fields reported in
# this order; ``name`` is the primary name, ``aliases`` every other name.
SCALAR_FIELDS = ("name", "schema", "gender", "listed_on", "remarks", "vessel")
SET_FIELDS = (
    "aliases",
    "birth_dates",
    "birth_places",
    "nationalities",
    "citizenships",
    "countries",
    "identifiers",
    "addresses",
    "programs",
    "titles",
    "relationships",
    "notes",
)
FIELDS = SCALAR_FIELDS[:2] + SET_FIELDS + SCALAR_FIELDS[2:]  # name, schema, sets, the rest


def comparable_key(value: Any) -> bytes:
    """A value as comparable bytes (JSON, keys sorted)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def _primary(data: Mapping[str, Any]) -> str:
    return str(data.get("caption") or data["names"][0]["full"])


def _aliases(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every name but the primary one, as ``{full, kind, quality?, script?}``."""
    caption = _primary(data)
    out = []
    for name in data.get("names", ()):
        kind = name.get("kind", "primary")
        if name["full"] == caption and kind == "primary":
            continue
        out.append({k: name[k] for k in ("full", "kind", "quality", "script") if k in name})
    return out


_NOTE_PREFIXES = {"addresses": "Address remark", "aliases": "Alias remark"}


def field_values(data: Mapping[str, Any], name: str, skip: frozenset[str]) -> Any:
    """The comparable value of field ``name`` in a stored entity dict."""
    if name == "name":
        return _primary(data)
    if name == "aliases":
        return _aliases(data)
    value = data.get(name)
    if name == "notes" and value:
        # Notes that come from a file the other side lacks are not comparable either.
        drop = tuple(prefix for field, prefix in _NOTE_PREFIXES.items() if field in skip)
        value = [v for v in value if not str(v).startswith(drop)] if drop else value
    if name in SET_FIELDS:
        return list(value or ())
    return value


DIGEST_HEX = 16  # hex characters of one field's digest (8 bytes)


def field_digests(data: Mapping[str, Any]) -> str:
    """One digest per field of :data:`FIELDS` (in that order), as one hex string: of the
    comparable value (a many-valued field as the set of its values; ``notes`` unfiltered)."""
    out = []
    for name in FIELDS:
        value = field_values(data, name, frozenset())
        if name in SET_FIELDS:
            blob = b"\x00".join(sorted({comparable_key(v) for v in value}))
        else:
            blob = comparable_key(value)
        out.append(hashlib.blake2b(blob, digest_size=DIGEST_HEX // 2).hexdigest())
    return "".join(out)


def differing_fields(old: str, new: str) -> set[str]:
    """The fields whose digests differ between two :func:`field_digests` strings."""
    step = DIGEST_HEX
    return {
        name
        for i, name in enumerate(FIELDS)
        if old[i * step : (i + 1) * step] != new[i * step : (i + 1) * step]
    }
