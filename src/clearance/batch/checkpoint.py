"""The checkpoint of a batch run: what is committed, so that an interrupted run resumes exactly.

A chunk is committed in this order: its output rows and error lines are appended and fsynced,
then the checkpoint (next chunk, input offset, output and errors sizes, counters) is replaced
atomically (write + fsync + rename + fsync of the folder). After a crash anywhere in between,
``--resume`` truncates the output and errors files to the committed sizes and reads the input
again from the committed offset, so every input row ends up in the output exactly once.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from clearance.errors import CheckpointError
from clearance.fileio import write_atomic

CHECKPOINT_VERSION = 1
HEAD_BYTES = 1 << 20


def checkpoint_path(output: Path) -> Path:
    return output.with_name(output.name + ".checkpoint.json")


def fingerprint(path: Path) -> dict[str, Any]:
    """Size and a hash of the first MiB: enough to notice a replaced or appended input."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        digest.update(handle.read(HEAD_BYTES))
    return {"path": str(path.resolve()), "size": path.stat().st_size, "head": digest.hexdigest()}


@dataclass(slots=True)
class Committed:
    """Everything written and durable so far."""

    chunk: int = 0  # index of the next chunk to process
    rows: int = 0  # input records consumed (screened + errors)
    offset: int = 0  # input byte offset (CSV/JSONL) or row index (Parquet) to read from
    line: int = 0  # input line number just before ``offset``
    output_size: int = 0  # bytes of the output file (CSV/JSONL)
    parts: int = 0  # Parquet part files written
    errors_size: int = 0
    screened: int = 0
    alerts: int = 0
    errors: int = 0


@dataclass(slots=True)
class Checkpoint:
    input: dict[str, Any]
    output: str
    errors_path: str
    options: dict[str, Any]
    snapshot: str
    algorithm: str
    algorithm_version: str
    committed: Committed = field(default_factory=Committed)
    status: str = "running"  # running | merging | done
    started_at: float = field(default_factory=time.time)
    elapsed: float = 0.0  # seconds spent in earlier sessions of this run
    version: int = CHECKPOINT_VERSION

    def to_bytes(self) -> bytes:
        data = asdict(self)
        data["updated_at"] = time.time()
        return orjson.dumps(data, option=orjson.OPT_INDENT_2)

    @classmethod
    def read(cls, path: Path) -> Checkpoint:
        try:
            data = orjson.loads(path.read_bytes())
            if data.get("version") != CHECKPOINT_VERSION:
                raise CheckpointError(
                    f"{path} was written by another version of clearance "
                    f"(checkpoint version {data.get('version')}); start the run over"
                )
            data.pop("updated_at", None)
            data.pop("version", None)
            committed = Committed(**data.pop("committed"))
            return cls(committed=committed, **data)
        except (OSError, orjson.JSONDecodeError, TypeError, KeyError) as exc:
            raise CheckpointError(f"checkpoint {path} is unreadable ({exc})") from None

    def write(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())


def check_resumable(
    checkpoint: Checkpoint,
    *,
    input_print: dict[str, Any],
    options: dict[str, Any],
    snapshot: str,
    algorithm_version: str,
) -> None:
    """Refuse ``--resume`` when anything that decides the results has changed."""
    if checkpoint.input["size"] != input_print["size"] or (
        checkpoint.input["head"] != input_print["head"]
    ):
        raise CheckpointError(
            f"cannot resume: the input file changed since the run started "
            f"({checkpoint.input['path']}, {checkpoint.input['size']} bytes then, "
            f"{input_print['size']} now)"
        )
    if checkpoint.snapshot != snapshot:
        raise CheckpointError(
            f"cannot resume: the active snapshot changed from {checkpoint.snapshot} to "
            f"{snapshot}; results would mix two list versions (or re-activate the old "
            "snapshot with `clearance snapshots --activate`)"
        )
    if checkpoint.algorithm_version != algorithm_version:
        raise CheckpointError(
            f"cannot resume: the matching algorithm changed from version "
            f"{checkpoint.algorithm_version} to {algorithm_version}"
        )
    changed = sorted(
        key
        for key in set(checkpoint.options) | set(options)
        if checkpoint.options.get(key) != options.get(key)
    )
    if changed:
        details = "; ".join(
            f"{key}: {checkpoint.options.get(key)!r} then, {options.get(key)!r} now"
            for key in changed
        )
        raise CheckpointError(
            f"cannot resume: options differ from the interrupted run ({details}); "
            "repeat the original command with --resume"
        )


def check_resumable_at(path: Path, checkpoint: Checkpoint, **checks: Any) -> None:
    """:func:`check_resumable` of the checkpoint at ``path``, the refusal saying how to start
    over (delete the checkpoint: without --resume the unfinished run's checkpoint would be
    refused too)."""
    try:
        check_resumable(checkpoint, **checks)
    except CheckpointError as exc:
        if "options differ" in exc.message:
            raise
        raise CheckpointError(
            f"{exc.message}; this run cannot be resumed: to start over, delete the checkpoint "
            f"{path} and run again without --resume"
        ) from None
