"""List commands: ``load``, ``refresh``, ``lists``, ``snapshots``, ``show`` and ``export``."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import orjson
import typer

from clearance.cli.output import (
    format_seconds,
    get_console,
    get_state,
    print_error,
    print_json,
    render_entity,
    table,
)

if TYPE_CHECKING:
    from clearance.snapshots import Snapshot

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
AllowShrinkOption = Annotated[
    bool,
    typer.Option(
        "--allow-shrink",
        help="Install a list even if it looks partial against the active snapshot (far fewer "
        "entities or aliases, files missing, no end marker).",
    ),
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
    get_console().print(out)
    get_console().print(
        "links: relationships resolved to a listed entity / all; unparsed: remark fragments "
        "kept as text",
        style="dim",
    )
    get_console().print(
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
    if not paths and not demo:
        raise typer.BadParameter("give at least one PATH to load, or --demo")
    loaded = get_state(ctx).app.load(
        paths or [],
        format_name=format_name,
        list_name=list_name,
        demo=demo,
        allow_shrink=allow_shrink,
    )
    total, read = loaded.seconds, loaded.read_seconds
    if json_output:
        print_json(
            {"snapshot": loaded.snapshot.id, "lists": loaded.lists, "seconds": round(total, 3)}
            | {"warnings": loaded.warnings}
        )
    else:
        title = (
            f"Loaded in {total:.1f}s (reading {read:.1f}s, snapshot + indexes {total - read:.1f}s)"
        )
        _print_loaded(loaded.lists, loaded.snapshot, title=title)
        _print_warnings(loaded.warnings)


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        get_console().print(f"[yellow]warning:[/yellow] {warning}", soft_wrap=True)


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
    from clearance.loading import summary

    state = get_state(ctx)
    result = state.app.refresh(lists, keep_going=keep_going, allow_shrink=allow_shrink)
    rows = summary(result.parsed, result.seconds) if result.snapshot else []
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
        get_console().print(
            "No lists loaded yet: run `clearance load FILE...` or `clearance refresh`."
        )
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
    get_console().print(out)
    for info in infos:
        files = ", ".join(f.url or Path(f.path).name for f in info.files)
        get_console().print(f"[bold]{info.name}[/bold] ({info.format}): {files}", soft_wrap=False)


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
            get_console().print(f"snapshot [bold]{snapshot.id}[/bold] is now active")
    infos = store.snapshots()
    if json_output:
        print_json({"active": store.active_id(), "snapshots": [i.to_dict() for i in infos]})
        return
    if activate is not None:
        return
    if not infos:
        get_console().print(
            "No snapshots yet: run `clearance load FILE...` or `clearance refresh`."
        )
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
    get_console().print(out)


def show(
    ctx: typer.Context,
    entity_id: Annotated[str, typer.Argument(help="An entity id, e.g. ofac-sdn-41736.")],
    json_output: JsonOption = False,
) -> None:
    """Show every field of one listed entity and its relationships in both directions."""
    view = get_state(ctx).app.entity_view(entity_id)
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
    snapshot = get_state(ctx).app.active_snapshot()
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
    get_console().print(f"exported {count:,} {kind} of snapshot {snapshot.id} to {output}")


def _export(snapshot: Snapshot, handle: IO[bytes], ftm: bool, list_name: str | None) -> int:
    from clearance.ftm_export import ftm_entities

    count = 0
    if ftm:
        for entity in snapshot.iter_entities(list_name):
            for record in ftm_entities(entity):
                handle.write(orjson.dumps(record) + b"\n")
                count += 1
    else:
        for data in snapshot.iter_dicts(list_name):
            handle.write(orjson.dumps(data, default=str, option=orjson.OPT_NON_STR_KEYS) + b"\n")
            count += 1
    handle.flush()
    return count
