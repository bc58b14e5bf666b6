"""An organisation's name written beside its acronym with a dash or a comma (issue 11, h192):
"IRGC - ISLAMIC REVOLUTIONARY GUARD CORPS", "KOREA DAIZIN TRADING CORP. - KDT",
"BENEVOLENCE INTERNATIONAL FOUNDATION, BIF". In brackets the acronym is a part of the query
already (``queryparts.name_parts``: "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)"); so written,
the acronym was one more word of the name, a full-weight word the listed name lacks, and the
name fell under the threshold. :func:`beside_acronym` gives the name without it, a part of the
query trusted as any part is (``forms._query_forms``; an organisation's query only: "AL BAKR,
AMR" is a person's family and given name, not a company and its acronym).

An acronym here is one word of two to seven capital letters (digits and "&" among them) that
the name's words can spell: its letters the initials of some of the name's words in order
("AL ROWAD BANK FOR DEVELOPMENT & INVESTMENT, RBDI"), or, for an acronym of the name in another
language ("FSB - FEDERAL SECURITY SERVICE", Federalnaya Sluzhba Bezopasnosti), its first letter
the name's first and no more letters than the name has words and one. The name keeps two
words or more.
"""

from __future__ import annotations

import re

_DASHED = re.compile(r"^\s*([A-Z][A-Z0-9&]{1,6})\s+[-\u2013\u2014]\s+(\S.*?)\s*$")
_DASH_AFTER = re.compile(r"^\s*(\S.*?)\s+[-\u2013\u2014]\s+([A-Z][A-Z0-9&]{1,6})\s*$")
_COMMA_AFTER = re.compile(r"^\s*(\S.*?)\s*,\s*([A-Z][A-Z0-9&]{1,6})\s*$")
_WORDS = re.compile(r"[^\W_]+")
MIN_NAME_WORDS = 2  # words the name beside an acronym keeps


def beside_acronym(text: str) -> str | None:
    """The name in ``text`` written beside its acronym (:mod:`.acronyms`), or ``None``."""
    if " - " not in text and "," not in text and "\u2013" not in text and "\u2014" not in text:
        return None  # (most names: neither a dash nor a comma)
    for pattern, name_at in ((_DASHED, 2), (_DASH_AFTER, 1), (_COMMA_AFTER, 1)):
        found = pattern.match(text)
        if found is not None:
            name, acronym = found.group(name_at), found.group(3 - name_at)
            return name if spells(acronym, name) else None
    return None


def spells(acronym: str, name: str) -> bool:
    """Can ``name``'s words spell ``acronym`` (:mod:`.acronyms`)?"""
    initials = [w[0] for w in _WORDS.findall(name.upper())]
    if len(initials) < MIN_NAME_WORDS:
        return False
    letters = acronym.replace("&", "")
    rest = iter(initials)
    if all(letter in rest for letter in letters):  # (in order: the iterator is used up)
        return True
    return letters[:1] == initials[0] and len(letters) <= len(initials) + 1
