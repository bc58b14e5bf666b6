"""Index format 29 and ``abd_hayy`` (issue 11, c9). A record that a weak a.k.a. and a strong
name of one entity share is strong: the UK list gives the weak "Abou Wafa AL SAOUDI" before
the strong "Abu Wafa AL-SAUDI", both with the skeleton b f lsd, and their one skeleton record
kept the weak flag (and text) of the first, so "أبو وفاء السعودي" met the strong name only
through its Latin reading (0.64, no alert) while the same name on the other lists scored
0.92. And the "حي" of "عبد الحي", whose only consonant is a last h, is the compound's second
word as the listed Hai is: both without a skeleton (``compounds.abd_second_word``,
``spelled._agree``)."""

from __future__ import annotations

from clearance.matching import spelled
from clearance.matching.engine import Screener
from clearance.matching.index import KIND_SKELETON
from clearance.matching.params import TrustParams, WordParams
from clearance.matching.query import ScreenOptions, make_query
from clearance.model import Entity, Name, NameKind, NameQuality, Schema
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_WEAK_FIRST = (
    Name("ABDELRAHMAN MOUHAMAD ZAFIR AL DABIDI AL JAHANI"),
    Name("Abou Wafa AL SAOUDI", kind=NameKind.AKA, quality=NameQuality.WEAK),
    Name("Abu Wafa AL-SAUDI", kind=NameKind.AKA),
    Name("Abu ANAS", kind=NameKind.AKA),
)


def _entity(source_id: str, names: tuple[Name, ...]) -> Entity:
    return Entity(list="test", source_id=source_id, schema=Schema.PERSON, names=names)


def _screener() -> Screener:
    others = [_entity("2", (Name("AL-SAUDI, Abu Maryam"),)), _entity("3", (Name("Ali HASSAN"),))]
    return Screener.build([_entity("1", _WEAK_FIRST), *others], MatchingPolicy(screen_cache=0))


def test_a_strong_name_after_a_weak_alias_with_its_skeleton_alerts_on_arabic_script() -> None:
    result = make_query("أبو وفاء السعودي", type="person")
    first = _screener().screen(result, ScreenOptions(limit=3)).matches[0]
    assert (first.source_id, first.alert) == ("1", True)
    assert first.matched_name == "Abu Wafa AL-SAUDI"  # (the strong name, not the weak text)
    assert first.score > 0.9  # as "AL-SAUDI, Abu Wafa" alone scores


def test_the_shared_skeleton_record_is_strong_and_a_weak_alias_alone_stays_weak() -> None:
    index = _screener().index
    ent = index.ent_source_id.index("1")
    recs = [r for r in range(len(index.rec_entity)) if index.rec_entity[r] == ent]
    shared = [r for r in recs if index.rec_kind[r] == KIND_SKELETON and "af" in index.rec_text[r]]
    assert len(shared) == 1  # (one skeleton, b f lsd, for both names)
    assert (index.rec_weak[shared[0]], index.rec_text[shared[0]]) == (False, "Abu Wafa AL-SAUDI")
    only_weak = _entity("9", (Name("Ali HASSAN"), _WEAK_FIRST[1]))
    index = Screener.build([only_weak], MatchingPolicy(screen_cache=0)).index
    weak = [index.rec_weak[r] for r, t in enumerate(index.rec_text) if "SAOUDI" in t]
    assert weak and all(weak)


_ABD_HAYY = ["ABD-AL-WAHAB, Abd-al-Hai Ahmad", "'ABD-AL-WAHHAB, Ahmad", "Ali HASSAN"]


def test_abd_al_hayy_agrees_with_the_listed_hai_that_has_no_skeleton_either() -> None:
    # "الحي" of "عبد الحي" was kept with its article (skeleton l, in no listed word), so the
    # name stayed at the skeleton's discount (0.69, under ABD-AL-WAHHAB, Ahmad at 0.72)
    entities = [e("person", name, source_id=str(i)) for i, name in enumerate(_ABD_HAYY)]
    screener = Screener.build(entities, MatchingPolicy(screen_cache=0))
    for text in ("عبد الحي احمد عبد الوهاب", "عبدالحي أحمد عبدالوهاب"):
        result = screener.screen(make_query(text, type="person"), ScreenOptions(limit=3))
        first = result.matches[0]
        assert (first.name, first.alert) == (_ABD_HAYY[0], True)
        assert first.score > 0.9


def test_a_hayy_with_no_listed_word_to_stand_in_lifts_nothing() -> None:
    cut, words = TrustParams().spelled_word_sim, WordParams()
    native = ("عبد", "الحي", "احمد")
    assert spelled._vowels_agree(native, "ABDUL HAI, Ahmad", cut, words, True)
    assert spelled._vowels_agree(native, "Abdul Hayy AHMAD", cut, words, True)
    assert not spelled._vowels_agree(native, "ABDUL, Ahmad", cut, words, True)
    assert not spelled._vowels_agree(native, "AHMAD, Abdul", cut, words, True)
