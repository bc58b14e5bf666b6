"""Bad input always gets a clear 4xx JSON error, never a 5xx or a traceback."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import Api


def assert_error(response: Any, status: int, code: str, contains: str = "") -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    assert contains.lower() in body["error"]["message"].lower()
    assert body["detail"] == body["error"]["message"]
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    ("payload", "contains"),
    [
        ({"name": ""}, "name is empty"),
        ({"name": "   "}, "name is empty"),
        ({"name": "x" * 301}, "longer than 300"),
        ({"name": "Ashot\x00Mkrtichev"}, "control"),
        ({"name": "Ashot\u0007"}, "control"),
        ({"name": "Ashot", "dob": "1966-02-30"}, "no such day"),
        ({"name": "Ashot", "dob": "07/05/1966"}, "invalid date"),
        ({"name": "Ashot", "type": "spaceship"}, "unknown type"),
        ({"name": "Ashot", "country": "Atlantis"}, "unknown country"),
        ({"name": "Ashot", "lists": ["eu-fsf"]}, "unknown list 'eu-fsf'"),
        ({"name": "Ashot", "identifiers": [{"type": "dna", "value": "x"}]}, "identifier type"),
    ],
)
def test_invalid_query(api: Api, payload: dict[str, Any], contains: str) -> None:
    assert_error(api.post("/screen", json=payload), 422, "invalid_query", contains)


@pytest.mark.parametrize(
    ("payload", "contains"),
    [
        ({}, "name: field required"),
        ({"name": 12}, "name"),
        ({"name": "A", "limit": 0}, "limit"),
        ({"name": "A", "limit": 1000}, "limit"),
        ({"name": "A", "threshold": 1.5}, "threshold"),
        ({"name": "A", "colour": "red"}, "colour"),
        ({"name": "x" * 1001}, "name"),
        ([], "valid dictionary"),
    ],
)
def test_invalid_request(api: Api, payload: Any, contains: str) -> None:
    assert_error(api.post("/screen", json=payload), 422, "invalid_request", contains)


def test_malformed_json(api: Api) -> None:
    r = api.post("/screen", content=b'{"name": "A', headers={"Content-Type": "application/json"})
    assert_error(r, 400, "malformed_json", "not valid JSON")


def test_wrong_content_type(api: Api) -> None:
    r = api.post("/screen", content=b"name=Ashot", headers={"Content-Type": "text/plain"})
    assert_error(r, 415, "unsupported_media_type", "application/json")
    r = api.post("/screen", content=b'{"name": "A"}', headers={"Content-Type": ""})
    assert r.status_code == 415


def test_json_with_charset_is_fine(api: Api) -> None:
    r = api.post(
        "/screen",
        content=b'{"name": "Ashot Mkrtichev"}',
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert r.status_code == 200


def test_body_size_limit(make_api: Any, keys: dict[str, str]) -> None:
    api = make_api(api_max_body_bytes=2048)
    api.key = keys["screener"]
    big = {"queries": [{"name": "Some Body Name"}] * 200}
    assert_error(api.post("/screen/batch", json=big), 413, "payload_too_large", "2048 bytes")


def test_body_size_limit_without_content_length(make_api: Any, keys: dict[str, str]) -> None:
    api = make_api(api_max_body_bytes=2048)
    api.key = keys["screener"]

    async def chunks() -> Any:
        for _ in range(10):
            yield b" " * 1000

    r = api.post("/screen", content=chunks(), headers={"Content-Type": "application/json"})
    assert_error(r, 413, "payload_too_large")


def test_unknown_route_and_method(api: Api) -> None:
    assert_error(api.get("/nope"), 404, "not_found")
    assert_error(api.get("/screen"), 405, "method_not_allowed")


def test_bad_query_parameters(api: Api) -> None:
    assert_error(api.get("/search", params={"q": "a", "limit": "many"}), 422, "invalid_request")
    assert_error(api.get("/search"), 422, "invalid_request", "q: field required")
    assert_error(api.get("/search", params={"q": "\x01"}), 422, "invalid_query", "control")
    assert_error(api.get("/entities/x", params={"format": "xml"}), 422, "invalid_request")


def test_not_ready_is_503(tmp_path: Any, keys: dict[str, str]) -> None:
    from clearance.auth.keys import KeyStore, Role
    from clearance.settings import Settings
    from tests.api.conftest import running_api

    key = KeyStore(tmp_path).add("s", Role.SCREENER)
    for api in running_api(Settings(home=tmp_path, api_reload_seconds=0)):
        api.key = key
        assert api.get("/healthz").status_code == 200
        assert_error(api.get("/readyz"), 503, "not_ready", "no snapshot")
        assert_error(api.post("/screen", json={"name": "A"}), 503, "not_ready")


def test_record_flag_is_validated(api: Api) -> None:
    r = api.post("/screen", params={"record": "maybe"}, json={"name": "Ashot Mkrtichev"})
    assert_error(r, 422, "invalid_request", "record: input should be a valid boolean")
    r = api.post("/screen", params={"record": "false"}, json={"name": "Ashot"})
    assert r.status_code == 200 and "recorded" not in r.json()


def test_screen_is_documented_though_it_reads_its_own_body(api: Api) -> None:
    """``POST /screen`` validates its body itself (no FastAPI body parameter): the OpenAPI
    spec must still show the body model, the ``record`` flag and the key."""
    spec = api.get("/openapi.json").json()
    op = spec["paths"]["/screen"]["post"]
    schema = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert schema.rsplit("/", 1)[1] in spec["components"]["schemas"]
    assert [p["name"] for p in op["parameters"]] == ["record"]
    assert list(op["security"][0]) == list(spec["components"]["securitySchemes"])


def test_the_usual_record_flags_are_read_without_parsing_the_query(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``/screen``, ``?record=true`` and ``?record=false`` are read from the raw query string
    (Starlette's parser costs more than the rest of the flag); any other goes through it."""
    from starlette.requests import Request

    from clearance.api.routes_screen import record_flag

    def request(query: bytes) -> Request:
        return Request({"type": "http", "query_string": query, "headers": []})

    parsed = Request.query_params
    monkeypatch.setattr(Request, "query_params", property(lambda _: pytest.fail("parsed")))
    assert record_flag(request(b"record=true")) is True
    assert record_flag(request(b"record=false")) is False
    assert record_flag(request(b"")) is False
    monkeypatch.setattr(Request, "query_params", parsed)
    assert record_flag(request(b"record=1")) is True
    assert record_flag(request(b"record=false&x=1")) is False
    assert record_flag(request(b"x=1")) is False
