"""Names read by OCR from scanned documents and typed from them (issue 11, h173), for
``bench_wild``.

- ``w-ocr``: a listed name with one or two OCR confusions: a letter read as the digit of its
  shape (O / 0, I and l / 1, S / 5, B / 8, G / 6, Z / 2), glyphs run together or split (m /
  rn, d / cl, w / vv, h / li, n / ri, both ways), a space between words lost or doubled, a
  diacritic dropped, a comma read as a period;
- ``n-ocr`` (must not alert): unlisted names with the same confusions.

The confusions are the ones the OCR literature reports for Latin print, not the matcher's:
the character confusion tables of Rice, Jenkins & Nartker's annual tests of OCR accuracy
(ISRI 1992-1996: "rn" for m, "cl" for d, "li" for h, 0 / O, 1 / l / I), Kolak & Resnik's
noisy-channel post-correction (2002: multi-character substitutions rn / m, vv / w, ri / n),
Reynaert's OCR post-correction of historical print (2008: 5 / S, 8 / B, 6 / G, 2 / Z) and the
ICDAR 2017 / 2019 post-OCR competitions (lost and doubled spaces, lost diacritics,
punctuation read as other punctuation). Every table here is this file's own.
"""

from __future__ import annotations

import random
import re
import unicodedata

from bench_variants import is_latin, natural

from clearance.model import Entity, Schema

# A letter read as the digit its shape resembles (letter as written -> as read).
AS_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1", "i": "1", "S": "5", "s": "5", "B": "8",
            "G": "6", "Z": "2", "z": "2"}  # fmt: skip
# Glyphs run together or split: one letter read as two, and two read as one.
CLUSTERS: tuple[tuple[str, str], ...] = (
    ("m", "rn"), ("rn", "m"), ("d", "cl"), ("cl", "d"), ("w", "vv"), ("vv", "w"),
    ("h", "li"), ("li", "h"), ("n", "ri"), ("ri", "n"),
)  # fmt: skip
_GLYPH_MIN = 4  # letters a word needs for a confusion inside it (a shorter word is a code)
_WORD = re.compile(r"[^\W\d_]+")


def _spots(text: str) -> list[tuple[int, str, str]]:
    """Every (place, as written, as read) glyph confusion ``text`` allows, inside a word of
    :data:`_GLYPH_MIN` letters or more (the case of the written letters kept)."""
    out: list[tuple[int, str, str]] = []
    for word in _WORD.finditer(text):
        if len(word.group()) < _GLYPH_MIN:
            continue
        start, letters = word.start(), word.group()
        for k, ch in enumerate(letters):
            if ch in AS_DIGIT:
                out.append((start + k, ch, AS_DIGIT[ch]))
        low = letters.lower()
        if len(low) != len(letters):  # ("İ" lowers to two characters: its places would shift)
            continue
        for written, read in CLUSTERS:
            at = low.find(written)
            while at >= 0:
                orig = letters[at : at + len(written)]
                new = read.upper() if letters.isupper() else read
                new = new[0].upper() + new[1:] if orig[0].isupper() else new
                out.append((start + at, orig, new))
                at = low.find(written, at + 1)
    return out


def glyph(text: str, rng: random.Random, avoid: int | None = None) -> tuple[str, int] | None:
    """``text`` with one glyph confusion (a place not in the word at ``avoid`` when another
    word allows one), and the place changed; None when none applies."""
    spots = _spots(text)
    if avoid is not None:
        other = [s for s in spots if _word_at(text, s[0]) != _word_at(text, avoid)]
        spots = other or spots
    if not spots:
        return None
    at, written, read = rng.choice(spots)
    return text[:at] + read + text[at + len(written) :], at


def _word_at(text: str, at: int) -> int:
    return text.count(" ", 0, at)


def layout(text: str, rng: random.Random) -> str | None:
    """``text`` with one layout confusion: a space between words lost or doubled, a
    diacritic dropped, a comma read as a period; None when none applies."""
    options: list[str] = []
    if " " in text.strip():
        options += ["lost", "doubled"]
    if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)):
        options.append("mark")
    if "," in text:
        options.append("comma")
    if not options:
        return None
    kind = rng.choice(options)
    if kind in ("lost", "doubled"):
        gaps = [m.start() for m in re.finditer(" ", text)]
        at = rng.choice(gaps)
        return text[:at] + ("" if kind == "lost" else "  ") + text[at + 1 :]
    if kind == "comma":
        return text.replace(",", ".", 1)
    marked = [i for i, c in enumerate(text) if unicodedata.normalize("NFD", c) != c]
    if not marked:  # (its marks written apart, already decomposed: none to drop)
        return None
    i = rng.choice(marked)
    bare = "".join(c for c in unicodedata.normalize("NFD", text[i]) if not unicodedata.combining(c))
    return text[:i] + bare + text[i + 1 :]


def ocr(text: str, rng: random.Random) -> str | None:
    """``text`` as OCR reads it: one glyph confusion, and half the time a second one (in
    another word when there is one: a glyph or a layout confusion)."""
    first = glyph(text, rng)
    if first is None:
        return None
    out, at = first
    if rng.random() < 0.5:  # noqa: PLR2004
        second = glyph(out, rng, avoid=at) if rng.random() < 0.6 else layout(out, rng)  # noqa: PLR2004
        out = second[0] if isinstance(second, tuple) else (second or out)
    return out


def w_ocr(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema not in (Schema.PERSON, Schema.ORGANIZATION, Schema.VESSEL):
        return None
    names = [n for n in entity.names if not n.weak and is_latin(n.full)]
    if not names:
        return None
    name = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    return ocr(natural(entity, name), rng)


def ocr_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return ocr(text, rng)


CLASSES = {"w-ocr": w_ocr}
NEGATIVES = {"n-ocr": ocr_unlisted}
