"""The customer book: import (CSV, JSONL, Parquet), upsert, replace, remove, errors, atomicity;
on SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import event
from typer.testing import CliRunner

from clearance.batch.columns import ColumnSpec
from clearance.batch.io import BadRecord
from clearance.cli.main import app
from clearance.db import Database
from clearance.errors import ClearanceError, NotFoundError
from clearance.matching.query import make_query
from clearance.monitor import Book, BookCustomer
from clearance.monitor.book import BULK_CACHE_KIB, _changed_since
from clearance.monitor.reading import Stamp, read_customers

CSV = """id,name,type,dob,country,passport,segment
1,Ashot Mkrtichev,person,1966-05-07,SK,BD3843329,retail
2,OOO Verus,organization,,RU,,corporate
3,,person,,,,
4,Jane Doe,person,1999-02-30,,,
2,Duplicate Co,organization,,,,
5,Versor sro,organization,,SK,,
"""


@pytest.fixture
def book(db_url: str) -> Iterator[Book]:
    db = Database(db_url)
    db.upgrade()
    yield Book(db)
    db.dispose()


def test_import_keeps_good_rows_and_lists_bad_ones(book: Book, tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text(CSV, encoding="utf-8")
    spec = ColumnSpec(identifiers=(("passport", "passport"),))
    result = book.import_file(path, spec)
    assert (result.rows, result.inserted, result.errors) == (3, 3, 3)
    lines = path.with_name("book.csv.errors.jsonl").read_bytes().splitlines()
    errors = [orjson.loads(line) for line in lines]
    assert [e["line"] for e in errors] == [4, 5, 6]
    assert "duplicate id (first on line 3)" in errors[2]["reason"]
    customer, seq = book.get("1")
    assert customer.name == "Ashot Mkrtichev" and customer.dob == "1966-05-07"
    assert customer.identifiers == (("passport", "BD3843329"),)
    assert customer.extra == {"segment": "retail"} and seq == 1
    assert book.stats()["customers"] == 3


def test_upsert_changes_only_what_changed_and_replace_removes(book: Book, tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text(
        '{"id": "1", "name": "Ashot Mkrtichev"}\n{"id": "2", "name": "OOO Verus"}\n'
        '{"id": "3", "name": "Versor sro"}\n'
    )
    book.import_file(first)
    second = tmp_path / "b.parquet"
    pq.write_table(pa.table({"id": ["1", "2"], "name": ["Ashot Mkrtichev", "OOO Verus Moscow"]}),
                   second)  # fmt: skip
    result = book.import_file(second)
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 1)
    assert book.get("2")[1] == 2 and book.get("1")[1] == 1  # only the change gets the new seq
    replaced = book.import_file(second, replace=True)
    assert replaced.removed == 1 and replaced.unchanged == 2
    with pytest.raises(NotFoundError):
        book.get("3")
    assert book.remove(["1", "nope"]) == ["nope"]
    assert book.stats()["customers"] == 1


def test_failed_import_leaves_the_book_as_it_was(book: Book, tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text(CSV, encoding="utf-8")
    book.import_file(path)
    before = book.stats()
    path.write_text("id,name\n1,Someone Else\n9,New Person\n10,\n", encoding="utf-8")
    with pytest.raises(ClearanceError, match="cannot write the errors file"):
        # The bad row's errors file cannot be written: the whole import is rolled back.
        book.import_file(path, errors_path=tmp_path / "missing-dir" / "errors.jsonl")
    assert book.stats() == before
    assert book.get("1")[0].name == "Ashot Mkrtichev"
    with pytest.raises(NotFoundError):
        book.get("9")


def test_cli_book_commands(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text(CSV, encoding="utf-8")
    runner = CliRunner()
    home = ["--home", str(tmp_path / "home")]
    done = runner.invoke(app, [*home, "book", "import", str(path), "--json"])
    assert done.exit_code == 0, done.output
    assert orjson.loads(done.output)["inserted"] == 3
    shown = runner.invoke(app, [*home, "book", "show", "2", "--json"])
    assert orjson.loads(shown.output)["name"] == "OOO Verus"
    stats = runner.invoke(app, [*home, "book", "stats"])
    assert "3 customers" in stats.output
    gone = runner.invoke(app, [*home, "book", "remove", "2", "7"])
    assert gone.exit_code == 1 and "not in the book: 7" in gone.output
    missing = runner.invoke(app, [*home, "book", "show", "2"])
    assert missing.exit_code == 1 and "no customer '2' in the book" in missing.output
    no_ids = tmp_path / "noid.csv"
    no_ids.write_text("name\nA\n")
    bad = runner.invoke(app, [*home, "book", "import", str(no_ids)])
    assert bad.exit_code == 1 and "needs customer ids" in bad.output


def test_parallel_import_reads_like_one_process(tmp_path: Path) -> None:
    """Chunks validated in two processes: the same customers, errors and lines as in one."""
    rows = ["id,name,type,dob,country"]
    for i in range(2500):
        name = "" if i % 500 == 7 else f"Customer Number{i} Holding"
        rows.append(f"{i % 2400},{name},organization,,{'SK' if i % 3 else 'ZZ'}")
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    stamp = Stamp(1, datetime(2024, 1, 1, tzinfo=UTC), sqlite=True)
    one = list(read_customers(path, stamp, chunk_rows=300))
    two = list(read_customers(path, stamp, chunk_rows=300, workers=2))
    assert one == two
    bad = [item for item in two if isinstance(item, BadRecord)]
    assert len(one) == 2500 and len(bad) == len({b.line for b in bad}) > 900
    assert any("duplicate id (first on line 3)" in b.reason for b in bad)


def test_book_customer_query_is_the_validated_query() -> None:
    """The stored customer's query (rebuilt without validating again) is make_query's."""
    ids = [{"type": "passport", "value": "BD3843329"}, "X1"]
    query = make_query("Ashot Mkrtichev", type="person", dob="1966-05", country=["SK", "RU"],
                       identifiers=ids, id="c1")  # fmt: skip
    assert BookCustomer.from_query(query, {}).query() == query


def test_customers_written_since_are_read_through_the_seq_index(tmp_path: Path) -> None:
    """A delta run asks for the customers written after its last run: found through the
    ``seq`` index (not by walking the whole book in id order), in id order, and not asked at
    all when nothing was written since."""
    db = Database(f"sqlite:///{tmp_path / 'book.db'}")
    db.upgrade()
    book = Book(db)
    first = tmp_path / "a.csv"
    first.write_text("id,name\nb,Ashot Mkrtichev\nd,OOO Verus\n", encoding="utf-8")
    book.import_file(first)
    second = tmp_path / "b.csv"
    second.write_text("id,name\nc,Versor sro\na,Jane Doe\n", encoding="utf-8")
    book.import_file(second)
    with db.connect() as conn:
        sql = str(_changed_since(1).compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_book_customers_seq" in plan
    assert [(c.id, seq) for c, seq in book.iter_customers(above_seq=1)] == [("a", 2), ("c", 2)]
    assert [c.id for c, _ in book.iter_customers()] == ["a", "b", "c", "d"]
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_a: statements.append(sql))  # fmt: skip
    assert list(book.iter_customers(above_seq=2)) == []
    assert not any("book_customers.name" in s for s in statements)  # only max(seq) was read
    db.dispose()


def test_import_enlarges_sqlite_page_cache_for_its_transaction_only(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'book.db'}")
    db.upgrade()
    seen: list[int] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _watch(conn, cursor, statement, *_args):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO book_customers"):
            seen.append(int(cursor.connection.execute("PRAGMA cache_size").fetchone()[0]))

    path = tmp_path / "book.csv"
    path.write_text(CSV, encoding="utf-8")
    Book(db).import_file(path)
    with db.connect() as conn:
        after = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    db.dispose()
    assert seen and all(size == -BULK_CACHE_KIB for size in seen)
    assert after == -2000  # SQLite's default, on the pooled connection
