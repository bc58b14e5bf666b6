"""The business words of Turkish company names: generic words, equivalent to the English words
they say, their abbreviations read as the full words (issue 11, h195).

Turkish companies register as "X Sanayi ve Ticaret Anonim Şirketi" (X Industry and Trade Joint
Stock Company), "X Dış Ticaret Limited Şirketi", "X İthalat İhracat ve Pazarlama Ltd. Şti.",
and write the same words short ("San. ve Tic.", "Dış Tic.", "İth. İhr.", "Paz.") or in
English ("Industry and Trade", "Foreign Trade", "Import Export"). A name is its distinctive
words: MACPAR MAKINA is MACPAR MAKINA SANAYI VE TICARET A.S.

- The full words (:data:`WORDS`) weigh as low-information words (``weights.word_weight``):
  written, omitted or misspelt, they cost little.
- Each is *equivalent* to the English word(s) it says (``equivalents``, source ``TURKISH``):
  "Ticaret" and "trade" agree as one word, and both readings stay, so that a typo or a
  transliteration of the listed Turkish word ("Tikaret", "Ithalt") still meets it by its
  letters (h192's reading of the Turkish words *as* English lost those hits, 1.38).
- Their abbreviations (:data:`SHORT`) are read as the full Turkish words, and "ve" as "and"
  between two business words, only in a Turkish company's name (:func:`turkish_name`): "San"
  is a saint, "Tic" a code elsewhere, "HAYRIOGLU TIC." alone says nothing of the kind, and
  "GK VE.RF" has no "and". (``normalize._latin_form``, after the legal forms are split off:
  "Tic. Ltd. Şti." after any company's name stays one legal form, bench_heldout's
  c4-legal-form-dots.)

Turkish letters are folded before (``folding.fold``: ı, İ as i; ş, ğ, ç, ö, ü without their
marks). The tables are the matcher's own, from the language's words; all folded.
"""

from __future__ import annotations

from functools import cache

# Turkish business words -> the English words each says (folded). Words of a company's
# registered kind and of the trades Turkish company names add after the name.
WORDS: dict[str, tuple[str, ...]] = {
    "sanayi": ("industry", "industrial", "industries"),
    "sanayii": ("industry", "industrial", "industries"),
    "ticaret": ("trade", "trading"),
    "ithalat": ("import",),
    "ihracat": ("export",),
    "pazarlama": ("marketing",),
    "insaat": ("construction",),
    "taahhut": ("contracting",),
    "turizm": ("tourism",),
    "nakliyat": ("transport",),
    "gida": ("food",),
    "tekstil": ("textile", "textiles"),
    "enerji": ("energy",),
    "holding": (),
    "sirketi": ("company",),  # (left as a word when another form follows: "... Limited Şirketi
    # S.p.A.")
}
# Their abbreviations -> the full word, read so in a Turkish company's name only.
SHORT: dict[str, str] = {
    "san": "sanayi", "tic": "ticaret", "ith": "ithalat", "ihr": "ihracat", "paz": "pazarlama",
    "ins": "insaat", "nak": "nakliyat",
}  # fmt: skip
# Words equivalent to English ones but no business words by themselves: "Dış" (foreign,
# "Dış Ticaret") is a word of many meanings, "ve" (and) an English name's letters too.
_OTHERS: dict[str, tuple[str, ...]] = {"dis": ("foreign",), "ve": ("and",)}
_VE, _AND = "ve", "and"
# Words that make a name a Turkish company's: the legal forms' own words ("Şirketi", "Şti.",
# "Anonim") and the full business words of a company's kind.
_MARKERS = frozenset(("sirketi", "sti", "anonim", "sanayi", "sanayii", "ticaret", "ithalat",
                      "ihracat"))  # fmt: skip
# What follows "Tic." in a Turkish company's name: its legal form ("Tic. Ltd.", "Tic. A.Ş.").
_FORM_AFTER = frozenset(("limited", "ltd", "as", "a", "sti", "sirketi"))
_TRADE = frozenset(("ticaret", "tic"))


def turkish_name(words: list[str]) -> bool:
    """Is ``words`` (a name, folded) a Turkish company's: a Turkish legal-form word or business
    word of its kind in it, two abbreviations side by side ("San. ve Tic.", "İth. İhr.", "San.
    Tic."), "Dış Tic." or "Tic." before a legal form ("X Tic. Ltd.")?"""
    for i, word in enumerate(words):
        if word in _MARKERS:
            return True
        if i + 1 < len(words):
            after = words[i + 1]
            if word in SHORT and (after in SHORT or after == _VE) and word != after:
                return True
            if word == "dis" and after in _TRADE:
                return True
            if word == "tic" and after in _FORM_AFTER:
                return True
    return False


def is_business_word(word: str) -> bool:
    """Is ``word`` a Turkish business word (a low-information word)?"""
    return word in WORDS


def turkish_read(words: list[str], whole: list[str]) -> list[str]:
    """``words`` (a name, folded, its legal forms split off: "Tic. Ltd. Şti." is one), when the
    ``whole`` name (forms and all) is a Turkish company's, with its abbreviations as the full
    words and "ve" between two business words as "and" ("macpar makina san ve" of "MACPAR
    MAKINA SAN. VE TIC. LTD. STI." -> "macpar makina sanayi and": a last "ve" after one, its
    "Tic." split off with the form); ``words`` itself otherwise."""
    if not words or not turkish_name(whole):
        return words
    full = [SHORT.get(w, w) for w in words]
    last = len(full) - 1
    for i in range(1, last + 1):
        after = full[i + 1] in WORDS if i < last else True
        if full[i] == _VE and full[i - 1] in WORDS and after:
            full[i] = _AND
    return full


@cache
def turkish_equivalents() -> dict[str, frozenset[str]]:
    """Each Turkish word -> the English words it says, and each English word -> the Turkish
    words that say it (both ways: ``equivalents.equivalent_words``)."""
    found: dict[str, set[str]] = {}
    for table in (WORDS, _OTHERS):
        for word, english in table.items():
            for other in english:
                found.setdefault(word, set()).add(other)
                found.setdefault(other, set()).add(word)
    return {word: frozenset(others) for word, others in found.items()}
