"""``clearance diff [OLD] [NEW]``: what changed between two snapshots (default: previous vs
active), per list, with field-level changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from clearance.cli.output import console, get_state, print_json, table

if TYPE_CHECKING:  # imported when the command runs (keeps --help fast)
    from clearance.diff import ListChanges


def _print_list(changes: ListChanges, limit: int) -> None:
    counts = changes.counts()
    console.print(
        Text.assemble(
            (changes.list, "bold"),
            f" ({changes.old_version or '-'} -> {changes.new_version or '-'}): "
            f"{counts['added']:,} added, {counts['removed']:,} removed, "
            f"{counts['changed']:,} changed",
        ),
        soft_wrap=True,
    )
    for note in changes.notes():
        console.print(Text(f"  note: {note}", style="yellow"), soft_wrap=True)
    for title, refs in (("Added", changes.added), ("Removed", changes.removed)):
        if refs:
            out = table("id", "listed on", "name", title=f"{title} ({len(refs):,})")
            for ref in refs[:limit]:
                out.add_row(ref.id, ref.listed_on or "", ref.name)
            console.print(out)
            if len(refs) > limit:
                console.print(f"  … {len(refs) - limit:,} more (--limit, --json)", style="dim")
    if changes.changed:
        out = table("id", "name", "changes", title=f"Changed ({len(changes.changed):,})")
        for change in changes.changed[:limit]:
            out.add_row(change.id, change.name, change.describe())
        console.print(out)
        if len(changes.changed) > limit:
            more = len(changes.changed) - limit
            console.print(f"  … {more:,} more (--limit, --json)", style="dim")


def diff(
    ctx: typer.Context,
    old: Annotated[
        str | None, typer.Argument(help="Older snapshot id (default: the previous one).")
    ] = None,
    new: Annotated[
        str | None, typer.Argument(help="Newer snapshot id (default: the active one).")
    ] = None,
    list_names: Annotated[
        list[str] | None, typer.Option("--list", help="Only this list (repeatable).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows shown per table.")] = 20,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What changed between two snapshots: entities added, removed and changed, per list."""
    store = get_state(ctx).store
    from clearance.diff import diff_store

    changes = diff_store(store, old, new, lists=list_names or None)
    if json_output:
        print_json(changes.to_dict())
        return
    console.print(f"snapshot [bold]{changes.old}[/bold] -> [bold]{changes.new}[/bold]")
    if not changes.lists:
        console.print("No changes.")
    for list_changes in changes.lists.values():
        _print_list(list_changes, limit)
