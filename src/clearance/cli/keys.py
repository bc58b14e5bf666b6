"""``clearance keys add/list/revoke``: API keys of the screening service."""

from __future__ import annotations

from typing import Annotated

import typer

from clearance.auth.keys import KeyStore, Role
from clearance.cli.output import console, get_state, print_json, table

keys_app = typer.Typer(help="API keys for `clearance serve` (stored hashed in <home>/keys.json).")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _store(ctx: typer.Context) -> KeyStore:
    return KeyStore(get_state(ctx).settings.home)


@keys_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A label for the key holder, e.g. payments-svc.")],
    role: Annotated[
        str, typer.Option("--role", help="viewer (browse), screener (+ screen), admin (+ reload).")
    ],
    json_output: JsonOption = False,
) -> None:
    """Create a key and print it once (only its SHA-256 hash is kept)."""
    parsed = Role.parse(role)
    token = _store(ctx).add(name, parsed)
    if json_output:
        print_json({"name": name, "role": parsed.label, "key": token})
        return
    typer.echo(token)
    typer.echo(
        f"API key {name!r} ({parsed.label}) created. Store it now: it cannot be shown again. "
        "Send it as `Authorization: Bearer <key>`.",
        err=True,
    )


@keys_app.command("list")
def list_keys(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """The keys: name, role, creation time (never the key)."""
    keys = _store(ctx).keys()
    if json_output:
        print_json([{"name": k.name, "role": k.role.label, "created": k.created} for k in keys])
        return
    if not keys:
        typer.echo("no API keys (create one with `clearance keys add NAME --role ROLE`)")
        return
    out = table("name", "role", "created")
    for key in keys:
        out.add_row(key.name, key.role.label, key.created)
    console.print(out)


@keys_app.command("revoke")
def revoke(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="The key's name.")]
) -> None:
    """Delete a key; a running server refuses it within a second."""
    _store(ctx).revoke(name)
    typer.echo(f"revoked API key {name!r}")
