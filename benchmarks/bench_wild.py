"""Listed names as real screening inputs write them, beyond the other generators (issue 11).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_wild.py [--per 150] [--unlisted 300]
        [--seed N] [--failures 5] [--dump FILE] [--baseline-per 40] [--classes A,B]

An independent check of the matcher: listed persons and companies of the real lists (loaded as
``bench_heldout`` loads them, split as it splits them: a fixed hash of the entity id) written
the ways inputs differ that ``bench_variants``, ``bench_classes`` and ``bench_heldout`` do not
produce (``wild_writers``: titles, descriptors, "&" / "and", "Co." / "Company", "The", Roman
numerals, German ue / ü, Spanish double surnames, dropped "de / da", joined "van der",
apostrophes, CamelCase, CSV-mangled, e-mail, mojibake, extra whitespace and punctuation;
since 1.32 ``w-initials``: a person of two given names or more as initials and the family
name, "A. D. T. W. MUHAMMAD"; since h163 ``w-arabic-article``: the article before a sun
letter and "X al-Din" / "Abd al-X" compounds written another way, "Noureddine" for Nur al-Din,
"Abderrahmane" for ABD AL-RAHMAN, ``wild_arabic``; ``w-roman`` a numeral that ends a name
only, ``wild_numerals``; since h165, ``wild_more``: ``w-truncated`` a name cut or wrapped by a
35-character payment field inside a word, ``w-vessel`` "M/V", "MT", "S.S.", "(IMO 9187629)"
around a vessel's name, ``w-abbrev`` business words abbreviated ("Intl", "Devt", "Hldgs"),
``w-suffix`` Armenian, Georgian and Russian family-name endings spelt another way ("-ian",
"-schwili", "-dse", "-off"), and ``w-accents`` in place of ``w-german`` (which had 0-3 cases a
split): a Spanish-speaking entity's name accented, umlauts written out or without dots and
back); since h173 ``w-ocr`` (``wild_ocr``): a name read by OCR from a scanned document, with
one or two of the confusions the OCR literature reports ("G0NZALEZ", "RNANSOURI", "INCLUSTRIAL",
a space lost or doubled, a diacritic dropped, a comma read as a period).
Must-not-alert classes: unlisted Faker names (made as ``bench_heldout`` makes them, other
seeds; namesakes of listed names left out) with the same decorations, beside the plain names
(``n-initials``: a person's given names as initials, "J. SMITH", "M. K. PARK"), and
``n-other-numeral``: a listed name ending in a numeral with another number's ("SEA STAR III"
for SEA STAR II; none a listed name writes, Roman or digits), and since h165 unlisted names
cut at the end of a word, with vessel marks, abbreviated, with another family-name ending or
umlauts (``n-truncated``, ``n-vessel``, ``n-abbrev``, ``n-suffix``, ``n-umlaut``), and
company names sharing only generic first words with listed ones, cut
(``n-truncated-generic``, h171), and since h173 so read by OCR (``n-ocr``).
Since h174 given names in another form: ``w-nickname`` ("Bill" for a listed William), ``w-slavic``
(a Ukrainian or Belarusian form for a listed Russian one) and ``n-forms`` (an equivalent given name
with another family name; a listed family name with an unrelated given name), from the
benchmark's own tables (``wild_forms``), not the engine's data. Since h182 Russian company names
(``wild_generic``, its own tables): ``w-ru-generic`` (a listed name's kind words, "nauchno-
proizvodstvennoe obedinenie", respelt by another romanisation or translated) and
``n-ru-generic`` (a legal form, a kind and a distinctive word no listed name writes). Since h188
organisation names as writers of other countries put them (``wild_hunt_org``, its own tables):
``w-cn-company`` (a Chinese city or province added or dropped, "(HK)" tags, industry words, "Co
Ltd" / "Company Limited"), ``w-arabic-company`` ("Sharikat", "Mu'assasat", "Sherkat-e",
"Sanaye", "Bazargani" for "Company", "Establishment", "Industries", "Trading", and back, added
or dropped), ``w-bank`` ("Bank X", "X Bank", "Banque X", "Bank of X"), ``w-group`` ("Group",
"Holding", "International", "Global" added or dropped), ``w-foreign-form`` (another country's
legal form: "X FZE" for X LLC), ``w-turkish`` ("San. ve Tic. Ltd. Şti." spelt out or
abbreviated), ``w-ua-form`` (ТОВ / ПрАТ / ДП for ООО / ЗАО / ГУП, TOV / PrAT for LLC / PJSC),
``w-acronym`` ("X Y Z (XYZ)"); must-not-alert ``n-org-words`` (unlisted company names so
written) and ``n-org-kind`` (a listed name of these kinds with its distinctive words replaced:
"Shenzhen Haoyun Technology Co., Ltd.").
Since h187 persons' names as writers of other languages and offices write them
(``wild_hunt_person``, its own tables): ``w-turkish-person`` (Turkish letters typed,
"ŞÜKRÜ KILIÇ", "İSMAİL", or spelt out the English or German way, "Oeztuerk"), ``w-persian``
(-zadeh / -zade, -pour / -pur, "Rezaei" / "Rezai", "Seyed" / "Sayyed", "Mohammadreza"), ``w-afghan``
("Mullah", "Haji", "Qari", "Maulavi" and their spellings dropped, respelt or added; "Khan",
"Jan", "Gul", "Agha" added after the name or dropped), ``w-ru-initials`` ("Sidorov I.P.",
"I. P. SIDOROV"), ``w-patronymic`` (a patronymic respelt, "-ovitch", "-owitsch", or added where
the list has none), ``w-cantonese`` (a Chinese family name in Cantonese, "Chan" / CHEN,
"Wong" / HUANG, and back), ``w-given-compound`` ("Jean-Pierre" run together, cut to "Jean" or
"J.-P."), ``w-typo2`` (two slips in a long name: a neighbouring key, two letters swapped);
and unlisted names so written (``n-turkish-person``, ``n-persian``, ``n-afghan``,
``n-patronymic``, ``n-cantonese``, ``n-given-compound``, ``n-typo2``).
Since h194 persons' names, round two (``wild_hunt_person2``, its own tables):
``w-glued-initials`` ("M.A.KHAN", "KHAN M.A.", "Khan,M.A."), ``w-generational`` ("Jr.", "Sr.",
"III", "Filho" added, or dropped where listed), ``w-maiden`` ("née Petrova", "geb. Müller"
after a woman's name), ``w-bin`` ("bin" / "ibn" / "b.", "binti" / "bte" respelt or dropped),
``w-caucasus`` (a Caucasian or Central Asian Muslim name between its Russian-passport and
Arabic spellings, "Magomed" / Muhammad, "Gadzhiev" / Hajiev, or in the Azerbaijani or Uzbek
Latin alphabet, "Xasanov", "Cəfərov"), ``w-somali`` (the Somali orthography: "Maxamed Cabdi
Xasan"), ``w-burmese`` ("U", "Daw", "Ko", "Maung" added or dropped, "Tun" / Htun); and
unlisted names so written (``n-glued-initials``, ``n-generational``, ``n-maiden``, ``n-bin``,
``n-burmese``; none for the Caucasian and Somali words, which Faker's names hold almost none of).
Since h200 organisation names, round three (``wild_hunt_org2``, its own tables):
``w-asian-form`` (an Asian company's form as its country writes it: "PT X Tbk", "Sdn. Bhd.",
"Kabushiki Kaisha X", "(주)X", "Cong ty TNHH X", "PCL", "(Pvt) Ltd"), ``w-form-spelled`` (a
European, Russian, Kazakh or Iranian form spelt out or translated: "Limited Liability Company
X", "Sherkat-e X Sahami Khass", "X Gesellschaft mit beschränkter Haftung", "Société X SARL",
"X Sociedad Limitada"), ``w-aka-inline`` ("X f/k/a Y", "X (formerly Y)", "Y t/a X", "Y d/b/a
X"), ``w-reg-number`` ("X (Reg. No. 4228916)", "X, OGRN 1027700132195"), ``w-conjunction``
("and" as "und", "y", "et", "ve", "va" by the entity's country, and back); and unlisted names
so written (``n-local-form``, ``n-aka-inline``, ``n-reg-number``, ``n-conjunction``).
Prints per class and split the alert-recall (the expected entity alerts) and the queries on
which another entity alerted, and per must-not-alert class the false alerts, each beside
rapidfuzz brute force (``bench_baselines.BruteForce``, WRatio at the lowest threshold of
0.80..1.00 with <= 1 % false alerts on the plain unlisted names; on the first
``--baseline-per`` cases of each class and split), with the load and the algorithm version.
Failures are printed for the tune split only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_data as bd  # noqa: E402
import wild_forms as wf  # noqa: E402
import wild_generic as wg  # noqa: E402
import wild_hunt_org as wh  # noqa: E402
import wild_hunt_org2 as wh2  # noqa: E402
import wild_hunt_person as wp  # noqa: E402
import wild_hunt_person2 as wp2  # noqa: E402
import wild_more as wm  # noqa: E402
import wild_numerals as wn  # noqa: E402
import wild_ocr as wo  # noqa: E402
import wild_writers as ww  # noqa: E402
from bench_classes import Generator  # noqa: E402
from bench_heldout import SPLITS, faker_names, generate, split_of  # noqa: E402
from bench_metrics import console, pct, table  # noqa: E402
from bench_quality import Engine, Outcome  # noqa: E402
from bench_variants import is_latin, natural  # noqa: E402

from clearance.matching.engine import Screener  # noqa: E402
from clearance.model import Entity, Schema  # noqa: E402
from clearance.settings import Settings  # noqa: E402

PLAIN = "n-plain"
GENERIC = "n-generic-company"
NUMERAL = "n-other-numeral"
CLASSES = {**ww.CLASSES, **wm.CLASSES, **wo.CLASSES}  # (new classes last: the others' cases
# unchanged)
CLASSES |= wf.CLASSES  # (h174: given names in another form)
CLASSES |= wg.CLASSES  # (h182: Russian company names' generic words written another way)
CLASSES |= wh.CLASSES  # (h188: organisation names as writers of other countries put them)
NEGATIVES = {**ww.NEGATIVES, **wm.NEGATIVES, **wo.NEGATIVES}
NEGATIVES |= wh.NEGATIVES  # (h188; last: the others' cases unchanged)
CLASSES |= wp.CLASSES  # (h187: persons' names as other languages' writers write them)
NEGATIVES |= wp.NEGATIVES  # (h187; last: the others' decorations keep their seeds)
CLASSES |= wp2.CLASSES  # (h194: persons' names, round two)
NEGATIVES |= wp2.NEGATIVES  # (h194; last: the others' decorations keep their seeds)
CLASSES |= wh2.CLASSES  # (h200: organisation names, round three)
NEGATIVES |= wh2.NEGATIVES  # (h200; last: the others' decorations keep their seeds)
SKIPPED: set[str] = set()  # classes ``--classes`` leaves out (no row in the tables)


def unlisted(lists: bd.Lists, count: int, seed: int,
             kinds: frozenset[str] | None = None) -> list[bd.ListCase]:  # fmt: skip
    """Unlisted Faker names (namesakes of listed names left out), plain and decorated (the
    classes of ``kinds`` only, when given: each decorated as in a full run)."""
    cases, _dropped = bd.unlisted_cases(faker_names(count, seed), lists)
    plain = [c for c in cases if c.note != bd.NAMESAKE]
    out = [bd.ListCase(PLAIN, c.query, frozenset(), c.source) for c in plain]
    for k, (kind, deco) in enumerate(NEGATIVES.items()):
        if kinds is not None and kind not in kinds:
            continue
        rng = random.Random(seed * 1000 + k)
        for case in plain:
            text = deco(case.query.name, case.query.schema == "person", rng)
            if text and text.strip():
                spec = bd.QuerySpec(text, case.query.schema)
                out.append(bd.ListCase(kind, spec, frozenset(), case.source))
    return out


def generic(lists: bd.Lists, vocabulary: list[str], count: int, seed: int) -> list[bd.ListCase]:
    """``count`` company names of generic words (``wild_writers.generic_company``), namesakes
    of listed names (and repeats) left out, and near namesakes: names whose words, legal forms,
    articles and one-letter words apart, are a listed organisation name's so read ("People
    Ltd" / G-PEOPLE: a real listed name, which should alert)."""
    rng = random.Random(seed)
    texts = list(dict.fromkeys(ww.generic_company(vocabulary, rng) for _ in range(count)))
    raw = [{"name": t, "type": "organization", "locale": "generic"} for t in texts]
    cases, _dropped = bd.unlisted_cases(raw, lists)
    near = _near_keys(lists)
    return [bd.ListCase(GENERIC, c.query, frozenset(), c.source) for c in cases
            if c.note != bd.NAMESAKE and not _near(c.query.name, near)]  # fmt: skip


def _near_keys(lists: bd.Lists) -> frozenset[tuple[str, ...]]:
    """Every listed organisation name's ``wild_writers.near_key``."""
    from namesakes import listed_name_keys

    keys = listed_name_keys(lists.entities).keys  # (memoised per list of entities)
    return frozenset(ww.near_key(words) for person, words, _ in keys if not person)


def _near(text: str, near: frozenset[tuple[str, ...]]) -> bool:
    from namesakes import name_keys

    return any(ww.near_key(words) in near for _, words, _ in name_keys(text, False, query=True))


def other_numerals(lists: bd.Lists, ents: Sequence[Entity], count: int,
                   seed: int) -> list[bd.ListCase]:  # fmt: skip
    """Up to ``count`` listed Latin names of ``ents`` ending in a numeral with another
    number's numeral (``wild_numerals.other_numeral``: "SEA STAR III" for SEA STAR II), none
    that a listed name writes with that number (Roman or digits) and no namesake."""
    rng = random.Random(seed)
    taken: set[tuple[str, int]] = set()
    texts: list[tuple[str, Schema]] = []
    mine = {e.id for e in ents}
    for entity in lists.entities:
        person = entity.schema is Schema.PERSON
        for name in entity.names:
            if is_latin(name.full):
                text = natural(entity, name)
                key = wn.numeral_key(text, person)
                if key is not None:
                    taken.add(key)
                    if entity.id in mine and not name.weak:
                        texts.append((text, entity.schema))
    raw: list[dict[str, str]] = []
    for text, schema in dict.fromkeys(texts):
        out = wn.other_numeral(text, schema is Schema.PERSON, rng)
        if out and wn.numeral_key(out, schema is Schema.PERSON) not in taken:
            raw.append({"name": out, "type": schema.value, "locale": "numeral"})
    rng.shuffle(raw)
    cases, _dropped = bd.unlisted_cases(raw[:count], lists)
    return [bd.ListCase(NUMERAL, c.query, frozenset(), c.source) for c in cases
            if c.note != bd.NAMESAKE]  # fmt: skip


Baseline = tuple[float, dict[int, float], dict[int, float]]


def rapidfuzz(lists: bd.Lists, cases: Sequence[bd.ListCase], per: int) -> Baseline:
    """The threshold, and the expected-entity score and best score of the first ``per`` cases
    of each class and split (every plain unlisted name: the threshold is calibrated on them),
    by WRatio brute force."""
    import bench_baselines as bl

    seen: dict[tuple[str, str], int] = {}
    picked: list[int] = []
    for i, case in enumerate(cases):
        key = (case.kind, case.note)
        seen[key] = seen.get(key, 0) + 1
        if case.kind == PLAIN or seen[key] <= per:
            picked.append(i)
    brute = bl.BruteForce(lists.entities)
    outs = brute.run([cases[i] for i in picked])
    plain = [o.top_score for o in outs if o.case.kind == PLAIN]
    few = 0.01 * len(plain)
    threshold = next(
        (t / 100 for t in range(80, 101) if sum(s >= t / 100 - 1e-9 for s in plain) <= few), 1.0
    )
    expected = {i: o.expected_score for i, o in zip(picked, outs, strict=True)}
    return threshold, expected, {i: o.top_score for i, o in zip(picked, outs, strict=True)}


def _share(values: Sequence[bool]) -> str:
    return f"{pct(sum(values) / len(values))} of {len(values)}" if values else "-"


def _line(o: Outcome) -> str:
    top = "; ".join(f"{m.name} {m.score:.2f}{'!' if m.alert else ''}" for m in o.top)
    return (
        f"{o.case.query.name!r} -> {o.case.source!r} [{o.diag_score:.2f} r{o.diag_rank}] got {top}"
    )


def _none(entity: Entity, rng: random.Random) -> None:
    """A class left out by ``--classes``: no case (its place kept, so the other classes'
    generators draw from the same seeds as in a full run)."""


def chosen(kinds: frozenset[str] | None) -> dict[str, Generator]:
    """:data:`CLASSES`, a class not among ``kinds`` (when given) making no case."""
    return {k: g if kinds is None or k in kinds else _none for k, g in CLASSES.items()}


def report(outs: Sequence[Outcome], rf: Baseline | None,
           failures: int, version: str) -> None:  # fmt: skip
    rows: list[list[object]] = []
    neg_rows: list[list[object]] = []
    threshold = rf[0] if rf else 0.0
    for name in SPLITS:
        for kind in [*CLASSES, PLAIN, *NEGATIVES, GENERIC, NUMERAL, wf.N_FORMS,
                     wg.N_RU_GENERIC, wh.N_ORG_KIND]:  # fmt: skip
            idx = [i for i, o in enumerate(outs) if o.case.kind == kind and o.case.note == name]
            mine = [outs[i] for i in idx]
            if not mine and kind in SKIPPED:
                continue
            n = max(1, len(mine))
            if kind in CLASSES:
                hits = sum(o.hit for o in mine)
                other = sum(o.alert and not o.hit for o in mine)
                rfr = (
                    _share([rf[1][i] >= threshold - 1e-9 for i in idx if i in rf[1]]) if rf else "-"
                )
                rows.append([kind, name, len(mine), pct(hits / n), other, rfr])
                if name == "tune":
                    for o in [o for o in mine if not o.hit][:failures]:
                        console.print(f"  miss {kind}: {_line(o)}", markup=False, highlight=False)
            else:
                alerts = sum(o.alert for o in mine)
                rff = (
                    _share([rf[2][i] >= threshold - 1e-9 for i in idx if i in rf[2]]) if rf else "-"
                )
                neg_rows.append([kind, name, len(mine), alerts, pct(alerts / n), rff])
                if name == "tune":
                    for o in [o for o in mine if o.alert][:failures]:
                        m = o.top[0]
                        console.print(f"  alert {kind}: {o.case.query.name!r} -> {m.name} via "
                                      f"{m.matched_name!r} {m.score:.2f}", markup=False,
                                      highlight=False)  # fmt: skip
    rft = f"rapidfuzz WRatio t={threshold:.2f}" if rf else "rapidfuzz (not run)"
    head = ["class", "split", "queries", "recall", "other alerted", "rapidfuzz recall"]
    table(f"Listed names as inputs write them ({version}; alert-recall; {rft})", head, rows)
    table(f"Must not alert: unlisted names, plain and decorated ({version}; {rft})",
          ["class", "split", "names", "alerts", "false alerts", "rapidfuzz false alerts"],
          neg_rows)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per", type=int, default=150, help="queries per class and split")
    parser.add_argument("--unlisted", type=int, default=300, help="Faker names per split")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--failures", type=int, default=5, help="failures shown per class (tune)")
    parser.add_argument("--generic", type=int, default=300,
                        help="generic company names per split (n-generic-company)")  # fmt: skip
    parser.add_argument("--dump", type=Path, help="write every case's outcome to this file")
    parser.add_argument(
        "--baseline-per",
        type=int,
        default=40,
        help="rapidfuzz on this many cases per class and split (0: none)",
    )
    parser.add_argument("--classes", help="only these classes, comma-separated (each class's "
                        "cases as in a full run; n-plain: the plain unlisted names)")  # fmt: skip
    args = parser.parse_args()
    kinds = frozenset(args.classes.split(",")) if args.classes else None
    if kinds is not None:
        SKIPPED.update(k for k in [*CLASSES, PLAIN, *NEGATIVES, GENERIC, NUMERAL, wf.N_FORMS,
                                   wg.N_RU_GENERIC, wh.N_ORG_KIND] if k not in kinds)  # fmt: skip
    started = time.perf_counter()
    console.print(f"load average {os.getloadavg()} on {os.cpu_count()} cores (machine shared)")
    settings = Settings(screen_cache=0)
    lists = bd.load_lists()
    screener = Screener.build(lists.entities, settings.matching, lists=lists.published)
    version = f"{screener.algorithm} {screener.algorithm_version}"
    engine = Engine(screener, settings)
    cases: list[bd.ListCase] = []
    vocabulary = ww.generic_vocabulary(lists.entities) if kinds is None or GENERIC in kinds else []
    for name in SPLITS:
        ents = [e for e in lists.entities if split_of(e.id) == name]
        seed = args.seed + (0 if name == "tune" else 7919)
        made = generate(ents, chosen(kinds), args.per, seed)
        if kinds is None or kinds & {PLAIN, *NEGATIVES}:
            made += unlisted(lists, args.unlisted, seed + 104729, kinds)
        if kinds is None or GENERIC in kinds:
            made += generic(lists, vocabulary, args.generic, seed + 130003)
        if kinds is None or NUMERAL in kinds:
            made += other_numerals(lists, ents, args.per, seed + 150001)
        if kinds is None or wf.N_FORMS in kinds:
            made += wf.unlisted_forms(lists, ents, args.per, seed + 170003)  # (h174)
        if kinds is None or wg.N_RU_GENERIC in kinds:
            made += wg.unlisted_generic(lists, args.per, seed + 190003)  # (h182)
        if kinds is None or wh.N_ORG_KIND in kinds:
            made += wh.unlisted_org(lists, ents, args.per, seed + 210011)  # (h188)
        cases += [bd.ListCase(c.kind, c.query, c.expected, c.source, name) for c in made]
    outs = engine.run(cases)
    console.print(f"screened {len(cases)} queries, {time.perf_counter() - started:.0f} s")
    if args.dump:
        rows = [
            {"split": o.case.note, "kind": o.case.kind, "query": o.case.query.name, "hit": o.hit,
             "alert": o.alert, "top": [[m.entity_id, round(m.score, 6)] for m in o.top]}
            for o in outs
        ]  # fmt: skip
        args.dump.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    rf = rapidfuzz(lists, cases, args.baseline_per) if args.baseline_per else None
    report(outs, rf, args.failures, version)
    console.print(
        f"load average {os.getloadavg()}; whole run {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
