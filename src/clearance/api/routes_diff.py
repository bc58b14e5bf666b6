"""``GET /snapshots/{a}/diff/{b}``: what changed between two stored snapshots."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from clearance.api.auth import Principal, require
from clearance.api.errors import OrjsonResponse
from clearance.api.schemas import ERRORS, ErrorResponse
from clearance.auth.keys import Role
from clearance.diff import diff_store
from clearance.errors import NotFoundError, SnapshotError

router = APIRouter()


@router.get(
    "/snapshots/{old}/diff/{new}",
    tags=["browse"],
    summary="What changed between two snapshots",
    description=(
        "Per list: entities added and removed (id, name, listing date) and changed entities "
        "with the fields that changed (names and aliases, dates of birth, nationalities, "
        "identifiers, addresses, programs, relationships, remarks) and their old and new "
        "values. A list whose file set is partial on one side says what it lacks, and the "
        "fields those files carry are not compared. Snapshot ids may be unique prefixes. "
        "Needs the `viewer` role."
    ),
    response_model=None,
    responses={404: {"model": ErrorResponse}, **ERRORS},
)
async def snapshot_diff(
    request: Request,
    old: Annotated[str, Path(max_length=100)],
    new: Annotated[str, Path(max_length=100)],
    lists: Annotated[list[str] | None, Query(alias="list", max_length=50)] = None,
    _: Principal = Depends(require(Role.VIEWER)),
) -> OrjsonResponse:
    store = request.app.state.service.clearance.store
    try:
        changes = await run_in_threadpool(diff_store, store, old, new, lists=lists)
    except SnapshotError as exc:
        raise NotFoundError(exc.message) from None
    return OrjsonResponse(changes.to_dict())
