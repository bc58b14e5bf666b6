"""Request and response models of the native API (they drive validation and the OpenAPI spec).

Requests are validated strictly (unknown fields are refused). Responses are built as plain dicts
by the core (``ScreeningResult.to_dict()``) and sent with orjson; the response models here
document them in the OpenAPI spec without re-validating every answer.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SkipValidation


class IdentifierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str | None = Field(
        default=None,
        max_length=40,
        description="passport, national_id, tax_id, registration_number, imo, swift_bic, ...",
    )
    value: str = Field(max_length=200)


class ScreenRequest(BaseModel):
    """One party to screen."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Ashot Mkrtichev",
                    "type": "person",
                    "dob": "1966-05-07",
                    "country": "SK",
                    "identifiers": [{"type": "passport", "value": "BD3843329"}],
                    "limit": 5,
                }
            ]
        },
    )

    name: str = Field(
        max_length=1000,
        description="Full name as written (any script); 1-300 characters, no control characters.",
    )
    type: str | None = Field(
        default=None,
        max_length=40,
        description="person, organization (company, entity), vessel or aircraft; empty = any.",
    )
    dob: str | None = Field(
        default=None, max_length=40, description="Date of birth: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    country: str | list[str] | None = Field(
        default=None,
        description="Country or countries linked to the party (ISO 3166 code or name).",
    )
    identifiers: list[str | IdentifierIn] | dict[str, str] | None = Field(
        default=None,
        description='Identifiers: ["BD3843329"], {"passport": "BD3843329"} or '
        '[{"type": "passport", "value": "BD3843329"}].',
    )
    id: str | None = Field(
        default=None, max_length=200, description="Your own reference, echoed back."
    )
    limit: int = Field(default=10, ge=1, le=100, description="Most matches returned.")
    threshold: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Alert threshold (default: the server's)."
    )
    lists: list[str] | None = Field(
        default=None, max_length=50, description="Screen only these lists (default: all loaded)."
    )


class BatchRequest(BaseModel):
    """Several parties; each query is validated on its own and errors are reported in place."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "queries": [
                        {"name": "Ashot Mkrtichev", "type": "person", "id": "row-1"},
                        {"name": "Acme Trading Ltd", "type": "organization", "id": "row-2"},
                    ]
                }
            ]
        },
    )

    queries: list[SkipValidation[ScreenRequest]] = Field(
        description="Up to CLEARANCE_API_MAX_BATCH (default 1000) queries."
    )


class FeatureOut(BaseModel):
    name: str
    score: float
    reason: str


class MatchOut(BaseModel):
    entity_id: str
    list_: str = Field(alias="list")
    source_id: str
    schema_: str = Field(alias="schema")
    name: str = Field(description="The listed caption.")
    matched_name: str = Field(description="The listed name or alias that matched best.")
    score: float
    alert: bool
    features: list[FeatureOut]


class AlgorithmOut(BaseModel):
    name: str
    version: str


class QueryEcho(BaseModel):
    name: str
    type: str | None
    dob: str | None
    country: list[str]


class ScreenResponse(BaseModel):
    """The answer to one query, with what produced it (algorithm, snapshot, list versions)."""

    id: str | None
    query: QueryEcho
    alert: bool = Field(description="True when any match scored at or above the threshold.")
    threshold: float
    algorithm: AlgorithmOut
    snapshot: str = Field(description="The snapshot (set of list versions) screened against.")
    lists: dict[str, str] = Field(description="List name -> published date or version.")
    matches: list[MatchOut]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail
    detail: str = Field(description="The message again (what yente clients read).")


class BatchItemError(BaseModel):
    index: int
    id: str | None = None
    error: ErrorDetail


class BatchResponse(BaseModel):
    count: int
    alerts: int
    errors: int
    snapshot: str
    algorithm: AlgorithmOut
    lists: dict[str, str]
    results: list[ScreenResponse | BatchItemError] = Field(
        description="One item per query, in order: a screening result or an error."
    )


class SearchResponse(BaseModel):
    query: str
    snapshot: str
    algorithm: AlgorithmOut
    lists: dict[str, str]
    results: list[MatchOut]


class RelationOut(BaseModel):
    kind: str
    entity_id: str | None = Field(description="The other side (None when not on a loaded list).")
    caption: str | None = Field(description="The other side's caption.")
    share: float | None = None
    raw: str | None = None


class EntityResponse(BaseModel):
    """Every field of a listed entity plus its relationships in both directions."""

    model_config = ConfigDict(extra="allow")

    id: str
    list_: str = Field(alias="list")
    source_id: str
    schema_: str = Field(alias="schema")
    caption: str
    snapshot: str
    outgoing: list[RelationOut]
    incoming: list[RelationOut]


class ListOut(BaseModel):
    name: str
    version: str | None = Field(description="Published date of the list, else its load time.")
    published: str | None
    loaded_at: str
    entities: int
    counts: dict[str, int]
    files: list[dict[str, Any]]


class ListsResponse(BaseModel):
    snapshot: str
    created_at: str
    lists: list[ListOut]


class StatusResponse(BaseModel):
    status: str
    snapshot: str | None = None


class ReloadResponse(BaseModel):
    reloaded: bool
    snapshot: str | None


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "Missing or invalid API key."},
    403: {"model": ErrorResponse, "description": "The key's role does not allow this."},
    413: {"model": ErrorResponse, "description": "Request body or batch too large."},
    415: {"model": ErrorResponse, "description": "The body is not JSON."},
    422: {"model": ErrorResponse, "description": "Invalid input (message says which field)."},
    503: {"model": ErrorResponse, "description": "No snapshot loaded yet."},
}
