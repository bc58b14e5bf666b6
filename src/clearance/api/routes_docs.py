"""``/docs``: Swagger UI served from this server, with no CDN.

The Swagger UI files come from the ``swagger-ui-bundle`` package (swagger-ui-dist, Apache-2.0,
its licence shipped with it) and are served under ``/docs/assets``; the page loads nothing
from elsewhere, so it works in a closed network and runs no third-party code from the web.
FastAPI's ReDoc page (CDN-only) is turned off.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

ASSETS = "/docs/assets"


def install(app: FastAPI) -> None:
    """Add ``/docs`` (and its OAuth2 redirect page) with locally served assets."""
    app.mount(ASSETS, StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
            oauth2_redirect_url="/docs/oauth2-redirect",
        )

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    def redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
