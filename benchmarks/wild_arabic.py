"""The Arabic article as writers write it (``bench_wild``'s ``w-arabic-article``, h163).

Before a sun letter (t, th, d, dh, r, z, s, sh, n) the article al- sounds as that letter
doubled, and writers write it so or not, apart or run together, whichever way the list wrote
the name: "Nur al-Din" / "Noureddine" / "Nuruddin" / "Nur ud-Din" / "Nour Eddine", "Abd
al-Rahman" / "Abdurrahman" / "Abderrahmane" / "Abd ar-Rahman" / "ABD-AL-RAHMAN" / "Abdur
Rahman", "al-Nusra" / "an-Nusra". A listed Latin name with such a compound or article is
written another of these ways (one compound; None for a name without one). This file's own
rules, never the matcher's.
"""

from __future__ import annotations

import random
import re

from bench_variants import is_latin, natural

from clearance.model import Entity

_SUN = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n")
# "X al-Din" written apart ("Nur al-Din", "NUR AL-DIN", "Salah ad-Din", "Nasir ud Din",
# "Nour Eddine"), hyphenated ("Nur-al-Din", "Nur-ud-Din") or run together ("Noureddine",
# "Nasiruddin", "Alauddin"; a first part of three letters or more)
_DIN_APART = re.compile(
    r"(?i)\b([a-z]{3,})(?:[ -]+(?:al|el|ul|ud|ed|ad|ud)[ -]+|[ -]+(?:u|e|a)d|-(?:u|e|a)d-?)"
    r"(d(?:in|een|ine))\b"
)
_DIN_JOINED = re.compile(r"(?i)\b([a-z]{3,}?)(?:ud|ed|ad|id|al|el|ul)(d(?:in|een|ine))\b")
# "abd al-X" with X starting with a sun letter, apart or run together ("Abd al-Rahman",
# "ABD-AL-RAHMAN", "Abdul Rahman", "Abdel-Rahman", "Abd ar-Rahman", "Abdurrahman",
# "Abderrahmane", "Abdulrahman")
_ABD = re.compile(
    r"(?i)\babd(?:[ -]*(?:a|e|u)?l[ -]*|[ -]*(?:a|e|u)(?:th|dh|sh|[tdrzsn])[ -]*"
    r"|(?:a|e|u)(?=(th|dh|sh|[tdrzsn])\1))"
    r"((?:th|dh|sh|[tdrzsn])[a-z]{3,})\b"
)
# the article before a word starting with a sun letter ("al-Nusra", "AL-SHABAAB", "Al Rashid")
# (al only: "EL SENDERO LUMINOSO" is Spanish)
_ARTICLE = re.compile(r"(?i)\bal[ -]((?:th|dh|sh|[tdrzsn])[a-z]{3,})\b")


def _sun(word: str) -> str:
    low = word.lower()
    return next(s for s in _SUN if low.startswith(s))


def _cased(out: str, like: str) -> str:
    return out.upper() if like.isupper() else out


def _din(match: re.Match[str], rng: random.Random) -> str:
    first = match.group(1)
    f = first.capitalize() if first.isupper() else first
    ways = (f"{f}eddine", f"{f}uddin", f"{f} ud-Din", f"{f} ad-Din", f"{f} al-Din",
            f"{f} Eddine", f"{f}-Eddine", f"{f}ud-Din", f"{f}eddin", f"{f} el-Din")  # fmt: skip
    ways = tuple(w for w in ways if w.lower() != match.group(0).lower())
    return _cased(rng.choice(ways), match.group(0))


def _abd(match: re.Match[str], rng: random.Random) -> str:
    rest = match.group(2)
    sun = _sun(rest)
    word = rest.capitalize()
    low = rest.lower()
    ways = (f"Abd al-{word}", f"Abd a{sun}-{word}", f"Abdu{sun}{low}", f"Abde{sun}{low}",
            f"Abdul {word}", f"Abdu{sun} {word}", f"ABD-AL-{word.upper()}", f"Abd-u{sun}-{word}",
            f"Abdel{low}")  # fmt: skip
    ways = tuple(w for w in ways if w.lower() != match.group(0).lower())
    return _cased(rng.choice(ways), match.group(0))


def _article(match: re.Match[str], rng: random.Random) -> str:
    word = match.group(1)
    sun = _sun(word)
    ways = (f"a{sun}-{word}", f"A{sun}-{word}", f"{'A' if word.isupper() else 'a'}{sun}-{word}")
    return rng.choice(ways)


def w_arabic_article(entity: Entity, rng: random.Random) -> str | None:
    """A listed Latin name's "X al-Din" compound, abd al- compound or article before a sun
    letter written another way ("Nur al-Din" -> "Noureddine", "ABD AL-RAHMAN" ->
    "Abderrahmane", "Jabhat al-Nusra" -> "Jabhat an-Nusra")."""
    names = [n for n in entity.names if not n.weak and is_latin(n.full)]
    texts = [natural(entity, n) for n in names]
    found: list[tuple[str, re.Match[str], str]] = []
    for text in texts:
        for kind, pattern in (("din", _DIN_APART), ("din", _DIN_JOINED), ("abd", _ABD),
                              ("article", _ARTICLE)):  # fmt: skip
            found += [(text, m, kind) for m in pattern.finditer(text)]
    found = [f for f in found if not (f[2] == "article" and f[1].group(1).lower()[:3] == "din")]
    compounds = [f for f in found if f[2] != "article"]
    if compounds:  # (a compound first: a name has one article before a sun letter or more)
        found = compounds
    if not found:
        return None
    text, match, kind = rng.choice(found)
    write = {"din": _din, "abd": _abd, "article": _article}[kind]
    return text[: match.start()] + write(match, rng) + text[match.end() :]
