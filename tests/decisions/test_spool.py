"""The receipt spool in one process, on SQLite and PostgreSQL: spooled receipts ship in batches
into one verifying chain; a segment left by a dead process ships its complete lines and reports
(and keeps) a partial last line; an unreachable database refuses recording after the limit and
loses nothing; a spooled receipt is read back before it is shipped."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest

from clearance.audit.log import verify
from clearance.audit.receipts import load_receipt, receipt_body
from clearance.audit.spool import ReceiptSpool
from clearance.audit.spool_file import (
    REJECTED,
    encode,
    ship_orphans,
    spool_dir,
    spool_status,
)
from clearance.audit.writer import write_receipts
from clearance.db import Database
from clearance.db.engine import DatabaseUnavailable
from clearance.errors import NotFoundError
from tests.decisions.conftest import Toy
from tests.decisions.dbtools import raw_sql
from tests.pg import _free_port


def bodies(toy: Toy, n: int, tag: str = "") -> list[dict[str, object]]:
    out = []
    for i in range(n):
        result = toy.screen(f"Jane Doe {tag}{i}")
        out.append(receipt_body(result, toy.context, receipt_id=f"{tag}r{i:05d}", actor="svc"))
    return out


def db_url_of(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def stored(db: Database) -> list[str]:
    return [r[0] for r in raw_sql(db_url_of(db), "SELECT id FROM receipts")]


def test_spooled_receipts_ship_in_batches_and_verify(
    db: Database, toy: Toy, tmp_path: Path
) -> None:
    spool = ReceiptSpool(db, spool_dir(tmp_path, db), interval=60)  # ships on flush only
    items = bodies(toy, 120)
    for body in items:
        spool.append(body, "svc")
    assert spool.waiting == 120 and stored(db) == []
    # read back before it is shipped: found in the spool, not in the database
    rid = str(items[7]["receipt"])
    with pytest.raises(NotFoundError):
        load_receipt(db, rid)
    assert load_receipt(db, rid, spool=spool.directory) == items[7]
    assert spool.ship()
    assert sorted(stored(db)) == sorted(str(b["receipt"]) for b in items)
    assert spool.batches == 1 and spool.shipped == 120
    assert load_receipt(db, rid) == items[7]
    assert verify(db).ok
    spool.close()
    assert list(spool.directory.glob("*.spool")) == []  # shipped: the segment is removed


def _dead_segment(
    db: Database, toy: Toy, home: Path, n: int
) -> tuple[Path, list[dict[str, object]]]:
    """A segment of n complete lines and one partial line, its process 'killed' (never shipped,
    its descriptor closed without the spool's close)."""
    spool = ReceiptSpool(db, spool_dir(home, db), interval=60)
    items = bodies(toy, n + 1, "k")
    for body in items[:n]:
        spool.append(body, "svc")
    segment = spool._segment
    assert segment is not None
    line = encode(items[n], "svc")
    os.write(segment.fd, line[: len(line) // 2])  # died inside its write
    segment.close()  # the kernel drops the lock, as for kill -9
    return segment.path, items


def test_partial_tail_ships_the_complete_lines_and_reports_the_partial(
    db: Database, toy: Toy, tmp_path: Path
) -> None:
    path, items = _dead_segment(db, toy, tmp_path, 7)
    status = spool_status(path.parent)
    assert status.orphaned == 7 and status.live == 0
    done = ship_orphans(db, path.parent)
    assert done.receipts == 7 and done.segments == 1
    assert sorted(stored(db)) == sorted(str(b["receipt"]) for b in items[:7])
    assert len(done.rejected) == 1 and "partial last line" in done.rejected[0]
    kept = (path.parent / REJECTED / path.name).read_bytes()
    assert str(items[7]["receipt"]).encode() in kept  # the partial line is kept, not dropped
    assert not path.exists()
    assert spool_status(path.parent).rejected == [path.parent / REJECTED / path.name]
    assert verify(db).ok


def test_a_crash_after_the_commit_does_not_ship_twice(
    db: Database, toy: Toy, tmp_path: Path
) -> None:
    spool = ReceiptSpool(db, spool_dir(tmp_path, db), interval=60)
    items = bodies(toy, 5, "c")
    for body in items:
        spool.append(body, "svc")
    assert spool.ship()
    segment = spool._segment
    assert segment is not None
    offset = segment.path.parent / (segment.path.name + ".shipped")
    offset.unlink()  # the process died after the commit, before writing its offset
    segment.close()
    done = ship_orphans(db, segment.path.parent)
    assert done.receipts == 0 and done.already == 5
    assert len(stored(db)) == 5 and verify(db).ok


def test_database_down_refuses_after_the_limit_and_loses_nothing(
    db: Database, toy: Toy, tmp_path: Path
) -> None:
    down = Database(f"postgresql+psycopg://u@127.0.0.1:{_free_port()}/none")
    directory = spool_dir(tmp_path, db)  # the spool of the real database, its server down
    spool = ReceiptSpool(down, directory, limit=5, max_seconds=3600, interval=60)
    items = bodies(toy, 6, "d")
    for body in items[:5]:
        spool.append(body, "svc")
    assert not spool.ship() and spool.failing  # the database cannot be reached
    with pytest.raises(DatabaseUnavailable, match="recording refused: 5 receipts"):
        spool.append(items[5], "svc")
    spool.close(timeout=1)  # stopped while the database is down: the segment stays
    assert spool_status(directory).orphaned == 5
    done = ship_orphans(db, directory)  # the next start, the database back
    assert done.receipts == 5
    assert sorted(stored(db)) == sorted(str(b["receipt"]) for b in items[:5])
    assert verify(db).ok
    down.dispose()


def test_database_down_refuses_after_the_time_limit(db: Database, toy: Toy, tmp_path: Path) -> None:
    down = Database(f"postgresql+psycopg://u@127.0.0.1:{_free_port()}/none")
    spool = ReceiptSpool(down, spool_dir(tmp_path, db), limit=1000, max_seconds=0.2, interval=60)
    items = bodies(toy, 3, "t")
    spool.append(items[0], "svc")
    assert not spool.ship()
    spool.append(items[1], "svc")  # within the time allowed
    time.sleep(0.3)
    with pytest.raises(DatabaseUnavailable, match="unavailable"):
        spool.append(items[2], "svc")
    spool.close(timeout=1)
    assert ship_orphans(db, spool.directory).receipts == 2
    down.dispose()


def test_a_receipt_the_database_refuses_is_set_aside_and_the_rest_ship(
    db: Database, toy: Toy, tmp_path: Path
) -> None:
    items = bodies(toy, 5, "x")
    write_receipts(db, [(items[2], "svc")])  # its id is taken: the database refuses it again
    spool = ReceiptSpool(db, spool_dir(tmp_path, db), interval=60)
    for body in items:
        spool.append(body, "svc")
    assert spool.ship()
    assert sorted(stored(db)) == sorted(str(b["receipt"]) for b in items)
    assert raw_sql(db_url_of(db), "SELECT count(*) FROM audit_log")[0][0] == 5  # none twice
    (kept,) = spool_status(spool.directory).rejected
    assert b"refused by the database" in kept.read_bytes()
    assert str(items[2]["receipt"]).encode() in kept.read_bytes()
    assert verify(db).ok
    spool.close()


def test_fsync_answers_after_one_shared_fsync(db: Database, toy: Toy, tmp_path: Path) -> None:
    spool = ReceiptSpool(db, spool_dir(tmp_path, db), fsync=True, interval=60)
    items = bodies(toy, 20, "f")
    synced: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        synced.append(fd)
        real(fd)

    async def record_all() -> None:
        await asyncio.gather(*(spool.put(body, "svc") for body in items))

    os.fsync = counting  # type: ignore[assignment]
    try:
        asyncio.run(record_all())
    finally:
        os.fsync = real
    segment = spool._segment
    assert segment is not None and segment.synced == segment.size  # every answer on the disk
    assert 1 <= len(synced) < len(items)  # shared, not one per receipt
    assert spool.ship() and len(stored(db)) == 20
    spool.close()


def test_the_spool_folder_is_the_same_from_the_url_and_from_the_opened_database(
    tmp_path: Path,
) -> None:
    for url in ("postgresql://u:secret@127.0.0.1:5/x", f"sqlite:///{tmp_path}/a.db"):
        opened = Database(url)
        assert spool_dir(tmp_path, url) == spool_dir(tmp_path, opened)
        assert "secret" not in str(spool_dir(tmp_path, url))
        opened.dispose()
    assert spool_dir(tmp_path, "sqlite:///a.db") != spool_dir(tmp_path, "sqlite:///b.db")


def test_a_large_shipped_segment_is_replaced(
    db: Database, toy: Toy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("clearance.audit.spool.ROTATE_BYTES", 1)
    spool = ReceiptSpool(db, spool_dir(tmp_path, db), interval=60)
    items = bodies(toy, 6, "o")
    for body in items[:3]:
        spool.append(body, "svc")
    first = spool._segment
    assert first is not None and spool.ship()
    assert not first.path.exists() and spool._segment is None  # shipped, so removed
    for body in items[3:]:
        spool.append(body, "svc")
    assert spool._segment is not None and spool._segment.path != first.path
    assert spool.ship()
    assert sorted(stored(db)) == sorted(str(b["receipt"]) for b in items)
    assert verify(db).ok
    spool.close()
