"""Class 6, Hebrew: a listed Latin person's name queried in Hebrew script (issue 11).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_hebrew.py [--per 300] [--seed N] [--failures 5]

Listed "Moshe COHEN" (no Hebrew alias on the list) is screened as "משה כהן". The Hebrew
spelling comes from this file only, never from the matcher's tables: a plain letter map
(digraphs sh, ch, kh, tz, th, ph, zh first; j and zh with a geresh), vowels written as matres
lectionis where a Hebrew writer writes them (o and u as ו, i and ee as י, a word-final a or e
as ה, a word-initial vowel after א), short a and e left unwritten, a doubled letter written
once, final letter forms at the end of a word, an apostrophe (an ayn: Sa'ad, 'Ali) as ע.
Letters a Latin spelling leaves open are drawn at random (k as ק or כ, s as ס or ש, t as ת or
ט). Entities are split as ``bench_heldout`` splits them (a hash of the id); failures are
printed for the tune split only.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_data as bd  # noqa: E402
from bench_heldout import SPLITS, generate, split_of  # noqa: E402
from bench_metrics import console, pct, table  # noqa: E402
from bench_quality import Engine  # noqa: E402
from bench_variants import is_latin, natural  # noqa: E402

from clearance.matching.engine import Screener  # noqa: E402
from clearance.model import Entity, Schema  # noqa: E402
from clearance.settings import Settings  # noqa: E402

_DIGRAPHS = {"sh": ("ש",), "ch": ("ח", "כ"), "kh": ("ח", "כ"), "tz": ("צ",), "ts": ("צ",),
             "th": ("ת",), "ph": ("פ",), "zh": ("ז׳",), "gh": ("ג",), "ck": ("ק",)}  # fmt: skip
_LETTERS = {"b": ("ב",), "v": ("ב", "ו"), "w": ("ו",), "d": ("ד",), "g": ("ג",), "h": ("ה",),
            "k": ("ק", "כ"), "c": ("ק",), "q": ("ק",), "l": ("ל",), "m": ("מ",), "n": ("נ",),
            "p": ("פ",), "f": ("פ",), "r": ("ר",), "s": ("ס", "ס", "ש"), "t": ("ת", "ט"),
            "x": ("קס",), "y": ("י",), "z": ("ז",), "j": ("ג׳",), "'": ("ע",)}  # fmt: skip
_FINAL = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}
_LONG = {"o": "ו", "u": "ו", "i": "י", "ee": "י", "ie": "י", "ou": "ו", "oo": "ו", "ai": "יי",
         "ay": "יי", "ei": "יי", "ey": "יי"}  # fmt: skip


def _vowel(word: str, i: int) -> tuple[str, int]:
    """The Hebrew of the vowel(s) at ``word[i]`` and how many letters they take."""
    pair = word[i : i + 2]
    if pair in _LONG:
        text, size = _LONG[pair], 2
    else:
        text, size = _LONG.get(word[i], ""), 1
    end = i + size >= len(word)
    if i == 0:
        return "א" + text, size
    if end and not text:
        return "ה", size  # (a final a or e: Moshe, Sara)
    return text, size


def hebrew_word(word: str, rng: random.Random) -> str | None:
    """``word`` (Latin letters) written in Hebrew letters, or ``None``."""
    out: list[str] = []
    i = 0
    while i < len(word):
        c = word[i]
        if c in "aeiou":
            text, size = _vowel(word, i)
        elif word[i : i + 2] in _DIGRAPHS:
            text, size = rng.choice(_DIGRAPHS[word[i : i + 2]]), 2
        elif c in _LETTERS:
            text, size = rng.choice(_LETTERS[c]), 1
        else:
            return None
        if i and c == word[i - 1] and c not in "aeiou":
            text = ""  # (a doubled consonant written once)
        out.append(text)
        i += size
    hebrew = "".join(out)
    if not hebrew:
        return None
    return hebrew[:-1] + _FINAL.get(hebrew[-1], hebrew[-1])


def c_hebrew_script_query(entity: Entity, rng: random.Random) -> str | None:
    """A listed person's Latin name, as a Hebrew writer spells it."""
    if entity.schema is not Schema.PERSON:
        return None
    names = [n for n in entity.names if not n.weak and is_latin(n.full)]
    if not names:
        return None
    text = natural(entity, names[0]).lower().replace("-", " ")
    text = text.replace("\u2019", "'").replace("\u2018", "'")  # (an ayn: "Sa'ad" is "סעד")
    words = [hebrew_word(w, rng) for w in text.split() if w.replace("'", "").isalpha()]
    if len(words) < 2 or any(w is None for w in words):  # noqa: PLR2004 (a name of two words)
        return None
    return " ".join(w for w in words if w)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per", type=int, default=300, help="queries per split")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--failures", type=int, default=5, help="failures shown (tune split)")
    args = parser.parse_args()
    settings = Settings(screen_cache=0)
    lists = bd.load_lists()
    screener = Screener.build(lists.entities, settings.matching, lists=lists.published)
    engine = Engine(screener, settings)
    rows: list[list[object]] = []
    for name in SPLITS:
        ents = [e for e in lists.entities if split_of(e.id) == name]
        seed = args.seed + (0 if name == "tune" else 7919)
        cases = generate(ents, {"c6-hebrew": c_hebrew_script_query}, args.per, seed)
        outs = engine.run(cases)
        hits = sum(o.hit for o in outs)
        others = sum(o.alert and not o.hit for o in outs)
        rows.append([name, len(outs), pct(hits / max(1, len(outs))), others])
        if name == "tune":
            for o in [o for o in outs if not o.hit][: args.failures]:
                console.print(
                    f"  miss: {o.case.query.name} -> {o.case.source} (score "
                    f"{o.diag_score:.2f}, rank {o.diag_rank})",
                    markup=False,
                )
    table(f"Hebrew-script queries ({screener.algorithm} {screener.algorithm_version})",
          ["split", "queries", "recall", "other alerted, not the listed"], rows)  # fmt: skip


if __name__ == "__main__":
    main()
