"""run_batch end to end on a real (small) home: order, errors, formats, detail and resume."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import clearance
from clearance.batch import (
    BatchConfig,
    BatchInputError,
    CheckpointError,
    ColumnSpec,
    ResultOptions,
    checkpoint_path,
    run_batch,
)
from clearance.batch.progress import NullProgress
from clearance.model import Entity, Name, Schema
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore
from clearance.sources.base import ParsedList
from tests.batch.homes import customer_rows, write_csv

BAD_ROWS = (
    "b1,,person\n"
    "b2,Bad Date,person\n"  # dob column below makes this one bad
    "b3,Unknown Type,robot\n"
    "b4,too,many,columns\n"
    'b5,"never closed,person\n'
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture(scope="module")
def customers(tmp_path_factory: pytest.TempPathFactory, listed_names: list[str]) -> Path:
    path = tmp_path_factory.mktemp("in") / "customers.csv"
    return write_csv(path, customer_rows(600, listed_names))


def config(src: Path, out: Path, **kwargs: Any) -> BatchConfig:
    kwargs.setdefault("chunk_rows", 100)
    return BatchConfig(input=src, output=out, **kwargs)


def test_rows_in_order_bad_rows_in_errors_file(tmp_path: Path, batch_settings: Settings) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        "id,name,type,dob\n"
        "g1,Ashot Mkrtychev,person,1966-05-07\n"
        "b1,,person,\n"
        "b2,Bad Date,person,1966-13-45\n"
        "g2,Vladimir Putin,,\n"
        "b3,Unknown Type,robot,\n"
        "b4,too,many,columns,here\n"
        'b5,"never closed,person,\n'
        "g3,Zzyzx Qwertyuiop,person,\n",
        encoding="utf-8",
    )
    summary = run_batch(config(src, tmp_path / "out.csv"), batch_settings)
    rows = read_csv(tmp_path / "out.csv")
    assert [r["id"] for r in rows] == ["g1", "g2", "g3"]
    assert [r["alert"] for r in rows] == ["true", "true", "false"]
    assert rows[0]["entity_id"] == "ofac-sdn-41736" and rows[0]["list"] == "ofac-sdn"
    errors = read_jsonl(tmp_path / "out.csv.errors.jsonl")
    assert [(e["line"], e.get("id")) for e in errors] == [
        (3, "b1"), (4, "b2"), (6, "b3"), (7, None), (8, None)
    ]  # fmt: skip
    assert "name is empty" in errors[0]["reason"] and "invalid date" in errors[1]["reason"]
    assert "expected 4 columns, found 5" in errors[3]["reason"]
    assert "broken quoting" in errors[4]["reason"]
    assert errors[4]["raw"] == 'b5,"never closed,person,'
    assert (summary.rows, summary.screened, summary.errors, summary.alerts) == (8, 3, 5, 2)
    ckpt = orjson.loads(checkpoint_path(tmp_path / "out.csv").read_bytes())
    assert ckpt["status"] == "done" and ckpt["snapshot"] == summary.snapshot
    assert ckpt["committed"]["offset"] == src.stat().st_size


def test_results_equal_one_by_one_screen_calls(
    tmp_path: Path, customers: Path, batch_home: Path, batch_settings: Settings
) -> None:
    run_batch(config(customers, tmp_path / "out.csv", workers=2), batch_settings)
    rows = read_csv(tmp_path / "out.csv")
    inputs = read_csv(customers)
    assert [r["id"] for r in rows] == [r["id"] for r in inputs]
    engine = clearance.open(batch_home)
    for given, got in list(zip(inputs, rows, strict=True))[::7]:
        result = engine.screen(given["name"], type=given["type"] or None)
        best = result.matches[0] if result.matches else None
        assert got["alert"] == ("true" if result.alert else "false")
        assert got["entity_id"] == (best.entity_id if best else "")
        assert got["score"] == (str(round(best.score, 4)) if best else "")
    assert any(r["alert"] == "true" for r in rows)


def test_multiprocess_output_is_byte_identical(
    tmp_path: Path, customers: Path, batch_settings: Settings
) -> None:
    one = run_batch(config(customers, tmp_path / "one.csv", workers=1), batch_settings)
    two = run_batch(config(customers, tmp_path / "two.csv", workers=2), batch_settings)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert one.alerts == two.alerts and two.workers == 2


def test_jsonl_and_parquet_hold_the_csv_results(
    tmp_path: Path, customers: Path, batch_settings: Settings
) -> None:
    run_batch(config(customers, tmp_path / "out.csv"), batch_settings)
    run_batch(config(customers, tmp_path / "out.jsonl"), batch_settings)
    pq.write_table(pa.Table.from_pylist(read_csv(customers)), tmp_path / "in.parquet")
    run_batch(config(tmp_path / "in.parquet", tmp_path / "out.parquet"), batch_settings)
    as_csv = read_csv(tmp_path / "out.csv")
    as_json = read_jsonl(tmp_path / "out.jsonl")
    as_parquet = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert not (tmp_path / "out.parquet.parts").exists()
    assert len(as_csv) == len(as_json) == len(as_parquet) == 600
    for c, j, p in zip(as_csv, as_json, as_parquet, strict=True):
        assert j == p
        assert c["id"] == j["id"] and c["entity_id"] == (j["entity_id"] or "")
        assert c["score"] == ("" if j["score"] is None else str(j["score"]))


def test_detail_gives_top_k_matches_with_reasons(tmp_path: Path, batch_settings: Settings) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Ashot Mkrtychev\n2,Zzyzx Qwertyuiop\n", encoding="utf-8")
    result = ResultOptions(top_k=3, detail=True)
    run_batch(config(src, tmp_path / "d.jsonl", result=result), batch_settings)
    first, second = read_jsonl(tmp_path / "d.jsonl")
    assert first["alert"] and 1 <= len(first["matches"]) <= 3
    assert first["matches"][0]["entity_id"] == "ofac-sdn-41736"
    assert first["matches"][0]["features"] and first["matches"][0]["features"][0]["reason"]
    assert first["algorithm_version"] and first["snapshot"]
    assert second["matches"] == [] or not second["alert"]
    run_batch(config(src, tmp_path / "d.parquet", result=result), batch_settings)
    nested = pq.read_table(tmp_path / "d.parquet").to_pylist()
    assert nested[0]["matches"][0]["features"] == first["matches"][0]["features"]
    with pytest.raises(BatchInputError, match="--detail"):
        run_batch(config(src, tmp_path / "d.csv", result=result), batch_settings)


class InterruptAfter(NullProgress):
    """Simulates Ctrl-C after ``chunks`` committed chunks."""

    def __init__(self, chunks: int) -> None:
        self.left = chunks

    def advance(self, consumed: int, rows: int, alerts: int, errors: int) -> None:
        self.left -= 1
        if self.left == 0:
            raise KeyboardInterrupt


def test_interrupted_run_resumes_to_the_same_output(
    tmp_path: Path, customers: Path, batch_settings: Settings
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(customers.read_bytes() + BAD_ROWS.encode())
    reference = run_batch(config(src, tmp_path / "ref.csv"), batch_settings)
    out = tmp_path / "out.csv"
    with pytest.raises(KeyboardInterrupt):
        run_batch(config(src, out, workers=2), batch_settings, InterruptAfter(3))
    committed = orjson.loads(checkpoint_path(out).read_bytes())["committed"]
    assert committed["rows"] == 300 and committed["chunk"] == 3
    with out.open("ab") as handle:  # a torn write after the last commit
        handle.write(b"c999,half a ro")
    with pytest.raises(CheckpointError, match="unfinished run.*--resume"):
        run_batch(config(src, out), batch_settings)
    summary = run_batch(config(src, out, workers=2, resume=True), batch_settings)
    assert summary.resumed_from == 300 and summary.session_rows == 305
    assert out.read_bytes() == (tmp_path / "ref.csv").read_bytes()
    errors = (tmp_path / "out.csv.errors.jsonl").read_bytes()
    assert errors == (tmp_path / "ref.csv.errors.jsonl").read_bytes()
    assert (summary.rows, summary.errors, summary.alerts) == (
        reference.rows, reference.errors, reference.alerts
    )  # fmt: skip
    again = run_batch(config(src, out, resume=True), batch_settings)
    assert again.already_done and out.read_bytes() == (tmp_path / "ref.csv").read_bytes()


def interrupted_run(
    tmp_path: Path, batch_home: Path, customers: Path
) -> tuple[Settings, Path, Path]:
    """A copy of the batch home and a run into ``out.csv`` interrupted after one chunk."""
    home = tmp_path / "home"
    shutil.copytree(batch_home, home)
    settings = Settings(home=home)
    src = tmp_path / "in.csv"
    shutil.copy(customers, src)
    out = tmp_path / "out.csv"
    with pytest.raises(KeyboardInterrupt):
        run_batch(config(src, out), settings, InterruptAfter(1))
    return settings, src, out


def test_resume_refuses_changed_snapshot_options_or_input(
    tmp_path: Path, batch_home: Path, customers: Path
) -> None:
    settings, src, out = interrupted_run(tmp_path, batch_home, customers)
    with pytest.raises(CheckpointError, match="threshold"):
        run_batch(config(src, out, resume=True, result=ResultOptions(threshold=0.9)), settings)
    extra = Entity(list="extra", source_id="1", schema=Schema.PERSON, names=(Name("Zed Extra"),))
    SnapshotStore(settings).install([ParsedList("extra", "test", [extra], [])])
    with pytest.raises(CheckpointError, match="active snapshot changed"):
        run_batch(config(src, out, resume=True), settings)
    with src.open("a", encoding="utf-8") as handle:
        handle.write("c-new,New Row,\n")
    with pytest.raises(CheckpointError, match="input file changed"):
        run_batch(config(src, out, resume=True), settings)


def test_column_options_reach_the_query(tmp_path: Path, batch_settings: Settings) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"ref": "x1", "full_name": "Ashot Mkrtychev", "born": "1966-05-07", "pp": "BD3843329"}\n'
        '{"ref": "x2", "full_name": "Ashot Mkrtychev", "born": "1931"}\n',
        encoding="utf-8",
    )
    spec = ColumnSpec(id="ref", name="full_name", dob="born", identifiers=(("pp", "passport"),))
    run_batch(config(src, tmp_path / "o.jsonl", columns=spec), batch_settings)
    same, other = read_jsonl(tmp_path / "o.jsonl")
    assert same["id"] == "x1" and same["entity_id"] == "ofac-sdn-41736"
    assert same["score"] > other["score"]


def test_parquet_output_resumes_from_its_part_files(
    tmp_path: Path, customers: Path, batch_settings: Settings
) -> None:
    run_batch(config(customers, tmp_path / "ref.parquet"), batch_settings)
    out = tmp_path / "out.parquet"
    with pytest.raises(KeyboardInterrupt):
        run_batch(config(customers, out), batch_settings, InterruptAfter(2))
    parts = tmp_path / "out.parquet.parts"
    assert sorted(p.name for p in parts.iterdir()) == ["part-000000.parquet", "part-000001.parquet"]
    (parts / "part-000002.parquet").write_bytes(b"torn")  # a part written after the last commit
    run_batch(config(customers, out, resume=True), batch_settings)
    assert pq.read_table(out).to_pylist() == pq.read_table(tmp_path / "ref.parquet").to_pylist()
    assert not parts.exists()


def test_a_run_that_cannot_resume_says_how_to_start_over(
    tmp_path: Path, batch_home: Path, customers: Path
) -> None:
    """After a snapshot change, --resume is refused with the way out; following it works
    (no loop between "cannot resume" and "pass --resume")."""
    settings, src, out = interrupted_run(tmp_path, batch_home, customers)
    extra = Entity(list="extra", source_id="1", schema=Schema.PERSON, names=(Name("Zed Extra"),))
    SnapshotStore(settings).install([ParsedList("extra", "test", [extra], [])])
    with pytest.raises(CheckpointError) as refused:
        run_batch(config(src, out, resume=True), settings)
    message = refused.value.message
    assert "active snapshot changed" in message and "without --resume" in message
    checkpoint = Path(message.split("delete the checkpoint ", 1)[1].split(" and run", 1)[0])
    assert checkpoint.is_file()
    checkpoint.unlink()
    summary = run_batch(config(src, out), settings)
    assert summary.rows > 0 and not summary.resumed_from
