"""Parse the ConList "Other Information" column.

Since 2022 OFSI writes keyed fields into it: ``(UK Sanctions List Ref):RUS1965. (UN Ref):CFi.010.
(Gender):Male (IMO number):7408873 ...``. The legacy CSV has free text (``UN Ref QDe.004.``,
``IMO: 8937675. MMSI: 445539000.``). Only the known keys below are split off, so a stray
``(2022):`` inside a statement of reasons stays part of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clearance.sources.shared.text import clean, split_numbered

KEYS = (
    "UK Sanctions List Ref",
    "UK Statement of Reasons",
    "UN Ref",
    "Gender",
    "Phone number",
    "Email address",
    "Website",
    "Fax",
    "Tel",
    "Type of entity",
    "Parent company",
    "Subsidiaries",
    "Business Reg No",
    "IMO number",
    "Flag of ship",
    "Previous flags",
    "Type of ship",
    "Tonnage of ship",
    "Length of ship",
    "Year built",
    "Current owners",
)
_KEY = re.compile(r"\((" + "|".join(re.escape(k) for k in KEYS) + r")\)\s*:", re.I)
_CANONICAL = {k.lower(): k for k in KEYS}

UN_REF = re.compile(r"\b([A-Z]{2})([ie])\.(\d{3})\b")
_OWN_UN_REF = re.compile(
    r"\bUN\s*Ref(?:erence(?:\s*Number)?)?\s*[.:]?\s*(?:UN\s*Ref\s*)?"
    r"([A-Z]{2}[IE]\.\s?\d{3}|Q[EI]\.[A-Z]\.\d+\.\d+)",
    re.I,
)
_OFSI_PARENTHESIS = re.compile(r"\([^()]*OFSI ID[^()]*\)|\bOFSI ID:.*?(?=\)|$)", re.I)
OFSI_ID = re.compile(r"\bOFSI ID\s*:?\s*(\d+)", re.I)
IMO = re.compile(r"\bIMO(?:\s*number)?\)?\s*[:.]?\s*(\d{7})\b", re.I)
MMSI = re.compile(r"\bMMSI\s*[:.]?\s*(\d{9})\b", re.I)
_LIST_SPLIT = re.compile(r"\s*;\s*|\s*,\s+|\.\s+")
_ABBREVIATIONS = ("Co", "No", "St", "Ltd", "Inc", "Corp", "Mr", "Dr", "Bros")
_NAME_SPLIT = re.compile(
    r"\s*;\s*|" + "".join(f"(?<!\\b{a})" for a in _ABBREVIATIONS) + r"\.\s+(?=[A-Z])"
)


@dataclass(frozen=True, slots=True)
class OtherInformation:
    """The keyed fields (canonical key → values in order) and the remaining free text."""

    text: str
    free_text: str
    fields: dict[str, list[str]] = field(default_factory=dict)

    def first(self, key: str) -> str:
        values = self.fields.get(key)
        return values[0] if values else ""


def parse_other_information(text: str) -> OtherInformation:
    """Split ``text`` on the known ``(Key):`` markers."""
    value = clean(text)
    parts = _KEY.split(value)
    fields: dict[str, list[str]] = {}
    for key, item in zip(parts[1::2], parts[2::2], strict=True):
        item = item.strip().rstrip(".").strip()
        if item:
            fields.setdefault(_CANONICAL[key.lower()], []).append(item)
    return OtherInformation(value, parts[0].strip(), fields)


def normalise_un_ref(ref: str) -> str:
    """``KPI.067`` → ``KPi.067`` (the UN's own casing); older forms are upper-cased."""
    if m := re.fullmatch(r"([A-Za-z]{2})([IiEe])\.\s?(\d{3})", ref):
        return f"{m.group(1).upper()}{m.group(2).lower()}.{m.group(3)}"
    return ref.upper()


def own_un_ref(info: OtherInformation) -> str | None:
    """The UN reference of the target itself (not of an owner cited next to an OFSI ID)."""
    keyed = info.first("UN Ref")
    if keyed and (m := _OWN_UN_REF.search(f"UN Ref {keyed}")):
        return normalise_un_ref(m.group(1))
    if info.fields:  # the 2022 format always keys its own reference
        return None
    if m := _OWN_UN_REF.search(_OFSI_PARENTHESIS.sub(" ", info.text)):
        return normalise_un_ref(m.group(1))
    return None


def cited_un_refs(text: str) -> list[str]:
    """Every UN reference written in ``text`` (``CFi.009``), in order, without repeats."""
    seen: dict[str, None] = {}
    for m in UN_REF.finditer(text):
        seen.setdefault("".join((m.group(1), m.group(2), ".", m.group(3))), None)
    return list(seen)


def split_values(text: str) -> list[str]:
    """Phones, emails, websites: numbered items, then ``;`` / ``,`` / ``. `` separated."""
    out: list[str] = []
    for item in split_numbered(text):
        out += [v.strip(" .") for v in _LIST_SPLIT.split(item) if v.strip(" .")]
    return out


def split_names(text: str) -> list[str]:
    """Company names: numbered items, then ``;`` or sentence breaks between names."""
    out: list[str] = []
    for item in split_numbered(text):
        out += [v.strip(" .") for v in _NAME_SPLIT.split(item) if v.strip(" .")]
    return out
