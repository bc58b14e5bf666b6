"""Lists page: the active snapshot's lists (versions, counts, file hashes), the kept snapshots,
the difference between two of them, and the admin's reload and refresh."""

from __future__ import annotations

import functools
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import Response

from clearance.api.auth import Principal
from clearance.auth.keys import Role
from clearance.diff import diff_store
from clearance.snapshots import SnapshotStore
from clearance.web import deps
from clearance.web.deps import PREFIX, env, page_errors, render

router = APIRouter(prefix=PREFIX, include_in_schema=False)
DIFF_ROWS = 50  # entities shown per page, change kind and list (the counts are always complete)


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


Rows = list[tuple[str, Any]]  # (what a filter looks in, the added/removed/changed entry)


def _newest_first(entity_id: str) -> tuple[int, str]:
    tail = entity_id.rsplit("-", 1)[-1]
    return (-int(tail) if tail.isdigit() else 0, entity_id)


class PairDiff:
    """One pair's diff as the page shows it: per list, the core's changes and each kind's rows
    (newest listing first, with the text a filter looks in), and each row's HTML, rendered
    the first time it is shown and kept with the diff (a page of rows then costs a join)."""

    def __init__(self, lists: dict[str, tuple[Any, dict[str, Rows]]]) -> None:
        self.lists = lists
        self._html: dict[tuple[str, int], Markup] = {}
        self._rows = env.get_template("diff_rows.html").make_module({"prefix": PREFIX})

    def fragment(self, kind: str, row: Any) -> Markup:
        key = (kind, id(row))  # rows live as long as this object: ids stay unique
        found = self._html.get(key)
        if found is None:
            if kind == "changed":
                made = getattr(self._rows, "changed_rows")(row)  # noqa: B009 - a macro
            else:
                made = getattr(self._rows, "entity_row")(kind, row)  # noqa: B009 - a macro
            found = self._html[key] = Markup(made)
        return found


@functools.lru_cache(maxsize=4)
def _changes(store: SnapshotStore, old_id: str, new_id: str) -> PairDiff:
    """The core's field-level diff (as ``GET /snapshots/{a}/diff/{b}``), kept for a few pairs:
    the first view of a pair reads both snapshots, the pages and filters after it are served
    from memory."""
    changes = diff_store(store, old_id, new_id)
    out: dict[str, tuple[Any, dict[str, Rows]]] = {}
    for name, found in changes.lists.items():
        kinds: dict[str, Rows] = {}
        for kind in KINDS:
            entries = sorted(getattr(found, kind), key=lambda r: _newest_first(r.id))
            kinds[kind] = [(f"{r.name} {r.id}".casefold(), r) for r in entries]
        out[name] = (found, kinds)
    return PairDiff(out)


def diff_view(store: SnapshotStore, old_id: str, new_id: str, q: str, page: int) -> dict[str, Any]:
    with page_errors():
        old, new = store.get(old_id), store.get(new_id)
        pair = _changes(store, old.id, new.id)
    needle = q.casefold()
    lists = []
    for name, (found, kinds) in pair.lists.items():
        entry: dict[str, Any] = {"name": name, "changes": found, "counts": found.counts()}
        entry["shown"] = {}
        for kind, rows in kinds.items():
            if needle:
                rows = [row for row in rows if needle in row[0]]
            window = rows[page * DIFF_ROWS : (page + 1) * DIFF_ROWS]
            entry["shown"][kind] = (len(rows), [r for _, r in window])
        lists.append(entry)
    more = any(
        total > (page + 1) * DIFF_ROWS for entry in lists for total, _ in entry["shown"].values()
    )
    return {
        "title": "List changes", "old": old.info(), "new": new.info(), "lists": lists,
        "limit": DIFF_ROWS, "q": q, "page": page, "more": more, "fragment": pair.fragment,
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
    service = deps.service(request)
    with page_errors():
        result = await run_in_threadpool(service.clearance.refresh)
        if result.snapshot is not None:
            await service.reload()
    context = await run_in_threadpool(lists_view, request)
    if result.snapshot is not None:
        context["notice"] = f"Refreshed: snapshot {result.snapshot.id} is active."
    context["failures"] = [str(f) for f in result.failures]
    return render(request, "lists.html", context, status=200 if result.ok else 502)
