"""Acceptance: diffs between real OFAC SDN snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.diff import diff_store
from clearance.diff.snapshots import _compared_changes
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore


def _store(home: Path) -> SnapshotStore:
    return SnapshotStore(Settings(home=home))


def test_2021_to_2023_counts_and_designations(sdn_snapshots: tuple[Path, list[str]]) -> None:
    home, (s2021, s2023, _s2024) = sdn_snapshots
    changes = diff_store(_store(home), s2021, s2023).lists["ofac-sdn"]
    assert len(changes.added) == 5637
    assert len(changes.removed) == 792
    added = {ref.id: ref for ref in changes.added}
    for source_id in ("41736", "44544", "44578", "44579"):
        assert f"ofac-sdn-{source_id}" in added
    assert added["ofac-sdn-44544"].name == "LIMITED LIABILITY COMPANY VERUS"
    assert not changes.lacks  # both full file sets: everything compared
    assert changes.not_compared == ()
    # Field-level changes carry old and new values.
    assert changes.changed
    some = changes.changed[0]
    assert some.changes and all(c.old != c.new for c in some.changes)


def test_partial_file_set_compares_like_with_like(sdn_snapshots: tuple[Path, list[str]]) -> None:
    home, (_s2021, s2023, s2024) = sdn_snapshots
    changes = diff_store(_store(home), s2023, s2024).lists["ofac-sdn"]
    assert len(changes.added) == 1256
    assert len(changes.removed) == 112
    assert changes.lacks == {"new": ["add.csv", "alt.csv", "sdn_comments.csv"]}
    assert set(changes.not_compared) == {"addresses", "aliases"}
    assert any("lacks add.csv (addresses)" in note for note in changes.notes())
    fields = {c.field for change in changes.changed for c in change.changes}
    assert "aliases" not in fields and "addresses" not in fields
    # Not every entity reported changed because a file was missing.
    assert len(changes.changed) < 2000


def test_alias_change_reads_as_a_sentence(sdn_snapshots: tuple[Path, list[str]]) -> None:
    home, (s2021, s2023, _s2024) = sdn_snapshots
    changes = diff_store(_store(home), s2021, s2023).lists["ofac-sdn"]
    with_alias = [c for c in changes.changed if any(f.field == "aliases" for f in c.changes)]
    assert with_alias
    alias = next(f for f in with_alias[0].changes if f.field == "aliases")
    assert alias.added or alias.removed
    assert "alias" in alias.describe()
    assert with_alias[0].matching_changed


def test_cli_diff_defaults_to_previous_and_active(sdn_snapshots: tuple[Path, list[str]]) -> None:
    home, (_s2021, s2023, s2024) = sdn_snapshots
    runner = CliRunner()
    result = runner.invoke(app, ["--home", str(home), "diff", "--json"])
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.output)
    assert (data["old"], data["new"]) == (s2023, s2024)
    assert data["lists"]["ofac-sdn"]["counts"]["added"] == 1256
    text = runner.invoke(app, ["--home", str(home), "diff", s2023, s2024, "--list", "ofac-sdn"])
    assert text.exit_code == 0, text.output
    assert "1,256 added, 112 removed" in text.output
    assert "lacks add.csv (addresses)" in text.output
    bad = runner.invoke(app, ["--home", str(home), "diff", s2023, s2024, "--list", "un"])
    assert bad.exit_code == 1
    assert "error: list un is in neither snapshot" in bad.output


def test_api_diff(sdn_snapshots: tuple[Path, list[str]]) -> None:
    from clearance.auth.keys import KeyStore, Role
    from tests.api.conftest import running_api

    home, (s2021, s2023, _s2024) = sdn_snapshots
    key = KeyStore(home).add("diff-viewer", Role.VIEWER)
    for api in running_api(Settings(home=home, api_reload_seconds=0)):
        api.wait_ready(timeout=120)
        api.key = key
        response = api.get(f"/snapshots/{s2021}/diff/{s2023}", params={"list": "ofac-sdn"})
        assert response.status_code == 200, response.text
        body = response.json()["lists"]["ofac-sdn"]
        assert body["counts"]["added"] == 5637 and body["counts"]["removed"] == 792
        assert any(e["id"] == "ofac-sdn-44579" for e in body["added"])
        missing = api.get(f"/snapshots/{s2021}/diff/nope")
        assert missing.status_code == 404
        api.key = None
        assert api.get(f"/snapshots/{s2021}/diff/{s2023}").status_code == 401


def test_field_digests_give_the_full_comparison(
    sdn_snapshots: tuple[Path, list[str]], tmp_path: Path
) -> None:
    """The stored field digests only spare decoding entities with no compared change: the diff
    with them equals, change for change, the diff of the same snapshots without them (as a
    snapshot installed before they were kept compares), on full and on partial file sets."""
    home, (s2021, s2023, s2024) = sdn_snapshots
    store = _store(home)
    pairs = ((s2021, s2023), (s2023, s2024))
    with_digests = {pair: diff_store(store, *pair).to_dict() for pair in pairs}
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    gone = list((copy / "snapshots").glob("*/lists/*.fields.json"))
    assert len(gone) >= 3
    for path in gone:
        path.unlink()
    for pair, expected in with_digests.items():
        assert diff_store(_store(copy), *pair).to_dict() == expected
    # The digests did spare work: most records that changed differ in no compared field.
    old, new = store.get(s2023), store.get(s2024)
    changed = new.diff(old).lists["ofac-sdn"].changed
    skip = frozenset({"addresses", "aliases"})
    compared = _compared_changes(old, new, "ofac-sdn", set(changed), skip)
    assert len(compared) < len(changed) // 2
