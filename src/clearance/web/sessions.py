"""Signed session cookies and CSRF tokens for the web pages.

A session is a small JSON payload signed with HMAC-SHA256 under a secret kept in the home
directory (``<home>/web-secret``, created on first use, owner-readable only), so every worker
process of ``clearance serve`` reads the same sessions without shared memory. The payload holds
the signed-in principal (the key's name and the hash the key file stores, re-checked on every
request so a revoked key or a changed role takes effect at once), the CSRF token and the expiry.
Every visitor gets a session, signed in or not, so the sign-in form is CSRF-protected too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from clearance.errors import ClearanceError

SECRET_FILE = "web-secret"
COOKIE = "clearance_session"
SESSION_SECONDS = 8 * 3600  # a working day; signing in again rotates everything
KIND_KEY = "key"  # an API key of keys.json
KIND_USER_KEY = "userkey"  # an API key of a database user
KIND_PASSWORD = "password"  # a database user's password  # noqa: S105 - a label, not a secret


@dataclass(frozen=True, slots=True)
class Session:
    """What the cookie carries. ``user`` is empty until the visitor signs in."""

    csrf: str
    expires: int
    user: str = ""
    key_hash: str = ""  # the key's SHA-256, or the password's stamp (see auth.passwords)
    kind: str = ""  # KIND_KEY, KIND_USER_KEY or KIND_PASSWORD

    @property
    def signed_in(self) -> bool:
        return bool(self.user)

    @classmethod
    def fresh(cls, now: float | None = None) -> Session:
        expires = int((now or time.time()) + SESSION_SECONDS)
        return cls(csrf=secrets.token_urlsafe(32), expires=expires)

    def signed_in_as(self, user: str, key_hash: str, kind: str) -> Session:
        """A new session for ``user`` with a new CSRF token (no fixation across sign-in)."""
        return replace(Session.fresh(), user=user, key_hash=key_hash, kind=kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "c": self.csrf, "e": self.expires, "u": self.user, "h": self.key_hash, "k": self.kind,
        }  # fmt: skip


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_secret(home: Path) -> bytes:
    """The home's signing secret; created (32 random bytes, mode 0600) when missing."""
    path = home / SECRET_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        home.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker created it first
            data = path.read_bytes()
        else:
            data = secrets.token_bytes(32)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
    except OSError as exc:
        raise ClearanceError(f"cannot read {path}: {exc.strerror}") from exc
    if len(data) < 32:
        raise ClearanceError(f"{path} is not a valid web secret (remove it to make a new one)")
    return data


class SessionCodec:
    """Turns sessions into cookie values and back; anything tampered with or expired is None."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, payload, hashlib.sha256).digest()

    def dump(self, session: Session) -> str:
        payload = orjson.dumps(session.to_dict())
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def load(self, value: str | None, now: float | None = None) -> Session | None:
        if not value or value.count(".") != 1 or len(value) > 4096:
            return None
        body, _, signature = value.partition(".")
        try:
            payload, given = _unb64(body), _unb64(signature)
        except (ValueError, TypeError):
            return None
        if not hmac.compare_digest(self._sign(payload), given):
            return None
        try:
            data = orjson.loads(payload)
            session = Session(
                csrf=str(data["c"]),
                expires=int(data["e"]),
                user=str(data["u"]),
                key_hash=str(data["h"]),
                kind=str(data["k"]),
            )
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            return None
        if session.expires < (now or time.time()):
            return None
        return session


def csrf_matches(session: Session, token: object) -> bool:
    """Constant-time check of a submitted form's CSRF token against the session's."""
    return isinstance(token, str) and bool(token) and hmac.compare_digest(session.csrf, token)
