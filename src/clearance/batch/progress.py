"""Progress reporting for batch runs: a rich bar on a terminal, silence otherwise."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class ProgressSink(Protocol):
    """What the runner reports to: input consumed (bytes or rows) and rows/alerts done."""

    def start(self, total: int, done: int, rows: int) -> None: ...

    def advance(self, consumed: int, rows: int, alerts: int, errors: int) -> None: ...

    def close(self) -> None: ...


class NullProgress:
    """For non-terminals, tests and the library API."""

    def start(self, total: int, done: int, rows: int) -> None:
        pass

    def advance(self, consumed: int, rows: int, alerts: int, errors: int) -> None:
        pass

    def close(self) -> None:
        pass


class _RateColumn(ProgressColumn):
    """Rows per second over this session (the bar itself counts input bytes or rows)."""

    def render(self, task: Task) -> Text:
        rows = int(task.fields.get("session_rows", 0))
        started = float(task.fields.get("started", time.monotonic()))
        elapsed = max(time.monotonic() - started, 1e-9)
        total_rows = int(task.fields.get("rows", 0))
        return Text(f"{total_rows:,} rows  {rows / elapsed:,.0f}/s", style="progress.data.speed")


class _CountsColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        alerts = int(task.fields.get("alerts", 0))
        errors = int(task.fields.get("errors", 0))
        return Text(f"{alerts:,} alerts  {errors:,} errors", style="progress.description")


class RichProgress:
    """A live bar with rate and ETA; the ETA is from input consumed, which is what is left."""

    def __init__(self, console: Console, description: str = "screening") -> None:
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            _RateColumn(),
            _CountsColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._description = description
        self._task: TaskID | None = None
        self._rows = 0
        self._session_rows = 0

    def start(self, total: int, done: int, rows: int) -> None:
        self._rows = rows
        self._progress.start()
        self._task = self._progress.add_task(
            self._description,
            total=max(total, 1),
            completed=done,
            rows=rows,
            session_rows=0,
            started=time.monotonic(),
            alerts=0,
            errors=0,
        )

    def advance(self, consumed: int, rows: int, alerts: int, errors: int) -> None:
        if self._task is None:
            return
        self._rows += rows
        self._session_rows += rows
        self._progress.update(
            self._task,
            advance=consumed,
            rows=self._rows,
            session_rows=self._session_rows,
            alerts=alerts,
            errors=errors,
        )

    def close(self) -> None:
        self._progress.stop()

    def __enter__(self) -> RichProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def make_progress(console: Console, quiet: bool = False) -> ProgressSink:
    """A rich bar when ``console`` is a terminal, else silence."""
    if quiet or not console.is_terminal:
        return NullProgress()
    return RichProgress(console)
