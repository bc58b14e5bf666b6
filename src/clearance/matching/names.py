"""Name comparison: align the words of a query name with the words of a listed name.

Word similarities come from :mod:`clearance.matching.wordsim`; the alignment
(:mod:`clearance.matching.alignment`) is a greedy best-first pairing over a few words, with
adjacent words run together when one side writes as one word what the other writes as two;
here the pairs are weighed, with weights for what each word says.
"""

from __future__ import annotations

from collections.abc import Container

from clearance.matching.alignment import SYLLABIC_SCRIPTS, pair_more, pair_words, word_pairs
from clearance.matching.arabic_article import DIN
from clearance.matching.company_words import is_place, left_besides_places
from clearance.matching.comparison import NameComparison as NameComparison
from clearance.matching.compounds import (
    common_word,
    common_words_only,
    other_table_names,
    other_table_vowels,
    read_from_arabic,
)
from clearance.matching.fieldtail import EXACT_CUT_SCORE, cut_tail, pair_cut_word
from clearance.matching.initials import (
    initial_rules,
    initials_name,
)
from clearance.matching.namebound import bound as name_bound
from clearance.matching.nameforms import keep_forms
from clearance.matching.numerals import ends_in_numeral, numerals_differ
from clearance.matching.pairing import (
    half_left,
    patronymics_disagree,
    spelt_initials,
    supporting,
    whole_query_merged,
)
from clearance.matching.params import NameParams
from clearance.matching.russian_generic import same_kind_word
from clearance.matching.slips import (
    other_consonants,
    s_surname,
    single_word_sim,
)
from clearance.matching.syllables import (
    all_syllables,
    left_and_missed,
    swapped_syllables,
    syllable_count,
)
from clearance.matching.vocab import (
    other_nasal,
    other_onset,
    vowel_onset,
)
from clearance.matching.weights import WeightedName, query_code_slip
from clearance.matching.wordsim import WordSimilarity
from clearance.scripts import ARABIC, LATIN


def compare(
    query: WeightedName,
    candidate: WeightedName,
    sims: WordSimilarity,
    *,
    person: bool,
    params: NameParams,
    min_score: float = 0.0,
    family: int = 0,
    cut: bool = False,
) -> NameComparison:
    """Score how well ``candidate`` names what ``query`` names (0..1) and say why.

    When even the best pairing of each query word cannot reach ``min_score``, the (exact)
    score is not worked out and an upper bound under ``min_score`` is returned instead.
    ``family``: which listed words are the family name's (bit per word; ``initials``).
    ``cut``: the query is a name a payment field cut off (``fieldtail``; no bound then).
    """
    q_words, c_words = query.form.tokens, candidate.form.tokens
    nq, nc = len(q_words), len(c_words)
    if nq == 0 or nc == 0:
        return NameComparison(0.0, (), q_words, c_words, [False] * nq, [False] * nc, False)
    words = sims.params
    triples = word_pairs(q_words, c_words, sims, person, family)
    if min_score > 0.0 and not (cut and not person):
        bound = name_bound(query, candidate, triples, params, min_score, person, sims)
        if bound is not None and (
            person
            or not (
                query_code_slip(query, c_words, sims, params) or spelt_initials(q_words, c_words)
            )
        ):
            return NameComparison(bound, (), q_words, c_words, [False] * nq, [False] * nc, False)
    pairs, q_used, c_used = pair_words(triples, q_words, c_words, person, words, query)
    syllabic = query.form.script in SYLLABIC_SCRIPTS  # Chinese/Korean: words are syllables
    # Two Korean or Chinese names of syllables, in Latin letters ("li jing yi" / LI Yi)
    typed = person and not syllabic and all_syllables(q_words) and all_syllables(c_words)
    pair_more(query, candidate, sims, pairs, q_used, c_used, person, syllabic or typed, params)
    if sims.raised:  # (h180: forms of one given name, ``nameforms``)
        keep_forms(pairs, q_words, c_words, sims.columns, sims.raised, q_used, c_used, person,
                   family, sims.same, sims.least)  # fmt: skip
    if cut and not person:  # (h171: a cut word that begins the listed word after the paired)
        pair_cut_word(q_words, c_words, pairs, q_used, c_used)
    extra = 0.0  # (a name of initials and one full word: clearance.matching.initials)
    if (person and query.strong == 1 and not syllabic and query.form.script == LATIN
            and initials_name(q_words, query.weights)):  # fmt: skip
        extra = initial_rules(q_words, c_words, query.weights, pairs, q_used, c_used, family,
                              params)  # fmt: skip
    # (a company's name, legal forms and all: "KORY BANK" / KORYO BANK is a slip, "Kory" /
    # KORYO another person, "Lind BV" / LINDA another name)
    whole = (not person and all(q_used) and all(c_used)
             and query.form.forms == candidate.form.forms
             and close_pairs(pairs, params) >= len(pairs) - 1)  # fmt: skip
    matched, total = _paired_weight(query, candidate, pairs, syllabic, params, sims.listed,
                                    whole, person)  # fmt: skip
    # (round two, ``form_conflict``: legal forms that differ are a leftover on both sides
    # too, "King PLC" is not KING TRADE B.V., "Bailey Inc" not BAILEY HOLDINGS PTY LTD)
    # (h193: a place left over is no conflict, ``company_words.left_besides_places``)
    conflict = (
        not person
        and left_besides_places(c_words, c_used)
        and (left_besides_places(q_words, q_used) or other_forms(query, candidate))
    )
    patronymic = params.patronymic_weight
    if person and patronymics_disagree(query.patronymic, q_used, candidate.patronymic, c_used):
        patronymic = params.patronymic_conflict_weight
    total = _add_unpaired_query(total, query, q_used, params, conflict, person,
                                syllabic or typed, patronymic) + extra  # fmt: skip
    return _score(query, candidate, pairs, q_used, c_used, matched, total, conflict, patronymic,
                  person, syllabic, cut, params)  # fmt: skip


def _score(
    query: WeightedName,
    candidate: WeightedName,
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
    matched: float,
    total: float,
    conflict: bool,
    patronymic: float,
    person: bool,
    syllabic: bool,
    cut: bool,
    params: NameParams,
) -> NameComparison:
    """After :func:`compare` weighed the paired words (``matched`` of ``total``) and the
    query's unpaired ones: the listed words left unpaired, then the score with the factors
    for what the two names disagree on (syllables swapped or run together, a field's cut,
    generic words, numbers)."""
    q_words, c_words = query.form.tokens, candidate.form.tokens
    nq, nc = len(q_words), len(c_words)
    listed_syllables = person and syllable_count(c_words) >= params.syllable_name_words
    syllable_names = listed_syllables and all_syllables(q_words)
    if syllable_names:
        # "Yong Su" for Kim Yong Su: a Korean or Chinese name without its family syllable is
        # another person's name, however well the other syllables agree.
        lam = params.unmatched_syllable
    else:
        lam = _unpaired_listed_factor(query, candidate, pairs, q_used, c_used, person,
                                      syllabic, listed_syllables, params)  # fmt: skip
    # (h170: the listed words a payment field cut off the query cost nothing)
    tail, capped = (cut_tail(query, candidate, pairs, q_used, c_used) if cut and not person
                    else (nc, False))  # fmt: skip
    for j in range(tail):
        if not c_used[j]:
            weight = candidate.weights[j]
            if conflict and weight == params.low_info_weight and not is_place(c_words[j]):
                weight = params.conflict_word_weight  # (h193: a place is no conflict)
            elif candidate.patronymic[j]:
                weight = min(weight, patronymic)
            total += lam * weight
    score = matched / total if total > 0 else 0.0
    if syllable_names and swapped_syllables(pairs):
        score *= params.syllable_swap_factor  # "Su Yong" is not "Yong Su"
    if (person and nc > 1 and whole_query_merged(pairs, nq)
            and (syllabic or all_syllables(q_words))):  # fmt: skip
        # A family and a given syllable are two words: run together they make one word of
        # another name ("ma nan" 马楠 is not Abdul MANAN, "wu lin" not VULIN Aleksandar).
        score *= params.merged_syllables_factor
    if capped:
        score = min(score, EXACT_CUT_SCORE)
    elif not person and query.generic and not generic_agree(query, candidate, pairs, q_used,
                                                          c_used, params):  # fmt: skip
        score *= params.generic_name_factor
    q_nums, c_nums = query.numbers, candidate.numbers
    number_conflict = bool(q_nums or c_nums) and q_nums != c_nums
    if not number_conflict and (ends_in_numeral(q_words) or ends_in_numeral(c_words)):
        # "sea star iii" / "ii", "asia bridge v" / "asia bridge", "reyes sr" / "reyes jr"
        number_conflict = numerals_differ(q_words, c_words, person, q_used,
                                          bool(candidate.form.forms))  # fmt: skip
    if number_conflict:
        score *= params.number_conflict_factor
    return NameComparison(min(1.0, score), pairs, q_words, c_words, q_used, c_used, number_conflict)


def _unpaired_listed_factor(
    query: WeightedName,
    candidate: WeightedName,
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
    person: bool,
    syllabic: bool,
    listed_syllables: bool,
    params: NameParams,
) -> float:
    """What a listed word left unpaired costs, a factor of its weight (``listed_syllables``:
    the listed name is one of syllables, the query's not)."""
    q_words = query.form.tokens
    if listed_syllables and not syllabic and left_and_missed(pairs, q_words, c_used, params):
        # (since 1.22) "Kim Hoàng" is not KIM Won Hong: see syllables.left_and_missed
        return params.unmatched_syllable
    if (
        person
        and all(q_used)
        and supporting(pairs, (), params.supported_sim, q_words=q_words) >= params.supported_words
        and not (
            half_left(candidate.weights, c_used, len(pairs))
            and read_from_arabic(query.form.script, q_words)
        )
    ):
        # Every query word agrees, two or more of them well: the listed name only has more
        # words (middle names), which costs less than a word the two names disagree on. Not
        # for a name read from Arabic script that leaves half the listed words over (since
        # 1.21): "محمد تهرانی" names two common words of ZARGAR TEHRANI, Mohammad Ebrahim.
        return params.unmatched_candidate_supported
    return params.unmatched_candidate_person if person else params.unmatched_candidate_org


def generic_agree(
    query: WeightedName,
    candidate: WeightedName,
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
    params: NameParams,
) -> bool:
    """Does a company query of generic words only agree with every listed word, closely
    (since 1.31, issue 11 class 11: a generic word and a legal form are no name; "THE ENERGY
    COMPANY" is not JSC ENERGIES, "LOGISTICS GROUP" not TRUST LOGISTICS GROUP LLC, "AL
    LOGISTICS TRUST", "al" run onto "logistics", not TRUST LOGISTICS LLC)? A query of one
    word generic in listed organisation names and generic words (``query.trade``, since 1.32:
    "Islamic GmbH" is not ISLAMIC GROUP) need only pair every listed word, as a name's words
    pair ("Defence Engineering" / DEFENS INZHINIRING); of two or more such words (since
    1.33), every listed word of full weight ("Iran Aircraft" is IRAN AIRCRAFT MANUFACTURING
    COMPANY, "Forces Armed Limited" not ARMED FORCES GENERAL STAFF). A listed name of one such
    word only (until 1.34 a parenthesised part: "(ASIA)" of ZARON BIO-TECH (ASIA) LIMITED)
    agrees only with a query of that word ("The Technology Asia S.A." is not that company). A
    listed letter is the name's, as a code's, and a listed word written twice need be paired
    once (since 1.34: "PEOPLE ASIA CO." is not G-PEOPLE)."""
    trade = query.trade
    if not trade:  # (h182: two spellings of one Russian kind word agree, "buro" / BYURO)
        q_words = query.form.tokens
        return all(c_used) and all(sim >= params.supported_sim or same_kind_word(
            q_words[qi], candidate.form.tokens[cj]) for qi, cj, sim, _, _ in pairs)  # fmt: skip
    weights = candidate.weights
    c_words = candidate.form.tokens
    for j in range(len(c_used)):  # (plain loops: all() of a list is a generic call compiled)
        word = c_words[j]
        if (
            not c_used[j]
            and (trade == 1 or weights[j] >= 1.0 or len(word) == 1)
            and not _written_twice(word, c_words, c_used)
        ):
            return False
    if len(c_words) == 1 and c_words[0] in query.common:
        for used in q_used:
            if not used:
                return False
    return True


def _written_twice(word: str, c_words: tuple[str, ...], c_used: list[bool]) -> bool:
    """Is the listed ``word`` another paired listed word again, or its plural or singular
    ("SOUTH SHIPPING LINES - IRAN LINE": "line" paired, "lines" need not be)?"""
    stem = word[:-1] if word.endswith("s") else word
    for k in range(len(c_words)):
        other = c_words[k]
        if c_used[k] and other in (word, stem, word + "s"):
            return True
    return False


def other_forms(query: WeightedName, candidate: WeightedName) -> bool:
    """Do both names write a legal form, and no form in common?"""
    q_forms, c_forms = query.form.forms, candidate.form.forms
    return bool(q_forms) and bool(c_forms) and not q_forms & c_forms


def close_pairs(pairs: list[tuple[int, int, float, int, int]], params: NameParams) -> int:
    """How many of ``pairs`` agree closely (``params.supported_sim``)."""
    return sum(1 for _, _, sim, _, _ in pairs if sim >= params.supported_sim)


def _paired_weight(
    query: WeightedName,
    candidate: WeightedName,
    pairs: list[tuple[int, int, float, int, int]],
    syllabic: bool,
    params: NameParams,
    listed: Container[str],
    whole: bool = False,
    person: bool = True,
) -> tuple[float, float]:
    """The agreement and the weight of the paired words (``whole``: every word of both names
    paired, all but one closely; ``person``: a person's names)."""
    qw, cw = query.weights, candidate.weights
    single = query.strong == 1 and candidate.strong == 1
    tokens = query.form.tokens
    arabic = person and query.form.script == ARABIC
    common = (not single and arabic
              and common_words_only(tokens, pairs, params.supported_sim,
                                    params.distinctive_sim))  # fmt: skip
    matched = 0.0
    total = 0.0
    latin = query.form.script == LATIN
    c_tokens = candidate.form.tokens
    for qi, cj, sim, q_span, c_span in pairs:
        if (sim >= 1.0 and qi > 0 < cj and tokens[qi] == DIN == c_tokens[cj]
                and tokens[qi - 1] == c_tokens[cj - 1]):  # fmt: skip
            # Two "X al-Din" compounds the same: one name that agrees, not two words
            # (issue 11, h164: "Drajat Salahudin" is not SALAHUDIN, Maulawi Rajab by two
            # words of three). (Compounds that differ keep what their al-Din halves share:
            # "Ezzeddine" is Izz al-Din, however far "ezz" is from "izz" alone.)
            continue
        if (person and latin and sim < params.distinctive_sim and q_span == c_span == 1
                and s_surname(tokens[qi], candidate.form.tokens[cj])):  # fmt: skip
            # "Adams" is not ADAM: an English surname of its own (slips.s_surname); a person's
            # name only: a company's word with an s ("Versors s.r.o.", "Kalashnikov Concerns")
            # is a plural or a slip of the listed one.
            sim = 0.0
        elif single and sim < params.distinctive_sim and qw[qi] >= 1.0 and q_span == c_span == 1:
            # One distinctive word each: a near-miss on it is the whole name being different,
            # unless it is a typing slip (see slips.single_word_sim).
            alone = len(pairs) == 1 and not query.form.forms & candidate.form.forms
            sim = single_word_sim(query.form.tokens[qi], candidate.form.tokens[cj], sim,
                                  listed, params, typed=query.form.script == LATIN,
                                  arabic=query.form.script == ARABIC,
                                  whole=whole, alone=alone, person=person)  # fmt: skip
        elif (common and sim < params.distinctive_sim and q_span == c_span == 1
              and not common_word(tokens[qi])
              and other_consonants(tokens[qi], candidate.form.tokens[cj])):  # fmt: skip
            # Only common name words agree, and the word that tells the person apart has
            # other consonants: another name (compounds.common_words_only)
            sim = 0.0
        elif (
            arabic
            and q_span == c_span == 1
            and other_table_names(tokens[qi], candidate.form.tokens[cj])
        ):
            # two names of the table: a near-miss on a name the lists hold (listed_word_miss)
            sim = max(0.0, 2 * sim - 1.0) * params.listed_word_miss
        elif (
            arabic
            and sim < params.distinctive_sim
            and q_span == c_span == 1
            and other_table_vowels(tokens[qi], candidate.form.tokens[cj])
        ):
            # the table's reading, other vowels where it writes them: another name, as above
            sim = max(0.0, 2 * sim - 1.0) * params.listed_word_miss
        elif (single or syllabic) and sim < params.distinctive_sim and qw[qi] >= 1.0:
            sim = _syllable_sim(query.form.tokens[qi], candidate.form.tokens[cj], sim, syllabic)
        # A paired word weighs what the lighter side says: a misspelt "Gropu" is still the
        # low-information "Group", an initial is still only an initial.
        q_weight = qw[qi] if q_span == 1 else sum(qw[qi : qi + q_span])
        c_weight = cw[cj] if c_span == 1 else sum(cw[cj : cj + c_span])
        weight = q_weight if q_weight < c_weight else c_weight
        matched += sim * weight
        total += weight
    return matched, total


def _syllable_sim(q_syl: str, c_syl: str, sim: float, syllabic: bool) -> float:
    """A near-miss ``sim`` of one distinctive word each, or of two syllables (``syllabic``:
    Chinese or Korean names), as :func:`_paired_weight` counts it."""
    # In Chinese or Korean a word is one syllable, and a syllable one letter off
    # ("hyon"/"hyok", "chen"/"cheng") is another character; one that starts with a
    # consonant where the other starts with a vowel or y/w ("yong"/"jong", 영/종,
    # "yong"/"myong", 영/명) is another character in every romanisation, as is one
    # that ends in -n where the other ends in -ng ("chen"/"cheng", 陈/成), or starts
    # with a consonant no romanisation writes for the other's ("myong"/"pyong", 명/평).
    other = syllabic and (vowel_onset(q_syl) != vowel_onset(c_syl)
                          or other_nasal(q_syl, c_syl)
                          or other_onset(q_syl, c_syl))  # fmt: skip
    return 0.0 if other else max(0.0, 2 * sim - 1.0)


def _add_unpaired_query(
    total: float,
    query: WeightedName,
    q_used: list[bool],
    params: NameParams,
    conflict: bool,
    person: bool,
    syllabic: bool,
    patronymic: float,
) -> float:
    """``total`` plus the query's unpaired words, one by one. An organisation's leftovers that
    differ on both sides ("Rahab Capital" / "Rahab Institute") count in full."""
    q_words, qw = query.form.tokens, query.weights
    nq = len(q_words)
    for i in range(nq):
        if not q_used[i]:
            weight = qw[i]
            if conflict and weight == params.low_info_weight and not is_place(q_words[i]):
                weight = params.conflict_word_weight
            elif query.patronymic[i]:
                weight = min(weight, patronymic)  # (params.patronymic_conflict_weight)
            elif syllabic and person and len(q_words[i]) == 1 and q_words[i].isalpha():
                weight = params.one_letter_syllable_weight  # 姜雅玲 "kang a ryong"
            elif (person and 0 < i < nq - 1 and len(q_words[i]) >= params.middle_name_length
                  and not syllabic):  # fmt: skip
                weight *= params.middle_name_weight
            total += weight
    return total
