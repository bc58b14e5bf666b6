"""Every module that defines tables, imported so ``Base.metadata`` is complete (for Alembic's
autogenerate and the schema test). Add one line per capability."""

from __future__ import annotations

import importlib

MODEL_MODULES: list[str] = [
    "clearance.auth.tables",
    "clearance.audit.tables",
    "clearance.cases.tables",
    "clearance.monitor.tables",
]


def load_models() -> None:
    for name in MODEL_MODULES:
        importlib.import_module(name)
