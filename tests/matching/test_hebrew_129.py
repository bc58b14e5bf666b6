"""Hebrew script, round four (issue 11, class 6): the recall classes of the tune split.

The vowels a Hebrew name writes (ו, י) count towards its reading's full trust when they agree
with the listed name's (a short skeleton, "l srn" of "אלי אושיירן", says no less of its name
than six consonants); they are matched without compiling a regular expression per word
(:func:`~clearance.matching.hebrew_vowels.spelling_node`, the language of the regular
expression ``hebrew_reference.spelling_pattern``); a patronymic's -vich written with a
doubled vav ("איבנוויח") reads v and ch.
"""

from __future__ import annotations

from clearance.matching.hebrew import hebrew_skeletons, vowels_agree, written_vowels
from clearance.matching.hebrew_spelling import fullmatch
from clearance.matching.hebrew_vowels import latin_words, spelling_node
from tests.matching.hebrew_reference import spelling_pattern
from tests.matching.test_hebrew_128 import _alerted, _skeleton  # (its list of look-alikes)


def test_written_vowels_that_agree_count_towards_the_full_trust() -> None:
    """Four consonants and the vowels written where the listed name has them: an alert."""
    assert _alerted("OSSEIRAN, Ali", "אלי אושיירן")
    assert _alerted("SWE, Myint", "מיינת שוה")
    assert _alerted("KIM, Lidia", "לידיה קים")
    assert _alerted("OK, Sabri", "סברי אוך")
    assert written_vowels(("אלי", "אושיירן")) == 2  # (not יי, not a first letter)


def test_written_vowels_that_disagree_lift_nothing() -> None:
    """The same consonants, other vowels: "אלי" is no Ala, "קים" no Kama."""
    assert not _alerted("OSSEIRAN, Ala", "אלי אושיירן")
    assert not _alerted("KAMA, Lidia", "לידיה קים")


def test_a_patronymic_with_a_doubled_vav_reads_v_and_ch() -> None:
    """-ovich written וויח (ו doubled for the consonant v): its v and ch first ("fj")."""
    assert hebrew_skeletons("איבנוויח")[0][0].endswith("fj")
    assert _skeleton("Ivanovich") in hebrew_skeletons("איבנוויח")[:4]
    assert hebrew_skeletons("אלכסנדרוויח")[0] == _skeleton("Aleksandrovich")


def test_the_spellings_match_as_the_regular_expression_does() -> None:
    """:func:`spelling_node` spells the language of :func:`spelling_pattern`, word for word."""
    hebrew = ["אלה", "סליה", "רבוה", "חיים", "ע׳ולאם", "ג׳ון", "ייו", "צ׳ארלי", "איבנוויח",
              "ניקולביץ'", "מוחמד", "כהן", "אושיירן", "לידיה", "שוה", "פותיייה",
              "אבדולג׳בד"]  # fmt: skip
    latin = latin_words(
        "Ala Ali Salih Sale Rabbuh Haim Chayim Hayyim Ghulam Gulam John Jon Yiu Charlie Chaim "
        "Ivanovich Ivanovic Nikolaevich Muhammad Mohammed Mahmoud Kahane Cohen Kohn Osseiran "
        "Usayran Lidia Lydia Shwe Swe Shawa Futayyih Abdoljavad Abduljawad Abdul-Jabbar y'a"
    )
    for word in hebrew:
        pattern, node = spelling_pattern(word), spelling_node(word)
        assert pattern is not None and node is not None
        for spelt in latin:
            assert fullmatch(node, spelt) == (pattern.fullmatch(spelt) is not None), (word, spelt)


def test_a_final_vav_has_no_vowel_after_it() -> None:
    """A final ו is o, u or v: a vowel after it would be written ("אליהו" is no LEHAVA)."""
    assert vowels_agree(("אליהו",), "ELIYAHU") and vowels_agree(("אבדו",), "ABDOU")
    assert not vowels_agree(("אליהו",), "LEHAVA")
