"""``clearance serve``: the screening API on uvicorn (see ``clearance.api``)."""

from __future__ import annotations

import copy
import ipaddress
import os
import shutil
import tempfile
from typing import Annotated, Any

import typer

from clearance.cli.output import get_state, print_warning
from clearance.extras import require

APP_FACTORY = "clearance.api.app:app_from_env"


def log_config() -> dict[str, Any]:
    """uvicorn's logging, plus the ``clearance`` loggers at INFO (reloads, errors)."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["clearance"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind (default: loopback only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Worker processes.")] = 1,
    access_log: Annotated[
        bool,
        typer.Option(
            "--access-log/--no-access-log",
            help="Log every request line (off by default: query strings may hold names).",
        ),
    ] = False,
) -> None:
    """Run the screening API (REST, yente-compatible) over the active snapshot."""
    require("api", "`clearance serve`")
    from clearance.cli import serve_workers

    state = get_state(ctx)
    settings = state.settings
    if state.store.active_id() is None:
        print_warning(
            f"no lists loaded in {settings.home}: /readyz answers 503 until `clearance load` "
            "installs a snapshot (the server picks it up by itself)"
        )
    if not _is_loopback(host):
        print_warning(
            f"binding {host}: the API is reachable from the network; put TLS in front of it"
        )
    # Worker processes build their settings from the environment: pass --home on.
    os.environ["CLEARANCE_HOME"] = str(settings.home)
    os.environ["CLEARANCE_API_KEEPALIVE_SECONDS"] = str(settings.api.keepalive_seconds)
    metrics_dir = board_dir = None
    if workers > 1:
        metrics_dir = tempfile.mkdtemp(prefix="clearance-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
        board_dir = tempfile.mkdtemp(prefix="clearance-ready-")  # see clearance.api.readiness
        os.environ["CLEARANCE_SERVE_BOARD"] = board_dir
        os.environ["CLEARANCE_SERVE_WORKERS"] = str(workers)
    options: dict[str, Any] = {
        "factory": True,
        "host": host,
        "port": port,
        "workers": workers,
        "log_config": log_config(),
        "access_log": access_log,
        "server_header": False,
        "timeout_graceful_shutdown": 10,
        "timeout_worker_healthcheck": settings.api.worker_healthcheck_seconds,
    }
    try:
        serve_workers.serve(APP_FACTORY, **options)  # several workers: a socket each
    finally:
        for folder in (metrics_dir, board_dir):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)


def register(app: typer.Typer) -> None:
    """Add ``serve`` and the ``keys`` group to the CLI (one line in ``cli/main.py``)."""
    from clearance.cli.keys import keys_app

    app.command("serve")(serve)
    app.add_typer(keys_app, name="keys")
