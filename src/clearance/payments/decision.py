"""A payment decision: block / reject / review / clear, with every hit and the deciding rule."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clearance.messages.model import Message
from clearance.payments.policy import Action


@dataclass(frozen=True, slots=True)
class Hit:
    """One reason to stop a payment, tied to the field it was found in."""

    field: str  # ``CdtTrfTxInf/Cdtr/Nm``, ``:59: line 2``
    role: str  # creditor, debtor agent, remittance…
    check: str  # name, bic, jurisdiction, region, text-name, text-imo, text-region
    value: str  # what the field says
    action: Action
    rule: str  # the policy rule: ``us-ofac/default``, ``us-ofac/region/crimea``…
    reason: str
    score: float | None = None
    entity_id: str | None = None
    entity_name: str | None = None
    list: str | None = None
    programs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "field": self.field,
            "role": self.role,
            "check": self.check,
            "value": self.value,
            "action": self.action.label,
            "rule": self.rule,
            "reason": self.reason,
        }
        if self.score is not None:
            out["score"] = round(self.score, 4)
        if self.entity_id is not None:
            out["entity"] = {
                "id": self.entity_id,
                "name": self.entity_name,
                "list": self.list,
                "programs": list(self.programs),
            }
        return out


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer for one message."""

    message: Message
    action: Action
    rule: str | None  # the rule of the deciding hit (None when clear)
    hits: tuple[Hit, ...]
    snapshot: str
    algorithm: str
    policy: str

    @property
    def label(self) -> str:
        return self.action.label

    @property
    def deciding(self) -> Hit | None:
        return self.hits[0] if self.hits else None

    def to_dict(self, *, parties: bool = False) -> dict[str, Any]:
        msg = self.message
        out: dict[str, Any] = {
            "source": msg.source,
            "type": msg.type,
            "version": msg.version,
            "reference": msg.reference,
            "decision": self.label,
            "rule": self.rule,
            "hits": [h.to_dict() for h in self.hits],
            "warnings": list(msg.warnings),
            "snapshot": self.snapshot,
            "algorithm": self.algorithm,
            "policy": self.policy,
        }
        if parties:
            out["parties"] = [p.to_dict() for p in msg.parties]
        return out


def decide(
    message: Message, hits: Iterable[Hit], *, snapshot: str, algorithm: str, policy: str
) -> Decision:
    """The strongest hit decides; hits are ordered strongest first, then by score."""
    ordered = sorted(hits, key=lambda h: (-h.action, -(h.score or 0.0), h.field))
    kept = tuple(h for h in ordered if h.action > Action.CLEAR)
    action = kept[0].action if kept else Action.CLEAR
    return Decision(
        message, action, kept[0].rule if kept else None, kept, snapshot, algorithm, policy
    )
