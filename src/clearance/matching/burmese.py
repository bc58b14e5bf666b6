"""Burmese names in Latin letters (issue 11, h196).

A Burmese name has no family name: every word is a syllable of the one name ("Aung Kyaw
Zaw"), the lists put one of them first as a family name would be ("ZAW, Aung Kyaw"), and a
name with a syllable fewer may be another person's or the same written short ("Min Hlaing" for
MIN AUNG HLAING: read as any name with a middle word dropped, since a rule that counted the
syllable in full lost drop-middle hits at the merge). Before the
name writers put an honorific the lists mostly leave out, or write as part of the name
("U" / "Daw" for an older man or woman, "Ko" / "Maung" / "Ma" for a younger one, the Karen
"Saw" / "Naw", the Shan "Sai" / "Nang", the Mon "Nai" / "Mahn"): "U Thein SOE" is SOE, Thein.
And the syllables are romanised several ways: an aspirate's "h" written or not ("Htun" /
"Tun", "Khin" / "Kin", "Hsan" / "San"), a final letter doubled or not ("Winn", "Sitt"), the
vowel spelt another way ("Kyaw" / "Kyau", "Thein" / "Thien", "Soe" / "So", "Aung" / "Ong"),
"Maung" abbreviated "Mg", and "U" written "Oo".

Here, the engine's own tables (written from the usual romanisations, not read from the lists):

- :data:`SPELLINGS`, each syllable -> its other spellings, one source of the equivalence table
  (``equivalents``: the word similarity, retrieval and the monitor read it there);
- :func:`honorific_readings`, further readings of a person's query without the honorific
  before it (and a "U" read as "Oo"), when what is left is a name of Burmese syllables.
"""

from __future__ import annotations

import re
from functools import cache

# Honorifics and titles written before a Burmese name (folded)
HONORIFICS = frozenset(
    "u daw ko maung mg ma saw naw sai nang nai mahn bo thakin sao padoh".split()  # noqa: SIM905
)
# Spellings of one syllable (each line one syllable, its usual romanisations)
_SPELT = """
htun tun
htay tay
htoo too
htet tet
htut tut
htwe twe
khin kin
khaing kaing khine
kyaw kyau
thein thien
soe so
moe mo
zaw zau
win winn
thwin thwinn
lwin lwinn
sit sitt
myint myin
maung mg
oo u
thaung taung
thaing taing
hsan san
hsai sai
hsaing saing
thidar thida
aung ong
yi yee
pyae pye pyay
phyo pyo
phyu pyu
hlaing laing
"""
# Common syllables of Burmese names (besides the honorifics and the spellings above)
_SYLLABLES = """
aye ba chan chit cho ei gyi hla hein hnin htike htin kaung khat khet kyaing kyauk kyi kyu lay
lin min mon mya myat myo nan nanda nandar naung nay nu nwe nyan nyein nyi nyo nyunt ohn paing
pa phu pwint pyin sandar sein shwe su swe tha than thant thar thet thi thiha thin thinzar thiri
thitsar thu thura thuzar tin tint wai wint yadanar yan ye yin zar zeya zeyar zin
"""


@cache
def _spellings() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for line in _SPELT.strip().splitlines():
        spelt = line.split()
        for word in spelt:
            out.setdefault(word, set()).update(w for w in spelt if w != word)
    return {word: frozenset(others) for word, others in out.items()}


SPELLINGS: dict[str, frozenset[str]] = _spellings()
SYLLABLES: frozenset[str] = frozenset((*_SYLLABLES.split(), *SPELLINGS, *HONORIFICS))
_FIRST = re.compile(r"\s*([^\W\d_]+)\.?[\s,]+")
_WORD = re.compile(r"[^\W\d_]+")


def honorific_readings(text: str) -> list[str]:
    """A person's name without the honorific written before it ("U Thein SOE" -> "Thein
    SOE", "Daw THITSAR Myo", "Ko Tin OO"), when two words or more are left, and with a "U"
    read as the syllable it is, "Oo" ("U Aung Hlaing" -> "Oo Aung Hlaing": Aung Hlaing OO),
    when half the words left or more are Burmese syllables (not "Ma Li Hua"), else none."""
    first = _FIRST.match(text)
    if first is None or (word := first.group(1).lower()) not in HONORIFICS:
        return []
    rest = text[first.end() :]
    words = [w.lower() for w in _WORD.findall(rest)]
    if not words or 2 * sum(w in SYLLABLES for w in words) < len(words):
        return []
    out = [rest] if len(words) >= 2 else []  # noqa: PLR2004
    return [*out, f"Oo {rest}"] if word == "u" else out
