"""Acceptance on the real OFAC files: a clear decided on SDN 2021-07-07 stays suppressed on
SDN 2023-12-28 for an entity whose entry did not change, and reopens — saying what changed —
for one that gained an alias."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.cases.goodguy import fact_changes, matching_facts
from clearance.cases.service import CaseService
from clearance.model import Entity
from clearance.sources import read_path
from tests.decisions.conftest import ANA, SUE, Toy


@pytest.fixture(scope="session")
def sdn_pair(data_dir: Path) -> tuple[dict[str, Entity], dict[str, Entity]]:
    old = read_path(data_dir / "ofac" / "sdn_csv_2021-07-07").entities
    new = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28").entities
    return {e.id: e for e in old}, {e.id: e for e in new}


def pick(old: dict[str, Entity], new: dict[str, Entity]) -> tuple[str, str]:
    """An entry unchanged in its matching data, and one whose only change is new aliases."""
    unchanged = alias = None
    for eid, entity in sorted(old.items()):
        if eid not in new:
            continue
        changes = fact_changes(matching_facts(entity), matching_facts(new[eid]))
        if not changes and unchanged is None and entity.schema.value == "person":
            unchanged = eid
        elif (
            changes and all(c.startswith("name or alias added") for c in changes) and alias is None
        ):
            alias = eid
    assert unchanged and alias
    return unchanged, alias


def test_clear_on_2021_holds_in_2023_unless_an_alias_was_added(
    service: CaseService, sdn_pair: tuple[dict[str, Entity], dict[str, Entity]], tmp_path: Path
) -> None:
    old, new = sdn_pair
    same_id, alias_id = pick(old, new)
    then = Toy([old[same_id], old[alias_id]], tmp_path / "2021", snapshot="sdn-2021-07-07")
    names = {eid: old[eid].names[0].full for eid in (same_id, alias_id)}
    for eid, name in names.items():
        recorded = then.record(service, name, id=f"customer-{eid}")
        (case_id,) = recorded.cases
        assert service.get(ANA, case_id)["entity_id"] == eid
        service.propose(case_id, ANA, "clear", "our customer is a different party")
        service.approve(case_id, SUE)
    now = Toy([new[same_id], new[alias_id]], tmp_path / "2023", snapshot="sdn-2023-12-28")
    kept = now.record(service, names[same_id], id=f"customer-{same_id}")
    assert kept.cases == [] and [s["entity_id"] for s in kept.suppressed] == [same_id]
    reopened = now.record(service, names[alias_id], id=f"customer-{alias_id}")
    assert reopened.suppressed == [] and len(reopened.cases) == 1
    case = service.get(ANA, reopened.cases[0])
    expected = fact_changes(matching_facts(old[alias_id]), matching_facts(new[alias_id]))
    assert case["reopened_because"] == expected
    assert all(c.startswith("name or alias added: ") for c in expected)
