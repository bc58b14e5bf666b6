"""Which index keys a query word stands for: the same word, its phonetic keys, a run-together
form, a respelling, and the words one edit away (deletion neighbourhood), each with the
similarity it counts at (see :mod:`clearance.matching.retrieve`)."""

from __future__ import annotations

from array import array
from string import ascii_lowercase
from typing import Final

from clearance.matching.index import KIND_LATIN, KIND_NATIVE, KIND_SKELETON
from clearance.matching.keytables import KeyTables
from clearance.matching.memo import sim_rows
from clearance.matching.ocr import GLYPH_MIN_LENGTH, glyph_readings
from clearance.matching.params import RetrievalParams, WordParams
from clearance.matching.phonetics import phonetic, respell, sound
from clearance.matching.scripts import has_run
from clearance.matching.vocab import LOW_INFO_WORDS, PERSON_PARTICLES
from clearance.matching.wordletters import doubled
from clearance.matching.wordsim import word_sim

_PREFIX = {KIND_LATIN: "t:", KIND_NATIVE: "n:", KIND_SKELETON: "s:"}
_PLAIN_WORDS = PERSON_PARTICLES | LOW_INFO_WORDS  # (a listed one is no code: formslips.plain_word)
_JOINED = "c:"  # the key of two listed words run together ("c:kameldjermane")
_NO_CODE: Final = -(1 << 40)  # (no code of the neighbour table: one lookup, not two)


def _near(
    tables: KeyTables, prefix: str, word: str, found: dict[int, float], scale: float,
    words: WordParams,
) -> None:  # fmt: skip
    """Keys within about one edit of ``word`` (deletion neighbourhood), with their similarity."""
    rows = sim_rows(words)
    size = len(word)
    one_edit = word_sim(1, size, rows) * scale
    base = prefix + word
    cut = len(prefix)
    keys = [base[:i] + base[i + 1 :] for i in range(cut, cut + size)]  # prefix + deletions
    twice = words.doubled_sim * scale  # as the scorer rates a letter typed twice ("Amiif")
    least = words.min_word_sim
    vocab, bits, mask = tables.vocab, tables.vocab_bits, tables.vocab_mask
    for at, key in enumerate(keys):  # the query word has one letter more than a listed one
        h = hash(key) & mask  # (the keys' bitmap first: most deletions are no key)
        if not (bits[h >> 3] >> (h & 7)) & 1:
            continue
        key_id = vocab.get(key, -1)
        if key_id >= 0 and key_id not in found:
            # the letter left out is written twice in a row: doubled(word, listed)
            letter = word[at]
            if (at > 0 and word[at - 1] == letter) or word[at + 1 : at + 2] == letter:
                sim = max(one_edit, twice)
            else:
                sim = one_edit
            if sim >= least:
                found[key_id] = sim
    codes, bits, mask = tables.neighbour_codes, tables.neighbour_bits, tables.neighbour_mask
    texts, offsets, data = tables.texts, tables.neighbour_offsets, tables.neighbour_data
    h = hash(base) & mask
    code = codes.get(base, _NO_CODE) if (bits[h >> 3] >> (h & 7)) & 1 else _NO_CODE
    if code != _NO_CODE:  # listed words with one letter more: one edit (an insertion)
        sim = rows[1][size + 1 if size < 10 else 11] * scale
        up = max(sim, twice) if size >= words.doubled_min_length else sim
        # (the one key's id, or -1 - the slot of several: keytables; a list, walked natively
        # compiled, where a tuple or an array slice took the generic iterator)
        for key_id in [code] if code >= 0 else _slot(offsets, data, code):
            if key_id not in found:
                # (a letter written twice only if the added letter repeats its neighbour)
                best = up if up > sim and doubled(word, texts[key_id][cut:]) else sim
                if best >= least:
                    found[key_id] = best
    # Listed words of the same length sharing a deletion (a deletion of a word has one
    # letter less): one or two edits away (see _same_length_edits), word_sim inline.
    capped = size if size < 11 else 11
    swaps, swap_sim = size >= words.swap_min_length, words.swap_sim * scale
    # (words of one length are a letter written twice apart only if both write one twice)
    runs = size >= words.doubled_min_length and has_run(word)
    for variant in keys:
        h = hash(variant) & mask
        if not (bits[h >> 3] >> (h & 7)) & 1:
            continue
        code = codes.get(variant, _NO_CODE)
        if code == _NO_CODE:
            continue
        for key_id in [code] if code >= 0 else _slot(offsets, data, code):
            if key_id in found:
                continue
            text = texts[key_id]  # (its word read in place, after the prefix: no copy)
            dist, swap = same_length_edits(word, text, cut)
            sim = rows[dist][capped] * scale
            if dist == 1:
                if swaps and swap:
                    sim = max(sim, swap_sim)  # as the scorer rates "Aitf" / "Atif"
                elif runs and doubled(word, text[cut:]):
                    sim = max(sim, twice)  # ... and "Moex" / "Mooex"
            if sim >= least:
                found[key_id] = sim


def _slot(offsets: array[int], data: array[int], code: int) -> list[int]:
    """The key ids of the neighbour table's slot ``-1 - code`` (several keys)."""
    return data[offsets[-1 - code] : offsets[-code]].tolist()


def same_length_edits(word: str, other: str, at: int = 0) -> tuple[int, bool]:
    """The OSA distance of two words of one length that share a deletion (one letter left
    out of each gives the same text: at most two edits apart), and whether they are two
    adjacent letters swapped (``wordsim.swapped``: one edit by OSA, two by Levenshtein).
    Read off the letters that differ, without an edit-distance call: words of one length
    are one edit apart when one letter differs, or two adjacent ones swapped. (``at``: the
    other word is ``other[at:]``, read in place.)"""
    # (letters compared as ord(s[i]): compiled, a code point read in place, no one-letter
    # string fetched per letter; h190)
    size = len(word)
    first = 0
    while first < size and ord(word[first]) == ord(other[at + first]):
        first += 1
    if first == size:
        return 0, False
    last = size - 1
    while ord(word[last]) == ord(other[at + last]):
        last -= 1
    if first == last:
        return 1, False
    if (last == first + 1 and ord(word[first]) == ord(other[at + last])
            and ord(word[last]) == ord(other[at + first])):  # fmt: skip
        return 1, True
    return 2, False


def _dropped(tables: KeyTables, base: str, found: dict[int, float], words: WordParams) -> None:
    """Listed words one letter longer than a short query word ("GOD" / GOLD, "ZPP" / ZNPP),
    at the similarity the scorer gives them (a listed query word reaches no slips, and a word
    this short has no deletion neighbourhood of its own): the bound stays a bound."""
    near = [k for k in tables.neighbours([base]) if k not in found]
    if not near:
        return
    cut = len(_PREFIX[KIND_LATIN])
    word = base[cut:]
    texts, rows = tables.texts, sim_rows(words)
    size = len(word) + 1
    for key_id in near:
        other = texts[key_id][cut:]
        sim = word_sim(1, size, rows)
        if min(size - 1, len(other)) >= words.doubled_min_length and doubled(word, other):
            sim = max(sim, words.doubled_sim)  # ("GOD" / GOOD)
        if sim >= words.min_word_sim:
            found[key_id] = sim


def word_keys(
    tables: KeyTables, word: str, kind: int, params: RetrievalParams, words: WordParams,
    dropped: bool = False, company: bool = False,
) -> dict[int, float]:  # fmt: skip
    """Index keys (ids) for one query word with the similarity each stands for (``dropped``:
    a short word also reaches the listed words one letter longer, see :func:`_dropped`)."""
    prefix = _PREFIX[kind]
    found: dict[int, float] = {}
    exact = tables.key_id(prefix + word)
    if exact >= 0:
        found[exact] = 1.0
    if kind != KIND_LATIN:
        if len(word) >= params.near_min_length:
            _near(tables, prefix, word, found, 1.0, words)
        return found
    key, plain, key_sim = phonetic(word), sound(word), params.phonetic_key_sim
    extras = [(f"p:{key}", key_sim), (f"p:{plain}", key_sim), (f"c:{word}", 1.0)]
    alt = respell(word)
    respelt = words.respell_sim
    if alt != word:  # "Tsompany": also the spelling a Cyrillic round trip came from
        extras += [(f"t:{alt}", respelt), (f"p:{phonetic(alt)}", key_sim * respelt)]
    for extra, sim in extras:  # (the keys' bitmap first: most are no key)
        key_id = tables.key_id(extra)
        if key_id >= 0:
            found[key_id] = max(found.get(key_id, 0.0), sim)
    if len(plain) >= params.near_min_length:
        _near(tables, "p:", plain, found, params.sound_near_scale, words)
    if len(word) >= params.near_min_length:
        _near(tables, prefix, word, found, 1.0, words)
    elif dropped:
        _dropped(tables, prefix + word, found, words)
    if exact < 0 and len(word) >= GLYPH_MIN_LENGTH:  # "rnansouri": one letter OCR read
        # as two (not a word the lists hold: "Sarina" is a name, no SANNA misread; since h185
        # a word of four letters too, two read as one: "MANA" / MARIA)
        _glyph_merged(tables, prefix, word, found, words)
    if alt != word and len(alt) >= params.near_min_length:
        # ... and one edit from it, as the scorer compares it ("Skheikkhneyad" read back as
        # "Sheikhneyad" is one letter from SHEIKHNEJAD)
        other: dict[int, float] = {}
        _near(tables, prefix, alt, other, respelt, words)
        for key_id, sim in other.items():
            if sim > found.get(key_id, 0.0):
                found[key_id] = sim
    if len(word) in params.short_slip_lengths and (
        exact < 0 or (company and len(word) < params.near_min_length and word not in _PLAIN_WORDS)
    ):  # (a company's listed code too: "KB ALFA" / KGB ALFA, see slips.pair_code_slip)
        _slips(tables, prefix + word, found, params)
    return found


def _glyph_merged(
    tables: KeyTables, prefix: str, word: str, found: dict[int, float], words: WordParams
) -> None:
    """The listed words ``word`` is with one letter OCR read as two glyphs ("rnansouri" /
    MANSOURI) or, since h179, two glyphs read as one letter ("geopohtica" / GEOPOLITICA:
    ``ocr.glyph_readings``), one edit as the scorer rates them (``wordsim``); since h185 also
    two listed words run together ("karneldjermane" / KAMEL DJERMANE: a space OCR lost too),
    and no listed word shorter than :data:`GLYPH_MIN_LENGTH` (the scorer's least)."""
    reads = [r for r in glyph_readings(word) if len(r) >= GLYPH_MIN_LENGTH]
    keys = [prefix + read for read in reads] + [_JOINED + read for read in reads]
    rows = sim_rows(words)
    for key_id in _listed(tables.vocab, keys):
        sim = word_sim(1, max(len(word), len(tables.texts[key_id]) - len(prefix)), rows)
        if sim > found.get(key_id, 0.0):
            found[key_id] = sim


_JOINED_LEAST = 7  # letters of a query word that may be two listed words run together


def glyph_joined(tables: KeyTables, word: str) -> bool:
    """Is ``word`` two listed words run together with one pair of glyphs OCR confuses
    ("karneldjermane" / KAMEL DJERMANE; since h185): a query word that pairs two listed words,
    as one that is their key as written does (``retrieve``)."""
    if len(word) < _JOINED_LEAST:
        return False
    return bool(_listed(tables.vocab, [_JOINED + read for read in glyph_readings(word)]))


def _slips(tables: KeyTables, base: str, found: dict[int, float], params: RetrievalParams) -> None:
    """Listed words one typing slip from a short query word the lists lack (two letters
    swapped, one added to or dropped from a three-letter word: "ZET" / ZEST, "MTK" / TMK), at
    the most such a slip counts as the one distinctive word of a name (see
    :func:`clearance.matching.slips.is_slip`)."""
    sim = params.short_slip_sim
    size = len(base)
    length = size - len(_PREFIX[KIND_LATIN])
    shortest = min(params.short_slip_lengths)
    keys = [base[:i] + base[i + 1 :] for i in range(2, size)] if length > shortest else []
    keys += [base[:i] + base[i + 1] + base[i] + base[i + 2 :] for i in range(2, size - 1)
             if base[i] != base[i + 1]]  # fmt: skip
    ids = _listed(tables.vocab, keys)
    if length == shortest:  # (three-letter words have no deletion neighbourhood)
        keys = [base[:i] + c + base[i:] for i in range(2, size + 1) for c in ascii_lowercase]
        ids += _listed(tables.vocab, keys)
    elif length < max(params.short_slip_lengths):
        # (a letter added to a longer word is a near-miss as it is)
        ids += tables.neighbours([base])
    for key_id in ids:
        if sim > found.get(key_id, 0.0):
            found[key_id] = sim


def _listed(vocab: dict[str, int], texts: list[str]) -> list[int]:
    """The ids of those of ``texts`` that are keys, in their order (one set operation for
    them all: most are no key)."""
    listed = vocab.keys() & texts
    return [vocab[text] for text in texts if text in listed] if listed else []


def joined_keys(
    tables: KeyTables, joined: str, kind: int, params: RetrievalParams
) -> dict[int, float]:
    """Index keys of two query words run together: as spelt, as a listed compound, and (Latin)
    by sound. Not by one edit: "Yang Hao" is not "Yonghao" (another syllable)."""
    if kind != KIND_LATIN:
        found = tables.key_id(_PREFIX[kind] + joined)
        return {} if found < 0 else {found: 1.0}
    key_sim = params.phonetic_key_sim
    out: dict[int, float] = {}
    keys = [(f"t:{joined}", 1.0), (f"c:{joined}", 1.0), (f"p:{phonetic(joined)}", key_sim)]
    plain = f"p:{sound(joined)}"
    if plain != keys[2][0]:  # (most words: the phonetic key is the sound)
        keys.append((plain, key_sim))
    for text, sim in keys:  # (the keys' bitmap first: most are no key)
        key_id = tables.key_id(text)
        if key_id >= 0 and sim > out.get(key_id, 0.0):
            out[key_id] = sim
    return out
