"""Replay's explanation of differences (pure): list change vs algorithm change."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from clearance.audit.receipts import receipt_body
from clearance.audit.replay import diff
from clearance.model import Entity, Name, NameKind
from tests.api.factory import sdn_entities
from tests.decisions.conftest import Toy


class FakeSnapshot:
    def __init__(self, entities: list[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}

    def entity(self, entity_id: str) -> Entity | None:
        return self.by_id.get(entity_id)


def recorded(toy: Toy, name: str) -> dict[str, Any]:
    return receipt_body(toy.screen(name), toy.context, receipt_id="r1", actor="ana")


def test_algorithm_change_is_named(tmp_path: Path) -> None:
    toy = Toy(sdn_entities(), tmp_path)
    body = recorded(toy, "Vladimir Putin")
    body["algorithm"] = {**body["algorithm"], "version": "0.9"}
    body["candidates"][0]["score"] = 0.5  # what the old algorithm answered
    snap = FakeSnapshot(sdn_entities())
    out = diff(body, toy.screen("Vladimir Putin"), toy.context, snap, snap)  # type: ignore[arg-type]
    assert out["algorithm_changed"] and not out["lists_changed"]
    (d,) = out["differences"]
    assert d["change"] == "score changed" and d["why"].startswith("algorithm change")


def test_list_change_names_the_changed_facts(tmp_path: Path) -> None:
    old = sdn_entities()
    new = [
        replace(e, names=(*e.names, Name("PUTIN, Vladimir Vladimirovich", kind=NameKind.AKA)))
        if e.source_id == "100"
        else e
        for e in old
    ]
    body = recorded(Toy(old, tmp_path / "a"), "Vladimir Vladimirovich Putin")
    toy2 = Toy(new, tmp_path / "b", snapshot="snap-2")
    toy2.context = replace(toy2.context, lists={"ofac-sdn": {"version": "2024-01-01", "files": []}})
    out = diff(
        body,
        toy2.screen("Vladimir Vladimirovich Putin"),
        toy2.context,
        FakeSnapshot(old),
        FakeSnapshot(new),
    )  # type: ignore[arg-type]
    assert out["lists_changed"] == {"ofac-sdn": {"then": "2023-12-28", "now": "2024-01-01"}}
    (d,) = [d for d in out["differences"] if d["entity_id"] == "ofac-sdn-100"]
    assert d["why"] == "list change: name or alias added: PUTIN, Vladimir Vladimirovich"
    same = diff(
        body,
        Toy(old, tmp_path / "c").screen("Vladimir Vladimirovich Putin"),
        Toy(old, tmp_path / "d").context,
        FakeSnapshot(old),
        FakeSnapshot(old),
    )  # type: ignore[arg-type]
    assert same["identical"] and same["same_outcome"]
