"""Generated customer books: Faker names (seeded) plus planted variants of listed names."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from pathlib import Path

from faker import Faker

from clearance.model import Entity, Schema

LOCALES = ["en_US", "de_DE", "fr_FR", "ru_RU", "es_ES", "it_IT", "pl_PL", "tr_TR"]
STORY = [
    {"id": "story-verus", "name": "OOO Verus", "type": "organization", "country": "RU",
     "city": "Moscow"},
    {"id": "story-defense", "name": "TOO Defense Engineering", "type": "organization",
     "country": "KZ"},
    {"id": "story-versor", "name": "Versor sro", "type": "organization", "country": "SK"},
    {"id": "story-ashot", "name": "Ashot Mkrtichev", "type": "person", "dob": "1966-05-07"},
]  # fmt: skip


def _variant(name: str, rng: random.Random) -> str:
    words = name.replace(",", " ").split()
    how = rng.randrange(4)
    if how == 0 and len(words) > 1:
        words = words[1:] + words[:1]
    elif how == 1:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4:
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1 :]
    elif how == 2:
        words = [w.lower() for w in words]
    return " ".join(words)


def _pools(seed: int) -> list[tuple[str, list[str], list[str], list[str]]]:
    """Per locale: its country and pools of given names, family names and companies (Faker
    is slow per call; names are combined from the pools)."""
    out = []
    for i, loc in enumerate(LOCALES):
        fake = Faker(loc)
        fake.seed_instance(seed + i)
        given = list({fake.first_name() for _ in range(400)})
        family = list({fake.last_name() for _ in range(400)})
        companies = list({fake.company() for _ in range(300)})
        out.append((fake.current_country_code(), given, family, companies))
    return out


def listed_names(entities: Iterable[Entity]) -> list[tuple[str, str]]:
    """Primary names and types of listed people and organisations."""
    return [
        (e.caption, e.schema.value)
        for e in entities
        if e.schema in (Schema.PERSON, Schema.ORGANIZATION)
    ]


def generate(count: int, listed: list[tuple[str, str]], planted: int, seed: int = 13
             ) -> list[dict[str, str]]:  # fmt: skip
    """``count`` customers; ``planted`` of them variants of the ``listed`` names."""
    rng = random.Random(seed)
    pools = _pools(seed)
    picks = rng.sample(listed, min(planted, len(listed)))
    rows: list[dict[str, str]] = []
    for i in range(count - len(picks)):
        country, given, family, companies = pools[i % len(pools)]
        dob = ""
        if rng.random() < 0.7:
            name, kind = f"{rng.choice(given)} {rng.choice(family)}", "person"
            dob = f"{rng.randint(1935, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        else:
            name, kind = f"{rng.choice(companies)} {rng.choice(family)}", "organization"
        rows.append({"id": f"c{i:07d}", "name": name, "type": kind, "dob": dob,
                     "country": country})  # fmt: skip
    for j, (name, kind) in enumerate(picks):
        rows.append({"id": f"p{j:05d}", "name": _variant(name, rng), "type": kind, "dob": "",
                     "country": ""})  # fmt: skip
    rng.shuffle(rows)
    return rows


def write_book(path: Path, rows: list[dict[str, str]]) -> Path:
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path
