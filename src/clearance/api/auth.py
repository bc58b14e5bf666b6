"""Authentication and roles.

Clients send ``Authorization: Bearer KEY`` (or yente's ``Authorization: ApiKey KEY``). Without
a key a request gets the role set by ``CLEARANCE_API_ANONYMOUS`` or, by default, a 401. A key
whose role is too low gets a 403. Neither the key nor the header is ever logged or echoed.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from clearance.api.errors import Forbidden, KeysUnavailable, Unauthorized
from clearance.auth.keys import KeyStore, Role
from clearance.auth.roles import LEGACY_ROLES, UserRole, access_level
from clearance.auth.users import UserStore
from clearance.cases.model import Actor
from clearance.errors import ClearanceError

log = logging.getLogger("clearance.api")

_header = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    scheme_name="ApiKey",
    description="`Bearer <key>` or `ApiKey <key>`; create keys with `clearance keys add`.",
)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a key's name, access level and user roles, or ``anonymous``."""

    name: str
    role: Role
    roles: frozenset[UserRole] = frozenset()

    @property
    def actor(self) -> Actor:
        """The caller as the case core sees them (roles checked there)."""
        return Actor(self.name, self.roles)


class Authenticator:
    """Keys from ``keys.json`` first, then users' keys in the database (``users``: a
    callable giving the :class:`~clearance.auth.users.UserStore`, opened on first use)."""

    def __init__(
        self,
        keys: KeyStore,
        anonymous: Role | None,
        users: Callable[[], UserStore] | None = None,
    ) -> None:
        self.keys = keys
        self.anonymous = anonymous
        self.users = users

    def check(self, authorization: str | None) -> Principal:
        if not authorization or not authorization.strip():
            if self.anonymous is not None:
                return Principal("anonymous", self.anonymous)
            raise Unauthorized("missing API key: send the header `Authorization: Bearer <key>`")
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() not in {"bearer", "apikey"} or not token.strip():
            raise Unauthorized(
                "unsupported Authorization header: use `Bearer <key>` or `ApiKey <key>`"
            )
        try:
            key = self.keys.authenticate(token.strip())
        except ClearanceError as exc:
            log.error("API keys unavailable: %s", exc.message)
            raise KeysUnavailable("API keys could not be read; see the server log") from None
        if key is not None:
            return Principal(key.name, key.role, LEGACY_ROLES[key.role])
        user = self.users().authenticate(token.strip()) if self.users is not None else None
        if user is None:
            raise Unauthorized("invalid or revoked API key")
        return Principal(user.name, access_level(user.roles), user.roles)


def require(role: Role) -> Callable[[Request, str | None], Awaitable[Principal]]:
    """A FastAPI dependency admitting callers with ``role`` or a higher one."""

    async def dependency(
        request: Request, authorization: str | None = Security(_header)
    ) -> Principal:
        auth: Authenticator = request.app.state.auth
        principal = auth.check(authorization)
        if principal.role < role:
            raise Forbidden(
                f"this endpoint needs the {role.label} role; "
                f"{principal.name!r} has {principal.role.label}"
            )
        request.state.principal = principal
        return principal

    return dependency


def role_from_setting(value: str) -> Role | None:
    return Role.parse(value) if value else None
