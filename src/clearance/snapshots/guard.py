"""The install guard: one check, for ``load`` and ``refresh`` alike, that a list about to go
live is whole.

A list is refused when its entity count, alias count or file set drops sharply against the
same list in the active snapshot (below ``CLEARANCE_MIN_COUNT_RATIO`` of it, or files gone),
or when its reader found it partial (a file its set normally has is missing, the end marker
its format has is absent: the OFAC CSV end-of-file byte). The message says what is missing and
how to force it (``--allow-shrink``); forced or tolerated findings come back as warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING

from clearance.errors import SnapshotError
from clearance.snapshots.catalog import ListInfo, Snapshot
from clearance.snapshots.install import EncodedList

if TYPE_CHECKING:
    from clearance.sources.base import ParsedList

FORCE_HINT = "if this is intended, run again with --allow-shrink"


@dataclass
class InstallGuard:
    """Checks lists against the active snapshot; ``warnings`` collects what it let through."""

    ratio: float = 0.8
    allow_shrink: bool = False
    warnings: list[str] = field(default_factory=list)

    def check(self, parsed: Sequence[ParsedList | EncodedList], parent: Snapshot | None) -> None:
        """Raise :class:`SnapshotError` naming every problem of every list (none installed)."""
        problems: list[str] = []
        for item in parsed:
            previous = parent.list_info(item.list) if parent is not None else None
            found = self.findings(item, previous, parent.id if parent else "")
            self.warnings += [f"{item.list}: {note}" for note in item.notes]
            if self.allow_shrink:
                self.warnings += [f"{item.list}: {f} (allowed by --allow-shrink)" for f in found]
            else:
                problems += [f"{item.list}: {f}" for f in found]
        if problems:
            raise SnapshotError(
                "; ".join(problems) + f"; refused, nothing installed ({FORCE_HINT})"
            )

    def findings(
        self, item: ParsedList | EncodedList, previous: ListInfo | None, parent_id: str
    ) -> list[str]:
        """What looks partial about one list (empty when it looks whole)."""
        found = list(item.gaps)
        counts = item.counts()
        if counts.get("entities", 0) == 0:
            found.append("the new file set holds no entities")
        if previous is None:
            return found
        for key, noun in (("entities", "entities"), ("aliases", "aliases")):
            new, old = counts.get(key, 0), previous.counts.get(key, 0)
            if old and new < self.ratio * old:
                found.append(
                    f"{noun} down from {old:,} to {new:,} against snapshot {parent_id} "
                    f"(below {self.ratio:.0%})"
                )
            elif new < old:
                self.warnings.append(
                    f"{item.list}: {noun} down from {old:,} to {new:,} (within the tolerated "
                    f"{1 - self.ratio:.0%})"
                )
        before = {PurePath(f.path).name.casefold(): PurePath(f.path).name for f in previous.files}
        after = {PurePath(f.path).name.casefold() for f in item.files}
        if len(after) < len(before):
            gone = sorted(name for key, name in before.items() if key not in after)
            found.append(
                f"file set shrank from {len(before)} to {len(after)} files"
                + (f" ({', '.join(gone)} missing)" if gone else "")
            )
        return found
