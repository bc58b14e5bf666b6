"""The shared entity model (pure: no I/O)."""

from clearance.model.entity import (
    Address,
    Entity,
    FuzzyDate,
    Gender,
    Identifier,
    IdType,
    Name,
    NameKind,
    NameQuality,
    RelationKind,
    Relationship,
    Schema,
    Vessel,
    entity_id,
)

__all__ = [
    "Address",
    "Entity",
    "FuzzyDate",
    "Gender",
    "IdType",
    "Identifier",
    "Name",
    "NameKind",
    "NameQuality",
    "RelationKind",
    "Relationship",
    "Schema",
    "Vessel",
    "entity_id",
]
