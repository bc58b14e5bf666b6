"""The ``clearance`` app: global options, the shared context, and command registration.

A new command is one entry in :data:`COMMANDS` (a registration function that imports its
module only when the command runs, so ``clearance lists --help`` does not import the API, the
database or the matcher); the command function takes
``ctx: typer.Context`` and reaches settings and the application core (``state.app``) through
:func:`clearance.cli.output.get_state`. Errors raised as
:class:`~clearance.errors.ClearanceError` are printed by :class:`ClearanceGroup`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from clearance import __version__
from clearance.cli.output import AppState, ClearanceGroup


def _version(value: bool) -> None:
    if value:
        from clearance.compiled import state

        typer.echo(f"clearance {__version__}, matcher {state()}")  # how it was installed
        raise typer.Exit()


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


def _lists(app: typer.Typer) -> None:
    from clearance.cli import lists

    for command in (lists.load, lists.refresh, lists.lists, lists.show, lists.export):
        app.command()(command)
    app.command()(lists.snapshots)


def _screen(app: typer.Typer) -> None:
    from clearance.cli import screen

    app.command()(screen.screen)


def _batch(app: typer.Typer) -> None:
    from clearance.cli import batch

    app.command()(batch.batch)


def _diff(app: typer.Typer) -> None:
    from clearance.cli import diff

    app.command()(diff.diff)


def _monitor(app: typer.Typer) -> None:
    from clearance.cli import monitor

    app.add_typer(monitor.book_app, name="book")
    app.command()(monitor.monitor)


def _serve(app: typer.Typer) -> None:
    from clearance.cli import serve

    serve.register(app)  # `serve` and the `keys` group (clearance.api)


def _graph(app: typer.Typer) -> None:
    from clearance.cli import graph

    graph.register(app)  # `network`, `exposure` and the `ownership` group (clearance.graph)


def _decisions(app: typer.Typer) -> None:
    from clearance.cli import audit, cases, db, users

    app.add_typer(db.app, name="db")  # `db upgrade|status` (clearance.db)
    app.add_typer(users.users_app, name="users")  # named users and roles (clearance.auth.users)
    app.add_typer(cases.case_app, name="case")  # cases and four-eyes decisions (clearance.cases)
    app.add_typer(audit.audit_app, name="audit")  # verify, head, replay, reports (clearance.audit)


def _payments(app: typer.Typer) -> None:
    from clearance.cli import payments

    app.command()(payments.payment)  # `payment FILE|FOLDER…` (clearance.payments)


# Every command, by the names it registers, in the order `clearance --help` lists them. A new
# command is one entry here (and a registration function importing its module when it runs).
COMMANDS: tuple[tuple[frozenset[str], Callable[[typer.Typer], None]], ...] = (
    (frozenset({"load", "refresh", "lists", "show", "export", "snapshots"}), _lists),
    (frozenset({"screen"}), _screen),
    (frozenset({"batch"}), _batch),
    (frozenset({"diff"}), _diff),
    (frozenset({"book", "monitor"}), _monitor),
    (frozenset({"serve", "keys"}), _serve),
    (frozenset({"network", "exposure", "ownership"}), _graph),
    (frozenset({"db", "users", "case", "audit"}), _decisions),
    (frozenset({"payment"}), _payments),
)


def build(command: str | None = None) -> typer.Typer:
    """The app with every command, or only the registration that holds ``command`` (what a
    run of that command needs: the other commands' modules are not imported)."""
    app = typer.Typer(
        cls=ClearanceGroup,
        name="clearance",
        help="Sanctions screening: load official lists, screen names, explain matches.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(main)
    for names, register in COMMANDS:
        if command is None or command in names:
            register(app)
    return app


_GLOBAL_VALUES = {"--home"}  # global options that take a value


def _command_name(argv: list[str]) -> str | None:
    """The command a command line runs (None when it runs none: `--help`, `--version`)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _GLOBAL_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def run() -> None:
    """The ``clearance`` console script: builds only the command being run when it is known."""
    name = _command_name(sys.argv[1:])
    known = name is not None and any(name in names for names, _ in COMMANDS)
    build(name if known else None)()


def __getattr__(attr: str) -> typer.Typer:
    if attr == "app":  # the whole app, built when first asked for (tests, `python -c`)
        built = globals()["app"] = build()
        return built
    raise AttributeError(attr)
