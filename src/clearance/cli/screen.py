"""``clearance screen``: one name from the command line, or a JSON-lines file in bulk."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import orjson
import typer

from clearance.app import Clearance
from clearance.cli.cases import print_recorded, record_result
from clearance.cli.output import console, get_state, print_json, table
from clearance.errors import ClearanceError, QueryError
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.result import ScreeningResult

_QUERY_FIELDS = {"id", "name", "type", "dob", "country", "identifiers", "lists"}


def screen(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="The name to screen.")] = None,
    type: Annotated[
        str | None,
        typer.Option("--type", "-t", help="person, organization, vessel or aircraft."),
    ] = None,
    dob: Annotated[str | None, typer.Option(help="Date of birth: YYYY[-MM[-DD]].")] = None,
    country: Annotated[
        list[str] | None, typer.Option(help="Country (ISO code or name); repeatable.")
    ] = None,
    identifier: Annotated[
        list[str] | None,
        typer.Option("--id", help="Identifier held (passport, IMO, tax ID…); TYPE:VALUE or VALUE."),
    ] = None,
    list_name: Annotated[
        list[str] | None, typer.Option("--list", help="Only screen against this list; repeatable.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Matches to show.")] = 10,
    threshold: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help="Alert threshold (default: settings).")
    ] = None,
    input: Annotated[
        Path | None, typer.Option("--input", "-i", help="Bulk mode: JSON-lines queries.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Bulk mode: results file (default stdout)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit with code 3 when the name alerts.")
    ] = False,
    record: Annotated[
        bool,
        typer.Option("--record", help="Write a receipt to the audit trail; alerts open cases."),
    ] = False,
    as_user: Annotated[
        str | None, typer.Option("--as", metavar="USER", help="With --record: who screens.")
    ] = None,
) -> None:
    """Screen a name against every loaded list (and bulk-screen a JSON-lines file)."""
    state = get_state(ctx)
    engine = Clearance(state.settings)
    options = ScreenOptions(limit=limit, threshold=threshold)
    if input is not None:
        if name is not None:
            raise ClearanceError("give either a NAME or --input, not both")
        _bulk(engine, input, output, options)
        return
    if name is None:
        raise ClearanceError("give a NAME to screen (or --input FILE for bulk mode)")
    query = make_query(
        name,
        type=type,
        dob=dob,
        country=country or None,
        identifiers=[_parse_identifier(i) for i in identifier or []],
        lists=list_name,
    )
    result = engine.screen_query(query, options)
    recorded = record_result(ctx, engine, result, as_user) if record else None
    if as_json:
        print_json(result.to_dict() | ({"recorded": recorded.to_dict()} if recorded else {}))
    else:
        _print_result(result)
        if recorded is not None:
            print_recorded(recorded)
    if result.alert and exit_code:
        raise typer.Exit(3)


def _parse_identifier(text: str) -> dict[str, str] | str:
    if ":" in text:
        id_type, _, value = text.partition(":")
        return {"type": id_type.strip(), "value": value.strip()}
    return text


def _print_result(result: ScreeningResult) -> None:
    verdict = "[bold red]ALERT[/]" if result.alert else "[green]no alert[/]"
    console.print(
        f"{verdict}  {result.query.name!r}  (threshold {result.threshold:.2f}, "
        f"{result.algorithm} {result.algorithm_version}, snapshot {result.snapshot})"
    )
    if not result.matches:
        console.print("no listed party resembles this name")
        return
    out = table("score", "alert", "entity", "listed name", "matched name", "why", numeric={"score"})
    for match in result.matches:
        why = "; ".join(f"{f.name}: {f.reason}" for f in match.features[1:]) or (
            match.features[0].reason if match.features else ""
        )
        out.add_row(
            f"{match.score:.3f}",
            "yes" if match.alert else "",
            match.entity_id,
            match.name,
            match.matched_name if match.matched_name != match.name else "",
            why,
        )
    console.print(out)


def _read_queries(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, parsed object or error text) for each non-blank line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ClearanceError(f"{path}: {exc.strerror}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                data = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield number, f"invalid JSON: {exc}"
                continue
            if not isinstance(data, dict):
                yield number, "each line must be a JSON object"
                continue
            yield number, data


def _bulk(engine: Clearance, path: Path, output: Path | None, options: ScreenOptions) -> None:
    sink: IO[bytes]
    sink = output.open("wb") if output else sys.stdout.buffer
    counts = {"queries": 0, "alerts": 0, "errors": 0}
    try:
        for number, item in _read_queries(path):
            counts["queries"] += 1
            record = _screen_line(engine, number, item, options)
            if "error" in record:
                counts["errors"] += 1
            elif record["alert"]:
                counts["alerts"] += 1
            sink.write(orjson.dumps(record) + b"\n")
    finally:
        if output:
            sink.close()
    if output:
        console.print(
            f"{counts['queries']} queries, {counts['alerts']} alerts, {counts['errors']} errors "
            f"-> {output}"
        )


def _screen_line(
    engine: Clearance, number: int, item: dict[str, Any] | str, options: ScreenOptions
) -> dict[str, Any]:
    if isinstance(item, str):
        return {"line": number, "id": None, "error": item}
    qid = item.get("id")
    unknown = set(item) - _QUERY_FIELDS
    try:
        if unknown:
            raise QueryError(f"unknown field(s): {', '.join(sorted(unknown))}")
        query = make_query(
            item.get("name"),  # type: ignore[arg-type]
            type=item.get("type"),
            dob=item.get("dob"),
            country=item.get("country"),
            identifiers=item.get("identifiers"),
            id=None if qid is None else str(qid),
            lists=item.get("lists"),
        )
        result = engine.screen_query(query, options)
    except ClearanceError as exc:
        return {"line": number, "id": qid, "error": exc.message}
    return {
        "id": qid,
        "alert": result.alert,
        "matches": [m.to_dict() for m in result.matches],
        "algorithm": f"{result.algorithm}/{result.algorithm_version}",
        "snapshot": result.snapshot,
    }
