"""Payment decisions into the audit trail (the database side of payment screening; the
screening core in this package stays pure and never imports this module).

Every recorded message gets one receipt (kind ``payment``): the message as read and its
canonical hash, the snapshot, list versions and algorithm, the policy and its hash, the
decision, the deciding rule and every hit with its field path. Each hit that stops the payment
(block, reject, review) opens a case or joins the open one, through
:meth:`clearance.cases.service.CaseService.open_alert`, in the same transaction:

* a hit on a listed entity (a name, a BIC, a vessel's IMO number, a name in free text): the
  subject is the value in the field (``LLC VERUS``, ``SBERRUMM``), so the same party in a later
  payment joins the open case, and an approved clear of that subject and entity (the good-guy
  list) suppresses the case while the entity's matching data is unchanged;
* a hit on a place (a jurisdiction, a covered region): the subject is this message's field
  (the case names the rule, ``us-ofac/region/crimea``): a place is decided per payment.

The case's subject carries the evidence: the field path, role, check, value, the message's
type, reference and hash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import now_iso
from clearance.audit.receipts import ScreeningContext, new_id, subject_key, write_receipt
from clearance.auth.roles import Action as Permission
from clearance.auth.roles import Actor, require
from clearance.cases.goodguy import goodguy_check
from clearance.cases.service import CaseService
from clearance.matching.result import Match
from clearance.messages.model import Message
from clearance.model import Entity
from clearance.payments.decision import Decision, Hit
from clearance.payments.policy import Action, Policy

EntityLookup = Callable[[str], Entity | None]
RULE_LIST = "payments-policy"  # the "list" of a case opened by a place rule


def message_digest(message: Message) -> str:
    """The canonical hash of a message: SHA-256 of the canonical JSON of what was read (type,
    version, reference, header, every party and text with its field path), the file name
    left out, so the same message delivered twice (other line endings, XML prefixes or
    attribute order) has the same hash."""
    body = message.to_dict()
    body.pop("source", None)
    return sha256_hex(canonical(body))


@dataclass(frozen=True, slots=True)
class PaymentRecorded:
    receipt: str
    message_sha256: str
    cases: list[int] = field(default_factory=list)
    suppressed: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "receipt": self.receipt,
            "message_sha256": self.message_sha256,
            "cases": self.cases,
            "suppressed": self.suppressed,
        }


class PaymentRecorder:
    """Records decisions for one actor against one snapshot; usable as a
    :class:`~clearance.payments.screen.PaymentScreener` hook."""

    def __init__(
        self,
        cases: CaseService,
        context: ScreeningContext,
        actor: Actor,
        policy: Policy,
        *,
        entity: EntityLookup,
        source: str,
    ) -> None:
        require(actor.name, actor.roles, Permission.RECORD)
        self.cases, self.context, self.actor = cases, context, actor
        self.policy, self.entity, self.source = policy, entity, source

    def __call__(self, decision: Decision) -> None:
        self.record(decision)

    def record(self, decision: Decision) -> PaymentRecorded:
        """One receipt and the cases of ``decision``, in one transaction."""
        digest = message_digest(decision.message)
        rid = new_id()
        body = self._receipt(decision, rid, digest)
        with self.cases.db.session(write=True) as s:
            groups = _groups(decision, digest)
            verdicts = {}
            for key, (subject, hit) in groups.items():
                listed = self.entity(hit.entity_id) if hit.entity_id else None
                if listed is not None:
                    verdicts[key] = (goodguy_check(s, subject_key(subject), listed), listed)
            cleared = {k[1]: v[0].to_dict() for k, v in verdicts.items() if v[0].cleared}
            if cleared:
                body["goodguy"] = cleared
            write_receipt(s, body, self.actor.name)
            out = PaymentRecorded(rid, digest)
            for key, (subject, hit) in groups.items():
                verdict, listed = verdicts.get(key, (None, None))
                if verdict is not None and verdict.suppressed:
                    out.suppressed.append({"entity_id": hit.entity_id, "case": verdict.case_id,
                                           "field": hit.field})  # fmt: skip
                    continue
                changes = verdict.changes if verdict is not None else None
                out.cases.append(self._open(s, subject, hit, rid, listed, changes))
        return out

    def _open(
        self,
        s: Session,
        subject: dict[str, Any],
        hit: Hit,
        receipt: str,
        listed: Entity | None,
        changes: list[str] | None,
    ) -> int:
        match = _as_match(hit)
        return self.cases.open_alert(
            s, subject, match, receipt=receipt, snapshot=self.context.snapshot,
            source=f"payment-{self.source}", actor=self.actor.name, listed=listed,
            changes=changes,
        )  # fmt: skip

    def _receipt(self, decision: Decision, rid: str, digest: str) -> dict[str, Any]:
        message = decision.message.to_dict()
        source = message.pop("source")
        return {
            "receipt": rid,
            "kind": "payment",
            "source": f"payment-{self.source}",
            "run": None,
            "at": now_iso(),
            "actor": self.actor.name,
            "input": message,
            "input_sha256": digest,
            "message_sha256": digest,
            "message_source": source,
            "subject_key": subject_key({"id": f"payment:{digest}"}),
            "snapshot": self.context.snapshot,
            "lists": self.context.lists,
            "algorithm": self.context.algorithm,
            "policy": self.policy.describe(),
            "outcome": "alert" if decision.action > Action.CLEAR else "no alert",
            "decision": decision.label,
            "rule": decision.rule,
            "hits": [h.to_dict() for h in decision.hits],
        }


def _groups(decision: Decision, digest: str) -> dict[tuple[str, str], tuple[dict[str, Any], Hit]]:
    """One case per (subject, listed entity or rule): the strongest hit of each (hits come
    strongest first)."""
    msg = decision.message
    out: dict[tuple[str, str], tuple[dict[str, Any], Hit]] = {}
    for hit in decision.hits:
        evidence = {
            "field": hit.field, "role": hit.role, "check": hit.check, "value": hit.value,
            "action": hit.action.label, "rule": hit.rule, "message_type": msg.type,
            "message_reference": msg.reference, "message_sha256": digest,
        }  # fmt: skip
        if hit.entity_id is not None:
            subject = {"name": hit.value, "type": None, "dob": None, "payment": evidence}
            target = hit.entity_id
        else:
            subject = {"id": f"payment:{digest}:{hit.field}", "payment": evidence,
                       "name": f"{msg.reference or msg.type} {hit.field}: {hit.value}"}  # fmt: skip
            target = f"rule:{hit.rule}"
        key = (subject_key(subject), target)
        if key not in out:
            out[key] = (subject, hit)
    return out


def _as_match(hit: Hit) -> Match:
    if hit.entity_id is not None:
        return Match(hit.entity_id, hit.list or "", "", "", hit.entity_name or "",
                     hit.entity_name or "", hit.score or 1.0, True)  # fmt: skip
    return Match(f"rule:{hit.rule}", RULE_LIST, "", "", hit.rule, hit.reason[:200], 1.0, True)
