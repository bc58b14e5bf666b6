"""The normaliser: folding, scripts, legal forms (plus Hypothesis properties)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.matching.legalforms import split_legal_forms
from clearance.matching.normalize import analyse, fold
from clearance.matching.phonetics import phonetic, respell
from clearance.matching.scripts import detect_script, romanise


def tokens(text: str) -> list[tuple[str, ...]]:
    return [f.tokens for f in analyse(text)]


def test_fold_case_punctuation_diacritics() -> None:
    assert fold("  MKRTYCHEV,  Ashot ") == "mkrtychev ashot"
    assert fold("Čapek-Šťastný") == "capek stastny"
    assert fold("O'Brien") == "obrien"
    assert fold("Straße") == "strasse"


def test_numbers_are_split_from_letters_and_kept() -> None:
    assert fold("11420 CORP.") == "11420 corp"
    assert fold("BOEING737") == "boeing 737"


def test_legal_forms_split_across_languages() -> None:
    for text in ("ООО Верус", "Verus LLC", "LIMITED LIABILITY COMPANY VERUS", "LLC VERUS"):
        (form,) = analyse(text)
        assert form.tokens == ("verus",)
        assert form.forms == {"llc"}, text
    (too,) = analyse("TOO Defense Engineering")
    (llp,) = analyse("DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP")
    assert too.forms == llp.forms == {"llp"}
    assert too.tokens == llp.tokens == ("defense", "engineering")
    (sro,) = analyse("Versor s.r.o.")
    assert sro.forms == {"sro"}


def test_a_legal_form_alone_stays_a_name() -> None:
    # Nothing but a legal form: keep it as the name rather than an empty name.
    assert tokens("Limited") == [("limited",)]
    words, forms = split_legal_forms(["ooo"])
    assert words == ["ooo"] and not forms


def test_arabic_compounds_share_one_spelling() -> None:
    spellings = ["Abd al-Rahman", "Abdul Rahman", "Abdulrahman", "Abdel Rahman", "Abd Al Rahman"]
    assert {tokens(s)[0] for s in spellings} == {("abdul", "rahman")}
    assert tokens("Abdullah Azzam")[0] == ("abdullah", "azzam")


def test_scripts_detected_and_romanised() -> None:
    assert detect_script("Мкртычев Ашот") == "Cyrl"
    assert detect_script("محمد جواد ظريف") == "Arab"
    assert detect_script("김정은") == "Hang"
    assert detect_script("习近平") == "Hani"
    assert detect_script("Ashot") == "Latn"
    assert ("mkrtychev", "ashot") in tokens("Мкртычев Ашот")
    assert ("kim", "jong", "un") in tokens("김정은")
    assert ("xi", "jin", "ping") in tokens("习近平")
    assert ("alexis", "tsipras") in tokens("Αλέξης Τσίπρας")
    assert romanise("Ashot") == []


def test_phonetic_merges_romanisation_variants() -> None:
    assert phonetic("mkrtychev") == phonetic("mkrtichev") == phonetic("mkrtytchev")
    assert phonetic("khodorkovsky") == phonetic("hodorkovski")
    assert phonetic("mohammed") == phonetic("muhammad") == phonetic("mohamed")
    assert phonetic("tsoy") == phonetic("tsoi")


names = st.text(
    alphabet=st.characters(
        whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Zs", "Pd", "Po"),
        max_codepoint=0xD7A3,
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(names)
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert once == once.strip()
    assert "  " not in once


@settings(max_examples=300, deadline=None)
@given(names)
def test_analyse_is_stable_and_ascii_for_romanised_forms(text: str) -> None:
    first = analyse(text)
    assert analyse(text) == first  # deterministic
    for form in first:
        if not form.native:
            assert all(t.isascii() and t for t in form.tokens)
            # Script-stable: analysing the romanised words again changes nothing. (Legal-form
            # splitting stays out: taking a form off one edge may leave another at that edge,
            # "AG 0 A OEG" -> "0 a oeg" -> "0 a" + OEG, by design.)
            again = analyse(" ".join(form.tokens), split_forms=False)
            assert again[0].tokens == form.tokens


@settings(max_examples=200, deadline=None)
@given(names)
def test_case_and_spacing_do_not_change_forms(text: str) -> None:
    assert [f.tokens for f in analyse(text.upper())] == [f.tokens for f in analyse(text.upper())]
    assert [f.tokens for f in analyse(f"  {text}  ")] == [f.tokens for f in analyse(text)]


def test_distinctive_legal_forms_are_split_inside_a_name_ambiguous_ones_only_at_edges() -> None:
    (ooo,) = analyse("FOREIGN OOO SLAVKALI")
    (llc,) = analyse("FOREIGN LIMITED LIABILITY COMPANY SLAVKALI")
    assert ooo.tokens == llc.tokens == ("foreign", "slavkali")
    assert ooo.forms == llc.forms == {"llc"}
    (inner,) = analyse("BANCO SA DE INVERSIONES")  # "sa" inside a name stays a word
    assert inner.tokens == ("banco", "sa", "de", "inversiones")


def test_legal_forms_recognised_by_sound() -> None:
    for text in ("Publik Yoint-Stokk Kompany Vympel", "Publits Yoint-Stotsk Tsompany Vympel"):
        (form,) = analyse(text)
        assert form.tokens == ("vympel",), text
        assert form.forms == {"jsc"}


def test_respell_undoes_letter_by_letter_cyrillic_round_trips() -> None:
    assert respell("tskhangzkhou") == "changzhou"
    assert respell("tsompany") == "company"
    assert respell("manuyel") == "manuel"
    assert respell("yeksport") == "export"
    assert respell("sappkhire") == "sapphire"
    assert respell("ashot") == "ashot"  # nothing to undo


def test_given_name_run_into_upper_case_family_name_is_split() -> None:
    assert fold("RezaTAGHIPOUR") == "reza taghipour"
    assert fold("MinSHI") == "min shi"
    assert fold("McDonald") == "mcdonald"  # ordinary capitals stay


def test_jose_and_yose_share_a_sound() -> None:
    assert phonetic("jose") == phonetic("yose")


def test_a_doubled_letter_in_a_legal_form_is_still_the_form() -> None:
    for text, rest in (("RAHAT LLTD.", ("rahat",)), ("JSCC PLANAR", ("planar",)),
                       ("DSD, OOOO", ("dsd",)), ("LLLC BITVAN", ("bitvan",))):  # fmt: skip
        (form,) = analyse(text)
        assert form.tokens == rest and form.forms, text
    (sall,) = analyse("Ibrahima Sall")  # a name, not the form SAL
    assert sall.tokens == ("ibrahima", "sall")
    (pratt,) = analyse("Pratt Holdings")  # a name, not PrAT (sounds alike)
    assert pratt.tokens == ("pratt", "holdings")


def test_a_query_name_is_read_once_for_its_check_and_its_forms() -> None:
    """``make_query``'s input check and ``query_forms`` share one reading of the name (script,
    romanisations, native form): the second analysis finds it memoised."""
    from clearance.matching import forms as forms_module
    from clearance.matching import normalize
    from clearance.matching.forms import query_forms
    from clearance.matching.query import make_query

    for name in ("شركة النور للتجارة ذ.م.م", "Ашот Мкртычев", "Müller मंडल Group"):
        # (query_forms memoises whole queries: an earlier test may have formed this one)
        forms_module._query_forms.cache_clear()
        normalize._readings.cache_clear()
        query = make_query(name)
        assert normalize._readings.cache_info().misses == 1
        forms = query_forms(query)
        info = normalize._readings.cache_info()
        assert info.misses <= 2 and info.hits >= 1  # (a query part may be read apart)
        assert forms and all(f.form.tokens for f in forms)
        warm = analyse(name, query=True)
        normalize._readings.cache_clear()  # a cold reading gives the same forms
        assert analyse(name, query=True) == warm
