"""Screen and Entity pages: the same core calls as ``POST /screen`` and ``GET /entities/{id}``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import Response

from clearance.api.auth import Principal
from clearance.api.routes_browse import entity_native
from clearance.api.routes_screen import screen_one
from clearance.api.schemas import ScreenRequest
from clearance.auth.keys import Role
from clearance.errors import ClearanceError
from clearance.web import deps
from clearance.web.deps import PREFIX, page_errors, render
from clearance.web.present import field_rows, names_by_quality, script_label, show_match
from clearance.web.routes_graph import MAX_HOPS

router = APIRouter(prefix=PREFIX, include_in_schema=False)

SCREEN_FIELDS = ("name", "type", "dob", "country", "identifiers")
SHOWN_ELSEWHERE = {
    "id", "list", "source_id", "schema", "names", "identifiers", "addresses", "programs",
    "listed_on", "source_record", "snapshot", "outgoing", "incoming", "relationships",
}  # fmt: skip


def parse_identifiers(text: str) -> list[Any] | None:
    """``passport:BD3843329, IMO 9123456`` → the API's identifier list (type optional)."""
    items: list[Any] = []
    for part in text.replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        kind, sep, value = part.partition(":")
        items.append({"type": kind.strip(), "value": value.strip()} if sep else part)
    return items or None


def screen_request(form: FormData) -> ScreenRequest:
    values = {k: str(form.get(k) or "").strip() for k in SCREEN_FIELDS}
    countries = [c.strip() for c in values["country"].split(",") if c.strip()]
    try:
        return ScreenRequest(
            name=values["name"],
            type=values["type"] or None,
            dob=values["dob"] or None,
            country=countries or None,
            identifiers=parse_identifiers(values["identifiers"]),
            limit=20,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "form"
        raise ClearanceError(f"{where}: {first.get('msg', 'invalid')}") from exc


@router.get("/screen")
async def screen_page(
    request: Request, _: Principal = Depends(deps.page(Role.SCREENER))
) -> Response:
    return render(request, "screen.html", {"title": "Screen", "form": {}, "result": None})


@router.post("/screen")
async def screen(
    request: Request,
    posted: tuple[Principal, FormData] = Depends(deps.action(Role.SCREENER)),
) -> Response:
    _, form = posted
    shown = {k: str(form.get(k) or "") for k in SCREEN_FIELDS}
    engine = deps.engine(request)
    try:
        body = screen_request(form)
        result = await run_in_threadpool(screen_one, engine, body)
    except ClearanceError as exc:
        failed = {"title": "Screen", "form": shown, "result": None, "error": exc.message}
        return render(request, "screen.html", failed, status=422)
    request.app.state.metrics.observe_screenings("web", 1, int(result.alert))
    matches = [show_match(result.query.name, m) for m in result.matches]
    context: dict[str, Any] = {"title": "Screen", "form": shown, "result": result}
    context["matches"] = matches
    return render(request, "screen.html", context)


def entity_view(request: Request, entity_id: str) -> dict[str, Any]:
    engine = deps.engine(request)
    with page_errors():
        data = entity_native(engine, entity_id)
    entity = engine.snapshot.entity(entity_id)
    assert entity is not None
    info = engine.snapshot.list_info(entity.list)
    return {
        "title": entity.caption,
        "entity": entity,
        "data": data,
        "name_groups": names_by_quality(entity),
        "script_label": script_label,
        "fields": field_rows(data, SHOWN_ELSEWHERE),
        "list_info": info,
        "snapshot": engine.snapshot.id,
        "max_hops": MAX_HOPS,
    }


@router.get("/entities/{entity_id}")
async def entity_page(
    request: Request,
    entity_id: Annotated[str, Path(max_length=200)],
    _: Principal = Depends(deps.page(Role.VIEWER)),
) -> Response:
    context = await run_in_threadpool(entity_view, request, entity_id)
    return render(request, "entity.html", context)
