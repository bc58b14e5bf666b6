"""Monitoring over the real API app: book upserts and deletes, runs, alerts, roles."""

from __future__ import annotations

from pathlib import Path

from clearance.auth.keys import KeyStore, Role
from clearance.settings import Settings
from tests.api.conftest import running_api
from tests.api.factory import install, sdn_entities


def test_book_alerts_and_runs_over_http(tmp_path: Path) -> None:
    install(tmp_path, {"ofac-sdn": sdn_entities()})
    keys = KeyStore(tmp_path)
    admin, screener = keys.add("a", Role.ADMIN), keys.add("s", Role.SCREENER)
    customers = {"customers": [
        {"id": "1", "name": "Ashot Mkrtichev", "type": "person", "dob": "1966-05-07",
         "segment": "retail"},
        {"id": "2", "name": "Jane Smithson", "type": "person"},
    ]}  # fmt: skip
    for api in running_api(Settings(home=tmp_path, api_reload_seconds=0)):
        api.wait_ready()
        api.key = screener
        assert api.post("/book/customers", json=customers).status_code == 403
        assert api.post("/monitor/run").status_code == 403
        api.key = admin
        bad = api.post("/book/customers", json={"customers": [{"id": "3", "name": ""}]})
        assert bad.status_code == 422 and "customers[0]" in bad.text
        done = api.post("/book/customers", json=customers)
        assert done.status_code == 200 and done.json()["inserted"] == 2
        run = api.post("/monitor/run").json()
        assert run["mode"] == "full" and run["customers_screened"] == 2
        api.key = screener
        listed = api.get("/alerts", params={"status": "open"}).json()["alerts"]
        assert [(a["customer_id"], a["entity_id"]) for a in listed] == [("1", "ofac-sdn-41736")]
        later = api.get("/alerts", params={"since": "2999-01-01T00:00:00Z"}).json()["alerts"]
        assert later == []
        api.key = admin
        assert api.request("DELETE", "/book/customers/1").status_code == 204
        assert api.request("DELETE", "/book/customers/1").status_code == 404
        api.key = screener
        closed = api.get("/alerts", params={"status": "closed"}).json()["alerts"]
        assert closed[0]["status_reason"] == "customer removed from the book"
