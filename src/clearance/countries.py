"""Country names as lists publish them -> ISO 3166-1 alpha-2 codes (via ICU's locale data)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

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


def country_code(text: str | None) -> str | None:
    """ISO alpha-2 code for a country name or code as lists publish it; ``None`` if unknown."""
    if not text:
        return None
    key = _key(text)
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
