from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from clearance.errors import SnapshotError
from clearance.model import RelationKind
from clearance.settings import Settings
from clearance.snapshots import Snapshot, SnapshotStore, layout
from tests.snapshots.toy import parsed_toy


@pytest.fixture
def store(tmp_path: Path) -> SnapshotStore:
    return SnapshotStore(Settings(home=tmp_path / "home", retention=3), lock_timeout=0.2)


def staging_dirs(store: SnapshotStore) -> list[Path]:
    return list(store.snapshots_dir.glob(layout.STAGING_PREFIX + "*"))


def test_empty_home_has_no_snapshot(store: SnapshotStore) -> None:
    assert store.active() is None
    assert store.snapshots() == []
    with pytest.raises(SnapshotError, match="no lists loaded"):
        store.require_active()


def test_install_writes_manifest_lists_and_indexes(store: SnapshotStore, tmp_path: Path) -> None:
    parsed = parsed_toy(tmp_path, "toy-a", 5)
    snap = store.install([parsed], parse_seconds={"toy-a": 0.5})
    assert store.active_id() == snap.id
    assert (store.home / "ACTIVE").read_text().strip() == snap.id
    assert layout.is_snapshot_id(snap.id)
    manifest = orjson.loads((snap.path / "manifest.json").read_bytes())
    assert manifest["snapshot_id"] == snap.id
    assert manifest["parent"] is None
    entry = manifest["lists"]["toy-a"]
    assert entry["format"] == "toy-json"
    assert entry["published"] == "2024-01-01"
    assert entry["loaded_in"] == snap.id
    assert entry["counts"]["entities"] == 5
    assert entry["counts"]["relationships"] == 4
    assert entry["issues"] == 1
    assert entry["parse_seconds"] == 0.5
    assert entry["files"][0]["sha256"] == parsed.files[0].sha256
    assert manifest["totals"]["entities"] == 5
    lines = (snap.path / "lists/toy-a.jsonl").read_bytes().splitlines()
    assert len(lines) == 5
    assert len((snap.path / "lists/toy-a.issues.jsonl").read_bytes().splitlines()) == 1
    assert list(snap.iter_entities()) == parsed.entities
    assert list(snap.issues("toy-a"))[0]["message"] == "fragment nobody parsed"


def test_entity_random_access_and_incoming(store: SnapshotStore, tmp_path: Path) -> None:
    snap = store.install([parsed_toy(tmp_path, "toy-a", 5)])
    entity = snap.entity("toy-a-3")
    assert entity is not None and entity.caption == "Person 3"
    assert entity.source_record["id"] == "3"
    assert snap.entity("toy-a-99") is None
    assert "toy-a-4" in snap and "nope" not in snap
    incoming = snap.incoming("toy-a-3")
    assert [(src, rel.kind, rel.target_id) for src, rel in incoming] == [
        ("toy-a-2", RelationKind.LINKED_TO, "toy-a-3")
    ]
    assert snap.incoming("toy-a-0") == []
    assert snap.caption("toy-a-1") == "Person 1"


def test_entity_reads_one_line_only(
    store: SnapshotStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snap = store.install([parsed_toy(tmp_path, "toy-a", 50)])
    calls: list[bytes] = []
    real = orjson.loads

    def counting(data: bytes | str) -> object:
        calls.append(bytes(data[:20], "utf-8") if isinstance(data, str) else bytes(data[:20]))
        return real(data)

    fresh = Snapshot(snap.path)
    fresh._index("toy-a")  # the index is read once per snapshot object
    monkeypatch.setattr("clearance.snapshots.catalog.orjson.loads", counting)
    assert fresh.entity("toy-a-42") is not None
    assert len(calls) == 1


def test_new_list_carries_the_others_over(store: SnapshotStore, tmp_path: Path) -> None:
    first = store.install([parsed_toy(tmp_path, "toy-a", 3)])
    second = store.install([parsed_toy(tmp_path, "toy-b", 2, prefix="Company")])
    assert second.parent == first.id
    assert second.list_names() == ["toy-a", "toy-b"]
    assert len(second) == 5
    info = second.list_info("toy-a")
    assert info is not None and info.loaded_in == first.id
    # carried files are hard links of the parent's (same inode) where the file system allows
    a1 = os.stat(first.path / "lists/toy-a.jsonl")
    a2 = os.stat(second.path / "lists/toy-a.jsonl")
    assert a1.st_ino == a2.st_ino
    third = store.install([parsed_toy(tmp_path, "toy-a", 4)])
    assert third.list_names() == ["toy-a", "toy-b"]
    assert len(list(third.iter_entities("toy-a"))) == 4
    assert third.entity("toy-b-1") is not None
    diff = third.diff(second)
    assert diff.lists["toy-a"].added == ("toy-a-3",)
    assert diff.lists["toy-a"].changed == ("toy-a-2",)  # it gained a link to the new entity
    assert "toy-b" not in diff.lists
    assert [i.id for i in store.snapshots()] == [first.id, second.id, third.id]
    assert [i.active for i in store.snapshots()] == [False, False, True]


def test_builders_write_into_the_snapshot(store: SnapshotStore, tmp_path: Path) -> None:
    seen: list[tuple[Path, str, int]] = []

    def build_index(staging: Path, snap: Snapshot) -> None:
        seen.append((staging, snap.id, len(list(snap.iter_entities()))))
        (staging / "matching").mkdir()
        (staging / "matching" / "index.bin").write_bytes(b"x" * 10)

    snap = store.install([parsed_toy(tmp_path, "toy-a", 3)], builders=[build_index])
    staging, snapshot_id, count = seen[0]
    assert staging.name.startswith(layout.STAGING_PREFIX)
    assert (snapshot_id, count) == (snap.id, 3)
    assert (snap.path / "matching/index.bin").read_bytes() == b"x" * 10
    assert snap.manifest["artifacts"] == {"matching/index.bin": 10}


def test_failing_builder_leaves_previous_snapshot_active(
    store: SnapshotStore, tmp_path: Path
) -> None:
    first = store.install([parsed_toy(tmp_path, "toy-a", 3)])

    def broken(staging: Path, snap: Snapshot) -> None:
        (staging / "half-written").write_bytes(b"...")
        raise RuntimeError("index build exploded")

    with pytest.raises(SnapshotError, match="broken failed: index build exploded"):
        store.install([parsed_toy(tmp_path, "toy-a", 4)], builders=[broken])
    assert store.active_id() == first.id
    assert store.snapshot_ids() == [first.id]
    assert staging_dirs(store) == []


def test_bad_installs_change_nothing(store: SnapshotStore, tmp_path: Path) -> None:
    first = store.install([parsed_toy(tmp_path, "toy-a", 3)])
    with pytest.raises(SnapshotError, match="more than once"):
        store.install([parsed_toy(tmp_path, "toy-b", 1), parsed_toy(tmp_path, "toy-b", 2)])
    with pytest.raises(SnapshotError, match="empty list"):
        store.install([parsed_toy(tmp_path, "toy-b", 0)])
    with pytest.raises(SnapshotError, match="invalid list name"):
        store.install([parsed_toy(tmp_path, "../evil", 1)])
    # "toy-a-b" + "0" and "toy-a" + "b-0" give the same id: refused at validation
    clash = parsed_toy(tmp_path, "toy-a-b", 1)
    first_a = parsed_toy(tmp_path, "toy-a", 1)
    first_a.entities = [
        type(e)(**{**{s: getattr(e, s) for s in e.__slots__}, "source_id": "b-0"})
        for e in first_a.entities
    ]
    with pytest.raises(SnapshotError, match="unique across lists"):
        store.install([clash, first_a])
    with pytest.raises(SnapshotError, match="nothing to install"):
        store.install([])
    assert store.active_id() == first.id
    assert store.snapshot_ids() == [first.id]
    assert staging_dirs(store) == []


def test_count_check_refuses_a_big_drop(store: SnapshotStore, tmp_path: Path) -> None:
    first = store.install([parsed_toy(tmp_path, "toy-a", 10)])
    with pytest.raises(SnapshotError, match="7 entities against 10"):
        store.install([parsed_toy(tmp_path, "toy-a", 7)], min_count_ratio=0.8)
    assert store.active_id() == first.id
    assert store.install([parsed_toy(tmp_path, "toy-a", 8)], min_count_ratio=0.8)


def test_retention_keeps_the_newest(tmp_path: Path) -> None:
    store = SnapshotStore(Settings(home=tmp_path / "home", retention=2))
    ids = [store.install([parsed_toy(tmp_path, "toy-a", n)]).id for n in range(1, 5)]
    assert store.snapshot_ids() == ids[-2:]
    assert store.active_id() == ids[-1]
    assert store.get(ids[-1]).entity("toy-a-3") is not None


def test_activate_rolls_back(store: SnapshotStore, tmp_path: Path) -> None:
    first = store.install([parsed_toy(tmp_path, "toy-a", 2)])
    second = store.install([parsed_toy(tmp_path, "toy-a", 3)])
    assert store.activate(first.id[:-3]).id == first.id  # a unique prefix is enough
    active = store.active()
    assert active is not None and active.id == first.id
    with pytest.raises(SnapshotError, match="does not exist"):
        store.activate("20000101T000000")
    with pytest.raises(SnapshotError, match="does not exist"):
        store.get("../../etc")
    assert store.get(second.id).id == second.id


def test_lock_blocks_a_second_install(store: SnapshotStore, tmp_path: Path) -> None:
    first = store.install([parsed_toy(tmp_path, "toy-a", 2)])
    other = SnapshotStore(store.settings, lock_timeout=0.1)
    with store.lock(), pytest.raises(SnapshotError, match="in progress"):
        other.install([parsed_toy(tmp_path, "toy-a", 3)])
    assert store.active_id() == first.id
    assert staging_dirs(store) == []
    assert other.install([parsed_toy(tmp_path, "toy-a", 3)]).id != first.id


def test_stale_staging_is_cleaned_up(store: SnapshotStore, tmp_path: Path) -> None:
    store.install([parsed_toy(tmp_path, "toy-a", 2)])
    stale = store.snapshots_dir / (layout.STAGING_PREFIX + "crashed")
    stale.mkdir()
    (stale / "junk").write_bytes(b"x")
    store.install([parsed_toy(tmp_path, "toy-a", 3)])
    assert not stale.exists()


def test_damaged_active_pointer_is_a_clear_error(store: SnapshotStore, tmp_path: Path) -> None:
    snap = store.install([parsed_toy(tmp_path, "toy-a", 2)])
    (store.home / "ACTIVE").write_text("garbage")
    with pytest.raises(SnapshotError, match="damaged"):
        store.active()
    (store.home / "ACTIVE").write_text(snap.id.replace(snap.id[-8:], "00000000"))
    with pytest.raises(SnapshotError, match="missing"):
        store.active()


def test_resolve_and_suggest_ids(store: SnapshotStore, tmp_path: Path) -> None:
    store.install([parsed_toy(tmp_path, "toy-a", 3)])
    snap = store.install([parsed_toy(tmp_path, "toy-bb", 12)])
    assert snap.resolve_id("toy-a-1") == "toy-a-1"
    assert snap.resolve_id("TOY-A-1") == "toy-a-1"
    assert snap.resolve_id("11") == "toy-bb-11"  # a bare source id unique across lists
    assert snap.resolve_id("1") is None  # ambiguous: toy-a-1 and toy-bb-1
    assert snap.resolve_id("toy-11") == "toy-bb-11"  # OpenSanctions style: list prefix + id
    assert snap.resolve_id("nothing") is None
    assert "toy-bb-11" in snap.suggest_ids("toy-bb-111")


def test_snapshot_ids_sort_by_time_even_within_one_microsecond() -> None:
    from datetime import UTC, datetime

    moment = datetime(2026, 1, 2, 3, 4, 5, 999999, tzinfo=UTC)
    first = layout.new_snapshot_id(b"a", now=moment)
    second = layout.new_snapshot_id(b"b", after=first, now=moment)
    assert first.startswith("20260102T030405.999999Z-")
    assert second.startswith("20260102T030406.000000Z-")
    assert sorted([second, first]) == [first, second]


def test_concurrent_installs_do_not_lose_lists(tmp_path: Path) -> None:
    import threading

    settings = Settings(home=tmp_path / "home")
    parsed = [parsed_toy(tmp_path, f"toy-{n}", 200) for n in "abcd"]
    errors: list[BaseException] = []

    def install(item: object) -> None:
        try:
            SnapshotStore(settings).install([item])  # type: ignore[list-item]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=install, args=(p,)) for p in parsed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = SnapshotStore(settings)
    active = store.require_active()
    assert active.list_names() == ["toy-a", "toy-b", "toy-c", "toy-d"]
    infos = store.snapshots()
    assert [i.parent for i in infos[1:]] == [i.id for i in infos[:-1]]
