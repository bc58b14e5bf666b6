"""The good-guy list: an approved "clear" of (subject, listed entity) suppresses the same
alert later, until the listed entity's matching data changes.

The matching data of an entity (:func:`matching_facts`, pure) is its names and aliases, dates
of birth, identifiers, nationalities and citizenships, programs and relationships. A clear
stores these facts; :func:`goodguy_check` compares them with the entity as it is in the
snapshot being screened: same facts → suppressed; different → the alert reopens, saying what
changed (:func:`fact_changes`).

Other capabilities (monitoring, payments) call :func:`goodguy_check` with a session, or
:func:`check` with a :class:`~clearance.db.Database`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import driver_rows
from clearance.cases.tables import GoodGuyRow
from clearance.db import Database
from clearance.model import Entity

FACT_LABELS = {
    "names": "name or alias",
    "birth_dates": "date of birth",
    "identifiers": "identifier",
    "nationalities": "nationality",
    "programs": "program",
    "relationships": "relationship",
}


def matching_facts(entity: Entity) -> dict[str, list[str]]:
    """The data of a listed entity that matching and the decision rest on."""
    return {
        "names": sorted({n.full for n in entity.names}),
        "birth_dates": sorted({d.iso() for d in entity.birth_dates}),
        "identifiers": sorted({f"{i.type.value}:{i.value}" for i in entity.identifiers}),
        "nationalities": sorted(set(entity.nationalities) | set(entity.citizenships)),
        "programs": sorted(set(entity.programs)),
        "relationships": sorted(
            {f"{r.kind.value}:{r.target_id or r.target_name}" for r in entity.relationships}
        ),
    }


def facts_hash(facts: dict[str, list[str]]) -> str:
    return sha256_hex(canonical(facts))


def fact_changes(old: dict[str, list[str]], new: dict[str, list[str]]) -> list[str]:
    """What changed, one line each: ``name or alias added: X``, ``program removed: Y``."""
    out = []
    for key, label in FACT_LABELS.items():
        before, after = set(old.get(key, [])), set(new.get(key, []))
        out += [f"{label} added: {v}" for v in sorted(after - before)]
        out += [f"{label} removed: {v}" for v in sorted(before - after)]
    return out


@dataclass(frozen=True, slots=True)
class GoodGuyVerdict:
    """``suppressed``: an approved clear still holds. ``cleared``: there was one at all;
    ``changes``: why it no longer holds."""

    suppressed: bool
    cleared: bool = False
    case_id: int | None = None
    changes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suppressed": self.suppressed,
            "cleared": self.cleared,
            "case": self.case_id,
            "changes": self.changes,
        }


def goodguy_check(session: Session, subject_key: str, entity: Entity) -> GoodGuyVerdict:
    """Does an approved clear of (``subject_key``, ``entity``) suppress this alert?"""
    return goodguy_checks(session, subject_key, [entity])[entity.id]


_t = GoodGuyRow.__table__
# built once (an alert runs it): the active clears of one subject and some entities, newest first
_CLEARS = (
    select(_t.c.entity_id, _t.c.case_id, _t.c.facts, _t.c.facts_sha256)
    .where(_t.c.subject_key == bindparam("subject", type_=_t.c.subject_key.type))
    .where(_t.c.entity_id.in_(bindparam("ids", expanding=True)))
    .where(_t.c.active.is_(True))
    .order_by(_t.c.id.desc())
)


# the same on PostgreSQL's driver (its facts as JSON text, read by _verdict)
_PG_CLEARS = (
    "SELECT entity_id, case_id, facts::text AS facts, facts_sha256 FROM goodguy "
    "WHERE subject_key = %(subject)s AND entity_id = ANY(%(ids)s) AND active IS true "
    "ORDER BY id DESC"
)


def goodguy_checks(
    session: Session, subject_key: str, entities: Sequence[Entity]
) -> dict[str, GoodGuyVerdict]:
    """:func:`goodguy_check` for several listed entities of one subject, by entity id, in
    one query (the latest active clear of each pair counts)."""
    by_id = {e.id: e for e in entities}
    params = {"subject": subject_key, "ids": list(by_id)}
    conn = session.connection()
    rows: Sequence[Any]
    if conn.dialect.name == "postgresql":  # the driver's connection (see driver_rows)
        session.flush()  # as the session's own query would (autoflush)
        from psycopg.rows import namedtuple_row

        rows = driver_rows(conn, _PG_CLEARS, params, namedtuple_row)
    else:
        rows = session.execute(_CLEARS, params).all()
    latest: dict[str, Any] = {}
    for row in rows:
        latest.setdefault(row.entity_id, row)
    return {k: _verdict(latest.get(k), e) for k, e in by_id.items()}


def _verdict(row: Any, entity: Entity) -> GoodGuyVerdict:
    """The verdict of the latest active clear ``row`` (None: there is none) on ``entity``."""
    if row is None:
        return GoodGuyVerdict(False)
    facts = matching_facts(entity)
    if facts_hash(facts) == row.facts_sha256:
        return GoodGuyVerdict(True, True, row.case_id)
    old = json.loads(row.facts) if isinstance(row.facts, str) else row.facts
    return GoodGuyVerdict(False, True, row.case_id, fact_changes(old, facts))


def check(db: Database, subject_key: str, entity: Entity) -> GoodGuyVerdict:
    """:func:`goodguy_check` in its own read transaction."""
    with db.session() as s:
        return goodguy_check(s, subject_key, entity)
