"""Names as payment fields and shipping papers leave them (round two, h165): read back.

- A vessel's name with the marks payments and bills of lading write around it: "M/V", "MV",
  "M.V.", "MT", "M/T", "S.S.", "VESSEL", "TANKER", "Motor Vessel" before it, "(IMO 9187629)",
  ", IMO NO. 9187629" after it (:func:`without_vessel_marks`).
- A name wrapped onto a second line inside a word (SWIFT MT name lines are 35 characters:
  "CHINA NATIONAL OFFSHORE OIL CORPORA" / "TION"): the word joined again (:func:`unwrapped`).
- A name cut inside its legal form at the end of a field ("DEFENSE ENGINEERING LIMITED
  LIABILI", "IRKUT CORPORATION JOINT STOCK COMPA"; a one-word form at a field's width, h171:
  "EXTERNAL TECHNOLOGY GENERAL CORPORA"): the cut form left out (:func:`without_cut_form`;
  the listed name's form is a form, not a name word, and the words before it are the name).
- A name as long as a payment field (35 characters, a SWIFT MT name line; 140, ISO 20022's
  ``Nm``) that ends inside a word ("JOINT STOCK COMPANY NEFTEGAZAVTOMAT"): the cut word read as
  each listed word it begins, when there are few (:func:`cut_word`, :func:`completions`).

Each is a further reading of the query (``honorifics.input_readings``): the query as written
is screened as before. Pure functions, no I/O; nothing here reads the lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from clearance.matching.memo import by_identity
from clearance.matching.vocab import ABBREVIATIONS, LEGAL_FORM_PHRASES

# Marks before a vessel's name (folded words, longest first).
_VESSEL_HEAD = re.compile(
    r"^\s*(?:m[./]?[vt]|s\.s|ss|vessel|vsl|tanker|motor\s+(?:vessel|tanker)|m/s|messrs)"
    r"(?:\s*[.:,]\s*|\s+)(?=\w)",
    re.IGNORECASE,
)
# The IMO number after it: " (IMO 9187629)", ", IMO NO. 9187629", " IMO: 9187629"
_IMO_TAIL = re.compile(
    r"[\s,;(\[-]*\bimo\b\s*(?:no\.?|number|nr\.?|#)?\s*:?\s*\d{7}\s*[)\]]?\s*$", re.IGNORECASE
)
_VESSEL_TAIL = re.compile(r"\s*[(\[]?\s*\b(?:vessel|tanker|mv|m/v)\b\s*[)\]]?\s*$", re.IGNORECASE)
_NAME_LETTERS = 3  # a vessel's name left alone is this long at least ("DAN", "KAZAN")
_CUES = frozenset("m mv mt ss s vessel vsl tanker motor messrs".split())  # noqa: SIM905
_CUE_FIRST = frozenset("mMsStTvV")
_HEAD_WORD = re.compile(r"[A-Za-z]+")


def vessel_cue(text: str) -> bool:
    """The cheap look: does ``text`` start with a vessel mark's first word, hold "IMO" or end
    in "VESSEL" / "TANKER"?"""
    if text[:1] in _CUE_FIRST:
        head = _HEAD_WORD.match(text)
        if head is not None and head.group().lower() in _CUES:
            return True
    if "IMO" in text or "imo" in text or "Imo" in text:
        return True
    tail = text[-9:].lower()
    return "vessel" in tail or "tanker" in tail


def without_vessel_marks(text: str) -> str | None:
    """``text`` without the vessel marks before it and the IMO number (or "VESSEL") after it,
    when a name of :data:`_NAME_LETTERS` letters or more is left, else ``None``."""
    out = _IMO_TAIL.sub("", text)
    out = _VESSEL_TAIL.sub("", out) if out == text else out
    out = _VESSEL_HEAD.sub("", out, count=1).strip(" ,;-")
    if out == text.strip() or sum(c.isalnum() for c in out) < _NAME_LETTERS:
        return None
    return out


_WRAP = re.compile(r"(?<=[^\W\d_])[ \t]*(?:\r\n|\r|\n)[ \t]*(?=[^\W\d_])")


def unwrapped(text: str) -> str | None:
    """``text`` with a line break between two letters left out ("CORPORA\\nTION" ->
    "CORPORATION"; the text as written reads the break as a space), else ``None``."""
    if "\n" not in text and "\r" not in text:
        return None
    out = _WRAP.sub("", text)
    return out if out != text else None


def _form_prefixes() -> dict[tuple[str, ...], int]:
    """Each legal-form phrase's proper beginnings (whole words, the last one cut or not) ->
    how many words, keyed by the words before the last and the last cut to
    :data:`_CUT_LETTERS` letters: ("joint", "stock", "comp") for "JOINT STOCK COMPA"."""
    table: dict[tuple[str, ...], int] = {}
    for phrase in LEGAL_FORM_PHRASES:
        if len(phrase) < 2 or sum(len(w) >= _CUT_LETTERS for w in phrase) < 2:  # noqa: PLR2004
            continue  # (a one-word form cut is a word prefix, too often a name's)
        for size in range(2, len(phrase) + 1):
            last = phrase[size - 1]
            if len(last) > _CUT_LETTERS:
                table.setdefault((*phrase[: size - 1], last[:_CUT_LETTERS]), size)
    return table


_CUT_LETTERS = 4  # letters of a cut legal-form word kept at least ("LIMITED LIAB")
_FORM_PREFIXES = _form_prefixes()
_MAX_FORM = max(len(p) for p in LEGAL_FORM_PHRASES)
_CUT_HEADS = frozenset(k[-1] for k in _FORM_PREFIXES)
_FORM_WORDS = frozenset(w for phrase in LEGAL_FORM_PHRASES for w in phrase)
FORM_ENDS = frozenset(phrase[-1] for phrase in LEGAL_FORM_PHRASES)  # (a form may end there)


def cut_form_cue(text: str) -> bool:
    """The cheap look: does the last word of ``text`` start as a cut legal-form word does, and
    is it no word a legal form ends in ("... JOINT STOCK COMPA", "... LIMITED LIABILITY", not
    "... JOINT STOCK COMPANY"), or is ``text`` as long as a payment field and ends in a cut
    one-word form (:func:`_cut_solo_form`: "... GENERAL CORPORA")?"""
    last = text[text.rfind(" ") + 1 :]
    if last[:_CUT_LETTERS].lower() not in _CUT_HEADS:
        return _cut_solo_form(text, last.lower())
    return last.lower().rstrip(".,;)") not in FORM_ENDS


# One-word legal forms of seven letters or more ("CORPORATION", "INCORPORATED", "LIMITED"),
# by their beginnings of :data:`_SOLO_LETTERS` letters or more
_SOLO_LETTERS = 5
_SOLO_FORMS = frozenset(
    word[:n]
    for (word, *rest) in LEGAL_FORM_PHRASES
    if not rest and len(word) >= 7  # noqa: PLR2004
    for n in range(_SOLO_LETTERS, len(word))
)


def _cut_solo_form(text: str, last: str) -> bool:
    """Is ``text`` as long as a payment field (one line) and its last word (``last``, folded)
    the beginning of a one-word legal form, :data:`_SOLO_LETTERS` letters or more, cut ("...
    EXTERNAL TECHNOLOGY GENERAL CORPORA": at a field's width the form's word was cut, not
    written so; a shorter text's "CORPORA" is left alone)?"""
    return len(text) in FIELD_WIDTHS and "\n" not in text and last in _SOLO_FORMS


_WORDS = re.compile(r"[a-z0-9]+")


def without_cut_form(text: str) -> str | None:
    """``text`` without a legal form cut off inside its last word at the end ("... LIMITED
    LIABILI", "... JOINT STOCK COMPA"), when a name is left before it, else ``None``."""
    spans = list(_WORDS.finditer(text.lower()))
    if len(spans) < 3:  # noqa: PLR2004
        return None
    words = [ABBREVIATIONS.get(m.group(), m.group()) for m in spans]
    last = words[-1]
    if len(last) < _CUT_LETTERS or not last.isalpha():
        return None
    for size in range(min(_MAX_FORM, len(words) - 1), 1, -1):
        tail = words[-size:]
        key = (*tail[:-1], last[:_CUT_LETTERS])
        if _FORM_PREFIXES.get(key) != size or _whole_form(tail):
            continue
        if not _completes(tail):
            continue
        return text[: spans[-size].start()].rstrip(" ,;-")
    if _cut_solo_form(text, last) and text.lower().endswith(last):  # (h171)
        return text[: spans[-1].start()].rstrip(" ,;-")
    return None


def _whole_form(tail: list[str]) -> bool:
    return tuple(tail) in LEGAL_FORM_PHRASES


def _completes(tail: list[str]) -> bool:
    """Is ``tail``'s last word the beginning of the word a legal-form phrase has there, after
    the words before it?"""
    size, last = len(tail), tail[-1]
    return any(
        len(p) >= size and list(p[: size - 1]) == tail[:-1] and p[size - 1].startswith(last)
        for p in LEGAL_FORM_PHRASES
    )


FIELD_WIDTHS = frozenset({35, 140})  # SWIFT MT name lines; ISO 20022's Nm (Max140Text)
_CUT_WORD = re.compile(rf"(?<![A-Za-z])[A-Za-z]{{{_CUT_LETTERS},}}$")
MAX_COMPLETIONS = 8  # listed words a cut word may stand for (more: it says too little)
WORD_KEY = "t:"  # (index.py: a name word's key)


def cut_word(text: str, widths: frozenset[int] = FIELD_WIDTHS) -> re.Match[str] | None:
    """The last word of ``text`` when ``text`` is as long as a payment field (``widths``) and
    ends inside a word of :data:`_CUT_LETTERS` letters or more (ASCII letters; one line), else
    ``None``."""
    if len(text) not in widths or "\n" in text:
        return None
    return _CUT_WORD.search(text)


@by_identity
def word_heads(vocab: Mapping[str, int]) -> dict[str, tuple[str, ...]]:
    """The index's name words (``vocab``'s keys) of more than :data:`_CUT_LETTERS` letters by
    their first :data:`_CUT_LETTERS` letters, legal forms' words left out (made once per
    index, when the screener loads: ``NameIndex.prepare``)."""
    heads: dict[str, list[str]] = {}
    size = len(WORD_KEY) + _CUT_LETTERS
    for key in vocab:
        if len(key) > size and key.startswith(WORD_KEY):
            word = key[len(WORD_KEY) :]
            if word not in _FORM_WORDS:
                heads.setdefault(word[:_CUT_LETTERS], []).append(word)
    return {head: tuple(sorted(words)) for head, words in heads.items()}


def completions(word: str, vocab: Mapping[str, int]) -> list[str]:
    """The listed words (``vocab``: the index's keys) that ``word`` (folded) is the beginning
    of, longer than it, when there are :data:`MAX_COMPLETIONS` or fewer and ``word`` is no
    listed word itself, else none. Not the
    words of legal forms (a cut form is :func:`without_cut_form`'s: "OBSHCHESTVO S
    OGRANICHENNOI OTVETST" is a form, no name)."""
    if WORD_KEY + word in vocab:
        return []  # a listed word as it stands: read as written ("... ARABIAN PENINSULA")
    out = [w for w in word_heads(vocab).get(word[:_CUT_LETTERS], ()) if w.startswith(word)]
    out = [w for w in out if len(w) > len(word)]
    return out if len(out) <= MAX_COMPLETIONS else []


# -- business words abbreviated anywhere in an organisation's name (h169) --------------------
# "BEIJING YUNZE TECH CO.", "RUSSIAN REGIONAL DEV. BANK", "CHAM INV. GROUP": a word that begins
# a word many listed names write, far more of them than write it (when it is listed at all),
# is read completed to that word too (at most :data:`MAX_ABBREVIATED` such words, the most
# written first). Organisations' names only (``forms.query_forms``); a person's is left alone.
_ABBREV_LETTERS = 3  # letters of an abbreviated word at least ("DEV.", "GEN", "INV.")
ABBREV_RECORDS = 30  # listed names a completion is written in at least (a business word)
ABBREV_RATIO = 3  # ... and at least as many times those that write the word as abbreviated
MAX_ABBREVIATED = 3  # completions a word is read as (the most written ones)
_ABBREV_CUT = 3  # letters an abbreviation leaves out at least ("UNITE" is no "UNITED"'s)
_ABBREV_WORD = re.compile(r"(?<![\w'&-])[A-Za-z]{3,}(?=\.|[^\w'&-]|$)")
_Heads = dict[str, tuple[tuple[int, str], ...]]  # first letters -> (-records, word), most first
_abbrev_tables: dict[int, tuple[Mapping[str, int], _Heads, Callable[[int], int]]] = {}


def build_abbreviations(vocab: Mapping[str, int], counts: Callable[[int], int]) -> None:
    """Make (once per index, when the screener loads: ``NameIndex.prepare``) the table of
    :func:`expansions`: the index's name words of :data:`ABBREV_RECORDS` records or
    more (``counts``: a key id's records), not legal forms' words, by their first
    :data:`_ABBREV_LETTERS` letters, each with its records, the most written first."""
    if id(vocab) in _abbrev_tables and _abbrev_tables[id(vocab)][0] is vocab:
        return
    heads: dict[str, list[tuple[int, str]]] = {}
    size = len(WORD_KEY) + _ABBREV_LETTERS
    for key, key_id in vocab.items():
        if len(key) > size and key.startswith(WORD_KEY):
            word = key[len(WORD_KEY) :]
            if word in _FORM_WORDS or not word.isalpha():
                continue
            records = counts(key_id)
            if records >= ABBREV_RECORDS:
                heads.setdefault(word[:_ABBREV_LETTERS], []).append((-records, word))
    if len(_abbrev_tables) >= 8:  # noqa: PLR2004 (a handful of indexes at a time)
        _abbrev_tables.clear()
    table = {h: tuple(sorted(ws)) for h, ws in heads.items()}
    _abbrev_tables[id(vocab)] = (vocab, table, counts)


def expansions(word: str, vocab: Mapping[str, int]) -> list[str]:
    """The listed words ``word`` (folded) may abbreviate: those it begins that
    :data:`ABBREV_RECORDS` records or more write, and :data:`ABBREV_RATIO` times as many as
    write ``word`` itself, :data:`_ABBREV_CUT` letters longer or more; the
    :data:`MAX_ABBREVIATED` most written. None for a legal form's
    word or a word ``vocab.ABBREVIATIONS`` expands."""
    kept = _abbrev_tables.get(id(vocab))
    if kept is None or kept[0] is not vocab or word in _FORM_WORDS or word in ABBREVIATIONS:
        return []  # (no table: an index not prepared, ``build_abbreviations``)
    _, table, counts = kept
    listed = vocab.get(WORD_KEY + word)
    own = counts(listed) if listed is not None else 0
    if own >= ABBREV_RECORDS:
        return []  # a business word in its own right ("TRANS", "PETRO", "GLOBAL")
    least = max(ABBREV_RECORDS, ABBREV_RATIO * own)
    heads = table.get(word[:_ABBREV_LETTERS], ())
    out = [w for r, w in heads if -r >= least and w.startswith(word)]
    return [w for w in out if len(w) >= len(word) + _ABBREV_CUT][:MAX_ABBREVIATED]


def abbreviated_readings(text: str, vocab: Mapping[str, int]) -> list[str]:
    """``text`` with its abbreviated words (:func:`expansions`; a trailing dot dropped) read
    completed: every one as its most written completion, then each as each other one, and
    (since h172) each that a listed name writes as it stands as written ("ELECTRO OPTIC
    SAIRAN IND CO.": ELECTRO as written, IND as INDUSTRIES)."""
    spans: list[tuple[int, int, list[str]]] = []
    written: list[bool] = []  # (per span: a listed name writes the word as it stands)
    for m in _ABBREV_WORD.finditer(text):
        word = m.group().lower()
        full = expansions(word, vocab)
        if full:
            end = m.end() + (text[m.end() : m.end() + 1] == ".")
            spans.append((m.start(), end, full))
            written.append(WORD_KEY + word in vocab)
    if not spans:
        return []
    if len(spans) > 1:  # (one alone as written is the name itself)
        spans = [(a, b, [*full, text[a:b]] if kept else full)
                 for (a, b, full), kept in zip(spans, written, strict=True)]  # fmt: skip
    choices = [[s[2][0] for s in spans]]
    for i, (_, _, full) in enumerate(spans):
        choices += [[*choices[0][:i], other, *choices[0][i + 1 :]] for other in full[1:]]
    out: list[str] = []
    for words in choices:
        parts, at = [], 0
        for (start, end, _), word in zip(spans, words, strict=True):
            parts += [text[at:start], word.upper()]
            at = end
        out.append("".join([*parts, text[at:]]))
    return out
