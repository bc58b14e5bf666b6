"""List commands: ``load``, ``refresh``, ``lists``, ``snapshots``, ``show`` and ``export``."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import IO, Annotated, Any

import orjson
import typer

from clearance.cli.output import (
    console,
    format_seconds,
    get_state,
    print_error,
    print_json,
    render_entity,
    table,
)
from clearance.errors import ClearanceError, InputFileError, NotFoundError, SnapshotError
from clearance.ftm import ftm_records
from clearance.gcpause import paused_gc
from clearance.matching.artifact import MatcherIndexBuilder
from clearance.matching.index import PartialIndex, build_partial
from clearance.snapshots import HttpFetcher, Snapshot
from clearance.snapshots import refresh as refresh_lists
from clearance.snapshots.guard import InstallGuard
from clearance.snapshots.install import EncodedList, encode_list
from clearance.sources import read_path
from clearance.sources.base import ParsedList

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
AllowShrinkOption = Annotated[
    bool,
    typer.Option(
        "--allow-shrink",
        help="Install a list even if it looks partial against the active snapshot (far fewer "
        "entities or aliases, files missing, no end marker).",
    ),
]


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
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
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


def _summary(
    parsed: Sequence[ParsedList | EncodedList], seconds: dict[str, float]
) -> list[dict[str, Any]]:
    return [
        {"list": p.list, "format": p.format, "published": p.published, "counts": p.counts()}
        | {"seconds": round(seconds.get(p.list, 0.0), 3)}
        for p in parsed
    ]


def _print_loaded(rows: list[dict[str, Any]], snapshot: Snapshot, title: str) -> None:
    numeric = {"entities", "aliases", "addresses", "links", "unparsed", "issues", "time"}
    columns = ("list", "entities", "aliases", "addresses", "links", "unparsed", "issues", "time")
    out = table(*columns, title=title, numeric=numeric)
    for row in rows:
        counts = row["counts"]
        out.add_row(
            row["list"],
            f"{counts['entities']:,}",
            f"{counts['aliases']:,}",
            f"{counts['addresses']:,}",
            f"{counts['relationships_resolved']:,}/{counts['relationships']:,}",
            f"{counts['unparsed_fragments']:,}",
            f"{counts['issues']:,}",
            format_seconds(row["seconds"]),
        )
    console.print(out)
    console.print(
        "links: relationships resolved to a listed entity / all; unparsed: remark fragments "
        "kept as text",
        style="dim",
    )
    console.print(
        f"snapshot [bold]{snapshot.id}[/bold] is now active: "
        f"{_plural(len(snapshot.list_names()), 'list')}, {_plural(len(snapshot), 'entity')}",
        soft_wrap=True,
    )


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def load(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="List files or folders (format detected); all go into one snapshot.",
        ),
    ] = None,
    format_name: Annotated[
        str | None, typer.Option("--format", help="Reader to use instead of detection.")
    ] = None,
    list_name: Annotated[
        str | None, typer.Option("--list", help="Store under this list name.")
    ] = None,
    demo: Annotated[bool, typer.Option("--demo", help="Load the small bundled demo list.")] = False,
    allow_shrink: AllowShrinkOption = False,
    json_output: JsonOption = False,
) -> None:
    """Load official list files into a new snapshot and make it active."""
    state = get_state(ctx)
    paths = list(paths or [])
    if not paths and not demo:
        raise typer.BadParameter("give at least one PATH to load, or --demo")
    with demo_path() if demo else _no_path() as extra:
        if extra is not None:
            paths.append(extra)
        start = time.perf_counter()
        parsed, seconds, partials = parse_and_index(paths, format_name, list_name)
    read = time.perf_counter() - start
    builders = [
        b.with_partials(partials) if isinstance(b, MatcherIndexBuilder) else b
        for b in state.builders
    ]
    guard = InstallGuard(state.settings.min_count_ratio, allow_shrink)
    snapshot = state.store.install(parsed, builders=builders, parse_seconds=seconds, guard=guard)
    total = time.perf_counter() - start
    rows = _summary(parsed, seconds)
    if json_output:
        print_json(
            {"snapshot": snapshot.id, "lists": rows, "seconds": round(total, 3)}
            | {"warnings": guard.warnings}
        )
    else:
        title = (
            f"Loaded in {total:.1f}s (reading {read:.1f}s, snapshot + indexes {total - read:.1f}s)"
        )
        _print_loaded(rows, snapshot, title=title)
        _print_warnings(guard.warnings)


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}", soft_wrap=True)


@contextmanager
def _no_path() -> Iterator[None]:
    yield None


def refresh(
    ctx: typer.Context,
    lists: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="LIST",
            help="Lists to refresh (default: every list with a configured URL).",
        ),
    ] = None,
    keep_going: Annotated[
        bool,
        typer.Option("--keep-going", help="Install the lists that succeeded even if others fail."),
    ] = False,
    allow_shrink: AllowShrinkOption = False,
    json_output: JsonOption = False,
) -> None:
    """Download the official files of each list, check them, and install a new snapshot."""
    state = get_state(ctx)
    with HttpFetcher.from_settings(state.settings) as fetcher:
        result = refresh_lists(
            state.store,
            fetcher,
            lists,
            builders=state.builders,
            keep_going=keep_going,
            allow_shrink=allow_shrink,
        )
    rows = _summary(result.parsed, result.seconds) if result.snapshot else []
    if json_output:
        print_json(
            {
                "ok": result.ok,
                "snapshot": result.snapshot.id if result.snapshot else None,
                "lists": rows,
                "failures": [
                    {"list": f.list, "url": f.url, "reason": f.reason} for f in result.failures
                ],
                "warnings": result.warnings,
            }
        )
    elif result.snapshot is not None:
        _print_loaded(rows, result.snapshot, title="Refreshed")
    if not json_output:
        _print_warnings(result.warnings)
    for failure in result.failures:
        where = f" ({failure.url})" if failure.url else ""
        print_error(f"{failure.list}{where}: {failure.reason}")
    if result.failures or result.snapshot is None:
        if result.snapshot is None and not json_output:
            active = state.store.active_id()
            print_error(f"nothing installed; the active snapshot is still {active or 'none'}")
        raise typer.Exit(1)


def lists(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """Show the lists in the active snapshot."""
    snapshot = get_state(ctx).store.active()
    infos = snapshot.lists() if snapshot else []
    if json_output:
        print_json(
            {"snapshot": snapshot.id if snapshot else None, "lists": [i.to_dict() for i in infos]}
        )
        return
    if snapshot is None:
        console.print("No lists loaded yet: run `clearance load FILE...` or `clearance refresh`.")
        return
    numeric = {"entities", "links", "issues"}
    columns = ("list", "published", "loaded at", "entities", "links", "issues")
    out = table(*columns, title=f"Snapshot {snapshot.id}", numeric=numeric)
    for info in infos:
        counts = info.counts
        out.add_row(
            info.name,
            (info.published or "")[:10],
            info.loaded_at.replace("T", " ")[:16],
            f"{info.entities:,}",
            f"{counts.get('relationships_resolved', 0):,}/{counts.get('relationships', 0):,}",
            f"{info.issues:,}",
        )
    console.print(out)
    for info in infos:
        files = ", ".join(f.url or Path(f.path).name for f in info.files)
        console.print(f"[bold]{info.name}[/bold] ({info.format}): {files}", soft_wrap=False)


def snapshots(
    ctx: typer.Context,
    activate: Annotated[
        str | None,
        typer.Option("--activate", metavar="ID", help="Make this snapshot active (roll back)."),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Show the stored snapshots (newest last), or switch the active one."""
    store = get_state(ctx).store
    if activate is not None:
        snapshot = store.activate(activate)
        if not json_output:
            console.print(f"snapshot [bold]{snapshot.id}[/bold] is now active")
    infos = store.snapshots()
    if json_output:
        print_json({"active": store.active_id(), "snapshots": [i.to_dict() for i in infos]})
        return
    if activate is not None:
        return
    if not infos:
        console.print("No snapshots yet: run `clearance load FILE...` or `clearance refresh`.")
        return
    out = table("", "snapshot", "created", "entities", "lists", numeric={"entities"})
    for info in infos:
        out.add_row(
            "*" if info.active else "",
            info.id,
            info.created_at.replace("T", " ").rstrip("Z"),
            f"{info.entities:,}",
            ", ".join(info.lists),
        )
    console.print(out)


def entity_view(snapshot: Snapshot, entity_id: str) -> dict[str, Any]:
    """The entity as stored, with captions on both sides of its edges (for ``show``)."""
    resolved = snapshot.resolve_id(entity_id)
    data = snapshot.entity_dict(resolved) if resolved else None
    if resolved is None or data is None:
        close = snapshot.suggest_ids(entity_id)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise NotFoundError(f"no entity {entity_id!r} in snapshot {snapshot.id}{hint}")
    outgoing = [
        rel
        | {"target_caption": snapshot.caption(rel["target_id"]) if rel.get("target_id") else None}
        for rel in data.get("relationships", [])
    ]
    incoming = [
        {"source_id": source, "source_caption": snapshot.caption(source)} | rel
        for source, rel in snapshot.incoming_dicts(resolved)
    ]
    return data | {"relationships": outgoing, "incoming": incoming, "snapshot": snapshot.id}


def show(
    ctx: typer.Context,
    entity_id: Annotated[str, typer.Argument(help="An entity id, e.g. ofac-sdn-41736.")],
    json_output: JsonOption = False,
) -> None:
    """Show every field of one listed entity and its relationships in both directions."""
    snapshot = get_state(ctx).store.require_active()
    view = entity_view(snapshot, entity_id)
    if json_output:
        print_json(view)
    else:
        render_entity(view)


def export(
    ctx: typer.Context,
    ftm: Annotated[
        bool, typer.Option("--ftm", help="FollowTheMoney JSON lines (default: Clearance JSON).")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
    list_name: Annotated[str | None, typer.Option("--list", help="Export one list only.")] = None,
) -> None:
    """Export the active snapshot as JSON lines (one entity per line)."""
    snapshot = get_state(ctx).store.require_active()
    if output is None:
        _export(snapshot, typer.get_binary_stream("stdout"), ftm, list_name)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            count = _export(snapshot, handle, ftm, list_name)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    kind = "FtM records" if ftm else "entities"
    console.print(f"exported {count:,} {kind} of snapshot {snapshot.id} to {output}")


def _export(snapshot: Snapshot, handle: IO[bytes], ftm: bool, list_name: str | None) -> int:
    count = 0
    if ftm:
        for entity in snapshot.iter_entities(list_name):
            for record in ftm_records(entity):
                handle.write(orjson.dumps(record) + b"\n")
                count += 1
    else:
        for data in snapshot.iter_dicts(list_name):
            handle.write(orjson.dumps(data, default=str, option=orjson.OPT_NON_STR_KEYS) + b"\n")
            count += 1
    handle.flush()
    return count
