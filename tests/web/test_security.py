"""Sign-in, sessions, CSRF, roles and security headers, over HTTP against a real server."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from clearance.auth.keys import KeyStore, Role
from tests.api.server import Server
from tests.web.conftest import WebClient, csrf_of


def test_anonymous_visitor_is_sent_to_sign_in(web_client: Any) -> None:
    client = web_client()
    response = client.get("/ui/screen")
    assert response.status_code == 303
    assert response.headers["location"] == "/ui/login?next=/ui/screen"
    assert client.get("/").headers["location"] == "/ui/"


def test_security_headers_and_cookie_flags(web_client: Any) -> None:
    response = web_client().get("/ui/login")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback; over TLS the flag is set
    static = web_client().get("/ui/static/app.js")
    assert static.status_code == 200 and "x-frame-options" in static.headers


def test_secure_cookie_behind_tls_proxy(web_client: Any) -> None:
    # uvicorn trusts X-Forwarded-Proto from loopback (a TLS-terminating proxy on the host)
    response = web_client().get("/ui/login", headers={"X-Forwarded-Proto": "https"})
    assert "; Secure" in response.headers["set-cookie"]


def test_wrong_key_is_refused(web_client: Any) -> None:
    client = web_client()
    response = client.sign_in("not-a-key")
    assert response.status_code == 401
    assert "Unknown or revoked API key" in response.text
    assert client.get("/ui/lists").status_code == 303


def test_sign_in_without_csrf_token_is_refused(web_client: Any, web_keys: dict[str, str]) -> None:
    client = web_client()
    client.get("/ui/login")
    response = client.post("/ui/login", {"api_key": web_keys["admin"]})
    assert response.status_code == 403
    assert client.get("/ui/lists").status_code == 303  # still signed out


def test_forged_screen_post_without_token_is_refused(web_client: Any) -> None:
    client = web_client("screener")
    forged = client.post("/ui/screen", {"name": "Мкртычев Ашот"})
    assert forged.status_code == 403
    assert "ofac-sdn-41736" not in forged.text
    wrong = client.post("/ui/screen", {"name": "Мкртычев Ашот", "csrf": "x" * 43})
    assert wrong.status_code == 403
    ok = client.post("/ui/screen", {"name": "Мкртычев Ашот", "csrf": client.csrf("/ui/screen")})
    assert ok.status_code == 200 and 'data-entity="ofac-sdn-41736"' in ok.text


def test_token_of_another_session_is_refused(web_client: Any) -> None:
    mine, other = web_client("screener"), web_client("screener")
    response = mine.post("/ui/screen", {"name": "Ashot", "csrf": other.csrf("/ui/screen")})
    assert response.status_code == 403


def test_viewer_cannot_see_or_post_screening(web_client: Any) -> None:
    client = web_client("viewer")
    lists = client.get("/ui/lists")
    assert lists.status_code == 200
    assert 'href="/ui/screen"' not in lists.text
    assert client.get("/ui/screen").status_code == 403
    crafted = client.post("/ui/screen", {"name": "Ashot", "csrf": csrf_of(lists.text)})
    assert crafted.status_code == 403
    assert "needs the screener role" in crafted.text


def test_screener_does_not_see_admin_actions_and_cannot_post_them(web_client: Any) -> None:
    client = web_client("screener")
    page = client.get("/ui/lists")
    assert "/ui/lists/reload" not in page.text and "/ui/lists/refresh" not in page.text
    for action in ("/ui/lists/reload", "/ui/lists/refresh"):
        crafted = client.post(action, {"csrf": csrf_of(page.text)})
        assert crafted.status_code == 403, action


def test_admin_reloads(web_client: Any) -> None:
    client = web_client("admin")
    page = client.get("/ui/lists")
    assert "/ui/lists/reload" in page.text
    response = client.post("/ui/lists/reload", {"csrf": csrf_of(page.text)})
    assert response.status_code == 200
    assert "Already on the newest snapshot" in response.text


def test_tampered_cookie_is_a_fresh_anonymous_session(web_client: Any) -> None:
    client = web_client("admin")
    cookie = client.http.cookies["clearance_session"]
    body, _, signature = cookie.partition(".")
    client.http.cookies.clear()
    client.http.cookies.set("clearance_session", body + "." + signature[::-1])
    response = client.get("/ui/lists")
    assert response.status_code == 303 and "/ui/login" in response.headers["location"]


def test_revoked_key_ends_the_session(web_server: Server, web_client: Any) -> None:
    store = KeyStore(web_server.home)
    token = store.add("web-short-lived", Role.ADMIN)
    time.sleep(1.1)  # the server re-reads the key file at most once a second
    client = web_client()
    assert client.sign_in(token).status_code == 303
    assert client.get("/ui/lists").status_code == 200
    store.revoke("web-short-lived")
    assert client.get("/ui/lists").status_code == 303


def test_no_open_redirect_after_sign_in(web_server: Server, web_keys: dict[str, str]) -> None:
    client = WebClient(web_server.url)
    try:
        response = client.sign_in(web_keys["viewer"], next_url="https://example.org/")
        assert response.headers["location"] == "/ui/"
        assert client.get("/ui/").headers["location"] == "/ui/lists"  # a viewer cannot screen
    finally:
        client.close()


def test_sign_out_needs_token_and_ends_session(web_client: Any) -> None:
    client = web_client("viewer")
    assert client.post("/ui/logout", {}).status_code == 403
    assert client.get("/ui/lists").status_code == 200
    assert client.post("/ui/logout", {"csrf": client.csrf()}).status_code == 303
    assert client.get("/ui/lists").status_code == 303


def test_errors_are_pages(web_client: Any) -> None:
    client = web_client("screener")
    missing = client.get("/ui/entities/ofac-sdn-0")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    assert "no entity" in missing.text
    bad = client.post("/ui/screen", {"name": "Ashot", "dob": "07/05/1966", "csrf": client.csrf()})
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert 'value="07/05/1966"' in bad.text  # the form keeps what was typed


def test_api_still_wants_json_and_keys(web_server: Server, web_keys: dict[str, str]) -> None:
    client = WebClient(web_server.url)
    try:
        response = client.http.post(
            "/screen",
            data={"name": "Ashot"},
            headers={"Authorization": f"Bearer {web_keys['screener']}"},
        )
        assert response.status_code == 415  # form bodies are for the web pages only
        # a web session is no API credential
        client.sign_in(web_keys["admin"])
        assert client.http.get("/lists").status_code == 401
    finally:
        client.close()


def test_payment_pasted_and_uploaded(web_client: Any) -> None:
    client = web_client("screener")
    fixtures = Path(__file__).parent.parent / "payments" / "fixtures"
    pasted = client.post(
        "/ui/payments",
        {"csrf": client.csrf(), "message": (fixtures / "mt103-verus.fin").read_text()},
    )
    assert pasted.status_code == 200
    assert "BLOCK" in pasted.text and ":59: line 2" in pasted.text
    assert "/ui/entities/ofac-sdn-44544" in pasted.text and "us-ofac/default" in pasted.text
    xml = (fixtures / "pacs008-versor.xml").read_bytes()
    uploaded = client.http.post(
        "/ui/payments",
        data={"csrf": client.csrf()},
        files={"file": ("pacs008-versor.xml", xml, "application/xml")},
    )
    assert uploaded.status_code == 200
    assert "CdtTrfTxInf/Cdtr/Nm" in uploaded.text and "ofac-sdn-44579" in uploaded.text
    broken = client.post("/ui/payments", {"csrf": client.csrf(), "message": "{1:F01 nonsense"})
    assert broken.status_code == 200 and 'class="error"' in broken.text
    empty = client.post("/ui/payments", {"csrf": client.csrf(), "message": "  "})
    assert empty.status_code == 422


def test_viewer_cannot_screen_payments(web_client: Any) -> None:
    client = web_client("viewer")
    assert client.get("/ui/payments").status_code == 403
    crafted = client.post("/ui/payments", {"csrf": client.csrf(), "message": "{1:F01}"})
    assert crafted.status_code == 403


def test_payment_record_choice_and_roles(web_client: Any) -> None:
    fixtures = Path(__file__).parent.parent / "payments" / "fixtures"
    message = (fixtures / "mt202cov-defense.fin").read_text()
    # a screener sees the choice; unticked nothing is recorded, ticked a receipt and a case
    # (shown without a link: a screener may not read cases)
    screener = web_client(user="sid")
    page = screener.get("/ui/payments")
    assert 'name="record"' in page.text
    plain = screener.post("/ui/payments", {"csrf": csrf_of(page.text), "message": message})
    assert plain.status_code == 200 and "Recorded as receipt" not in plain.text
    recorded = screener.post(
        "/ui/payments", {"csrf": screener.csrf(), "message": message, "record": "on"}
    )
    assert recorded.status_code == 200 and "Recorded as receipt" in recorded.text
    found = re.search(r"cases opened or joined: #(\d+)", recorded.text)
    assert found and "/ui/cases/" not in recorded.text
    # an analyst recording the same payment joins that case, linked
    analyst = web_client(user="alex")
    again = analyst.post(
        "/ui/payments", {"csrf": analyst.csrf(), "message": message, "record": "on"}
    )
    assert f'href="/ui/cases/{found.group(1)}"' in again.text
    case = analyst.get(f"/ui/cases/{found.group(1)}")
    assert case.status_code == 200 and "DEFENSE ENGINEERING" in case.text
    # an auditor may not screen or record payments: no page, a crafted post refused
    auditor = web_client(user="aud")
    assert auditor.get("/ui/payments").status_code == 403
    crafted = auditor.post(
        "/ui/payments", {"csrf": auditor.csrf("/ui/cases"), "message": message, "record": "on"}
    )
    assert crafted.status_code == 403
