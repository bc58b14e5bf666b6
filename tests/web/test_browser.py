"""The web app in a real browser: Debian's Chromium, driven by Playwright, against a real
``clearance serve`` with the real OFAC SDN lists of 2021-07-07 and 2023-12-28.

Every page is checked with axe-core (vendored under ``tests/web/vendor/axe-core`` with its
licence) for serious or critical violations, watched for Content-Security-Policy violations,
and photographed at 1280x800. Set ``CLEARANCE_SCREENSHOTS=docs/screenshots`` to keep the
pictures (the README shows them); otherwise they go to the test's temporary folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.server import Server
from tests.web.conftest import password_of

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
VIEWPORT = {"width": 1280, "height": 800}
THREE_COMPANIES = (
    "LIMITED LIABILITY COMPANY VERUS",
    "DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP",
    "VERSOR S.R.O.",
)


class Visit:
    """One signed-in browser context: a page, plus the console's CSP complaints."""

    def __init__(self, browser: Any, server: Server, shots: Path) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, base_url=server.url)
        self.page = self.context.new_page()
        self.shots = shots
        self.csp_errors: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.csp_errors.append(message.text)

    def sign_in(self, key: str) -> None:
        page = self.page
        page.goto("/ui/login")
        page.get_by_label("API key").fill(key)
        page.get_by_label("API key").press("Enter")  # the keyboard submits the form
        page.wait_for_url(re.compile(r"/ui/(screen|lists)$"))

    def sign_in_password(self, user: str) -> None:
        page = self.page
        page.goto("/ui/login")
        page.get_by_label("User name").fill(user)
        page.get_by_label("Password").fill(password_of(user))
        page.get_by_label("Password").press("Enter")
        page.wait_for_url(re.compile(r"/ui/(screen|lists)$"))

    def check(self, name: str) -> None:
        """axe-core on the current page, a screenshot, and no CSP violation so far."""
        page = self.page
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))"
        )
        bad = [v for v in result if v["impact"] in ("serious", "critical")]
        assert not bad, f"{name}: accessibility violations {bad}"
        page.screenshot(path=str(self.shots / f"{name}.png"))
        assert not self.csp_errors, f"{name}: CSP violations {self.csp_errors}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("CLEARANCE_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def visit(browser: Any, web_server: Server, shots: Path) -> Iterator[Any]:
    visits: list[Visit] = []

    def make() -> Visit:
        v = Visit(browser, web_server, shots)
        visits.append(v)
        return v

    yield make
    for v in visits:
        v.close()


def test_sign_in_page(visit: Any) -> None:
    v = visit()
    v.page.goto("/ui/screen")
    assert v.page.url.endswith("/ui/login?next=/ui/screen")
    v.check("sign-in")


def test_screen_entity_and_network(visit: Any, web_keys: dict[str, str]) -> None:
    v = visit()
    v.sign_in(web_keys["screener"])
    page = v.page
    assert page.url.endswith("/ui/screen")
    v.check("screen-empty")
    page.get_by_label("Name").fill("Мкртычев Ашот")
    page.get_by_label("Name").press("Enter")
    first = page.locator("ol.matches > li").first
    first.wait_for()
    assert first.get_attribute("data-entity") == "ofac-sdn-41736"
    reasons = first.locator("table.reasons").inner_text()
    assert "name similarity" in reasons and "mkrtychev" in reasons
    assert first.locator("dd.query-name mark").all_inner_texts() == ["Мкртычев", "Ашот"]
    assert first.locator("dd.listed-name mark").all_inner_texts() == ["MKRTYCHEV", "Ashot"]
    v.check("screen-results")

    first.get_by_role("link", name="MKRTYCHEV, Ashot").click()
    page.wait_for_url("**/ui/entities/ofac-sdn-41736")
    assert page.get_by_role("heading", level=1).inner_text() == "MKRTYCHEV, Ashot"
    assert "BD3843329" in page.locator("section[aria-labelledby=h-ids]").inner_text()
    page.wait_for_selector("#network[data-ready='1']")
    network = page.locator("#network-list").inner_text()
    for company in THREE_COMPANIES:
        assert company in network
    labels = page.evaluate("window.clearanceNetwork.labels")
    assert set(THREE_COMPANIES) <= set(labels)
    assert page.locator("#network canvas").count() > 0  # drawn by Cytoscape
    v.check("entity")

    page.wait_for_selector("#ownership[data-ready='1']")
    verdicts = page.locator("#ownership table.verdicts").inner_text()
    assert "OFAC" in verdicts and "designated (ofac-sdn)" in verdicts

    # more hops: only the graph is reloaded (partial update), the page stays
    url = page.url
    page.get_by_label("Hops").select_option("2")
    page.wait_for_selector("#network[data-ready='2']")
    assert page.url == url
    assert page.evaluate("window.clearanceNetwork.hops") == "2"


def test_ownership_verdicts_and_owned_party_in_network(
    visit: Any, web_keys: dict[str, str]
) -> None:
    v = visit()
    v.sign_in(web_keys["viewer"])
    page = v.page
    page.goto("/ui/entities/ofac-sdn-44579")  # VERSOR S.R.O., owns 60 % of VERSOR TRADING LTD
    page.wait_for_selector("#network[data-ready='1']")
    assert "Versor Trading Ltd" in page.locator("#network-list").inner_text()
    page.wait_for_selector("#ownership[data-ready='1']")
    owned = page.locator("#ownership").inner_text()
    assert "Parties blocked with it under OFAC" in owned and "Versor Trading Ltd" in owned
    v.check("entity-ownership")


def test_forged_form_without_csrf_is_refused(visit: Any, web_keys: dict[str, str]) -> None:
    v = visit()
    v.sign_in(web_keys["screener"])
    page = v.page
    # a form another page could build: same fields, no CSRF token
    with page.expect_navigation():
        page.evaluate(
            """() => { const f = document.createElement('form'); f.method = 'post';
            f.action = '/ui/screen'; const i = document.createElement('input'); i.name = 'name';
            i.value = 'Мкртычев Ашот'; f.appendChild(i); document.body.appendChild(f);
            f.submit(); }"""
        )
    page.wait_for_load_state()
    assert "security token is missing" in page.locator("main").inner_text()
    assert page.locator("ol.matches").count() == 0
    v.check("error")


def test_screener_sees_no_admin_action_and_crafted_post_is_403(
    visit: Any, web_keys: dict[str, str]
) -> None:
    v = visit()
    v.sign_in(web_keys["screener"])
    page = v.page
    page.goto("/ui/lists")
    assert page.get_by_role("button", name="Switch to the newest snapshot").count() == 0
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    response = page.request.post("/ui/lists/reload", form={"csrf": csrf})
    assert response.status == 403


def test_lists_and_diff(visit: Any, web_keys: dict[str, str]) -> None:
    v = visit()
    v.sign_in(web_keys["admin"])
    page = v.page
    page.goto("/ui/lists")
    text = page.locator("main").inner_text()
    assert "ofac-sdn" in text and "sdn.csv" in text
    assert re.search(r"\b[0-9a-f]{64}\b", text)  # file hashes
    assert page.get_by_role("button", name="Switch to the newest snapshot").count() == 1
    v.check("lists")

    # the form preselects the older snapshot (2021-07-07) against the active one (2023-12-28)
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/ui/lists/diff?**")
    counts = page.get_by_role("heading", level=2).first.inner_text()
    assert re.match(r"ofac-sdn: [1-9][\d,]* added, \d+ removed, \d+ changed", counts), counts
    v.check("diff")
    for company in THREE_COMPANIES:
        page.get_by_label("Name or id contains").fill(company)
        page.get_by_label("Name or id contains").press("Enter")
        page.wait_for_url(re.compile(r"q="))
        assert company in page.locator("table.diff-added").inner_text()
        assert page.locator("table.diff-removed").count() == 0


def test_payment_decision_with_field_hits(visit: Any, web_keys: dict[str, str]) -> None:
    v = visit()
    v.sign_in(web_keys["screener"])
    page = v.page
    page.get_by_role("link", name="Payments").click()
    page.wait_for_url("**/ui/payments")
    v.check("payments-empty")
    fixture = Path(__file__).parent.parent / "payments" / "fixtures" / "mt202cov-defense.fin"
    page.get_by_label("Message").fill(fixture.read_text())
    page.get_by_role("button", name="Screen the payment").click()
    decision = page.locator(".payment").first
    decision.wait_for()
    assert "BLOCK" in decision.locator("h3").inner_text()
    hits = decision.locator("table.hits").inner_text()
    assert "B:59F: line 2" in hits and "DEFENSE ENGINEERING" in hits
    v.check("payments")


def test_payment_recorded_opens_a_case(visit: Any) -> None:
    # an analyst ticks "Record": the decision is recorded and its stopping hit opens a case
    v = visit()
    v.sign_in_password("alex")
    page = v.page
    page.get_by_role("link", name="Payments").click()
    page.wait_for_url("**/ui/payments")
    fixture = Path(__file__).parent.parent / "payments" / "fixtures" / "pacs008-versor.xml"
    page.get_by_label("Message").fill(fixture.read_text())
    page.get_by_role("checkbox", name=re.compile("Record")).check()
    page.get_by_role("button", name="Screen the payment").click()
    notice = page.locator(".payment p.recorded").first
    notice.wait_for()
    assert "Recorded as receipt" in notice.inner_text()
    assert page.get_by_role(
        "checkbox", name=re.compile("Record")
    ).is_checked()  # kept for the next message
    v.check("payments-recorded")
    notice.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/ui/cases/\d+$"))
    assert "VERSOR" in page.locator("main").inner_text()


def test_case_from_screening_to_four_eyes_approval(visit: Any) -> None:
    # an analyst (who is also a supervisor) records a screening: a case opens
    maker = visit()
    maker.sign_in_password("max")
    page = maker.page
    page.get_by_label("Name").fill("Мкртычев Ашот")
    page.get_by_label("Name").press("Enter")
    page.locator("ol.matches > li").first.wait_for()
    page.get_by_role("button", name=re.compile("Record this screening")).click()
    page.wait_for_url(re.compile(r"/ui/cases/\d+\?done=recorded$"))
    case_url = page.url.split("?")[0]
    case_path = case_url[case_url.index("/ui/") :]
    assert page.locator("dd.query-name mark").all_inner_texts() == ["Мкртычев", "Ашот"]
    assert page.locator("dd.listed-name mark").all_inner_texts() == ["MKRTYCHEV", "Ashot"]
    assert "name similarity" in page.locator("table.reasons").inner_text()
    assert "ofac-sdn" in page.locator("table.versions").inner_text()
    assert "verified" in page.locator(".audit-chain").inner_text()
    maker.check("case-open")

    # proposes clear with a reason; the same user cannot approve (no button, post refused)
    page.get_by_label("clear").check()
    page.get_by_label("Reason (required)").fill("Born 1961; the listed MKRTYCHEV is another man.")
    page.get_by_role("button", name="Propose").click()
    page.wait_for_url("**?done=proposed")
    assert (
        "You proposed this; another supervisor must approve"
        in page.locator(".four-eyes").inner_text()
    )
    assert page.get_by_role("button", name="Approve").count() == 0
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    crafted = page.request.post(case_path + "/approve", form={"csrf": csrf, "reason": "self"})
    assert crafted.status == 403 and "four eyes" in crafted.text()
    maker.check("case-proposed")

    # a forged form without the CSRF token is refused
    with page.expect_navigation():
        page.evaluate(
            """(action) => { const f = document.createElement('form'); f.method = 'post';
            f.action = action; const i = document.createElement('input'); i.name = 'text';
            i.value = 'forged'; f.appendChild(i); document.body.appendChild(f); f.submit(); }""",
            case_path + "/comment",
        )
    page.wait_for_load_state()
    assert "security token is missing" in page.locator("main").inner_text()

    # the queue shows it as proposed
    page.goto("/ui/cases?state=proposed")
    assert case_path in page.locator("table.queue").inner_html()
    for name in (
        "DEFENSE ENGINEERING LLP",
        "VERSOR S.R.O.",
        "LIMITED LIABILITY COMPANY VERUS",
    ):  # a fuller queue
        token = page.locator("input[name=csrf]").first.get_attribute("value")
        added = page.request.post("/ui/screen/record", form={"csrf": token, "name": name})
        assert added.status == 200 and "/ui/cases/" in added.url
    page.goto("/ui/cases")
    assert page.locator("table.queue tbody tr").count() >= 4
    maker.check("cases")

    # a screener sees no approve button and a crafted post is 403
    screener = visit()
    screener.sign_in_password("sid")
    spage = screener.page
    assert spage.get_by_role("link", name="Cases").count() == 0
    answer = spage.goto(case_path)
    assert answer is not None and answer.status == 403
    assert spage.get_by_role("button", name="Approve").count() == 0
    token = spage.locator("input[name=csrf]").first.get_attribute("value")
    crafted = spage.request.post(case_path + "/approve", form={"csrf": token})
    assert crafted.status == 403

    # another supervisor approves
    checker = visit()
    checker.sign_in_password("sam")
    cpage = checker.page
    cpage.on("dialog", lambda dialog: dialog.accept())  # "Approve …?" confirmation
    cpage.goto(case_path)
    cpage.get_by_label("Approval note (optional)").fill("Agreed: different date of birth.")
    cpage.get_by_role("button", name="Approve").click()
    cpage.wait_for_url("**?done=approved")
    decision = cpage.locator("section.decision").inner_text()
    assert "Approved by" in decision and "sam" in decision
    history = cpage.locator("ol.history").inner_text()
    for event in ("opened", "proposed", "approved"):
        assert event in history
    checker.check("case-approved")
