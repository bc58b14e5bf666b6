"""Who is calling and may they: the key check behind every surface (API now, web pages next).

:class:`Authenticator` turns an ``Authorization`` value (``Bearer KEY`` or yente's
``ApiKey KEY``) into a :class:`Principal`; without a key the caller gets the anonymous role
(``CLEARANCE_API_ANONYMOUS``) or an :class:`~clearance.errors.Unauthorized`. :meth:`authorize`
raises :class:`~clearance.errors.Forbidden` when the role is too low. Neither the key nor the
header is ever logged or echoed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clearance.auth.keys import KeyStore, Role
from clearance.auth.roles import LEGACY_ROLES, Actor, UserRole, access_level

if TYPE_CHECKING:
    from clearance.auth.users import UserStore
from clearance.errors import ClearanceError, Forbidden, KeysUnavailable, Unauthorized

log = logging.getLogger("clearance.auth")


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

    def authorize(self, authorization: str | None, role: Role) -> Principal:
        """The caller, when its role is ``role`` or a higher one."""
        principal = self.check(authorization)
        if principal.role < role:
            raise Forbidden(
                f"this endpoint needs the {role.label} role; "
                f"{principal.name!r} has {principal.role.label}"
            )
        return principal


def role_from_setting(value: str) -> Role | None:
    return Role.parse(value) if value else None
