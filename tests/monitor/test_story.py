"""The story end to end, and the exactness of the delta re-screen (on the same session run)."""

from __future__ import annotations

from pathlib import Path

import orjson
from typer.testing import CliRunner

from clearance.app import load_screener
from clearance.cli.main import app
from clearance.db import open_database
from clearance.monitor import Book, full_screen, verify
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from tests.monitor.conftest import PLANTED, SECRET, Story

EXPECTED = {
    "story-verus": "ofac-sdn-44544",
    "story-defense": "ofac-sdn-44578",
    "story-versor": "ofac-sdn-44579",
    "story-ashot": "ofac-sdn-41736",
}


def _pairs(run: dict[str, object]) -> set[tuple[str, str]]:
    alerts = run["alerts"]
    assert isinstance(alerts, list)
    return {(a["customer_id"], a["entity_id"]) for a in alerts}


def test_none_on_2021_then_all_four_on_2023(story: Story) -> None:
    first, second, third = story.runs
    assert first["mode"] == "full" and first["customers_screened"] == len(story.book)
    assert not {c for c, _ in _pairs(first)} & EXPECTED.keys()
    assert second["mode"] == "delta"
    by_customer = {a["customer_id"]: a for a in second["alerts"] if a["customer_id"] in EXPECTED}
    for customer, entity in EXPECTED.items():
        alert = by_customer[customer]
        assert alert["entity_id"] == entity
        assert alert["cause"].startswith("new designation")
        assert "ofac-sdn version" in alert["cause"]  # the legacy CSV publishes no listing date
        assert alert["snapshot"] == second["snapshot"] and alert["list_version"]
        assert alert["reasons"] and alert["reasons"][0]["name"] == "name_similarity"
    # Nothing new: nothing raised twice.
    assert third["mode"] == "idle" and third["new_alerts"] == 0


def test_webhook_received_the_alerts_signed(story: Story) -> None:
    bodies = story.receiver.bodies
    assert bodies and all(verify(body, SECRET, sig) for body, sig in bodies)
    received = {(a["customer_id"], a["entity_id"]) for a in story.receiver.alerts()}
    assert _pairs(story.runs[0]) | _pairs(story.runs[1]) == received
    assert set(EXPECTED.items()) <= received


def test_delta_equals_full_rescreen_difference(story: Story) -> None:
    settings = Settings(home=story.home)
    store = SnapshotStore(settings)
    new = store.get(story.runs[1]["snapshot"])
    customers = [c for c, _ in Book(open_database(settings)).iter_customers()]
    assert len(customers) == len(story.book)  # 100,000 unless CLEARANCE_TEST_STORY_SIZE says
    full_new = full_screen(load_screener(new, settings), customers, settings.threshold, workers=2)
    full_old = _pairs(story.runs[0])  # the first run was a full screening on 2021-07-07
    expected = set(full_new) - full_old
    assert _pairs(story.runs[1]) == expected
    planted = {c for c, _ in expected if c.startswith("p")}
    assert len(planted) >= PLANTED // 10  # planted variants of new listings were found


def test_changed_customer_is_screened_alone(story: Story, tmp_path: Path) -> None:
    path = tmp_path / "more.csv"
    path.write_text("id,name,type,country\nstory-new,Versor s.r.o.,organization,SK\n")
    runner = CliRunner()
    home = ["--home", str(story.home)]
    assert runner.invoke(app, [*home, "book", "import", str(path)]).exit_code == 0
    done = runner.invoke(app, [*home, "monitor", "--json", "--fail-on-alert"])
    assert done.exit_code == 3, done.output
    run = orjson.loads(done.output)
    assert run["customers_screened"] == 1 and run["entities_screened"] == 0
    assert [(a["customer_id"], a["entity_id"], a["cause"]) for a in run["alerts"]] == [
        ("story-new", "ofac-sdn-44579", "customer new or changed")
    ]
