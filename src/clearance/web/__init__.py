"""The analysts' web application, served by ``clearance serve`` next to the API under ``/ui``.

Server-rendered pages (Jinja2 templates in ``templates/``), a little plain JavaScript for the
partial updates and the network graph (``static/``, with Cytoscape.js vendored under
``static/vendor/`` with its licence: nothing is loaded from elsewhere). Every page calls the same
core functions as the API and checks the same roles on the server (``deps.py``); sessions are
signed cookies and every form carries a CSRF token (``sessions.py``, ``middleware.py``).
The pages come with the ``[ui]`` extra; without it the API is served alone.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from fastapi import FastAPI

STATIC = Path(__file__).parent / "static"
NEEDS = ("jinja2", "multipart")  # the [ui] extra: templates and form parsing
log = logging.getLogger("clearance.web")


def available() -> bool:
    return all(importlib.util.find_spec(module) is not None for module in NEEDS)


def install(app: FastAPI, home: Path) -> None:
    """Add the web pages to the API app (one line in ``clearance.api.app.create_app``)."""
    if not available():
        log.info("web pages off: they come with the [ui] extra (pip install 'clearance[ui]')")
        return
    from starlette.responses import RedirectResponse, Response
    from starlette.staticfiles import StaticFiles

    from clearance.web import (
        routes_auth,
        routes_cases,
        routes_graph,
        routes_lists,
        routes_pages,
        routes_payments,
    )
    from clearance.web.deps import PREFIX, LoginRequired, PageError, error_page, login_redirect
    from clearance.web.middleware import WebMiddleware
    from clearance.web.sessions import SessionCodec, load_secret

    app.include_router(routes_auth.router)
    app.include_router(routes_pages.router)
    app.include_router(routes_lists.router)
    app.include_router(routes_graph.router)
    app.include_router(routes_payments.router)
    app.include_router(routes_cases.router)
    app.mount(PREFIX + "/static", StaticFiles(directory=STATIC), name="web-static")
    app.add_exception_handler(LoginRequired, login_redirect)
    app.add_exception_handler(PageError, error_page)
    app.add_middleware(WebMiddleware, codec=SessionCodec(load_secret(home)), prefix=PREFIX)

    @app.get("/", include_in_schema=False)
    async def front() -> Response:
        return RedirectResponse(PREFIX + "/", status_code=307)
