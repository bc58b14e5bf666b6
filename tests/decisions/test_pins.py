"""Retention keeps the snapshots that receipts refer to (pinned through the store), and
removes the others."""

from __future__ import annotations

from pathlib import Path

from clearance.audit.receipts import PIN_REASON, pin_snapshot
from clearance.matching.artifact import index_builder
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources.base import ParsedList
from tests.api.factory import sdn_entities


def test_snapshots_with_receipts_survive_retention(tmp_path: Path) -> None:
    store = SnapshotStore(Settings(home=tmp_path, retention=1))

    def install(n: int) -> str:
        entities = sdn_entities(extra=n)
        parsed = [ParsedList(list="ofac-sdn", format="test", entities=entities, files=[])]
        return store.install(parsed, builders=[index_builder]).id

    first = install(1)
    pin_snapshot(store, first)  # a receipt was recorded on it
    pin_snapshot(store, first)  # once per process is enough
    second = install(2)
    third = install(3)
    assert store.pins() == {first: [PIN_REASON]}
    assert set(store.snapshot_ids()) == {first, third}
    assert second not in store.snapshot_ids()
