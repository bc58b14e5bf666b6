"""A batch row whose name has nothing screenable goes to the errors file with the reason."""

from __future__ import annotations

from pathlib import Path

import orjson

from clearance.batch import BatchConfig, run_batch
from clearance.settings import Settings


def test_rows_with_nothing_to_screen_are_errors(tmp_path: Path, batch_settings: Settings) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        "id,name\ng1,Ashot Mkrtychev\nb1,LLC\nb2,ООО\nb3,...\nb4,\u200b\n", encoding="utf-8"
    )
    run_batch(BatchConfig(input=src, output=tmp_path / "out.csv"), batch_settings)
    rows = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[0] for r in rows[1:]] == ["g1"]
    errors = [
        orjson.loads(x) for x in (tmp_path / "out.csv.errors.jsonl").read_bytes().splitlines()
    ]
    assert [e.get("id") for e in errors] == ["b1", "b2", "b3", "b4"]
    reasons = [e["reason"] for e in errors]
    assert all("only a legal form" in r for r in reasons[:2])
    assert all("no letters or digits" in r for r in reasons[2:])
