"""Users' passwords for signing in to the web pages, stored as argon2id hashes.

``clearance users passwd NAME`` sets one (read from a prompt or stdin). Only the hash is kept
(argon2-cffi's defaults: argon2id, a PHC string with its own salt and parameters). A web
session remembers the *stamp* of the hash it signed in with (a SHA-256 of the stored hash), so
changing the password, disabling the user or changing their roles takes effect at once.

Checking a password costs the same whether the user exists or not (an unknown user is checked
against a hash of a random password), and every refusal is the same ``None``: no user names
leak through the sign-in form.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select

from clearance.auth.tables import UserPasswordRow, UserRow
from clearance.auth.users import CACHE_SECONDS, User, UserStore, user_of
from clearance.db import Database
from clearance.errors import ClearanceError

MIN_LENGTH = 12
MAX_LENGTH = 1024
_hasher = PasswordHasher()


def stamp_of(stored_hash: str) -> str:
    """What a session keeps of the hash it signed in with."""
    return hashlib.sha256(stored_hash.encode("utf-8")).hexdigest()


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ClearanceError(f"a password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise ClearanceError(f"a password has at most {MAX_LENGTH} characters")


class PasswordStore:
    """Passwords of the users of one database; safe to share between threads."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.users = UserStore(db)
        self._dummy = _hasher.hash(secrets.token_urlsafe(24))
        self._cache: dict[tuple[str, str], tuple[float, User | None]] = {}
        self._lock = threading.Lock()

    def set(self, name: str, password: str) -> None:
        """Set (or replace) ``name``'s password; their open web sessions end."""
        check_strength(password)
        hashed = _hasher.hash(password)
        with self.db.session(write=True) as s:
            user_id = self.users.row(s, name).id
            row = s.get(UserPasswordRow, user_id)
            if row is None:
                s.add(UserPasswordRow(user_id=user_id, hash=hashed, updated=datetime.now(UTC)))
            else:
                row.hash, row.updated = hashed, datetime.now(UTC)
        with self._lock:
            self._cache.clear()

    def _stored(self, name: str) -> tuple[UserRow, str] | None:
        with self.db.session() as s:
            found = s.execute(
                select(UserRow, UserPasswordRow.hash)
                .join(UserPasswordRow, UserPasswordRow.user_id == UserRow.id)
                .where(UserRow.name == name)
            ).one_or_none()
            return (found[0], found[1]) if found is not None else None

    def check(self, name: str, password: str) -> tuple[User, str] | None:
        """The active user and the stamp for a session, or ``None`` (for every kind of
        refusal: unknown user, no password set, wrong password, disabled user)."""
        stored = self._stored(name) if 0 < len(password) <= MAX_LENGTH else None
        try:
            _hasher.verify(stored[1] if stored else self._dummy, password[:MAX_LENGTH])
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if stored is None or not stored[0].active:
            return None
        return user_of(stored[0]), stamp_of(stored[1])

    def current(self, name: str, stamp: str) -> User | None:
        """The active user whose password still has ``stamp`` (cached ``CACHE_SECONDS``)."""
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get((name, stamp))
        if hit is not None and now - hit[0] < CACHE_SECONDS:
            return hit[1]
        stored = self._stored(name)
        user = None
        if (
            stored is not None
            and stored[0].active
            and secrets.compare_digest(stamp_of(stored[1]), stamp)
        ):
            user = user_of(stored[0])
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[(name, stamp)] = (now, user)
        return user
