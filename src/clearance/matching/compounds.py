"""Pairs of words that Arabic names undo (since 1.13): an ``abd al-`` compound's half, and
an article's letter taken for an initial.

The canonical form writes every ``abd al-``/``abdul``/``abdel`` compound as two words,
"abdul" and the divine name after it ("Abd al-Ali" -> "abdul ali"), so that all spellings
share a form. Two names then pair word by word, and "Husayn Abdulali" paired HUSAYN 'Ali
on "ali", leaving "abdul" over as if it were a name of its own. "Abd al-Ali" (servant of
the Exalted) is not "Ali": a word that follows an unpaired "abdul" on one side pairs only
with a word that follows an unpaired "abdul" on the other.

A word read from Arabic script with its article glued on ("الحداء" -> "alhda") begins
with the article's "a", which is no initial: "Abdul Latif al-Haddaa" is not SALEH, Abdul
Latif A.A.

A word read from Arabic script that ends in a written ی/ي after a consonant ("محمدی",
Mohammadi; "نوری", Nouri) is a nisba, a name of its own: the listed word without the ending
("MUHAMMAD", "NUR") is another name (since 1.15: "احسان محمدی" is not AHSAN, Muhammad).

Since 1.22, a query's ta marbuta before a word with the article is also read as the t of a
construct ("جماعة الجهاد", Jamaat al-Jihad), and a listed "X Allah" written as one word
(HIZBALLAH) has its parts for the name-word table's "الله" to agree with.

Since 1.24 (issue 11, false alerts of Arabic and Persian names): a compound's "abdul" pairs
with no word but another "abdul" (:func:`undo_other_compounds`), a divine name after an
unpaired "abdul" pairs with a word of its own unless the word before that may spell "abd";
a name read from Arabic script that agrees only on common name words, with other consonants
in the word left (:func:`common_words_only`), is another person's; two readings of the
name-word table are two names (:func:`other_table_names`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from clearance.matching.arabic_names import NAME_WORDS, normalise_arabic
from clearance.matching.scripts import latin_skeleton
from clearance.matching.slips import other_consonants
from clearance.matching.vowels import other_vowels
from clearance.scripts import ARABIC, LATIN

# the first word of an abd al- compound: canonical "abdul", or as a canonical form that did
# not recognise it leaves it ("'Aabd-Al-Majid" -> "aabd almajid")
ABD_WORDS = frozenset({"abdul", "abd", "aabd", "abdel", "abdal", "abdol", "abdil"})
# the divine names abd al- compounds are made of, in the spellings the lists use ("abd al-Ali",
# "Abdul Rahman", "Abdel Aziz"); after another word ("Abdo Al-Sukhni") there is no compound
DIVINE_NAMES = frozenset({
    "ala", "ali", "aal", "alim", "aleem", "azim", "azeem", "aziz", "azeez", "bari", "baqi",
    "basir", "baseer", "basit", "fattah", "ghaffar", "ghafar", "ghafur", "ghafoor", "ghani",
    "hadi", "hafiz", "hafeez", "hai", "hay", "hayy", "hakim", "hakeem", "halim", "haleem",
    "hamid", "hameed", "haq", "haqq", "ilah", "jabbar", "jabar", "jalal", "jalil", "jaleel",
    "kabir", "karim", "kareem", "khaliq", "khalek", "latif", "lateef", "majid", "majeed",
    "malik", "malek", "mannan", "muin", "mumin", "munim", "muttalib", "nabi", "nafi", "nur",
    "noor", "nour", "qadir", "qader", "kader", "qahhar", "qayyum", "qayoum", "quddus", "rahim",
    "raheem", "rahman", "rehman", "rasul", "rasool", "rauf", "raouf", "razzaq", "razaq",
    "razak", "samad", "salam", "sattar", "shakur", "subhan", "tawwab", "tawab", "wadud",
    "wahhab", "wahab", "wahid", "wahed", "wakil", "wali",
})  # fmt: skip


# ... and as skeletons (a query read from Arabic script is matched on its consonants too)
ABD_HEADS = ABD_WORDS | {"bdl"}
DIVINE_WORDS = DIVINE_NAMES | {latin_skeleton(name) for name in DIVINE_NAMES} - {""}

_NISBA_ENDS = frozenset("iyي")  # the last letters :func:`_nisba` reads as a nisba


def undo_arabic_pairs(
    script: str,
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
) -> None:
    """Undo (in place) the pairs of single words Arabic names do not make: the divine name
    of an abd al- compound whose first word stayed unpaired with a word that is not one
    (:func:`_split_compound`: "Husayn Abdul Ali" / HUSAYN 'Ali), and, in a query read from
    Arabic script (``script``), a word with a glued article with a listed initial "a", a
    nisba with the listed word that lacks its ending (:func:`_nisba`) and any word with a
    listed initial when a listed word is left over (:func:`_undo_initials`)."""
    arabic = script == ARABIC
    read = script == LATIN and _reads_nisba(q_words)
    if (_any_in(q_words, ABD_HEADS) or _any_in(c_words, ABD_HEADS) or read
            or (arabic and ("a" in c_words or _may_be_nisba(q_words)))):  # fmt: skip
        # (most names have no abd al- word, no listed initial "a" or nisba to undo)
        realign_abd(q_words, c_words, q_used, c_used, pairs)
        undo_other_compounds(q_words, c_words, q_used, c_used, pairs)
        for k in range(len(pairs) - 1, -1, -1):
            i, j, _sim, q_span, c_span = pairs[k]
            if q_span != 1 or c_span != 1:
                continue
            if (
                _split_compound(q_words, c_words, q_used, c_used, i, j)
                or (arabic and _misread(q_words[i], c_words[j]))
                or (read and _read_nisba(q_words[i]) and _nisba(q_words[i], c_words[j]))
            ):
                del pairs[k]
                q_used[i] = c_used[j] = False
    if arabic and not all(c_used) and min(map(len, c_words)) == 1:  # (a listed initial)
        _undo_initials(q_words, c_words, q_used, c_used, pairs)


def _any_in(words: tuple[str, ...], group: frozenset[str]) -> bool:
    """Is a word of ``words`` in ``group`` (``not group.isdisjoint(words)``; compiled, a loop:
    a method call costs what a few set lookups do)?"""
    return any(word in group for word in words)


def realign_abd(
    q_words: tuple[str, ...], c_words: tuple[str, ...], q_used: list[bool], c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
) -> None:  # fmt: skip
    """Pair (in place) the first word of an abd al- compound with the same word of the other
    side's compound whose divine name its own pairs with (since 1.23). A name that writes
    "abdul" twice ("ALAWI, Abdel-Salam Abdel-Rahman") offers two equal pairs for a query's
    "Abdel-Salam"; taken the other way, "abdul" pairs with Abdel-Rahman's and "salam", after
    an unpaired "abdul", is undone as a compound's half: both compounds split, the name is
    lost. The pair moves to the same word, free, right before the divine name's partner."""
    for side in (0, 1):
        words, other, used = (q_words, c_words, c_used) if side == 0 else (c_words, q_words, q_used)
        if not _any_in(words, ABD_WORDS):
            continue  # (no pair of this side starts a compound: most names)
        ends = [(p[0], p[1]) if side == 0 else (p[1], p[0]) for p in pairs]  # (this, other)
        at = {end[0]: k for k, end in enumerate(ends) if pairs[k][3] == 1 and pairs[k][4] == 1}
        for k, (i, j) in enumerate(ends):
            nxt = at.get(i + 1)
            if nxt is None or pairs[k][3] != 1 or pairs[k][4] != 1 or words[i] not in ABD_WORDS:
                continue
            m = ends[nxt][1] - 1  # the word before the divine name's partner
            if m < 0 or m == j or used[m] or other[m] != other[j]:
                continue
            used[j], used[m] = False, True
            ends[k] = (i, m)
            sim = pairs[k][2]
            pairs[k] = (i, m, sim, 1, 1) if side == 0 else (m, i, sim, 1, 1)


def undo_other_compounds(
    q_words: tuple[str, ...], c_words: tuple[str, ...], q_used: list[bool], c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
) -> None:  # fmt: skip
    """Undo (in place) the pair of a compound's "abdul" (before its divine name) with a word
    that is no "abdul", no initial (one stands for the compound: "A. G. Qureshi") and not a
    slip of it ("Akdul"; since 1.24, ``abd_whole``): "Muhammad Abd al-Ali" paired "abdul"
    with ABU and ABDULLAH, a near-miss on half a name. Its divine name, then after an
    unpaired "abdul", pairs only with another compound's (:func:`_split_compound`). Skeletons
    too: "bdl" is abd al-'s ("محمد عبدالعلی" as "mhmd bdl l")."""
    for k in range(len(pairs) - 1, -1, -1):
        i, j, sim, q_span, c_span = pairs[k]
        q_abd, c_abd = q_words[i] in ABD_HEADS, c_words[j] in ABD_HEADS
        if q_span != 1 or c_span != 1 or q_abd == c_abd or sim >= _HALF_SIM:
            continue
        words, at, other = (q_words, i, c_words[j]) if q_abd else (c_words, j, q_words[i])
        if len(other) > 1 and at + 1 < len(words) and words[at + 1] in DIVINE_WORDS:
            del pairs[k]
            q_used[i] = c_used[j] = False


_HALF_SIM = 0.7  # "abdul" and a word this unlike it: another word ("abu"), not a slip ("akdul")


# the name-word table's words, read and as written: the common words of Arabic and Persian
# names ("ali", "reza", "muhammad", "علي"), and a compound's "abdul"
TABLE_READINGS = frozenset(NAME_WORDS.values())
COMMON_WORDS = (TABLE_READINGS | ABD_HEADS | frozenset(NAME_WORDS)
                | frozenset(map(normalise_arabic, NAME_WORDS)))  # fmt: skip


@lru_cache(maxsize=1)
def _letter_readings() -> frozenset[str]:
    """The table's words as ICU reads them letter by letter, those that write a long vowel
    ("ly", "rda": the romanisation a query also gets, for when the table's reading is not the
    one listed; not a bare skeleton, "hsn", "mhmd", which many names share)."""
    from clearance.matching.scripts import romanise_mixed

    readings = (
        "".join(c for c in romanise_mixed(word) if c.isascii() and c.isalnum()).lower()
        for word in NAME_WORDS
    )
    return frozenset(r for r in readings if any(c in "awy" for c in r))


def warm_up_readings() -> None:
    """Read the name-word table letter by letter now (:func:`_letter_readings`, ICU: ~5 ms),
    when the screener loads, not on the first Arabic-script query that asks."""
    _letter_readings()


def common_word(word: str) -> bool:
    """Is ``word`` (read from Arabic script) a common name word: :data:`COMMON_WORDS`, or
    (round two, ``letter_common``) a table word read letter by letter ("على رضا" read "ly
    rda" is Ali Reza still: "علی رضا عبدالعلی" is not ALI REZA BALALI, "bdally" / "blaly")?"""
    return word in COMMON_WORDS or word in _letter_readings()


def common_words_only(
    q_words: tuple[str, ...], pairs: list[tuple[int, int, float, int, int]], close: float,
    cut: float,
) -> bool:  # fmt: skip
    """Do two persons' names, the query's read from Arabic script, agree (``close``) only on
    common name words (:func:`common_word`), every other query word paired with a near-miss
    (under ``cut``; since 1.24, ``common_words``)? "علی رضا کرمانی" (Alireza Kermani) agrees
    with KASHANI, Alireza on a given name thousands share, and Kermani is not Kashani: the
    near-miss counts as one on the one distinctive word of a name does (2 * sim - 1, or a
    slip's), not as a spelling of the family name beside a common name that agrees."""
    agree = missed = False
    for i, _j, sim, q_span, c_span in pairs:
        if all(common_word(w) for w in q_words[i : i + q_span]):
            agree = agree or sim >= close
        elif sim >= cut or q_span != 1 or c_span != 1:
            return False
        else:
            missed = True
    return agree and missed


def other_table_names(query_word: str, listed_word: str) -> bool:
    """Are a query word read from Arabic script and a listed word two different readings of
    the name-word table (since 1.24, ``table_names``: "jamal" / JAMIL, "salim" / SALIH,
    "umar" / AMR)? The table reads the letters as written, and spells each name one way: two
    of its readings are two names, however alike they look."""
    return (query_word != listed_word and query_word in TABLE_READINGS
            and listed_word in TABLE_READINGS)  # fmt: skip


def other_table_vowels(query_word: str, listed_word: str) -> bool:
    """Is a query word read by the name-word table paired with a listed word of its consonants
    but other vowels where both have one (round two, ``table_vowels``;
    :func:`~clearance.matching.vowels.other_vowels`): not the table's reading spelt another
    usual way ("karimi" / KAREEMI), but another name ("کریمی", Karimi, writes its long i: it
    is not KARAMI, کرمی)?"""
    return (query_word != listed_word and query_word in TABLE_READINGS
            and other_vowels(query_word, listed_word))  # fmt: skip


def _undo_initials(
    q_words: tuple[str, ...], c_words: tuple[str, ...], q_used: list[bool], c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
) -> None:  # fmt: skip
    """Undo the pairs of a word read from Arabic script with a listed initial (since 1.19):
    the script writes no initials, so such a pair stands only for a name whose every listed
    word is paired ("عبد اللطيف علوي" / A. ABDUL LATIF), not for one whose family name is left
    over ("أغاريد عبد اللطيف" is no SALEH, Abdul Latif A.A.)."""
    if all(used or len(w) == 1 for w, used in zip(c_words, c_used, strict=True)):
        return  # (no listed word is left over)
    for k in range(len(pairs) - 1, -1, -1):
        i, j, _sim, q_span, c_span = pairs[k]
        if q_span == 1 and c_span == 1 and len(c_words[j]) == 1 and len(q_words[i]) > 1:
            del pairs[k]
            q_used[i] = c_used[j] = False


def _misread(query_word: str, listed_word: str) -> bool:
    """Do a word read from Arabic script and a listed word pair only by a misreading: the
    glued article's "a" taken for a listed initial, or a nisba for the word without it?"""
    return (listed_word == "a" and _article_word(query_word)) or _nisba(query_word, listed_word)


def _split_compound(
    q_words: tuple[str, ...], c_words: tuple[str, ...], q_used: list[bool], c_used: list[bool],
    i: int, j: int,
) -> bool:  # fmt: skip
    """Is one of the paired words ``q_words[i]``, ``c_words[j]`` the divine name of an abd
    al- compound whose first word is unpaired, and the other a word, not an initial ("A. M.
    ALHAWSAWI": an initial stands for the whole compound, Abdulaziz), whose predecessor is
    paired or that has none (else that predecessor may be "abd" spelt another way: "Abid
    Hamid" for عابد حامد, romanised "abd hamid")?"""
    if _after_free_abd(q_words, q_used, i):
        return _lone_half(q_words[i], c_words, c_used, j)
    if _after_free_abd(c_words, c_used, j):
        return _lone_half(c_words[j], q_words, q_used, i)
    return False


def _lone_half(half: str, words: tuple[str, ...], used: list[bool], k: int) -> bool:
    """Is ``half`` a divine name and ``words[k]``, paired with it, a word of its own?"""
    if half not in DIVINE_NAMES or len(words[k]) == 1:
        return False
    return not _after_free_abd(words, used, k) and not (
        k > 0 and not used[k - 1] and _ABD_LIKE.fullmatch(words[k - 1]) is not None
    )


# a word that may be "abd" spelt another way ("Abid", "Abed", "Abdo"): b and d with vowels
# around them (since 1.24, ``abd_whole``: "Yasin Baynah ALI" is no "Yasin Abdulali", and
# "baynah" no spelling of abd)
_ABD_LIKE = re.compile(r"[aeiou]?b+[aeiouy]*d+[aeiouy]*")


def _after_free_abd(words: tuple[str, ...], used: list[bool], i: int) -> bool:
    return i > 0 and words[i - 1] in ABD_WORDS and not used[i - 1]


# name words of the table that begin with "al" without an article ("alawi", "alireza")
_AL_NAMES = frozenset(v for v in NAME_WORDS.values() if v.startswith("al"))


def _article_word(word: str) -> bool:
    """Does ``word`` (read from Arabic script) begin with the glued article ("alhda")?"""
    return len(word) > 3 and word.startswith("al") and word not in _AL_NAMES


_CONSONANT_END = frozenset("bcdfghjklmnpqrstvwxz")  # a Latin word's last letter, not a vowel
# table words read with an -i the Arabic does not write ("حاج" haji, "ربيع" rabi)
_UNWRITTEN_I = frozenset(v for k, v in NAME_WORDS.items() if v[-1] == "i" and k[-1] not in "يی")


_READ_VOWELS = re.compile(r"[a-z]*[eiou][a-z]*")  # a Latin word that writes a short vowel


def _unvowelled(word: str) -> bool:
    """Is ``word`` more than an initial and written without a short vowel (e, i, o, u), as a
    letter-by-letter reading of Arabic script writes it?"""
    return len(word) > 1 and not _READ_VOWELS.fullmatch(word)


@lru_cache(maxsize=4096)
def _read_nisba(word: str) -> bool:
    """Is ``word`` (in Latin letters) a nisba read letter by letter from Arabic script (since
    1.21): no short vowel written (no e, i, o or u: the script writes none, and a
    letter-by-letter romanisation such as ICU's writes a long vowel a, w or y), a consonant
    and a y at the end ("mhmdy", "drghamy", "ahmdy": Mohammadi, Darghami, Ahmadi)? A name
    typed with its vowels ("Karimi", "Georgi") is not read so: its -i may be a slip or
    another spelling of the same name."""
    return (len(word) > 3 and word[-1] == "y" and word[-2] in _CONSONANT_END
            and word.isascii() and word.isalpha() and not _READ_VOWELS.fullmatch(word))  # fmt: skip


@lru_cache(maxsize=4096)
def _reads_nisba(words: tuple[str, ...]) -> bool:
    """Is a Latin query name of ``words`` written as Arabic script writes it — no short vowel
    (e, i, o, u) and no initial in any word ("yasyn ahmdy"; "Mary Taylor" is typed) — with a
    word that reads a nisba (:func:`_read_nisba`)?"""
    return all(map(_unvowelled, words)) and any(map(_read_nisba, words))


@lru_cache(maxsize=4096)
def read_from_arabic(script: str, words: tuple[str, ...]) -> bool:
    """Is a name of ``words`` in ``script`` read from Arabic script: written in it, or in
    Latin letters letter by letter as the script writes it (since 1.21: no short vowel, e, i,
    o or u, in any word and no vowel at all in one, "mhmd thrany", "nwr aldyn trabyn", as ICU
    romanises; "Mohammad Tehrani" and "Adnan Al-Jabbar" are typed, and so is a name with an
    initial, which the script does not write: "M. HRYB", "S. A. TSYB")?"""
    if script == ARABIC:
        return True
    return (script == LATIN and all(w.isascii() and _unvowelled(w) for w in words)
            and any("a" not in w for w in words))  # fmt: skip


def _may_be_nisba(q_words: tuple[str, ...]) -> bool:
    """Does a word of ``q_words`` end as a nisba may (:func:`_nisba`)?"""
    return any(word[-1:] in _NISBA_ENDS for word in q_words)


def _nisba(query_word: str, listed_word: str) -> bool:
    """Does ``query_word`` (read from Arabic script, Latin or native) end in a written long
    -i after a consonant ("muhammadi", "nuri"; "محمدي") where ``listed_word`` ends in a
    consonant ("mohammed", "nur"; "محمد")? The long vowel is written in Arabic script, so the
    query names the nisba, not the listed name; a listed word that ends in a vowel ("ALY",
    "NOURI") is the ending spelt."""
    if len(query_word) < 3 or len(listed_word) < 2:
        return False
    last, before = query_word[-1], query_word[-2]
    if last in "iy":
        bare = query_word[2:] if query_word.startswith("al") else query_word
        return (before in _CONSONANT_END and listed_word[-1] in _CONSONANT_END
                and query_word not in _UNWRITTEN_I and bare not in _UNWRITTEN_I)  # fmt: skip
    return last == "ي" and before not in "ياوى" and listed_word[-1] not in "يىاوهة"


_ABD, _ARTICLE, _ALLAH = "عبد", "ال", "الله"


def abd_compounds(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a (normalised) Arabic-script name with each ``عبد ال-`` compound written
    as the canonical form writes a listed one, "abdul" and the divine name without its
    article (since 1.16): "عبد الرحمن" and "عبدالرحمن" as "عبدال رحمن" (skeletons "bdl rhmn",
    as Abdul Rahman, Abdelrahman), "عبد الله" and "عبدالله" as "عبدال" ("bdl", as Abdullah)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        word, rest = tokens[i], ""
        if word == _ABD and i + 1 < len(tokens) and tokens[i + 1].startswith(_ARTICLE):
            rest, i = tokens[i + 1], i + 2
        elif word.startswith(_ABD + _ARTICLE) and len(word) > 5:
            rest, i = word[3:], i + 1
        else:
            out.append(word)
            i += 1
            continue
        out.append(_ABD + _ARTICLE)
        if rest not in (_ALLAH, _ARTICLE + "له") and len(rest) > 2:
            out.append(rest[2:])
    return tuple(out)


def abd_second_word(word: str, before: str) -> str:
    """An Arabic-script word as a listed abd al- compound's second word is written: without the
    compound's "عبد ال" (since 1.18: "عبدالرزاك" as "رزاك", against RAZZAK, the second word of
    the listed "Abd al-Razzak" the canonical form makes; "عبد المنجي" as "منجي" against
    Abdelmongy's MONGY). ``before``: the word before it. A part with no consonant to place
    vowels on ("حي" of "عبد الحي": its ح is a last h, which a skeleton leaves out) is the part
    too, with nothing to agree or disagree with (``abd_hayy``, since 1.25: as written,
    "الحي" (skeleton l) stood in no listed word, and "عبد الحي احمد عبد الوهاب" stayed at the
    skeleton's discount against ABD-AL-WAHAB, Abd-al-Hai Ahmad, 0.69)."""
    if word.startswith(_ABD + _ARTICLE) and len(word) > len(_ABD + _ARTICLE):
        return word[len(_ABD + _ARTICLE) :]
    if before == _ABD and word.startswith(_ARTICLE) and len(word) > len(_ARTICLE):
        return word[len(_ARTICLE) :]
    return word


_TA_MARBUTA, _TA = "ه", "ت"  # (normalised, a ta marbuta is written as heh)
# a word with its own article: al-, li-l-, bi-l-, wa-l- ("للتجارة", for the trade)
_WITH_ARTICLE = ("ال", "لل", "بال", "وال")


def construct_state(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a (normalised) Arabic-script name with the ta marbuta of a word before
    one with the article (or before "الله") written as the t it is read as (since 1.22): the
    first noun of a construct ("عصبة الأنصار", Asbat al-Ansar; "جماعة الجهاد", Jamaat
    al-Jihad; "هيئة الله", Hayatullah) says its t, and the lists write it. That noun has no
    article of its own ("التجارة العامة", "للتجارة العامة" are a noun and its adjective), and
    a word that ends in "الله" ("عبدالله") has its heh from it.
    Normalised, a ta marbuta is a heh: an alternative reading, as a heh may be a letter of its
    own ("طه الهاشمي", whose skeleton is the same either way). Names without one come back as
    they are (the same tuple)."""
    out: list[str] | None = None
    for i in range(len(tokens) - 1):
        word = tokens[i]
        if (len(word) > 2 and word[-1] == _TA_MARBUTA and tokens[i + 1].startswith(_ARTICLE)
                and not word.startswith(_WITH_ARTICLE) and not word.endswith(_ALLAH)):  # fmt: skip
            out = list(tokens) if out is None else out
            out[i] = word[:-1] + _TA
    return tokens if out is None else tuple(out)


_ENDINGS = {"الدين": "دين", "الدین": "دين", "الله": "له"}  # (without the article)


def din_compounds(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a (normalised) Arabic-script name with each "X al-Din" and "X Allah"
    compound written as one word, the way most lists write them (since 1.17): "ناصر الدين" and
    "ناصرالدين" as "ناصردين" (skeleton "nsrdn", as Nasiruddin, Nasreddin; "X dn" as JAMAL
    EDDIN runs together), "سيف الله" as "سيفله" ("sfl", Seifollah, Saifullah). Names without
    such a compound come back as they are."""
    out: list[str] = []
    for word in tokens:
        bare = _ENDINGS.get(word)
        if bare is not None and out and not out[-1].endswith(tuple(_ENDINGS.values())):
            out[-1] += bare
            continue
        for ending, rest in _ENDINGS.items():
            if word.endswith(ending) and len(word) > len(ending) + 1:
                word = word[: -len(ending)] + rest
                break
        out.append(word)
    return tuple(out)


def undo_other_consonants(
    q_words: tuple[str, ...], c_words: tuple[str, ...], q_used: list[bool], c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]], close: float,
) -> None:  # fmt: skip
    """Undo (in place) the near-miss pairs (similarity under ``close``) of a person's name
    read letter by letter from Arabic script (:func:`read_from_arabic`) whose words write
    other consonants (:func:`~clearance.matching.slips.other_consonants`; since 1.21: the
    letters are the script's, "shryf anmar" is no Ammar AL-SHARIF)."""
    for k in range(len(pairs) - 1, -1, -1):
        i, j, sim, q_span, c_span = pairs[k]
        if (sim < close and q_span == 1 and c_span == 1 and len(c_words[j]) > 1
                and other_consonants(q_words[i], c_words[j])):  # fmt: skip
            del pairs[k]
            q_used[i] = c_used[j] = False
