"""Cleared pairs: the decisions capability's good-guy list keeps a cleared customer/entity pair
quiet until the listed entity's matching data changes; then monitoring raises it again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from clearance.audit.receipts import load_receipt
from clearance.cases.service import CaseService
from clearance.db import open_database
from clearance.model import Name, NameKind
from clearance.monitor import Book, Monitor
from clearance.monitor.alerts import set_status
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from tests.api.factory import install, sdn_entities
from tests.decisions.conftest import ANA, SUE


def test_cleared_pair_is_raised_again_only_when_the_listing_changes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    entities = sdn_entities()
    install(home, {"ofac-sdn": entities})
    settings = Settings(home=home)
    db = open_database(settings)
    book = tmp_path / "book.csv"
    book.write_text("id,name,type,dob\n1,Ashot Mkrtichev,person,1966-05-07\n", encoding="utf-8")
    Book(db).import_file(book)
    store = SnapshotStore(settings)
    snapshot = store.require_active()
    monitor = Monitor(settings, db)
    first = monitor.run(snapshot)
    assert [(a["customer_id"], a["entity_id"]) for a in first.alerts] == [("1", "ofac-sdn-41736")]

    # An analyst proposes to clear, a supervisor approves (four eyes): a good-guy entry.
    entity = snapshot.entity("ofac-sdn-41736")
    # The run opened a case for the alert, recorded in its receipt in the audit chain.
    case_id = first.alerts[0]["case"]
    assert case_id and first.receipt
    receipt = load_receipt(db, first.receipt)
    assert receipt["kind"] == "monitor-run" and receipt["alerts"][0]["entity_id"] == entity.id
    service = CaseService(db)
    case = service.get(SUE, case_id)
    assert case["entity_id"] == "ofac-sdn-41736" and case["receipts"] == [first.receipt]
    assert case["source"] == "monitor" and case["history"][0]["body"]["event"] == "opened"
    service.propose(case_id, ANA, "clear", "our customer is another person")
    service.approve(case_id, SUE)
    with db.connect(write=True) as conn:  # monitoring's own record no longer holds it open
        set_status(conn, first.alerts[0]["id"], "closed", f"case {case_id}")

    # Same listing: the full re-screen finds the pair again, the clear keeps it quiet.
    assert monitor.run(snapshot, full=True).alerts == []

    # The listing gains an alias: the pair is raised again, saying why.
    mkrtychev = next(e for e in entities if e.source_id == "41736")
    changed = replace(mkrtychev, names=(*mkrtychev.names, Name("MKRTICHEV, Ashot", NameKind.AKA)))
    install(home, {"ofac-sdn": [changed if e is mkrtychev else e for e in entities]})
    again = monitor.run(store.require_active())
    assert [(a["customer_id"], a["entity_id"]) for a in again.alerts] == [("1", "ofac-sdn-41736")]
    cause = again.alerts[0]["cause"]
    assert cause.startswith("listing changed: alias MKRTICHEV, Ashot added")
    assert "re-raised: the listing changed since it was cleared" in cause
    assert "name or alias added: MKRTICHEV, Ashot" in cause
    reopened = service.get(SUE, again.alerts[0]["case"])
    assert reopened["id"] != case_id and reopened["state"] == "open"
    assert any("MKRTICHEV, Ashot" in c for c in reopened["reopened_because"])
