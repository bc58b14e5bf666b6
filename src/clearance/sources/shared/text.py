"""Text helpers shared by the UN, UK, EU and custom-list readers.

Whitespace cleaning, script detection (:mod:`clearance.scripts`), country and language names to
ISO codes, numbered multi-value splitting ("(1) X (2) Y"), and raw-record-to-JSON conversion.
Pure functions, no I/O.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import Any

import icu

from clearance.countries import country_code
from clearance.scripts import letter_script


def clean(text: object) -> str:
    """Collapse whitespace and strip; ``None`` and non-strings become text or ``""``."""
    if text is None:
        return ""
    return " ".join(str(text).split())


# --- scripts -----------------------------------------------------------------------------------


def detect_script(text: str) -> str | None:
    """The dominant ISO 15924 script of ``text`` (``Latn``, ``Cyrl``, ``Arab``, ``Hani``…),
    ``None`` when no letter is found: :func:`clearance.scripts.letter_script`."""
    return letter_script(text)


def non_latin_script(text: str) -> str | None:
    """The script code when ``text`` is not written in Latin letters, else ``None``."""
    script = detect_script(text)
    return None if script in (None, "Latn") else script


# --- countries ---------------------------------------------------------------------------------


def country_or_text(text: str | None) -> str | None:
    """The ISO code when known, else the cleaned published text (``None`` when empty)."""
    name = clean(text)
    if not name:
        return None
    return country_code(name, published=True) or name


_COUNTRY_SPLIT = re.compile(r"\s*(?:[.,;/]|\band\b)\s*")


def country_list(text: str | None) -> list[str]:
    """Countries in a field such as ``(1) Germany. (2) Morocco`` or ``Estonia, Russia``.

    ISO codes where known; an item that does not split into known countries stays as published.
    """
    out: list[str] = []
    for item in split_numbered(text):
        if code := country_code(item, published=True):
            out.append(code)
            continue
        parts = [p for p in _COUNTRY_SPLIT.split(item) if p]
        codes = [country_code(p, published=True) for p in parts]
        if len(parts) > 1 and all(codes):
            out += [c for c in codes if c]
        else:
            out.append(item)
    return out


# --- languages ---------------------------------------------------------------------------------


@cache
def _language_table() -> dict[str, str]:
    english = icu.Locale.getEnglish()
    table: dict[str, str] = {}
    for code in icu.Locale.getISOLanguages():
        name = str(icu.Locale(code).getDisplayLanguage(english)).lower()
        if name and name != code:
            table.setdefault(name, code)
        table.setdefault(code, code)
    table.update({"farsi": "fa", "persian/farsi": "fa", "mandarin": "zh"})
    return table


def language_code(text: str | None) -> str | None:
    """ISO 639-1 code for a language name or code (``Russian`` → ``ru``, ``SV`` → ``sv``)."""
    name = clean(text).lower()
    if not name:
        return None
    table = _language_table()
    if name in table:
        return table[name]
    for part in re.split(r"[/,;]", name):
        if part.strip() in table:
            return table[part.strip()]
    return None


# --- multi-valued fields -----------------------------------------------------------------------

_NUMBERED_START = re.compile(r"^\s*\(?(?:1|a|i)\)\s*", re.I)
_NUMBERED_SPLIT = re.compile(r"(?:^|\s+|(?<=[.,;]))\(?(?:\d{1,2}|[a-h]|i{1,3}|iv|v)\)\s*", re.I)


def split_numbered(text: str | None) -> list[str]:
    """Split ``(1) A (2) B`` / ``1) A 2) B`` / ``a) A b) B`` into items; one item otherwise.

    Empty placeholders such as ``-`` are dropped; trailing separators are stripped.
    """
    value = clean(text)
    if not value:
        return []
    if ")" not in value:
        return [value.strip(" .,;")] if value.strip(" .,;-") else []
    parts = _NUMBERED_SPLIT.split(value) if _NUMBERED_START.match(value) else [value]
    items = [p.strip(" .,;") for p in parts]
    return [i for i in items if i and i != "-"]


# --- document numbers ----------------------------------------------------------------------

_DOC_NUMBER = re.compile(r"\b[A-Z]{0,3}[- ]?\d[\dA-Z/.-]*\d\b")
_KEYED_NUMBER = re.compile(r"(?:number|no\.|code|:)\s*:?\s*([A-Z]*\d[\dA-Z/.-]*)\b", re.I)
_YEAR_ONLY = re.compile(r"^(?:1[89]|20)\d\d$")


def number_in_text(text: str) -> str | None:
    """A document number inside a phrase: after "number"/"no."/":", else a digit-rich token."""
    if match := _KEYED_NUMBER.search(text):
        return match.group(1).rstrip(".")
    for match in _DOC_NUMBER.finditer(text):
        token = clean(match.group())
        if sum(c.isdigit() for c in token) >= 4 and not _YEAR_ONLY.match(token):
            return token
    return None


# --- raw records -------------------------------------------------------------------------------


def record_dict(obj: Any) -> Any:
    """A raw dataclass record as a JSON-able value: empty fields dropped, tuples as lists."""
    if isinstance(obj, str | int | float | bool) or obj is None:
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            value = record_dict(getattr(obj, f.name))
            if value not in (None, "", [], {}):
                out[f.name] = value
        return out
    if isinstance(obj, tuple | list):
        items = (record_dict(v) for v in obj)
        return [v for v in items if v not in (None, "", [], {})]
    if isinstance(obj, dict):
        return {k: record_dict(v) for k, v in obj.items() if v not in (None, "", [], {})}
    return obj


def unique(values: list[Any]) -> tuple[Any, ...]:
    """Values in first-seen order without duplicates or empties."""
    seen: dict[Any, None] = {}
    for value in values:
        if value not in (None, ""):
            seen.setdefault(value, None)
    return tuple(seen)
