"""``refresh``: download each list's official files, parse, sanity-check, install atomically.

Downloads go to a temporary folder; a list is parsed only when all its files arrived whole.
By default any failure (HTTP error, truncated body, unparseable or wrong file, a list the
install guard finds partial against the previous snapshot) installs nothing, so the previous
snapshot stays active.
With ``keep_going`` the lists that succeeded are installed and the failures still reported.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from clearance.errors import ClearanceError, FetchError, InputFileError
from clearance.snapshots.catalog import Snapshot
from clearance.snapshots.fetch import Fetcher, file_name
from clearance.snapshots.guard import InstallGuard
from clearance.snapshots.home import Builder, SnapshotStore

if TYPE_CHECKING:
    from clearance.sources.base import ParsedList


@dataclass(frozen=True, slots=True)
class RefreshFailure:
    """Why one list (or the install) failed; ``url`` names the file when one is to blame."""

    list: str
    reason: str
    url: str | None = None

    def __str__(self) -> str:
        return f"{self.list}: {self.reason}"


@dataclass
class RefreshResult:
    """What a refresh did. ``snapshot`` is None when nothing was installed."""

    requested: list[str]
    parsed: list[ParsedList] = field(default_factory=list)
    failures: list[RefreshFailure] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    snapshot: Snapshot | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and self.snapshot is not None


def source_urls(store: SnapshotStore, lists: Sequence[str] | None) -> dict[str, list[str]]:
    """The URLs to fetch per list; unknown list names are a clear error."""
    sources = store.settings.sources
    names = list(dict.fromkeys(lists)) if lists else sorted(sources)
    unknown = [n for n in names if not sources.get(n, "").split()]
    if unknown:
        env = ", ".join("CLEARANCE_SOURCE_" + n.upper().replace("-", "_") for n in unknown)
        raise ClearanceError(
            f"no download URL configured for {', '.join(unknown)} (set {env}); "
            f"configured lists: {', '.join(sorted(sources)) or 'none'}"
        )
    return {name: sources[name].split() for name in names}


def fetch_list(name: str, urls: Sequence[str], fetcher: Fetcher, folder: Path) -> ParsedList:
    """Download one list's files into ``folder`` and parse them; raise on any problem."""
    from clearance.sources import read_path

    folder.mkdir(parents=True)
    taken: set[str] = set()
    by_name: dict[str, str] = {}
    paths: list[Path] = []
    for url in urls:
        path = folder / file_name(url, taken)
        fetcher.fetch(url, path)
        by_name[path.name.casefold()] = url
        paths.append(path)
    target = paths[0] if len(paths) == 1 else folder
    try:
        parsed = read_path(target)
    except InputFileError as exc:
        where = by_name.get(Path(exc.path).name.casefold(), "the downloaded files")
        record = f" (record {exc.record})" if exc.record is not None else ""
        raise FetchError(f"{where}: {exc.reason}{record}") from exc
    except ClearanceError:
        raise
    except Exception as exc:  # a reader choking on a hostile file must not crash refresh
        raise FetchError(f"could not parse the download: {type(exc).__name__}: {exc}") from exc
    if parsed.list != name:
        raise FetchError(
            f"the download is a {parsed.format} file of list {parsed.list}, not {name}; "
            "check the configured URL"
        )
    parsed.files = [
        replace(f, path=Path(f.path).name, url=by_name.get(Path(f.path).name.casefold(), f.url))
        for f in parsed.files
    ]
    return parsed


def refresh(
    store: SnapshotStore,
    fetcher: Fetcher,
    lists: Sequence[str] | None = None,
    *,
    builders: Sequence[Builder] = (),
    keep_going: bool = False,
    allow_shrink: bool = False,
) -> RefreshResult:
    """Refresh ``lists`` (default: every list with a configured URL) into a new snapshot."""
    urls = source_urls(store, lists)
    result = RefreshResult(requested=list(urls))
    with tempfile.TemporaryDirectory(prefix="clearance-refresh-") as tmp:
        for index, (name, list_urls) in enumerate(urls.items()):
            start = time.perf_counter()
            try:
                parsed = fetch_list(name, list_urls, fetcher, Path(tmp) / f"{index:02d}")
            except ClearanceError as exc:
                result.failures.append(_failure(name, exc.message, list_urls))
                continue
            result.seconds[name] = time.perf_counter() - start
            result.parsed.append(parsed)
    ratio = store.settings.min_count_ratio
    guard = InstallGuard(ratio, allow_shrink)
    good: list[ParsedList] = []
    parent = store.active()
    for parsed in result.parsed:
        try:
            guard.check([parsed], parent)
        except ClearanceError as exc:
            result.failures.append(RefreshFailure(parsed.list, exc.message))
        else:
            good.append(parsed)
    result.parsed = good
    result.warnings = guard.warnings
    if not result.parsed or (result.failures and not keep_going):
        return result
    try:  # checked again under the install lock (the active snapshot may have moved)
        result.snapshot = store.install(
            result.parsed,
            builders=builders,
            parse_seconds=result.seconds,
            guard=InstallGuard(ratio, allow_shrink),
        )
    except ClearanceError as exc:
        result.failures.append(RefreshFailure("install", exc.message))
    return result


def _failure(name: str, message: str, urls: Sequence[str]) -> RefreshFailure:
    """Name the URL the message is about, when it is about one."""
    for url in urls:
        if message.startswith(url):
            return RefreshFailure(name, message[len(url) :].lstrip(": "), url)
    return RefreshFailure(name, message, urls[0] if len(urls) == 1 else None)
