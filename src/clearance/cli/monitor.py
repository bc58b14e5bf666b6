"""``clearance book …`` (the customer book) and ``clearance monitor`` (delta re-screening)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from clearance.cli.output import console, err_console, get_state, print_json, print_warning, table
from clearance.errors import ClearanceError

if TYPE_CHECKING:  # the database, the monitor and batch's readers load when a command runs
    from clearance.monitor import Book, RunSummary
    from clearance.monitor.book import ImportResult
    from clearance.monitor.spark import SparkBook

book_app = typer.Typer(help="The customer book monitored against the lists.", no_args_is_help=True)
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    """A Rich progress bar on a terminal (``step, done, total`` callbacks), else nothing."""
    if quiet or not err_console.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=err_console, transient=True) as bar:
        tasks: dict[str, object] = {}

        def update(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)  # type: ignore[arg-type]

        yield update


def _index_book(
    ctx: typer.Context, workers: int, progress: Callable[[str, int, int], None] | None,
    imported: ImportResult,
) -> None:  # fmt: skip
    """Bring the book's reverse-screening index up to date now (a shard for what the import
    wrote, analysed as it was validated), so the next monitoring run does not wait for it."""
    from clearance.monitor.reverse import BookIndex

    BookIndex.refresh(_book(ctx), get_state(ctx).settings.home, workers=workers,
                      progress=progress, imported=imported)  # fmt: skip


def _book(ctx: typer.Context) -> Book:
    from clearance.db import open_database
    from clearance.monitor import Book

    return Book(open_database(get_state(ctx).settings))


@book_app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="FILE", help="CSV, JSON lines or Parquet.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Full refresh: remove customers missing from FILE.")
    ] = False,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Bad rows (default: FILE.errors.jsonl).")
    ] = None,
    input_format: Annotated[str | None, typer.Option("--format", help="csv|jsonl|parquet.")] = None,
    id_column: Annotated[str | None, typer.Option("--id-column")] = None,
    name_column: Annotated[str | None, typer.Option("--name-column")] = None,
    type_column: Annotated[str | None, typer.Option("--type-column")] = None,
    dob_column: Annotated[str | None, typer.Option("--dob-column")] = None,
    country_column: Annotated[str | None, typer.Option("--country-column")] = None,
    identifier_columns: Annotated[
        list[str] | None, typer.Option("--identifier-column", metavar="COL:TYPE")
    ] = None,
    encoding: Annotated[str, typer.Option("--encoding")] = "utf-8",
    delimiter: Annotated[str, typer.Option("--delimiter")] = ",",
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Validating processes (default: cores).")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Upsert the customers of FILE by id, in one transaction (same columns as `batch`)."""
    from clearance.batch.columns import ColumnSpec, parse_identifier_option
    from clearance.batch.io import TextOptions, check_encoding

    spec = ColumnSpec(
        id=id_column, name=name_column, type=type_column, dob=dob_column, country=country_column,
        identifiers=tuple(parse_identifier_option(c) for c in identifier_columns or ()),
    )  # fmt: skip
    text = TextOptions(encoding=check_encoding(encoding), delimiter=delimiter)
    with _progress(json_output) as progress:
        step = (lambda done, total: progress("importing", done, total)) if progress else None
        result = _book(ctx).import_file(
            path, spec, replace=replace, errors_path=errors, input_format=input_format,
            text=text, workers=workers or os.cpu_count() or 1, progress=step, index_forms=True,
        )  # fmt: skip
        _index_book(ctx, workers or os.cpu_count() or 1, progress, result)
    if json_output:
        print_json(result.to_dict())
        return
    console.print(
        f"{result.rows:,} rows: {result.inserted:,} new, {result.updated:,} changed, "
        f"{result.unchanged:,} unchanged, {result.removed:,} removed"
    )
    if result.errors:
        print_warning(f"{result.errors:,} bad rows not imported: see {result.errors_path}")


@book_app.command()
def remove(ctx: typer.Context, ids: Annotated[list[str], typer.Argument(metavar="ID...")]) -> None:
    """Remove customers (their open alerts are closed)."""
    missing = _book(ctx).remove(ids)
    console.print(f"{len(ids) - len(missing):,} removed")
    if missing:
        raise ClearanceError(f"not in the book: {', '.join(missing[:20])}")


@book_app.command()
def show(
    ctx: typer.Context, customer_id: Annotated[str, typer.Argument(metavar="ID")],
    json_output: JsonOption = False,
) -> None:  # fmt: skip
    """One customer as the book keeps it."""
    customer, seq = _book(ctx).get(customer_id)
    data = {**customer.to_dict(), "seq": seq}
    if json_output:
        print_json(data)
        return
    for key, value in data.items():
        if value not in (None, [], {}):
            console.print(Text.assemble((f"{key}: ", "bold"), str(value)), soft_wrap=True)


@book_app.command()
def stats(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """How many customers, by type, and the last change."""
    data = _book(ctx).stats()
    if json_output:
        print_json(data)
        return
    console.print(f"{data['customers']:,} customers (last change {data['last_change']})")
    for kind, count in sorted(data["by_type"].items()):
        console.print(f"  {kind}: {count:,}")


def _print_run(summary: RunSummary) -> None:
    console.print(f"run {summary.run_id} ({summary.mode}): {summary.reason}", soft_wrap=True)
    console.print(
        f"{summary.entities_screened:,} listed entities and {summary.customers_screened:,} "
        f"customers screened ({summary.candidates:,} reverse candidates); "
        f"{summary.closed:,} alerts closed; {len(summary.alerts):,} new alerts "
        f"in {summary.seconds:.1f}s"
    )
    if summary.alerts:
        out = table("customer", "entity", "score", "cause", "name", title="New alerts")
        for alert in summary.alerts[:50]:
            names = f"{alert['customer_name']} ~ {alert['entity_name']}"
            score = f"{alert['score']:.2f}"
            out.add_row(alert["customer_id"], alert["entity_id"], score, alert["cause"], names)
        console.print(out)


@contextmanager
def _spark_book(path: Path | None, master: str) -> Iterator[SparkBook | None]:
    if path is None:
        yield None
        return
    from clearance.monitor.spark import SparkBook
    from clearance.spark.batch import local_session

    session = local_session(master, "clearance-monitor")
    try:
        yield SparkBook(session, path)
    finally:
        session.stop()


def monitor(
    ctx: typer.Context,
    webhook: Annotated[
        str | None, typer.Option("--webhook", metavar="URL", help="POST new alerts here.")
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="Re-screen the whole book.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local|spark.")] = "local",
    book: Annotated[
        Path | None, typer.Option("--book", help="Parquet book (with --engine spark).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Screening processes (default: cores).")
    ] = None,
    spark_master: Annotated[
        str, typer.Option("--spark-master", help="Spark master for --engine spark.")
    ] = "local[2]",
    fail_on_alert: Annotated[
        bool, typer.Option("--fail-on-alert", help="Exit 3 when there are new alerts.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Screen what is new since the last run: new listings against the book, new customers
    against the lists; a full re-screen after an algorithm or threshold change."""
    state = get_state(ctx)
    if engine not in {"local", "spark"}:
        raise typer.BadParameter("expected local or spark", param_hint="--engine")
    if (engine == "spark") != (book is not None):
        raise ClearanceError("--engine spark needs --book PATH.parquet (and --book needs it)")
    from clearance.db import open_database
    from clearance.monitor import Monitor, deliver

    settings = state.settings
    db = open_database(settings)
    snapshot = state.store.require_active()
    with _progress(quiet or json_output) as progress, _spark_book(book, spark_master) as parquet:
        monitor = Monitor(settings, db, spark_book=parquet, workers=workers or os.cpu_count() or 1)
        summary = monitor.run(snapshot, full=full, progress=progress)
    url = webhook or settings.webhook_url
    delivery = deliver(db, url, settings.webhook_secret, run_id=summary.run_id) if url else None
    if json_output:
        print_json({**summary.to_dict(), "webhook": delivery.to_dict() if delivery else None})
    else:
        _print_run(summary)
        if delivery is not None and delivery.ok:
            console.print(f"webhook: {delivery.delivered:,} alerts delivered")
    if delivery is not None and not delivery.ok:
        print_warning(f"{delivery.error}; {delivery.pending:,} alerts wait for the next run")
    if fail_on_alert and summary.alerts:
        raise typer.Exit(3)
