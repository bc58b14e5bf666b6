"""A query as screening inputs write it, read back to the name it holds (round two, h145).

Names reach a screener with more around them than the name: a title before it ("Gen.", "His
Excellency", "Lt. Col."), a descriptor after it ("Ali Hassan, director", "(born 1970)", "-
managing director"), an e-mail address ("Ivan Petrov <ivan.petrov@mail.ru>", or only the
address "ivan.petrov@mail.ru"), or its UTF-8 read as cp1252 / Latin-1 ("ÐŸÐµÑ‚Ñ€Ð¾Ð²" for
"Петров", "PABÃ“N" for PABÓN). :func:`input_readings` gives the name those inputs hold, as
further readings of the query (``normalize.query_parts`` screens them as parts, trusted as
parts are): the query as written is screened as before, so a title that is a name's own word
("General Electric") loses nothing. Each test is a cheap look first (most queries have none of
these), then the tables below; nothing here reads the lists.
"""

from __future__ import annotations

import re

from clearance.matching.fieldcuts import (
    cut_form_cue,
    unwrapped,
    vessel_cue,
    without_cut_form,
    without_vessel_marks,
)
from clearance.matching.folding import caseless
from clearance.matching.numerals import BY_VALUE
from clearance.matching.vocab import TITLES

# Titles, ranks and honorifics written before a person's name (folded words, longest first;
# a title phrase may repeat: "H.E. Gen."). (vocab.TITLES, the one-word titles every query
# drops, is this table's first part; these are read as a further reading only.)
_TITLE_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(p.split())
            for p in """
            mr|mrs|ms|miss|mx|dr|doctor|prof|professor|sir|dame|lord|lady|rev|reverend|hon
            honourable|honorable|his excellency|her excellency|h e|he|excellency
            general|gen|lt gen|lieutenant general|maj gen|major general|brig gen|brigadier
            brigadier general|colonel|col|lt col|lieutenant colonel|major|maj|captain|capt
            lieutenant|lt|commander|cdr|admiral|adm|vice admiral|rear admiral|marshal
            field marshal|sergeant|sgt|eng|engr|engineer|imam|maulana|mawlana|mawlawi|maulvi
            maulavi|mullah|mulla|ayatollah|ayatullah|hojatoleslam|sheikh|shaikh|sheik|shaykh
            haji|hajji|hajj|al haj|alhaj|el hadj|mufti|qari|senator|minister|governor|judge
            sayyid|sayyed|seyyed|sayed|seyed|syed|the
            mollah|molla|moulavi|molvi|mowlawi|mawlavi|maulawi|moulvi|moulana|qary|hadji|akhund
            """.replace("\n", "|").split("|")
            if p.strip()
        ),
        key=len,
        reverse=True,
    )
)
_TITLE_FIRST = frozenset(p[0] for p in _TITLE_PHRASES)
_TITLES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    w: tuple(p for p in _TITLE_PHRASES if p[0] == w) for w in _TITLE_FIRST
}  # (longest first, as _TITLE_PHRASES)
_TITLE_HEADS = frozenset(p[0][:2] for p in _TITLE_PHRASES)
# Words of a descriptor written after a name: a role, a relation, a note ("born 1970").
_DESCRIPTOR_WORDS = frozenset(
    """
    director directors ceo cfo coo cto chairman chairwoman chairperson chair manager managing
    general executive officer owner owners shareholder shareholders beneficial ubo deceased
    individual sole proprietor partner founder cofounder employee agent representative
    subsidiary head office parent company registered branch beneficiary supplier customer
    client member board the of and a an born b dob nee deputy vice president secretary
    treasurer principal main authorised authorized signatory
    """.split()  # noqa: SIM905
)
# Honorifics and name words Afghan and Pakistani writers put after a name or leave off
# (since h187: "Nasir JAVAID KHAN" for JAVAID, Nasir; "Abdulhai SALEK AGHA").
_SUFFIX_WORDS = frozenset("khan jan gul agha sahib saheb sahab".split())  # noqa: SIM905
_CONNECTORS = frozenset("and und et y e of the".split())  # noqa: SIM905
_ONE_WORD = 4  # a name of one word left by a descriptor is this long at least ("AICTC")
_WORD = re.compile(r"[^\W_]+")
_FIRST_WORD = re.compile(r"[\W_]*([^\W_]+)")
_DESCRIPTOR_TAIL = re.compile(
    r"(?:\s*,\s*|\s+[-\u2013\u2014]+\s+|\s*\(\s*)([^,()\-\u2013\u2014]*)\)?\s*$"
)
_ANGLE_ADDRESS = re.compile(r"\s*<\s*[^<>\s@]+@[^<>\s]+\s*>\s*$")
_ADDRESS = re.compile(r"^\s*([^\W\d_][\w.'-]*)@[\w-]+(?:\.[\w-]+)+\s*$")
_LOCAL_SEP = re.compile(r"[._\-]+")
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "
# cp1252's letters for the bytes 0x80..0x9f, read back to the bytes (Latin-1 is the rest).
_CP1252 = {
    bytes([b]).decode("cp1252"): b
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
# A UTF-8 lead byte read as cp1252 / Latin-1 (Ã Â Ð Ñ Ø Ù Ú Û â ã ...) before a continuation.
_MOJIBAKE = re.compile("[\u00c2-\u00df\u00e0-\u00ef][\u0080-\u00bf" + "".join(_CP1252) + "]")


def repair_mojibake(text: str) -> str | None:
    """``text`` read back as UTF-8 when it is UTF-8 read as cp1252 or Latin-1 ("ÐŸÐµÑ‚Ñ€Ð¾Ð²"
    -> "Петров"), else ``None``."""
    if text.isascii() or _MOJIBAKE.search(text) is None:
        return None
    raw = bytearray()
    for char in text:
        code = ord(char)
        if code < 0x100:  # noqa: PLR2004
            raw.append(code)
        elif char in _CP1252:
            raw.append(_CP1252[char])
        else:
            return None
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return fixed if fixed != text else None


def without_address(text: str) -> str | None:
    """The name an e-mail input holds: "Ivan Petrov <ivan.petrov@mail.ru>" -> "Ivan Petrov";
    an address alone whose local part is words ("ivan.petrov@mail.ru") -> "ivan petrov"."""
    if "@" not in text:
        return None
    angle = _ANGLE_ADDRESS.search(text)
    if angle is not None:
        name = text[: angle.start()].strip(_QUOTES)
        return name or None
    bare = _ADDRESS.match(text)
    if bare is None:
        return None
    words = [w for w in _LOCAL_SEP.split(bare.group(1)) if w and not w.isdigit()]
    return " ".join(words) if len(words) >= 2 else None  # noqa: PLR2004


def without_title(text: str) -> str | None:
    """``text`` without the titles before the name ("Lt. Gen. Ivan Petrov", "H.E. Sheikh Ali
    Hassan"), when two words or more are left, else ``None``."""
    if text[:2].lower().rstrip(". ") not in _TITLE_HEADS:
        return None  # (the cheap look: most names start otherwise)
    first = _FIRST_WORD.match(text)
    if first is None or first.group(1).lower() not in _TITLE_FIRST:
        return None
    spans = list(_WORD.finditer(text))
    low = [m.group().lower() for m in spans]
    start = 0
    while True:
        heads = _TITLES_BY_FIRST.get(low[start], ()) if start < len(low) else ()
        size = next((len(p) for p in heads if tuple(low[start : start + len(p)]) == p), 0)
        if size == 0 or len(low) - start - size < 2:  # noqa: PLR2004
            break
        start += size
    if all(w in TITLES for w in low[:start]):
        return None  # (every query drops these already: "Dr", "Mrs.", "Sheikh")
    return text[spans[start].start() :].strip()


def without_descriptor(text: str) -> str | None:
    """``text`` without a descriptor after the name (", director", " - managing director",
    "(born 1970)", ", b. 1978"), when two words or more are left, else ``None``."""
    last = text[text.rfind(" ") + 1 :].strip(_LAST_STRIP).lower()
    if last not in _DESCRIPTOR_WORDS and not last.isdigit():
        return None  # (the cheap look: a descriptor ends in one of its words or a year)
    out = text
    while (tail := _DESCRIPTOR_TAIL.search(out)) is not None:
        words = _WORD.findall(tail.group(1).lower())
        if not words or not all(w in _DESCRIPTOR_WORDS or w.isdigit() for w in words):
            break
        out = out[: tail.start()].rstrip(" ,;-")
    left = _WORD.findall(out)
    if out == text or not left or (len(left) == 1 and len(left[0]) < _ONE_WORD):
        return None
    return out


def without_suffix(text: str) -> str | None:
    """``text`` without an honorific or name word written after the name ("Khan", "Jan",
    "Gul", "Agha", "Sahib"), when two words or more are left, else ``None``."""
    cut = text.rstrip(_LAST_STRIP + " ").rfind(" ")
    if cut < 0 or text[cut + 1 :].strip(_LAST_STRIP).lower() not in _SUFFIX_WORDS:
        return None
    out = text[:cut].rstrip(" ,;-")
    left = [w.lower() for w in _WORD.findall(out)]
    while left and left[0] in _TITLE_FIRST:
        left.pop(0)  # ("Dr Gail Khan": one name word left)
    if len(left) < 2 or left[-1] in _CONNECTORS:  # noqa: PLR2004
        return None  # ("May, Williams and Khan": a firm's partners)
    return out


# A woman's maiden name written after her name ("Olga Ivanova née Petrova", "(nee Petrova)",
# "geb. Müller", "born Smith", "maiden name: Smith"; since h194): the marker and one or two
# name words after it, which no list writes as part of her name.
_MAIDEN = re.compile(
    r"[\s,;]*[(\[]?\s*(?<!\w)(?:n[ée]e|geb|geborene|born|maiden\s+name)(?!\w)[\s.:]*"
    r"([^\W\d_][^\W\d_'’-]*(?:[\s-][^\W\d_][^\W\d_'’-]*)?)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_MAIDEN_CUES = ("nee", "née", "geb", "born", "maiden")


def without_maiden(text: str) -> str | None:
    """``text`` without a maiden name written after the name ("Olga Ivanova née Petrova" ->
    "Olga Ivanova", "Maria Schmidt (geb. Müller)"), when two words or more are left, else
    ``None``."""
    found = _MAIDEN.search(text)
    if found is None:
        return None
    out = text[: found.start()].rstrip(" ,;-")
    return out if len(_WORD.findall(out)) >= 2 else None  # noqa: PLR2004


def as_maiden(text: str) -> str | None:
    """The name a maiden name makes with the given names ("Olga Ivanova née Petrova" -> "Olga
    Petrova": listed before her marriage): the family name that the maiden name replaces is
    the part before a comma, else the one word in capitals, else the last word."""
    found = _MAIDEN.search(text)
    head = without_maiden(text) if found is not None else None
    if found is None or head is None:
        return None
    maiden = found.group(1)
    if "," in head:
        return f"{maiden}, {head.partition(',')[2].strip()}"
    words = head.split()
    capitals = [i for i, w in enumerate(words) if w.isupper() and len(w) > 1]
    at = capitals[0] if len(capitals) == 1 and len(capitals) < len(words) else len(words) - 1
    return " ".join([*words[:at], maiden, *words[at + 1 :]])


# Roman numerals 1-20 and their numbers (since 1.33, h163: to XX, not XII, and a lone I too:
# "AMAPOLA I" / AMAPOLA 1, "BICENTENARIO 14" / BICENTENARIO XIV)
_ROMAN = tuple(numeral.upper() for numeral in BY_VALUE[:20])
_NUMERAL = re.compile(r"(?<=\s)(?:[IVX]{1,5}|[1-9]|1[0-9]|20)(?=,|$)")
_NUMERAL_WORDS = frozenset((*_ROMAN, *(str(n) for n in range(1, len(_ROMAN) + 1))))
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def numerals_read(text: str) -> str | None:
    """A Roman numeral after a name's first word read as its number and a number 1-20 as its
    Roman numeral ("VICTORY II" / "VICTORY 2", "SPARTA 3" / "SPARTA III"), else ``None``."""
    if not _last_numeral(text) and "," not in text:
        return None  # (the cheap look: a numeral ends the name or its part before a comma)
    out = _NUMERAL.sub(_swap_numeral, text)
    return out if out != text else None


def _swap_numeral(match: re.Match[str]) -> str:
    word = match.group()
    if word.isdigit():
        return _ROMAN[int(word) - 1]
    return str(_ROMAN.index(word) + 1) if word in _ROMAN else word


def camel_split(text: str) -> str | None:
    """A CamelCase word split at its capitals ("Awad IbnAuf" -> "Awad Ibn Auf", "AbuRusdan"),
    else ``None``. (``normalize.fold`` splits a given name run into a family name in capitals.)"""
    if text.istitle() or text.isupper() or text.islower():
        return None
    out = _CAMEL.sub(" ", text)
    return out if out != text else None


def _title_prefixes() -> frozenset[str]:
    """The first three characters a text starting with a title's first word starts with."""
    out: set[str] = set()
    for phrase in _TITLE_PHRASES:
        word = phrase[0]
        if len(word) >= 3:  # noqa: PLR2004
            out.add(word[:3])
        else:
            nexts = (
                [f"{c}{phrase[1][0]}" for c in " .-" if len(phrase) > 1] if len(word) == 1 else []
            )
            out.update(f"{word}{c}"[:3] for c in " .-,;:_")
            out.update(f"{word}{n}"[:3] for n in nexts)
    return frozenset(out)


_TITLE_PREFIXES = _title_prefixes()
_LAST_STRIP = "().,;:!"


def _cue(text: str) -> bool:
    """Does ``text`` show any step's cheap look (so that most names take none of them)?"""
    if "@" in text or text[:3].lower() in _TITLE_PREFIXES:
        return True
    if "\n" in text or vessel_cue(text) or cut_form_cue(text):
        return True  # (payment fields and shipping papers: fieldcuts, since h165)
    raw = text[text.rfind(" ") + 1 :]
    if raw in _NUMERAL_WORDS:
        return True
    last = raw.strip(_LAST_STRIP).lower()
    if last in _DESCRIPTOR_WORDS or last.isdigit() or last in _SUFFIX_WORDS:
        return True
    if not text.isascii() and _MOJIBAKE.search(text) is not None:
        return True
    if "," in text and _NUMERAL.search(text) is not None:
        return True
    if any(cue in caseless(text) for cue in _MAIDEN_CUES):
        return True
    if text.istitle() or text.isupper() or text.islower():
        return False
    return _CAMEL.search(text) is not None


def _last_numeral(text: str) -> bool:
    """Is the last word of ``text`` a numeral (Roman, or a number 1-12) as written?"""
    return text[text.rfind(" ") + 1 :] in _NUMERAL_WORDS


def input_readings(text: str) -> list[str]:
    """The names ``text`` holds once mojibake, an e-mail address, titles (and "The") before the
    name and a descriptor after it are read away (each step on what the one before left), and
    with its numerals and CamelCase read the other way."""
    if not _cue(text):
        return []
    out: list[str] = []
    current = text
    steps = (repair_mojibake, unwrapped, without_address, without_title, without_vessel_marks,
             without_maiden, without_descriptor, without_suffix, without_cut_form, numerals_read,
             camel_split)  # fmt: skip
    for step in steps:
        read = step(current)
        if read is not None and read != text and read not in out:
            out.append(read)
            current = read
    maiden = as_maiden(text)  # (beside the chain: the name she was listed under before)
    if maiden is not None and maiden not in out:
        out.append(maiden)
    return out
