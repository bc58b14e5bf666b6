"""Class 8, Korean and Chinese listed names as writers write them, per writing system (issue 11).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_cjk.py [--per 150] [--seed N] [--failures 5]
        [--dump FILE]

A listed North or South Korean person ("KIM, Jong Un", "RI, Je-Son") is screened as a writer
writes the name: in Latin as listed but joined, hyphenated or spaced ("Kim Jongun"), with the
family name spelled another usual way ("Lee", "Park", "Choi"), in McCune-Reischauer ("Kim
Chong-un"), in the South's Revised Romanization ("Kim Jeong-eun"), in Hangul ("김정은"), in
Hanja ("金正恩") and in Cyrillic ("Ким Чен Ын"); a listed Chinese person in pinyin ("ZHANG, Lei")
as pinyin joined or spaced, in Wade-Giles, in Chinese characters and in Palladius Cyrillic. The
writing comes from ``cjk_writers`` (its own tables), never from the matcher. Entities are split
as ``bench_heldout`` splits them (a hash of the id); failures are printed for the tune split
only. Korean: a person of North or South Korean nationality whose family name is a usual one;
Chinese: of Chinese (PRC, Taiwan, Hong Kong, Macao) nationality, a pinyin family name.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_data as bd  # noqa: E402
import cjk_writers as cw  # noqa: E402
from bench_heldout import SPLITS, generate, split_of  # noqa: E402
from bench_metrics import console, pct, table  # noqa: E402
from bench_quality import Engine  # noqa: E402
from bench_variants import is_latin, person_parts  # noqa: E402

from clearance.matching.engine import Screener  # noqa: E402
from clearance.model import Entity, Schema  # noqa: E402
from clearance.settings import Settings  # noqa: E402

KOREA = frozenset({"KP", "KR"})
CHINA = frozenset({"CN", "TW", "HK", "MO"})
Gen = Callable[[Entity, random.Random], "str | None"]


def _parts(entity: Entity, countries: frozenset[str]) -> tuple[list[str], str] | None:
    """(given words, family name) of the entity's first Latin name, when it is of ``countries``."""
    if entity.schema is not Schema.PERSON:
        return None
    if not (set(entity.nationalities) | set(entity.citizenships)) & countries:
        return None
    for name in entity.names:
        if name.weak or not is_latin(name.full):
            continue
        parts = person_parts(name)
        if parts is None or len(parts[1]) != 1:
            return None
        given = [w.strip(",.") for w in parts[0] if w.strip(",.")]
        return (given, parts[1][0].strip(",.")) if given else None
    return None


def _korean(entity: Entity, rng: random.Random) -> tuple[list[str], str, str, str] | None:
    """(listed given syllables, listed family, Hangul family, Hangul given)."""
    parts = _parts(entity, KOREA)
    if parts is None:
        return None
    given, family = parts
    hangul = cw.korean_hangul(given, family, rng)
    if hangul is None:
        return None
    syllables = [s for w in given for s in w.split("-") if s]
    return syllables, family, hangul[0], hangul[1]


def _join(family: str, given: list[str], rng: random.Random, hyphen: bool = True) -> str:
    """The way a Latin writer puts a name together: given joined, hyphenated or spaced; the
    family name first (Korean / Chinese order, 70 %) or last."""
    given = [g.lower() for g in given]
    styles = ["joined", "spaced"] + (["hyphen", "hyphen"] if hyphen else [])
    style = rng.choice(styles) if len(given) > 1 else "spaced"
    if style == "joined":
        text = "".join(given).capitalize()
    elif style == "hyphen":
        text = "-".join(given).capitalize()
    else:
        text = " ".join(g.capitalize() for g in given)
    fam = family.upper() if rng.random() < 0.3 else family.capitalize()
    return f"{fam} {text}" if rng.random() < 0.7 else f"{text} {fam}"


def k_latin(entity: Entity, rng: random.Random) -> str | None:
    """The listed syllables joined, hyphenated or spaced ("Kim Jongun", "Jong-un Kim")."""
    read = _korean(entity, rng)
    return _join(read[1], read[0], rng) if read else None


def k_family(entity: Entity, rng: random.Random) -> str | None:
    """The family name in another usual spelling ("Lee", "Park", "Choi", "Rhee")."""
    read = _korean(entity, rng)
    if read is None:
        return None
    others = [s for s in cw.family_spellings(read[1]) if s.lower() != read[1].lower()]
    return _join(rng.choice(others), read[0], rng) if others else None


def k_mr(entity: Entity, rng: random.Random) -> str | None:
    """McCune-Reischauer from the Hangul ("Kim Chong-un", "Ri Kwang-il")."""
    read = _korean(entity, rng)
    if read is None:
        return None
    family = rng.choice(cw.family_spellings(read[1])[:2])
    return _join(family, cw.mccune_reischauer(read[3]), rng)


def k_rr(entity: Entity, rng: random.Random) -> str | None:
    """Revised Romanization from the Hangul, the South's way ("Lee Yong-ho", "Kim Jeong-eun")."""
    read = _korean(entity, rng)
    if read is None:
        return None
    family = rng.choice(cw.family_spellings(read[1]))
    return _join(family, cw.revised(read[3], south=rng.random() < 0.5), rng)


def k_hangul(entity: Entity, rng: random.Random) -> str | None:
    read = _korean(entity, rng)
    if read is None:
        return None
    return read[2] + (" " if rng.random() < 0.3 else "") + read[3]


def k_hanja(entity: Entity, rng: random.Random) -> str | None:
    read = _korean(entity, rng)
    if read is None:
        return None
    given = cw.hanja(read[3], rng)
    return cw.family_hanja(read[1]) + given if given else None


def k_cyrillic(entity: Entity, rng: random.Random) -> str | None:
    """Kontsevich ("Ким Чонын") or the newspapers' spelling ("Ким Чен Ын")."""
    read = _korean(entity, rng)
    if read is None:
        return None
    newspaper = rng.random() < 0.5
    given = cw.kontsevich(read[3], newspaper)
    text = " ".join(g.capitalize() for g in given) if newspaper else "".join(given).capitalize()
    return f"{cw.family_russian(read[1])} {text}"


def _chinese(entity: Entity) -> tuple[list[str], str] | None:
    """(given pinyin syllables, family) of a listed Chinese person written in pinyin."""
    parts = _parts(entity, CHINA)
    if parts is None or parts[1].lower() not in cw._CHINESE_FAMILY:  # noqa: SLF001
        return None
    syllables: list[str] = []
    for word in parts[0]:
        for piece in word.lower().split("-"):
            split = cw.pinyin_split(piece)
            if not split:
                return None
            syllables += split
    return (syllables, parts[1].lower()) if 1 <= len(syllables) <= 2 else None  # noqa: PLR2004


def c_pinyin(entity: Entity, rng: random.Random) -> str | None:
    read = _chinese(entity)
    return _join(read[1], read[0], rng) if read else None


def c_wade_giles(entity: Entity, rng: random.Random) -> str | None:
    read = _chinese(entity)
    if read is None:
        return None
    return _join(cw.wade_giles(read[1]), [cw.wade_giles(s) for s in read[0]], rng)


def c_han(entity: Entity, rng: random.Random) -> str | None:
    read = _chinese(entity)
    return cw.han(read[1], read[0], rng) if read else None


def c_cyrillic(entity: Entity, rng: random.Random) -> str | None:
    read = _chinese(entity)
    if read is None:
        return None
    syl = [cw.palladius(s) for s in [read[1], *read[0]]]
    if not all(syl):
        return None
    return f"{str(syl[0]).capitalize()} {''.join(s for s in syl[1:] if s).capitalize()}"


CLASSES: dict[str, Gen] = {
    "k-latin": k_latin, "k-family": k_family, "k-mr": k_mr, "k-rr": k_rr,
    "k-hangul": k_hangul, "k-hanja": k_hanja, "k-cyrillic": k_cyrillic,
    "c-pinyin": c_pinyin, "c-wade-giles": c_wade_giles, "c-han": c_han,
    "c-cyrillic": c_cyrillic,
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per", type=int, default=150, help="queries per class and split")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--failures", type=int, default=5, help="failures shown per class (tune)")
    parser.add_argument("--dump", type=Path, help="write every case's outcome to this file")
    args = parser.parse_args()
    settings = Settings(screen_cache=0)
    lists = bd.load_lists()
    screener = Screener.build(lists.entities, settings.matching, lists=lists.published)
    engine = Engine(screener, settings)
    rows: list[list[object]] = []
    dump: list[dict[str, object]] = []
    for name in SPLITS:
        ents = [e for e in lists.entities if split_of(e.id) == name]
        seed = args.seed + (0 if name == "tune" else 7919)
        outs = engine.run(generate(ents, CLASSES, args.per, seed))
        for kind in CLASSES:
            mine = [o for o in outs if o.case.kind == kind]
            hits = sum(o.hit for o in mine)
            others = sum(o.alert and not o.hit for o in mine)
            rows.append([kind, name, len(mine), pct(hits / max(1, len(mine))), others])
            if name == "tune":
                for o in [o for o in mine if not o.hit][: args.failures]:
                    console.print(f"  miss {kind}: {o.case.query.name} -> {o.case.source} "
                                  f"(score {o.diag_score:.2f}, rank {o.diag_rank})",
                                  markup=False)  # fmt: skip
        dump += [{"split": name, "kind": o.case.kind, "query": o.case.query.name,
                  "source": o.case.source, "hit": o.hit, "alert": o.alert,
                  "score": round(o.expected_score or o.diag_score, 4)} for o in outs]  # fmt: skip
    table(f"Korean / Chinese listed names as writers write them ({screener.algorithm} "
          f"{screener.algorithm_version})",
          ["class", "split", "queries", "recall", "other alerted"], rows)  # fmt: skip
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
