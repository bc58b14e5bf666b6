"""``clearance db upgrade|status``: the shared database's schema (see :mod:`clearance.db`)."""

from __future__ import annotations

from typing import Annotated

import typer

from clearance.cli.output import console, get_state, print_json

app = typer.Typer(
    help="The database for cases, decisions and the audit trail.", no_args_is_help=True
)


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Bring the database schema up to date (every command that needs it does this too)."""
    from clearance.db.engine import Database, database_url

    db = Database(database_url(get_state(ctx).settings))
    try:
        applied = db.upgrade()
    finally:
        db.dispose()
    if applied:
        console.print(f"{db.url}: applied {len(applied)} revision(s): {', '.join(applied)}")
    else:
        console.print(f"{db.url}: up to date")


@app.command()
def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the database, its schema revision and any pending migrations."""
    from clearance.audit.spool_file import settle
    from clearance.db.engine import Database, database_url
    from clearance.db.migrate import status as db_status

    settings = get_state(ctx).settings
    db = Database(database_url(settings))
    try:
        st = db_status(db)
        spool = settle(db, settings.home) if st.up_to_date else []  # spooled receipts first
    finally:
        db.dispose()
    for warning in spool:
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        print_json(
            {
                "url": st.url,
                "current": list(st.current),
                "heads": list(st.heads),
                "pending": list(st.pending),
                "up_to_date": st.up_to_date,
                "receipt_spool": spool,
            }
        )
        return
    console.print(f"database  {st.url}")
    console.print(f"current   {', '.join(st.current) or '(empty: never upgraded)'}")
    console.print(f"heads     {', '.join(st.heads)}")
    if st.pending:
        console.print(f"pending   {', '.join(st.pending)}  (run `clearance db upgrade`)")
    else:
        console.print("up to date")
