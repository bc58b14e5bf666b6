"""Loaders (CSV, BODS) and bad input: one clear line, never a traceback or silent loss."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clearance.graph.blocked import BlockedSets
from clearance.graph.load_bods import read_bods
from clearance.graph.load_csv import read_csv
from clearance.graph.model import Control, OwnershipError, Share
from clearance.graph.network import build_graph, ftm_ownership, to_graphml
from clearance.graph.rules import Regime, Status
from clearance.graph.service import flag_totals
from clearance.graph.universe import Universe, add_ownership

from .conftest import Invoke

TODAY = dt.date(2026, 1, 1)


def listed(text: str) -> bool | None:
    if text.startswith("ofac-sdn-"):
        return text in {"ofac-sdn-1", "ofac-sdn-2"} or False
    return None


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "own.csv"
    path.write_text(text)
    return path


def test_csv_rows_become_holdings(tmp_path: Path) -> None:
    path = write(tmp_path, "owner,owned,share,direct,board_majority,owned_type,date\n"
                 "ofac-sdn-1,Acme Ltd,25-50,indirect,yes,organization,2024-02-01\n"
                 "Acme Ltd,Beta LLC,60 %,,,,\n")  # fmt: skip
    data = read_csv(path, listed, TODAY)
    first, second = data.holdings
    assert (first.owner, first.owned, first.share) == ("ofac-sdn-1", "own-acme-ltd", Share(25, 50))
    assert not first.direct and first.control == {Control.BOARD_MAJORITY}
    assert second.share == Share(60, 60) and second.source == "own.csv"
    assert set(data.nodes) == {"own-acme-ltd", "own-beta-llc"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("ofac-sdn-1,Acme,-5", "line 2: share: negative share"),
        ("ofac-sdn-1,Acme,120", "line 2: share: share over 100 %"),
        ("ofac-sdn-1,Acme,lots", "line 2: share: not a share or band"),
        ("ofac-sdn-9,Acme,10", "line 2: owner: unknown entity id 'ofac-sdn-9'"),
        ("Acme,Acme,10", "line 2: owner: a party cannot hold itself"),
        (",Acme,10", "line 2: owner: empty"),
    ],
)
def test_bad_csv_rows_fail_with_one_clear_line(tmp_path: Path, row: str, message: str) -> None:
    path = write(tmp_path, f"owner,owned,share\n{row}\n")
    with pytest.raises(OwnershipError) as err:
        read_csv(path, listed, TODAY)
    assert message in str(err.value) and str(path) in str(err.value)


def test_bad_header_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(OwnershipError, match="missing column"):
        read_csv(write(tmp_path, "holder,owned\nA,B\n"), listed, TODAY)
    with pytest.raises(OwnershipError, match="no holdings"):
        read_csv(write(tmp_path, "owner,owned\n"), listed, TODAY)


def test_future_dates_and_over_100_percent_are_flagged_not_lost(tmp_path: Path) -> None:
    path = write(tmp_path, "owner,owned,share,date\nofac-sdn-1,Acme,70,2030-01-01\n"
                 "ofac-sdn-2,Acme,60,2020-01-01\n")  # fmt: skip
    data = read_csv(path, listed, TODAY)
    flag_totals(data)
    assert any("over 100 %" in f for f in data.flags)
    assert "future date 2030-01-01: not counted" in data.holdings[0].flags
    u = Universe()
    for i, entity in enumerate(["ofac-sdn-1", "ofac-sdn-2"]):
        u.lists[u.add(entity, entity)] = "ofac-sdn"
        assert u.index[entity] == i
    add_ownership(u, data.nodes.values(), data.holdings)
    bs = BlockedSets.compute(u)
    assert bs.status("own-acme", Regime.OFAC) is Status.BLOCKED
    assert bs.verdict("own-acme", Regime.OFAC).total == (60.0, 60.0)  # the future 70 % not yet


def test_bods_samples(data_dir: Path) -> None:
    folder = data_dir / "ownership" / "bods"
    joint = read_bods(folder / "joint-ownership.json", TODAY)
    assert joint.nodes["bods-91b4236a7d89"].kind == "arrangement"
    assert {(h.owner, h.owned, h.share.lo) for h in joint.holdings} == {
        ("bods-91b4236a7d89", "bods-31c55e425764", 100.0),
        ("bods-1accb8b18b99", "bods-91b4236a7d89", 50.0),
        ("bods-f040df24d9ec", "bods-91b4236a7d89", 50.0),
    }
    indirect = read_bods(folder / "indirect-ownership.json", TODAY)
    summary = next(h for h in indirect.holdings if not h.direct)
    assert summary.share == Share(30, 30) and summary.summary and summary.via
    tecido = read_bods(folder / "tecido.json", TODAY)  # stakes change over time: latest wins
    shares = {h.owner: h.share.lo for h in tecido.holdings}
    assert shares == {"bods-033E84672B": 80.0}  # Maria Esteves's record closed in 2023
    assert any(Control.VOTING_RIGHTS in h.control for h in tecido.holdings)
    band = read_bods(folder / "bods-package-entity-owning-entity.json", TODAY)
    assert band.holdings[0].share == Share(75, 100)


def test_bods_joint_holding_under_each_regime(data_dir: Path) -> None:
    data = read_bods(data_dir / "ownership" / "bods" / "joint-ownership.json", TODAY)
    u = Universe()
    add_ownership(u, data.nodes.values(), data.holdings)
    u.lists[u.index["bods-1accb8b18b99"]] = "ofac-sdn"  # Natalie Coleman designated
    bs = BlockedSets.compute(u)
    for regime in Regime:  # 50 % of the arrangement: OFAC/EU 50 % or more; UK joint holding
        assert bs.status("bods-31c55e425764", regime) is Status.BLOCKED, regime
    records = list(ftm_ownership(u))
    assert {r["schema"] for r in records} >= {"Ownership", "Company", "Person", "LegalEntity"}
    assert "<graphml" in to_graphml(build_graph(u))


def test_bad_bods(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('[{"recordId": "r1", "recordType": "relationship", "recordDetails": '
                    '{"subject": "x", "interestedParty": "y", "interests": []}}]')  # fmt: skip
    with pytest.raises(OwnershipError, match="relationship r1: subject: unknown record 'x'"):
        read_bods(path, TODAY)
    path.write_text("{not json")
    with pytest.raises(OwnershipError, match="not JSON"):
        read_bods(path, TODAY)


def test_cli_load_errors_are_one_line(cli: Invoke, tmp_path: Path) -> None:
    bad = write(tmp_path, "owner,owned,share\nofac-sdn-44579,Acme,-3\n")
    result = cli("ownership", "load", str(bad))
    assert result.exit_code == 1
    assert "share: negative share" in result.stderr and "Traceback" not in result.output
    unknown = write(tmp_path, "owner,owned,share\nofac-sdn-99999999,Acme,3\n")
    result = cli("ownership", "load", str(unknown))
    assert "unknown entity id 'ofac-sdn-99999999'" in result.stderr
    assert cli("exposure", "nobody at all xq", "--json").exit_code == 1
