"""Downloading official list files: a small :class:`Fetcher` protocol, HTTP and in-memory.

:class:`HttpFetcher` streams with httpx under a time limit and a size limit, and checks that
the body it received is as long as the server's ``Content-Length`` said, so a truncated
download never reaches a reader. :class:`MemoryFetcher` serves canned bytes for unit tests.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urlsplit

from clearance import __version__
from clearance.errors import FetchError

if TYPE_CHECKING:  # httpx is imported when a download starts, not with the store
    import httpx

    from clearance.settings import Settings

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class Fetcher(Protocol):
    """Downloads one URL into a file."""

    def fetch(self, url: str, dest: Path) -> int:
        """Write the body of ``url`` to ``dest``; return its size. Raise :class:`FetchError`."""
        ...


def file_name(url: str, taken: set[str] | None = None) -> str:
    """A safe local file name for ``url`` (its last path segment), unique within ``taken``."""
    segment = unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2])
    name = _UNSAFE.sub("_", segment).strip("._") or "download"
    if taken is not None:
        stem, dot, suffix = name.rpartition(".")
        base, ext = (stem, dot + suffix) if dot and stem else (name, "")
        number = 1
        while name.casefold() in taken:
            number += 1
            name = f"{base}-{number}{ext}"
        taken.add(name.casefold())
    return name


class HttpFetcher:
    """Fetch over HTTP(S) with httpx: streamed, size-capped, time-capped, completeness-checked."""

    def __init__(
        self,
        *,
        timeout: float,
        max_bytes: int,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        import httpx

        self.timeout = timeout
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            transport=transport,
            headers={"User-Agent": f"clearance/{__version__} (sanctions list refresh)"},
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpFetcher:
        return cls(
            timeout=settings.snapshots.fetch_timeout, max_bytes=settings.snapshots.fetch_max_bytes
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def fetch(self, url: str, dest: Path) -> int:
        import httpx

        scheme = urlsplit(url).scheme.lower()
        if scheme not in {"http", "https"}:
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        start = time.monotonic()
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise FetchError(
                        f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip()
                    )
                expected = _content_length(response)
                if expected is not None and expected > self.max_bytes:
                    raise FetchError(
                        f"{url}: {expected} bytes announced, more than the {self.max_bytes} "
                        "allowed (CLEARANCE_FETCH_MAX_BYTES)"
                    )
                size = self._save(url, response, dest, start)
                received = response.num_bytes_downloaded
        except httpx.TimeoutException:
            raise FetchError(f"{url}: no answer within {self.timeout:g} s") from None
        except httpx.RemoteProtocolError as exc:
            raise FetchError(
                f"{url}: incomplete download (connection closed early: {exc})"
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: download failed: {exc}") from exc
        if expected is not None and received != expected:
            raise FetchError(f"{url}: incomplete download: {received} of {expected} bytes")
        if size == 0:
            raise FetchError(f"{url}: the server sent an empty file")
        return size

    def _save(self, url: str, response: httpx.Response, dest: Path, start: float) -> int:
        size = 0
        try:
            with dest.open("wb") as out:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(
                            f"{url}: larger than the {self.max_bytes} bytes allowed "
                            "(CLEARANCE_FETCH_MAX_BYTES); download aborted"
                        )
                    if time.monotonic() - start > self.timeout:
                        raise FetchError(f"{url}: not complete within {self.timeout:g} s")
                    out.write(chunk)
        except OSError as exc:
            raise FetchError(f"{url}: cannot save to {dest}: {exc}") from exc
        return size


def _content_length(response: httpx.Response) -> int | None:
    raw = response.headers.get("content-length")
    if raw is None:
        return None
    if not raw.strip().isdigit():
        raise FetchError(f"{response.url}: invalid Content-Length {raw!r}")
    return int(raw)


class MemoryFetcher:
    """Serves canned bodies (or raises canned errors) by URL; records what was asked."""

    def __init__(self, responses: Mapping[str, bytes | Exception], max_bytes: int = 1 << 30):
        self.responses = dict(responses)
        self.max_bytes = max_bytes
        self.requested: list[str] = []

    def fetch(self, url: str, dest: Path) -> int:
        self.requested.append(url)
        body = self.responses.get(url)
        if body is None:
            raise FetchError(f"{url}: HTTP 404 Not Found")
        if isinstance(body, Exception):
            raise body
        if len(body) > self.max_bytes:
            raise FetchError(f"{url}: larger than the {self.max_bytes} bytes allowed")
        dest.write_bytes(body)
        return len(body)
