"""``clearance audit …``: verify the hash chain, print its head, show and replay receipts,
OFAC reports and the examiner's export of a case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer

from clearance.cli.output import get_state, print_json
from clearance.cli.users import AsOption, JsonOption, acting, database
from clearance.errors import ClearanceError

audit_app = typer.Typer(
    help="The tamper-evident audit trail: verify, head, replay, reports.", no_args_is_help=True
)


def _read_head(path: Path):  # type: ignore[no-untyped-def]
    from clearance.audit.chain import Head

    try:
        data = orjson.loads(path.read_bytes())
        return Head(int(data["count"]), str(data["hash"]))
    except OSError as exc:
        raise ClearanceError(f"{path}: {exc.strerror}") from None
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ClearanceError(
            f"{path}: not a saved chain head (from `clearance audit head`): {exc}"
        ) from None


def _spool(ctx: typer.Context) -> Path:
    """The receipt spool's folder: a receipt answered but not yet shipped is read there."""
    from clearance.audit.spool_file import spool_dir

    return spool_dir(get_state(ctx).settings.home, database(ctx))


@audit_app.command("verify")
def verify(
    ctx: typer.Context,
    head: Annotated[
        Path | None,
        typer.Option(
            "--head", help="A head saved by `audit head`: prove nothing before it was rewritten."
        ),
    ] = None,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check every link of the chain; exit 1 naming the first bad row (edited, deleted,
    inserted or reordered)."""
    from clearance.audit.log import verify as run
    from clearance.audit.spool_file import settle
    from clearance.auth.roles import Action, require

    actor = acting(ctx, as_user)
    require(actor.name, actor.roles, Action.READ_AUDIT)
    saved = _read_head(head) if head is not None else None
    db = database(ctx)
    for warning in settle(db, get_state(ctx).settings.home):  # the receipt spool first
        typer.echo(f"warning: {warning}", err=True)
    verdict = run(db, saved)
    if as_json:
        print_json(verdict.to_dict())
    elif verdict.ok:
        typer.echo(
            f"audit log intact: {verdict.rows} rows, head {verdict.head.hash}"
            + (f" (matches the saved head at row {saved.count})" if saved else "")
        )
    if not verdict.ok:
        assert verdict.problem is not None
        raise ClearanceError(f"audit log tampered: {verdict.problem} ({verdict.problem.what})")


@audit_app.command("head")
def head(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the head to this file.")
    ] = None,
    as_user: AsOption = None,
) -> None:
    """Print the chain head (row count + last hash) to keep outside the database."""
    from clearance.audit.log import read_head
    from clearance.auth.roles import Action, require

    actor = acting(ctx, as_user)
    require(actor.name, actor.roles, Action.READ_AUDIT)
    data = orjson.dumps(read_head(database(ctx)).to_dict())
    if output is not None:
        output.write_bytes(data + b"\n")
    typer.echo(data.decode())


@audit_app.command("receipt")
def receipt(
    ctx: typer.Context,
    receipt_id: Annotated[str, typer.Argument(help="The receipt id.")],
    as_user: AsOption = None,
) -> None:
    """Print a stored receipt."""
    from clearance.audit.receipts import load_receipt
    from clearance.auth.roles import Action, require

    actor = acting(ctx, as_user)
    require(actor.name, actor.roles, Action.READ_CASES)
    print_json(load_receipt(database(ctx), receipt_id, spool=_spool(ctx)))


@audit_app.command("replay")
def replay(
    ctx: typer.Context,
    receipt_id: Annotated[str, typer.Argument(help="The receipt id.")],
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Re-run a recorded screening on its own snapshot and today's; show what differs and why."""
    from clearance.audit.receipts import load_receipt
    from clearance.audit.replay import replay as run
    from clearance.auth.roles import Action, require

    actor = acting(ctx, as_user)
    require(actor.name, actor.roles, Action.READ_CASES)
    state = get_state(ctx)
    body = load_receipt(database(ctx), receipt_id, spool=_spool(ctx))
    report = run(body, state.store, state.settings)
    if as_json:
        print_json(report)
        return
    rec = report["recorded"]
    typer.echo(f"receipt {report['receipt']}: {rec['outcome']} on {rec['snapshot']} at {rec['at']}")
    for label in ("own_snapshot", "today"):
        part = report[label]
        if "error" in part:
            typer.echo(f"{label}: {part['error']}")
            continue
        same = "identical" if part["identical"] else f"{len(part['differences'])} difference(s)"
        typer.echo(f"{label} ({part['snapshot']}): {part['outcome']}, {same}")
        if part["algorithm_changed"]:
            algo = part["algorithm"]
            typer.echo(f"  algorithm changed: now {algo['name']} {algo['version']}")
        for name, change in part["lists_changed"].items():
            typer.echo(f"  list {name}: {change['then']} -> {change['now']}")
        for d in part["differences"]:
            scores = f"{d['score_then']} -> {d['score_now']}"
            typer.echo(f"  {d['entity_id']} {d['name']}: {d['change']} ({scores}); {d['why']}")


@audit_app.command("export")
def export(
    ctx: typer.Context,
    case_id: Annotated[int, typer.Argument(help="The case number.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default stdout).")
    ] = None,
    as_user: AsOption = None,
) -> None:
    """One JSON file for an examiner: the case, its receipts and decisions, and the chain proof."""
    from clearance.cases.export import export_case
    from clearance.cases.service import CaseService

    data = export_case(CaseService(database(ctx)), acting(ctx, as_user), case_id)
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2)
    if output is None:
        typer.echo(text.decode())
    else:
        output.write_bytes(text + b"\n")
        typer.echo(f"case {case_id} exported to {output}")


@audit_app.command("report")
def report(
    ctx: typer.Context,
    case_id: Annotated[int, typer.Argument(help="A case with an approved block or reject.")],
    holder: Annotated[
        str, typer.Option("--holder", help="The reporting institution holding the property.")
    ] = "",
    property_text: Annotated[
        str | None, typer.Option("--property", help="The property or transaction.")
    ] = None,
    value: Annotated[
        str | None, typer.Option("--value", help="Its value, e.g. 'USD 12,500.00'.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="json, csv or html.")] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    as_user: AsOption = None,
) -> None:
    """OFAC blocked-property (501.603) or rejected-transaction (501.604) report data."""
    from clearance.audit.reports import report_csv, report_html
    from clearance.cases.export import ofac_report
    from clearance.cases.service import CaseService

    if fmt not in {"json", "csv", "html"}:
        raise ClearanceError(f"--format must be json, csv or html, not {fmt!r}")
    data = ofac_report(
        CaseService(database(ctx)),
        acting(ctx, as_user),
        case_id,
        holder=holder,
        property_text=property_text,
        value=value,
    )
    text = {
        "json": lambda: orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n",
        "csv": lambda: report_csv(data),
        "html": lambda: report_html(data),
    }[fmt]()
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{data['report_type']} report for case {case_id} written to {output}")
