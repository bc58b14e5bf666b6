"""Varied screening queries for the API benchmarks: listed names as published, reordered,
with a typo, and unlisted names built from common name parts (most real traffic is unlisted)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

GIVEN = [
    "James",
    "Maria",
    "Mohammed",
    "Wei",
    "Olga",
    "Carlos",
    "Fatima",
    "Ivan",
    "Anna",
    "Hiroshi",
    "Aisha",
    "Pedro",
    "Elena",
    "Ahmed",
    "Sofia",
    "Dmitri",
    "Laura",
    "Juan",
    "Mei",
    "Omar",
    "Irina",
    "Luis",
    "Chen",
    "Nadia",
    "Peter",
    "Yusuf",
    "Svetlana",
    "Marco",
]
FAMILY = [
    "Smith",
    "Garcia",
    "Mueller",
    "Rossi",
    "Kowalski",
    "Novak",
    "Tanaka",
    "Haddad",
    "Silva",
    "Jensen",
    "Brown",
    "Kaya",
    "Ivanova",
    "Moreau",
    "Lopez",
    "Nguyen",
    "Fischer",
    "Horvat",
    "Costa",
    "Dubois",
    "Petrov",
    "Lindqvist",
    "Okafor",
    "Schmidt",
    "Romero",
]
COMPANY = [
    "Trading",
    "Holdings",
    "Logistics",
    "Shipping",
    "Energy",
    "Metals",
    "Capital",
    "Industries",
    "Foods",
]
FORMS = ("LLC", "Ltd", "GmbH", "SA", "Inc", "Limited", "JSC")


def _typo(name: str, rng: random.Random) -> str:
    if len(name) < 6:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def _reorder(name: str) -> str:
    family, _, given = name.partition(", ")
    return f"{given} {family.title()}" if given else name


def _unlisted(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.7:
        return {"name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", "type": "person"}
    words = f"{rng.choice(FAMILY)} {rng.choice(COMPANY)} {rng.choice(FORMS)}"
    return {"name": words, "type": "organization"}


def query_bodies(home: Path, count: int, rng: random.Random) -> list[dict[str, Any]]:
    """``count`` /screen bodies: 20% listed as published, 20% reordered or misspelt, 60% not
    listed."""
    from clearance.settings import Settings
    from clearance.snapshots import SnapshotStore

    snapshot = SnapshotStore(Settings.from_env(home=home)).require_active()
    listed = [(e.caption, e.schema.value) for e in snapshot.iter_entities() if len(e.caption) < 120]
    bodies: list[dict[str, Any]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.4:
            name, schema = rng.choice(listed)
            if roll >= 0.2:
                name = _typo(_reorder(name), rng) if schema == "person" else _typo(name, rng)
            body: dict[str, Any] = {"name": name}
            if rng.random() < 0.5:
                body["type"] = schema
            bodies.append(body)
        else:
            bodies.append(_unlisted(rng))
    return bodies
