"""Field-level comparison of two stored entity dicts (pure: no I/O).

Entities are compared in their stored form (:func:`clearance.model.codec.entity_to_dict`).
A many-valued field (aliases, dates of birth, identifiers…) is compared as a set of values, so
a reordering is no change; each change names the values added and removed and gives the old
and new values in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from clearance.snapshots.fields import (
    FIELDS,
    SCALAR_FIELDS,
    SET_FIELDS,
    comparable_key,
    field_values,
)

__all__ = ["FIELDS", "SCALAR_FIELDS", "SET_FIELDS", "field_values"]

# What the matcher reads: a change here can change a screening result (monitoring re-screens
# and re-raises cleared alerts only for these).
MATCHING_FIELDS = frozenset(
    {
        "name",
        "aliases",
        "schema",
        "birth_dates",
        "nationalities",
        "citizenships",
        "countries",
        "identifiers",
        "addresses",
        "gender",
    }
)

# Fields that come out of the remarks text (OFAC legacy CSV): not comparable when one side's
# remarks were cut short because its file set lacked the comments file.
REMARK_FIELDS = frozenset(
    {
        "remarks",
        "birth_dates",
        "birth_places",
        "nationalities",
        "citizenships",
        "countries",
        "identifiers",
        "programs",
        "titles",
        "relationships",
        "notes",
        "aliases",
        "gender",
    }
)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field: values added and removed (many-valued fields), old and new."""

    field: str
    old: Any
    new: Any
    added: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"field": self.field, "old": self.old, "new": self.new}
        if self.field in SET_FIELDS:
            data["added"] = list(self.added)
            data["removed"] = list(self.removed)
        return data

    def describe(self) -> str:
        """A short human line: ``alias ООО ВЕРУС added``, ``remarks changed``."""
        if self.field not in SET_FIELDS:
            return f"{self.field} changed: {_text(self.old)} -> {_text(self.new)}"
        noun = "alias" if self.field == "aliases" else self.field.rstrip("s").replace("_", " ")
        parts = [f"{noun} {_text(v)} added" for v in self.added]
        parts += [f"{noun} {_text(v)} removed" for v in self.removed]
        return "; ".join(parts) or f"{self.field} changed"


def _text(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, dict):
        for key in ("full", "value", "target_name"):
            if key in value:
                return str(value[key])
        return ", ".join(f"{k}={v}" for k, v in sorted(value.items()))
    return str(value)


def compare_entities(
    old: Mapping[str, Any], new: Mapping[str, Any], *, skip: Iterable[str] = ()
) -> tuple[FieldChange, ...]:
    """Fields that differ between two versions of one entity (``skip``: not comparable)."""
    skipped = frozenset(skip)
    changes: list[FieldChange] = []
    for name in FIELDS:
        if name in skipped:
            continue
        before, after = field_values(old, name, skipped), field_values(new, name, skipped)
        if name not in SET_FIELDS:
            if before != after:
                changes.append(FieldChange(name, before, after))
            continue
        old_keys = {comparable_key(v): v for v in before}
        new_keys = {comparable_key(v): v for v in after}
        if old_keys.keys() == new_keys.keys():
            continue
        added = tuple(v for k, v in new_keys.items() if k not in old_keys)
        removed = tuple(v for k, v in old_keys.items() if k not in new_keys)
        changes.append(FieldChange(name, before, after, added, removed))
    return tuple(changes)


def remarks_cut_short(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether one side's remarks are a strict prefix of the other's (a missing comments
    file leaves the remark as the primary file cut it)."""
    a, b = str(old.get("remarks") or ""), str(new.get("remarks") or "")
    return a != b and (b.startswith(a) or a.startswith(b))
