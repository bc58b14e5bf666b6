"""``clearance batch``: screen a whole customer file (CSV, JSON lines, Parquet)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.text import Text

from clearance.cli.output import (
    console,
    err_console,
    get_state,
    print_error,
    print_json,
    print_warning,
)
from clearance.cli.users import AsOption
from clearance.errors import ClearanceError
from clearance.extras import require

if TYPE_CHECKING:  # the batch engine is imported when the command runs (keeps --help fast)
    from clearance.auth.roles import Actor
    from clearance.batch import BatchConfig, BatchSummary
    from clearance.batch.record import RecordedRun


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _print_summary(summary: BatchSummary) -> None:
    if summary.already_done:
        console.print(f"already complete: {summary.output}")
    rate = f"{summary.rate:,.0f} rows/s" if summary.session_rows else "-"
    resumed = f" (resumed after {summary.resumed_from:,})" if summary.resumed_from else ""
    console.print(
        Text.assemble(
            ("screened ", "bold"),
            f"{summary.rows:,} rows{resumed}: {summary.alerts:,} alerts, ",
            (f"{summary.errors:,} errors", "yellow" if summary.errors else ""),
            f" in {summary.seconds:.1f} s ({rate}, {summary.workers} workers)",
        ),
        soft_wrap=True,
    )
    console.print(
        f"output {summary.output}; snapshot {summary.snapshot}; "
        f"algorithm {summary.algorithm} {summary.algorithm_version}",
        soft_wrap=True,
        highlight=False,
        markup=False,
    )
    if summary.errors:
        print_warning(f"{summary.errors:,} rows could not be screened: see {summary.errors_path}")


def _interrupted(config: BatchConfig) -> NoReturn:
    from clearance.batch import Checkpoint, checkpoint_path

    path = checkpoint_path(config.output)
    rows = Checkpoint.read(path).committed.rows if path.exists() else 0
    print_error(
        f"interrupted: {rows:,} rows are committed in {config.output}; run the same command "
        "with --resume to continue"
    )
    raise typer.Exit(130)


_InputPath = Annotated[Path, typer.Argument(metavar="INPUT", help="CSV, JSONL or Parquet.")]
_Output = Annotated[Path, typer.Option("--output", "-o", help="Results file.")]
_InputFormat = Annotated[
    str | None,
    typer.Option("--format", help="Input format: csv|jsonl|parquet (default: extension)."),
]
_OutputFormat = Annotated[
    str | None,
    typer.Option("--output-format", help="csv|jsonl|parquet (default: output extension)."),
]
_IdColumn = Annotated[
    str | None, typer.Option("--id-column", help="Column echoed as the row id (default: id).")
]
_NameColumn = Annotated[
    str | None, typer.Option("--name-column", help="Column with the name (default: name).")
]
_TypeColumn = Annotated[
    str | None,
    typer.Option("--type-column", help="person|organization|vessel|aircraft (default: type)."),
]
_DobColumn = Annotated[
    str | None,
    typer.Option("--dob-column", help="Date of birth, YYYY[-MM[-DD]] (default: dob)."),
]
_CountryColumn = Annotated[
    str | None,
    typer.Option("--country-column", help="Country code(s), ';'-separated (default: country)."),
]
_IdentifierColumns = Annotated[
    list[str] | None,
    typer.Option(
        "--identifier-column",
        metavar="COL:TYPE",
        help="An identifier column and its type (passport, imo...); repeatable.",
    ),
]
_Threshold = Annotated[
    float | None,
    typer.Option("--threshold", min=0.0, max=1.0, help="Alert threshold (default: setting)."),
]
_TopK = Annotated[
    int,
    typer.Option("--top-k", min=1, help="Matches kept per row (at most 100)."),
]
_Detail = Annotated[
    bool, typer.Option("--detail", help="Top-k matches with feature reasons (JSONL/Parquet).")
]
_Workers = Annotated[
    int | None, typer.Option("--workers", min=1, help="Worker processes (default: all cores).")
]
_Resume = Annotated[
    bool, typer.Option("--resume", help="Continue an interrupted run from its checkpoint.")
]
_Errors = Annotated[
    Path | None,
    typer.Option("--errors", help="Errors file (JSONL) (default: OUTPUT.errors.jsonl)."),
]
_Engine = Annotated[str, typer.Option("--engine", help="local|spark.")]
_SparkMaster = Annotated[
    str | None, typer.Option("--spark-master", help="Spark master [local[WORKERS]].")
]
_ChunkSize = Annotated[
    int, typer.Option("--chunk-size", min=1, max=1_000_000, help="Rows per chunk/commit.")
]
_Encoding = Annotated[str, typer.Option("--encoding", help="Text input encoding.")]
_Delimiter = Annotated[
    str | None, typer.Option("--delimiter", help="CSV delimiter (default: ',', tab for .tsv).")
]
_Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
_JsonOutput = Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")]
_Record = Annotated[
    bool,
    typer.Option(
        "--record",
        help="Write a receipt for the run and one per alert, each alert opening or joining a "
        "case (acts for --as USER or CLEARANCE_USER_KEY; local engine).",
    ),
]


def _recorder(ctx: typer.Context, as_user: str | None) -> Actor:
    """The user a recorded run acts for, checked before the run starts."""
    from clearance.auth.roles import Action
    from clearance.auth.roles import require as require_role
    from clearance.cli.users import acting

    actor = acting(ctx, as_user)
    require_role(actor.name, actor.roles, Action.RECORD)
    return actor


def _finish(
    ctx: typer.Context,
    summary: BatchSummary,
    actor: Actor | None,
    input_path: Path,
    *,
    json_output: bool,
) -> None:
    """Record the run when asked (its receipts and cases), then print its summary."""
    recorded = None
    if actor is not None:
        from clearance.batch.record import record_run
        from clearance.cli.users import database

        recorded = record_run(database(ctx), get_state(ctx).store, actor, summary, input_path)
    if json_output:
        data = summary.to_dict()
        if recorded is not None:
            data["recorded"] = recorded.to_dict()
        print_json(data)
    else:
        _print_summary(summary)
        if recorded is not None:
            _print_recorded(recorded)


def _print_recorded(recorded: RecordedRun) -> None:
    data = recorded.to_dict()
    console.print(
        f"recorded: run receipt {data['receipt']}, {len(data['alert_receipts']):,} alert "
        f"receipts, {len(data['cases']):,} cases opened or joined, "
        f"{len(data['suppressed']):,} alerts suppressed by a clear",
        soft_wrap=True,
        highlight=False,
    )


def _delimiter(delimiter: str | None, input_path: Path) -> str:
    """The CSV delimiter: as given (``\\t`` for a tab), else tab for .tsv and comma otherwise."""
    if delimiter is None:
        delimiter = "\t" if input_path.suffix.lower() == ".tsv" else ","
    if delimiter == "\\t":
        delimiter = "\t"
    if len(delimiter) != 1:
        raise typer.BadParameter("one character", param_hint="--delimiter")
    return delimiter


def _check_options(top_k: int, engine: str, *, record: bool, resume: bool) -> None:
    """Refuse option combinations that cannot run, before anything is read."""
    from clearance.batch.results import DETAIL_MATCH_LIMIT

    if top_k > DETAIL_MATCH_LIMIT:
        raise typer.BadParameter(f"at most {DETAIL_MATCH_LIMIT}", param_hint="--top-k")
    if engine not in {"local", "spark"}:
        raise typer.BadParameter("expected local or spark", param_hint="--engine")
    if record and engine == "spark":
        raise ClearanceError(
            "--record is for the local engine (--engine local): a Spark run does not keep its "
            "alerts for the receipts"
        )
    if resume and engine == "spark":
        raise ClearanceError("--resume is for the local engine; a Spark job is retried as a whole")


def batch(
    ctx: typer.Context,
    input_path: _InputPath,
    output: _Output,
    input_format: _InputFormat = None,
    output_format: _OutputFormat = None,
    id_column: _IdColumn = None,
    name_column: _NameColumn = None,
    type_column: _TypeColumn = None,
    dob_column: _DobColumn = None,
    country_column: _CountryColumn = None,
    identifier_columns: _IdentifierColumns = None,
    threshold: _Threshold = None,
    top_k: _TopK = 1,
    detail: _Detail = False,
    workers: _Workers = None,
    resume: _Resume = False,
    errors: _Errors = None,
    engine: _Engine = "local",
    spark_master: _SparkMaster = None,
    chunk_size: _ChunkSize = 2000,
    encoding: _Encoding = "utf-8",
    delimiter: _Delimiter = None,
    quiet: _Quiet = False,
    json_output: _JsonOutput = False,
    record: _Record = False,
    as_user: AsOption = None,
) -> None:
    """Screen every row of INPUT; one result row per input row, in input order."""
    from clearance.batch import BatchConfig, ColumnSpec, ResultOptions, TextOptions, run_batch
    from clearance.batch.columns import parse_identifier_option
    from clearance.batch.io import check_encoding
    from clearance.batch.progress import make_progress

    state = get_state(ctx)
    _check_options(top_k, engine, record=record, resume=resume)
    actor = _recorder(ctx, as_user) if record else None
    config = BatchConfig(
        input=input_path,
        output=output,
        input_format=input_format,
        output_format=output_format,
        columns=ColumnSpec(
            id=id_column,
            name=name_column,
            type=type_column,
            dob=dob_column,
            country=country_column,
            identifiers=tuple(parse_identifier_option(c) for c in identifier_columns or ()),
        ),
        text=TextOptions(
            encoding=check_encoding(encoding), delimiter=_delimiter(delimiter, input_path)
        ),
        result=ResultOptions(threshold=threshold, top_k=top_k, detail=detail),
        workers=workers or default_workers(),
        chunk_rows=chunk_size,
        resume=resume,
        errors=errors,
        record=record,
    )
    if engine == "spark":
        require("spark", "`clearance batch --engine spark`")
        from clearance.spark.batch import run_spark_batch

        summary = run_spark_batch(config, state.settings, master=spark_master)
    else:
        progress = make_progress(err_console, quiet=quiet or json_output)
        try:
            summary = run_batch(config, state.settings, progress, notify=print_warning)
        except KeyboardInterrupt:
            _interrupted(config)
    _finish(ctx, summary, actor, input_path, json_output=json_output)
