"""Recording a screening with alerts, as steps any driver can run: the receipt's body, the
good-guy verdicts of its alerts' listed entities, a case opened or joined per alert that no
approved clear suppresses (in open-key order), and what the recorder appends at the end (the
receipt, then each case's row with its link).

:func:`record_steps` asks its database work of the driver (see
:data:`~clearance.cases.alerts.Ask`): :meth:`CaseService.record
<clearance.cases.service.CaseService.record>` runs it in a session, the API server's
:class:`~clearance.cases.async_record.AsyncAlertRecorder` on its event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from clearance.audit.receipts import ScreeningContext, new_id, receipt_body
from clearance.cases.goodguy import GoodGuyVerdict
from clearance.matching.result import ScreeningResult
from clearance.model import Entity

EntityLookup = Callable[[str], Entity | None]
# a case opened or joined: its id and the event its audit row records
Link = tuple[int, dict[str, Any]]
# What a recording asks of its driver, with what: the good-guy verdicts of a subject and
# listed entities (``subject``, ``entities``: by entity id, as ``goodguy_checks`` answers), or
# a case opened or joined (the arguments of ``case_for``: its id and event)
Need = tuple[str, dict[str, Any]]
GOODGUY, CASE_FOR = "goodguy", "case"
Steps = Generator[Need, Any, tuple[dict[str, Any], "Recorded", list[Link]]]


@dataclass(frozen=True, slots=True)
class Recorded:
    receipt: str
    cases: list[int] = field(default_factory=list)
    suppressed: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"receipt": self.receipt, "cases": self.cases, "suppressed": self.suppressed}


def record_steps(
    result: ScreeningResult,
    context: ScreeningContext,
    actor: str,
    entity: EntityLookup,
    source: str,
    kind: str = "screen",
    run_id: str | None = None,
) -> Steps:
    """One receipt for ``result`` and a case per alerting match unless an approved clear of
    the same subject and entity still holds; returns the receipt's body, what is recorded, and
    the cases' links to append after the receipt (the caller appends and commits)."""
    rid = new_id()
    body = receipt_body(
        result, context, receipt_id=rid, actor=actor, source=source, kind=kind, run_id=run_id
    )
    alerts = [m for m in result.matches if m.alert]
    entities = {m.entity_id: entity(m.entity_id) for m in alerts}
    known = [e for e in entities.values() if e is not None]
    found: dict[str, GoodGuyVerdict] = {}
    if known:
        found = yield GOODGUY, {"subject": body["subject_key"], "entities": known}
    verdicts: dict[str, tuple[GoodGuyVerdict, Entity | None]] = {
        k: (found[e.id] if e else GoodGuyVerdict(False), e) for k, e in entities.items()
    }
    if verdicts:
        body["goodguy"] = {k: v[0].to_dict() for k, v in verdicts.items() if v[0].cleared}
    # the cases first (their rows locked in open-key order), the chain head last: it stays
    # locked from the receipt's row to the commit, and every other recorder waits for it
    opened: dict[int, Link] = {}
    for i in sorted(range(len(alerts)), key=lambda i: alerts[i].entity_id):
        verdict, listed = verdicts[alerts[i].entity_id]
        if not verdict.suppressed:
            opened[i] = yield CASE_FOR, {
                "subject": body["input"], "match": alerts[i], "receipt": rid,
                "snapshot": context.snapshot, "source": source, "listed": listed,
                "changes": verdict.changes,
            }  # fmt: skip
    cases, suppressed, links = [], [], []
    for i, match in enumerate(alerts):
        if i not in opened:
            case = verdicts[match.entity_id][0].case_id
            suppressed.append({"entity_id": match.entity_id, "case": case})
            continue
        links.append(opened[i])
        cases.append(opened[i][0])
    return body, Recorded(rid, cases, suppressed), links
