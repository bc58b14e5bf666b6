"""A name's words with what each weighs: :class:`WeightedName`, worked out once per name
(weights, patronymics, numbers), and the tests memoised with a query name across the listed
names it is compared with (code slips, words run together)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Final, cast

from clearance.matching.company_words import is_company_word
from clearance.matching.memo import LastAsked, by_identity, sim_rows
from clearance.matching.normalize import NameForm
from clearance.matching.pairing import Joins
from clearance.matching.params import NameParams, WordParams
from clearance.matching.russian_generic import russian_generic_words
from clearance.matching.slips import CodeSlips, code_slip_words
from clearance.matching.turkish_words import is_business_word
from clearance.matching.vocab import LOW_INFO_WORDS, PERSON_PARTICLES, is_patronymic
from clearance.matching.wordsim import WordSimilarity
from clearance.scripts import LATIN


@lru_cache(maxsize=100_000)
def word_weight(token: str, params: NameParams) -> float:
    return _word_weight(token, params)


def _word_weight(token: str, params: NameParams) -> float:
    if token.isdigit():
        return 1.0
    if len(token) == 1:
        return params.initial_weight
    if token in PERSON_PARTICLES:
        return params.particle_weight
    if (token in LOW_INFO_WORDS or token in russian_generic_words() or is_company_word(token)
            or is_business_word(token)):  # fmt: skip
        return params.low_info_weight  # (since h182 the Russian ones in Latin letters too;
        # since h188 Arabic and Persian company words and Chinese places: ``company_words``;
        # since h195 Turkish business words: ``turkish_words``)
    return 1.0


class WeightedName:
    """A name form with its per-word weights, worked out once per name."""

    __slots__ = ("alone", "common", "form", "generic", "joins", "numbers", "patronymic", "slips",
                 "strong", "total", "trade", "weights")  # fmt: skip

    def __init__(
        self,
        form: NameForm,
        params: NameParams,
        table: WordTable | None = None,
        common: frozenset[str] = frozenset(),
    ) -> None:
        tokens = form.tokens
        self.form = form
        self.joins: Joins | None = None  # (a query name's: see query_joins)
        self.slips: CodeSlips | None = None  # (a query name's: see query_code_slip)
        # (a query name's least weights unpaired, as a person's and an organisation's: see
        # clearance.matching.namebound.unpaired_least)
        self.alone: tuple[list[float], list[float]] | None = None
        if table is None:  # (a caller weighing many names passes word_table(params) once)
            table = word_table(params)
        weights: list[float] = []
        patronymic: list[bool] = []
        numbers: list[str] = []  # the words that are numbers (which must agree)
        strong = 0  # words of full weight
        total = 0.0  # (what sum() gives: the same additions in the same order, from 0.0)
        generic = 0  # generic words, particles and articles
        trade = 0  # words generic in listed organisation names ("machine", "islamic")
        singulars = common_singulars(common) if common else _NO_WORDS
        for token in tokens:  # (plain loops: they compile to native code, a zip(*...) not)
            weight, patronym, is_number = table[token]
            weights.append(weight)
            total += weight
            patronymic.append(patronym)
            if is_number:
                numbers.append(token)
            if weight >= 1.0:
                strong += 1
                # (``token[:2] in _ARTICLES``: no slice made for a word without one)
                article = len(token) >= 2 and token[1] == "l" and token[0] in _ARTICLE_VOWELS
                if article and token[2:] in LOW_INFO_WORDS:
                    generic += 1  # "allogistics": the article run onto a generic word
                elif (
                    token in common
                    or (article and token[2:] in common)
                    or token in singulars  # (a plural's singular: "people" / "peoples")
                ):
                    trade += 1
            elif len(token) > 1:  # (a letter is a code's: "M BANK" / MB BANK)
                generic += 1
        self.weights, self.patronymic = tuple(weights), tuple(patronymic)
        self.total = total  # (what the bounds divide by: once, not per name)
        self.numbers = frozenset(numbers) if numbers else _NO_NUMBERS
        self.strong = strong
        # generic words only, legal forms apart ("THE ENERGY COMPANY", "AL LOGISTICS TRUST"),
        # or words generic in listed organisation names (``common``, the index's
        # ``org_common``) among them (since 1.32 one: "Machine Ltd", "Islamic GmbH", "AL
        # ANSAR"; since 1.33 more: "Forces Armed Limited"): ``trade`` counts them
        self.trade = trade if generic + trade == len(tokens) else 0
        self.generic = generic == len(tokens) or self.trade > 0
        self.common = common  # (what names.generic_agree reads a listed word by)


_ARTICLES = ("al", "el", "ul")  # (as normalize runs the article onto its word)
_ARTICLE_VOWELS = frozenset(a[0] for a in _ARTICLES)  # (each an article's vowel: all end in l)


_NO_NUMBERS: frozenset[str] = frozenset()
_NO_WORDS: frozenset[str] = frozenset()


@by_identity  # (one set per index: its org_common)
def common_singulars(common: frozenset[str]) -> frozenset[str]:
    """The singulars of the plurals among ``common`` ("people" of "peoples"; since 1.34)."""
    return frozenset(word[:-1] for word in common if word.endswith("s"))


class WordTable(dict[str, tuple[float, bool, bool]]):
    """Per word: its weight under one :class:`NameParams`, whether it is a patronymic and
    whether a number, worked out on first use (the same words recur across many names)."""

    def __init__(self, params: NameParams) -> None:
        super().__init__()
        self.params = params

    def __missing__(self, token: str) -> tuple[float, bool, bool]:
        # (memoised here: no hashing; a native call, not through word_weight's memo)
        weight = _word_weight(token, self.params)
        value = (weight, is_patronymic(token), token.isdigit())
        self[token] = value
        return value

    def complete(self, tokens: Iterable[str]) -> WordTable:
        """The entries of ``tokens`` now, as a first use would make them (a screener loading
        its index: the listed words, see :meth:`NameIndex.prepare`)."""
        for token in tokens:
            if token not in self:
                self.__missing__(token)
        return self


@by_identity  # runs for every name scored: no hashing of the parameters
@lru_cache(maxsize=8)
def _word_table(params: NameParams) -> WordTable:
    return WordTable(params)


_TABLE_ASKED: Final = LastAsked()


def word_table(params: NameParams) -> WordTable:
    """The :class:`WordTable` of ``params`` (one per parameter set; the set asked last
    answered first, in a native call compiled: :class:`~clearance.matching.memo.LastAsked`)."""
    last = _TABLE_ASKED
    if params is last.params:
        return cast("WordTable", last.value)
    table = _word_table(params)
    last.params, last.value = params, table
    return table


def weigh(
    form: NameForm,
    params: NameParams,
    table: WordTable | None = None,
    common: frozenset[str] = frozenset(),
) -> WeightedName:
    """``form`` with what scoring needs of it (``table``: ``word_table(params)``, if the caller
    holds it; ``common``: the words generic in listed organisation names, for a query)."""
    return WeightedName(form, params, table, common)


def query_code_slip(
    query: WeightedName, c_words: tuple[str, ...], sims: WordSimilarity, params: NameParams
) -> bool:
    """May a short query word pair with a listed word as a code's slip (:func:`pair_code_slip`,
    which the bound does not see)? Answered per listed word and kept with the query name
    (:class:`~clearance.matching.slips.CodeSlips`), as its run-together test."""
    found = query.slips
    if found is None or found.listed is not sims.listed or found.params is not params:
        q_short = code_slip_words(query.form.tokens, sims.listed, params)
        found = query.slips = CodeSlips(q_short, sims.listed, params,
                                        typed=query.form.script == LATIN)  # fmt: skip
    return found.possible(c_words)


def query_joins(query: WeightedName, words: WordParams) -> Joins:
    """The run-together test of the query name ``query`` (:class:`~clearance.matching.
    pairing.Joins`), kept with it: its listed words and word pairs recur across the names the
    query is compared with, and a screener keeps its query names (``_weigh_query``)."""
    rows = sim_rows(words)
    found = query.joins
    if found is None or found.rows is not rows or found.merge_sim != words.merge_sim:
        found = query.joins = Joins(query.form.tokens, words.merge_sim, rows)
    return found
