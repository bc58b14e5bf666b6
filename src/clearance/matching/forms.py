"""Name forms: every rendering of a name the matcher compares, for the query and the index alike.

Both sides call :func:`name_forms`, so whether legal forms are split off and which forms get a
consonant skeleton is decided here, once. The query side (:func:`query_forms`) also says how far
a match through each rendering is trusted (declared in
:class:`~clearance.matching.params.TrustParams`); retrieval bounds and scores use that one number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from clearance.matching.acronyms import beside_acronym
from clearance.matching.arabic_names import all_vowelled, lookup, normalise_arabic
from clearance.matching.bgn import bgn_reading
from clearance.matching.burmese import honorific_readings
from clearance.matching.compounds import abd_compounds, construct_state, din_compounds
from clearance.matching.fieldcuts import abbreviated_readings, completions, cut_word
from clearance.matching.formslips import (
    first_word_form_reading,
    misspelt_form_reading,
    misspelt_forms,
)
from clearance.matching.hebrew import hebrew_reading, hebrew_skeletons, is_hebrew, listed_readings
from clearance.matching.index import KIND_LATIN, KIND_NATIVE, KIND_SKELETON
from clearance.matching.legalforms import iso_legal_form, one_word_forms
from clearance.matching.normalize import (
    NameForm,
    analyse,
    fold,
    name_script,
    query_parts,
    skeleton,
    slavic_readings,
)
from clearance.matching.numerals import without_generation
from clearance.matching.ocr import digits_read
from clearance.matching.params import TrustParams
from clearance.matching.query import Query
from clearance.matching.retrieve import QueryForm
from clearance.matching.romanised import list_readings, script_readings
from clearance.matching.scripts import arabic_skeleton
from clearance.matching.somali import somali_reading
from clearance.matching.syllables import syllable_name
from clearance.matching.vocab import LEGAL_FORM_PHRASES, LOW_INFO_WORDS
from clearance.model import Schema
from clearance.scripts import ARABIC, HAN, HANGUL, HEBREW, LATIN

Skeleton = Callable[[str, str], str]
DEFAULT_TRUST = TrustParams()
_SKELETON_SCHEMAS = (Schema.PERSON, Schema.ORGANIZATION)


def legal_form_splits(schema: Schema | None) -> tuple[bool, ...]:
    """Whether legal forms are split off a name of type ``schema``: off organisation names, not
    off person names (initials such as "A. S." are not a joint-stock company); when the type is
    unknown (a query may not say), both."""
    if schema is Schema.PERSON:
        return (False,)
    return (True, False) if schema is None else (True,)


def _has_skeleton(form: NameForm, schema: Schema | None, query: bool) -> bool:
    """Which forms are also matched on their consonants alone: a query's Arabic-script name
    (it is written without its vowels) against the skeletons of the listed Latin names of
    persons and organisations."""
    if query:
        return form.native and form.script == ARABIC
    return not form.native and schema in _SKELETON_SCHEMAS


def name_forms(
    text: str,
    schema: Schema | None,
    *,
    query: bool,
    skeleton: Skeleton = skeleton,
    hebrew: bool = False,
) -> Iterator[tuple[NameForm, int]]:
    """Every comparable form of ``text`` (one part of a name) with its kind: the forms of
    :func:`~clearance.matching.normalize.analyse` (legal forms split as
    :func:`legal_form_splits` says), each followed by its consonant skeleton where it has one.
    ``skeleton`` may be a memoised :func:`~clearance.matching.normalize.skeleton`. ``hebrew``:
    a query in Hebrew script (its caller, :func:`_query_forms`, knows): the first form is
    followed by the Hebrew skeleton readings of ``text`` (see :mod:`clearance.matching.hebrew`),
    none when ``text`` has no Hebrew word."""
    for split in legal_form_splits(schema):
        for form in analyse(text, split_forms=split, query=query):
            yield form, KIND_NATIVE if form.native else KIND_LATIN
            if hebrew:
                hebrew = False  # (once, after the first form: the skeletons are the text's)
                for skel in hebrew_skeletons(text):
                    yield NameForm(skel, form.forms, HEBREW), KIND_SKELETON
            if not _has_skeleton(form, schema, query):
                continue
            seen: set[tuple[str, ...]] = set()
            for words in _skeleton_words(form.tokens) if query else (form.tokens,):
                skel = tuple(s for s in (skeleton(t, form.script) for t in words) if s)
                if skel and skel not in seen:
                    seen.add(skel)
                    yield NameForm(skel, form.forms, form.script), KIND_SKELETON


_JIM, _GAF = "ج", "گ"  # (گ has the skeleton letter g)
_DAD, _ZAY = "ض", "ز"  # (ز has the skeleton letter z)


def _skeleton_words(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The words of an Arabic-script query whose skeletons are matched: its abd al- compounds
    as the lists write them (:func:`~clearance.matching.compounds.abd_compounds`), and (since
    1.17) its "X al-Din" compounds as one word (:func:`~clearance.matching.compounds.
    din_compounds`) and its ج read as the g of Egyptian and Levantine names (Gamal, Ragab,
    "جراد" / GARAAD) as well as j; and (since 1.22) with the ta marbuta of a construct's first
    noun read as t (:func:`~clearance.matching.compounds.construct_state`: "عصبة الأنصار",
    "sbt lnsr" as ASBAT AL-ANSAR); and (round two, h124) its ض read as the z of Persian and
    Urdu names as well as d ("فضل" / FAZAL, "رمضان" / RAMZAN, "رياض" / RIAZ)."""
    words = abd_compounds(tokens)
    out = [words]
    construct = construct_state(tokens)
    if construct is not tokens:
        out.append(abd_compounds(construct))
    for spelt in list(out):
        din = din_compounds(spelt)
        if din != spelt:
            out.append(din)
    if any(_JIM in word for word in words):
        out += [tuple(word.replace(_JIM, _GAF) for word in w) for w in list(out)]
    if any(_DAD in word for word in words):
        out += [tuple(word.replace(_DAD, _ZAY) for word in w) for w in list(out)]
    digraphs = tuple(map(digraph_reading, words))
    if digraphs != words:
        out.append(digraphs)
    return out


# a consonant before ha that Latin letters write as one sound with the h after it
_DIGRAPHS = {"ت": "ث", "ط": "ث", "س": "س", "ش": "س", "ص": "س", "د": "ذ", "ض": "ذ", "ك": "ك",
             "ق": "ك", "غ": "غ", "گ": "غ", "ز": "ز"}  # fmt: skip
_DIGRAPH = re.compile("([" + "".join(_DIGRAPHS) + "])ح")


def digraph_reading(word: str) -> str:
    """An Arabic-script word with each consonant followed by ح written as the one letter whose
    skeleton the Latin digraph of the two has (since 1.23): the lists write t-h, s-h, d-h and
    k-h together as th, sh, dh, kh, which a Latin skeleton reads as one consonant ("فتحي" as
    Fathi, "fs" not "ft"; "إسحاق" as Ishaq, "sk"). An alternative skeleton: the h may be
    written apart too ("Fat-hi"). Not for ه, which Persian names write often ("ده", "زه":
    an extra skeleton for each costs more than the few names it finds)."""
    if _DIGRAPH.search(word) is None:  # (most words: one look, in C)
        return word
    return _DIGRAPH.sub(_one_letter, word)


def _one_letter(m: re.Match[str]) -> str:
    return _DIGRAPHS[m.group(1)]


def query_forms(
    query: Query, trust: TrustParams = DEFAULT_TRUST, vocab: Mapping[str, int] | None = None
) -> list[QueryForm]:
    """Every rendering of the query name to match against the index, with its trust: the name
    as written, then its parts (places and qualifiers left out, a/k/a names apart) and the
    German and French readings of a Slavic name, trusted a little less; consonant skeletons
    trusted less again (:func:`skeleton_trust`). With the index's ``vocab``, the forms screened:
    of a Hebrew-script name's skeleton readings, those
    :func:`~clearance.matching.hebrew.listed_readings` picks (the query's script is known here
    once, from :func:`_query_forms`)."""
    forms, hebrew = _query_forms(query.name, query.schema, trust)
    if hebrew and vocab is not None:
        return listed_readings(forms, vocab, trust.vowelled_skeleton)
    cut = cut_word(query.name) if vocab is not None else None
    if cut is not None and vocab is not None:  # (h165: a name cut by a payment field)
        forms = forms + _completed(query, cut, vocab, forms, trust)
    if query.schema is Schema.ORGANIZATION and vocab is not None:
        forms = forms + _read_as(abbreviated_readings(query.name, vocab), query, forms, trust)
    return forms


def _completed(
    query: Query, cut: re.Match[str], vocab: Mapping[str, int], forms: list[QueryForm],
    trust: TrustParams,
) -> list[QueryForm]:  # fmt: skip
    """The Latin forms of ``query``'s name with its cut last word (``cut``) read as each listed
    word it begins (``fieldcuts.completions``), trusted as a part is."""
    texts = [query.name[: cut.start()] + w for w in completions(cut.group().lower(), vocab)]
    return _read_as(texts, query, forms, trust)


def _read_as(
    texts: list[str], query: Query, forms: list[QueryForm], trust: TrustParams
) -> list[QueryForm]:
    """The Latin forms of ``texts`` (readings of ``query``'s name) not among ``forms``,
    trusted as a part is (h169: a business word abbreviated, ``fieldcuts.expansions``)."""
    seen = {f.form for f in forms}
    out: list[QueryForm] = []
    for text in texts:
        for form in _query_forms(text, query.schema, trust)[0]:
            if form.kind == KIND_LATIN and form.form not in seen:
                seen.add(form.form)
                out.append(QueryForm(form.form, KIND_LATIN, min(form.trust, trust.part)))
    return out


@lru_cache(maxsize=20_000)
def _query_forms(
    name: str, schema: Schema | None, trust: TrustParams
) -> tuple[list[QueryForm], bool]:
    """The query forms of ``name`` and whether it is in Hebrew script (the one place that
    asks: :func:`name_forms` makes its skeleton readings when told)."""
    hebrew = not name.isascii() and is_hebrew(name)
    parts = query_parts(name)
    named = beside_acronym(name) if schema is Schema.ORGANIZATION else None
    if named is not None and named not in parts:  # ("KDT - KOREA DAIZIN TRADING": h192)
        parts.append(named)
    texts = [(part, schema, 1.0 if i == 0 else trust.part) for i, part in enumerate(parts)]
    latin = name.isascii() or name_script(name) == LATIN
    korean: frozenset[str] = frozenset()  # a Korean name's readings from its script
    if schema in (Schema.PERSON, None) and latin:
        # "Lee Yong-ho" as the lists spell it, RI Yong Ho (round two, h136): first, as the
        # name's own spelling, so that the records it reaches are kept before the many that
        # a word no list spells ("rhee") lets the name as typed reach
        readings = list_readings(name)
        texts[:0] = [(reading, Schema.PERSON, trust.list_reading) for reading in readings]
    elif schema in (Schema.PERSON, None):  # "최준식" as the lists may write it: CHOE Chun Sik
        korean = frozenset(script_readings(name, name_script(name)))
        texts += [(reading, Schema.PERSON, trust.script_reading) for reading in sorted(korean)]
    if schema in (Schema.PERSON, None) and latin and not _typed_syllables(name):
        # "Wiktor Michailowitsch", "Iouri", "Walérewitsch": read as a person's name (no legal
        # form split off); not a name of Chinese or Korean syllables, which no German or French
        # writer spells the Russian way ("wei lin" is no "vei lin", "jing" no "ying")
        texts += [(reading, Schema.PERSON, trust.part) for reading in slavic_readings(name)]
    if "ë" in name or "Ë" in name:
        # BGN/PCGN's ё: folded it is "e"; as "yo" it is the passport's (and Korean) spelling
        yo = name.replace("ë", "yo").replace("Ë", "Yo")
        texts += [(part, schema, trust.yo_reading) for part in query_parts(yo)]
    english = bgn_reading(name) if latin else None
    if english is not None:  # "YOINT STOTSK TSOMPANY": a Latin name written in Russian
        texts += [(part, schema, trust.bgn_reading) for part in query_parts(english)]
    somali = somali_reading(name) if latin and schema is not Schema.ORGANIZATION else None
    if somali is not None:  # "Maxamed Cali Xasan": the Somali orthography (h194)
        texts += [(part, schema, trust.part) for part in query_parts(somali)]
    if latin and schema is Schema.PERSON:  # (h196) without the generation after the name
        # ("Atul GUPTA II", "John SMITH, Jr."), without a Burmese honorific before it ("U Tin OO")
        for bare in (without_generation(name), *honorific_readings(name)):
            texts += [(part, schema, trust.part) for part in query_parts(bare)] if bare else []
    read = digits_read(name) if latin else None
    read_parts = query_parts(read) if read is not None else []
    # "M0HAMMED 5ALAH": the digits OCR read for letters as those letters
    texts += [(part, schema, trust.ocr_reading) for part in read_parts]
    out: list[QueryForm] = []
    seen: set[NameForm] = set()
    spelled: tuple[NameForm, float] | None = None  # the last new spelled form and its trust
    read_form: NameForm | None = None  # (the first form of the digits OCR read, h185)
    for text, as_schema, part_trust in texts:
        for form, kind in name_forms(text, as_schema, query=True, hebrew=hebrew):
            if kind == KIND_LATIN and text in korean:  # (its syllables held as Hangul's are)
                form = NameForm(form.tokens, form.forms, HANGUL)  # noqa: PLW2901
            if read_form is None and kind == KIND_LATIN and read_parts[:1] == [text]:
                read_form = form
            if kind != KIND_SKELETON:
                spelled = None if form in seen else (form, part_trust)
                if spelled is not None:
                    seen.add(form)
                    out.append(QueryForm(form, kind, part_trust))
            elif spelled is not None and form.script == HEBREW:  # (see .hebrew: its guard)
                words, vowels = hebrew_reading(text)
                letters = spelled[1] * skeleton_trust(form, trust)
                full = spelled[1] * skeleton_trust(form, trust, 0, vowels) if vowels else letters
                out.append(QueryForm(form, kind, letters * trust.vowelled_skeleton, full,
                                     words))  # fmt: skip
            elif spelled is not None:  # the skeleton of a new spelled form
                out.append(_skeleton_form(form, *spelled, trust, schema is Schema.PERSON))
    if schema is not Schema.PERSON and out and out[0].kind == KIND_LATIN:
        first = out[0].form
        out += _form_readings(first, parts[0] if parts else name, schema, seen, trust, 1.0)
        if read_form is not None and read_form != first:
            # "PSK0VNEFTEPRODUKTOOO": the digits OCR read as letters, then the form (h185)
            seen |= {f.form for f in out}
            out += _form_readings(read_form, read_parts[0], schema, seen, trust,
                                  trust.ocr_reading)  # fmt: skip
    return out, hebrew


def _form_readings(
    form: NameForm, text: str, schema: Schema | None, seen: set[NameForm],
    trust: TrustParams, scale: float,
) -> list[QueryForm]:  # fmt: skip
    """A company's name ``form`` (of ``text``) with a misspelt legal form read as the form, a
    word of it kept, or a form run onto a word read apart, trusted by ``scale`` too."""
    out: list[QueryForm] = []
    if form.script in (HAN, HANGUL) or syllable_name(form.tokens):
        # (a name of Chinese or Korean syllables, read from Han or Hangul or typed, has no
        # misspelt Latin legal form: 碁宏, "qi hong", is no "Qi" ONG)
        return out
    # "Umatex SJC": the name with a misspelt legal form read as the form
    reading = misspelt_form_reading(form, organization=schema is Schema.ORGANIZATION)
    if reading is not None and reading not in seen:
        out.append(QueryForm(reading, KIND_LATIN, trust.misspelt_form * scale))
        # "JC TPE": the first word may be the form as well as the last
        other = first_word_form_reading(form)
        if other is not None and other not in seen and other != reading:
            out.append(QueryForm(other, KIND_LATIN, trust.misspelt_form * scale))
    reading = _form_word_kept(text, form)
    if reading is not None and reading not in seen:
        out.append(QueryForm(reading, KIND_LATIN, trust.misspelt_form * scale))
    # "THAMESTONESA": a one-word name with its legal form run onto it
    reading = glued_form_reading(form, trust)
    if reading is not None and reading not in seen:
        out.append(QueryForm(reading, KIND_LATIN, trust.glued_form * scale))
    return out


def _form_word_kept(text: str, split: NameForm) -> NameForm | None:
    """The other reading of a two-word company name whose split left one word that is itself
    a misspelt legal form (1.23, ``form_word_kept``): "MMK POA" split "mmk" off as a legal form
    (MMC, an Azerbaijani LLC, respelt) and left "poa"; read "poa" as the misspelt form (PAO)
    instead, and the name word "mmk" is kept (MMK PAO). Both words are form-like, so the
    reading that leaves a name word is matched too, unless the word it keeps is a legal form
    as written."""
    if len(split.tokens) != 1 or not split.forms:
        return None
    whole = [f for f in analyse(text, split_forms=False, query=True) if not f.native]
    if not whole or len(whole[0].tokens) != 2:  # noqa: PLR2004 (two words: one form, one name)
        return None
    kept = tuple(w for w in whole[0].tokens if w != split.tokens[0])
    # a form as written stays one ("Wood PLC" is no "ood" PLC; "Verus LLC" is left alone)
    if len(kept) != 1 or kept in LEGAL_FORM_PHRASES or iso_legal_form(kept):
        return None
    if not misspelt_forms(split.tokens[0]):
        return None
    reading = misspelt_form_reading(whole[0], organization=True)
    return None if reading is None or reading.tokens != kept else reading


def _typed_syllables(name: str) -> bool:
    """Is ``name`` a Chinese or Korean name of syllables typed in Latin letters, each of two
    letters or more ("wei lin"; in "E. Wang" the "e" is an initial)?"""
    words = tuple(fold(name).split())
    return syllable_name(words) and min(map(len, words)) > 1


def _skeleton_form(
    form: NameForm, spelled: NameForm, base: float, trust: TrustParams, person: bool
) -> QueryForm:
    """The query form of the skeleton ``form`` of ``spelled`` (trusted ``base``), with its
    trust: when every word of ``spelled`` gives its vowels, the spelled form speaks and
    consonants alone do not (``vowelled_skeleton``), unless the vowels known agree with the
    listed name's (``spelled_skeleton``: :func:`clearance.matching.spelled.record_trust`)."""
    # (see clearance.matching.spelled: a short skeleton whose vowels agree is trusted more)
    full = trust.spelled_full_letters
    short = sum(len(t) for t in form.tokens) < full  # (else no letter more changes the trust)
    lifted = base * skeleton_trust(form, trust, full, _unwritten(spelled.tokens) if short else 0)
    plain = base * skeleton_trust(form, trust)
    if not all_vowelled(spelled.tokens):
        return QueryForm(form, KIND_SKELETON, plain, lifted if lifted > plain else 0.0,
                         spelled.tokens, person)  # fmt: skip
    return QueryForm(form, KIND_SKELETON, plain * trust.vowelled_skeleton,
                     lifted * trust.spelled_skeleton, spelled.tokens, person)  # fmt: skip


def _unwritten(words: tuple[str, ...]) -> int:
    """How many words of an Arabic-script name the name-word table reads have no skeleton
    letter ("يحيى", Yahya: its y and h write none)."""
    return sum(1 for w in words if not arabic_skeleton(w) and lookup(normalise_arabic(w)))


def skeleton_trust(form: NameForm, trust: TrustParams, full: int = 0, extra: int = 0) -> float:
    """How far a match on consonants alone is trusted: less than spelled names, and far less
    for a short skeleton ("ln d" agrees with half the names of a list) — one of fewer than
    ``full`` consonants (by default ``TrustParams.skeleton_full_letters``). ``extra``: words
    counted as a letter each (since 1.23, at the spelled trust: a word the table reads whose
    skeleton writes no letter, "يحيى", agrees with a listed word as spelt, or is not lifted:
    "يحيى جمه" / JAMMEH, Yahya is "jm" and Yahya, not "jm" alone)."""
    letters = sum(len(t) for t in form.tokens) + extra
    return trust.skeleton * min(1.0, letters / (full or trust.skeleton_full_letters))


# -- a legal form run onto a word ("THAMESTONESA", "BANKJSC", "OOOIK") -------------------------
_FORM_VOWELS = frozenset("aeiouy")
_GLUED_FORMS = {w: c for w, c in one_word_forms().items() if w.isalpha() and len(w) >= 2}


def glued_form_reading(form: NameForm, trust: TrustParams) -> NameForm | None:
    """A company name with its legal form run onto its last word ("THAMESTONESA", "EPMMC" for
    EP-MMC; since 1.22 "UNISTREAM COMMERCIAL BANKJSC", "SOPHYCHEM HKLIMITED") or onto its
    first ("OOOIK AEON", since 1.22) read as the name and the form: the longest one-word form
    that ends the last word (a two-letter form only after a long one-word name: "Nicolas" is
    not NICOL AS; after a word of a longer name only a form no word ends in, see
    :data:`_GLUED_AFTER_WORDS`: "Industrias Lopez Garcia" is no "Gar" CIA), else a form
    written before a name (:data:`_GLUED_PREFIX_FORMS`) that begins the first word."""
    tokens = form.tokens
    if form.native or not tokens or form.forms:
        return None
    found = _glued_suffix(tokens[-1], trust, alone=len(tokens) == 1)
    if found is not None:
        return NameForm((*tokens[:-1], found[0]), frozenset({found[1]}), form.script)
    found = _glued_prefix(tokens[0], trust)
    if found is not None:
        return NameForm((found[0], *tokens[1:]), frozenset({found[1]}), form.script)
    return None


def _glued_suffix(word: str, trust: TrustParams, *, alone: bool) -> tuple[str, str] | None:
    """``(name, class)`` when ``word`` ends in a legal form run onto it (the longest first;
    ``alone``: the name's one word, else only :data:`_GLUED_AFTER_WORDS`)."""
    table = _GLUED_FORMS if alone else _GLUED_AFTER_WORDS
    for cut in range(trust.glued_form_rest, len(word) - 1):  # the longest form first
        rest = word[:cut]
        generic = rest in _GENERIC_WORDS
        cls = _GLUED_FORMS.get(word[cut:]) if generic else table.get(word[cut:])
        if cls is None or not rest.isalpha():
            continue
        if len(word) - cut >= 3 or cut >= trust.glued_short_form_rest or generic:
            return rest, cls
    return None


# Generic company words a legal form of any length is read off when run onto them (since
# 1.30: "ALFA GROUPSA" / ALFA GROUP S.A., "ABSOLUT BANKPAO" / ABSOLUT BANK PAO; no name word
# is one of them with two more letters: "Nicolas" is no NICOL AS, "Garcia" no GAR CIA)
_GENERIC_WORDS = frozenset(w for w in LOW_INFO_WORDS if len(w) >= 4 and w.isalpha())


def _glued_prefix(word: str, trust: TrustParams) -> tuple[str, str] | None:
    """``(name, class)`` when ``word`` begins with a form written before a name, run onto
    it ("oooik": OOO IK), the name keeping ``trust.glued_form_rest`` letters or more."""
    for form, cls in _GLUED_PREFIX_FORMS.items():
        rest = word[len(form) :]
        if word.startswith(form) and len(rest) >= trust.glued_form_rest and rest.isalpha():
            return rest, cls
    return None


def _after_words() -> dict[str, str]:
    """One-word forms that may be read off the end of the last word of a longer name (since
    1.22): of four letters or more, or of three consonants ("bankjsc", "hklimited",
    "machinerygmbh"); not a form many words end in ("garcia", "hollywood", "kansas": CIA,
    OOD, SAS)."""
    return {w: c for w, c in _GLUED_FORMS.items()
            if len(w) >= 4 or (len(w) == 3 and not _FORM_VOWELS.intersection(w))}  # fmt: skip


# Forms a name is written after (Russian, Kazakh and Uzbek usage: "OOO IK AEON"), read off
# the start of a first word they are run onto (since 1.22); not "pao" ("Paolo") or "too".
_PREFIX_SPELLINGS = ("ooo", "oao", "zao", "jsc", "cjsc", "ojsc", "pjsc", "llc")
_GLUED_PREFIX_FORMS = {w: c for w, c in one_word_forms().items() if w in _PREFIX_SPELLINGS}
_GLUED_AFTER_WORDS = _after_words()
