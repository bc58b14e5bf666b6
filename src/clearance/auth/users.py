"""Named users with roles, and their API keys, in the shared database.

``clearance users add NAME --role analyst`` creates a user, ``clearance users key NAME`` issues
a key (shown once; the database keeps its SHA-256 hash). The API accepts these keys next to the
legacy ``keys.json`` ones; the CLI acts for ``--as USER`` or for the user whose key is in
``CLEARANCE_USER_KEY``.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearance.auth.keys import hash_key
from clearance.auth.roles import UserRole
from clearance.auth.tables import UserKeyRow, UserRow
from clearance.db import Database
from clearance.errors import ClearanceError, NotFoundError

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
CACHE_SECONDS = 1.0  # a revoked key or disabled user is refused within this time


@dataclass(frozen=True, slots=True)
class User:
    name: str
    roles: frozenset[UserRole]
    active: bool = True

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "roles": sorted(self.roles), "active": self.active}


def _user(row: UserRow) -> User:
    roles = frozenset(UserRole(r) for r in row.roles.split(",") if r)
    return User(row.name, roles, row.active)


user_of = _user  # for the password store (clearance.auth.passwords)


def _now() -> datetime:
    return datetime.now(UTC)


class UserStore:
    """Users of one database; safe to share between threads."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, tuple[float, User | None]] = {}
        self._lock = threading.Lock()

    def add(self, name: str, roles: frozenset[UserRole]) -> User:
        if not _NAME_RE.match(name):
            raise ClearanceError(
                f"invalid user name {name!r}: use 1-64 letters, digits, '_', '.', '@' or '-'"
            )
        try:
            with self.db.session(write=True) as s:
                s.add(
                    UserRow(name=name, roles=",".join(sorted(roles)), active=True, created=_now())
                )
        except IntegrityError:
            raise ClearanceError(f"a user named {name!r} already exists") from None
        return User(name, roles)

    def _row(self, s: Session, name: str) -> UserRow:
        row = s.scalars(select(UserRow).where(UserRow.name == name)).one_or_none()
        if row is None:
            raise NotFoundError(f"no user named {name!r} (see `clearance users list`)")
        return row

    def row(self, s: Session, name: str) -> UserRow:
        """The user's row in ``s`` (:class:`NotFoundError` when unknown)."""
        return self._row(s, name)

    def get(self, name: str) -> User:
        with self.db.session() as s:
            return _user(self._row(s, name))

    def users(self) -> list[User]:
        with self.db.session() as s:
            return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.name))]

    def set_roles(self, name: str, roles: frozenset[UserRole]) -> User:
        with self.db.session(write=True) as s:
            row = self._row(s, name)
            row.roles = ",".join(sorted(roles))
            user = _user(row)
        self._clear()
        return user

    def set_active(self, name: str, active: bool) -> None:
        with self.db.session(write=True) as s:
            self._row(s, name).active = active
        self._clear()

    def new_key(self, name: str) -> str:
        """Issue a key for ``name``; returns the token (shown once, never stored)."""
        token = secrets.token_urlsafe(32)
        with self.db.session(write=True) as s:
            row = self._row(s, name)
            s.add(UserKeyRow(user_id=row.id, sha256=hash_key(token), created=_now()))
        return token

    def revoke_keys(self, name: str) -> int:
        with self.db.session(write=True) as s:
            row = self._row(s, name)
            result = s.execute(
                update(UserKeyRow)
                .where(UserKeyRow.user_id == row.id, UserKeyRow.revoked.is_(None))
                .values(revoked=_now())
            )
            count = int(getattr(result, "rowcount", 0) or 0)
        self._clear()
        return count

    def authenticate(self, token: str) -> User | None:
        """The active user a key belongs to, or ``None`` (cached for ``CACHE_SECONDS``)."""
        return self.authenticate_digest(hash_key(token))

    def authenticate_digest(self, digest: str) -> User | None:
        """As :meth:`authenticate`, from the key's SHA-256 (what a web session keeps)."""
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(digest)
        if hit is not None and now - hit[0] < CACHE_SECONDS:
            return hit[1]
        with self.db.session() as s:
            row = s.execute(
                select(UserRow, UserKeyRow.sha256)
                .join(UserKeyRow, UserKeyRow.user_id == UserRow.id)
                .where(UserKeyRow.sha256 == digest, UserKeyRow.revoked.is_(None))
            ).one_or_none()
        user = None
        if row is not None and row[0].active and secrets.compare_digest(row[1], digest):
            user = _user(row[0])
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[digest] = (now, user)
        return user

    def _clear(self) -> None:
        with self._lock:
            self._cache.clear()
