"""Signing in and out: a database user's name and password (``clearance users passwd``), or an
API key (``clearance keys add`` or ``clearance users key``), exchanged for a session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from clearance.auth.keys import KeyStore, Role, hash_key
from clearance.errors import ClearanceError
from clearance.web import deps
from clearance.web.deps import PREFIX, PageError, page_errors, redirect, render
from clearance.web.sessions import KIND_KEY, KIND_PASSWORD, KIND_USER_KEY, Session

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


def _key_session(request: Request, token: str) -> tuple[str, str, str] | None:
    """(user, key hash, kind) for an API key of ``keys.json`` or of a database user."""
    keys: KeyStore = request.app.state.auth.keys
    try:
        key = keys.authenticate(token)
    except ClearanceError as exc:
        raise PageError(503, f"API keys could not be read: {exc.message}") from exc
    if key is not None:
        return key.name, key.sha256, KIND_KEY
    with page_errors():
        user = deps.decisions_of(request).users().authenticate(token)
    return (user.name, hash_key(token), KIND_USER_KEY) if user is not None else None


def _password_session(request: Request, name: str, password: str) -> tuple[str, str, str] | None:
    with page_errors():
        found = deps.passwords(request).check(name, password)
    return (found[0].name, found[1], KIND_PASSWORD) if found is not None else None


@router.post("/login")
async def login(request: Request) -> Response:
    """Sign in with a user name and password, or with an API key; every refusal of a method
    reads the same, whatever was wrong (no user enumeration)."""
    form = await deps.checked_form(request)
    next_url = safe_next(str(form.get("next") or ""))
    name = str(form.get("user") or "").strip()
    if "user" in form:
        password = str(form.get("password") or "")
        found = await run_in_threadpool(_password_session, request, name, password)
        refused = "Unknown user or wrong password."
    else:
        token = str(form.get("api_key") or "").strip()
        found = await run_in_threadpool(_key_session, request, token) if token else None
        refused = "Unknown or revoked API key."
    if found is None:
        request.state.principal = None
        context = {"title": "Sign in", "next": next_url, "error": refused, "name": name}
        return render(request, "login.html", context, status=401)
    deps.set_session(request, deps.session(request).signed_in_as(*found))
    return redirect(next_url)


@router.post("/logout")
async def logout(request: Request) -> Response:
    await deps.checked_form(request)
    deps.set_session(request, Session.fresh())
    return redirect(PREFIX + "/login")
