"""Synthetic customer files for the batch benchmark: Faker names from many locales and scripts,
plus about 1% names taken from the loaded lists and perturbed, so that there are alerts.

    .venv/bin/python benchmarks/batch_data.py OUT.csv --rows 100000 --home HOME
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections.abc import Iterator
from pathlib import Path

LOCALES = {
    "en_US": "US",
    "de_DE": "DE",
    "fr_FR": "FR",
    "es_ES": "ES",
    "it_IT": "IT",
    "pl_PL": "PL",
    "pt_BR": "BR",
    "ru_RU": "RU",
    "uk_UA": "UA",
    "ar_AA": "AE",
    "fa_IR": "IR",
    "tr_TR": "TR",
    "zh_CN": "CN",
    "ja_JP": "JP",
    "ko_KR": "KR",
    "hi_IN": "IN",
    "el_GR": "GR",
    "he_IL": "IL",
    "vi_VN": "VN",
    "th_TH": "TH",
}
COLUMNS = ["id", "name", "type", "dob", "country"]
LISTED_SHARE = 0.01
COMPANY_SHARE = 0.15


def listed_names(home: Path) -> list[tuple[str, str]]:
    """(name, type) for every name of every entity in the home's active snapshot."""
    import clearance

    snapshot = clearance.open(home).snapshot
    out = []
    for entity in snapshot.iter_entities():
        kind = "person" if entity.schema.value == "person" else "organization"
        out.extend((name.full, kind) for name in entity.names)
    return out


def perturb(name: str, rng: random.Random) -> str:
    """A realistic variant: reordered, a typo, an initial, case and punctuation changes."""
    if "," in name and rng.random() < 0.6:
        family, _, given = name.partition(",")
        name = f"{given.strip()} {family.strip().title()}"
    choice = rng.random()
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if choice < 0.3 and len(letters) > 4:
        i = rng.choice(letters[1:])
        name = name[:i] + name[i + 1 :]  # drop a letter
    elif choice < 0.5 and len(letters) > 4:
        i = rng.choice(letters[1:-1])
        if i + 1 < len(name):
            name = name[:i] + name[i + 1] + name[i] + name[i + 2 :]  # swap two letters
    elif choice < 0.6:
        parts = name.split()
        if len(parts) > 2:
            parts[0] = parts[0][0] + "."  # an initial
            name = " ".join(parts)
    return name.lower() if rng.random() < 0.3 else name


def customer_rows(
    rows: int, listed: list[tuple[str, str]], seed: int = 2024
) -> Iterator[list[str]]:
    from faker import Faker

    Faker.seed(seed)
    fake = Faker(list(LOCALES))
    rng = random.Random(seed)
    locales = list(LOCALES)
    for i in range(rows):
        if listed and rng.random() < LISTED_SHARE:
            name, kind = rng.choice(listed)
            yield [f"c{i}", perturb(name, rng), kind, "", ""]
            continue
        locale = rng.choice(locales)
        gen = fake[locale]
        if rng.random() < COMPANY_SHARE:
            yield [f"c{i}", gen.company(), "organization", "", LOCALES[locale]]
            continue
        dob = gen.date_of_birth(minimum_age=18, maximum_age=90).isoformat()
        country = LOCALES[locale] if rng.random() < 0.5 else ""
        yield [f"c{i}", gen.name(), "person" if rng.random() < 0.7 else "", dob, country]


def write_customers(path: Path, rows: int, home: Path | None, seed: int = 2024) -> float:
    """Write the file (skipped when it already exists); returns seconds spent."""
    if path.exists():
        return 0.0
    start = time.perf_counter()
    listed = listed_names(home) if home is not None else []
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(customer_rows(rows, listed, seed))
    tmp.replace(path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    seconds = write_customers(args.out, args.rows, args.home, args.seed)
    print(f"wrote {args.rows:,} rows to {args.out} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
