"""The work queue: cases filtered by state, assignee and due date, newest first, paged by a
keyset cursor (the last id seen, so page 1,000 costs what page 1 does). The web queue's query,
beside :meth:`clearance.cases.service.CaseService.list_cases` (same roles, same rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from clearance.auth.roles import Action, Actor, require
from clearance.cases.model import State
from clearance.cases.service import CaseService, case_dict
from clearance.cases.tables import CaseRow

UNASSIGNED = "-"  # the assignee filter for cases nobody holds


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """``state``: one :class:`State` value; ``assignee``: a user, or :data:`UNASSIGNED`;
    ``due_by``: cases due on or before that day (cases without a due date are left out)."""

    state: str | None = None
    assignee: str | None = None
    due_by: date | None = None


def queue(
    service: CaseService,
    actor: Actor,
    where: QueueFilter,
    *,
    limit: int = 50,
    before: int | None = None,
) -> list[dict[str, Any]]:
    """One page of the queue: at most ``limit`` cases with an id below ``before``."""
    require(actor.name, actor.roles, Action.READ_CASES)
    q = select(CaseRow)
    if where.state:
        q = q.where(CaseRow.state == State(where.state).value)
    if where.assignee == UNASSIGNED:
        q = q.where(CaseRow.assignee.is_(None))
    elif where.assignee:
        q = q.where(CaseRow.assignee == where.assignee)
    if where.due_by is not None:
        q = q.where(CaseRow.due.is_not(None), CaseRow.due <= where.due_by)
    if before:
        q = q.where(CaseRow.id < before)
    with service.db.session() as s:
        rows = s.scalars(q.order_by(CaseRow.id.desc()).limit(limit))
        return [case_dict(r) for r in rows]
