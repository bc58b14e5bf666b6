"""``clearance serve`` hands its process settings to uvicorn (without starting a server)."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn

from clearance.cli import serve_workers
from tests.cli.conftest import Invoke


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for key in ("CLEARANCE_HOME", "PROMETHEUS_MULTIPROC_DIR", "CLEARANCE_SERVE_BOARD",
                "CLEARANCE_SERVE_WORKERS", "CLEARANCE_API_KEEPALIVE_SECONDS"):  # fmt: skip
        monkeypatch.setenv(key, "-")  # serve sets these for its workers: restored afterwards
        monkeypatch.delenv(key)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: seen.append(kwargs))
    monkeypatch.setattr(serve_workers, "serve", lambda *args, **kwargs: seen.append(kwargs))
    return seen


def test_a_loading_worker_is_given_time_before_it_is_restarted(
    cli: Invoke, calls: list[dict[str, Any]]
) -> None:
    """uvicorn kills a worker that misses its 5 s health check; one loading a large snapshot on
    a busy machine can: the supervisor waits for the configured time instead."""
    result = cli("serve", "--workers", "2", "--port", "8999")
    assert result.exit_code == 0, result.output
    assert calls[0]["workers"] == 2 and calls[0]["timeout_worker_healthcheck"] == 60
    result = cli(
        "serve", "--workers", "2", "--port", "8999",
        env={"CLEARANCE_API_WORKER_HEALTHCHECK_SECONDS": "180"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert calls[1]["timeout_worker_healthcheck"] == 180
