"""The case life cycle and the four-eyes rule (pure: no database, no web).

States: ``open`` → ``in_review`` → ``proposed`` (an analyst proposes ``block`` or ``reject``
for a true match, ``clear`` for a false positive, or ``escalate``, always with a written
reason) → ``approved`` or ``returned`` by a supervisor (a returned case is worked again and
proposed anew). Whoever proposed can never approve or return that proposal, whatever their
roles. Each function checks the actor's roles and the case's state and returns the changes to
make and the event to record; it never touches storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from clearance.auth.roles import Action, Actor, PermissionDenied, require
from clearance.errors import ClearanceError


class State(StrEnum):
    OPEN = "open"
    IN_REVIEW = "in_review"
    PROPOSED = "proposed"
    APPROVED = "approved"
    RETURNED = "returned"


class Proposal(StrEnum):
    BLOCK = "block"  # true match: block the property
    REJECT = "reject"  # true match: reject the transaction
    CLEAR = "clear"  # false positive
    ESCALATE = "escalate"

    @classmethod
    def parse(cls, value: str) -> Proposal:
        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(p.value for p in cls)
            raise CaseInputError(f"unknown decision {value!r} (expected one of: {known})") from None


TRUE_MATCH = frozenset({Proposal.BLOCK, Proposal.REJECT})
WORKABLE = frozenset({State.OPEN, State.IN_REVIEW, State.RETURNED})


class CaseInputError(ClearanceError):
    """A decision asked for without what it needs (a reason, a known decision): HTTP 422."""


class CaseConflict(ClearanceError):
    """The case moved on (another user decided first, or the state does not allow this)."""


class FourEyesViolation(PermissionDenied):
    """The proposer tried to approve or return their own proposal (HTTP 403)."""


@dataclass(frozen=True, slots=True)
class CaseView:
    """What the rules need to know about a case."""

    id: int
    state: State
    proposal: Proposal | None = None
    proposed_by: str | None = None
    decided_by: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """Column changes plus the event body for the audit log."""

    fields: dict[str, Any]
    event: dict[str, Any]


def _reason(reason: str | None, what: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise CaseInputError(f"a written reason is required to {what}")
    if len(text) > 10_000:
        raise CaseInputError("the reason is too long (10,000 characters at most)")
    return text


def _not_closed(case: CaseView, what: str) -> None:
    if case.state is State.APPROVED:
        raise CaseConflict(
            f"case {case.id} is closed ({case.proposal} approved by {case.decided_by}); "
            f"cannot {what}"
        )


def start_review(case: CaseView, actor: Actor) -> Change:
    require(actor.name, actor.roles, Action.WORK_CASE)
    if case.state not in WORKABLE:
        raise CaseConflict(
            f"case {case.id} is {case.state}; only an open or returned case goes to review"
        )
    return Change({"state": State.IN_REVIEW}, {"event": "review started"})


def assign(case: CaseView, actor: Actor, assignee: str | None) -> Change:
    require(actor.name, actor.roles, Action.WORK_CASE)
    _not_closed(case, "assign it")
    return Change({"assignee": assignee}, {"event": "assigned", "assignee": assignee})


def set_due(case: CaseView, actor: Actor, due: date | None) -> Change:
    require(actor.name, actor.roles, Action.WORK_CASE)
    _not_closed(case, "set a due date")
    return Change({"due": due}, {"event": "due date set", "due": due.isoformat() if due else None})


def comment(case: CaseView, actor: Actor, text: str) -> Change:
    require(actor.name, actor.roles, Action.WORK_CASE)
    return Change({}, {"event": "comment", "text": _reason(text, "comment")})


def propose(case: CaseView, actor: Actor, proposal: Proposal, reason: str) -> Change:
    require(actor.name, actor.roles, Action.PROPOSE)
    _not_closed(case, "propose")
    if case.state is State.PROPOSED:
        raise CaseConflict(
            f"case {case.id} already has a proposal ({case.proposal} by {case.proposed_by}) "
            "waiting for a supervisor"
        )
    text = _reason(reason, "propose a decision")
    return Change(
        {
            "state": State.PROPOSED,
            "proposal": proposal,
            "proposal_reason": text,
            "proposed_by": actor.name,
        },
        {
            "event": "proposed",
            "proposal": proposal.value,
            "reason": text,
            "true_match": proposal in TRUE_MATCH,
        },
    )


def _check_decider(case: CaseView, actor: Actor, what: str) -> None:
    require(actor.name, actor.roles, Action.APPROVE)
    if case.state is not State.PROPOSED:
        if case.state is State.APPROVED:
            raise CaseConflict(
                f"case {case.id} was already decided ({case.proposal} approved by "
                f"{case.decided_by})"
            )
        raise CaseConflict(f"case {case.id} is {case.state}: there is no proposal to {what}")
    if case.proposed_by == actor.name:
        raise FourEyesViolation(
            f"four eyes: {actor.name!r} proposed this decision and may not {what} it; "
            "another supervisor must"
        )


def approve(case: CaseView, actor: Actor, reason: str | None = None) -> Change:
    _check_decider(case, actor, "approve")
    text = (reason or "").strip() or "approved"
    return Change(
        {
            "state": State.APPROVED,
            "decided_by": actor.name,
            "decision_reason": text,
            "open_key": None,
        },
        {
            "event": "approved",
            "proposal": case.proposal.value if case.proposal else None,
            "proposed_by": case.proposed_by,
            "reason": text,
        },
    )


def send_back(case: CaseView, actor: Actor, reason: str) -> Change:
    _check_decider(case, actor, "return")
    text = _reason(reason, "return a proposal")
    return Change(
        {
            "state": State.RETURNED,
            "decided_by": None,
            "proposal": None,
            "proposal_reason": None,
            "proposed_by": None,
        },
        {
            "event": "returned",
            "proposal": case.proposal.value if case.proposal else None,
            "proposed_by": case.proposed_by,
            "reason": text,
        },
    )
