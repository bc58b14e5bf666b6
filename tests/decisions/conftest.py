"""Fixtures for cases, decisions and the audit trail: a fresh database on SQLite and on a real
PostgreSQL 15 (``db``), users with each role, and a small screener over toy OFAC entries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.audit.receipts import ScreeningContext
from clearance.auth.roles import Actor, UserRole
from clearance.cases.service import CaseService
from clearance.db import Database
from clearance.matching.engine import Screener
from clearance.matching.query import make_query
from clearance.matching.result import ScreeningResult
from clearance.model import Entity
from clearance.settings import Settings
from tests.api.factory import sdn_entities

R = UserRole
ANA = Actor("ana", frozenset({R.ANALYST}))
BOB = Actor("bob", frozenset({R.ANALYST}))
SUE = Actor("sue", frozenset({R.SUPERVISOR}))
SAM = Actor("sam", frozenset({R.SUPERVISOR}))
BOTH = Actor("max", frozenset({R.ANALYST, R.SUPERVISOR}))  # both roles: still four eyes
AUDREY = Actor("audrey", frozenset({R.AUDITOR}))
SCREENER = Actor("svc", frozenset({R.SCREENER}))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.upgrade()
    yield database
    database.dispose()


@pytest.fixture
def service(db: Database) -> CaseService:
    return CaseService(db)


class Toy:
    """Screens against toy OFAC entries and records like a shell would."""

    def __init__(self, entities: list[Entity], tmp: Path, snapshot: str = "snap-1") -> None:
        self.entities = {e.id: e for e in entities}
        self.screener = Screener.build(entities, Settings(home=tmp), snapshot_id=snapshot)
        self.context = ScreeningContext(
            snapshot,
            {"ofac-sdn": {"version": "2023-12-28", "files": [{"path": "sdn.csv", "sha256": "ab"}]}},
            {
                "name": self.screener.algorithm,
                "version": self.screener.algorithm_version,
                "parameters_sha256": "0" * 64,
            },
        )

    def screen(self, name: str, **kw: object) -> ScreeningResult:
        return self.screener.screen(make_query(name, **kw))  # type: ignore[arg-type]

    def record(self, service: CaseService, name: str, actor: Actor = SCREENER, **kw: object):  # type: ignore[no-untyped-def]
        return service.record(
            self.screen(name, **kw), self.context, actor, entity=self.entities.get
        )


@pytest.fixture
def toy(tmp_path: Path) -> Toy:
    return Toy(sdn_entities(), tmp_path)
