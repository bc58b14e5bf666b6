"""Country names as lists publish them -> ISO 3166-1 alpha-2 codes (via ICU's locale data)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import icu

# Names used by sanctions lists that ICU's English display names do not cover.
_EXTRA: dict[str, str] = {
    "russia": "RU",
    "russian federation": "RU",
    "iran": "IR",
    "iran (islamic republic of)": "IR",
    "north korea": "KP",
    "korea, north": "KP",
    "korea north": "KP",
    "democratic people's republic of korea": "KP",
    "dprk": "KP",
    "korea, south": "KR",
    "south korea": "KR",
    "republic of korea": "KR",
    "burma": "MM",
    "syria": "SY",
    "syrian arab republic": "SY",
    "venezuela": "VE",
    "bolivia": "BO",
    "tanzania": "TZ",
    "vietnam": "VN",
    "viet nam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "czech republic": "CZ",
    "turkey": "TR",
    "türkiye": "TR",
    "turkiye": "TR",
    "palestinian": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "congo, democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo, republic of the": "CG",
    "republic of the congo": "CG",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "macedonia": "MK",
    "the gambia": "GM",
    "gambia, the": "GM",
    "bahamas, the": "BS",
    "the bahamas": "BS",
    "united states": "US",
    "usa": "US",
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "united arab emirates": "AE",
    "uae": "AE",
    "crimea": "UA",
    "kosovo": "XK",
    "taiwan": "TW",
    "hong kong": "HK",
    "macau": "MO",
    "brunei": "BN",
    "cabo verde": "CV",
    "swaziland": "SZ",
    "eswatini": "SZ",
    "holy see": "VA",
    "micronesia, federated states of": "FM",
    "st. kitts and nevis": "KN",
    "saint kitts and nevis": "KN",
    "st. vincent and the grenadines": "VC",
    "saint vincent and the grenadines": "VC",
    "st. lucia": "LC",
    "timor-leste": "TL",
    "east timor": "TL",
    "region: northern mali": "ML",
    "soviet union": "SU",
    "ussr": "SU",
    "yugoslavia": "YU",
    "serbia and montenegro": "CS",
    "netherlands antilles": "AN",
    "curacao": "CW",
    "british virgin islands": "VG",
    "virgin islands, british": "VG",
    "marshall islands": "MH",
    "palestine": "PS",
    "sudan, south": "SS",
}

# How lists publish countries beyond that: UN-style long names and OFAC spellings (read with
# ``published=True`` only: the matcher and payment text keep the stricter table above).
_PUBLISHED: dict[str, str] = {
    "united kingdom of great britain and northern ireland": "GB",
    "united republic of tanzania": "TZ",
    "united states of america": "US",
    "state of palestine": "PS",
    "occupied palestinian territory": "PS",
    "myanmar": "MM",
    "congo": "CG",
    "china, hong kong special administrative region": "HK",
    "china, macao special administrative region": "MO",
    "former soviet union": "SU",
    "lao people's democratic republic": "LA",
    "republic of moldova": "MD",
    "bolivia (plurinational state of)": "BO",
    "venezuela (bolivarian republic of)": "VE",
    "russian federation (the)": "RU",
    "kyrgyzstan": "KG",
    "north macedonia": "MK",
    "guinea bissau": "GW",
    "bosnia-herzegovina": "BA",
    "britain": "GB",
    "north macedonia, the republic of": "MK",
    "macedonia, the former yugoslav republic of": "MK",
    "cote d ivoire": "CI",
}

# Nationality adjectives as older lists write them ("Afghan", "Tunisian").
_DEMONYM_TABLE: dict[str, str] = {
    "AF": "afghan|afghani",
    "AL": "albanian",
    "DZ": "algerian",
    "US": "american",
    "AO": "angolan",
    "AR": "argentinian|argentine",
    "AM": "armenian",
    "AU": "australian",
    "AT": "austrian",
    "AZ": "azerbaijani",
    "BH": "bahraini",
    "BD": "bangladeshi",
    "BY": "belarusian|belarussian",
    "BE": "belgian",
    "BA": "bosnian",
    "BR": "brazilian",
    "GB": "british",
    "BG": "bulgarian",
    "MM": "burmese",
    "BI": "burundian",
    "CM": "cameroonian",
    "CA": "canadian",
    "CF": "central african",
    "TD": "chadian",
    "CN": "chinese",
    "CO": "colombian",
    "CD": "congolese",
    "HR": "croatian",
    "CU": "cuban",
    "CY": "cypriot",
    "CZ": "czech",
    "DK": "danish",
    "DJ": "djiboutian",
    "NL": "dutch",
    "EG": "egyptian",
    "AE": "emirati",
    "ER": "eritrean",
    "EE": "estonian",
    "ET": "ethiopian",
    "FI": "finnish",
    "FR": "french",
    "GM": "gambian",
    "GE": "georgian",
    "DE": "german",
    "GH": "ghanaian",
    "GR": "greek",
    "GN": "guinean",
    "HT": "haitian",
    "HU": "hungarian",
    "IN": "indian",
    "ID": "indonesian",
    "IR": "iranian",
    "IQ": "iraqi",
    "IE": "irish",
    "IL": "israeli",
    "IT": "italian",
    "CI": "ivorian",
    "JO": "jordanian",
    "KZ": "kazakh|kazakhstani",
    "KE": "kenyan",
    "KW": "kuwaiti",
    "KG": "kyrgyz",
    "LV": "latvian",
    "LB": "lebanese",
    "LR": "liberian",
    "LY": "libyan",
    "LT": "lithuanian",
    "MY": "malaysian",
    "ML": "malian",
    "MR": "mauritanian",
    "MX": "mexican",
    "MD": "moldovan",
    "MA": "moroccan",
    "NP": "nepalese",
    "NI": "nicaraguan",
    "NE": "nigerien",
    "NG": "nigerian",
    "KP": "north korean",
    "NO": "norwegian",
    "OM": "omani",
    "PK": "pakistani",
    "PS": "palestinian",
    "PH": "filipino|philippine",
    "PL": "polish",
    "PT": "portuguese",
    "QA": "qatari",
    "RO": "romanian",
    "RU": "russian",
    "RW": "rwandan",
    "SA": "saudi|saudi arabian",
    "SN": "senegalese",
    "RS": "serbian",
    "SL": "sierra leonean",
    "SG": "singaporean",
    "SK": "slovak|slovakian",
    "SO": "somali|somalian",
    "ZA": "south african",
    "KR": "south korean",
    "SS": "south sudanese",
    "ES": "spanish",
    "LK": "sri|lankan",
    "SD": "sudanese",
    "SE": "swedish",
    "CH": "swiss",
    "SY": "syrian",
    "TJ": "tajik|tajikistani",
    "TZ": "tanzanian",
    "TH": "thai",
    "TN": "tunisian",
    "TR": "turkish",
    "TM": "turkmen",
    "UG": "ugandan",
    "UA": "ukrainian",
    "UZ": "uzbek|uzbekistani",
    "VE": "venezuelan",
    "YE": "yemeni|yemenite",
    "ZM": "zambian",
    "ZW": "zimbabwean",
}
_DEMONYMS = {n: code for code, names in _DEMONYM_TABLE.items() for n in names.split("|")}


_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACE.sub(" ", text.strip().strip(".").lower())


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    english = icu.Locale.getEnglish()
    for code in icu.Locale.getISOCountries():
        display = icu.Locale("", code).getDisplayCountry(english)
        table[_key(display)] = code
        table[code.lower()] = code
    for name, code in _EXTRA.items():
        table[_key(name)] = code
    return table


@lru_cache(maxsize=16384)
def country_code(text: str | None, *, published: bool = False) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name or code ("Korea, North", "Region: Gaza",
    "RU"); ``None`` if unknown. The one country resolver of the project.

    ``published=True`` reads a list's country field: also UN-style long names and OFAC
    spellings ("Russian Federation (the)"), nationality adjectives ("Afghan"), "X and Y" for
    "X & Y" and a trailing parenthesis dropped. Free text (a name's trailing place, a payment's
    address line) uses the strict form, where a word such as "American" is not a country.
    """
    name = " ".join(str(text).split()).strip(".,;") if text else ""
    if not name or name.lower() in {"unknown", "00", "-"}:
        return None
    code = _lookup(name)
    if code or not published:
        return code
    lowered = name.lower().replace("’", "'")
    if code := _PUBLISHED.get(_key(lowered)) or _DEMONYMS.get(lowered):
        return code
    for variant in (
        re.sub(r"\band\b", "&", name),
        re.sub(r"\s*\([^)]*\)", "", name),
        re.sub(r"^the\s+", "", name, flags=re.I),
    ):
        if (
            variant
            and variant != name
            and (code := _lookup(variant) or _PUBLISHED.get(_key(variant)))
        ):
            return code
    return None


def _lookup(text: str) -> str | None:
    key = _key(text.replace("’", "'"))
    table = _table()
    if key in table:
        return table[key]
    key = key.removeprefix("region: ").removeprefix("the ")
    for variant in (key, key.replace(" and ", " & "), key.replace("d ivoire", "d'ivoire")):
        if variant in table:
            return table[variant]
    if ", the republic of" in key or ", republic of" in key:
        head = key.split(",")[0]
        if head in table:
            return table[head]
    # "Korea, North" style inversions and trailing qualifiers.
    if "," in key:
        head, _, tail = key.partition(",")
        flipped = f"{tail.strip()} {head.strip()}"
        if flipped in table:
            return table[flipped]
    return None


def country_name(code: str) -> str:
    """English display name of an ISO alpha-2 code (the code itself if unknown)."""
    name = str(icu.Locale("", code.upper()).getDisplayCountry(icu.Locale.getEnglish()))
    return name or code
