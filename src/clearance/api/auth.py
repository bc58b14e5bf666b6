"""Authentication for FastAPI: the ``Authorization`` header as a dependency.

Clients send ``Authorization: Bearer KEY`` (or yente's ``Authorization: ApiKey KEY``); the check
itself (keys, roles, the anonymous role) is :class:`clearance.auth.Authenticator`. A missing or
bad key answers 401, a role too low 403 (the statuses come from ``clearance.api.errors``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from clearance.auth import Authenticator, Principal, Role, role_from_setting

__all__ = ["Authenticator", "Principal", "require", "role_from_setting"]

_header = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    scheme_name="ApiKey",
    description="`Bearer <key>` or `ApiKey <key>`; create keys with `clearance keys add`.",
)


def require(role: Role) -> Callable[[Request, str | None], Awaitable[Principal]]:
    """A FastAPI dependency admitting callers with ``role`` or a higher one."""

    async def dependency(
        request: Request, authorization: str | None = Security(_header)
    ) -> Principal:
        auth: Authenticator = request.app.state.auth
        principal = auth.authorize(authorization, role)
        request.state.principal = principal
        return principal

    return dependency
