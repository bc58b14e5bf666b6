"""Signing in and out. An API key (``clearance keys add``) is exchanged for a session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from clearance.auth.keys import KeyStore, Role
from clearance.errors import ClearanceError
from clearance.web import deps
from clearance.web.deps import PREFIX, PageError, redirect, render
from clearance.web.sessions import Session

router = APIRouter(prefix=PREFIX, include_in_schema=False)


def safe_next(value: str | None) -> str:
    """Only a path inside the web app (no open redirect to another site)."""
    if value and value.startswith(PREFIX + "/") and "\\" not in value:
        return value
    return PREFIX + "/"


@router.get("")
async def root_redirect() -> Response:
    return redirect(PREFIX + "/")


@router.get("/")
async def home(request: Request) -> Response:
    user = deps.current_principal(request)
    return redirect(PREFIX + ("/screen" if user.role >= Role.SCREENER else "/lists"))


@router.get("/login")
async def login_page(
    request: Request, next: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    request.state.principal = deps.principal_of(request, deps.session(request))
    return render(request, "login.html", {"title": "Sign in", "next": safe_next(next)})


@router.post("/login")
async def login(request: Request) -> Response:
    form = await deps.checked_form(request)
    token = str(form.get("api_key") or "").strip()
    next_url = safe_next(str(form.get("next") or ""))
    keys: KeyStore = request.app.state.auth.keys
    try:
        key = keys.authenticate(token) if token else None
    except ClearanceError as exc:
        raise PageError(503, f"API keys could not be read: {exc.message}") from exc
    if key is None:
        request.state.principal = None
        context = {"title": "Sign in", "next": next_url, "error": "Unknown or revoked API key."}
        return render(request, "login.html", context, status=401)
    deps.set_session(request, deps.session(request).signed_in_as(key.name, key.sha256, "key"))
    return redirect(next_url)


@router.post("/logout")
async def logout(request: Request) -> Response:
    await deps.checked_form(request)
    deps.set_session(request, Session.fresh())
    return redirect(PREFIX + "/login")
