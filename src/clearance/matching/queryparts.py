"""The names a text holds: a listed name's parenthesised parts and its order with a particle
(``name_parts``), and a query's names without trailing places and qualifiers ("c/o ...",
"Branch Office in ...") and each a/k/a name apart (``query_parts``); read before
:mod:`clearance.matching.normalize` reads each name.
"""

from __future__ import annotations

import re

from clearance.countries import country_code
from clearance.matching.folding import caseless, fold
from clearance.matching.honorifics import input_readings
from clearance.matching.joined import family_last, run_together
from clearance.matching.legalforms import FORM_WORDS
from clearance.matching.vocab import CITIES, LOW_INFO_WORDS, PLACE_QUALIFIERS, QUALIFIER_WORDS

_PARENS = re.compile(r"\(([^()]*)\)")


def name_parts(text: str, *, query: bool = False) -> list[str]:
    """A name with a parenthesised part ("ADF (ALLIED DEMOCRATIC FORCES)") also stands for
    the part outside and the part inside the parentheses, unless the part inside only
    qualifies the name (:func:`is_qualifier`: "ZARON BIO-TECH (ASIA) LIMITED", "VTB BANK
    (AUSTRIA) AG", "Versor s.r.o. (Slovakia)": since 1.34 in a listed name too, no name of
    its own that "Asia Ltd" or "Austria" meets; the name as written keeps the word). A listed
    name written family name first with a particle ending its given names also stands for
    the name in its order (:func:`~.joined.family_last`: "HASSAN, Hameed ul" as "Hameed ul
    HASSAN")."""
    if "(" not in text:
        if query or "," not in text:
            return [text]
        inverted = family_last(text)
        return [text] if inverted is None else [text, inverted]
    outside = _PARENS.sub(" ", text).strip()
    inside = [
        m.strip() for m in _PARENS.findall(text) if len(m.strip()) >= 2 and not is_qualifier(m)
    ]
    return [text, *(p for p in (outside, *inside) if p and p != text)]


def is_qualifier(text: str) -> bool:
    """Is the parenthesised ``text`` a qualifier of the name rather than another name: only
    generic words and legal forms ("(HOLDING)", "(PVT.)"), a place ("(HK)", "(U.K.)",
    "(LEBANON BRANCH)", "(THE GAMBIA LOCATION ONLY)") or a region ("(ASIA)", "(MIDDLE
    EAST)", "(OFF-SHORE)")? An acronym or another name is not ("(NICO)", "(PERSIAN GULF)")."""
    words = fold(text).split()
    if set(words) <= LOW_INFO_WORDS | FORM_WORDS | QUALIFIER_WORDS:
        return True
    if len(words) > 1 and all(len(w) == 1 for w in words):  # ("U.K.", "U.S.A.")
        words = ["".join(words)]
    rest = [w for w in words if w not in QUALIFIER_WORDS]
    return is_place(" ".join(rest))


# Qualifiers that follow a party's name in a query: "c/o Bank X" (the rest is another party),
# "Branch Office in Dubai", "a/k/a Y" (two names for one party).
_CARE_OF = re.compile(r"\s*,?\s*(?<!\w)(?:c/o|c\.o\.|care of)\s.*$", re.IGNORECASE)
_OFFICE = re.compile(
    r"\s*,?\s*\b(?:branch|representative|regional|liaison)\s+office\s+(?:in|of|at)\s+[^,()]*",
    re.IGNORECASE,
)
_AKA = re.compile(
    r"\s*[,;]?\s*(?<!\w)(?:a/k/a|f/k/a|n/k/a|aka|fka|also known as|formerly known as)(?!\w)[\s.:]*"
    # (h200) a trading or former name: "X t/a Y", "X d/b/a Y", "X (formerly Y)", "f.k.a."
    r"|\s*[,;]?\s*(?<!\w)(?:t/a|d/b/a|dba|trading as|doing business as|formerly|previously"
    r"(?: known as)?|now known as|[afn]\.k\.a\.?)(?![\w/])[\s.:]*(?=\w)(?!listed\b)",
    # (a name after it: not "NORDIC TRADING AS", the Norwegian form, nor the lists' note
    # "(previously listed as)")
    re.IGNORECASE,
)
# The words :data:`_AKA` needs one of (the cheap look, :func:`_aka_split`)
_AKA_CUES = ("k/a", "aka", "fka", "known as", "k.a", "t/a", "b/a", "dba", "trading as",
             "business as", "formerly", "previously")  # fmt: skip
# A registration or tax number after a company's name (h200): "X LLC (Reg. No. 1027700132195)",
# "X, OGRN 1027700132195", "X Ltd Company No. 08123456", "X (INN 7707083893)"; the label
# one of these (folded), the number five digits or more.
_REG_LABELS = (
    r"(?:company\s+|commercial\s+|trade\s+|business\s+|state\s+)?(?:registration|register|"
    r"registry|reg|licen[cs]e|incorporation)(?:\s+(?:no|nr|number|id|code))?|company\s+(?:no|"
    r"nr|number)|cr\s+no|crn|cr|ogrn|ogrnip|inn|kpp|okpo|edrpou|unp|bin|iin|tin|vat(?:\s+no)?|"
    r"tax\s+(?:id|no|number|code)|uscc|cin|vkn|national\s+id|nip|regon|krs|ein|uen|ruc|rif|"
    r"nit|cnpj|cif|siren|siret|kvk|hrb|abn|acn"
)
_REG_TAIL = re.compile(
    rf"[\s,;(\[-]*\b(?:{_REG_LABELS})\b\.?\s*(?:#|no\.?|№)?\s*[:.]?\s*"
    r"(?=(?:[\s/-]?\d){5})[\d\s/-]*\d\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_REG_DIGITS = 5


def is_place(text: str) -> bool:
    """Is ``text`` a place or a qualified place ("Moscow", "Bratislava Slovakia", "Albania
    Branch", "resident of Tehran"), and nothing else?"""
    words = fold(text).split()
    if not words or country_code(text.strip()) is not None:
        return bool(words)
    named = False
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words) - i >= size and (
                country_code(phrase) is not None or (size < 3 and phrase in CITIES)
            ):
                named = True
                i += size
                break
        else:
            if words[i] not in PLACE_QUALIFIERS:
                return False
            i += 1
    return named


def warm_up_places() -> None:
    """Build the country table (ICU's country names) that a trailing place is read against
    now, when the screener loads, not inside the first query with a comma (~2 ms)."""
    is_place("Bratislava, Slovakia")


def query_parts(text: str) -> list[str]:
    """The names a query holds: the text as written, then the party's name without trailing
    places and qualifiers (", Moscow, Russia", "(Slovakia)", "c/o ...", "Branch Office in
    ..."), each a/k/a name apart, and the parts of :func:`name_parts`; also of the names an
    input's title, descriptor, e-mail address or mojibake hides (:mod:`.honorifics`)."""
    out = [text]
    readings = input_readings(text)
    joined = run_together(text)
    if joined is not None:
        readings = [*readings, joined]
    for piece in [p for t in (text, *readings) for p in _aka_split(t)]:
        core = _without_qualifiers(piece).strip(" ,;")
        segments = core.split(",")
        while len(segments) > 1 and is_place(segments[-1]):
            segments.pop()
        stripped = ",".join(segments).strip(" ,;")
        if stripped != core and _names_a_party(fold(_PARENS.sub(" ", stripped)).split()):
            core = stripped  # (the same text when no place was left out: nothing to fold)
        for part in name_parts(core, query=True):
            if part and part not in out:
                out.append(part)
    return out


# Letters a name left alone by its places needs ("GOZNAK, St. Petersburg", "KRONSHTADT, Russia":
# a one-word name that long is the party; a shorter word is more often a given name or
# nickname written before a place-like word: "Ali, Jordan"). Since 1.29, h132.
ONE_WORD_PARTY_LETTERS = 6


def _names_a_party(words: list[str]) -> bool:
    """Do ``words``, what is left of a query once its trailing places are left out, still name
    a party: two words or more, or one long word (:data:`ONE_WORD_PARTY_LETTERS`)?"""
    return len(words) >= 2 or (len(words) == 1 and len(words[0]) >= ONE_WORD_PARTY_LETTERS)


def _aka_split(text: str) -> list[str]:
    """``_AKA.split(text)``; a text without any of its words is not searched (every
    alternative of the pattern holds one of these; see :func:`caseless`)."""
    low = caseless(text)
    if not any(cue in low for cue in _AKA_CUES):
        return [text]
    parts = _AKA.split(text)
    return parts if len(parts) == 1 else [_unbracketed(p) for p in parts]


def _unbracketed(piece: str) -> str:
    """A split name without the bracket the split left open ("X (formerly Y)": "X (", "Y)")."""
    piece = piece.strip()
    if piece.endswith("("):
        return piece[:-1].rstrip()
    return piece[:-1].rstrip() if piece.endswith(")") and "(" not in piece else piece


def _without_qualifiers(piece: str) -> str:
    """``piece`` without "c/o ..." and "Branch Office in ..." (``_CARE_OF``, ``_OFFICE``; a
    text without their words is not searched, as in :func:`_aka_split`)."""
    piece = without_reg_number(piece)
    low = caseless(piece)
    if not ("c/o" in low or "c.o." in low or "care of" in low):
        return piece if "office" not in low else _OFFICE.sub("", piece)
    return _OFFICE.sub("", _CARE_OF.sub("", piece))


def without_reg_number(text: str) -> str:
    """``text`` without a registration or tax number after it (:data:`_REG_TAIL`: "X LLC, OGRN
    1027700132195" -> "X LLC"), when a name is left; else ``text``. The number would read as
    one of the name's numbers, which a listed name's must agree with (h200)."""
    if sum(c.isdigit() for c in text) < _REG_DIGITS:
        return text
    out = _REG_TAIL.sub("", text).strip(" ,;-")
    return out if out and any(c.isalpha() for c in out) else text
