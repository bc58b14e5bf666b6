"""Lists serialised where they were parsed (``encode_list``) install exactly as parsed ones."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import pytest

from clearance.errors import SnapshotError
from clearance.loading import _read_one
from clearance.settings import Settings
from clearance.snapshots import Snapshot, SnapshotStore
from clearance.snapshots.install import EncodedList, encode_list
from clearance.sources.base import ParsedList
from tests.snapshots.toy import parsed_toy, write_toy


def _contents(snapshot: Snapshot) -> tuple[dict[str, bytes], dict[str, Any]]:
    files = {
        p.relative_to(snapshot.path).as_posix(): p.read_bytes()
        for p in sorted((snapshot.path / "lists").iterdir())
    }
    manifest = orjson.loads((snapshot.path / "manifest.json").read_bytes())
    for key in ("snapshot_id", "created_at"):
        manifest.pop(key)
    for entry in manifest["lists"].values():
        for key in ("loaded_at", "loaded_in"):
            entry.pop(key)
    return files, manifest


def test_encoded_list_installs_the_same_snapshot(tmp_path: Path) -> None:
    parsed = [parsed_toy(tmp_path, "toy-a", 5), parsed_toy(tmp_path, "toy-b", 3)]
    plain = SnapshotStore(Settings(home=tmp_path / "plain")).install(
        parsed, parse_seconds={"toy-a": 0.25}
    )
    encoded = [encode_list(p) for p in parsed]
    assert [e.counts() for e in encoded] == [p.counts() for p in parsed]
    fast = SnapshotStore(Settings(home=tmp_path / "fast")).install(
        [encoded[0], parsed[1]], parse_seconds={"toy-a": 0.25}
    )
    assert _contents(fast) == _contents(plain)
    assert list(fast.iter_entities()) == parsed[0].entities + parsed[1].entities


def test_encoding_refuses_what_the_store_refuses(tmp_path: Path) -> None:
    empty = parsed_toy(tmp_path, "toy-a", 0)
    with pytest.raises(SnapshotError, match="no entities were read"):
        encode_list(empty)
    with pytest.raises(SnapshotError, match="invalid list name"):
        encode_list(replace(parsed_toy(tmp_path, "toy-a", 1), list="../x"))
    toy = parsed_toy(tmp_path, "toy-a", 2)
    with pytest.raises(SnapshotError, match="occurs twice"):
        encode_list(replace(toy, entities=toy.entities + toy.entities[:1]))


@pytest.mark.usefixtures("toy_format")
def test_worker_result(tmp_path: Path) -> None:
    path = write_toy(tmp_path, "toy-a", 3)
    item, partial, _ = _read_one(path, None, None)
    assert isinstance(item, EncodedList) and partial is not None
    assert item.files[0].path == str(path.resolve())
    assert item.counts()["entities"] == 3 == len(partial.index.ent_id)
    # a list the store would refuse comes back parsed, for the install to report
    refused, _, _ = _read_one(path, None, "../x")
    assert isinstance(refused, ParsedList)
    with pytest.raises(SnapshotError, match="invalid list name"):
        SnapshotStore(Settings(home=tmp_path / "home")).install([refused])
