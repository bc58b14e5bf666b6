"""Users' roles and what each may do (pure: no database, no web).

A user holds one or more roles: ``screener`` (screen, record), ``analyst`` (the maker: work
cases, propose decisions), ``supervisor`` (the checker: approve or return proposals),
``auditor`` (read only: cases, receipts, the audit trail) and ``admin`` (users and keys; no
decisions unless also analyst/supervisor). Four eyes is enforced separately in the case core:
whoever proposed a decision can never approve it, whatever their roles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from clearance.auth.keys import Role
from clearance.errors import ClearanceError, Forbidden


class UserRole(StrEnum):
    SCREENER = "screener"
    ANALYST = "analyst"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"
    ADMIN = "admin"

    @classmethod
    def parse(cls, value: str) -> UserRole:
        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(r.value for r in cls)
            raise ClearanceError(f"unknown role {value!r} (expected one of: {known})") from None


class Action(StrEnum):
    SCREEN = "screen"
    RECORD = "record"  # write screening receipts
    READ_CASES = "read cases"
    WORK_CASE = "work a case"  # assign, comment, start review, set a due date
    PROPOSE = "propose a decision"
    APPROVE = "approve or return a decision"
    READ_AUDIT = "read the audit trail"
    MANAGE_USERS = "manage users"


_R = UserRole
PERMISSIONS: dict[Action, frozenset[UserRole]] = {
    Action.SCREEN: frozenset({_R.SCREENER, _R.ANALYST, _R.SUPERVISOR, _R.ADMIN}),
    Action.RECORD: frozenset({_R.SCREENER, _R.ANALYST, _R.SUPERVISOR, _R.ADMIN}),
    Action.READ_CASES: frozenset({_R.ANALYST, _R.SUPERVISOR, _R.AUDITOR, _R.ADMIN}),
    Action.WORK_CASE: frozenset({_R.ANALYST, _R.SUPERVISOR}),
    Action.PROPOSE: frozenset({_R.ANALYST}),
    Action.APPROVE: frozenset({_R.SUPERVISOR}),
    Action.READ_AUDIT: frozenset({_R.AUDITOR, _R.SUPERVISOR, _R.ADMIN}),
    Action.MANAGE_USERS: frozenset({_R.ADMIN}),
}

# Legacy keys (keys.json) carry an access level; as users they hold these roles.
LEGACY_ROLES: dict[Role, frozenset[UserRole]] = {
    Role.VIEWER: frozenset(),
    Role.SCREENER: frozenset({_R.SCREENER}),
    Role.ADMIN: frozenset({_R.ADMIN}),
}


class PermissionDenied(Forbidden):
    """A user's roles do not allow what they asked for (HTTP 403)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A user acting: their name and roles (what the case core checks)."""

    name: str
    roles: frozenset[UserRole]


def parse_roles(values: Iterable[str]) -> frozenset[UserRole]:
    roles = frozenset(UserRole.parse(v) for part in values for v in part.split(",") if v.strip())
    if not roles:
        raise ClearanceError("a user needs at least one role")
    return roles


def access_level(roles: Iterable[UserRole]) -> Role:
    """The API access level of a user (browse / screen / admin endpoints)."""
    held = set(roles)
    if UserRole.ADMIN in held:
        return Role.ADMIN
    if held & {UserRole.SCREENER, UserRole.ANALYST, UserRole.SUPERVISOR}:
        return Role.SCREENER
    return Role.VIEWER


def allowed(roles: Iterable[UserRole], action: Action) -> bool:
    return bool(PERMISSIONS[action] & set(roles))


def require(user: str, roles: Iterable[UserRole], action: Action) -> None:
    """Raise :class:`PermissionDenied` unless one of ``roles`` may do ``action``."""
    held = frozenset(roles)
    if not allowed(held, action):
        need = " or ".join(sorted(r.value for r in PERMISSIONS[action]))
        have = ", ".join(sorted(r.value for r in held)) or "no role"
        raise PermissionDenied(f"{user!r} may not {action.value}: needs {need} (has {have})")
