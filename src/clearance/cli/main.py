"""The ``clearance`` app: global options, the shared context, and command registration.

A new command is one line below: ``app.command()(module.function)``; its function takes
``ctx: typer.Context`` and reaches settings and the application core (``state.app``) through
:func:`clearance.cli.output.get_state`. Errors raised as
:class:`~clearance.errors.ClearanceError` are printed by :class:`ClearanceGroup`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clearance import __version__
from clearance.cli import audit, batch, cases, db, diff, graph, lists, monitor, screen, serve, users
from clearance.cli import payments as payment_cli
from clearance.cli.output import AppState, ClearanceGroup

app = typer.Typer(
    cls=ClearanceGroup,
    name="clearance",
    help="Sanctions screening: load official lists, screen names, explain matches.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clearance {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            metavar="DIR",
            help="Data directory (default: CLEARANCE_HOME or the user data folder).",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.obj = AppState(home=home, debug=debug)


app.command()(lists.load)
app.command()(lists.refresh)
app.command()(lists.lists)
app.command()(lists.show)
app.command()(lists.export)
app.command()(lists.snapshots)

app.command()(screen.screen)
app.command()(batch.batch)
app.command()(diff.diff)
app.add_typer(monitor.book_app, name="book")
app.command()(monitor.monitor)
serve.register(app)  # `serve` and the `keys` group (clearance.api)
graph.register(app)  # `network`, `exposure` and the `ownership` group (clearance.graph)
app.add_typer(db.app, name="db")  # `db upgrade|status` (clearance.db)
app.add_typer(users.users_app, name="users")  # named users and roles (clearance.auth.users)
app.add_typer(cases.case_app, name="case")  # cases and four-eyes decisions (clearance.cases)
app.add_typer(audit.audit_app, name="audit")  # verify, head, replay, reports (clearance.audit)
app.command()(payment_cli.payment)  # `payment FILE|FOLDER…` (clearance.payments)
