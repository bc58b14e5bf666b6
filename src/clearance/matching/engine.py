"""The screening engine: query -> normalise -> retrieve -> score -> decide.

:class:`Screener` holds a loaded :class:`NameIndex` and the algorithm's parameters. It is
read-only after construction, so one instance serves many threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from clearance.gcpause import screening_process
from clearance.matching.algorithm import Algorithm as Algorithm
from clearance.matching.bounds import warm_up_arrays
from clearance.matching.candidates import prebound_names, word_sims
from clearance.matching.compounds import warm_up_readings
from clearance.matching.crowded import crowd_may_drop, crowded_skeletons
from clearance.matching.decide import decide, exact_best, generation_checked
from clearance.matching.equivalents import equivalents
from clearance.matching.exact import exact_key, initials_of_key
from clearance.matching.features import (
    alias_trust,
    identifier_holders,
    weak_rank_cap,
)
from clearance.matching.fieldtail import field_cut
from clearance.matching.forms import query_forms as query_forms
from clearance.matching.hebrew import crowded_readings
from clearance.matching.index import (
    EntityInfo,
    NameIndex,
    NameRecord,
)
from clearance.matching.index_build import IndexBuilder
from clearance.matching.initials import first_initial
from clearance.matching.legalforms import warm_up_forms
from clearance.matching.memo import sim_rows
from clearance.matching.names import NameComparison, compare
from clearance.matching.normalize import NameForm
from clearance.matching.numerals import generation
from clearance.matching.params import (
    NameParams,
)
from clearance.matching.query import Query, ScreenOptions
from clearance.matching.queryparts import warm_up_places
from clearance.matching.records import make_entity
from clearance.matching.release import ALGORITHM as ALGORITHM
from clearance.matching.release import ALGORITHM_RELEASE as ALGORITHM_RELEASE
from clearance.matching.result import Match, ScreeningResult
from clearance.matching.retrieve import QueryForm, Reached, retrieve
from clearance.matching.romanisations import warm_up_syllables
from clearance.matching.romanised import wade_giles_pinyin
from clearance.matching.russian_generic import russian_generic_words
from clearance.matching.scripts import warm_up
from clearance.matching.spelled import record_trust
from clearance.matching.weights import WeightedName, weigh
from clearance.matching.wordsim import WordSimilarity
from clearance.matching.wordwarm import warm_words
from clearance.model import Entity, Schema
from clearance.settings import MatchingPolicy

ALGORITHM_VERSION = Algorithm().version
# a comparison's key: the query form's number, the listed name's form (its columns: words,
# legal forms, script, kind), person
_Compared = tuple[int, tuple[str, ...], tuple[str, ...], str, int, bool, int]
SHARE_COMPARISONS = True
"""A name listed by several authorities is compared once per query form (tests compare it
with comparing every record)."""


def _same_params(stored: NameParams, current: NameParams) -> bool:
    """Whether an index's stored name parameters are ``current`` (one pickled by an older
    release may lack a field that this one declares: then it is not)."""
    try:
        return stored == current
    except AttributeError:
        return False


QUERY_NAMES = 20_000
"""Weighed query forms a Screener keeps (query forms repeat, see ``forms._query_forms``)."""


class Screener:
    """Screens queries against one snapshot's index."""

    def __init__(
        self, index: NameIndex, policy: MatchingPolicy, algorithm: Algorithm | None = None
    ) -> None:
        self.algo = algorithm or Algorithm()
        if not _same_params(index.params, self.algo.names):
            raise ValueError(
                f"index of snapshot {index.snapshot_id} was built with other name parameters "
                f"than {self.algo.version}"
            )
        self.index = index
        self.policy = policy
        self.algorithm = self.algo.name
        self.algorithm_version = self.algo.version
        self.snapshot_id = index.snapshot_id
        index.prepare()  # no first-query penalty: lookup tables now, not on a first query
        # names written exactly as listed (see :mod:`exact`), found whatever their reading
        self._exact = index.exact if self.algo.exact_names else {}
        warm_up()  # ... in any script
        warm_up_forms()
        warm_up_places()  # ... the country table trailing places are read against
        warm_up_readings()  # ... the name-word table read letter by letter
        russian_generic_words()  # ... the Latin spellings of Russian kind words (h182)
        equivalents(self.algo.words)  # ... the words that agree by what they name (h189)
        sim_rows(self.algo.words)  # ... and the word similarity's table of these parameters
        warm_up_arrays()  # ... and numpy's set routines
        warm_words(index, self.algo.retrieval, self.algo.words)  # ... and the most held words
        warm_up_syllables()  # ... and the Wade-Giles syllables (pypinyin's table), as the
        wade_giles_pinyin()  # syllable pairs and a Wade-Giles name's readings read them
        # The index lives as long as the screener: its millions of objects are moved out of
        # the cyclic collector's sight, so that a full collection does not walk them again
        # in the middle of a query (tens of milliseconds each time); so are, from then on,
        # the memos that queries grow (see :func:`screening_process`).
        screening_process()
        self._cache: dict[tuple[Query, ScreenOptions], ScreeningResult] = {}
        # The records and entities scoring has used, found again without a call into the
        # index (interpreted code); a record is made on its first use from the index's columns
        # (:class:`RecordMaker`, compiled with the matcher)
        self._records: dict[int, NameRecord] = {}
        self._record_maker = index.record_maker
        self._entities: dict[int, EntityInfo] = {}
        # query forms with their word weights (a memo of this screener's parameters: no
        # hashing of the parameters per query form, as an lru_cache keyed on them did)
        self._query_names: dict[NameForm, WeightedName] = {}
        # a name's rank factor, by whether it is a weak a.k.a. (see :func:`alias_trust`)
        features = self.algo.features
        self._trust = (alias_trust(False, features), alias_trust(True, features))

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        entities: Iterable[Entity],
        policy: MatchingPolicy,
        *,
        snapshot_id: str = "memory",
        lists: dict[str, str] | None = None,
        algorithm: Algorithm | None = None,
    ) -> Screener:
        algorithm = algorithm or Algorithm()
        builder = IndexBuilder(snapshot_id, algorithm.names)
        builder.add_all(entities)
        index = builder.build()
        index.lists = dict(lists or {})
        return cls(index, policy, algorithm)

    # -- screening -----------------------------------------------------------------------
    def screen(self, query: Query, options: ScreenOptions | None = None) -> ScreeningResult:
        """Screen one query. Results are memoised per (query, options) for this snapshot
        (``CLEARANCE_SCREEN_CACHE`` entries): payment flows screen the same parties again and
        again, and a snapshot never changes."""
        options = options or ScreenOptions()
        size = self.policy.screen_cache
        if size <= 0:
            return self._screen(query, options)
        key = (replace(query, id=None), options)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._screen(key[0], options)
            if len(self._cache) >= size:
                self._cache.clear()
            self._cache[key] = cached
        return cached if query.id is None else replace(cached, query=query)

    def _screen(self, query: Query, options: ScreenOptions) -> ScreeningResult:
        threshold = self.policy.threshold if options.threshold is None else options.threshold
        weak_alerts = (
            self.policy.weak_alias_alerts
            if options.weak_alias_alerts is None
            else options.weak_alias_alerts
        )
        algo = self.algo
        forms = query_forms(query, algo.trust, self.index.vocab)
        floor = algo.floor(threshold)
        plain = query.birth_date is None and not query.countries
        reached: list[Reached] | None = [] if crowd_may_drop(forms, threshold, plain) else None
        # (h170: a name a payment field cut off: fieldtail; organisations only)
        cut = query.schema is not Schema.PERSON and field_cut(query.name, self.index.vocab)
        reach: dict[int, float] = {}  # (h191: each record's reach, its score's ceiling)
        records = retrieve(self.index, forms, floor=floor, params=algo.names,
                           retrieval=algo.retrieval, words=algo.words,
                           person=query.schema is Schema.PERSON, threshold=threshold,
                           trust=algo.trust, reached=reached, cut=cut,
                           reach=None if cut else reach)  # fmt: skip
        if reached is not None and len(records) > algo.retrieval.spelled_names:
            records = crowded_skeletons(self.index, records, reached, algo.retrieval.spelled_names)
        if len(records) > algo.retrieval.spelled_names:  # (a Hebrew reading's common word)
            records = crowded_readings(self.index, forms, records, threshold,
                                       algo.trust.vowelled_skeleton,
                                       algo.retrieval.spelled_names, plain)  # fmt: skip
        key = exact_key(query.name)
        exact = dict(self._exact.get(key, ()))
        for rec_id in exact:
            records[rec_id] = 1.0
        initials = initials_of_key(key)  # (found here, scored as any other)
        for rec_id, _weak in self._exact.get(initials, ()) if initials else ():
            records[rec_id] = 1.0
        # (a plain dict: compiled, a defaultdict's look-ups and walks take the generic path)
        by_entity: dict[int, list[int]] = {}
        rec_entity = self.index.rec_entity
        for rec_id in records:
            ent = rec_entity[rec_id]
            listed = by_entity.get(ent)
            if listed is None:
                by_entity[ent] = [rec_id]
            else:
                listed.append(rec_id)
        holders = identifier_holders(query, self.index.identifiers)
        for ent in holders:
            by_entity.setdefault(ent, self.index.entity_records(ent))
        id_hits = set(holders)
        if query.lists:
            wanted = set(query.lists)
            by_entity = {e: r for e, r in by_entity.items() if self.index.ent_list[e] in wanted}
        if len(by_entity) > self.algo.max_entities:
            ranked = sorted(by_entity, key=lambda e: -max(records.get(r, 0) for r in by_entity[e]))
            by_entity = {e: by_entity[e] for e in ranked[: self.algo.max_entities]}
        if options.entities is not None:
            ent_id = self.index.ent_id
            by_entity = {e: r for e, r in by_entity.items() if ent_id[e] in options.entities}
        matches = self._score(
            query, forms, by_entity, records, id_hits, floor, threshold, weak_alerts,
            options.explain, exact, cut, reach,
        )  # fmt: skip
        matches.sort(key=lambda m: (-m.score, m.entity_id))
        limited = tuple(matches[: max(0, options.limit)])
        return ScreeningResult(
            query=query,
            matches=limited,
            alert=any(m.alert for m in matches),
            threshold=threshold,
            algorithm=self.algorithm,
            algorithm_version=self.algorithm_version,
            snapshot=self.snapshot_id,
            lists=dict(self.index.lists),
        )

    def screen_many(
        self, queries: Sequence[Query], options: ScreenOptions | None = None
    ) -> list[ScreeningResult]:
        return [self.screen(q, options) for q in queries]

    # -- scoring -------------------------------------------------------------------------
    def _score(
        self,
        query: Query,
        forms: list[QueryForm],
        by_entity: dict[int, list[int]],
        bounds: dict[int, float],
        id_hits: set[int],
        floor: float,
        threshold: float,
        weak_alerts: bool,
        explain: bool,
        exact: dict[int, bool],
        cut: bool,
        reach: dict[int, float] | None = None,
    ) -> list[Match]:
        if not by_entity:
            return []
        index = self.index
        rec_kind = index.rec_kind
        sims = word_sims(index, self.algo, forms, by_entity)
        weighted = [(f, self._weigh_query(f.form)) for f in forms]
        # (a name a payment field cut off is scored without bounds)
        pre = [{} for _ in weighted] if cut else prebound_names(index, self.algo, query, weighted,
                                                               by_entity, sims, floor)  # fmt: skip
        compared: dict[_Compared, NameComparison] = {}  # (see _compare)
        matches: list[Match] = []
        ent_schema = index.ent_schema
        form_kinds = {f.kind for f in forms}
        query_person = query.schema is Schema.PERSON
        generations = generation(forms[0].form.tokens) if forms else frozenset()  # h172
        weak_cap = weak_rank_cap(threshold, weak_alerts, self.algo.weak_tie_break)
        for ent, rec_ids in by_entity.items():
            person = query_person or ent_schema[ent] == "person"
            # the entity's names of each kind, best bound first (a form tries its kind's)
            ordered = (
                sorted(rec_ids, key=lambda r: -bounds.get(r, 1.0)) if len(rec_ids) > 1 else rec_ids
            )
            of_kind = {k: [r for r in ordered if rec_kind[r] == k] for k in form_kinds}
            # (an identifier's holder is scored whatever the threshold: its names uncapped)
            capped = None if ent in id_hits else reach
            best = self._best_name(weighted, of_kind, sims, pre, bounds, compared, person,
                                   floor, threshold, weak_cap, cut, capped)  # fmt: skip
            if exact:
                best = exact_best(index, self.algo, best, rec_ids, exact, weak_cap)
            if generations and person and best is not None and not best[3].number_conflict:
                # "SANTOS II" / III
                best = generation_checked(index, self.algo, best, ent, generations)
            if (best is None or best[0] < floor) and ent not in id_hits:
                continue  # cannot reach the threshold: secondary features add at most a little
            info = self._entities.get(ent)
            if info is None:
                info = self._entities[ent] = make_entity(index, ent)
            match = decide(self.algo, self._record_maker, query, info, self._records, best,
                           threshold, weak_alerts, explain)  # fmt: skip
            if match is not None and capped and best is not None and best[1] in capped:
                match = self._ceiled(match, capped[best[1]], threshold)
            if match is not None:
                matches.append(match)
        return matches

    def _ceiled(self, match: Match, level: float, threshold: float) -> Match:
        """``match`` with its score at most the ceiling of its name's reach ``level``
        (``Algorithm.ceiling``): what the secondary features add does not lift it over a
        threshold whose floor drops the name either (h191)."""
        top = self.algo.ceiling(level)
        if match.score <= top:
            return match
        return replace(match, score=top, alert=match.alert and top >= threshold)

    def _best_name(
        self,
        weighted: list[tuple[QueryForm, WeightedName]],
        of_kind: dict[int, list[int]],
        sims: dict[int, WordSimilarity],
        pre: list[dict[int, NameComparison]],
        bounds: dict[int, float],
        compared: dict[_Compared, NameComparison],
        person: bool,
        floor: float,
        threshold: float,
        weak_cap: float,
        cut: bool = False,
        reach: dict[int, float] | None = None,
    ) -> tuple[float, int, QueryForm, NameComparison] | None:
        """One entity's best name for the query: its rank, record, query form and comparison
        (``of_kind``: the entity's names of each kind of form, best bound first; ``pre``: the
        names :func:`~.candidates.prebound_names` bounded out, per query form; ``reach``: the
        retrieved names' reach, their scores capped at its ceiling, see ``Algorithm.ceiling``)."""
        index, algo = self.index, self.algo
        rec_weak = index.rec_weak
        trust = self._trust
        sure, slack, tie_break = algo.sure_match, algo.bound_slack, algo.weak_tie_break
        best: tuple[float, int, QueryForm, NameComparison] | None = None
        for form_no, (qform, qname) in enumerate(weighted):
            table = sims[qform.kind]
            bounded = pre[form_no]
            for r in of_kind[qform.kind]:
                if best is not None and (best[0] >= sure or bounds.get(r, 1.0) + slack < best[0]):
                    break  # names are tried best bound first: the rest cannot win
                comp = bounded.get(r)
                if comp is None:  # (a name bounded out needs no record object)
                    comp = self._compare(compared, form_no, qname, r, table, person, floor,
                                         cut)  # fmt: skip
                # Rank names as the decision will see them: a weak a.k.a. counts less, so
                # a strong name that alerts is not hidden behind a weak one that does not.
                weak = rec_weak[r]
                tie = tie_break if weak else 0.0
                if qform.trust < 1.0:
                    # (the trust is the form's or its spelled one: a name that would not be
                    # the best even at the higher needs no look at its listed words)
                    most = comp.score * max(qform.trust, qform.spelled) * trust[weak] - tie
                    if best is not None and most <= best[0]:
                        continue
                    trusted = record_trust(qform, index.rec_text[r], comp, algo.trust,
                                           algo.words, threshold, index, r)  # fmt: skip
                    comp = comp.scaled(trusted)
                level = reach.get(r) if reach else None
                if level is not None and comp.score > level + algo.retrieval_margin:
                    top = algo.ceiling(level)  # (h191: no score the floor would not retrieve)
                    if comp.score > top:
                        comp = comp.scaled(top / comp.score)
                key = comp.score * trust[weak] - tie
                if weak and key > weak_cap:
                    key = weak_cap
                if best is None or key > best[0]:
                    best = (key, r, qform, comp)
        return best

    def _weigh_query(self, form: NameForm) -> WeightedName:
        """``form`` weighed with this screener's name parameters (memoised)."""
        found = self._query_names.get(form)
        if found is None:
            if len(self._query_names) >= QUERY_NAMES:
                self._query_names.clear()
            found = self._query_names[form] = weigh(
                form, self.algo.names, common=self.index.org_common
            )
        return found

    def _compare(
        self,
        compared: dict[_Compared, NameComparison],
        form_no: int,
        qname: WeightedName,
        r: int,
        table: WordSimilarity,
        person: bool,
        floor: float,
        cut: bool = False,
    ) -> NameComparison:
        """:func:`compare` of query form ``form_no`` with record ``r``'s name, once per name:
        the same name is often listed by several authorities (one entity each), and the
        comparison reads the name's form only (``compared`` holds those of this query). The
        form is keyed by the index's columns it is made of: a name compared already needs no
        record object (its words' weights are worked out when the record is made)."""
        maker = self._record_maker
        family = maker.family[r]  # (its family's words: they count for a query's initials only)
        if family and first_initial(qname.form.tokens) < 0 and not table.raised:
            family = 0  # (kept for a given name's other form: ``nameforms.keep_forms``)
        key = (form_no, maker.tokens[r], maker.forms[r], maker.script[r], maker.kind[r], person,
               family)  # fmt: skip
        found = compared.get(key) if SHARE_COMPARISONS else None
        if found is None:
            record = self._records.get(r)
            if record is None:
                record = self._records[r] = maker.make(r)
            found = compared[key] = compare(qname, record.name, table, person=person,
                                            params=self.algo.names, min_score=floor,
                                            family=family, cut=cut)  # fmt: skip
        return found
