"""Organisation names as writers of other countries put them, round three (issue 11, h200).

- ``w-asian-form``: an Asian company's legal form as its country writes it, in place of the
  listed one (or added): Indonesian "PT X" / "PT. X Tbk", Malaysian "Sdn. Bhd." / "Sendirian
  Berhad" / "Bhd", Singaporean "Pte. Ltd.", Japanese "Kabushiki Kaisha X" / "K.K." / "Godo
  Kaisha", Korean "(주)X" / "Chusik Hoesa", Vietnamese "Cong ty TNHH X" / "Cong ty Co phan X",
  Thai "Public Company Limited" / "PCL", Indian "Pvt. Ltd." / "Private Limited", Pakistani
  "(Pvt) Ltd", Philippine "Inc." / "Corporation";
- ``w-form-spelled``: the legal form of a European, Russian, Kazakh or Iranian company spelt out
  in its language or translated, before or after the name as the language puts it ("Limited
  Liability Company X" for OOO X, "Tovarishchestvo s ogranichennoy otvetstvennostyu X" for TOO
  X, "Sherkat-e X Sahami Khass", "X Gesellschaft mit beschränkter Haftung", "X GmbH & Co. KG",
  "Société X", "X Sociedad Limitada");
- ``w-aka-inline``: a name with a former or trading name in it: "X f/k/a Y", "X (formerly Y)",
  "Y t/a X", "Y trading as X", "X d/b/a Y", the listed name either side, the other one another
  of the entity's names or a trade name of :data:`TRADE_NAMES` (whose distinctive words no
  listed name writes);
- ``w-reg-number``: a company name with its registration or tax number ("X LLC (Reg. No.
  1027700132195)", "X, OGRN 1027...", "X Ltd Company No. 08123456", "X (INN 7707083893)");
- ``w-conjunction``: "and" / "&" in a name as another language writes it ("und", "y", "et",
  "e", "ve", "va", "i") and back.

Must-not-alert: unlisted Faker names so written (``n-local-form``, ``n-aka-inline``,
``n-reg-number``, ``n-conjunction``).

Every table here is this file's own, written from general knowledge, never the matcher's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from wild_hunt_org import _case, _choose, _latin, split_form

from clearance.model import Entity, Schema

Gen = Callable[[Entity, random.Random], "str | None"]

# -- legal forms: each country's own spellings ----------------------------------------------
# Country: templates ({} the name without its form).
ASIAN_FORMS: dict[str, tuple[str, ...]] = {
    "ID": ("PT {}", "PT. {}", "PT {} Tbk", "PT. {} Tbk.", "{}, PT", "P.T. {}"),
    "MY": ("{} Sdn. Bhd.", "{} Sdn Bhd", "{} Sendirian Berhad", "{} Berhad", "{} Bhd",
           "{} Bhd."),
    "SG": ("{} Pte. Ltd.", "{} Pte Ltd", "{} Private Limited", "{} PTE. LTD"),
    "JP": ("{} Kabushiki Kaisha", "Kabushiki Kaisha {}", "{} K.K.", "{} KK", "{} Co., Ltd.",
           "{} Godo Kaisha", "{} G.K.", "{} Corporation"),
    "KR": ("{} Co., Ltd.", "(주){}", "{}(주)", "{} Chusik Hoesa", "Chusik Hoesa {}",
           "Jusik Hoesa {}", "{} Co Ltd"),
    "KP": ("{} Co., Ltd.", "{} Corporation", "{} Company", "{} Corp."),
    "VN": ("Cong ty TNHH {}", "Công ty TNHH {}", "Cong ty Co phan {}", "Công ty Cổ phần {}",
           "{} Company Limited", "{} JSC", "{} Joint Stock Company", "Cty TNHH {}"),
    "TH": ("{} Co., Ltd.", "{} Company Limited", "{} Public Company Limited", "{} PCL",
           "{} Public Co., Ltd."),
    "IN": ("{} Pvt. Ltd.", "{} Private Limited", "{} Pvt Ltd", "{} LLP", "{} Limited",
           "{} (P) Ltd"),
    "PK": ("{} (Pvt) Ltd", "{} (Pvt.) Limited", "{} (Private) Limited", "{} Pvt Ltd"),
    "PH": ("{} Inc.", "{} Corporation", "{}, Inc.", "{} Corp."),
    "BD": ("{} Ltd.", "{} Limited", "{} (Pvt.) Ltd."),
    "LK": ("{} (Pvt) Ltd", "{} (Private) Limited", "{} PLC"),
    "MM": ("{} Co., Ltd.", "{} Company Limited"),
}  # fmt: skip

# Country: {listed form's kind: templates}; "" for a name without a form of a known kind.
_RU = {
    "llc": ("Limited Liability Company {}", "{} Limited Liability Company", "OOO {}",
            "Obshchestvo s Ogranichennoy Otvetstvennostyu {}", "LLC {}",
            "Limited Liability Company \"{}\""),
    "jsc": ("Joint Stock Company {}", "Joint-Stock Company {}", "JSC {}", "AO {}",
            "Aktsionernoe Obshchestvo {}", "Open Joint Stock Company {}", "OAO {}",
            "Public Joint Stock Company {}", "PAO {}", "Closed Joint Stock Company {}",
            "ZAO {}"),
}  # fmt: skip
_KZ = {
    "llc": ("TOO {}", "{} LLP", "Limited Liability Partnership {}",
            "Tovarishchestvo s ogranichennoy otvetstvennostyu {}", "{} TOO"),
    "jsc": ("AO {}", "Joint Stock Company {}", "JSC {}", "Aktsionernoe Obshchestvo {}"),
}  # fmt: skip
_IR = {
    "jsc": ("Sherkat-e {} Sahami Khass", "{} Private Joint Stock Company", "{} PJSC",
            "{} Sahami Aam", "{} Public Joint Stock Company", "{} Co. (PJS)",
            "Sherkat-e Sahami-ye Khass-e {}"),
    "llc": ("Sherkat-e {} Ba Masouliat-e Mahdoud", "{} Private Limited Company", "{} Co. Ltd.",
            "{} Limited Liability Company"),
}  # fmt: skip
_DE = {
    "llc": ("{} GmbH", "{} Gesellschaft mit beschränkter Haftung", "{} GmbH & Co. KG",
            "{} Gesellschaft mbH", "{} Ges.m.b.H."),
    "jsc": ("{} AG", "{} Aktiengesellschaft", "{} GmbH & Co. KGaA"),
}  # fmt: skip
_FR = {
    "llc": ("{} SARL", "{} S.A.R.L.", "Société {} SARL", "{} Société à responsabilité limitée",
            "Ste {} SARL", "{} EURL"),
    "jsc": ("{} SA", "Société Anonyme {}", "{} S.A.S.", "Société {} SA", "{} SAS"),
}  # fmt: skip
_ES = {
    "llc": ("{} S.L.", "{} SL", "{} Sociedad Limitada", "{} S. de R.L.",
            "{} Sociedad de Responsabilidad Limitada", "{} S.R.L."),
    "jsc": ("{} S.A.", "{} Sociedad Anónima", "{} Sociedad Anonima", "{} S.A. de C.V.",
            "{} Sociedad Anonima de Capital Variable", "{} C.A.", "{} Compañía Anónima"),
}  # fmt: skip
_IT = {
    "llc": ("{} S.r.l.", "{} Società a responsabilità limitata", "{} Srl"),
    "jsc": ("{} S.p.A.", "{} Società per Azioni", "{} SpA"),
}  # fmt: skip
SPELLED_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "RU": _RU, "BY": _RU, "KZ": _KZ, "IR": _IR, "DE": _DE, "AT": _DE, "CH": _DE, "FR": _FR,
    "BE": _FR, "LU": _FR, "MA": _FR, "DZ": _FR, "TN": _FR, "LB": _FR, "SN": _FR, "ML": _FR,
    "CD": _FR, "CI": _FR, "ES": _ES, "MX": _ES, "VE": _ES, "CO": _ES, "PA": _ES, "NI": _ES,
    "GT": _ES, "HN": _ES, "EC": _ES, "PE": _ES, "AR": _ES, "CU": _ES, "IT": _IT,
}  # fmt: skip
# A listed form's kind, by its letters ("" for any other).
_KIND = {
    "llc": "llc", "ooo": "llc", "limitedliabilitycompany": "llc", "too": "llc", "llp": "llc",
    "gmbh": "llc", "sarl": "llc", "sl": "llc", "srl": "llc", "ltd": "llc", "limited": "llc",
    "coltd": "llc", "jsc": "jsc", "ojsc": "jsc", "cjsc": "jsc", "pjsc": "jsc", "ao": "jsc",
    "oao": "jsc", "zao": "jsc", "pao": "jsc", "jointstockcompany": "jsc", "sa": "jsc",
    "ag": "jsc", "spa": "jsc", "sas": "jsc", "plc": "jsc",
}  # fmt: skip
# Forms this file strips beyond ``wild_hunt_org.split_form`` (at the start or the end).
_MORE_FORMS = (
    r"pt\.?|p\.t\.|tbk\.?|sendirian\s+berhad|berhad|bhd\.?|kabushiki\s+kaisha|k\.?k\.?|"
    r"private\s+limited|pvt\.?\s*ltd\.?|\(pvt\.?\)\s*(?:ltd\.?|limited)|public\s+company\s+limited|"
    r"pcl|ag|kg|gmbh\s*&\s*co\.?\s*kg|sas|sl|s\.l\.|s\.p\.a\.|spa|c\.a\.|corporation|company"
)
_HEAD = re.compile(rf"^\s*(?:{_MORE_FORMS})[\s,]+", re.IGNORECASE)
_TAIL = re.compile(rf"[\s,]+(?:{_MORE_FORMS})\s*$", re.IGNORECASE)


def _strip(text: str) -> tuple[str, str]:
    """``text`` without its legal forms at either end (as :func:`split_form`, and the forms of
    this file's tables), and the first form found ("" without one)."""
    body, form = split_form(text)
    for _ in range(3):
        m = _TAIL.search(body) or _HEAD.match(body)
        if m is None:
            break
        rest = (body[: m.start()] + body[m.end() :]).strip(" ,")
        if not rest.split():
            break
        form = form or m.group(0).strip(" ,")
        body = rest
    return body.strip(' ,"'), form


def _kind(form: str) -> str:
    return _KIND.get(re.sub(r"[^a-z]", "", form.lower()), "")


def with_form(text: str, templates: tuple[str, ...], rng: random.Random) -> str | None:
    """``text``'s form replaced by one of ``templates`` (its form written another way); None
    when the name has no words besides its form or the result is the name as listed."""
    body, _form = _strip(text)
    if not body or not re.search(r"[A-Za-z]{2}", body):
        return None
    template = rng.choice(templates)
    out = template.format(body)
    out = _case(out, body) if "(주)" not in out else out
    return out if out.lower() != text.lower() else None


def _countries(entity: Entity, table: dict[str, object]) -> list[str]:
    return [c for c in entity.countries if c in table]


def _formed(entity: Entity) -> list[str]:
    """``entity``'s Latin names that carry a legal form (a ministry or a party gains none)."""
    return [n for n in _latin(entity) if _strip(n)[1]]


def w_asian_form(entity: Entity, rng: random.Random) -> str | None:
    mine = _countries(entity, ASIAN_FORMS)  # type: ignore[arg-type]
    text = _choose(_formed(entity), rng) if mine else None
    return with_form(text, ASIAN_FORMS[rng.choice(mine)], rng) if text else None


def spelled(text: str, country: str, rng: random.Random) -> str | None:
    table = SPELLED_FORMS[country]
    kind = _kind(_strip(text)[1]) or rng.choice(sorted(table))
    return with_form(text, table[kind], rng)


def w_form_spelled(entity: Entity, rng: random.Random) -> str | None:
    mine = _countries(entity, SPELLED_FORMS)  # type: ignore[arg-type]
    text = _choose(_formed(entity), rng) if mine else None
    return spelled(text, rng.choice(mine), rng) if text else None


# -- former and trading names ---------------------------------------------------------------
AKA_STYLES = ("{a} f/k/a {b}", "{a} (formerly {b})", "{a}, formerly known as {b}",
              "{a} (f.k.a. {b})", "{a} fka {b}", "{a} (previously {b})", "{b} t/a {a}",
              "{b} trading as {a}", "{b} T/A {a}", "{b} d/b/a {a}", "{b} dba {a}",
              "{b} doing business as {a}", "{a} (trading as {b})", "{b} (ex {a})")  # fmt: skip
TRADE_NAMES = ("Brightwater Supplies", "Kestrel Trading", "Marlowe Logistics",
               "Thornbury Ventures", "Halvorsen Marine Services", "Pemberton Commodities",
               "Ashcombe Enterprises", "Wexley Holdings", "Larkspur General Trading",
               "Corwin Shipping", "Dunmore Resources", "Fairhaven Services",
               "Silverline Services", "Riverside Ventures")  # fmt: skip
# (h200: each distinctive word one no listed name writes; "Sunrise" is a listed vessel's)


def aka_inline(text: str, other: str, rng: random.Random) -> str:
    """``text`` with ``other`` as its former or trading name (or the other way round)."""
    style = rng.choice(AKA_STYLES)
    return style.format(a=text, b=_case(other, text))


def w_aka_inline(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.ORGANIZATION:
        return None
    names = _latin(entity)
    text = _choose(names, rng)
    if text is None:
        return None
    others = [n for n in names if n.lower() != text.lower()]
    other = rng.choice(others) if others and rng.random() < 0.5 else rng.choice(TRADE_NAMES)  # noqa: PLR2004
    return aka_inline(text, other, rng)


# -- registration numbers -------------------------------------------------------------------
REG_STYLES = ("{n} (Reg. No. {d})", "{n}, Registration No. {d}", "{n} (Company No. {d})",
              "{n} CR No. {d}", "{n}, Reg No {d}", "{n} - Registration Number: {d}",
              "{n} (Registration number {d})", "{n} Company Registration No. {d}")  # fmt: skip
# Country: (number's name, digits).
REG_NUMBERS = {
    "RU": (("OGRN", 13), ("INN", 10), ("OGRN", 13)), "BY": (("UNP", 9),), "KZ": (("BIN", 12),),
    "UA": (("EDRPOU", 8),), "GB": (("Company No.", 8), ("CRN", 8)), "AE": (("License No.", 6),
    ("Trade License No.", 7)), "IR": (("National ID", 11), ("Reg. No.", 6)),
    "CN": (("USCC", 18),), "HK": (("CR No.", 7),), "IN": (("CIN", 21),), "TR": (("VKN", 10),),
}  # fmt: skip


def _digits(count: int, rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randrange(10)) for _ in range(count - 1))


def reg_number(text: str, countries: list[str], rng: random.Random) -> str:
    """``text`` with a registration or tax number after it."""
    local = [r for c in countries for r in REG_NUMBERS.get(c, ())]
    if local and rng.random() < 0.6:  # noqa: PLR2004
        label, size = rng.choice(local)
        style = rng.choice(("{n}, {l} {d}", "{n} ({l} {d})", "{n} {l}: {d}", "{n} {l} {d}"))
        return style.format(n=text, l=label, d=_digits(size, rng))
    return rng.choice(REG_STYLES).format(n=text, d=_digits(rng.choice((6, 7, 8, 10, 13)), rng))


def w_reg_number(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.ORGANIZATION:
        return None
    text = _choose(_latin(entity), rng)
    return reg_number(text, list(entity.countries), rng) if text else None


# -- conjunctions ---------------------------------------------------------------------------
CONJUNCTIONS = {"DE": "und", "AT": "und", "CH": "und", "ES": "y", "MX": "y", "VE": "y",
                "CO": "y", "FR": "et", "BE": "et", "LB": "et", "IT": "e", "BR": "e", "PT": "e",
                "TR": "ve", "IR": "va", "ID": "dan", "MY": "dan"}  # fmt: skip
_AND_RE = re.compile(r"(?<=\s)(?:and|&|und|et|ve|va|dan|y|e)(?=\s)", re.IGNORECASE)
_ENGLISH = ("and", "&")


def conjunction(text: str, countries: list[str], rng: random.Random) -> str | None:
    """``text``'s "and" (or "&") as its country's language writes it, another language's
    written "and" or "&"; None without one or without a language to write it in."""
    spots = list(_AND_RE.finditer(text))
    if not spots:
        return None
    m = rng.choice(spots)
    old = m.group(0).lower()
    if old in _ENGLISH:
        pool = [CONJUNCTIONS[c] for c in countries if c in CONJUNCTIONS]
    elif not any(CONJUNCTIONS.get(c) == old for c in countries):
        pool = []  # (an initial or a word, not the conjunction of the name's language)
    else:
        pool = list(_ENGLISH)
    if not pool:
        return None
    new = _case(rng.choice(pool), text)
    return text[: m.start()] + new + text[m.end() :]


def w_conjunction(entity: Entity, rng: random.Random) -> str | None:
    countries = list(entity.countries)
    names = [n for n in _latin(entity) if conjunction(n, countries, random.Random(0))]
    text = _choose(names, rng)
    return conjunction(text, countries, rng) if text else None


CLASSES: dict[str, Gen] = {
    "w-asian-form": w_asian_form, "w-form-spelled": w_form_spelled,
    "w-aka-inline": w_aka_inline, "w-reg-number": w_reg_number,
    "w-conjunction": w_conjunction,
}  # fmt: skip


# -- must not alert -------------------------------------------------------------------------
def _local_form(text: str, person: bool, rng: random.Random) -> str | None:
    if person:
        return None
    if rng.random() < 0.5:  # noqa: PLR2004
        return with_form(text, ASIAN_FORMS[rng.choice(sorted(ASIAN_FORMS))], rng)
    return spelled(text, rng.choice(sorted(SPELLED_FORMS)), rng)


def _aka(text: str, person: bool, rng: random.Random) -> str | None:
    return None if person else aka_inline(text, rng.choice(TRADE_NAMES), rng)


def _reg(text: str, person: bool, rng: random.Random) -> str | None:
    return None if person else reg_number(text, [rng.choice(sorted(REG_NUMBERS))], rng)


def _conj(text: str, person: bool, rng: random.Random) -> str | None:
    if person or not _AND_RE.search(text):
        return None
    return conjunction(text, [rng.choice(sorted(CONJUNCTIONS))], rng)


NEGATIVES = {"n-local-form": _local_form, "n-aka-inline": _aka, "n-reg-number": _reg,
             "n-conjunction": _conj}  # fmt: skip
