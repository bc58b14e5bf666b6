"""What screening returns: ranked matches with feature reasons, and the provenance.

Compiled with the matcher (``clearance.compiled.MODULES``): each class writes its own
``__init__`` (native, not the dataclass module's interpreted one) and ``__reduce__`` (a compiled
frozen dataclass does not unpickle by its fields; a batch worker sends its alerting results to
the parent)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clearance.matching.query import Query


@dataclass(frozen=True, slots=True)
class FeatureResult:
    """One feature's verdict on a (query, candidate) pair."""

    name: str
    score: float
    reason: str

    def __init__(self, name: str, score: float, reason: str) -> None:
        # (written out, it compiles to a native __init__: a few per candidate scored)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "reason", reason)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (FeatureResult, (self.name, self.score, self.reason))


@dataclass(frozen=True, slots=True)
class Match:
    """One listed entity a query could mean."""

    entity_id: str
    list: str
    source_id: str
    schema: str
    name: str  # the listed caption
    matched_name: str  # the name (primary or alias) that matched best
    score: float
    alert: bool
    features: tuple[FeatureResult, ...] = ()

    def __init__(
        self,
        entity_id: str,
        list: str,  # noqa: A002 - the field's name
        source_id: str,
        schema: str,
        name: str,
        matched_name: str,
        score: float,
        alert: bool,
        features: tuple[FeatureResult, ...] = (),
    ) -> None:
        # (written out, it compiles to a native __init__: one per candidate reported)
        object.__setattr__(self, "entity_id", entity_id)
        object.__setattr__(self, "list", list)
        object.__setattr__(self, "source_id", source_id)
        object.__setattr__(self, "schema", schema)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "matched_name", matched_name)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "alert", alert)
        object.__setattr__(self, "features", features)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (
            Match,
            (
                self.entity_id,
                self.list,
                self.source_id,
                self.schema,
                self.name,
                self.matched_name,
                self.score,
                self.alert,
                self.features,
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "list": self.list,
            "source_id": self.source_id,
            "schema": self.schema,
            "name": self.name,
            "matched_name": self.matched_name,
            "score": round(self.score, 4),
            "alert": self.alert,
            "features": [
                {"name": f.name, "score": round(f.score, 4), "reason": f.reason}
                for f in self.features
            ],
        }


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """The answer to one query: ranked matches plus what produced them (for the audit)."""

    query: Query
    matches: tuple[Match, ...]
    alert: bool
    threshold: float
    algorithm: str
    algorithm_version: str
    snapshot: str
    lists: dict[str, str] = field(default_factory=dict)  # list -> published/version

    def __init__(
        self,
        query: Query,
        matches: tuple[Match, ...],
        alert: bool,
        threshold: float,
        algorithm: str,
        algorithm_version: str,
        snapshot: str,
        lists: dict[str, str] | None = None,
    ) -> None:
        # (written out, it compiles to a native __init__: one per query; no ``lists``: {})
        object.__setattr__(self, "query", query)
        object.__setattr__(self, "matches", matches)
        object.__setattr__(self, "alert", alert)
        object.__setattr__(self, "threshold", threshold)
        object.__setattr__(self, "algorithm", algorithm)
        object.__setattr__(self, "algorithm_version", algorithm_version)
        object.__setattr__(self, "snapshot", snapshot)
        object.__setattr__(self, "lists", {} if lists is None else lists)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (
            ScreeningResult,
            (
                self.query,
                self.matches,
                self.alert,
                self.threshold,
                self.algorithm,
                self.algorithm_version,
                self.snapshot,
                self.lists,
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.query.id,
            "query": {
                "name": self.query.name,
                "type": self.query.schema.value if self.query.schema else None,
                "dob": self.query.birth_date.iso() if self.query.birth_date else None,
                "country": list(self.query.countries),
            },
            "alert": self.alert,
            "threshold": self.threshold,
            "algorithm": {"name": self.algorithm, "version": self.algorithm_version},
            "snapshot": self.snapshot,
            "lists": self.lists,
            "matches": [m.to_dict() for m in self.matches],
        }
