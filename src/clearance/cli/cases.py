"""``clearance case …``: work the alerts — list, show, assign, review, comment, propose,
approve, return. Every command acts for a user (``--as USER`` or ``CLEARANCE_USER_KEY``)
and the case core checks their roles and the four-eyes rule."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from clearance.cli.output import console, print_json, table
from clearance.cli.users import AsOption, JsonOption, acting, database
from clearance.errors import ClearanceError

if TYPE_CHECKING:
    from clearance.app import Clearance
    from clearance.cases.service import CaseService, Recorded
    from clearance.matching.result import ScreeningResult

case_app = typer.Typer(
    help="Cases opened by alerts, and their four-eyes decisions.", no_args_is_help=True
)
CaseId = Annotated[int, typer.Argument(help="The case number.")]


def _service(ctx: typer.Context) -> CaseService:
    from clearance.cases.service import CaseService

    return CaseService(database(ctx))


def _show_one(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(data)
        return
    console.print(
        f"case {data['id']}  [bold]{data['state']}[/]  {data['subject_name']!r} vs "
        f"{data['entity_name']!r} ({data['entity_id']}, score {data['score']:.3f})"
    )
    for label, key in [
        ("assignee", "assignee"),
        ("due", "due"),
        ("proposal", "proposal"),
        ("proposed by", "proposed_by"),
        ("reason", "proposal_reason"),
        ("decided by", "decided_by"),
        ("decision", "decision_reason"),
    ]:
        if data.get(key):
            console.print(f"  {label:12} {data[key]}")
    for change in data.get("reopened_because") or []:
        console.print(f"  reopened     {change}")
    for item in data.get("history", []):
        body = item["body"]
        extra = body.get("reason") or body.get("text") or body.get("assignee") or ""
        console.print(
            f"  #{item['seq']:<6} {item['at'][:19]}  {item['actor']:12} {body['event']}  {extra}"
        )


@case_app.command("list")
def list_cases(
    ctx: typer.Context,
    as_user: AsOption = None,
    state: Annotated[
        str | None, typer.Option(help="open, in_review, proposed, approved, returned.")
    ] = None,
    assignee: Annotated[str | None, typer.Option(help="Only cases assigned to this user.")] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only cases about this listed entity id.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    as_json: JsonOption = False,
) -> None:
    """Cases, newest first."""
    actor = acting(ctx, as_user)
    rows = _service(ctx).list_cases(
        actor, state=state, assignee=assignee, entity_id=entity, limit=limit
    )
    if as_json:
        print_json(rows)
        return
    out = table(
        "case", "state", "subject", "entity", "score", "assignee", "due", numeric={"case", "score"}
    )
    for r in rows:
        entity_text = f"{r['entity_name']} ({r['entity_id']})"
        score = f"{r['score']:.3f}"
        out.add_row(
            str(r["id"]),
            r["state"],
            r["subject_name"],
            entity_text,
            score,
            r["assignee"] or "",
            r["due"] or "",
        )
    console.print(out)


@case_app.command("show")
def show(
    ctx: typer.Context, case_id: CaseId, as_user: AsOption = None, as_json: JsonOption = False
) -> None:
    """A case with its receipts and full history."""
    _show_one(_service(ctx).get(acting(ctx, as_user), case_id), as_json)


@case_app.command("assign")
def assign(
    ctx: typer.Context,
    case_id: CaseId,
    assignee: Annotated[str | None, typer.Argument(help="The user (omit to unassign).")] = None,
    as_user: AsOption = None,
    due: Annotated[str | None, typer.Option(help="Due date YYYY-MM-DD.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Assign a case (and optionally set its due date)."""
    actor = acting(ctx, as_user)
    service = _service(ctx)
    if assignee is not None:
        from clearance.auth.users import UserStore

        UserStore(database(ctx)).get(assignee)  # must exist
    data = service.assign(case_id, actor, assignee)
    if due is not None:
        try:
            parsed = date.fromisoformat(due)
        except ValueError:
            raise ClearanceError(f"--due: {due!r} is not a date (YYYY-MM-DD)") from None
        data = service.set_due(case_id, actor, parsed)
    _show_one(data, as_json)


@case_app.command("review")
def review(
    ctx: typer.Context, case_id: CaseId, as_user: AsOption = None, as_json: JsonOption = False
) -> None:
    """Start reviewing an open (or returned) case."""
    _show_one(_service(ctx).start_review(case_id, acting(ctx, as_user)), as_json)


@case_app.command("comment")
def comment(
    ctx: typer.Context,
    case_id: CaseId,
    text: Annotated[str, typer.Argument(help="The comment.")],
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a comment to a case's history."""
    _show_one(_service(ctx).comment(case_id, acting(ctx, as_user), text), as_json)


@case_app.command("propose")
def propose(
    ctx: typer.Context,
    case_id: CaseId,
    decision: Annotated[
        str, typer.Argument(help="block, reject (true match), clear (false positive) or escalate.")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why (required).")] = "",
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Propose a decision (analyst); a different supervisor approves or returns it."""
    _show_one(_service(ctx).propose(case_id, acting(ctx, as_user), decision, reason), as_json)


@case_app.command("approve")
def approve(
    ctx: typer.Context,
    case_id: CaseId,
    reason: Annotated[str, typer.Option("--reason", help="A note for the record.")] = "",
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Approve the proposal (supervisor; never the one who proposed it)."""
    _show_one(_service(ctx).approve(case_id, acting(ctx, as_user), reason), as_json)


@case_app.command("return")
def send_back(
    ctx: typer.Context,
    case_id: CaseId,
    reason: Annotated[str, typer.Option("--reason", help="Why it goes back (required).")] = "",
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Send the proposal back to be worked again (supervisor)."""
    _show_one(_service(ctx).send_back(case_id, acting(ctx, as_user), reason), as_json)


def record_result(
    ctx: typer.Context, engine: Clearance, result: ScreeningResult, as_user: str | None
) -> Recorded:
    """``--record``: the receipt of a screening, and a case per alert (not suppressed)."""
    from clearance.audit.receipts import screening_context

    actor = acting(ctx, as_user)
    context = screening_context(engine.snapshot, engine.screener)
    from clearance.snapshots.pins import pin

    snapshot = engine.snapshot
    pin(engine.settings.home, snapshot.id)
    return _service(ctx).record(result, context, actor, entity=snapshot.entity, source="cli")


def print_recorded(recorded: Recorded) -> None:
    console.print(f"receipt {recorded.receipt}")
    for case_id in recorded.cases:
        console.print(f"case {case_id} opened or joined")
    for item in recorded.suppressed:
        console.print(f"alert on {item['entity_id']} suppressed: cleared in case {item['case']}")
