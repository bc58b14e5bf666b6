"""The story that started it, on the real OFAC SDN 2023-12-28 files (issue: matching engine).

The index is built by the snapshot builder exactly as `clearance load` does, then loaded by a
fresh :class:`clearance.Clearance`, as a new process would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import clearance
from clearance.app import Clearance
from clearance.matching.artifact import index_builder
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path


@pytest.fixture(scope="module")
def engine(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Clearance:
    home = tmp_path_factory.mktemp("story-home")
    settings = Settings(home=home)
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    SnapshotStore(settings).install([parsed], builders=[index_builder])
    assert (next((home / "snapshots").glob("*/index/matcher.pkl"))).is_file()
    return clearance.open(settings=settings)


@pytest.mark.parametrize(
    ("query", "source_id"),
    [
        ("Ashot Mkrtichev", "41736"),
        ("Мкртычев Ашот", "41736"),
        ("Mkrtychev Ashot Ashotovich", "41736"),
        ("ООО Верус", "44544"),
        ("Verus LLC", "44544"),
        ("TOO Defense Engineering", "44578"),
        ("Defens Inzhiniring", "44578"),
        ("Versor sro", "44579"),
    ],
)
def test_story_queries_alert_first_on_the_right_entity(
    engine: Clearance, query: str, source_id: str
) -> None:
    result = engine.screen(query)
    assert result.alert
    first = result.matches[0]
    assert (first.list, first.source_id, first.alert) == ("ofac-sdn", source_id, True)
    assert result.snapshot == engine.snapshot.id
    assert result.algorithm and result.algorithm_version


@pytest.mark.parametrize(
    "query", ["Ashot Petrosyan", "Versa Systems s.r.o.", "Alpha Engineering LLP"]
)
def test_story_near_misses_do_not_alert_on_those_entities(engine: Clearance, query: str) -> None:
    result = engine.screen(query)
    story = {"41736", "44544", "44578", "44579"}
    assert not [m for m in result.matches if m.alert and m.source_id in story]


def test_passport_number_finds_the_person_whatever_the_name(engine: Clearance) -> None:
    result = engine.screen("A. Unknown", identifiers=[{"type": "passport", "value": "BD5609822"}])
    assert result.alert and result.matches[0].source_id == "41736"
