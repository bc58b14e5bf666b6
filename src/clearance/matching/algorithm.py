"""The declared algorithm: its name, release and every number that changes a score, and the
version that names them in every result (the release and a hash of the parameters)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from clearance.matching.features import COMBINATION, FeatureParams, feature_docs
from clearance.matching.params import NameParams, RetrievalParams, TrustParams, WordParams, declared
from clearance.matching.release import ALGORITHM, ALGORITHM_RELEASE

CEILING_ROUNDING = 1e-9  # (a floor's and a reach's float rounding: no hit lost at a boundary)


@dataclass(frozen=True, slots=True)
class Algorithm:
    """The declared algorithm: name, version and every weight it uses."""

    name: str = ALGORITHM
    release: str = ALGORITHM_RELEASE
    words: WordParams = field(default_factory=WordParams)
    names: NameParams = field(default_factory=NameParams)
    retrieval: RetrievalParams = field(default_factory=RetrievalParams)
    trust: TrustParams = field(default_factory=TrustParams)
    features: FeatureParams = field(default_factory=FeatureParams)
    retrieval_margin: float = 0.1  # retrieve names whose bound is >= threshold - margin
    min_floor: float = 0.05  # the retrieval floor never goes below this
    max_floor_threshold: float = 0.9  # thresholds above this retrieve as if it were this
    max_entities: int = 300  # safety cap on entities scored per query
    bound_slack: float = 0.25  # names whose bound trails the best score by more are not tried
    sure_match: float = 0.999  # a name scoring this is not bettered: the rest are not tried
    weak_tie_break: float = 0.001  # a weak a.k.a. ranks below a strong name of equal score
    min_reported: float = 0.3  # matches scoring less are not returned (identifier hits are)
    exact_names: bool = True  # a name written as listed (case, punctuation folded) scores 1.0

    def parameters(self) -> dict[str, object]:
        """Every declared number that changes a score."""
        return {
            "words": declared(self.words),
            "names": declared(self.names),
            "retrieval": declared(self.retrieval),
            "trust": declared(self.trust),
            "adjustments": declared(self.features),
            "retrieval_margin": self.retrieval_margin,
            "min_floor": self.min_floor,
            "max_floor_threshold": self.max_floor_threshold,
            "max_entities": self.max_entities,
            "bound_slack": self.bound_slack,
            "sure_match": self.sure_match,
            "weak_tie_break": self.weak_tie_break,
            "min_reported": self.min_reported,
            "exact_names": self.exact_names,
            "combination": dict(COMBINATION),
        }

    def floor(self, threshold: float) -> float:
        """The retrieval floor for an alert ``threshold``: names whose bound stays under it
        cannot reach the threshold and are not scored."""
        top = min(threshold, self.max_floor_threshold)
        return max(self.min_floor, top - self.retrieval_margin)

    def ceiling(self, reach: float) -> float:
        """The highest threshold whose :meth:`floor` a name of ``reach`` (the highest floor
        its bound passes: ``reach.keep_reach``) passes, 1.0 when every one does: a score
        over it would alert at a threshold that does not retrieve the name (h191)."""
        if reach >= self.floor(1.0):
            return 1.0
        return reach + self.retrieval_margin + CEILING_ROUNDING

    @property
    def version(self) -> str:
        """The release and a hash of the parameters ("1.4+3f9a0c1b"): a receipt names exactly
        what produced a score."""
        blob = json.dumps(self.parameters(), sort_keys=True).encode()
        return f"{self.release}+{hashlib.sha256(blob).hexdigest()[:8]}"

    def describe(self) -> dict[str, object]:
        return {
            "name": self.name,
            "version": self.version,
            "features": feature_docs(),
            **self.parameters(),
        }
