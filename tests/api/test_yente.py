"""yente-compatible endpoints in-process: request and response shapes, datasets, errors."""

from __future__ import annotations

from typing import Any

import pytest

from clearance.compiled import state
from tests.api.conftest import Api


def person(name: str, **props: Any) -> dict[str, Any]:
    return {"schema": "Person", "properties": {"name": [name], **props}}


def test_match_shape(api: Api) -> None:
    r = api.post(
        "/match/default",
        json={
            "queries": {
                "a": person(
                    "Ashot Mkrtichev", birthDate=["1966-05-07"], passportNumber=["BD3843329"]
                ),
                "b": {"schema": "Company", "properties": {"name": ["Korea Mining Development"]}},
                "c": person("Nobody Atall", address=["1 Main St"]),
            }
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["limit"] == 5 and body["snapshot"] and body["algorithm"]["version"]
    a = body["responses"]["a"]
    assert a["status"] == 200
    top = a["results"][0]
    assert top["id"] == "ofac-sdn-41736" and top["match"] is True
    assert top["caption"] == "MKRTYCHEV, Ashot" and top["schema"] == "Person"
    assert top["datasets"] == ["ofac-sdn"] and top["target"] is True
    assert top["properties"]["passportNumber"] == ["BD3843329"]
    assert isinstance(top["features"], dict) and top["explanations"]
    assert a["total"] == {"value": len(a["results"]), "relation": "eq"}
    assert a["query"]["properties"]["passportNumber"] == ["BD3843329"]
    assert body["responses"]["b"]["results"][0]["id"] == "un-KPe.001"
    c = body["responses"]["c"]
    assert c["query"]["ignored_properties"] == ["address"]


@pytest.mark.parametrize(
    ("dataset", "params", "found"),
    [
        ("default", {}, True),
        ("ofac-sdn", {}, True),
        ("un", {}, False),
        ("un", {"include_dataset": "ofac-sdn"}, True),
        ("default", {"exclude_dataset": "ofac-sdn"}, False),
        ("default", {"exclude_entity_ids": "ofac-sdn-41736"}, False),
        ("default", {"exclude_schema": "Person"}, False),
        ("default", {"topics": "crime"}, False),
        ("default", {"cutoff": "0.99"}, False),
    ],
)
def test_match_scope(api: Api, dataset: str, params: dict[str, str], found: bool) -> None:
    r = api.post(
        f"/match/{dataset}", params=params, json={"queries": {"q": person("Ashot Mkrtichev")}}
    )
    assert r.status_code == 200, r.text
    ids = [e["id"] for e in r.json()["responses"]["q"]["results"]]
    assert ("ofac-sdn-41736" in ids) is found


def test_match_threshold_sets_match_flag(api: Api) -> None:
    r = api.post(
        "/match/default",
        params={"threshold": "1.0"},
        json={"queries": {"q": person("Ashot Mkrtichev")}},
    )
    top = r.json()["responses"]["q"]["results"][0]
    assert top["id"] == "ofac-sdn-41736" and top["match"] is False


@pytest.mark.parametrize(
    ("path", "params", "body", "status", "contains"),
    [
        ("/match/sanctions", {}, {"queries": {"q": person("A B")}}, 404, "unknown dataset"),
        (
            "/match/default",
            {"include_dataset": "eu"},
            {"queries": {"q": person("A B")}},
            404,
            "'eu'",
        ),
        ("/match/default", {}, {"queries": {}}, 400, "queries is empty"),
        (
            "/match/default",
            {},
            {"queries": {"q": {"schema": "Document", "properties": {}}}},
            422,
            "unsupported schema",
        ),
        (
            "/match/default",
            {},
            {"queries": {"q": {"schema": "Person", "properties": {}}}},
            422,
            "has no name",
        ),
        (
            "/match/default",
            {},
            {"queries": {"q": person("A B", birthDate=["1966-13-01"])}},
            422,
            "invalid date",
        ),
        (
            "/match/default",
            {},
            {"queries": {"q": {"schema": "Person", "properties": {"name": "x" * 400}}}},
            422,
            "longer than",
        ),
        (
            "/match/default",
            {},
            {"queries": {"q": {"schema": "Person", "properties": {"name": [1]}}}},
            422,
            "list of strings",
        ),
        (
            "/match/default",
            {"algorithm": "logic-v2"},
            {"queries": {"q": person("A B")}},
            422,
            "unknown algorithm",
        ),
        ("/match/default", {}, {"queries": ["x"]}, 422, "queries"),
    ],
)
def test_match_errors(
    api: Api, path: str, params: dict[str, str], body: Any, status: int, contains: str
) -> None:
    r = api.post(path, params=params, json=body)
    assert r.status_code == status, r.text
    assert contains in r.json()["error"]["message"]


def test_match_batch_limit(make_api: Any, keys: dict[str, str]) -> None:
    api = make_api(api_max_batch=2)
    api.key = keys["screener"]
    queries = {str(i): person("A B") for i in range(3)}
    assert api.post("/match/default", json={"queries": queries}).status_code == 413


def test_search_dataset(api: Api) -> None:
    body = api.get("/search/default", params={"q": "mkrtychev"}).json()
    assert body["results"][0]["id"] == "ofac-sdn-41736"
    assert {"total", "limit", "offset", "facets"} <= set(body)
    assert api.get("/search/un", params={"q": "mkrtychev"}).json()["results"] == []
    filtered = api.get("/search/default", params={"q": "mkrtychev", "countries": "ru"}).json()
    assert filtered["results"] == []
    assert api.get("/search/nope", params={"q": "x"}).status_code == 404
    assert api.get("/search/default", params={"q": "x", "schema": "Document"}).status_code == 422


def test_entity_in_ftm(api: Api) -> None:
    flat = api.get("/entities/ofac-sdn-41736", params={"nested": "false"}).json()
    assert flat["schema"] == "Person" and "sanctions" not in flat["properties"]
    assert flat["first_seen"] == "2023-08-08T00:00:00"
    nested = api.get("/entities/ofac-sdn-41736", params={"format": "ftm"}).json()
    assert nested["properties"]["sanctions"][0]["schema"] == "Sanction"
    link = nested["properties"]["unknownLinkObject"][0]
    assert link["properties"]["subject"][0]["id"] == "ofac-sdn-41737"
    assert link["properties"]["subject"][0]["caption"] == "VERUS LLC"


def test_catalog_and_algorithms(api: Api) -> None:
    catalog = api.get("/catalog").json()
    names = [d["name"] for d in catalog["datasets"]]
    assert names == ["default", "ofac-sdn", "un"]
    assert catalog["datasets"][0]["children"] == ["ofac-sdn", "un"]
    assert catalog["datasets"][1]["entity_count"] == 3
    algorithms = api.get("/algorithms").json()
    assert algorithms["best"] == algorithms["algorithms"][0]["name"]
    assert algorithms["algorithms"][0]["description"].endswith(f", {state()}")  # how it runs
