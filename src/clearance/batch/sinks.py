"""Output files that can be cut back to a committed size: text (CSV/JSONL) and Parquet parts.

A text output is appended to and truncated on resume. Parquet has its footer at the end, so it
cannot be appended to after a crash: each chunk is written as a part file in ``OUTPUT.parts/``
and the parts are merged (streamed, one row group per part) into ``OUTPUT`` when the run ends.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path
from typing import Any, BinaryIO

from clearance.errors import CheckpointError
from clearance.fileio import fsync_dir


class TextSink:
    """An append-only file (output or errors) with a committed size."""

    def __init__(self, path: Path, header: bytes = b"") -> None:
        self.path = path
        self.header = header
        self._handle: BinaryIO | None = None

    def open(self, committed_size: int | None, lock: bool = False) -> int:
        """Start fresh (``None``: write the header) or cut back to ``committed_size``.

        With ``lock``, an exclusive lock is taken first, so a second run writing the same file
        at the same time is refused before it changes anything.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+b")
        self._handle = handle
        if lock:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self.close()
                raise CheckpointError(
                    f"another batch run is writing {self.path}; wait for it to finish"
                ) from None
        if committed_size is None:
            handle.truncate(0)
            handle.seek(0)
            handle.write(self.header)
        else:
            size = handle.seek(0, os.SEEK_END)
            if size < committed_size:
                raise CheckpointError(
                    f"cannot resume: {self.path} is shorter ({size} bytes) than the checkpoint "
                    f"records ({committed_size}); it was changed outside the run"
                )
            handle.truncate(committed_size)
            handle.seek(committed_size)
        return self.sync()

    def append(self, data: bytes) -> None:
        assert self._handle is not None
        self._handle.write(data)

    def sync(self) -> int:
        """Make everything appended durable; returns the file size."""
        assert self._handle is not None
        self._handle.flush()
        os.fsync(self._handle.fileno())
        return self._handle.tell()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def parts_dir(output: Path) -> Path:
    return output.with_name(output.name + ".parts")


class ParquetSink:
    """One Parquet part file per chunk, merged into the output at the end."""

    def __init__(self, path: Path, schema: Any) -> None:
        self.path = path
        self.schema = schema
        self.dir = parts_dir(path)
        self.parts = 0

    def _part(self, index: int) -> Path:
        return self.dir / f"part-{index:06d}.parquet"

    def open(self, committed_parts: int | None) -> int:
        if committed_parts is None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir.mkdir(parents=True)
            self.parts = 0
        else:
            if not self.dir.is_dir():
                raise CheckpointError(f"cannot resume: the part folder {self.dir} is missing")
            for part in self.dir.glob("part-*.parquet"):
                if int(part.stem.split("-")[1]) >= committed_parts:
                    part.unlink()
            for index in range(committed_parts):
                if not self._part(index).is_file():
                    raise CheckpointError(
                        f"cannot resume: part file {self._part(index)} is missing"
                    )
            self.parts = committed_parts
        fsync_dir(self.dir)
        return self.parts

    def append(self, table: Any) -> None:
        import pyarrow.parquet as pq

        path = self._part(self.parts)
        pq.write_table(table, path)
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
        self.parts += 1

    def sync(self) -> int:
        fsync_dir(self.dir)
        return self.parts

    def finish(self) -> None:
        """Merge the parts into the output (atomically replaced); :meth:`cleanup` drops them."""
        import pyarrow.parquet as pq

        tmp = self.path.with_name(f".{self.path.name}.merging")
        with pq.ParquetWriter(tmp, self.schema) as writer:
            for index in range(self.parts):
                table = pq.read_table(self._part(index), schema=self.schema)
                if table.num_rows:
                    writer.write_table(table)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        fsync_dir(self.path.parent)

    def cleanup(self) -> None:
        """Drop the part files (once the checkpoint says the run is done)."""
        shutil.rmtree(self.dir, ignore_errors=True)

    def close(self) -> None:
        pass
