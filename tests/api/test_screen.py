"""Native screening and browsing endpoints, in-process over a tiny list."""

from __future__ import annotations

from tests.api.conftest import Api


def test_screen_alerts_with_provenance(api: Api) -> None:
    r = api.post("/screen", json={"name": "Ashot Mkrtichev", "type": "person", "id": "c-1"})
    assert r.status_code == 200
    body = r.json()
    assert body["alert"] is True
    assert body["id"] == "c-1"
    assert body["matches"][0]["entity_id"] == "ofac-sdn-41736"
    assert body["matches"][0]["features"], "every match explains itself"
    assert body["algorithm"]["name"] and body["algorithm"]["version"]
    assert body["snapshot"]
    assert set(body["lists"]) == {"ofac-sdn", "un"}


def test_screen_restricted_to_a_list(api: Api) -> None:
    r = api.post("/screen", json={"name": "Ashot Mkrtichev", "lists": ["un"]})
    assert r.status_code == 200
    assert r.json()["matches"] == []


def test_screen_with_dob_country_and_identifiers(api: Api) -> None:
    r = api.post(
        "/screen",
        json={
            "name": "Ashot Mkrtychev",
            "type": "individual",
            "dob": "1966-05-07",
            "country": ["SK"],
            "identifiers": [{"type": "passport", "value": "BD 3843329"}, "X1"],
            "limit": 1,
            "threshold": 0.8,
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["threshold"] == 0.8
    assert len(body["matches"]) == 1
    assert body["query"]["dob"] == "1966-05-07"


def test_batch_reports_errors_in_place(api: Api) -> None:
    queries = [
        {"name": "Ashot Mkrtichev", "id": "a"},
        {"name": "", "id": "b"},
        {"name": "Vladimir Putin", "dob": "1952-13-40", "id": "c"},
        {"name": 42, "id": "d"},
        {"name": "Nobody Inparticular", "type": "spaceship", "id": "e"},
        {"name": "Komid", "lists": ["nope"], "id": "f"},
        "not an object",
        {"name": "KOMID", "id": "g"},
    ]
    r = api.post("/screen/batch", json={"queries": queries})
    assert r.status_code == 200, r.text
    body = r.json()
    results = body["results"]
    assert len(results) == len(queries)
    assert body["count"] == 8 and body["errors"] == 6 and body["alerts"] == 2
    assert results[0]["alert"] is True and results[0]["id"] == "a"
    assert results[1]["error"]["code"] == "invalid_query" and results[1]["index"] == 1
    assert "date" in results[2]["error"]["message"]
    assert results[3]["error"]["code"] == "invalid_request" and results[3]["id"] == "d"
    assert "unknown type" in results[4]["error"]["message"]
    assert "unknown list 'nope'" in results[5]["error"]["message"]
    assert results[6]["error"]["code"] == "invalid_request"
    assert results[7]["matches"][0]["entity_id"] == "un-KPe.001"
    assert body["snapshot"] == results[0]["snapshot"]


def test_batch_too_large(make_api: object, keys: dict[str, str]) -> None:
    api = make_api(api_max_batch=3)  # type: ignore[operator]
    api.key = keys["screener"]
    r = api.post("/screen/batch", json={"queries": [{"name": "A B"}] * 4})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


def test_entity_with_relationships_both_ways(api: Api) -> None:
    body = api.get("/entities/ofac-sdn-41736").json()
    assert body["caption"] == "MKRTYCHEV, Ashot"
    assert body["birth_dates"] == ["1966-05-07"]
    assert body["incoming"] == [
        {
            "kind": "linked_to",
            "entity_id": "ofac-sdn-41737",
            "caption": "VERUS LLC",
            "share": None,
            "raw": None,
        }
    ]
    verus = api.get("/entities/ofac-sdn-41737").json()
    assert verus["outgoing"][0]["entity_id"] == "ofac-sdn-41736"
    assert verus["outgoing"][0]["caption"] == "MKRTYCHEV, Ashot"


def test_entity_not_found(api: Api) -> None:
    r = api.get("/entities/ofac-sdn-999999")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_search_browses_by_name(api: Api) -> None:
    r = api.get("/search", params={"q": "mkrtychev"})
    assert r.status_code == 200
    assert [m["entity_id"] for m in r.json()["results"]][:1] == ["ofac-sdn-41736"]


def test_lists(api: Api) -> None:
    body = api.get("/lists").json()
    lists = {item["name"]: item for item in body["lists"]}
    assert set(lists) == {"ofac-sdn", "un"}
    assert lists["ofac-sdn"]["entities"] == 3
    assert lists["ofac-sdn"]["published"] == "2023-12-28"
    assert body["snapshot"]


def test_health_and_ready_need_no_key(api: Api) -> None:
    api.key = None
    assert api.get("/healthz").json() == {"status": "ok"}
    assert api.get("/readyz").json()["status"] == "ok"
    assert api.get("/metrics").status_code == 200
