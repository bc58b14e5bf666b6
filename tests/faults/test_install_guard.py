"""The install guard, on the real files: a cut sdn.csv, an OFAC folder without alt.csv and a
junk UN file are refused by ``load`` with what is missing and how to force it; the active
snapshot stays; ``--allow-shrink`` installs with warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clearance.cli.main import app
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources import read_path
from tests.conftest import DATA
from tests.faults import hostile

SDN_2021 = DATA / "ofac" / "sdn_csv_2021-07-07"


def installed(home: Path, path: Path) -> str:
    """Install ``path`` as the active snapshot directly (no matcher index: quick)."""
    store = SnapshotStore(Settings(home=home))
    return store.install([read_path(path)]).id


def run(home: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["--home", str(home), *args])


def active(home: Path) -> str | None:
    path = home / "ACTIVE"
    return path.read_text().strip() if path.exists() else None


def ofac_folder(folder: Path, *, cut_at: float | None = None, drop: str = "") -> Path:
    """The 2021-07-07 SDN set (links to the real files), ``sdn.csv`` cut at a line boundary
    ``cut_at`` of the way through, or without the file ``drop``."""
    folder.mkdir()
    for source in SDN_2021.iterdir():
        if source.name == drop:
            continue
        if source.name == "sdn.csv" and cut_at is not None:
            data = source.read_bytes()
            end = data.index(b"\n", int(len(data) * cut_at)) + 1
            (folder / source.name).write_bytes(data[:end])
        else:
            (folder / source.name).symlink_to(source)
    return folder


@pytest.fixture(autouse=True)
def _home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLEARANCE_HOME", raising=False)


def test_sdn_cut_at_a_line_boundary(tmp_path: Path) -> None:
    home = tmp_path / "home"
    before = installed(home, ofac_folder(tmp_path / "full"))
    cut = ofac_folder(tmp_path / "cut", cut_at=0.43)
    refused = run(home, "load", str(cut))
    assert refused.exit_code == 1
    message = " ".join(refused.output.split())
    assert "sdn.csv does not end with OFAC's end-of-file byte 0x1A" in message
    assert "ofac-sdn: entities down from 8,976 to" in message
    assert "aliases down from" in message and "--allow-shrink" in message
    assert "Traceback" not in refused.output
    assert active(home) == before  # nothing installed
    forced = run(home, "load", "--allow-shrink", "--json", str(cut))
    assert forced.exit_code == 0, forced.output
    report = json.loads(forced.stdout)
    assert report["snapshot"] != before and active(home) == report["snapshot"]
    assert any("0x1A (cut short?) (allowed by --allow-shrink)" in w for w in report["warnings"])


def test_ofac_folder_without_alt_csv(tmp_path: Path) -> None:
    home = tmp_path / "home"
    refused = run(home, "load", str(ofac_folder(tmp_path / "no-alt", drop="alt.csv")))
    assert refused.exit_code == 1
    message = " ".join(refused.output.split())
    assert "alt.csv is missing from the set (its aliases would be lost)" in message
    assert "--allow-shrink" in message and active(home) is None


def test_junk_un_xml_after_the_real_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    before = installed(home, hostile.UN_XML)
    data = hostile.UN_XML.read_bytes()
    first = data.index(b"</INDIVIDUAL>") + len(b"</INDIVIDUAL>")
    end = data.index(b"</INDIVIDUALS>")
    junk = tmp_path / "junk" / "consolidated.xml"
    junk.parent.mkdir()
    junk.write_bytes(
        data[:first]
        + hostile.junk(4 << 20)
        + data[end : data.index(b"<ENTITIES>")]
        + b"</CONSOLIDATED_LIST>"
    )
    refused = run(home, "load", str(junk))
    assert refused.exit_code == 1
    message = " ".join(refused.output.split())
    assert "un: entities down from 1,003 to 1" in message, message
    assert active(home) == before
