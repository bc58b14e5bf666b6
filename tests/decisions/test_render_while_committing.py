"""``POST /screen?record=true`` without alerts: the answer is rendered while the receipt's
statement runs (the receipt id is known before the commit, and no case is opened), and sent
only once the receipt has committed — at one client the rendering no longer follows the commit
on the request's path."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from clearance.api.errors import OrjsonResponse
from clearance.audit.async_writer import AsyncReceiptWriter
from clearance.audit.loop_writer import LoopReceiptWriter
from clearance.db.engine import forget_databases
from tests.decisions.test_api import api, as_, home  # noqa: F401 - fixtures

Api = tuple[Any, dict[str, str]]


def test_the_answer_is_rendered_before_the_commit_and_sent_after_it(
    api: Api,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client, keys = api
    events: list[str] = []
    render = OrjsonResponse.render

    def rendering(self: OrjsonResponse, content: Any) -> bytes:
        if isinstance(content, dict) and "recorded" in content:
            events.append("rendered")
        return render(self, content)

    def submitting(real: Any) -> Any:
        def submit(self: Any, body: dict[str, Any], actor: str) -> asyncio.Future[int]:
            done: asyncio.Future[int] = real(self, body, actor)
            done.add_done_callback(lambda _: events.append("committed"))
            return done

        return submit

    monkeypatch.setattr(OrjsonResponse, "render", rendering)
    for cls in (AsyncReceiptWriter, LoopReceiptWriter):
        monkeypatch.setattr(cls, "submit", submitting(cls.submit))
    answers = []
    for i in range(3):  # the first pins the snapshot (in a worker thread), the others the writer's
        res = client.post(
            "/screen?record=true", json={"name": f"Jane Citizen {i}"}, headers=as_(keys["svc"])
        )
        assert res.status_code == 200 and res.json()["recorded"]["cases"] == []
        answers.append(res.json())
    assert events == ["rendered"] + ["rendered", "committed"] * 2
    for answer in answers:  # each answered receipt is in the database
        receipt = answer["recorded"]["receipt"]
        found = client.get(f"/receipts/{receipt}", headers=as_(keys["aud"]))
        assert found.status_code == 200 and found.json()["receipt"] == receipt
    forget_databases()
