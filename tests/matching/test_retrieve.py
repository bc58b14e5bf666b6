"""Candidate retrieval: bounds, and the memo of word lookups."""

from __future__ import annotations

from clearance.matching.engine import Screener, query_forms
from clearance.matching.index import KIND_SKELETON, WordHitCache
from clearance.matching.query import make_query
from clearance.matching.retrieve import QueryForm, retrieve
from clearance.settings import MatchingPolicy
from tests.matching.factory import e


def test_word_cache_keeps_words_in_use_and_stays_bounded() -> None:
    cache = WordHitCache(2)
    cache.put((0, "ali"), None)
    cache.put((0, "omar"), None)
    cache.put((0, "hasan"), None)  # young was full: ali and omar become the old generation
    assert cache.get((0, "ali")) == (True, None)  # still there, and moved back to young
    cache.put((0, "karim"), None)
    cache.put((0, "yusuf"), None)  # omar was only in the old generation: dropped
    assert cache.get((0, "omar")) == (False, None)
    assert len(cache.young) + len(cache.old) <= 4


def test_a_short_query_does_not_reach_a_long_organisation_name_by_one_word() -> None:
    screener = Screener.build(
        [
            e("organization", "SYRIAN ARAB AIR DEFENSE FORCES", source_id="long"),
            e("organization", "DEFENSE ENGINEERING", source_id="short"),
        ],
        MatchingPolicy(),
    )
    query = make_query("Defense Engineering", type="organization")
    found = retrieve(screener.index, query_forms(query), floor=0.6, params=screener.algo.names)
    sources = {screener.index.ent_source_id[screener.index.rec_entity[r]] for r in found}
    assert sources == {"short"}


def test_a_form_trusted_less_reaches_only_what_its_trust_lets_score() -> None:
    screener = Screener.build(
        [e("person", "Muhammad Rida Karimi")],
        MatchingPolicy(),
    )
    index, params = screener.index, screener.algo.names
    # A vowelled Arabic-script name: its consonant skeleton is trusted at most 0.69, so a
    # listed name sharing two of three skeleton words (2/3 < 0.6 / 0.69) cannot reach the
    # floor through it.
    forms = [f for f in query_forms(make_query("محمد رضا جواد")) if f.kind == KIND_SKELETON]
    assert forms and all(f.trust < 0.7 for f in forms)
    assert retrieve(index, forms, floor=0.6, params=params) == {}
    trusted = [QueryForm(f.form, f.kind, 1.0) for f in forms]
    assert retrieve(index, trusted, floor=0.6, params=params)  # the same form, fully trusted


def test_two_query_words_run_together_in_the_list_are_retrieved_by_sound() -> None:
    """The scorer pairs "Lozits Kii" with "Lozitskiy" (run together, same sound); retrieval
    must reach the name at the default threshold too, not only at a low one. Another syllable
    run together ("Yang Hao" / "Yonghao") is not reached that way."""
    from clearance.matching.engine import Screener
    from clearance.matching.query import ScreenOptions, make_query
    from clearance.settings import MatchingPolicy
    from tests.matching.factory import e

    # As the UK list writes him (uk-14670), among names that share his given names.
    listed = [e("person", "Aleksandr LOZITSKY", "ЛОЗИЦКИЙ Александр Витальевич", source_id="lz"),
              e("person", "WU, Yonghao", source_id="wu")]  # fmt: skip
    surnames = ("PETROV", "IVANOV", "SIDOROV", "KOZLOV", "POPOV", "SOKOLOV", "LEBEDEV")
    listed += [e("person", f"{s}{'A' * k}, Aleksandr Vitalevich", source_id=f"f{s}{k}")
               for s in surnames for k in range(8)]  # fmt: skip
    screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query("LOZITsKII Aleksandr Vitalevich"), ScreenOptions())
    assert result.alert and result.matches[0].source_id == "lz"
    result = screener.screen(make_query("yang hao"), ScreenOptions())
    assert not result.alert


def test_a_respelt_word_reaches_names_one_edit_from_its_reading() -> None:
    """A round trip: "Skheikkhney·ad" (SHEIKHNEJAD through Cyrillic letter by letter) is read
    back as "sheikhneyad", one letter from the listed word: retrieval reaches it as the scorer
    pairs it, even when the other word ("Khassan") reaches many names."""
    from string import ascii_lowercase

    fillers = [e("person", f"Hassan Q{a}{b}zzar") for a in ascii_lowercase[:8]
               for b in ascii_lowercase[:8]]  # fmt: skip
    target = e("person", "Hassan SHEIKHNEJAD", source_id="target")
    screener = Screener.build([*fillers, target], MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query("Khassan SKHEIKKHNEY·AD", type="person"))
    assert result.alert and result.matches[0].source_id == "target"
