"""The matcher's named features. Each takes the query and one candidate and returns a
:class:`FeatureResult` (or ``None`` when it has nothing to say): a score and a reason a
compliance analyst can read. ``score`` is the feature's adjustment to the name similarity
(positive supports the match, negative speaks against it), except for ``name_similarity``
whose score is the similarity itself.

The module is compiled with the matcher (``clearance.compiled.MODULES``: the features run for
every candidate), and compiled functions have no docstrings: what each feature says of itself,
shown by ``/algorithms``, is the table :data:`DESCRIPTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from math import inf

from clearance.matching.index import EntityInfo, clean_identifier
from clearance.matching.names import NameComparison
from clearance.matching.normalize import NameForm
from clearance.matching.query import Query
from clearance.matching.result import FeatureResult
from clearance.model import Schema


@dataclass(frozen=True, slots=True)
class FeatureParams:
    """Adjustments of the secondary features (declared with the algorithm)."""

    dob_exact: float = 0.05
    dob_year: float = 0.02
    dob_conflict: float = -0.2
    dob_month_conflict: float = -0.05
    circa_years: int = 1  # a date given as "circa" fits a year within this many years
    country_match: float = 0.02
    country_conflict: float = -0.05
    identifier_match_floor: float = 0.95
    identifier_name_share: float = 0.05  # ... plus this share of the name similarity
    identifier_conflict: float = -0.1
    schema_conflict: float = -0.4
    legal_form_match: float = 0.02
    legal_form_conflict: float = -0.05
    weak_alias_factor: float = 0.9


@dataclass(frozen=True, slots=True)
class Candidate:
    """One listed entity with its best-matching name, as the features see it."""

    info: EntityInfo
    name_text: str
    name_form: NameForm | None
    query_form: NameForm | None
    comparison: NameComparison | None
    weak: bool
    explain: bool = True  # False: reasons are not shown, so the costly ones are left out

    def __init__(
        self,
        info: EntityInfo,
        name_text: str,
        name_form: NameForm | None,
        query_form: NameForm | None,
        comparison: NameComparison | None,
        weak: bool,
        explain: bool = True,
    ) -> None:
        # (written out, it compiles to a native __init__, as NameForm's: one per candidate)
        object.__setattr__(self, "info", info)
        object.__setattr__(self, "name_text", name_text)
        object.__setattr__(self, "name_form", name_form)
        object.__setattr__(self, "query_form", query_form)
        object.__setattr__(self, "comparison", comparison)
        object.__setattr__(self, "weak", weak)
        object.__setattr__(self, "explain", explain)


Feature = Callable[[Query, Candidate, FeatureParams], FeatureResult | None]


def name_similarity(query: Query, cand: Candidate, params: FeatureParams) -> FeatureResult:
    # (described in DESCRIPTIONS)
    if cand.comparison is None:
        return FeatureResult("name_similarity", 0.0, "no name of this entity resembles the query")
    if not cand.explain:
        return FeatureResult("name_similarity", cand.comparison.score, "")
    reason = f"{query.name!r} vs {cand.name_text!r}: {cand.comparison.explain()}"
    return FeatureResult("name_similarity", cand.comparison.score, reason)


def alias_trust(weak: bool, params: FeatureParams) -> float:
    """How far a match on a name counts: a weak a.k.a. ``weak_alias_factor``, others fully
    (the engine ranks an entity's names by it; :func:`weak_alias` scales the score by it)."""
    return params.weak_alias_factor if weak else 1.0


def weak_rank_cap(threshold: float, weak_alerts: bool, tie_break: float) -> float:
    """The most a weak a.k.a. ranks at among an entity's names (since 1.23): just under the
    alert ``threshold`` when a weak a.k.a. does not alert alone, so a strong name of the same
    entity that reaches the threshold is the one decided on ("Mohammad JA'FARI" alerts on
    JA'FARI, Mohammad Agha at 0.89, not hidden behind its weak a.k.a. "JA'FARI, Mohammad" at
    0.9, which cannot alert); no cap when weak a.k.a.s alert."""
    return inf if weak_alerts else threshold - tie_break


def weak_alias(query: Query, cand: Candidate, params: FeatureParams) -> FeatureResult | None:
    # (described in DESCRIPTIONS)
    if not cand.weak:
        return None
    return FeatureResult(
        "weak_alias",
        alias_trust(True, params) - 1.0,
        f"matched only a weak a.k.a. ({cand.name_text!r}); OFAC FAQ 122: not screened alone",
    )


def legal_form(query: Query, cand: Candidate, params: FeatureParams) -> FeatureResult | None:
    # (described in DESCRIPTIONS)
    if cand.query_form is None or cand.name_form is None:
        return None
    q_forms, c_forms = cand.query_form.forms, cand.name_form.forms
    if not q_forms or not c_forms:
        return None
    if q_forms & c_forms:
        same = ", ".join(sorted(q_forms & c_forms)).upper()
        return FeatureResult("legal_form", params.legal_form_match, f"same legal form ({same})")
    return FeatureResult(
        "legal_form",
        params.legal_form_conflict,
        f"legal forms differ: {', '.join(sorted(q_forms)).upper()} vs "
        f"{', '.join(sorted(c_forms)).upper()}",
    )


def birth_date(query: Query, cand: Candidate, params: FeatureParams) -> FeatureResult | None:
    # (described in DESCRIPTIONS)
    dob = query.birth_date
    if dob is None:  # (before the listed dates: they are parsed when first read)
        return None
    dates = cand.info.birth_dates
    if not dates:
        return None
    shown = ", ".join(str(d) for d in dates)
    for listed in dates:
        if (
            listed.until_year is None
            and dob.month is not None
            and dob.day is not None
            and (listed.year, listed.month, listed.day) == (dob.year, dob.month, dob.day)
        ):
            return FeatureResult("birth_date", params.dob_exact, f"date of birth {dob} matches")
    years = set(dob.years())
    for listed in dates:
        listed_years = set(listed.years())
        slack = params.circa_years if listed.circa or dob.circa else 0
        if years & listed_years or (
            slack and min(abs(a - b) for a in years for b in listed_years) <= slack
        ):
            if (
                listed.month is not None
                and dob.month is not None
                and listed.until_year is None
                and (listed.month, listed.day or dob.day) != (dob.month, dob.day or listed.day)
            ):
                continue
            return FeatureResult(
                "birth_date", params.dob_year, f"birth year {dob.year} fits listed {shown}"
            )
    if any(set(d.years()) & years for d in dates):
        return FeatureResult(
            "birth_date",
            params.dob_month_conflict,
            f"same birth year but day/month differ: {dob} vs listed {shown}",
        )
    return FeatureResult(
        "birth_date", params.dob_conflict, f"date of birth {dob} differs from listed {shown}"
    )


def country(query: Query, cand: Candidate, params: FeatureParams) -> FeatureResult | None:
    # (described in DESCRIPTIONS)
    if not query.countries or not cand.info.countries:
        return None
    common = set(query.countries) & cand.info.countries
    if common:
        return FeatureResult(
            "country", params.country_match, f"country {', '.join(sorted(common))} linked"
        )
    return FeatureResult(
        "country",
        params.country_conflict,
        f"query country {', '.join(query.countries)} not among listed "
        f"{', '.join(sorted(cand.info.countries))}",
    )


def identifier_holders(query: Query, holders: Mapping[str, Sequence[int]]) -> list[int]:
    """The entities (``holders``: cleaned identifier -> entities) holding a value the query
    gives, of any type: they are scored even when no name of theirs resembles the query, and
    :func:`identifier` then judges the type and value."""
    if not query.identifiers:
        return []
    found: dict[int, None] = {}
    for value in _query_values(query):
        for ent in holders.get(value, ()):
            found[ent] = None
    return list(found)


def _query_values(query: Query) -> list[str]:
    return [clean_identifier(q.value) for q in query.identifiers]


def identifier(query: Query, cand: Candidate, params: FeatureParams) -> FeatureResult | None:
    # (described in DESCRIPTIONS)
    if not query.identifiers or not cand.info.identifiers:
        return None
    listed = cand.info.identifiers
    for qid, value in zip(query.identifiers, _query_values(query), strict=True):
        for id_type, listed_value in listed:
            if value == listed_value and (qid.type is None or qid.type == id_type):
                return FeatureResult(
                    "identifier",
                    params.identifier_match_floor,
                    f"{id_type.value} {qid.value} is listed for this entity",
                )
    typed = {q.type for q in query.identifiers if q.type is not None}
    if typed & {t for t, _ in listed}:
        return FeatureResult(
            "identifier",
            params.identifier_conflict,
            "listed identifiers of the same type differ: "
            + ", ".join(f"{t.value} {v}" for t, v in listed if t in typed),
        )
    return None


_COMPATIBLE = {
    Schema.PERSON: {Schema.PERSON},
    Schema.ORGANIZATION: {Schema.ORGANIZATION, Schema.VESSEL, Schema.AIRCRAFT},
    Schema.VESSEL: {Schema.VESSEL, Schema.ORGANIZATION},
    Schema.AIRCRAFT: {Schema.AIRCRAFT, Schema.ORGANIZATION},
}


def schema(query: Query, cand: Candidate, params: FeatureParams) -> FeatureResult | None:
    # (described in DESCRIPTIONS)
    if query.schema is None:
        return None
    if cand.info.schema in _COMPATIBLE[query.schema]:
        return None
    return FeatureResult(
        "schema",
        params.schema_conflict,
        f"query is a {query.schema.value}, listed entity is a {cand.info.schema.value}",
    )


FEATURES: tuple[Feature, ...] = (
    name_similarity,
    weak_alias,
    legal_form,
    birth_date,
    country,
    identifier,
    schema,
)


DESCRIPTIONS: dict[str, str] = {
    "name_similarity": (
        "How well the best listed name agrees with the query name, word by word (0..1)."
    ),
    "weak_alias": (
        "Only a weak a.k.a. matched: the score is scaled down and alone it does not alert."
    ),
    "legal_form": (
        "Legal forms of both names agree (a little support) or differ (a little against)."
    ),
    "birth_date": (
        "Date of birth: an exact or same-year date supports, a different one speaks against."
    ),
    "country": "A country the query gives is (or is not) among the listed entity's countries.",
    "identifier": (
        "A listed identifier the query holds is a strong hit; a different one of the same "
        "type speaks against."
    ),
    "schema": "A person query against a company (or the reverse) speaks strongly against.",
}
"""Each feature's description (``/algorithms``; kept here, not in docstrings, which compiled
functions lose)."""


def feature_docs() -> dict[str, str]:
    """Each feature's name and what it says (:data:`DESCRIPTIONS`), for ``/algorithms``."""
    return {f.__name__: DESCRIPTIONS[f.__name__] for f in FEATURES}


# How each feature's verdict enters the score (declared data, not code keyed on names): the
# base; a multiplier (score *= 1 + verdict); a floor (a positive verdict lifts the score to
# at least identifier_match_floor + identifier_name_share * base, a negative one adjusts); any
# other feature adjusts (score += verdict).
BASE, MULTIPLIER, FLOOR, ADJUSTMENT = "base", "multiplier", "floor", "adjustment"
COMBINATION: dict[str, str] = {
    "name_similarity": BASE,
    "weak_alias": MULTIPLIER,
    "identifier": FLOOR,
}


def combine(results: list[FeatureResult], params: FeatureParams) -> tuple[float, bool]:
    """The score (0..1) the features' verdicts make together, and whether a floor applied."""
    base = 0.0
    for res in results:
        if COMBINATION.get(res.name) == BASE:
            base = res.score
            break
    score, floored = base, False
    for res in results:
        how = COMBINATION.get(res.name, ADJUSTMENT)
        if how == BASE:
            continue
        if how == MULTIPLIER:
            score *= 1.0 + res.score
        elif how == FLOOR and res.score > 0:
            floored = True
        else:
            score += res.score
    if floored:
        score = max(score, params.identifier_match_floor + params.identifier_name_share * base)
    return min(1.0, max(0.0, score)), floored
