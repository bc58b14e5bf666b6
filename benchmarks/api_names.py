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


CYRILLIC_GIVEN = ["Иван", "Ольга", "Сергей", "Мария", "Дмитрий", "Анна", "Алексей", "Елена"]
CYRILLIC_FAMILY = ["Петров", "Иванова", "Смирнов", "Кузнецова", "Соколов", "Попова", "Волков"]
ARABIC_GIVEN = ["محمد", "أحمد", "فاطمة", "علي", "عمر", "خالد", "يوسف", "حسن"]
ARABIC_FAMILY = ["الحسيني", "العلي", "حداد", "منصور", "الخطيب", "سليمان", "ناصر"]
CJK_FAMILY = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"]
CJK_GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"]


def _non_latin(rng: random.Random, listed: list[str]) -> str:
    roll = rng.random()
    if roll < 0.25 and listed:
        return rng.choice(listed)
    if roll < 0.5:
        return " ".join(
            [rng.choice(CYRILLIC_GIVEN), rng.choice(CYRILLIC_GIVEN), rng.choice(CYRILLIC_FAMILY)]
        )
    if roll < 0.75:
        return " ".join(
            [rng.choice(ARABIC_GIVEN), rng.choice(ARABIC_GIVEN), rng.choice(ARABIC_FAMILY)]
        )
    return rng.choice(CJK_FAMILY) + "".join(rng.choices(CJK_GIVEN, k=rng.randint(1, 2)))


def distinct_bodies(
    home: Path, count: int, rng: random.Random, non_latin: float = 1 / 3
) -> list[dict[str, Any]]:
    """``count`` /screen bodies, no two alike (so no answer can come from a result cache):
    ``non_latin`` of them in Cyrillic, Arabic or Chinese script (listed names in those scripts
    and composed ones), the rest the mix of :func:`query_bodies` with a middle name added to
    unlisted persons so that they stay distinct."""
    from clearance.settings import Settings
    from clearance.snapshots import SnapshotStore

    snapshot = SnapshotStore(Settings.from_env(home=home)).require_active()
    scripts = [
        n.full for e in snapshot.iter_entities() for n in e.names if n.script and n.script != "Latn"
    ]
    latin = query_bodies(home, count * 3, rng)
    seen: set[str] = set()
    bodies: list[dict[str, Any]] = []
    attempts = 0
    while len(bodies) < count and attempts < count * 50:
        attempts += 1
        if rng.random() < non_latin:
            body: dict[str, Any] = {"name": _non_latin(rng, scripts)}
        else:
            body = dict(latin[attempts % len(latin)])
            if body.get("type") == "person" and body["name"].count(" ") == 1:
                given, family = body["name"].split(" ")
                body["name"] = f"{given} {rng.choice(GIVEN)} {family}"
        key = body["name"].casefold()
        if key not in seen:
            seen.add(key)
            bodies.append(body)
    return bodies
