"""benchmarks/population_alerts.py on a tiny sample: its tables and JSON fields (not timed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "population_alerts.py"
LOCALES = ("ar_AA", "ko_KR")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("pop") / "figures.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CLEARANCE_TEST_DATA": str(data_dir)}
    args = ["--per", "3", "--seeds", "3000,3100", "--locales", ",".join(LOCALES),
            "--baseline-per", "2", "--json", str(out)]  # fmt: skip
    done = subprocess.run([sys.executable, str(SCRIPT), *args], env=env, capture_output=True,
                          text=True, timeout=600, check=True)  # fmt: skip
    return done.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_json_counts_every_name_once_per_grouping(run: tuple[str, dict]) -> None:
    _text, figures = run
    assert figures["algorithm"] == "clearance-logic"
    assert figures["algorithm_version"].startswith("1.")
    assert figures["seeds"] == [3000, 3100] and figures["per"] == 3
    assert len(figures["load_before"]) == 3 and len(figures["load_after"]) == 3
    # two seeds x three names per locale, less any dropped as listed names
    assert 0 < figures["names"] <= 2 * 3 * len(LOCALES)
    for kind in ("locale", "script"):
        rows = figures[kind]["rows"]
        assert sum(r["names"] for r in rows) == figures["names"]
        assert sum(r["alerts"] for r in rows) == figures["alerts"]
        for row in rows:
            assert row["low"] <= row["rate"] <= row["high"]
            assert 0 <= row["namesakes_at_1"] <= row["alerts"]
            assert 0.0 <= row["rate_apart"] <= 1.0
            assert 0 <= row["namesakes"] <= row["names"]
            assert 0 <= row["alerts_apart"] <= row["alerts"]
            kept = max(1, row["names"] - row["namesakes"])
            assert row["rate_apart"] == row["alerts_apart"] / kept
        assert sum(r["namesakes"] for r in rows) == figures["namesakes"]
        assert sum(r["alerts_apart"] for r in rows) == figures["alerts_apart"]
        worst = figures[kind]["worst"]
        rate_of = {r["population"]: r["rate"] for r in rows}
        sized = [r for r in rows if r["names"] >= 100] or rows  # tiny: every population
        high_of = {r["population"]: r["high"] for r in sized}
        assert rate_of[worst["by_rate"]] == max(rate_of.values())
        assert high_of[worst["by_upper"]] == max(high_of.values())
        apart_of = {r["population"]: r["rate_apart"] for r in rows}
        assert apart_of[worst["namesakes_apart"]] == max(apart_of.values())
    assert {r["population"] for r in figures["locale"]["rows"]} == set(LOCALES)
    base = figures["baseline"]
    assert base["names"] == 2 * len(LOCALES)
    assert 0.8 <= base["threshold"] <= 1.0
    assert sum(r["names"] for r in base["scripts"]) == base["names"]
    for row in base["scripts"]:  # alerts fall as the threshold rises
        at = base["sweep"][row["population"]]
        assert at["0.80"] >= at["0.85"] >= at["0.90"]


def test_tables_name_populations_and_intervals(run: tuple[str, dict]) -> None:
    text, figures = run
    for header in ("False alerts per locale", "False alerts per script", "Wilson 95 %",
                   "namesakes at 1.00", "namesakes apart", "alerts, namesakes apart",
                   "the <= 2 % target is judged so", "rapidfuzz brute force"):  # fmt: skip
        assert header in text
    assert f"worst locale by rate: {figures['locale']['worst']['by_rate']}" in text
    assert f"worst script by rate: {figures['script']['worst']['by_rate']}" in text
    assert figures["algorithm_version"] in text
    assert "load average" in text


def test_wilson_interval() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from population_alerts import wilson

    low, high = wilson(1, 94)  # bench_heldout's ~94 names per locale: one alert is 1.1 %
    assert low < 0.011 < high and high > 0.05
    low, high = wilson(0, 1000)
    assert low == 0.0 and 0.003 < high < 0.004
    low, high = wilson(480, 30000)  # 1.6 % of 30,000: a narrow interval
    assert 0.0145 < low < 0.016 < high < 0.0175


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--seeds", "abc"], "whole numbers"),
        (["--seeds", ","], "names no seed"),
        (["--locales", "xx_YY"], "not a bench_heldout locale"),
    ],
)
def test_bad_arguments_are_refused_clearly(args: list[str], says: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, str(SCRIPT), *args], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
