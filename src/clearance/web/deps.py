"""What every page shares: templates, the signed-in principal, role checks and CSRF checks.

Roles are the API's (:class:`clearance.auth.Role`) and are checked on the server for every page
and every form post: a page that needs a higher role answers 403, and so does a post, whatever
the form that sent it. Every post must carry the session's CSRF token (``csrf`` field).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson
from fastapi import Request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

import clearance
from clearance.api.auth import Principal
from clearance.api.errors import status_of
from clearance.api.routes_cases import Decisions
from clearance.api.service import ApiService, Engine
from clearance.auth.keys import KeyStore, Role
from clearance.auth.passwords import PasswordStore
from clearance.auth.roles import LEGACY_ROLES, Action, access_level, allowed
from clearance.errors import ClearanceError
from clearance.web.sessions import KIND_PASSWORD, KIND_USER_KEY, Session, csrf_matches

PREFIX = "/ui"
TEMPLATES = Path(__file__).parent / "templates"

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def show(value: Any) -> str:
    """A field value as text: lists joined with "; ", objects as "key: value" pairs."""
    if isinstance(value, list | tuple):
        return "; ".join(show(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k.replace('_', ' ')}: {show(v)}" for k, v in value.items() if v)
    return str(value)


def pretty(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")


env.filters["show"] = show
env.filters["pretty"] = pretty


class LoginRequired(Exception):  # noqa: N818 - a signal, answered with a redirect
    """Nobody is signed in: answered with a redirect to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class PageError(Exception):
    """An error page: ``status`` and one line for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@contextmanager
def page_errors() -> Iterator[None]:
    """Core errors (unknown entity, no snapshot yet, bad input) as error pages."""
    try:
        yield
    except ClearanceError as exc:
        raise PageError(status_of(exc)[0], exc.message) from exc


def service(request: Request) -> ApiService:
    svc: ApiService = request.app.state.service
    return svc


def engine(request: Request) -> Engine:
    with page_errors():
        return service(request).engine()


def session(request: Request) -> Session:
    current: Session = request.state.web_session
    return current


def set_session(request: Request, new: Session) -> None:
    """Replace the visitor's session; the middleware writes the cookie."""
    request.state.web_session = new
    request.state.web_session_out = new


def _legacy_key(request: Request, sess: Session) -> Principal | None:
    keys: KeyStore = request.app.state.auth.keys
    try:
        stored = keys.keys()
    except ClearanceError as exc:
        raise PageError(503, f"API keys could not be read: {exc.message}") from exc
    for key in stored:
        if key.name == sess.user and secrets.compare_digest(key.sha256, sess.key_hash):
            return Principal(key.name, key.role, LEGACY_ROLES[key.role])
    return None


def decisions_of(request: Request) -> Decisions:
    """The users, cases and receipts of the API (the database, opened on first use)."""
    found: Decisions = request.app.state.decisions
    return found


def _database_user(request: Request, sess: Session) -> Principal | None:
    decisions = decisions_of(request)
    with page_errors():
        if sess.kind == KIND_USER_KEY:
            user = decisions.users().authenticate_digest(sess.key_hash)
        else:
            user = passwords(request).current(sess.user, sess.key_hash)
    if user is None or user.name != sess.user:
        return None
    return Principal(user.name, access_level(user.roles), user.roles)


def principal_of(request: Request, sess: Session) -> Principal | None:
    """The signed-in principal, re-checked on every request against the key file or the
    users' database (a revoked key, a disabled user, a changed password or role apply at once)."""
    if not sess.signed_in:
        return None
    if sess.kind in (KIND_USER_KEY, KIND_PASSWORD):
        return _database_user(request, sess)
    return _legacy_key(request, sess)


def passwords(request: Request) -> PasswordStore:
    """The users' passwords, in the same database as the users (opened on first use)."""
    state = request.app.state
    store: PasswordStore | None = getattr(state, "web_passwords", None)
    if store is None:
        store = state.web_passwords = PasswordStore(state.decisions.lazy.get())
    return store


def _next_url(request: Request) -> str:
    url = request.url.path
    if request.url.query and request.method == "GET":
        url += "?" + request.url.query
    return url


def current_principal(request: Request) -> Principal:
    user = principal_of(request, session(request))
    if user is None:
        raise LoginRequired(_next_url(request))
    request.state.principal = user
    return user


def _check_role(user: Principal, role: Role, what: str) -> None:
    if user.role < role:
        raise PageError(
            403, f"{what} needs the {role.label} role; {user.name!r} has {user.role.label}"
        )


def page(role: Role) -> Callable[[Request], Awaitable[Principal]]:
    """Dependency for a page: signed in (else to the sign-in page) with ``role`` or higher."""

    async def dependency(request: Request) -> Principal:
        user = current_principal(request)
        _check_role(user, role, "this page")
        return user

    return dependency


async def checked_form(request: Request) -> FormData:
    """The posted form, refused with 403 unless it carries the session's CSRF token."""
    form = await request.form()
    if not csrf_matches(session(request), form.get("csrf")):
        raise PageError(403, "the form's security token is missing or out of date; reload the page")
    return form


def action(role: Role) -> Callable[[Request], Awaitable[tuple[Principal, FormData]]]:
    """Dependency for a form post: CSRF token checked, signed in, ``role`` or higher."""

    async def dependency(request: Request) -> tuple[Principal, FormData]:
        form = await checked_form(request)
        user = current_principal(request)
        _check_role(user, role, "this action")
        return user, form

    return dependency


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    user: Principal | None = getattr(request.state, "principal", None)
    base = {
        "request": request,
        "user": user,
        "Role": Role,
        "can": (lambda role: user is not None and user.role >= role),
        "Action": Action,
        "may": (lambda action: user is not None and allowed(user.roles, action)),
        "csrf": session(request).csrf,
        "prefix": PREFIX,
        "version": clearance.__version__,
        "path": request.url.path,
    }
    html = env.get_template(template).render({**base, **context})
    return HTMLResponse(html, status_code=status)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def login_redirect(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    return redirect(f"{PREFIX}/login?next={quote(exc.next_url, safe='/')}")


def error_page(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PageError)
    if getattr(request.state, "principal", None) is None:
        request.state.principal = principal_of(request, session(request))
    return render(request, "error.html", {"title": "Error", "message": exc.message}, exc.status)
