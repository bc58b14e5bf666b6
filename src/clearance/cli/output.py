"""Shared CLI plumbing: the context object, JSON/Rich output and the error handler.

Every command gets an :class:`AppState` through ``ctx.obj`` (settings built once from the
environment and ``--home``). Errors never reach the user as tracebacks: the group class
:class:`ClearanceGroup` prints each :class:`~clearance.errors.ClearanceError` as one red line
``error: …`` and exits 1; click's usage errors keep exit code 2.
"""

from __future__ import annotations

import sys
from dataclasses import InitVar, dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import typer
from typer.core import TyperGroup

import clearance.cli.helpfmt  # noqa: F401 - flags shown without a type label
from clearance.errors import ClearanceError
from clearance.extras import missing_extra

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from clearance.app import Clearance
    from clearance.settings import Settings
    from clearance.snapshots import Builder, SnapshotStore

_CONSOLES: dict[str, Console] = {}


def __getattr__(name: str) -> Console:
    """``console`` and ``err_console``, made (and Rich imported) when a command first prints:
    ``--help`` never needs them."""
    if name not in {"console", "err_console"}:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return get_console(name)


def get_console(name: str = "console") -> Console:
    """The Rich console (or ``err_console``), made on first use."""
    if name not in _CONSOLES:
        from rich.console import Console

        _CONSOLES[name] = Console(stderr=name == "err_console", highlight=False)
    return _CONSOLES[name]


@dataclass
class AppState:
    """What every command needs; built once per invocation by the app callback.

    Settings, the store and the application core are made on first use, so ``--help`` and
    commands that need none of them import none of them (``clearance lists --help`` stays fast).
    """

    home: Path | None = None
    builders: list[Builder] | None = None  # None: the core's (clearance.app.SNAPSHOT_BUILDERS)
    debug: bool = False
    given: InitVar[Settings | None] = None

    def __post_init__(self, given: Settings | None) -> None:
        if given is not None:
            self.__dict__["settings"] = given

    @cached_property
    def settings(self) -> Settings:
        """Read from the environment (and ``--home``); a bad value is a clear error."""
        from clearance import settings

        return settings.Settings.from_env(home=self.home)

    @cached_property
    def app(self) -> Clearance:
        """The application core every command calls."""
        from clearance.app import Clearance

        return Clearance(self.settings, builders=self.builders)

    @cached_property
    def store(self) -> SnapshotStore:
        from clearance.snapshots import SnapshotStore

        return SnapshotStore(self.settings)


def get_state(ctx: typer.Context) -> AppState:
    state = ctx.find_object(AppState)
    if state is None:  # a command invoked without the app callback (direct use in tests)
        state = AppState()
        ctx.obj = state
    return state


def print_json(data: Any) -> None:
    """Write ``data`` as indented JSON to stdout (no Rich markup or wrapping)."""
    text = orjson.dumps(
        data, default=str, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS
    ).decode()
    typer.echo(text)


def print_error(message: str) -> None:
    """One red line on stderr: ``error: message`` (never wrapped, markup-safe)."""
    from rich.text import Text

    get_console("err_console").print(Text(f"error: {message}", style="bold red"), soft_wrap=True)


def print_warning(message: str) -> None:
    from rich.text import Text

    get_console("err_console").print(Text(f"warning: {message}", style="yellow"), soft_wrap=True)


def table(
    *columns: str,
    title: str | None = None,
    numeric: set[str] | None = None,
    wrap: str | None = None,
) -> Table:
    """A Rich table in the house style: ``numeric`` columns right-aligned; only the ``wrap``
    column (default: the last) wraps, so ids, numbers and dates are never cut."""
    from rich import box
    from rich.table import Table

    out = Table(
        title=title,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    wrapping = wrap if wrap is not None else columns[-1]
    for column in columns:
        out.add_column(
            column,
            justify="right" if numeric and column in numeric else "left",
            no_wrap=column != wrapping,
        )
    return out


def _message(exc: BaseException) -> str:
    if isinstance(exc, ModuleNotFoundError) and (missing := missing_extra(exc)) is not None:
        return missing.message
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    return f"unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)"


class ClearanceGroup(TyperGroup):
    """Maps errors raised by any command (or the app callback) to one line and an exit code."""

    def invoke(self, ctx: Any) -> Any:  # a click context (Typer vendors click)
        try:
            return super().invoke(ctx)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except ClearanceError as exc:
            print_error(exc.message)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            print_error("interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:
            if _debug(ctx):
                raise
            print_error(_message(exc))
            raise typer.Exit(1) from None


def _debug(ctx: Any) -> bool:
    state = ctx.find_object(AppState)
    return bool(state and state.debug) or "--debug" in sys.argv


def format_seconds(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds:.1f}s"


def _line(label: str, values: Any) -> None:
    if not values:
        return
    text = values if isinstance(values, str) else "; ".join(str(v) for v in values)
    from rich.text import Text

    get_console().print(Text.assemble((f"{label}: ", "bold"), text))


def _rows(
    title: str, columns: tuple[str, ...], items: list[dict[str, Any]], wrap: str | None = None
) -> None:
    if not items:
        return
    out = table(*columns, title=title, wrap=wrap)
    for item in items:
        out.add_row(*(str(item.get(c.replace(" ", "_"), "") or "") for c in columns))
    get_console().print(out)


def render_entity(view: dict[str, Any]) -> None:
    """Print an entity as ``show`` returns it (``entity_to_dict`` + edges), grouped by kind."""
    from rich.text import Text

    get_console().print(Text(view["caption"], style="bold"), soft_wrap=True)
    _line("id", view["id"])
    _line("type", view["schema"])
    _line("list", f"{view['list']} (source id {view['source_id']}, snapshot {view['snapshot']})")
    _line("listed on", view.get("listed_on"))
    _line("programs", view.get("programs"))
    _rows("Names", ("full", "kind", "quality", "script", "lang"), view.get("names", []), "full")
    _line("dates of birth", view.get("birth_dates"))
    _line("places of birth", view.get("birth_places"))
    _line("nationalities", view.get("nationalities"))
    _line("citizenships", view.get("citizenships"))
    _line("countries", view.get("countries"))
    _line("gender", view.get("gender"))
    _line("titles", view.get("titles"))
    _rows("Identifiers", ("type", "value", "country", "label", "note"), view.get("identifiers", []))
    _rows("Addresses", ("full", "country"), view.get("addresses", []), "full")
    vessel = view.get("vessel") or {}
    _line("vessel", [f"{k.replace('_', ' ')} {v}" for k, v in vessel.items()])
    _line("remarks", view.get("remarks"))
    _line("notes", view.get("notes"))
    if view.get("unparsed"):
        get_console().print(Text("unparsed remark fragments:", style="yellow"))
        for fragment in view["unparsed"]:
            get_console().print(Text(f"  {fragment}", style="yellow"), soft_wrap=True)
    edges = table("", "kind", "entity", "name", "share", title="Relationships", wrap="name")
    for rel in view.get("relationships", []):
        name = rel.get("target_caption") or rel.get("target_name", "")
        target = rel.get("target_id") or "(not listed)"
        edges.add_row("->", _kind(rel), target, name, _share(rel))
    for rel in view.get("incoming", []):
        name = rel.get("source_caption") or ""
        edges.add_row("<-", _kind(rel), rel["source_id"], name, _share(rel))
    if edges.row_count:
        get_console().print(edges)


def _kind(rel: dict[str, Any]) -> str:
    return str(rel["kind"]).replace("_", " ")


def _share(rel: dict[str, Any]) -> str:
    share = rel.get("share")
    return f"{share:g}%" if isinstance(share, int | float) else ""
