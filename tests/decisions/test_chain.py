"""The hash chain, pure: every kind of tampering is reported at the first row it touches."""

from __future__ import annotations

from clearance.audit.chain import (
    GENESIS,
    Head,
    RowTuple,
    canonical,
    row_hash,
    sha256_hex,
    verify_rows,
)


def chain(n: int) -> list[RowTuple]:
    rows: list[RowTuple] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        body = canonical({"n": seq, "text": f"row {seq}"}).decode()
        body_sha = sha256_hex(body.encode())
        at = f"2026-01-01T00:00:{seq:02d}+00:00"
        digest = row_hash(seq, "case", str(seq), "ana", at, body_sha, prev)
        rows.append((seq, "case", str(seq), "ana", at, body, body_sha, prev, digest))
        prev = digest
    return rows


def test_intact_chain_verifies_with_its_head() -> None:
    rows = chain(5)
    verdict = verify_rows(rows, stored_head=Head(5, rows[-1][8]))
    assert verdict.ok and verdict.rows == 5 and verdict.head.hash == rows[-1][8]
    assert verify_rows([], stored_head=Head(0, GENESIS)).ok


def test_edited_body_is_reported() -> None:
    rows = chain(5)
    seq, kind, ref, actor, at, _body, sha, prev, digest = rows[2]
    rows[2] = (seq, kind, ref, actor, at, '{"n":3,"text":"changed"}', sha, prev, digest)
    verdict = verify_rows(rows)
    assert not verdict.ok and verdict.problem is not None
    assert (verdict.problem.seq, verdict.problem.what) == (3, "edited")


def test_edited_header_is_reported() -> None:
    rows = chain(5)
    r = rows[1]
    rows[1] = (r[0], r[1], r[2], "mallory", *r[4:])
    verdict = verify_rows(rows)
    assert verdict.problem is not None and (verdict.problem.seq, verdict.problem.what) == (
        2,
        "edited",
    )


def test_deleted_row_is_reported() -> None:
    rows = chain(5)
    del rows[1]
    verdict = verify_rows(rows)
    assert verdict.problem is not None and (verdict.problem.seq, verdict.problem.what) == (
        2,
        "deleted",
    )


def test_deleted_last_rows_are_caught_by_the_head() -> None:
    rows = chain(5)
    verdict = verify_rows(rows[:3], stored_head=Head(5, rows[-1][8]))
    assert verdict.problem is not None and (verdict.problem.seq, verdict.problem.what) == (
        4,
        "deleted",
    )


def test_reordered_rows_are_reported() -> None:
    rows = chain(5)
    a, b = rows[1], rows[2]  # swap the contents of rows 2 and 3, keeping the numbering
    rows[1], rows[2] = (2, *b[1:]), (3, *a[1:])
    verdict = verify_rows(rows)
    assert verdict.problem is not None and verdict.problem.seq == 2
    assert verdict.problem.what == "inserted or reordered"


def test_renumbered_insert_is_reported() -> None:
    rows = chain(5)
    fake = (3, "case", "x", "mallory", "2026", "{}", sha256_hex(b"{}"), rows[1][8], "f" * 64)
    rows = rows[:2] + [fake] + [(r[0] + 1, *r[1:]) for r in rows[2:]]
    verdict = verify_rows(rows)
    assert verdict.problem is not None and verdict.problem.seq == 3


def test_saved_head_proves_no_wholesale_rewrite() -> None:
    rows = chain(6)
    saved = Head(4, rows[3][8])
    assert verify_rows(rows, saved_head=saved).ok
    forged = chain(6)  # a consistent chain, but not the one whose head was saved
    r = forged[0]
    body = '{"n":1,"text":"forged"}'
    sha = sha256_hex(body.encode())
    prev = GENESIS
    rebuilt = []
    for i, row in enumerate([(1, *r[1:5], body, sha, GENESIS, "")] + forged[1:]):
        digest = row_hash(row[0], row[1], row[2], row[3], row[4], row[6] if i else sha, prev)
        rebuilt.append((*row[:7], prev, digest))
        prev = digest
    assert verify_rows(rebuilt).ok  # internally consistent...
    verdict = verify_rows(rebuilt, saved_head=saved)  # ...but not what was saved
    assert verdict.problem is not None and verdict.problem.what == "rewritten"
    short = verify_rows(rows[:3], saved_head=saved)
    assert short.problem is not None and short.problem.what == "truncated"
