"""Hebrew script, round three (issue 11, class 6): the recall classes of the tune split.

A Hebrew name's skeleton readings are made word by word as the lists spell them
(:func:`~clearance.matching.hebrew.vocab_skeletons`), the Russian patronymic's -vich and -vna
read v and ch first, a first vav is a consonant, a word of vowel letters alone writes no
skeleton letter; the guard's spellings know gh (ג, ע, ע׳), two vowels Hebrew leaves unwritten
("ae" of Nikolaevich, "ea" of Laureano), a final ה after ו or י as the h of a Latin spelling
(Salih, Rabbuh), the ayn of a listed "Sa'ad"; and צ is also s (Arabic sad: "צאלח" / Salih).
"""

from __future__ import annotations

from clearance.matching.engine import Screener
from clearance.matching.hebrew import hebrew_skeletons, vowels_agree
from clearance.matching.hebrew_vowels import latin_words
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.scripts import latin_skeleton
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

# names of the same consonants or words, listed beside the one looked for
_OTHERS = ["NIKOLAEV, Ivan", "BELOV, Mikhail", "KOLESNIK, Andrey Ivanovich", "SADIQ, Mohamed",
           "ABBAS, Ghassan", "KIM Tin", "OSMAN, Ali", "LOPEZ, Ricardo"]  # fmt: skip


def _alerted(listed: str, query: str) -> bool:
    """Whether ``listed``, on a list with :data:`_OTHERS`, alerts for the Hebrew ``query``."""
    names = [listed, *_OTHERS]
    built = [e("person", name, source_id=str(i)) for i, name in enumerate(names)]
    screener = Screener.build(built, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query(query, type="person"), ScreenOptions(limit=10))
    return any(m.alert and m.source_id == "0" for m in result.matches)


def _skeleton(listed: str) -> tuple[str, ...]:
    return tuple(s for s in map(latin_skeleton, listed.split()) if s)


def test_a_patronymic_reads_v_and_ch() -> None:
    """-vich written ויח, ביך, ויך (with or without its i) and -vna, בנה: the v and the ch of
    the listed "nklfj", however many readings the other words have."""
    assert _alerted("BELOUSOV, Mikhail Nikolaevich", "מיחאיל ניכולויח בלוסוב")
    assert _alerted("Tamara Ivanovna FROLOVA", "טמרה איונובנה פרולובה")
    assert hebrew_skeletons("ניכולויח")[0] == _skeleton("Nikolaevich")


def test_a_first_vav_is_a_consonant() -> None:
    """A Hebrew word that begins with a vowel writes א: a first ו is v (or w)."""
    assert hebrew_skeletons("ולדימיר")[0] == _skeleton("Vladimir")


def test_a_word_of_vowel_letters_writes_no_skeleton_letter() -> None:
    """ "או" (Oo), "ייו" (Yiu): the listed skeletons have no letter for them (not v)."""
    assert hebrew_skeletons("קיו מין או")[0] == _skeleton("KYAW MIN OO")
    assert hebrew_skeletons("ייו וה יונג")[0] == _skeleton("YUNG Yiu Wa")


def test_gh_is_written_gimel_or_ayin() -> None:
    """A Persian or Arabic gh: "סדגי" is Sadeghi, "גולאם" and "ע׳ולאם" are Ghulam."""
    assert vowels_agree(("מוהמד", "סדגי"), "Mohamed SADEGHI")
    assert _alerted("Mohamed SADEGHI", "מוהמד סדגי")
    assert vowels_agree(("גולאם", "עלי"), "GHULAM, Ali")
    assert vowels_agree(("ע׳ולאם", "עלי"), "GHULAM, Ali")
    assert ("glm", "l") in hebrew_skeletons("ע׳ולאם עלי")


def test_two_vowels_hebrew_leaves_unwritten() -> None:
    """The "ae" of Nikolaevich or Paez and the "ea" of Laureano have no letter."""
    assert vowels_agree(("ניקולביץ׳",), "NIKOLAEVICH")
    assert vowels_agree(("לורנו",), "LAUREANO")
    assert _alerted("PAEZ LOPEZ, Ricardo", "ריקרדו פז לופז")
    assert not vowels_agree(("מוחמד",), "MAHMOUD")  # (a written vowel still counts)


def test_a_final_he_after_a_vowel_letter_may_be_an_h() -> None:
    assert vowels_agree(("סליה",), "SALIH") and vowels_agree(("רבוה",), "RABBUH")
    assert vowels_agree(("סליה", "אל", "ארורי"), "AL-ARURI, Salih")
    assert not vowels_agree(("אלה",), "ALI")  # (a final he after a consonant is still a vowel)


def test_tsadi_is_also_an_arabic_s() -> None:
    """Hebrew writes the Arabic sad as צ: "צאלח" is Salih, "sl"."""
    assert ("sl",) in hebrew_skeletons("צאלח")
    assert _alerted("SALIH, Muhammad", "מוחמד צאלח")


def test_a_listed_apostrophe_stays_in_its_word() -> None:
    """The ayn of "SA'ADI" is written ע: "סעדי" spells the one listed word "sa'adi"."""
    assert latin_words("AL-SA'ADI, Mansur") == ["al", "sa'adi", "mansur"]
    assert vowels_agree(("מנסור", "אל", "סעדי"), "AL-SA'ADI, Mansur")
    assert _alerted("AL-SA'ADI, Mansur", "מנסור אל סעדי")
