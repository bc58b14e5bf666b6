"""Loading lists: read files (in parallel processes), encode them for the store, index them.

:func:`parse_and_index` is the read side of ``Clearance.load``: every path is read where it is
parsed, serialised for the snapshot store and given its share of the matcher index there, so the
parent only merges. :func:`demo_path` is the small demo list shipped in the package.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from clearance.errors import ClearanceError, InputFileError, SnapshotError
from clearance.gcpause import paused_gc
from clearance.matching.index_build import PartialIndex, build_partial
from clearance.procs import die_with_parent
from clearance.snapshots.install import EncodedList, encode_list
from clearance.sources import read_path
from clearance.sources.base import ParsedList


@contextmanager
def demo_path() -> Iterator[Path]:
    """The demo list shipped in the package (``clearance/data/demo.csv``)."""
    resource = resources.files("clearance").joinpath("data/demo.csv")
    if not resource.is_file():
        raise ClearanceError(
            "the demo list is missing from this installation (clearance/data/demo.csv)"
        )
    with resources.as_file(resource) as path:
        yield path


def parse_and_index(
    paths: list[Path], format_name: str | None, list_name: str | None
) -> tuple[list[ParsedList | EncodedList], dict[str, float], dict[str, PartialIndex]]:
    """Read every path, and where it was read (in parallel processes when there are several
    paths and cores) serialise it for the store and build its share of the matcher index.
    Two paths of the same list are an error (one snapshot, one file set)."""
    for path in paths:
        if not path.exists():
            raise InputFileError(str(path), "no such file or folder")
    parsed: list[ParsedList | EncodedList] = []
    seconds: dict[str, float] = {}
    partials: dict[str, PartialIndex] = {}
    origin: dict[str, Path] = {}
    for path, item, partial, took in _read_all(paths, format_name, list_name):
        if item.list in origin:
            raise ClearanceError(
                f"{origin[item.list]} and {path} are both list {item.list}; load one file set "
                "per list (a folder holds a whole OFAC set), or name them apart with --list"
            )
        origin[item.list] = path
        seconds[item.list] = took
        partials[item.list] = partial
        parsed.append(item)
    return parsed, seconds, partials


def _read_one(
    path: Path, format_name: str | None, list_name: str | None
) -> tuple[ParsedList | EncodedList | str, PartialIndex | None, float]:
    """Read one path, index it and serialise it for the store; a ClearanceError comes back
    as its message (exceptions with custom constructors do not survive the trip between
    processes). A list the store would refuse comes back parsed: the install reports it."""
    start = time.perf_counter()
    with paused_gc():
        try:
            item = read_path(path, format_name=format_name, list_name=list_name)
        except ClearanceError as exc:
            return exc.message, None, time.perf_counter() - start
        took = time.perf_counter() - start
        item.files = [replace(f, path=str(Path(f.path).resolve())) for f in item.files]
        partial = build_partial(item.entities)
        try:
            return encode_list(item), partial, took
        except SnapshotError:
            return item, partial, took


def _cost(path: Path) -> float:
    """A rough guess of how long a path takes to read (bytes, workbooks weighted up)."""
    files = [path] if path.is_file() else [p for p in path.iterdir() if p.is_file()]
    return sum(f.stat().st_size * (8 if f.suffix.lower() == ".xlsx" else 1) for f in files)


def _read_all(
    paths: list[Path], format_name: str | None, list_name: str | None
) -> list[tuple[Path, ParsedList | EncodedList, PartialIndex, float]]:
    """Read the paths, several lists in parallel processes when there are cores for it."""
    workers = min(len(paths), os.cpu_count() or 1)
    if workers > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=die_with_parent,  # no orphaned parsers if `load` is killed
            initargs=(os.getpid(),),
        ) as pool:
            # Biggest first (a workbook is the slowest to read), so the long pole starts at once.
            order = sorted(range(len(paths)), key=lambda i: -_cost(paths[i]))
            futures = {i: pool.submit(_read_one, paths[i], format_name, list_name) for i in order}
            results = [futures[i].result() for i in range(len(paths))]
    else:
        results = [_read_one(p, format_name, list_name) for p in paths]
    out: list[tuple[Path, ParsedList | EncodedList, PartialIndex, float]] = []
    for path, (item, partial, took) in zip(paths, results, strict=True):
        if isinstance(item, str) or partial is None:
            raise ClearanceError(str(item))
        out.append((path, item, partial, took))
    return out


def summary(
    parsed: Sequence[ParsedList | EncodedList], seconds: dict[str, float]
) -> list[dict[str, Any]]:
    return [
        {"list": p.list, "format": p.format, "published": p.published, "counts": p.counts()}
        | {"seconds": round(seconds.get(p.list, 0.0), 3)}
        for p in parsed
    ]
