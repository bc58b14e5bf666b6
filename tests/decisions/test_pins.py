"""Retention keeps the snapshots that receipts refer to (pins), and removes the others."""

from __future__ import annotations

from pathlib import Path

from clearance.app import index_builder
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.snapshots.pins import pin, pinned
from clearance.sources.base import ParsedList
from tests.api.factory import sdn_entities


def test_pinned_snapshots_survive_retention(tmp_path: Path) -> None:
    store = SnapshotStore(Settings(home=tmp_path, retention=1))

    def install(n: int) -> str:
        entities = sdn_entities(extra=n)
        parsed = [ParsedList(list="ofac-sdn", format="test", entities=entities, files=[])]
        return store.install(parsed, builders=[index_builder]).id

    first = install(1)
    pin(tmp_path, first)  # a receipt was recorded on it
    second = install(2)
    pin(tmp_path, "not-a-snapshot")  # ignored
    assert pinned(tmp_path) == {first}
    third = install(3)
    assert set(store.snapshot_ids()) == {first, third}  # second was not pinned
    assert second not in store.snapshot_ids()
