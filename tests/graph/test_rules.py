"""The three regimes on small graphs that state the law's own examples."""

from __future__ import annotations

import pytest

from clearance.graph.blocked import BlockedSets, became_blocked
from clearance.graph.model import Control
from clearance.graph.rules import Regime, Status

from .helpers import sets, universe

B, C, N = Status.BLOCKED, Status.CANNOT_TELL, Status.NOT_BLOCKED
SDN = "ofac-sdn"


def statuses(bs: BlockedSets, node: str) -> tuple[Status, Status, Status]:
    return tuple(bs.status(node, r) for r in (Regime.OFAC, Regime.EU, Regime.UK))  # type: ignore[return-value]


def test_ofac_whole_stakes_not_multiplied_along_chains() -> None:
    # OFAC 2014 guidance: X owns 50 % of A and of B; A and B own 25 % each of C -> C blocked.
    bs = sets({"x": SDN}, [("x", "a", "50"), ("x", "b", "50"), ("a", "c", "25"), ("b", "c", "25")])
    assert bs.status("a", Regime.OFAC) is B
    assert bs.status("c", Regime.OFAC) is B
    verdict = bs.verdict("c", Regime.OFAC)
    assert verdict.total == (50.0, 50.0)
    assert len(verdict.paths) == 2
    assert {p[0].owner for p in verdict.paths} == {"x"}
    assert [len(p) for p in verdict.paths] == [2, 2]
    # UK: X's 50 % is not more than 50 %: A and B are not owned by X, nor is C.
    assert bs.status("a", Regime.UK) is N and bs.status("c", Regime.UK) is N


def test_aggregation_across_designated_persons_ofac_eu_but_not_uk() -> None:
    bs = sets({"v": SDN, "w": SDN}, [("v", "t", "30"), ("w", "t", "25")])
    assert statuses(bs, "t") == (B, B, N)
    assert bs.verdict("t", Regime.OFAC).total == (55.0, 55.0)
    uk = bs.verdict("t", Regime.UK)
    assert "30 %" in uk.reason and "not added" in uk.reason


def test_below_threshold_and_exact_threshold() -> None:
    bs = sets({"v": SDN}, [("v", "t", "49.9"), ("v", "u", "50"), ("v", "w", "50.1")])
    assert statuses(bs, "t") == (N, N, N)
    assert statuses(bs, "u") == (B, B, N)  # UK needs more than 50 %
    assert statuses(bs, "w") == (B, B, B)


def test_control_alone_blocks_under_eu_and_uk_not_ofac() -> None:
    bs = sets({"v": SDN}, [("v", "t", "-", {Control.BOARD_MAJORITY}),
                           ("v", "s", "10", {Control.SIGNIFICANT_INFLUENCE})])  # fmt: skip
    assert statuses(bs, "t") == (N, B, B)
    assert statuses(bs, "s") == (N, B, B)
    assert "board majority" in bs.verdict("t", Regime.EU).reason


def test_band_or_missing_share_that_could_tip_is_cannot_tell() -> None:
    bs = sets({"v": SDN}, [("v", "t", "25-50"), ("v", "u", ""), ("v", "s", "10-40")])
    assert bs.status("t", Regime.OFAC) is C
    assert bs.status("u", Regime.OFAC) is C
    assert bs.status("s", Regime.OFAC) is N  # cannot reach 50 %
    verdict = bs.verdict("t", Regime.OFAC)
    assert verdict.reason.startswith("OFAC: cannot tell") and verdict.paths
    assert bs.status("t", Regime.UK) is N  # at most 50 %, not more


def test_uk_adds_holdings_of_entities_a_person_controls() -> None:
    # D holds 30 % of X and owns 60 % of E, which holds 25 % of X: 55 % for D.
    bs = sets({"d": SDN}, [("d", "x", "30"), ("d", "e", "60"), ("e", "x", "25")])
    assert bs.status("x", Regime.UK) is B
    verdict = bs.verdict("x", Regime.UK)
    assert {len(p) for p in verdict.paths} == {1, 2}


def test_uk_joint_holding_counts_for_each_joint_holder() -> None:
    bs = sets({"p": SDN}, [("p", "joint", "50"), ("q", "joint", "50"), ("joint", "co", "100")],
              kinds={"joint": "arrangement"})  # fmt: skip
    assert statuses(bs, "co") == (B, B, B)


def test_cycles_reach_a_fixed_point() -> None:
    bs = sets({}, [("a", "b", "60"), ("b", "a", "60")])
    assert statuses(bs, "a") == (N, N, N)
    bs = sets({"s": SDN}, [("s", "a", "50"), ("a", "b", "60"), ("b", "a", "40"), ("b", "c", "30")])
    assert statuses(bs, "a") == (B, B, N)  # UK: 50 % is not more than 50 %; b's 40 % counts
    assert statuses(bs, "b") == (B, B, N)  # for s only if s controls b, which needs a: no
    assert statuses(bs, "c") == (N, N, N)


def test_scope_own_lists_only() -> None:
    u = universe({"v": "uk"}, [("v", "t", "60")])
    assert BlockedSets.compute(u, scope="all").status("t", Regime.OFAC) is B
    u = universe({"v": "uk"}, [("v", "t", "60")])
    own = BlockedSets.compute(u, scope="own")
    assert own.status("t", Regime.OFAC) is N and own.status("t", Regime.UK) is B


def test_non_sdn_consolidated_list_blocks_nothing() -> None:
    bs = sets({"v": "ofac-cons"}, [("v", "t", "100")])
    assert statuses(bs, "t") == (N, N, N)


@pytest.mark.parametrize("seed", ["a", "b", "m"])
def test_incremental_designation_equals_recompute(seed: str) -> None:
    holdings = [("s", "a", "30"), ("a", "b", "60"), ("m", "a", "25"), ("b", "c", "25-55"),
                ("m", "c", "-", {Control.BOARD_MAJORITY}), ("c", "a", "10")]  # fmt: skip
    before = sets({"s": SDN}, holdings)
    incremental = sets({"s": SDN}, holdings)
    changed = incremental.designate(seed, SDN)
    fresh = sets({"s": SDN, seed: SDN}, holdings)
    for regime in Regime:
        for node in ["a", "b", "c", "m", "s"]:
            assert incremental.status(node, regime) is fresh.status(node, regime), (regime, node)
        assert changed[regime] == {
            n for n in ["a", "b", "c", "m", "s"]
            if before.status(n, regime) is not fresh.status(n, regime)
        }  # fmt: skip
    news = became_blocked(before, fresh)
    assert all(c.node != seed for c in news)
