"""The Arabic article as romanisations write it before a sun letter, and "X al-Din" compounds
(issue 11, round two, h163): one canonical writing, whichever way a list or a query spells it.

Before a "sun letter" (t, th, d, dh, r, z, s, sh, n: the consonants written with the tongue
at the teeth) the article al- is pronounced as that letter doubled, and many romanisations
write it so: "Abd ar-Rahman", "Salah ad-Din", "an-Nusra", "ash-Shabaab", "Abd as-Salam";
French and Maghreb spellings run the article into the compound ("Abderrahmane",
"Abdessalam", "Noureddine", "Ezzeddine"), others write it as "ud" ("Nasir ud-Din",
"Shamsuddin"). The Arabic script writes every one of them with the same article (ال), and the
other spellings ("Abd al-Rahman", "Nur al-Din") with its l. So that they all meet:

- :func:`sun_article` reads an article assimilated to the sun letter that starts its word,
  written with a hyphen ("ar-Rahman", "AN-NUSRA"), as al- (before folding: the hyphen is what
  tells the article from a word "An" or "Ed" of another language);
- :func:`abd_assimilated` writes an abd compound whose article is assimilated ("abdurrahman",
  "abderrahmane", "abd ur rahman", "abdus salam", "abd ash shakur") as the canonical form
  writes "abd al-" ("abdul rahman", see ``normalize.canonical_arabic_forms``);
- :func:`din_split` writes every "X al-Din" compound as two words, X and "aldin" (the
  name-word table's reading of الدين): "noureddine", "nour eddine", "nur ud din" (after
  ``normalize``'s ``_DIN_ARTICLE``: "nur uddin"), "nuruddin", "nur aldin" all "nour aldin" /
  "nur aldin", so that run together and written apart they compare word by word as the lists'
  "Nur al-Din" does (and "Noureddine" / "Nasreddine" are two names, as "Nur al-Din" / "Nasr
  al-Din" are).

Pure functions over text; rules, not a list of names.
"""

from __future__ import annotations

import re
from itertools import product

from rapidfuzz.distance import OSA

# the sun letters as romanisations write them (digraphs first: "ash-Sh" is sh, not s)
_SUN = r"(?:th|dh|sh|t|d|r|z|s|n)"
# (before folding) an article assimilated to its word's first letter, with a hyphen: the
# vowel (a, e, u), the letter, a hyphen, the same letter
_SUN_HYPHEN = re.compile(r"(?i)(?<![^\W\d_])([aeu])(th|dh|sh|t|d|r|z|s|n)-(?=\2)")
# (folded) abd, a vowel or none, the letter, the same letter starting a word of 3 letters or more
_ABD_SUN = re.compile(rf"\babd ?[aeiou]? ?({_SUN}) ?(?=\1[a-z]{{3,}})")
# "X al-Din" compounds: the second word alone, whichever way its article is written ...
_DIN_ALONE = frozenset({
    "aldin", "eldin", "uldin", "uddin", "eddin", "addin", "iddin", "oddin", "aldine", "eldine",
    "eddine", "uddine", "addine", "aldeen", "eldeen", "uddeen", "eddeen", "addeen",
})  # fmt: skip
# ... and run onto its first word (of three letters or more: "Aladdin" stays a name of its
# own), the sun letter doubled ("Noureddine", "Nasiruddin") or not after four letters or more
# ("Shamsedin", "Nasrudin") or three and e ("Izzedin"; not "Claudine"); al-, el-, ul- run on
# before -din or -deen only ("Moheeldeen", "Nuraldin"; "Geraldine" is no Ger al-Din)
_DIN_JOINED = re.compile(
    r"^(?:(?:([a-z]{3,}?)(?:ud|ed|ad|id|od)|([a-z]{4,}?)[ue]|([a-z]{3})e)d(?:ine?|een)"
    r"|([a-z]{3,}?)(?:al|el|ul)d(?:in|een))$"
)
DIN = "aldin"  # (the name-word table's reading of الدين, see listed_compounds.DIN_READING)
# every ending _DIN_JOINED reads as al-Din run on (the article and din / dine / deen)
_ARTICLES_RUN_ON = ("ud", "ed", "ad", "id", "od", "u", "e")
_DIN_ENDINGS = tuple(
    [a + "d" + d for a, d in product(_ARTICLES_RUN_ON, ("in", "ine", "een"))]
    + [a + "d" + d for a, d in product(("al", "el", "ul"), ("in", "een"))]
)


def sun_article(text: str) -> str:
    """``text`` (as written, before folding) with an article assimilated to a sun letter
    before a hyphen written al- ("Abd ar-Rahman" -> "Abd al-Rahman", "AN-NUSRA" ->
    "AL-NUSRA"); ``text`` itself when it has none."""
    if "-" not in text:
        return text
    return _SUN_HYPHEN.sub(_al, text)


def _al(match: re.Match[str]) -> str:
    vowel = match.group(1)
    return ("AL-" if vowel.isupper() else "al-") if match.group(2).isupper() else vowel + "l-"


def abd_assimilated(text: str) -> str:
    """Folded ``text`` with an abd compound whose article is assimilated to a sun letter
    written "abdul " ("abderrahmane" -> "abdul rahmane", "abd us salam" -> "abdul salam")."""
    if "abd" not in text:
        return text
    return _ABD_SUN.sub("abdul ", text)


def din_split(text: str) -> str:
    """Folded ``text`` with its "X al-Din" compounds written as X and "aldin" ("noureddine"
    -> "nour aldin", "salah uddin" -> "salah aldin", "izz aldine" -> "izz aldin")."""
    if "din" not in text and "deen" not in text:
        return text
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        if word in _DIN_ALONE:
            out.append(DIN)
        elif word.endswith(("din", "dine", "deen")) and (m := _DIN_JOINED.match(word)):
            out += [m.group(1) or m.group(2) or m.group(3) or m.group(4), DIN]
        else:
            out.append(word)
    return " ".join(out)


def din_slip(word: str, first: str) -> bool:
    """Is ``word`` the compound of ``first`` and al-Din run together with one slip in its
    al-Din ("shamsudgin" / "shams" with "-uddin", "nasredinne" / "nasr" with "-edine"),
    which :func:`din_split` leaves one word? A name word that is such a compound pairs with
    the two words of its first half and "aldin" as run together, a slip in it as in any word
    (issue 11, h164: ``pairing.merge_adjacent``; "SHAMSUDGIN" is SHAMSUDDIN, its slip)."""
    size = len(first)
    if len(word) < size + 3 or not word.startswith(first):
        return False
    tail = word[size:]
    return any(OSA.distance(tail, ending, score_cutoff=1) <= 1 for ending in _DIN_ENDINGS)
