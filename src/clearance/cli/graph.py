"""``clearance network``, ``clearance exposure`` and ``clearance ownership …``: the
relationship graph, the ownership rules' verdicts with their proof, and ownership data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer

import clearance
from clearance.cli.output import console, get_state, print_json, print_warning, table
from clearance.errors import ClearanceError
from clearance.graph.network import build_graph, ftm_ownership, neighbourhood, to_graphml, to_json
from clearance.graph.rules import Regime
from clearance.graph.service import ownership_of
from clearance.graph.verdicts import Verdict, path_text

ownership_app = typer.Typer(help="Ownership and control data for the 50 percent rules.",
                            no_args_is_help=True)  # fmt: skip
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _service(ctx: typer.Context):  # type: ignore[no-untyped-def]
    return ownership_of(clearance.open(settings=get_state(ctx).settings))


def network(
    ctx: typer.Context,
    entity_id: Annotated[str, typer.Argument(metavar="ID", help="A listed entity or party id.")],
    hops: Annotated[int, typer.Option(min=1, max=6, help="How many edges out.")] = 1,
    as_json: JsonOption = False,
    graphml: Annotated[bool, typer.Option("--graphml", help="Print GraphML.")] = False,
) -> None:
    """The parties within N hops: list relationships (type, source) and holdings."""
    service = _service(ctx)
    universe = service.blocked().universe
    if universe.resolve(entity_id) is None:
        raise ClearanceError(f"unknown entity or party {entity_id!r}")
    sub = neighbourhood(build_graph(universe), entity_id, hops)
    if graphml:
        typer.echo(to_graphml(sub))
        return
    data = to_json(sub, entity_id)
    if as_json:
        print_json(data)
        return
    out = table("hops", "id", "name", "list", title=f"{entity_id}: {len(data['nodes'])} parties "
                f"within {hops} hop(s)", numeric={"hops"})  # fmt: skip
    for node in sorted(data["nodes"], key=lambda n: (n.get("hops", 0), n["id"])):
        out.add_row(str(node.get("hops", "")), node["id"], node.get("name", ""),
                    node.get("list", "") or node.get("kind", ""))  # fmt: skip
    console.print(out)
    edges = table("from", "kind", "to", "share / detail", "source")
    for edge in data["edges"]:
        detail = edge.get("share") or edge.get("raw") or ""
        edges.add_row(edge["source"], edge["kind"], edge["target"], str(detail),
                      str(edge.get("origin", "")))  # fmt: skip
    console.print(edges)


def exposure(
    ctx: typer.Context,
    party: Annotated[str, typer.Argument(metavar="NAME|ID", help="A name or an id.")],
    regime: Annotated[str, typer.Option(help="ofac, eu, uk or all.")] = "all",
    as_json: JsonOption = False,
) -> None:
    """Is a party blocked by ownership or control? The verdict per regime, with every path."""
    regimes = _regimes(regime)
    verdicts = _service(ctx).exposure(party, regimes)
    if as_json:
        print_json([v.to_dict() for v in verdicts])
        return
    for verdict in verdicts:
        _print_verdict(verdict)


def _regimes(text: str) -> list[Regime]:
    if text == "all":
        return list(Regime)
    try:
        return [Regime(text.lower())]
    except ValueError as exc:
        raise ClearanceError(f"--regime: {text!r} is not ofac, eu, uk or all") from exc


def _print_verdict(v: Verdict) -> None:
    style = {"blocked": "bold red", "cannot tell": "bold yellow"}.get(v.status.value, "green")
    console.print(f"[{style}]{v.regime.value.upper()}: {v.status.value}[/] — {v.name} ({v.node})")
    console.print(f"  {v.reason}", soft_wrap=True)
    for path in v.paths:
        console.print(f"  path: {path_text(path)}", soft_wrap=True)
        for step in path:
            when = f", {step.date}" if step.date else ""
            console.print(f"    {step.owner} → {step.owned}: {step.share} "
                          f"{'/'.join(step.control)} [{step.source}{when}]",
                          soft_wrap=True, markup=False)  # fmt: skip
    if v.truncated:
        console.print("  (more paths not shown)")
    console.print(f"  rule: {v.citation}", soft_wrap=True)


@ownership_app.command("load")
def load(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Ownership CSV or BODS JSON file.")],
    name: Annotated[str | None, typer.Option(help="Dataset name (default: file stem).")] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv or bods (default: detect).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Load (or replace) an ownership dataset; names are tied to listed entities."""
    service = _service(ctx)
    report = service.load_file(file, name, fmt)
    summary = service.blocked().summary()
    if as_json:
        print_json({"dataset": report.dataset, "nodes": report.nodes,
                    "holdings": report.holdings, "ties": report.ties, "flags": report.flags,
                    "blocked": summary})  # fmt: skip
        return
    console.print(f"loaded {report.dataset}: {report.nodes} parties, {report.holdings} holdings")
    for node, listed, score in report.ties:
        console.print(f"  tied {node} → {listed} (matcher score {score})")
    for flag in report.flags:
        print_warning(flag)
    for regime in Regime:
        part = summary[regime.value]
        console.print(f"  {regime.value.upper()}: {part['blocked_by_rule']} blocked by the rule, "
                      f"{part['cannot_tell']} cannot tell")  # fmt: skip


@ownership_app.command("list")
def list_datasets(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The loaded ownership datasets."""
    store = _service(ctx).store
    rows = [ds.header | {"nodes": len(ds.nodes), "holdings": len(ds.holdings)}
            for ds in store.datasets()]  # fmt: skip
    if as_json:
        print_json(rows)
        return
    out = table("dataset", "parties", "holdings", "loaded", "file", numeric={"parties", "holdings"})
    for row in rows:
        out.add_row(row["dataset"], str(row["nodes"]), str(row["holdings"]), row["loaded_at"],
                    row["file"])  # fmt: skip
    console.print(out)


@ownership_app.command("remove")
def remove(ctx: typer.Context, name: Annotated[str, typer.Argument(help="Dataset.")]) -> None:
    """Remove an ownership dataset."""
    _service(ctx).store.remove(name)
    console.print(f"removed {name}")


@ownership_app.command("blocked")
def blocked(
    ctx: typer.Context,
    regime: Annotated[str, typer.Option(help="ofac, eu, uk or all.")] = "all",
    as_json: JsonOption = False,
) -> None:
    """Every party blocked (or cannot tell) by ownership or control, not listed itself."""
    sets = _service(ctx).blocked()
    names, index = sets.universe.names, sets.universe.index
    rows = [
        {"regime": r.value, "id": node, "status": status.value, "name": names[index[node]]}
        for r in _regimes(regime)
        for node, status in sorted(sets.derived(r).items())
    ]
    if as_json:
        print_json({"summary": sets.summary(), "parties": rows})
        return
    out = table("regime", "status", "id", "name")
    for row in rows:
        out.add_row(row["regime"], row["status"], row["id"], row["name"])
    console.print(out)


@ownership_app.command("export")
def export(
    ctx: typer.Context,
    graphml: Annotated[bool, typer.Option("--graphml", help="GraphML (default: FtM).")] = False,
) -> None:
    """Export ownership as FollowTheMoney JSON lines (Ownership, Directorship) or GraphML."""
    universe = _service(ctx).blocked().universe
    if graphml:
        typer.echo(to_graphml(build_graph(universe)))
        return
    out = typer.get_binary_stream("stdout")
    for record in ftm_ownership(universe):
        out.write(orjson.dumps(record) + b"\n")


def register(app: typer.Typer) -> None:
    app.command()(network)
    app.command()(exposure)
    app.add_typer(ownership_app, name="ownership")
