"""Organisation names as writers of other countries put them (issue 11, h188), for ``bench_wild``.

- ``w-cn-company``: a company name as Chinese writers put it in English: a city or province
  before it ("Shenzhen X Technology Co., Ltd." for X TECHNOLOGY CO., LIMITED) or dropped, a
  "(HK)" / "(Hong Kong)" / "(Shenzhen)" tag after the trade name, an industry word added, the
  legal form as "Co Ltd" / "Company Limited" / "Limited Company" / "Co., Ltd.";
- ``w-arabic-company``: Arabic and Persian company words transliterated ("Sharikat",
  "Mu'assasat", "Sherkat-e", "Sanaye", "Tolid", "Bazargani", "Tejarat") for their English
  ("Company", "Establishment", "Industries", "Production", "Trading") and back, added or
  dropped;
- ``w-bank``: "X BANK" as "Bank X", "Banque X", "Banco X", "Bank of X", "Bank-e X" and back;
- ``w-group``: "Group", "Holding(s)", "International", "Global", "Corporation" added or dropped;
- ``w-foreign-form``: the legal form of another country ("X Trading FZE" for X TRADING LLC,
  "X GmbH" for X LTD), or one added to a name without one;
- ``w-turkish``: Turkish company names with "Sanayi ve Ticaret" / "San. ve Tic.", "Limited
  Şirketi" / "Ltd. Şti.", "Anonim Şirketi" / "A.Ş." spelt out or abbreviated, with or without
  the Turkish letters, or added;
- ``w-ua-form``: Ukrainian company forms (ТОВ, ПрАТ, ПАТ, ДП; TOV, PrAT, PAT, DP) for Russian and
  Latin ones (ООО, ЗАО, ПАО, ГУП; LLC, PJSC, State Enterprise) and back;
- ``w-acronym``: an organisation's name with its acronym in brackets or before a dash ("ISLAMIC
  REVOLUTIONARY GUARD CORPS (IRGC)"), the acronym its initials or an alias the lists give.

Must-not-alert (:func:`unlisted_org`): ``n-org-kind``: a listed organisation's name of these
kinds (city, industry, company and bank words, legal form) with its distinctive words replaced
by words no listed name writes ("Shenzhen Haoyun Technology Co., Ltd." beside SHENZHEN JIAYUAN
TECHNOLOGY CO., LTD); and ``n-org-words`` (a decoration of ``NEGATIVES``): unlisted Faker company
names so written.

Every table here is this file's own, written from general knowledge, never the matcher's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

import bench_data as bd
from bench_variants import is_latin

from clearance.model import Entity, Name, Schema

Gen = Callable[[Entity, random.Random], "str | None"]
N_ORG_KIND = "n-org-kind"


def _latin(entity: Entity) -> list[str]:
    if entity.schema is not Schema.ORGANIZATION:
        return []
    return [n.full for n in entity.names if not n.weak and is_latin(n.full)]


def _case(new: str, like: str) -> str:
    return new.upper() if like.isupper() else new


def _choose(names: list[str], rng: random.Random) -> str | None:
    if not names:
        return None
    return names[0] if rng.random() < 0.6 else rng.choice(names)  # noqa: PLR2004


# -- legal forms at the end -----------------------------------------------------------------
_FORMS = (
    r"co\.?,?\s*(?:ltd|limited)\.?|company\s+(?:ltd|limited)\.?|limited\s+company|"
    r"(?:open\s+|closed\s+|public\s+|private\s+)?joint[\s-]+stock\s+company|"
    r"limited\s+liability\s+(?:company|partnership)|s\.?a\.?\s+de\s+c\.?v\.?|"
    r"(?:publichnoe\s+|otkrytoe\s+|zakrytoe\s+)?aktsionernoe\s+obsh?chestvo|"
    r"obsh?chestvo\s+s\s+ogranichennoy\s+otvetstvennostyu|"
    r"l\.?l\.?c\.?|ltd\.?|limited|inc\.?|corp\.?|gmbh|s\.?a\.?|fze|fzco|llp|jsc|ojsc|cjsc|"
    r"pjsc|b\.?v\.?|n\.?v\.?|s\.?r\.?l\.?|pte\.?\s*ltd\.?|sdn\.?\s*bhd\.?|plc|ooo|oao|zao|pao|"
    r"ao|too|tov|oy|ab|a\.?s\.?|d\.?o\.?o\.?|s\.?a\.?r\.?l\.?|ltda\.?|co\.?"
)
_TAIL_FORM = re.compile(rf"(?:[\s,]+(?:{_FORMS}))+\s*$", re.IGNORECASE)
_HEAD_FORM = re.compile(rf"^\s*(?:{_FORMS})(?:[\s,]+|$)", re.IGNORECASE)


def split_form(text: str) -> tuple[str, str]:
    """``text`` as (body, its legal form at the end or else at the start, as written; "" without
    one); a body without words keeps its form."""
    m = _TAIL_FORM.search(text)
    if m is not None and text[: m.start()].strip(" ,"):
        return text[: m.start()].rstrip(" ,"), m.group(0).strip(" ,")
    h = _HEAD_FORM.match(text)
    if h is not None and text[h.end() :].strip(" ,") and "(" not in text[: h.end()]:
        return text[h.end() :].strip(" ,"), h.group(0).strip(" ,")
    return text, ""


# -- w-cn-company ---------------------------------------------------------------------------
CN_PLACES = ("Shenzhen", "Guangzhou", "Shanghai", "Beijing", "Dalian", "Xiamen", "Ningbo",
             "Tianjin", "Hangzhou", "Zhuhai", "Dongguan", "Qingdao", "Wuhan", "Chengdu",
             "Suzhou", "Foshan", "Jiangsu", "Zhejiang", "Guangdong", "Shandong", "Fujian",
             "Hebei", "Liaoning", "Hunan", "Yiwu", "Wuxi", "Nanjing", "Harbin",
             "Dandong")  # fmt: skip
HK_PLACES = ("Hong Kong", "HK", "Hongkong")
CN_TAGS = ("(HK)", "(Hong Kong)", "(H.K.)", "(Shenzhen)", "(China)", "(Group)", "HK", "(Asia)")
CN_INDUSTRY = ("Technology", "Trading", "Industrial", "Electronics", "International Trade",
               "Import and Export", "Science and Technology", "Industry", "Logistics",
               "Development", "Investment")  # fmt: skip
CN_FORMS = ("Co., Ltd.", "Co Ltd", "Co., Limited", "Company Limited", "Limited Company",
            "Co.,Ltd", "CO., LTD", "Limited")  # fmt: skip
_CN_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})
_CN_PLACE_RE = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in (*CN_PLACES, *HK_PLACES)) + r")\b[\s,]*",
    re.IGNORECASE,
)
_CN_FORM_RE = re.compile(r"co\.?,?\s*(?:ltd|limited)|company\s+limited|limited\s+company", re.I)


def _chinese(entity: Entity) -> list[str]:
    names = _latin(entity)
    if set(entity.countries) & _CN_COUNTRIES:
        return names
    return [n for n in names if _CN_FORM_RE.search(n) or _CN_PLACE_RE.search(n)]


def cn_written(text: str, place: str, rng: random.Random) -> str:
    """``text`` as a Chinese writer puts it: a place added before it (or the one it has
    dropped), a tag after the trade name or an industry word added, the legal form written
    another way (one to three of these)."""
    body, form = split_form(text)
    ops = rng.sample(("place", "tag", "industry", "form"), k=rng.choice((1, 2, 2, 3)))
    m = _CN_PLACE_RE.search(body)
    if "place" in ops:
        if m and len(body[m.end() :].split()) >= 1:
            body = body[m.end() :]
        elif not m:
            body = f"{_case(place, body)} {body}"
    words = body.split()
    if "tag" in ops and len(words) >= 1:
        at = 1 if len(words) > 1 and rng.random() < 0.6 else len(words)  # noqa: PLR2004
        words.insert(at, _case(rng.choice(CN_TAGS), body))
    if "industry" in ops:
        have = {w.lower() for w in words}
        extra = [i for i in CN_INDUSTRY if i.split()[0].lower() not in have]
        words.append(_case(rng.choice(extra), body))
    if "form" in ops or not form:
        form = _case(rng.choice([f for f in CN_FORMS if f.lower() != form.lower()]), body)
    return " ".join([*words, form])


def w_cn_company(entity: Entity, rng: random.Random) -> str | None:
    text = _choose(_chinese(entity), rng)
    if text is None:
        return None
    hk = "HK" in entity.countries or "hong kong" in text.lower()
    place = rng.choice(HK_PLACES if hk else CN_PLACES)
    out = cn_written(text, place, rng)
    return out if out.lower() != text.lower() else None


# -- w-arabic-company -----------------------------------------------------------------------
# English word: (Arabic transliterations, Persian transliterations); a Persian word before the
# name takes the ezafe ("Sherkat-e").
ARABIC_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "company": (("Sharikat", "Sharika", "Sharikah", "Sherkat", "Shirkat"), ("Sherkat", "Shirkat")),
    "establishment": (("Mu'assasat", "Muassasat", "Mu'assasa", "Muassasa", "Moassasat"),
                      ("Moasseseh", "Moassese", "Mo'asseseh")),
    "foundation": (("Mu'assasat", "Muassasa"), ("Bonyad", "Bonyade")),
    "industries": (("Sina'at", "Sinaat", "Sinaa"), ("Sanaye", "Sanaye'", "Sanayeh")),
    "industrial": (("Sinai", "Sinaiya"), ("Sanati", "Sanaati")),
    "production": (("Intaj",), ("Tolid", "Tolidi")),
    "manufacturing": (("Tasni'",), ("Tolidi", "Tolid")),
    "trading": (("Tijara", "Tijarat", "Tejara"), ("Bazargani", "Tejarat", "Tejarati")),
    "commercial": (("Tijariya", "Tijari"), ("Bazargani", "Tejari")),
    "group": (("Majmu'at", "Majmouat"), ("Goruh", "Gorooh")),
    "organization": (("Munazzamat", "Monazamat"), ("Sazman", "Sazeman")),
    "institute": (("Ma'had",), ("Moassese", "Pajoheshkadeh")),
    "engineering": (("Handasa", "Handasiya"), ("Mohandesi",)),
    "construction": (("Bina'", "Inshaat"), ("Sakhteman", "Sakhtemani")),
}  # fmt: skip
_PERSIAN_COUNTRIES = frozenset({"IR", "AF", "TJ"})
_ARABIC_COUNTRIES = frozenset("SY IQ LB AE SA YE PS JO EG SD LY KW QA BH OM DZ TN MA SO".split())  # noqa: SIM905
_NATIVE: dict[str, str] = {
    w.lower().replace("'", ""): eng
    for eng, (ar, fa) in ARABIC_WORDS.items() for w in (*ar, *fa)
}  # fmt: skip


def _bare(word: str) -> str:
    return re.sub(r"[^a-z]", "", word.lower().removesuffix("-e").removesuffix("-i"))


def arabic_written(text: str, persian: bool, rng: random.Random) -> str | None:
    """``text`` with a company word of :data:`ARABIC_WORDS` in another language: English
    translated (and moved before the name, as the language puts it), transliterated translated
    back or dropped; a name without one given one."""
    body, form = split_form(text)
    words = body.split()
    spots = [i for i, w in enumerate(words) if _bare(w) in ARABIC_WORDS or _bare(w) in _NATIVE]
    if spots:
        i = rng.choice(spots)
        word = _bare(words[i])
        rest = [*words[:i], *words[i + 1 :]]
        if not rest:
            return None
        if word in _NATIVE:  # transliterated: translate (at the end) or drop
            if rng.random() < 0.35:  # noqa: PLR2004
                return " ".join([*rest, form]).strip()
            eng = _case(_NATIVE[word].capitalize(), body)
            return " ".join([*rest, eng, form]).strip()
        native = rng.choice(ARABIC_WORDS[word][1 if persian else 0])
        if rng.random() < 0.2:  # noqa: PLR2004
            return " ".join([*rest, form]).strip()
        if persian and rng.random() < 0.6:  # noqa: PLR2004
            native += "-e" if native[-1] not in "aeiou" else "-ye"
        return " ".join([_case(native, body), *rest, form]).strip()
    eng = rng.choice(("company", "establishment", "trading", "industries", "group"))
    native = rng.choice(ARABIC_WORDS[eng][1 if persian else 0])
    if persian and rng.random() < 0.5:  # noqa: PLR2004
        native += "-e" if native[-1] not in "aeiou" else "-ye"
    if rng.random() < 0.3:  # noqa: PLR2004
        return " ".join([*words, _case(eng.capitalize(), body), form]).strip()
    return " ".join([_case(native, body), *words, form]).strip()


def w_arabic_company(entity: Entity, rng: random.Random) -> str | None:
    countries = set(entity.countries)
    names = _latin(entity)
    native = [n for n in names if any(_bare(w) in _NATIVE for w in n.split())]
    if not native and not countries & (_PERSIAN_COUNTRIES | _ARABIC_COUNTRIES):
        return None
    text = _choose(native or names, rng)
    if text is None:
        return None
    persian = bool(countries & _PERSIAN_COUNTRIES) or any(
        _bare(w) in ("sherkat", "sanaye", "tolid", "bazargani", "tejarat") for w in text.split()
    )
    return arabic_written(text, persian, rng)


# -- w-bank ---------------------------------------------------------------------------------
_BANK = re.compile(r"\b(bank|banque|banco|banca|bankasi|bankası)\b", re.IGNORECASE)
BANK_STYLES = ("Bank {}", "{} Bank", "Banque {}", "Banco {}", "Bank of {}", "Bank-e {}",
               "{} Bankasi", "The {} Bank")  # fmt: skip


def bank_written(text: str, rng: random.Random) -> str | None:
    """A bank's name with its bank word in another place or language ("BANK MELLI" as "Melli
    Bank", "Banque Melli", "Bank of Melli")."""
    body, form = split_form(text)
    m = _BANK.search(body)
    if m is None:
        return None
    rest = (body[: m.start()] + " " + body[m.end() :]).replace(" OF ", " ").replace(" of ", " ")
    rest = " ".join(w for w in rest.split() if w.lower() not in ("the", "of", "-"))
    if not rest:
        return None
    was = m.group(0).lower()
    styles = [s for s in BANK_STYLES if not (s.startswith(was.capitalize()) and "of" not in s)]
    out = _case(rng.choice(styles), body).format(rest)
    return f"{out} {form}".strip() if form and rng.random() < 0.5 else out  # noqa: PLR2004


def w_bank(entity: Entity, rng: random.Random) -> str | None:
    names = [n for n in _latin(entity) if _BANK.search(n)]
    text = _choose(names, rng)
    out = bank_written(text, rng) if text else None
    return out if out and out.lower() != text.lower() else None  # type: ignore[union-attr]


# -- w-group --------------------------------------------------------------------------------
GROUP_WORDS = ("Group", "Holding", "Holdings", "International", "Global", "Corporation",
               "Group Holdings", "International Group", "Worldwide")  # fmt: skip
_GROUP_RE = re.compile(
    r"\s+(?:group|holding|holdings|international|global|corporation|worldwide)\b", re.I
)


def group_written(text: str, rng: random.Random) -> str | None:
    body, form = split_form(text)
    found = list(_GROUP_RE.finditer(body))
    if found and rng.random() < 0.6:  # noqa: PLR2004
        m = rng.choice(found)
        rest = (body[: m.start()] + body[m.end() :]).strip()
        if len(rest.split()) < 1 or not rest:
            return None
        return f"{rest} {form}".strip()
    have = {w.lower() for w in body.split()}
    word = rng.choice([g for g in GROUP_WORDS if g.split()[0].lower() not in have])
    return f"{body} {_case(word, body)} {form}".strip()


def w_group(entity: Entity, rng: random.Random) -> str | None:
    text = _choose(_latin(entity), rng)
    if text is None or len(split_form(text)[0].split()) < 1:
        return None
    return group_written(text, rng)


# -- w-foreign-form -------------------------------------------------------------------------
# A form per jurisdiction group; another group's replaces the listed one.
FOREIGN_FORMS: tuple[tuple[str, ...], ...] = (
    ("LLC", "L.L.C."), ("Ltd", "Limited", "Ltd."), ("FZE", "FZCO", "FZ-LLC"), ("GmbH",),
    ("S.A.", "SA"), ("B.V.",), ("S.R.L.", "SRL"), ("Pte Ltd", "Pte. Ltd."),
    ("Sdn Bhd", "Sdn. Bhd."), ("SARL", "S.A.R.L."), ("Inc.", "Inc"), ("AG",), ("OOO",),
    ("Ltda",), ("LLP",), ("Pvt Ltd",), ("S.p.A.",), ("Sp. z o.o.",), ("s.r.o.",), ("JSC",),
)  # fmt: skip


def _group_of(form: str) -> int | None:
    key = re.sub(r"[^a-z]", "", form.lower())
    for k, group in enumerate(FOREIGN_FORMS):
        if any(re.sub(r"[^a-z]", "", f.lower()) == key for f in group):
            return k
    return None


def foreign_form(text: str, rng: random.Random) -> str | None:
    body, form = split_form(text)
    if len(body.split()) < 1:
        return None
    mine = _group_of(form) if form else None
    choices = [g for k, g in enumerate(FOREIGN_FORMS) if k != mine]
    new = _case(rng.choice(rng.choice(choices)), body)
    return f"{body} {new}" if rng.random() < 0.8 else f"{body}, {new}"  # noqa: PLR2004


def w_foreign_form(entity: Entity, rng: random.Random) -> str | None:
    text = _choose(_latin(entity), rng)
    return foreign_form(text, rng) if text else None


# -- w-turkish ------------------------------------------------------------------------------
# Each phrase's spellings: in full with and without the Turkish letters, abbreviated, English.
TURKISH: tuple[tuple[str, ...], ...] = (
    ("Sanayi ve Ticaret", "San. ve Tic.", "San. Tic.", "Sanayi Ticaret", "San ve Tic",
     "Industry and Trade"),
    ("Limited Şirketi", "Limited Sirketi", "Ltd. Şti.", "Ltd. Sti.", "Ltd Sti", "Ltd. Şirketi",
     "Limited Company"),
    ("Anonim Şirketi", "Anonim Sirketi", "A.Ş.", "A.S.", "AŞ", "AS", "Joint Stock Company"),
    ("Dış Ticaret", "Dis Ticaret", "Dış Tic.", "Dis Tic.", "Foreign Trade"),
    ("İthalat İhracat", "Ithalat Ihracat", "İth. İhr.", "Ith. Ihr.", "Import Export"),
    ("Pazarlama", "Paz.", "Marketing"),
)  # fmt: skip


def _tr_fold(text: str) -> str:
    low = text.replace("İ", "i").lower()
    return re.sub(r"[^a-z]", "", low.replace("ş", "s").replace("ı", "i").replace("ç", "c"))


_TURKISH_KEY = {_tr_fold(s): k for k, row in enumerate(TURKISH) for s in row[:-1]}


def _turkish_spots(words: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, row of :data:`TURKISH`) of the Turkish phrases in ``words``."""
    spots: list[tuple[int, int, int]] = []
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            key = _TURKISH_KEY.get(_tr_fold(" ".join(words[i : i + size])))
            taken = any(a <= i < b or a < i + size <= b for a, b, _ in spots)
            short = size == 1 and len(_tr_fold(words[i])) <= 2 and "." not in words[i]  # noqa: PLR2004
            if key is not None and not taken and not short:
                spots.append((i, i + size, key))
    return spots


_TR_ENDINGS = ("San. ve Tic. Ltd. Şti.", "Sanayi ve Ticaret Limited Şirketi", "San. Tic. A.Ş.",
               "Dış Tic. Ltd. Şti.", "Ltd. Şti.", "A.Ş.")  # fmt: skip


def turkish_written(text: str, rng: random.Random) -> str | None:
    """A phrase of :data:`TURKISH` in ``text`` written another way; without one, a Turkish
    company's full ending added ("San. ve Tic. Ltd. Şti.")."""
    words = text.split()
    spots = _turkish_spots(words)
    if not spots:
        ending = rng.choice(_TR_ENDINGS)
        body, _form = split_form(text)
        return f"{body} {_case(ending, body)}"
    for a, b, key in sorted(rng.sample(spots, k=min(2, len(spots))), reverse=True):
        old = " ".join(words[a:b])
        new = rng.choice([s for s in TURKISH[key] if _tr_fold(s) != _tr_fold(old)])
        words[a:b] = [_case(new, text)]
    return " ".join(words)


def w_turkish(entity: Entity, rng: random.Random) -> str | None:
    names = _latin(entity)
    mine = [n for n in names if _turkish_spots(n.split())]
    if not mine and "TR" not in entity.countries:
        return None
    text = _choose(mine or names, rng)
    return turkish_written(text, rng) if text else None


# -- w-ua-form ------------------------------------------------------------------------------
# (Ukrainian, Russian, Latin-Ukrainian, English) spellings of one form.
UA_FORMS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("ТОВ", "Товариство з обмеженою відповідальністю"),
     ("ООО", "Общество с ограниченной ответственностью"), ("TOV", "TzOV"), ("LLC",)),
    (("ПрАТ", "Приватне акціонерне товариство"), ("ЗАО", "ЧАО", "АО"), ("PrAT", "PRAT"),
     ("PrJSC", "Private JSC", "CJSC")),
    (("ПАТ", "Публічне акціонерне товариство"), ("ПАО", "ОАО"), ("PAT",), ("PJSC", "OJSC")),
    (("АТ", "Акціонерне товариство"), ("АО",), ("AT",), ("JSC",)),
    (("ДП", "Державне підприємство"), ("ГУП", "ФГУП", "Государственное предприятие"),
     ("DP", "Derzhavne Pidpryiemstvo"), ("State Enterprise", "SE")),
)  # fmt: skip
_UA_COUNTRIES = frozenset("UA RU BY KZ MD GE AM UZ KG TJ AZ".split())  # noqa: SIM905
_UA_HINT = re.compile(r"\b(?:ooo|oao|zao|pao|ao|tov|prat|pat|dp|gup|fgup)\b", re.IGNORECASE)
_UA_KEY = {re.sub(r"\W", "", s.lower()): k for k, row in enumerate(UA_FORMS)
           for col in row for s in col}  # fmt: skip


def ua_written(text: str, rng: random.Random) -> str | None:
    """``text`` with a form of :data:`UA_FORMS` (at its start or end) in another language's
    spelling, the script kept for Cyrillic; None without one."""
    words = text.replace("«", " « ").replace("»", " » ").split()
    cyrillic = bool(re.search("[а-яіїєґА-ЯІЇЄҐ]", text))
    for size in (6, 5, 4, 3, 2, 1):
        for at in (0, len(words) - size):
            if at < 0 or size >= len(words):
                continue
            key = _UA_KEY.get(re.sub(r"\W", "", " ".join(words[at : at + size]).lower()))
            if key is None:
                continue
            old = re.sub(r"\W", "", " ".join(words[at : at + size]).lower())
            cols = (0, 1) if cyrillic else (2, 3)
            pool = [s for c in cols for s in UA_FORMS[key][c]
                    if re.sub(r"\W", "", s.lower()) != old]  # fmt: skip
            new = _case(rng.choice(pool), text) if not cyrillic else rng.choice(pool)
            out = " ".join([*words[:at], new, *words[at + size :]])
            return out.replace(" « ", " «").replace(" » ", "» ").replace(" »", "»")
    return None


def w_ua_form(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.ORGANIZATION:
        return None
    names = [n.full for n in entity.names if not n.weak]
    mine = [n for n in names if ua_written(n, random.Random(0))]
    slavic = set(entity.countries) & _UA_COUNTRIES
    if not slavic and not any(re.search("[а-яА-Я]", n) or _UA_HINT.search(n) for n in names):
        return None
    text = _choose(mine, rng)
    return ua_written(text, rng) if text else None


# -- w-acronym ------------------------------------------------------------------------------
_SMALL = frozenset("of the and for de la du des del al el in on a an".split())  # noqa: SIM905


def acronym_of(text: str) -> str | None:
    """The initials of ``text``'s words (small words apart), 3 to 6 letters, or None."""
    body, _form = split_form(text)
    words = [w for w in re.findall(r"[A-Za-z]+", body) if w.lower() not in _SMALL]
    if not 3 <= len(words) <= 6:  # noqa: PLR2004
        return None
    return "".join(w[0].upper() for w in words)


def _aliases(entity: Entity) -> list[Name]:
    return [n for n in entity.names if re.fullmatch(r"[A-Z]{2,7}", n.full.strip())]


def w_acronym(entity: Entity, rng: random.Random) -> str | None:
    names = [n for n in _latin(entity) if not re.fullmatch(r"[A-Z]{2,7}", n.strip())]
    listed = [n.full.strip() for n in _aliases(entity)]
    made = [(n, acronym_of(n)) for n in names]
    pairs = [(n, a) for n in names for a in listed] or [(n, a) for n, a in made if a]
    if not pairs:
        return None
    text, acr = pairs[0] if rng.random() < 0.6 else rng.choice(pairs)  # noqa: PLR2004
    style = rng.choice(("{n} ({a})", "{a} - {n}", "{n} - {a}", "{a} ({n})", "{n}, {a}"))
    return style.format(n=text, a=acr)


CLASSES: dict[str, Gen] = {
    "w-cn-company": w_cn_company, "w-arabic-company": w_arabic_company, "w-bank": w_bank,
    "w-group": w_group, "w-foreign-form": w_foreign_form, "w-turkish": w_turkish,
    "w-ua-form": w_ua_form, "w-acronym": w_acronym,
}  # fmt: skip


# -- must not alert -------------------------------------------------------------------------
def org_words(text: str, person: bool, rng: random.Random) -> str | None:
    """An unlisted company name written as one of the classes above writes names."""
    if person:
        return None
    roll = rng.randrange(6)
    if roll == 0:
        return cn_written(text, rng.choice(CN_PLACES), rng)
    if roll == 1:
        return arabic_written(text, rng.random() < 0.5, rng)  # noqa: PLR2004
    if roll == 2:  # noqa: PLR2004
        return bank_written(f"{split_form(text)[0]} Bank", rng)
    if roll == 3:  # noqa: PLR2004
        return group_written(text, rng)
    if roll == 4:  # noqa: PLR2004
        return turkish_written(text, rng)
    return foreign_form(text, rng)


NEGATIVES = {"n-org-words": org_words}

# Distinctive words for another company of the same kind: pinyin words (Chinese), Persian and
# Arabic words, Turkish words; checked against every listed word.
OTHER_WORDS = """
    haoyun jinlong xinhua tianma ruifeng hongda jiaxin baoli yongsheng huamei kaida liansheng
    mingyang shunfa tengda wanbang xinyuan yuhang zhongxin fuhai guotai huaxia jintai longtai
    anxin boyuan chenguang dingsheng fengyuan hengtai junda kangle lianfa meida
    pardis golestan arman setareh mehregan nikan aramesh sepidar rayan kavir darya shahab
    tarane baran nasim kowsar yasaman sorena parsian rahpouyan
    nour salam amal rawda yasmin sanabil bayan diyar jannat sahara wafa ward zahra
    yildiz gunes deniz kartal inci elmas zirve anadolu ege marmara toros firat ozgur umut
""".split()  # noqa: SIM905


_OTHER_KIND = ("bank", "banque", "banco", "co", "company", "ltd", "limited", "corp", "inc",
               "llc", "fze", "of", "the", "and")  # fmt: skip


def _kind_words() -> frozenset[str]:
    out: set[str] = set()
    for phrase in (*CN_PLACES, *HK_PLACES, *CN_INDUSTRY, *GROUP_WORDS):
        out.update(phrase.lower().split())
    for eng, (ar, fa) in ARABIC_WORDS.items():
        out.add(eng)
        out.update(_bare(w) for w in (*ar, *fa))
    for row in TURKISH:
        out.update(_tr_fold(w) for s in row for w in s.split())
    out.update(_OTHER_KIND)
    return frozenset(out)


KIND_WORDS = _kind_words()


def _kind_name(entity: Entity) -> str | None:
    """A Latin name of ``entity`` written by one of the classes' kinds, with one or two
    distinctive words and at least one kind word."""
    for text in _latin(entity):
        body, _form = split_form(text)
        words = body.split()
        kind = [w for w in words if _tr_fold(w) in KIND_WORDS or _bare(w) in KIND_WORDS]
        own = [w for w in words if w not in kind]
        if kind and 1 <= len(own) <= 2 and all(re.fullmatch(r"[A-Za-z'-]+", w) for w in own):  # noqa: PLR2004
            return text
    return None


def other_words(lists: bd.Lists) -> list[str]:
    """The words of :data:`OTHER_WORDS` that no listed name writes, nor one letter off (a letter
    dropped, added, changed or two swapped), nor two listed words run together ("jintai" /
    JIN TAI)."""
    from wild_generic import _near

    vocab: set[str] = set()
    joined: set[str] = set()
    for entity in lists.entities:
        for name in entity.names:
            words = re.findall(r"\w+", name.full.lower())
            vocab.update(words)
            joined.update(a + b for a, b in zip(words, words[1:], strict=False))
    swapped = {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for w in OTHER_WORDS for i in range(len(w) - 1)}
    return [w for w in OTHER_WORDS if not _near(w, vocab) and w not in joined
            and not any(s in vocab for s in swapped
                        if len(s) == len(w) and _swap(s, w))]  # fmt: skip


def _swap(one: str, other: str) -> bool:
    diff = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1  # noqa: PLR2004


def unlisted_org(lists: bd.Lists, ents: Sequence[Entity], count: int,
                 seed: int) -> list[bd.ListCase]:  # fmt: skip
    """Up to ``count`` names of listed organisations of ``ents`` of the kinds above with their
    distinctive words replaced by :data:`OTHER_WORDS` no listed name writes (namesakes left
    out)."""
    pool = other_words(lists)
    rng = random.Random(seed)
    order = list(ents)
    rng.shuffle(order)
    raw: list[dict[str, str]] = []
    for entity in order:
        text = _kind_name(entity)
        if text is None:
            continue
        body, form = split_form(text)
        words = body.split()
        new = [w if (_tr_fold(w) in KIND_WORDS or _bare(w) in KIND_WORDS)
               else _case(rng.choice(pool).capitalize(), w) for w in words]  # fmt: skip
        raw.append({"name": " ".join([*new, form]).strip(), "type": "organization",
                    "locale": "org_kind"})  # fmt: skip
        if len(raw) >= count:
            break
    cases, _dropped = bd.unlisted_cases(raw, lists)
    return [bd.ListCase(N_ORG_KIND, c.query, frozenset(), c.source) for c in cases
            if c.note != bd.NAMESAKE]  # fmt: skip
