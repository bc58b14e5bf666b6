"""API keys: random tokens stored only as SHA-256 hashes in ``<home>/keys.json``.

A key is ``secrets.token_urlsafe(32)`` (32 random bytes). It is shown once, when it is created;
the file keeps its name, role, creation time and hash, never the key itself. Writes are atomic
(temporary file + ``os.replace``) and the file is readable by its owner only. The server
re-reads the file when it changes, so ``clearance keys add/revoke`` take effect while it runs.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

import orjson

from clearance.errors import ClearanceError, NotFoundError
from clearance.fileio import write_atomic

KEYS_FILE = "keys.json"
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


class Role(IntEnum):
    """What a key may do; each role includes the ones below it."""

    VIEWER = 1  # browse: entities, search, lists, catalog
    SCREENER = 2  # + screen, batch, yente match
    ADMIN = 3  # + reload and other admin endpoints

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Role:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            known = ", ".join(r.label for r in cls)
            raise ClearanceError(f"unknown role {value!r} (expected one of: {known})") from None


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key: no secret, only its hash."""

    name: str
    role: Role
    sha256: str
    created: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role.label,
            "sha256": self.sha256,
            "created": self.created,
        }


def hash_key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class KeyStore:
    """The keys of one home directory."""

    def __init__(self, home: Path, *, check_interval: float = 1.0) -> None:
        self.path = home / KEYS_FILE
        self._check_interval = check_interval
        self._lock = threading.Lock()
        self._by_hash: dict[str, ApiKey] = {}
        self._stamp: tuple[int, int] | None = None
        self._checked = 0.0

    # -- reading ------------------------------------------------------------------------------
    def _read(self) -> list[ApiKey]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise ClearanceError(f"cannot read {self.path}: {exc.strerror}") from exc
        try:
            data = orjson.loads(raw)
            return [
                ApiKey(k["name"], Role.parse(k["role"]), k["sha256"], k.get("created", ""))
                for k in data["keys"]
            ]
        except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
            raise ClearanceError(f"{self.path} is not a valid keys file: {exc}") from exc

    def keys(self) -> list[ApiKey]:
        """Every stored key, oldest first."""
        return self._read()

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self._check_interval and self._stamp is not None:
            return
        self._checked = now
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            stamp = (0, 0)
        if stamp != self._stamp:
            keys = self._read() if stamp != (0, 0) else []
            self._by_hash = {k.sha256: k for k in keys}
            self._stamp = stamp

    def authenticate(self, token: str) -> ApiKey | None:
        """The key a presented token belongs to, or ``None``."""
        with self._lock:
            self._refresh()
            by_hash = self._by_hash
        found = by_hash.get(hash_key(token))
        # compare_digest keeps the final equality check constant-time
        if found is not None and secrets.compare_digest(found.sha256, hash_key(token)):
            return found
        return None

    # -- writing ------------------------------------------------------------------------------
    def _write(self, keys: list[ApiKey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = orjson.dumps({"keys": [k.to_dict() for k in keys]}, option=orjson.OPT_INDENT_2)
        write_atomic(self.path, payload)  # a temporary file from mkstemp: mode 0600
        with self._lock:
            self._stamp = None

    def add(self, name: str, role: Role) -> str:
        """Create a key; returns the secret token (shown once, never stored)."""
        if not _NAME_RE.match(name):
            raise ClearanceError(
                f"invalid key name {name!r}: use 1-64 letters, digits, '_', '.', '@' or '-'"
            )
        keys = self._read()
        if any(k.name == name for k in keys):
            raise ClearanceError(f"a key named {name!r} already exists (revoke it first)")
        token = secrets.token_urlsafe(32)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        keys.append(ApiKey(name, role, hash_key(token), created))
        self._write(keys)
        return token

    def revoke(self, name: str) -> None:
        keys = self._read()
        kept = [k for k in keys if k.name != name]
        if len(kept) == len(keys):
            raise NotFoundError(f"no key named {name!r}")
        self._write(kept)
