"""``clearance payment``: screen SWIFT MT and ISO 20022 payment files (or folders of them)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import orjson
import typer
from rich.markup import escape

from clearance.cli.output import console, get_state

if TYPE_CHECKING:  # the engine is imported when the command runs (keeps --help fast)
    from clearance.messages import Message, ReadError
    from clearance.payments import Decision, PaymentScreener, Policy
    from clearance.payments.record import PaymentRecorder

_STYLE = {"block": "bold red", "reject": "red", "review": "yellow", "clear": "green"}


def payment(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Payment files or folders (MT text or ISO 20022 XML).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON line per message.")] = (
        False
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON lines to this file.")
    ] = None,
    policy: Annotated[
        Path | None,
        typer.Option(help="Policy file (TOML; default: the bundled payments/policy.toml)."),
    ] = None,
    xsd: Annotated[
        Path | None,
        typer.Option(help="Folder of ISO 20022 XSDs: validate messages whose version is there."),
    ] = None,
    pacs002: Annotated[
        Path | None,
        typer.Option(help="Folder to write a pacs.002 RJCT report into for each reject."),
    ] = None,
    parties: Annotated[
        bool, typer.Option("--parties", help="Include every party read (JSON output).")
    ] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit with 3 when a message is not clear.")
    ] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="Write a receipt per message to the audit trail; each hit that stops a "
            "payment opens (or joins) a case.",
        ),
    ] = False,
    as_user: Annotated[
        str | None, typer.Option("--as", metavar="USER", help="With --record: who screens.")
    ] = None,
) -> None:
    """Screen payment messages: block / reject / review / clear per message, with the field."""
    from clearance.messages import SchemaSet, read_paths
    from clearance.payments import Decision, PaymentScreener, Policy, SnapshotLists

    state = get_state(ctx)
    rules = Policy.load(policy)
    screener = PaymentScreener(SnapshotLists(state.app), rules)
    always = state.settings.decisions.record_payments  # CLEARANCE_RECORD_PAYMENTS
    recorder = _recorder(ctx, rules, as_user) if record or always else None
    schemas = SchemaSet(xsd) if xsd is not None else None
    if pacs002 is not None:
        pacs002.mkdir(parents=True, exist_ok=True)
    sink: IO[bytes] | None = output.open("wb") if output else None
    counts = {"clear": 0, "review": 0, "reject": 0, "block": 0, "errors": 0}
    rows: list[tuple[str, ...]] = []
    try:
        for item, line in _records(screener, read_paths(paths, schemas), parties, recorder):
            counts[line.get("decision", "errors")] += 1
            if sink is not None:
                sink.write(orjson.dumps(line) + b"\n")
            elif as_json:
                sys.stdout.buffer.write(orjson.dumps(line) + b"\n")
            else:
                rows.append(_row(line))
            if pacs002 is not None and isinstance(item, Decision) and item.label == "reject":
                _write_report(pacs002, item, counts["reject"])
    finally:
        if sink is not None:
            sink.close()
    if rows:
        _print_rows(rows)
    if output is not None or not as_json:
        summary = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
        console.print(f"{summary or 'no messages'}" + (f" -> {output}" if output else ""))
    if exit_code and (counts["review"] or counts["reject"] or counts["block"]):
        raise typer.Exit(3)


def _recorder(ctx: typer.Context, rules: Policy, as_user: str | None) -> PaymentRecorder:
    """``--record``: receipts and cases as the acting user (``--as`` or CLEARANCE_USER_KEY)."""
    from clearance.audit.receipts import pin_snapshot, screening_context
    from clearance.cases.service import CaseService
    from clearance.cli.users import acting, database
    from clearance.payments.record import PaymentRecorder

    engine = get_state(ctx).app
    actor = acting(ctx, as_user)
    pin_snapshot(engine.store, engine.snapshot.id)
    context = screening_context(engine.snapshot, engine.screener)
    return PaymentRecorder(CaseService(database(ctx)), context, actor, rules,
                           entity=engine.snapshot.entity, source="cli")  # fmt: skip


def _records(
    screener: PaymentScreener,
    items: Iterator[Message | ReadError],
    parties: bool,
    recorder: PaymentRecorder | None,
) -> Iterator[tuple[Decision | ReadError, dict[str, Any]]]:
    from clearance.messages import ReadError

    for item in items:
        if isinstance(item, ReadError):
            yield item, item.to_dict()
        else:
            decision = screener.screen(item)
            record = decision.to_dict(parties=parties)
            if recorder is not None:
                record["recorded"] = recorder.record(decision).to_dict()
            yield decision, record


def _row(record: dict[str, Any]) -> tuple[str, ...]:
    if "error" in record:
        return ("error", record["error"], "")
    hit = record["hits"][0] if record["hits"] else None
    why = ""
    if hit is not None:
        entity = hit.get("entity")
        target = f"{entity['name']} ({entity['id']})" if entity else repr(hit["value"])
        why = f"  {hit['field']} -> {target} [{hit['rule']}]"
    where = f"{record['source']} ({record['type']} {record['reference']})"
    recorded = record.get("recorded")
    if recorded:
        cases = ", ".join(str(c) for c in recorded["cases"])
        why += f"  receipt {recorded['receipt']}" + (f", case {cases}" if cases else "")
    return (record["decision"], where, why)


def _print_rows(rows: list[tuple[str, ...]]) -> None:
    for decision, where, why in rows:
        style = _STYLE.get(decision, "red")
        console.print(f"[{style}]{decision.upper():7}[/] {escape(where)}{escape(why)}",
                      soft_wrap=True)  # fmt: skip


def _write_report(folder: Path, decision: Decision, number: int) -> None:
    from clearance.payments.pacs002 import status_report

    ref = "".join(c if c.isalnum() or c in "-_" else "_" for c in decision.message.reference)
    name = f"pacs002-{number:05d}-{ref or 'message'}.xml"
    (folder / name).write_bytes(status_report(decision, message_id=f"RJCT-{number:05d}-{ref}"))
