"""The business words of Turkish company names as the English words they say (issue 11, h192).

Turkish companies register as "X Sanayi ve Ticaret Anonim Şirketi" (X Industry and Trade Joint
Stock Company), "X Dış Ticaret Limited Şirketi", "X İthalat İhracat ve Pazarlama Ltd. Şti.",
and write the same words short ("San. ve Tic.", "Dış Tic.", "İth. İhr.", "Paz.") or in
English ("Industry and Trade", "Foreign Trade", "Import Export"). Lists give one spelling, a
query another. Read as the English word each says, the words weigh as the English business
words do (``vocab.LOW_INFO_WORDS``: "industry", "trade", "import", "export", "and") and meet
the listed name's spelling, whichever it is; a name is its distinctive words ("MACPAR MAKINA"
is MACPAR MAKINA SANAYI VE TICARET A.S.).

The full words (:data:`WORDS`) are Turkish only and read so wherever they stand. Their
abbreviations (:data:`SHORT`) are read so only in a Turkish company's name
(:func:`turkish_name`): "San" is a saint, "Tic" a code elsewhere, and "HAYRIOGLU TIC." alone
says nothing of the kind. "ve" is "and" in any company's name (a name cut short may have lost
what tells it Turkish). The legal forms themselves ("Anonim Şirketi", "Tic. Ltd. Şti.",
"A.Ş.") are no business words: the legal-form table splits them off first (``vocab.LEGAL_FORMS``,
rigour's ISO 20275 table), and the words left are read here (``normalize._latin_form``).
Turkish letters are folded before (``folding.fold``: ı, İ as i; ş, ğ, ç, ö, ü without their
marks). The table is the matcher's own, from the language's words; all folded (lower-case ASCII).
"""

from __future__ import annotations

# Turkish business words -> the English word each says (folded). Only the words of a Turkish
# company's registered kind ("Sanayi ve Ticaret", "Dış Ticaret", "İthalat İhracat",
# "Pazarlama", "İnşaat"): not the words of a trade that name a company as much as they class
# it ("gida" food, "nakliyat" haulage, "otomotiv"), nor "Uluslararası", "Enerji", "Yatırım"
# (international, energy, investment): "MS ULUSLARARASI ENERJI YATIRIM A.S." would be a name
# of business words alone, its "MS" a title a query drops.
WORDS: dict[str, str] = {
    "sanayi": "industry", "sanayii": "industry", "ticaret": "trade", "ithalat": "import",
    "ihracat": "export", "pazarlama": "marketing", "insaat": "construction",
}  # fmt: skip
# Their abbreviations, read so in a Turkish company name only ("ve" among them: two side by
# side make the name a Turkish one, "San. ve Tic."; it is "and" in any company's name).
SHORT: dict[str, str] = {
    "san": "industry", "tic": "trade", "ith": "import", "ihr": "export", "paz": "marketing",
    "ins": "construction", "ve": "and",
}  # fmt: skip
# "Dış" (foreign) before trade: "Dış Ticaret", "Dış Tic." (alone a Turkish word of many
# meanings, and an English one's letters).
_FOREIGN = "dis"
_TRADE = frozenset(("ticaret", "tic"))  # (the full word marks the name by itself)
# Words that make a name a Turkish company's: the legal forms' own words (folded: "Şirketi",
# "Şti.") beside the full business words.
_MARKERS = frozenset(("sirketi", "sti", "anonim")) | WORDS.keys()
# What follows "Tic." in a Turkish company's name: its legal form ("Tic. Ltd. Şti.", "Tic.
# A.Ş."; "ltd" is read "limited" by then: ``vocab.ABBREVIATIONS``).
_FORM_AFTER = frozenset(("limited", "ltd", "as", "a", "sti", "sirketi"))


def turkish_name(words: list[str]) -> bool:
    """Is ``words`` (a name, folded) a Turkish company's: a Turkish business or legal-form
    word in it, two of the abbreviations side by side ("San. ve Tic.", "İth. İhr.", "Dış
    Tic."), or "Tic." before a legal form ("X Tic. Ltd.")?"""
    for i, word in enumerate(words):
        if word in _MARKERS:
            return True
        if i + 1 < len(words):
            after = words[i + 1]
            if word in SHORT and after in SHORT and word != after:
                return True
            if word == _FOREIGN and after in _TRADE:
                return True
            if word == "tic" and after in _FORM_AFTER:
                return True
    return False


def turkish_in_english(words: list[str], whole: list[str]) -> list[str]:
    """``words`` (a name's, folded, its legal forms split off: "Tic. Ltd. Şti." is one) with
    its Turkish business words as the English word each says ("macpar makina sanayi ve
    ticaret" -> "macpar makina industry and trade"); when the ``whole`` name (forms and all)
    is a Turkish company's, their abbreviations too, and a last word cut short of one (a
    field's length: "...TICARET VE SANAY"); ``words`` itself without any. "ve" is "and" in
    any company's name: a name cut short may have lost the words that tell it Turkish ("RA
    HAVACILIK LOJISTIK VE TASIMACILI"), and it must read as the listed name does."""
    if not words or not turkish_name(whole):  # (a full business word makes it Turkish)
        return [_AND if w == _VE else w for w in words] if _VE in words else words
    out: list[str] = []
    last = len(words) - 1
    for i, word in enumerate(words):
        if word == _FOREIGN and (words[i + 1] in _TRADE if i < last else _foreign_trade(whole)):
            out.append("foreign")  # (its "Tic." maybe split off: "Dış Tic. Ltd. Şti.")
        else:
            out.append(WORDS.get(word) or SHORT.get(word, word))
    if len(words[last]) >= _CUT_LETTERS and out[last] == words[last]:
        out[last] = _CUT.get(words[last], words[last])
    return out


def _foreign_trade(whole: list[str]) -> bool:
    """Does "Dış" stand before "Ticaret" or "Tic." in ``whole``?"""
    return any(a == _FOREIGN and b in _TRADE for a, b in zip(whole, whole[1:], strict=False))


_VE, _AND = "ve", "and"
_CUT_LETTERS = 5  # letters a word cut short keeps to read as the business word it begins


def _cut_words() -> dict[str, str]:
    """The beginnings (five letters or more) of each business word of :data:`WORDS`, by the
    English word: "sanay", "ticar", "ithal" (none begins two words of other meanings)."""
    table: dict[str, str] = {}
    for word, english in WORDS.items():
        for end in range(_CUT_LETTERS, len(word)):
            table.setdefault(word[:end], english)
    return table


_CUT = _cut_words()
