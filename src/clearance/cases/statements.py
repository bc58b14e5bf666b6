"""The statements of the alert path (:meth:`~clearance.cases.service.CaseService.open_alert`),
built once per process and run with their parameters.

Building a SQLAlchemy ``update``/``insert`` per alert (its ``values``, the ``case``, the
coercions) and keying the fresh expression for the compiled cache cost more CPU than the rest of
recording an alert; a statement built once is compiled once and only keyed again. The SQL is the
same as the per-call statements produced (the same columns, the same ``RETURNING``).
"""

from __future__ import annotations

import json
from typing import Any, cast

from sqlalchemy import Insert, Table, Update, bindparam, case, literal_column, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from clearance.cases.tables import CaseRow

_cases = cast(Table, CaseRow.__table__)
_c = _cases.c


def _join(facts: bool) -> Update:
    score = bindparam("j_score", type_=_c.score.type)
    values: dict[str, Any] = {
        "score": case((_c.score >= score, _c.score), else_=score),
        "snapshot_id": bindparam("j_snapshot", type_=_c.snapshot_id.type),
        "updated": bindparam("j_updated", type_=_c.updated.type),
        "version": _c.version + literal_column("1"),  # (no parameter of its own)
    }
    if facts:
        values["facts"] = bindparam("j_facts", type_=_c.facts.type)
    where = _c.open_key == bindparam("j_key", type_=_c.open_key.type)
    return update(_cases).where(where).values(values).returning(_c.id)


# Join the open case of an open key: its best score kept, the snapshot and (when known) the
# entity's matching data brought up to date, its version bumped; its id. By "with facts".
JOIN: dict[bool, Update] = {False: _join(False), True: _join(True)}


def join_params(
    open_key: str, score: float, snapshot: str, updated: Any, facts: Any
) -> dict[str, Any]:
    """The parameters of :data:`JOIN` (``facts``: empty when the entity is not known)."""
    params = {"j_key": open_key, "j_score": score, "j_snapshot": snapshot, "j_updated": updated}
    if facts:
        params["j_facts"] = facts
    return params


# Open a case: one row (the values by column name), nothing when another writer opened the
# case of the same open key first; its id. By dialect.
OPEN: dict[str, Insert] = {
    "postgresql": pg_insert(_cases)
    .on_conflict_do_nothing(index_elements=["open_key"])
    .returning(_c.id),
    "sqlite": sqlite_insert(_cases)
    .on_conflict_do_nothing(index_elements=["open_key"])
    .returning(_c.id),
}


# On PostgreSQL the same statements run on the driver's connection (see
# :func:`~clearance.audit.log.driver_rows`): their SQL as SQLAlchemy compiles it, JSON values
# passed as the text SQLAlchemy would bind (``json.dumps``, cast to JSON in the statement).
_PG = PGDialect_psycopg()  # type: ignore[no-untyped-call]
OPEN_COLUMNS = ("open_key", "subject_key", "subject_name", "subject", "entity_id",
                "entity_name", "list", "facts", "changes", "score", "source", "snapshot_id",
                "state", "created", "updated", "version")  # fmt: skip
_JSON = frozenset({"subject", "facts", "changes", "j_facts"})
PG_JOIN = {facts: str(JOIN[facts].compile(dialect=_PG)) for facts in (False, True)}
PG_OPEN = str(OPEN["postgresql"].compile(dialect=_PG, column_keys=list(OPEN_COLUMNS)))


def pg_params(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` of :data:`PG_JOIN` or :data:`PG_OPEN` as the driver takes them."""
    return {k: json.dumps(v) if k in _JSON else v for k, v in params.items()}
