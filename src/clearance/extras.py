"""Optional parts of the install: which extra brings which module, and the message when one is
missing.

The core install screens, loads and batches; serving (``[api]``), Spark (``[spark]``), the
database (``[db]``), the web pages (``[ui]``) and FollowTheMoney export (``[ftm]``) come with
extras. Code that needs one calls :func:`require` (or lets the import fail: the CLI turns a
``ModuleNotFoundError`` of a known module into :func:`missing_extra`'s one-line message).
"""

from __future__ import annotations

import importlib.util

from clearance.errors import ClearanceError

# top-level module -> the extra that installs it
EXTRAS: dict[str, str] = {
    "fastapi": "api",
    "starlette": "api",
    "uvicorn": "api",
    "prometheus_client": "api",
    "pyspark": "spark",
    "pandas": "spark",
    "sqlalchemy": "db",
    "alembic": "db",
    "psycopg": "db",
    "jinja2": "ui",
    "followthemoney": "ftm",
}


class MissingExtra(ClearanceError):
    """A feature needs an optional dependency that is not installed."""

    def __init__(self, module: str, extra: str, feature: str | None = None) -> None:
        what = feature or f"this needs {module}, which"
        super().__init__(
            f"{what} comes with the optional [{extra}] dependencies ({module} is not "
            f"installed): pip install 'clearance[{extra}]'"
        )
        self.module = module
        self.extra = extra


def missing_extra(exc: ModuleNotFoundError) -> MissingExtra | None:
    """The :class:`MissingExtra` behind an import failure, when an extra provides the module."""
    top = (exc.name or "").partition(".")[0]
    extra = EXTRAS.get(top)
    return MissingExtra(top, extra) if extra else None


def require(extra: str, feature: str) -> None:
    """Raise :class:`MissingExtra` unless every module of ``extra`` can be imported."""
    for module, wanted in EXTRAS.items():
        if wanted == extra and importlib.util.find_spec(module) is None:
            raise MissingExtra(module, extra, feature)
