"""``POST /screen`` is served by a plain Starlette route ahead of FastAPI's routing
(``routes_screen.install_lean_screen``): the same bytes, statuses and headers as the FastAPI
route it shadows, the same OpenAPI entry, the same metrics label."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from clearance.api.routes_screen import _LeanRoute
from tests.api.conftest import Api

REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("/screen", {"json": {"name": "Ashot Mkrtichev", "type": "person", "id": "c-1"}}),
    ("/screen", {"json": {"name": "Ashot Mkrtichev", "lists": ["un"]}}),
    ("/screen", {"json": {"name": "Ашот Мкртычев", "country": ["RU"], "dob": "1961"}}),
    ("/screen", {"json": {"name": "Nobody In Particular", "limit": 2, "threshold": 0.5}}),
    ("/screen", {"json": {"name": ""}}),  # 422
    ("/screen", {"json": {"name": "LLC"}}),  # nothing screenable
    ("/screen", {"json": {"name": "x", "lists": ["nope"]}}),  # unknown list
    ("/screen", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}),
    ("/screen", {"content": b"", "headers": {"Content-Type": "application/json"}}),
    ("/screen?record=maybe", {"json": {"name": "Ashot Mkrtichev"}}),
    ("/screen", {"json": {"name": "Ashot Mkrtichev"}, "headers": {"Authorization": "Bearer x"}}),
]


def _answer(api: Api, path: str, kwargs: dict[str, Any]) -> tuple[int, bytes, dict[str, str]]:
    r = api.post(path, **kwargs)
    return r.status_code, r.content, dict(r.headers)


def test_the_lean_route_comes_first(api: Api) -> None:
    first = api.app.router.routes[0]
    assert isinstance(first, _LeanRoute)
    assert first.path == "/screen" and first.methods == {"POST"}


@pytest.fixture
def without_lean(make_api: Any, keys: dict[str, str]) -> Api:
    """An app whose ``/screen`` is answered by the FastAPI route (the lean one removed)."""
    other: Api = make_api()
    other.key = keys["screener"]
    other.app.router.routes.pop(0)
    assert not isinstance(other.app.router.routes[0], _LeanRoute)
    return other


def test_same_bytes_statuses_and_headers_as_the_fastapi_route(api: Api, without_lean: Api) -> None:
    for path, kwargs in REQUESTS:
        lean = _answer(api, path, kwargs)
        assert lean == _answer(without_lean, path, kwargs), (path, kwargs)
    statuses = {_answer(api, p, k)[0] for p, k in REQUESTS}
    assert statuses == {200, 400, 401, 422}, "the requests cover answers and errors"
    assert api.get("/screen").status_code == without_lean.get("/screen").status_code == 405


def test_the_body_is_the_result_as_json(api: Api) -> None:
    from clearance.api.routes_screen import screen_one
    from clearance.api.schemas import ScreenRequest

    service = api.app.state.service
    body = {"name": "Ashot Mkrtichev", "type": "person", "id": "c-1"}
    expected = screen_one(service.clearance, service.engine(), ScreenRequest(**body)).to_dict()
    r = api.post("/screen", json=body)
    assert r.content == orjson.dumps(expected)
    assert r.headers["content-type"] == "application/json"
    assert r.headers["content-length"] == str(len(r.content))


def test_documented_and_counted_as_screen(api: Api) -> None:
    spec = api.get("/openapi.json").json()
    post = spec["paths"]["/screen"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ScreenRequest"
    }
    assert api.post("/screen", json={"name": "Ashot Mkrtichev"}).status_code == 200
    metrics = api.get("/metrics").text
    assert 'clearance_http_requests_total{method="POST",route="/screen",status="200"}' in metrics
