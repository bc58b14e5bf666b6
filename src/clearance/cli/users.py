"""``clearance users …``: named users with roles and API keys (in the database), and the
acting user of commands that work for someone (``--as USER`` or ``CLEARANCE_USER_KEY``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from clearance.cli.output import console, get_state, print_json, table
from clearance.errors import ClearanceError

if TYPE_CHECKING:
    from clearance.auth.roles import Actor
    from clearance.auth.users import UserStore
    from clearance.db import Database

users_app = typer.Typer(
    help="Users and roles: screener, analyst, supervisor, auditor, admin.", no_args_is_help=True
)

AsOption = Annotated[
    str | None,
    typer.Option("--as", metavar="USER", help="Act as this user (else CLEARANCE_USER_KEY)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def database(ctx: typer.Context) -> Database:
    from clearance.db import open_database

    return open_database(get_state(ctx).settings)


def acting(ctx: typer.Context, as_user: str | None) -> Actor:
    """The user a command acts for: ``--as USER`` or the owner of ``CLEARANCE_USER_KEY``."""
    from clearance.auth.roles import Actor
    from clearance.auth.users import UserStore

    store = UserStore(database(ctx))
    if as_user:
        user = store.get(as_user)
        if not user.active:
            raise ClearanceError(f"user {as_user!r} is disabled")
        return Actor(user.name, user.roles)
    key = get_state(ctx).settings.decisions.user_key
    if key:
        found = store.authenticate(key)
        if found is None:
            raise ClearanceError("CLEARANCE_USER_KEY is not a valid key of an active user")
        return Actor(found.name, found.roles)
    raise ClearanceError("say who you are: --as USER, or a user's key in CLEARANCE_USER_KEY")


def _store(ctx: typer.Context) -> UserStore:
    from clearance.auth.users import UserStore

    return UserStore(database(ctx))


@users_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user's name, e.g. alice.")],
    role: Annotated[list[str], typer.Option("--role", help="A role; repeatable or a,b.")],
    key: Annotated[
        bool, typer.Option("--key", help="Also issue an API key (printed once).")
    ] = False,
) -> None:
    """Create a user with one or more roles."""
    from clearance.auth.roles import parse_roles

    user = _store(ctx).add(name, parse_roles(role))
    typer.echo(f"user {user.name!r} created: {', '.join(sorted(user.roles))}", err=True)
    if key:
        typer.echo(_store(ctx).new_key(name))


@users_app.command("key")
def new_key(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Issue an API key for a user and print it once (only its hash is kept)."""
    typer.echo(_store(ctx).new_key(name))
    typer.echo(f"key issued to {name!r}: store it now, it cannot be shown again", err=True)


@users_app.command("passwd")
def passwd(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Set a user's password for the web pages (asked twice, or one line on stdin)."""
    import sys

    from clearance.auth.passwords import PasswordStore

    if sys.stdin.isatty():
        password = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    PasswordStore(database(ctx)).set(name, password)
    typer.echo(f"password of {name!r} set; their web sessions signed in by password have ended")


@users_app.command("revoke")
def revoke(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Revoke every key of a user."""
    count = _store(ctx).revoke_keys(name)
    typer.echo(f"revoked {count} key(s) of {name!r}")


@users_app.command("roles")
def roles(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user.")],
    role: Annotated[list[str], typer.Option("--role", help="The new roles; repeatable.")],
) -> None:
    """Replace a user's roles."""
    from clearance.auth.roles import parse_roles

    user = _store(ctx).set_roles(name, parse_roles(role))
    typer.echo(f"{user.name}: {', '.join(sorted(user.roles))}")


@users_app.command("disable")
def disable(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Disable a user (their keys stop working; history keeps the name)."""
    _store(ctx).set_active(name, False)
    typer.echo(f"user {name!r} disabled")


@users_app.command("list")
def list_users(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Every user with their roles."""
    users = _store(ctx).users()
    if as_json:
        print_json([u.to_dict() for u in users])
        return
    out = table("name", "roles", "active")
    for u in users:
        out.add_row(u.name, ", ".join(sorted(u.roles)), "yes" if u.active else "no")
    console.print(out)
