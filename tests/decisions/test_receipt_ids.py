"""Receipt ids (:func:`clearance.audit.receipts.new_id`): version-4 UUIDs' hex digits, unique,
read from the secure random source a block at a time, and never shared with a forked child."""

from __future__ import annotations

import os
import uuid

import pytest

from clearance.audit import receipts
from clearance.audit.receipts import ID_BLOCK, new_id


def test_ids_are_unique_version_4_uuids() -> None:
    ids = [new_id() for _ in range(5 * ID_BLOCK)]
    assert len(set(ids)) == len(ids)
    for rid in ids:
        parsed = uuid.UUID(rid)
        assert parsed.hex == rid and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_one_read_of_the_random_source_per_block(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    real = os.urandom

    def counted(n: int) -> bytes:
        reads.append(n)
        return real(n)

    monkeypatch.setattr(os, "urandom", counted)
    monkeypatch.setattr(receipts, "_ids", [])
    ids = {new_id() for _ in range(3 * ID_BLOCK)}
    assert len(ids) == 3 * ID_BLOCK and reads == [16 * ID_BLOCK] * 3


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_does_not_repeat_its_parents_ids() -> None:
    new_id()  # the block is read: the parent has ids left in it
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next id, to the parent
        os.close(read)
        os.write(write, new_id().encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        child = pipe.read()
    os.waitpid(pid, 0)
    parent = {new_id() for _ in range(ID_BLOCK)}
    assert len(child) == 32 and child not in parent
