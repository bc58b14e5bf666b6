"""Cases over HTTP against a real server: password sign-in, recording, the queue, the four-eyes
rule and the roles, as the browser test does it but also with crafted posts."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from tests.web.conftest import WebClient, csrf_of, password_of

CASE_LINK = re.compile(r"/ui/cases/(\d+)")


def record_case(client: WebClient, name: str, dob: str = "") -> int:
    """Screen ``name`` and record it through the Screen page's record form; the case id."""
    form = {"csrf": client.csrf("/ui/screen"), "name": name, "type": "", "dob": dob,
            "country": "", "identifiers": ""}  # fmt: skip
    response = client.post("/ui/screen/record", form)
    assert response.status_code == 303, response.text[:500]
    found = CASE_LINK.search(response.headers["location"])
    assert found, response.headers["location"]
    return int(found.group(1))


def post_case(client: WebClient, case_id: int, action: str, **fields: str) -> Any:
    return client.post(
        f"/ui/cases/{case_id}/{action}",
        {"csrf": client.csrf(f"/ui/cases/{case_id}"), **fields},
    )


def test_password_sign_in_and_generic_refusals(web_client: Any) -> None:
    client = web_client()
    ok = client.sign_in_password("ana", password_of("ana"))
    assert ok.status_code == 303
    page = client.get("/ui/screen")
    assert page.status_code == 200 and "ana" in page.text and "analyst" in page.text
    refusals = [
        web_client().sign_in_password("ana", "wrong-password-123"),
        web_client().sign_in_password("nobody-here", "wrong-password-123"),
        web_client().sign_in_password("ana", ""),
    ]
    for refused in refusals:
        assert refused.status_code == 401
        assert "Unknown user or wrong password." in refused.text
    # the three answers differ only by the CSRF token and the name typed back
    bodies = {re.sub(r'value="[^"]*"', "", r.text) for r in refusals}
    assert len(bodies) == 1


def test_password_change_ends_the_session(web_client: Any, web_home: Path) -> None:
    from clearance.auth.passwords import PasswordStore
    from clearance.auth.roles import parse_roles
    from clearance.db import open_database
    from clearance.settings import Settings

    db = open_database(Settings(home=web_home))
    store = PasswordStore(db)
    store.users.add("temp-analyst", parse_roles(["analyst"]))
    store.set("temp-analyst", "first-password-1")
    client = web_client()
    assert client.sign_in_password("temp-analyst", "first-password-1").status_code == 303
    assert client.get("/ui/cases").status_code == 200
    store.set("temp-analyst", "second-password-2")
    time.sleep(1.1)  # the server caches a session's check for one second
    assert client.get("/ui/cases").status_code == 303  # back to the sign-in page
    store.users.set_active("temp-analyst", False)
    assert web_client().sign_in_password("temp-analyst", "second-password-2").status_code == 401
    db.engine.dispose()


def test_cli_passwd_reads_stdin(tmp_path: Path) -> None:
    import subprocess

    from tests.api.server import CLI, clearance_cli

    clearance_cli(tmp_path, "users", "add", "zoe", "--role", "analyst")
    done = subprocess.run(
        [*CLI, "--home", str(tmp_path), "users", "passwd", "zoe"],
        input="zoe-secret-password\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    short = subprocess.run(
        [*CLI, "--home", str(tmp_path), "users", "passwd", "zoe"],
        input="short\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert short.returncode != 0 and "at least 12 characters" in short.stderr + short.stdout
    assert "Traceback" not in short.stderr
    from clearance.auth.passwords import PasswordStore
    from clearance.db import open_database
    from clearance.settings import Settings

    db = open_database(Settings(home=tmp_path))
    store = PasswordStore(db)
    found = store.check("zoe", "zoe-secret-password")
    assert found is not None and found[0].name == "zoe"
    assert store.check("zoe", "short") is None
    db.engine.dispose()


def test_maker_checker_over_http(web_client: Any) -> None:
    maker = web_client(user="max")  # analyst AND supervisor
    case_id = record_case(maker, "Мкртычев Ашот", dob="1961-01-01")
    page = maker.get(f"/ui/cases/{case_id}")
    assert page.status_code == 200
    assert "<mark>Мкртычев</mark>" in page.text and "<mark>MKRTYCHEV</mark>" in page.text
    assert "name similarity" in page.text and "ofac-sdn-41736" in page.text

    missing = post_case(maker, case_id, "propose", decision="clear", reason="")
    assert missing.status_code == 422 and "written reason is required" in missing.text
    proposed = post_case(maker, case_id, "propose", decision="clear", reason="born 1961, not 1955")
    assert proposed.status_code == 303
    page = maker.get(f"/ui/cases/{case_id}")
    assert "You proposed this; another supervisor must approve" in page.text
    assert f'action="/ui/cases/{case_id}/approve"' not in page.text
    crafted = post_case(maker, case_id, "approve", reason="me again")
    assert crafted.status_code == 403 and "four eyes" in crafted.text

    checker = web_client(user="sam")
    page = checker.get(f"/ui/cases/{case_id}")
    assert f'action="/ui/cases/{case_id}/approve"' in page.text
    assert "verified" in page.text  # the audit chain's state, for a supervisor
    approved = post_case(checker, case_id, "approve", reason="agreed")
    assert approved.status_code == 303
    page = checker.get(f"/ui/cases/{case_id}")
    assert "Approved by" in page.text and "sam" in page.text
    history = page.text[page.text.index('id="h-history"') :]
    assert history.index("opened") < history.index("proposed") < history.index("approved")


def test_screener_sees_no_cases_and_crafted_posts_are_403(web_client: Any) -> None:
    analyst = web_client(user="alex")
    case_id = record_case(analyst, "DEFENSE ENGINEERING LLP")
    screener = web_client(user="sid")
    screen = screener.get("/ui/screen")
    assert 'href="/ui/cases"' not in screen.text
    assert screener.get("/ui/cases").status_code == 403
    assert screener.get(f"/ui/cases/{case_id}").status_code == 403
    token = screener.csrf("/ui/screen")
    for action in ("approve", "propose", "comment", "assign"):
        fields = {"csrf": token, "decision": "clear", "reason": "x", "text": "x"}
        response = screener.post(f"/ui/cases/{case_id}/{action}", fields)
        assert response.status_code == 403, (action, response.status_code)
    # a screener may record: a receipt, but no link to a case they cannot read
    form = {"csrf": token, "name": "Мкртычев Ашот"}
    recorded = screener.post("/ui/screen/record", form)
    assert recorded.status_code == 200 and "Recorded as receipt" in recorded.text


def test_forged_case_post_without_token_is_refused(web_client: Any) -> None:
    analyst = web_client(user="alex")
    case_id = record_case(analyst, "VERSOR S.R.O.")
    forged = analyst.post(f"/ui/cases/{case_id}/propose", {"decision": "block", "reason": "x"})
    assert forged.status_code == 403 and "security token" in forged.text
    page = analyst.get(f"/ui/cases/{case_id}")
    assert "No decision proposed yet" in page.text


def test_queue_filters_assignment_and_auditor(web_client: Any) -> None:
    analyst = web_client(user="alex")
    case_id = record_case(analyst, "LIMITED LIABILITY COMPANY VERUS")
    queue = analyst.get("/ui/cases?assignee=-")
    assert f'href="/ui/cases/{case_id}"' in queue.text
    take = analyst.post(
        f"/ui/cases/{case_id}/assign",
        {"csrf": csrf_of(queue.text), "assignee": "alex", "back": "/ui/cases?assignee=-"},
    )
    assert take.status_code == 303 and take.headers["location"] == "/ui/cases?assignee=-"
    assert f'href="/ui/cases/{case_id}"' in analyst.get("/ui/cases?assignee=alex").text
    assert f'href="/ui/cases/{case_id}"' not in analyst.get("/ui/cases?assignee=-").text
    due = post_case(analyst, case_id, "due", due="2026-01-31")
    assert due.status_code == 303
    assert f'href="/ui/cases/{case_id}"' in analyst.get("/ui/cases?due=2026-02-01").text
    assert f'href="/ui/cases/{case_id}"' not in analyst.get("/ui/cases?due=2026-01-30").text
    assert analyst.get("/ui/cases?state=nonsense").status_code == 422
    assert analyst.get("/ui/cases?due=31.01.2026").status_code == 422

    auditor = web_client(user="aud")
    page = auditor.get(f"/ui/cases/{case_id}")
    assert page.status_code == 200 and 'id="h-audit"' in page.text and "Rows" in page.text
    assert "/propose" not in page.text and "/approve" not in page.text
    assert post_case(auditor, case_id, "comment", text="looks fine").status_code == 403
