"""Lists page: the active snapshot's lists (versions, counts, file hashes), the kept snapshots,
the difference between two of them, and the admin's reload and refresh."""

from __future__ import annotations

import functools
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import Response

from clearance.api.auth import Principal
from clearance.auth.keys import Role
from clearance.diff import SnapshotChanges, diff_store
from clearance.snapshots import SnapshotStore
from clearance.web import deps
from clearance.web.deps import PREFIX, page_errors, render

router = APIRouter(prefix=PREFIX, include_in_schema=False)
DIFF_ROWS = 100  # entities shown per page, change kind and list (the counts are always complete)


def lists_view(request: Request) -> dict[str, Any]:
    service = deps.service(request)
    with page_errors():
        info = service.list_info()
    snapshots = list(reversed(service.clearance.store.snapshots()))
    return {"title": "Lists", "info": info, "snapshots": snapshots}


@router.get("/lists")
async def lists_page(request: Request, _: Principal = Depends(deps.page(Role.VIEWER))) -> Response:
    context = await run_in_threadpool(lists_view, request)
    return render(request, "lists.html", context)


KINDS = ("added", "removed", "changed")


@functools.lru_cache(maxsize=4)
def _changes(store: SnapshotStore, old_id: str, new_id: str) -> SnapshotChanges:
    """The core's field-level diff (as ``GET /snapshots/{a}/diff/{b}``), kept for a few pairs:
    the first view of a pair reads both snapshots, the pages after it are served from memory."""
    return diff_store(store, old_id, new_id)


def _newest_first(entity_id: str) -> tuple[int, str]:
    tail = entity_id.rsplit("-", 1)[-1]
    return (-int(tail) if tail.isdigit() else 0, entity_id)


def diff_view(store: SnapshotStore, old_id: str, new_id: str, q: str, page: int) -> dict[str, Any]:
    with page_errors():
        old, new = store.get(old_id), store.get(new_id)
        changes = _changes(store, old.id, new.id)
    needle = q.casefold()
    lists = []
    for name, found in changes.lists.items():
        entry: dict[str, Any] = {"name": name, "changes": found, "counts": found.counts()}
        entry["shown"] = {}
        for kind in KINDS:
            rows = sorted(getattr(found, kind), key=lambda r: _newest_first(r.id))
            if needle:
                rows = [r for r in rows if needle in r.name.casefold() or needle in r.id.casefold()]
            entry["shown"][kind] = (len(rows), rows[page * DIFF_ROWS : (page + 1) * DIFF_ROWS])
        lists.append(entry)
    more = any(
        total > (page + 1) * DIFF_ROWS for entry in lists for total, _ in entry["shown"].values()
    )
    return {
        "title": "List changes", "old": old.info(), "new": new.info(), "lists": lists,
        "limit": DIFF_ROWS, "q": q, "page": page, "more": more,
    }  # fmt: skip


@router.get("/lists/diff")
async def diff_page(
    request: Request,
    old: Annotated[str, Query(max_length=200)],
    new: Annotated[str, Query(max_length=200)],
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=0, le=10_000)] = 0,
    _: Principal = Depends(deps.page(Role.VIEWER)),
) -> Response:
    store = deps.service(request).clearance.store
    context = await run_in_threadpool(diff_view, store, old, new, q.strip(), page)
    context["snapshots"] = list(reversed(store.snapshots()))
    return render(request, "diff.html", context)


@router.post("/lists/reload")
async def reload(
    request: Request,
    _: tuple[Principal, FormData] = Depends(deps.action(Role.ADMIN)),
) -> Response:
    service = deps.service(request)
    with page_errors():
        changed = await service.reload()
    context = await run_in_threadpool(lists_view, request)
    snapshot = service.engine().snapshot.id
    done = "Switched to snapshot" if changed else "Already on the newest snapshot"
    context["notice"] = f"{done} {snapshot}."
    return render(request, "lists.html", context)


@router.post("/lists/refresh")
async def refresh(
    request: Request,
    _: tuple[Principal, FormData] = Depends(deps.action(Role.ADMIN)),
) -> Response:
    from clearance.app import index_builder
    from clearance.snapshots.fetch import HttpFetcher
    from clearance.snapshots.refresh import refresh as refresh_lists

    service = deps.service(request)
    store = service.clearance.store

    def run() -> Any:
        with HttpFetcher.from_settings(store.settings) as fetcher:
            return refresh_lists(store, fetcher, builders=[index_builder])

    with page_errors():
        result = await run_in_threadpool(run)
        if result.snapshot is not None:
            await service.reload()
    context = await run_in_threadpool(lists_view, request)
    if result.snapshot is not None:
        context["notice"] = f"Refreshed: snapshot {result.snapshot.id} is active."
    context["failures"] = [str(f) for f in result.failures]
    return render(request, "lists.html", context, status=200 if result.ok else 502)
