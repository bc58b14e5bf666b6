"""Screening results cross process boundaries (a batch worker sends its alerting results to
the parent): they pickle and unpickle to equal objects, compiled (``clearance.compiled``) or
not, and the features describe themselves for ``/algorithms`` either way."""

from __future__ import annotations

import pickle

from clearance.matching.engine import Algorithm, Screener
from clearance.matching.features import FEATURES
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def test_a_screening_result_survives_pickling() -> None:
    listed = [e("person", "Ashot MKRTYCHEV", dob="1966-05-07", ids={"passport": "BD3843329"},
                source_id="x")]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    query = make_query("Ashot Mkrtichev", type="person", dob="1966-05-07", country="SK",
                       identifiers=[{"type": "passport", "value": "BD3843329"}])  # fmt: skip
    result = screener.screen(query, ScreenOptions(limit=5))
    assert result.matches and result.matches[0].features  # (something to carry)
    back = pickle.loads(pickle.dumps(result))  # noqa: S301 - our own bytes
    assert back == result
    assert back.to_dict() == result.to_dict()
    assert type(back.matches[0].features[0]) is type(result.matches[0].features[0])


def test_every_feature_has_its_description() -> None:
    described = Algorithm().describe()["features"]
    assert isinstance(described, dict)
    assert list(described) == [f.__name__ for f in FEATURES]
    assert all(isinstance(text, str) and len(text) > 20 for text in described.values())
