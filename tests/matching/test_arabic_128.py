"""Matching round two, Arabic-script queries (h128): recall classes of Persian and Urdu
spellings, and the cost of a crowded skeleton.

- Urdu and Persian spellings speak a vowel in a name's last two consonants: "فضل" (fadl,
  its ض a z) is listed FAZAL, "بدر" BADAR (``vowels.epenthetic``).
- A word the table does not read has its ض read as z too when its written vowels are
  checked: "فضال", Fazal written letter by letter, stands in FAZAL (``vowels._stands``).
- A French silent e after a doubled consonant is no vowel either: ILYASSE is الياس.
- A crowded skeleton's candidates that no skeleton reaches exactly are not scored when they
  could only show under the threshold (``crowded.py``): "محمد ابو ليل".
"""

from __future__ import annotations

from clearance.matching.crowded import crowd_may_drop, crowded_skeletons
from clearance.matching.engine import Screener
from clearance.matching.forms import query_forms
from clearance.matching.index import KIND_SKELETON
from clearance.matching.query import make_query
from clearance.matching.retrieve import Reached, retrieve
from clearance.matching.vowels import epenthetic, long_vowels_agree, silent_e, spelt_alike
from clearance.settings import MatchingPolicy
from tests.matching.factory import e, listed_alerts

_PEOPLE = ["SMITH, John", "PETROV, Ivan Sergeyevich", "HASSAN, Ali"]


def test_a_spoken_vowel_in_the_last_two_consonants() -> None:
    """Fazl is written Fazal in Urdu and Persian spellings: the script writes no short vowel,
    so the table's reading agrees with the listed word as spelt (not a long vowel before the
    last consonant, nor a digraph: "mahmud", "shaykh")."""
    assert epenthetic("fazl") == "fazal" and epenthetic("badr") == "badar"
    assert epenthetic("mahmud") is None and epenthetic("shaykh") is None
    assert epenthetic("amr") is None and epenthetic("zayd") is None
    assert spelt_alike("fazl", "fazal") and not spelt_alike("fazl", "fazil")
    assert not spelt_alike("nasr", "naser") and not spelt_alike("fazl", "fazel")
    assert not spelt_alike("nasr", "nashar") and spelt_alike("nasr", "nasar")
    listed = [*_PEOPLE, "RAHIM, Fazal", "HAYAT, Fazal"]
    assert listed_alerts(listed, "فضل رحيم", "person") == {"RAHIM, Fazal"}
    assert listed_alerts(listed, "فضل حیات", "person") == {"HAYAT, Fazal"}


def test_dad_is_a_z_in_a_word_the_table_does_not_read() -> None:
    """فضال writes Fazal letter by letter; its ض is the z of the listed spelling."""
    assert long_vowels_agree("فضال", ("fazal",))
    assert not long_vowels_agree("فضال", ("fizul",))
    listed = [*_PEOPLE, "RAHIM, Fazal"]
    assert listed_alerts(listed, "فضال رحیم", "person") == {"RAHIM, Fazal"}


def test_a_silent_e_after_a_doubled_consonant() -> None:
    """Ilyasse is Ilyas spelt the French way: ss one s, its last e silent."""
    assert silent_e("ilyasse") == "ilyass" and silent_e("hassane") == "hassan"
    assert silent_e("jesse") == "jess" and silent_e("asse") == "asse"
    assert long_vowels_agree("الياس", ("ilyasse",))


def _crowd(count: int) -> list[str]:
    """``count`` different one-word surnames ("Ahmadali", "Alihasan", ...)."""
    given = ["Ahmad", "Ali", "Hasan", "Karim", "Nabil", "Omar", "Salim", "Tariq", "Walid", "Zaid"]
    return [given[i % 10] + given[i // 10 % 10].lower() + "ov" * (i // 100)
            for i in range(count)]  # fmt: skip


def test_a_crowded_skeleton_scores_only_the_names_it_reaches_exactly() -> None:
    """ "محمد ابو ليل" ("mhmd b l") reaches every Muhammad Abu through its skeleton at a trust
    (0.69) under the threshold: the skeleton records no skeleton reaches exactly are not
    scored, unless a threshold at or under that trust, a birth date or a country could use
    them; the name it reaches exactly still alerts."""
    names = ["Muhammad Abu Layl", *(f"Muhammad Abu {w}" for w in _crowd(150))]
    entities = [e("person", name, source_id=f"p{i}") for i, name in enumerate(names)]
    screener = Screener.build(entities, MatchingPolicy(screen_cache=0))
    query = make_query("محمد ابو ليل", type="person")
    result = screener.screen(query)
    assert result.matches[0].source_id == "p0" and result.matches[0].alert
    algo, index = screener.algo, screener.index
    forms = query_forms(query, algo.trust, index.vocab)
    assert crowd_may_drop(forms, 0.7, True)
    assert not crowd_may_drop(forms, 0.69, True) and not crowd_may_drop(forms, 0.7, False)
    reached: list[Reached] = []
    records = retrieve(index, forms, floor=algo.floor(0.7), params=algo.names,
                       retrieval=algo.retrieval, words=algo.words, person=True,
                       threshold=0.7, trust=algo.trust, reached=reached)  # fmt: skip
    skeletal = {r for r in records if index.rec_kind[r] == KIND_SKELETON}
    exact = {rec for found in reached for rec in found().tolist()}
    assert len(skeletal) > algo.retrieval.spelled_names and 1 <= len(exact) <= 2
    kept = crowded_skeletons(index, records, reached, algo.retrieval.spelled_names)
    assert {r for r in kept if index.rec_kind[r] == KIND_SKELETON} == exact & skeletal
    assert len(kept) == len(records) - len(skeletal - exact)
    assert crowded_skeletons(index, records, reached, len(skeletal)) == records
