"""The snapshot store: the home directory, the ACTIVE pointer, installs and retention.

An install stages a complete snapshot in ``snapshots/.staging-XXXX`` (new lists written, the
other lists of the active snapshot carried over by hard link), runs the artifact builders,
validates, renames the folder into place and only then replaces ``ACTIVE`` atomically. Any
error removes the staging folder and leaves ``ACTIVE`` as it was. A lock file serialises
installs across processes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearance.errors import ClearanceError, SnapshotError
from clearance.fileio import fsync_dir, write_atomic
from clearance.settings import Settings
from clearance.snapshots import install as writer
from clearance.snapshots import layout
from clearance.snapshots.catalog import Snapshot, SnapshotInfo
from clearance.snapshots.guard import InstallGuard
from clearance.snapshots.install import EncodedList
from clearance.snapshots.pins import pinned

if TYPE_CHECKING:  # the readers are not needed to read snapshots
    from clearance.sources.base import ParsedList

Builder = Callable[[Path, Snapshot], None]
"""Writes extra artifacts (e.g. a matching index) into a staged snapshot folder."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class SnapshotStore:
    """All snapshots under ``settings.home``; see the module docstring for the layout."""

    def __init__(self, settings: Settings, *, lock_timeout: float = 60.0) -> None:
        self.settings = settings
        self.home = Path(settings.home)
        self.snapshots_dir = self.home / layout.SNAPSHOTS_DIR
        self.lock_timeout = lock_timeout

    # -- reading ------------------------------------------------------------------------------

    def active_id(self) -> str | None:
        """The id ACTIVE names, or None when nothing was ever loaded."""
        try:
            text = (self.home / layout.ACTIVE_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise SnapshotError(f"cannot read {self.home / layout.ACTIVE_FILE}: {exc}") from exc
        if not layout.is_snapshot_id(text):
            raise SnapshotError(f"{self.home / layout.ACTIVE_FILE} is damaged: {text[:40]!r}")
        return text

    def active(self) -> Snapshot | None:
        """The active snapshot, or None when nothing was loaded yet."""
        snapshot_id = self.active_id()
        if snapshot_id is None:
            return None
        path = self.snapshots_dir / snapshot_id
        if not path.is_dir():
            raise SnapshotError(
                f"the active snapshot {snapshot_id} is missing from {self.snapshots_dir}"
            )
        return Snapshot(path)

    def require_active(self) -> Snapshot:
        """The active snapshot, or a clear error telling the user to load lists first."""
        snapshot = self.active()
        if snapshot is None:
            raise SnapshotError(
                f"no lists loaded in {self.home}; run `clearance load FILE...` "
                "(or `clearance load --demo`) first"
            )
        return snapshot

    def snapshot_ids(self) -> list[str]:
        if not self.snapshots_dir.is_dir():
            return []
        return sorted(
            p.name
            for p in self.snapshots_dir.iterdir()
            if p.is_dir() and layout.is_snapshot_id(p.name)
        )

    def get(self, snapshot_id: str) -> Snapshot:
        """One snapshot by id (a unique prefix of the id is accepted)."""
        ids = self.snapshot_ids()
        matches = [i for i in ids if i == snapshot_id] or [
            i for i in ids if snapshot_id and i.startswith(snapshot_id)
        ]
        if len(matches) != 1:
            what = "is ambiguous" if matches else "does not exist"
            raise SnapshotError(f"snapshot {snapshot_id!r} {what} (see `clearance snapshots`)")
        return Snapshot(self.snapshots_dir / matches[0])

    def snapshots(self) -> list[SnapshotInfo]:
        """Every readable snapshot, oldest first."""
        active = self.active_id()
        out: list[SnapshotInfo] = []
        for snapshot_id in self.snapshot_ids():
            try:
                snapshot = Snapshot(self.snapshots_dir / snapshot_id)
            except SnapshotError:
                continue
            out.append(snapshot.info(active=snapshot_id == active))
        return out

    # -- writing ------------------------------------------------------------------------------

    @contextmanager
    def lock(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the store's install lock (other installs wait, then fail with a clear error)."""
        wait = self.lock_timeout if timeout is None else timeout
        with layout.file_lock(self.home / layout.LOCK_FILE, wait):
            yield

    def install(
        self,
        parsed: Sequence[ParsedList | EncodedList],
        *,
        builders: Sequence[Builder] = (),
        min_count_ratio: float | None = None,
        parse_seconds: Mapping[str, float] | None = None,
        guard: InstallGuard | None = None,
    ) -> Snapshot:
        """Make a new active snapshot: ``parsed`` lists replace theirs, others carry over.

        A list comes parsed, or already serialised by :func:`~clearance.snapshots.install.
        encode_list` (e.g. in the worker process that parsed it).

        ``min_count_ratio`` (used by ``refresh``) refuses a list whose entity count falls
        below that share of the same list in the active snapshot. ``builders`` are called with
        the staging folder before the switch; an exception in one aborts the install.
        ``guard`` (``load`` and ``refresh`` pass one) refuses lists that look partial against
        the active snapshot (see :mod:`clearance.snapshots.guard`), under the install lock.
        """
        if not parsed:
            raise SnapshotError("nothing to install")
        names = [p.list for p in parsed]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise SnapshotError(f"list {', '.join(doubles)} given more than once in one install")
        try:
            self.snapshots_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SnapshotError(f"cannot create {self.snapshots_dir}: {exc}") from exc
        with self.lock():
            self._remove_stale_staging()
            parent = self.active()
            if min_count_ratio is not None:
                check_counts(parsed, parent, min_count_ratio)
            if guard is not None:
                guard.check(parsed, parent)
            ids = self.snapshot_ids()
            snapshot_id = layout.new_snapshot_id(writer.file_seed(parsed), ids[-1] if ids else None)
            final = self._build(snapshot_id, parsed, parent, builders, parse_seconds or {})
            try:
                write_atomic(self.home / layout.ACTIVE_FILE, f"{snapshot_id}\n".encode())
            except BaseException as exc:
                shutil.rmtree(final, ignore_errors=True)
                if isinstance(exc, OSError):
                    raise SnapshotError(f"cannot switch ACTIVE to {snapshot_id}: {exc}") from exc
                raise
            self._apply_retention(snapshot_id)
            return Snapshot(final)

    def activate(self, snapshot_id: str) -> Snapshot:
        """Make an existing snapshot the active one again (a rollback)."""
        with self.lock():
            snapshot = self.get(snapshot_id)
            writer.validate(snapshot.path, snapshot.id)
            write_atomic(self.home / layout.ACTIVE_FILE, f"{snapshot.id}\n".encode())
            return snapshot

    def _build(
        self,
        snapshot_id: str,
        parsed: Sequence[ParsedList | EncodedList],
        parent: Snapshot | None,
        builders: Sequence[Builder],
        parse_seconds: Mapping[str, float],
    ) -> Path:
        staging = Path(tempfile.mkdtemp(prefix=layout.STAGING_PREFIX, dir=self.snapshots_dir))
        try:
            (staging / layout.LISTS_DIR).mkdir()
            loaded_at = _now()
            lists: dict[str, dict[str, Any]] = {}
            for item in parsed:
                lists[item.list] = writer.write_list(
                    staging,
                    item,
                    snapshot_id=snapshot_id,
                    loaded_at=loaded_at,
                    parse_seconds=parse_seconds.get(item.list),
                )
            if parent is not None:
                for name in parent.list_names():
                    if name not in lists:
                        lists[name] = writer.carry_list(staging, parent, name)
            manifest: dict[str, Any] = {
                "format_version": layout.MANIFEST_VERSION,
                "snapshot_id": snapshot_id,
                "created_at": loaded_at,
                "parent": parent.id if parent else None,
                "lists": dict(sorted(lists.items())),
                "totals": writer.totals(lists),
                "artifacts": {},
            }
            writer.write_manifest(staging, manifest)
            snapshot = Snapshot(staging, manifest)
            for build in builders:
                try:
                    build(staging, snapshot)
                except ClearanceError:
                    raise
                except Exception as exc:
                    label = getattr(build, "__name__", type(build).__name__)
                    raise SnapshotError(f"building {label} failed: {exc}") from exc
            manifest["artifacts"] = writer.artifacts(staging)
            writer.write_manifest(staging, manifest)
            writer.validate(staging, snapshot_id)
            final = self.snapshots_dir / snapshot_id
            staging.rename(final)
            fsync_dir(self.snapshots_dir)
            return final
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, OSError):
                raise SnapshotError(
                    f"cannot write snapshot in {self.snapshots_dir}: {exc}"
                ) from exc
            raise

    def _remove_stale_staging(self) -> None:
        """Staging folders left by a crashed install (we hold the lock, so none is live)."""
        for path in self.snapshots_dir.glob(layout.STAGING_PREFIX + "*"):
            shutil.rmtree(path, ignore_errors=True)

    def _apply_retention(self, active_id: str) -> None:
        ids = self.snapshot_ids()
        keep = set(ids[-self.settings.retention :]) | {active_id}
        keep |= pinned(self.home)  # referred to by receipts or cases (clearance.snapshots.pins)
        for snapshot_id in ids:
            if snapshot_id not in keep:
                shutil.rmtree(self.snapshots_dir / snapshot_id, ignore_errors=True)


def check_counts(
    parsed: Sequence[ParsedList | EncodedList], parent: Snapshot | None, ratio: float
) -> None:
    """Refuse a list with no entities, or far fewer than the same list had before."""
    for item in parsed:
        count = writer.entity_count(item)
        if count == 0:
            raise SnapshotError(f"list {item.list}: the new file holds no entities; refused")
        previous = parent.list_info(item.list) if parent else None
        if previous is not None and count < ratio * previous.entities:
            raise SnapshotError(
                f"list {item.list}: {count} entities against {previous.entities} in snapshot "
                f"{parent.id if parent else '?'} (below {ratio:.0%}); refused as a likely "
                "truncated or wrong file"
            )
