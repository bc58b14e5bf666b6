from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearance.errors import ClearanceError
from clearance.settings import Settings
from clearance.snapshots import HttpFetcher, MemoryFetcher, SnapshotStore, refresh
from clearance.sources import detect_format
from tests.snapshots.httpserver import ListServer
from tests.snapshots.toy import ToyFormat, toy_data

pytestmark = pytest.mark.usefixtures("toy_format")

XML_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS><INDIVIDUAL>
<DATAID>1</DATAID><FIRST_NAME>&lol9;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>
</CONSOLIDATED_LIST>"""


def toy_bytes(list_name: str, count: int) -> bytes:
    return json.dumps(toy_data(list_name, count)).encode()


def make_store(tmp_path: Path, sources: dict[str, str]) -> SnapshotStore:
    settings = Settings(
        home=tmp_path / "home",
        sources=sources,
        min_count_ratio=0.8,
        fetch_timeout=5.0,
        fetch_max_bytes=5_000_000,
    )
    return SnapshotStore(settings, lock_timeout=1.0)


A = "https://lists.example/a.toy.json"
B = "https://lists.example/b.toy.json"


def test_refresh_installs_and_records_urls(tmp_path: Path) -> None:
    store = make_store(tmp_path, {"toy-a": A, "toy-b": B})
    fake = MemoryFetcher({A: toy_bytes("toy-a", 10), B: toy_bytes("toy-b", 3)})
    result = refresh(store, fake)
    assert result.ok and result.failures == []
    assert result.snapshot is not None and store.active_id() == result.snapshot.id
    info = result.snapshot.list_info("toy-a")
    assert info is not None and info.entities == 10
    assert [(f.path, f.url) for f in info.files] == [("a.toy.json", A)]
    assert sorted(fake.requested) == [A, B]
    # refreshing one list keeps the other
    again = refresh(store, MemoryFetcher({B: toy_bytes("toy-b", 4)}), ["toy-b"])
    assert again.snapshot is not None
    assert again.snapshot.list_names() == ["toy-a", "toy-b"]
    assert len(again.snapshot) == 14


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (None, "HTTP 404"),
        (b"{not json", "not a toy list"),
        (toy_bytes("toy-z", 10), "list toy-z, not toy-a"),
        (toy_bytes("toy-a", 7), "entities down from 10 to 7"),
        (toy_bytes("toy-a", 0), "holds no entities"),
    ],
)
def test_refresh_failure_keeps_the_previous_snapshot(
    tmp_path: Path, body: bytes | None, reason: str
) -> None:
    store = make_store(tmp_path, {"toy-a": A})
    first = refresh(store, MemoryFetcher({A: toy_bytes("toy-a", 10)})).snapshot
    assert first is not None
    result = refresh(store, MemoryFetcher({A: body} if body is not None else {}))
    assert not result.ok and result.snapshot is None
    assert len(result.failures) == 1
    failure = result.failures[0]
    assert reason in failure.reason
    assert failure.list == "toy-a"
    assert store.active_id() == first.id
    assert store.snapshot_ids() == [first.id]


def test_one_failure_installs_nothing_unless_keep_going(tmp_path: Path) -> None:
    store = make_store(tmp_path, {"toy-a": A, "toy-b": B})
    fake = MemoryFetcher({A: toy_bytes("toy-a", 5)})  # B answers 404
    result = refresh(store, fake)
    assert result.snapshot is None and store.active() is None
    assert [(f.list, f.url) for f in result.failures] == [("toy-b", B)]
    partial = refresh(store, fake, keep_going=True)
    assert partial.snapshot is not None and partial.snapshot.list_names() == ["toy-a"]
    assert not partial.ok and [f.list for f in partial.failures] == ["toy-b"]


def test_unknown_list_is_a_clear_error(tmp_path: Path) -> None:
    store = make_store(tmp_path, {"toy-a": A})
    with pytest.raises(ClearanceError, match="CLEARANCE_SOURCE_NOPE_LIST"):
        refresh(store, MemoryFetcher({}), ["nope-list"])


def test_refresh_over_http(list_server: ListServer, tmp_path: Path) -> None:
    good = list_server.add("/a.toy.json", toy_bytes("toy-a", 20))
    store = make_store(tmp_path, {"toy-a": good})
    with HttpFetcher.from_settings(store.settings) as http:
        first = refresh(store, http).snapshot
        assert first is not None and len(first) == 20
        body = toy_bytes("toy-a", 20)
        bad_routes = {
            "/cut.toy.json": {"body": body, "truncate_at": len(body) // 2},
            "/bomb.toy.json": {"body": XML_BOMB},
            "/wrong.toy.json": {"body": b"PK\x03\x04" + bytes(range(256)) * 8},
        }
        for path, kwargs in bad_routes.items():
            url = list_server.add(path, **kwargs)  # type: ignore[arg-type]
            store.settings.sources["toy-a"] = url
            result = refresh(store, http)
            assert result.snapshot is None, path
            assert result.failures[0].url == url
            assert store.active_id() == first.id
        store.settings.sources["toy-a"] = list_server.url("/gone.toy.json")
        result = refresh(store, http)
        assert "HTTP 404" in result.failures[0].reason
        assert store.snapshot_ids() == [first.id]


def _detected(path: Path) -> bool:
    try:
        detect_format(path)
    except ClearanceError:
        return False
    return not isinstance(detect_format(path), ToyFormat)


def test_refresh_real_ofac_set_over_http(
    list_server: ListServer, tmp_path: Path, data_dir: Path
) -> None:
    folder = data_dir / "ofac" / "sdn_csv_2023-12-28"
    if not _detected(folder):
        pytest.skip("no OFAC CSV reader registered yet")
    urls = [
        list_server.add_file(f"/exports/{name.upper()}", folder / name)
        for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
    ]
    un_file = data_dir / "un" / "2026-02-27" / "consolidated.xml"
    store = make_store(tmp_path, {"ofac-sdn": " ".join(urls)})
    with HttpFetcher.from_settings(store.settings) as http:
        result = refresh(store, http)
        assert result.ok, result.failures
        assert result.snapshot is not None
        info = result.snapshot.list_info("ofac-sdn")
        assert info is not None and info.entities == 13821
        assert sorted(f.url or "" for f in info.files) == sorted(urls)
        first = result.snapshot.id
        sdn = (folder / "sdn.csv").read_bytes()
        broken = {
            "truncated": {"body": sdn, "truncate_at": len(sdn) // 3},
            "wrong type": {"body": un_file.read_bytes()},
            "xml bomb": {"body": XML_BOMB},
            "half the list": {"body": sdn[: len(sdn) // 2].rsplit(b"\n", 1)[0] + b"\n"},
        }
        for label, kwargs in broken.items():
            list_server.add("/exports/SDN.CSV", **kwargs)  # type: ignore[arg-type]
            result = refresh(store, http)
            assert result.snapshot is None, label
            assert result.failures, label
            assert store.active_id() == first, label


def test_xml_bomb_against_the_un_reader(list_server: ListServer, tmp_path: Path) -> None:
    url = list_server.add("/consolidated.xml", XML_BOMB)
    store = make_store(tmp_path, {"un": url})
    with HttpFetcher.from_settings(store.settings) as http:
        result = refresh(store, http)
    assert result.snapshot is None and store.active() is None
    assert result.failures[0].list == "un"
