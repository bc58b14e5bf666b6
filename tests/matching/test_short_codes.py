"""Class 7 of matching round two: short names and codes with a letter typed twice."""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def test_a_short_code_with_a_letter_typed_twice_alerts() -> None:
    listed = [e("organization", "AMIF", source_id="amif"), e("organization", "PLANAR JSC",
              source_id="planar")]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    for query, expected in (("AMIIF", "amif"), ("JSCC PLANAR", "planar")):
        result = screener.screen(make_query(query, type="organization"), ScreenOptions(limit=3))
        assert result.alert and result.matches[0].source_id == expected, query
