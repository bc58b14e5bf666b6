"""Field-aware screening: a message's parties, BICs, places and free text against the lists,
turned into a :class:`~clearance.payments.decision.Decision` by the declared policy.

Pure: the lists come through :class:`~clearance.payments.lists.ListView`; nothing here reads
files, the network or a database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from clearance.errors import QueryError
from clearance.matching.query import Query, ScreenOptions, make_query
from clearance.matching.result import Match
from clearance.messages.model import Located, Message, Party, TextField
from clearance.payments import text as running
from clearance.payments.decision import Decision, Hit, decide
from clearance.payments.lists import Listed, ListView
from clearance.payments.policy import Action, Policy, Regime

DecisionHook = Callable[[Decision], None]


class PaymentScreener:
    """Screens messages against one :class:`ListView` under one :class:`Policy`.

    ``hooks`` are called with every decision (receipts, cases, alerts): a hook that raises
    stops nothing but is the caller's to report.
    """

    def __init__(
        self, lists: ListView, policy: Policy | None = None, hooks: list[DecisionHook] | None = None
    ) -> None:
        self.lists = lists
        self.policy = policy or Policy.load()
        self.hooks = list(hooks or [])
        self._names = ScreenOptions(limit=5, threshold=self.policy.review, explain=True)
        self._text = ScreenOptions(limit=3, threshold=self.policy.text_review, explain=True)

    def screen(self, message: Message) -> Decision:
        hits: list[Hit] = []
        for party in message.parties:
            hits.extend(self._party(party))
        for field in message.texts:
            hits.extend(self._text_field(field))
        decision = decide(
            message,
            hits,
            snapshot=self.lists.snapshot_id,
            algorithm=self.lists.algorithm,
            policy=self.policy.source,
        )
        for hook in self.hooks:
            hook(decision)
        return decision

    # -- parties --------------------------------------------------------------------------
    def _party(self, party: Party) -> Iterator[Hit]:
        countries = tuple(dict.fromkeys(c.value for c in party.countries))
        best: dict[str, Hit] = {}
        for name in _unique(party.names):
            for hit in self._name(party, name, countries):
                key = hit.entity_id or ""
                if key not in best or (hit.action, hit.score or 0) > (
                    best[key].action,
                    best[key].score or 0,
                ):
                    best[key] = hit
        yield from best.values()
        if party.bic is not None:
            for listed in self.lists.by_bic(party.bic.value):
                yield self._listed_hit(
                    party.role,
                    party.bic,
                    "bic",
                    listed,
                    f"BIC {party.bic.value} is listed as {listed.value}",
                )
        yield from self._places(party)

    def _name(self, party: Party, name: Located, countries: tuple[str, ...]) -> Iterator[Hit]:
        identifiers = tuple(v.value for _, v in party.identifiers if v.value)[:5]
        query = _query(name.value, tuple(c for c in countries if len(c) == 2), identifiers)
        if query is None:
            return
        for match in self.lists.screen(query, self._names).matches:
            if match.alert and match.score >= self.policy.review:
                if _one_word_resemblance(name.value, match):
                    continue
                yield self._match_hit(party.role, name, "name", match, self.policy.confirm)

    def _match_hit(
        self, role: str, where: Located, check: str, match: Match, confirm: float
    ) -> Hit:
        programs = self.lists.programs(match.entity_id)
        reasons = "; ".join(f.reason for f in match.features if f.reason)[:300]
        if match.score >= confirm and not _needs_support(where.value, match):
            action, rule = self._listing(match.list, programs)
            reason = f"{where.value!r} is the listed {match.name!r}: {reasons}"
        else:
            action, rule = Action.REVIEW, "thresholds/review"
            reason = f"{where.value!r} may be the listed {match.name!r}: {reasons}"
        listed = Listed(match.entity_id, match.list, match.name, match.matched_name)
        return _entity_hit(
            role, where, check, listed, programs, (action, rule), reason, match.score
        )

    def _listing(self, list_name: str, programs: tuple[str, ...]) -> tuple[Action, str]:
        found = [r.listing_action(list_name, programs) for r in self._regimes_for(list_name)]
        if not found:  # a list no active regime owns (an internal list): an analyst decides
            return Action.REVIEW, f"list/{list_name}"
        return max(found, key=lambda pair: pair[0])

    def _regimes_for(self, list_name: str) -> list[Regime]:
        return [r for r in self.policy.regimes if list_name in r.lists]

    def _listed_hit(
        self, role: str, where: Located, check: str, listed: Listed, reason: str
    ) -> Hit:
        programs = self.lists.programs(listed.entity_id)
        verdict = self._listing(listed.list, programs)
        return _entity_hit(role, where, check, listed, programs, verdict, reason, 1.0)

    def _places(self, party: Party) -> Iterator[Hit]:
        for country in _unique(party.countries):
            code = country.value.upper()
            rules = [
                (r.jurisdictions[code], f"{r.name}/jurisdiction/{code}")
                for r in self.policy.regimes
                if code in r.jurisdictions
            ]
            if rules:
                action, rule = max(rules, key=lambda pair: pair[0])
                yield Hit(
                    country.path,
                    party.role,
                    "jurisdiction",
                    code,
                    action,
                    rule,
                    f"{party.role} in {code}{_also(rules, rule)}",
                )
        tails = tuple(
            Located(n.value.rpartition(",")[2], n.path) for n in party.names if "," in n.value
        )  # "IVAN PETROV, SIMFEROPOL" in one MT line
        for line in _unique(party.towns + party.address + tails):
            for region, place in running.places(line.value, self.policy.regions):
                rules = [
                    (r.regions[region.key], f"{r.name}/region/{region.key}")
                    for r in self.policy.regimes
                    if region.key in r.regions
                ]
                if rules:
                    action, rule = max(rules, key=lambda pair: pair[0])
                    yield Hit(
                        line.path,
                        party.role,
                        "region",
                        line.value,
                        action,
                        rule,
                        f"{place!r} is in {region.label}{_also(rules, rule)}",
                    )

    # -- free text ------------------------------------------------------------------------
    def _text_field(self, field: TextField) -> Iterator[Hit]:
        multi = "\n" in field.text

        def path(line: int) -> str:
            return f"{field.path} line {line}" if multi else field.path

        items = running.words(field.text)
        best: dict[str, Hit] = {}
        for window in running.windows(items, self.lists.word_reach, self.policy.text_max_words):
            try:
                query = make_query(window.text)
            except QueryError:
                continue
            for match in self.lists.screen(query, self._text).matches:
                if not match.alert or match.score < self.policy.text_review:
                    continue
                if not running.covers(window.text, match.matched_name):
                    continue
                where = Located(window.text, path(window.line))
                hit = self._match_hit(field.kind, where, "text-name", match, 2.0)  # never confirm
                if match.entity_id not in best or (hit.score or 0) > (
                    best[match.entity_id].score or 0
                ):
                    best[match.entity_id] = hit
        yield from best.values()
        for number, line in running.imo_numbers(field.text):
            for listed in self.lists.by_imo(number):
                where = Located(f"IMO {number}", path(line))
                yield self._listed_hit(
                    field.kind,
                    where,
                    "text-imo",
                    listed,
                    f"IMO {number} is the listed vessel {listed.name!r}",
                )
        for region, place in running.places(field.text, self.policy.regions):
            if any(region.key in r.regions for r in self.policy.regimes):
                yield Hit(
                    field.path,
                    field.kind,
                    "text-region",
                    place,
                    Action.REVIEW,
                    f"text/region/{region.key}",
                    f"the text names {place!r}, in {region.label}",
                )


def _entity_hit(
    role: str,
    where: Located,
    check: str,
    listed: Listed,
    programs: tuple[str, ...],
    verdict: tuple[Action, str],
    reason: str,
    score: float,
) -> Hit:
    return Hit(where.path, role, check, where.value, verdict[0], verdict[1], reason, score,
               listed.entity_id, listed.name, listed.list, programs)  # fmt: skip


@lru_cache(maxsize=50_000)
def _query(name: str, countries: tuple[str, ...], identifiers: tuple[str, ...]) -> Query | None:
    """The query for a party name (memoised: parties repeat from payment to payment), or None
    when the name holds nothing to screen. An unknown country code or odd identifier must not
    hide the name: the name is then screened alone."""
    try:
        return make_query(
            name,
            type="organization" if running.has_legal_form(name) else None,
            country=list(countries) or None,
            identifiers=list(identifiers) or None,
        )
    except QueryError:
        try:
            return make_query(name)
        except QueryError:
            return None


ONE_WORD_SAME = 0.9  # how alike a one-word party name and the listed word must be


def _one_word_resemblance(name: str, match: Match) -> bool:
    """A party name with one distinctive word ("PARIS", "MARTIN S.A.R.L.", "GEORGE GROUP") is
    no possible match of a listed name merely because it resembles it:

    * its word must be the listed name's word, give or take one letter in ten ("PARIS" is not
      "PARMIS", "DANIELS PLC" not "DANIEL", "ROSSI" not "BANK ROSSII");
    * a listed organisation with two or more distinctive words is not named by one of them
      ("GAMMA" is not "FEDERAL STATE UNITARY ENTERPRISE ... GAMMA", "ROBIN" not "OOO ROBIN
      TREID"); a listed person can be ("DA COSTA" stays a possible "DA COSTA, Luis Fernando").
    """
    mine = running.significant(name)
    if len(mine) != 1:
        return False
    listed = running.significant(match.matched_name)
    if not listed:
        return False
    word = mine[0]
    if max(Levenshtein.normalized_similarity(word, w) for w in listed) < ONE_WORD_SAME:
        return True
    return len(listed) >= 2 and match.schema.lower() != "person"


_SUPPORT = {"legal_form", "country", "identifier", "birth_date"}


def _needs_support(name: str, match: Match) -> bool:
    """A one-word name ("DAY", "KING") is not taken as the listed party on its name alone:
    it needs a matching legal form, country, identifier or birth date; otherwise: review."""
    if len(running.significant(name)) >= 2:
        return False
    return not any(f.name in _SUPPORT and f.score > 0 for f in match.features)


def _also(rules: list[tuple[Action, str]], chosen: str) -> str:
    others = [rule.split("/", 1)[0] for _, rule in rules if rule != chosen]
    return f" (also covered by {', '.join(others)})" if others else ""


def _unique(items: tuple[Located, ...]) -> list[Located]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.value.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out
