"""The screening service: ``create_app(settings)`` builds the FastAPI app.

``clearance serve`` runs it on uvicorn (see ``clearance.cli.serve``); tests build it in-process.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

import clearance
from clearance.api import (
    routes_browse,
    routes_cases,
    routes_diff,
    routes_docs,
    routes_graph,
    routes_monitor,
    routes_payments,
    routes_screen,
    routes_yente,
)
from clearance.api.auth import Authenticator, role_from_setting
from clearance.api.errors import OrjsonResponse, install_error_handlers
from clearance.api.metrics import Metrics
from clearance.api.middleware import GuardMiddleware
from clearance.api.service import ApiService
from clearance.app import Clearance
from clearance.auth.keys import KeyStore
from clearance.gcpause import serving_worker
from clearance.settings import Settings

DESCRIPTION = """
Sanctions screening over the official lists loaded in this server's home directory.

* **Native API**: `POST /screen`, `POST /screen/batch`, `GET /search`, `GET /entities/{id}`,
  `GET /lists`. Every screening answer names the algorithm (and its version), the snapshot and
  the list versions that produced it.
* **yente-compatible API**: `POST /match/{dataset}`, `GET /search/{dataset}`,
  `GET /entities/{id}?nested=true`, `GET /catalog`, `GET /algorithms`: point a yente client at
  this server.
* **Auth**: `Authorization: Bearer <key>` (or `ApiKey <key>`); keys have the role `viewer`,
  `screener` or `admin` (`clearance keys add NAME --role ROLE`). `/healthz`, `/readyz` and
  `/metrics` need no key.
* **Errors**: `{"error": {"code", "message"}, "detail": message}` with a 4xx status for bad
  input; a 503 until a snapshot is loaded.
"""

TAGS = [
    {"name": "screening", "description": "Screen parties against the loaded lists."},
    {"name": "browse", "description": "Look up listed entities and list versions."},
    {"name": "yente compatibility", "description": "yente's API, for existing yente clients."},
    {"name": "operations", "description": "Health, readiness, metrics and reloads."},
]


def create_app(settings: Settings, *, engine: Clearance | None = None) -> FastAPI:
    """The API app over ``settings.home`` (or over an already opened ``engine``)."""
    service = ApiService(settings, engine or clearance.open(settings=settings))
    metrics = Metrics(service.state)
    service.on_switch = metrics.reloads.inc

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.load_before_serving()  # no request reaches a worker that cannot answer
        await run_in_threadpool(app.state.decisions.ship_spooled)  # receipts of a stopped server
        watcher = asyncio.create_task(service.watch(settings.api.reload_seconds))
        try:
            yield
        finally:
            service.board.withdraw()
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
            await app.state.decisions.aclose()  # the receipt writer's connection

    app = FastAPI(
        title="Clearance screening API",
        version=clearance.__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        default_response_class=OrjsonResponse,
        lifespan=lifespan,
        docs_url=None,  # served by routes_docs, without a CDN
        redoc_url=None,
    )
    app.state.service = service
    app.state.metrics = metrics
    app.state.decisions = routes_cases.Decisions(settings)  # database opened on first use
    metrics.writer_stats(app.state.decisions.writer_stats)
    app.state.auth = Authenticator(
        KeyStore(settings.home),
        role_from_setting(settings.api.anonymous),
        app.state.decisions.users,
    )
    install_error_handlers(app)
    app.include_router(routes_screen.router)
    routes_screen.install_lean_screen(app)  # served ahead of FastAPI's routing
    app.include_router(routes_browse.router)
    app.include_router(routes_yente.router)
    app.include_router(routes_cases.router)
    app.include_router(routes_diff.router)
    app.include_router(routes_monitor.router)
    app.include_router(routes_graph.router)  # network and ownership (clearance.graph)
    app.include_router(routes_payments.router)  # payment messages (clearance.payments)
    routes_docs.install(app)  # /docs with Swagger UI shipped in the package
    from clearance.web import install as install_web  # the analysts' pages, under /ui

    install_web(app, settings.home)
    app.add_middleware(GuardMiddleware, max_body=settings.api.max_body_bytes, metrics=metrics)
    return app


def app_from_env() -> FastAPI:
    """uvicorn factory (``clearance serve`` sets ``CLEARANCE_HOME`` for its workers): one call
    per worker process, which also gets the serving collector policy (short full collections)."""
    serving_worker()
    return create_app(Settings.from_env())
