"""Core errors carry no HTTP status; the API's one table gives each error type its status."""

from __future__ import annotations

import inspect

import clearance.errors as core
from clearance.api.errors import STATUSES, NotReady, status_of


def test_core_errors_know_nothing_of_http() -> None:
    for _, cls in inspect.getmembers(core, inspect.isclass):
        if issubclass(cls, core.ClearanceError):
            assert not hasattr(cls, "status"), cls.__name__
            assert cls in STATUSES, f"{cls.__name__} has no HTTP status in clearance.api.errors"


def test_statuses_come_from_the_table_and_subclasses_inherit() -> None:
    assert status_of(core.QueryError("x")) == (422, "invalid_query")
    assert status_of(core.SnapshotError("x")) == (409, "snapshot_error")
    assert status_of(core.Unauthorized("x")) == (401, "unauthorized")
    assert status_of(NotReady("x")) == (503, "not_ready")

    class Unlisted(core.NotFoundError):
        pass

    assert status_of(Unlisted("x")) == (404, "not_found")
