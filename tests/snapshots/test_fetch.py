from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from clearance.errors import FetchError
from clearance.snapshots import HttpFetcher, MemoryFetcher
from clearance.snapshots.fetch import file_name
from tests.snapshots.httpserver import ListServer


def fetcher(max_bytes: int = 1_000_000, timeout: float = 5.0) -> HttpFetcher:
    return HttpFetcher(timeout=timeout, max_bytes=max_bytes)


def test_fetch_saves_the_body(list_server: ListServer, tmp_path: Path) -> None:
    url = list_server.add("/sdn.csv", b"1,NAME\r\n" * 1000)
    with fetcher() as http:
        size = http.fetch(url, tmp_path / "sdn.csv")
    assert size == 8000
    assert (tmp_path / "sdn.csv").read_bytes() == b"1,NAME\r\n" * 1000


def test_fetch_without_content_length(list_server: ListServer, tmp_path: Path) -> None:
    url = list_server.add("/a", b"abc" * 100, send_length=False)
    with fetcher() as http:
        assert http.fetch(url, tmp_path / "a") == 300


@pytest.mark.parametrize(
    ("route", "kwargs", "message"),
    [
        ("/missing", None, "HTTP 404"),
        ("/error", {"status": 500, "body": b"oops"}, "HTTP 500"),
        ("/cut", {"body": b"x" * 900, "truncate_at": 100}, "incomplete download"),
        ("/big", {"body": b"x" * 2000}, "2000 bytes announced"),
        ("/big-stream", {"body": b"x" * 2000, "send_length": False}, "larger than the 1000"),
        ("/empty", {"body": b""}, "empty file"),
    ],
)
def test_fetch_failures_name_the_url(
    list_server: ListServer,
    tmp_path: Path,
    route: str,
    kwargs: dict[str, object] | None,
    message: str,
) -> None:
    url = list_server.add(route, **kwargs) if kwargs is not None else list_server.url(route)
    with fetcher(max_bytes=1000) as http, pytest.raises(FetchError, match=message) as info:
        http.fetch(url, tmp_path / "out")
    assert info.value.message.startswith(url)


def test_gzip_bomb_is_stopped_at_max_bytes(list_server: ListServer, tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * 3_000_000)  # ~3 kB on the wire, 3 MB unpacked
    url = list_server.add("/bomb.xml", bomb, headers={"Content-Encoding": "gzip"})
    with fetcher(max_bytes=1_000_000) as http, pytest.raises(FetchError, match="larger than"):
        http.fetch(url, tmp_path / "bomb.xml")


def test_slow_server_times_out(list_server: ListServer, tmp_path: Path) -> None:
    url = list_server.add("/slow", b"late", delay=1.0)
    with fetcher(timeout=0.2) as http, pytest.raises(FetchError, match="no answer within"):
        http.fetch(url, tmp_path / "slow")


def test_only_http_urls(tmp_path: Path) -> None:
    with fetcher() as http, pytest.raises(FetchError, match="only http"):
        http.fetch("file:///etc/passwd", tmp_path / "x")


def test_unreachable_host(tmp_path: Path) -> None:
    with fetcher() as http, pytest.raises(FetchError, match="download failed"):
        http.fetch("http://127.0.0.1:1/x", tmp_path / "x")


def test_memory_fetcher(tmp_path: Path) -> None:
    fake = MemoryFetcher({"https://x/a.csv": b"abc", "https://x/b": FetchError("boom")})
    assert fake.fetch("https://x/a.csv", tmp_path / "a") == 3
    with pytest.raises(FetchError, match="boom"):
        fake.fetch("https://x/b", tmp_path / "b")
    with pytest.raises(FetchError, match="404"):
        fake.fetch("https://x/c", tmp_path / "c")
    assert fake.requested == ["https://x/a.csv", "https://x/b", "https://x/c"]


def test_file_names() -> None:
    taken: set[str] = set()
    assert file_name("https://h/api/exports/SDN.CSV", taken) == "SDN.CSV"
    assert file_name("https://h/other/sdn.csv?x=1", taken) == "sdn-2.csv"
    assert file_name("https://h/fsf/xmlFullSanctionsList_1_1/content") == "content"
    assert file_name("https://h/") == "download"
    assert file_name("https://h/..%2F..%2Fetc%2Fpasswd") == "etc_passwd"
