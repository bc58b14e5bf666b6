"""Runs inside the separate benchmark venv (``.bench/venv``), never in the project's environment.

Subcommands (JSON in and out, files given on the command line):

- ``logic-v2 IN OUT``: score query/candidate FtM entities with nomenklatura's ``LogicV2``.
  IN is ``{"tasks": [{"query": ftm, "candidates": [ftm, ...]}, ...]}``; OUT gets
  ``{"scores": [[float, ...], ...], "pairs": n, "seconds": s, "cpu_seconds": s, "per_query":
  [cpu s, ...], "warmup_seconds": s}`` (timings cover the scoring only, after a warm-up that
  loads nomenklatura's tables).
- ``faker OUT N SEED``: N unlisted names, persons and companies, from many Faker locales.
- ``yaml IN OUT``: convert a YAML file to JSON (the project environment has no YAML parser).

This file imports nothing from ``clearance``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from typing import Any

LOCALES = (
    "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT", "nl_NL", "pl_PL", "pt_BR",
    "cs_CZ", "ro_RO", "hu_HU", "sv_SE", "tr_TR", "ru_RU", "uk_UA", "bg_BG", "el_GR", "hy_AM",
    "ka_GE", "ar_AA", "fa_IR", "he_IL", "hi_IN", "zh_CN", "zh_TW", "ko_KR", "ja_JP", "vi_VN",
    "th_TH", "id_ID",
)  # fmt: skip
COMPANY_SHARE = 0.3


def _logic_v2(path_in: str, path_out: str) -> None:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm
    from nomenklatura.matching.types import ScoringConfig

    algorithm = get_algorithm("logic-v2")
    if algorithm is None:
        raise SystemExit("nomenklatura has no logic-v2 algorithm")
    config = ScoringConfig.defaults()

    def make(data: dict[str, Any], fallback_id: str) -> Any:
        entity = model.make_entity(data["schema"])
        entity.id = data.get("id") or fallback_id
        for prop, values in data.get("properties", {}).items():
            if prop in entity.schema.properties:
                entity.add(prop, values, cleaned=False, quiet=True)
        return entity

    with open(path_in, encoding="utf-8") as handle:
        tasks = json.load(handle)["tasks"]
    started = time.perf_counter()
    warm = make({"schema": "Person", "properties": {"name": ["Vladimir Putin"]}}, "w1")
    algorithm.compare(warm, warm, config)
    warmup = time.perf_counter() - started
    built = [
        (make(t["query"], f"q{i}"), [make(c, f"c{i}-{j}") for j, c in enumerate(t["candidates"])])
        for i, t in enumerate(tasks)
    ]
    scores: list[list[float]] = []
    per_query: list[float] = []  # CPU seconds per query (the machine may be shared)
    pairs = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for query, candidates in built:
        t0 = time.process_time()
        row = [float(algorithm.compare(query, c, config).score) for c in candidates]
        per_query.append(time.process_time() - t0)
        pairs += len(row)
        scores.append(row)
    out = {
        "scores": scores,
        "pairs": pairs,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "per_query": per_query,
        "warmup_seconds": warmup,
    }
    with open(path_out, "w", encoding="utf-8") as handle:
        json.dump(out, handle)


def _faker(path_out: str, count: int, seed: int) -> None:
    from faker import Faker

    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    names: list[dict[str, str]] = []
    for i in range(count):
        locale = LOCALES[i % len(LOCALES)]
        fake = fakers.get(locale)
        if fake is None:
            fake = Faker(locale)
            fake.seed_instance(seed + len(fakers))
            fakers[locale] = fake
        if rng.random() < COMPANY_SHARE:
            names.append({"name": fake.company(), "type": "organization", "locale": locale})
        else:
            names.append({"name": fake.name(), "type": "person", "locale": locale})
    with open(path_out, "w", encoding="utf-8") as handle:
        json.dump(names, handle, ensure_ascii=False)


def _yaml(path_in: str, path_out: str) -> None:
    import yaml

    with open(path_in, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    with open(path_out, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)


def main(argv: list[str]) -> None:
    if len(argv) >= 3 and argv[0] == "logic-v2":
        _logic_v2(argv[1], argv[2])
    elif len(argv) >= 4 and argv[0] == "faker":
        _faker(argv[1], int(argv[2]), int(argv[3]))
    elif len(argv) >= 3 and argv[0] == "yaml":
        _yaml(argv[1], argv[2])
    else:
        raise SystemExit("usage: bench_worker.py logic-v2 IN OUT | faker OUT N SEED | yaml IN OUT")


if __name__ == "__main__":
    main(sys.argv[1:])
