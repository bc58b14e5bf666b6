"""Matching 1.23: recall of names written in Arabic script against the listed Latin name
(issue 11, class c9 on fresh seeds, by cause) — an organisation's name with the article is
lifted on its long vowels as a person's is ("الحرمين" / AL-HARAMAIN: spelled._articled); a
listed abd al- compound written as one word ("Abu Jibril ABDURRAHMAN") agrees with the
table's "abdul" (listed_compounds.with_abd_parts); a consonant before ح is the Latin
digraph ("فتحي" /
FATHI: forms.digraph_reading); a table word without skeleton letters counts at the spelled
trust ("يحيى جمه" / JAMMEH, Yahya: forms.skeleton_trust); a construct's ta marbuta stands in
the listed t when long vowels are checked ("جماعه" / JAMAAT: vowels.long_vowels_agree).
Names that stayed quiet stay quiet."""

from __future__ import annotations

import pytest

from clearance.matching.engine import ALGORITHM_RELEASE
from clearance.matching.forms import digraph_reading
from clearance.matching.listed_compounds import with_abd_parts
from clearance.matching.params import WordParams
from clearance.matching.spelled import _vowels_agree
from clearance.matching.vowels import long_vowels_agree
from tests.matching.factory import listed_alerts

_PEOPLE = ["Ali HASSAN", "Mohammad KARIMI", "SAQR, Omar"]
_COMPANIES = ["ANSAR AL-ISLAM", "ISLAMIC JIHAD UNION", "AL-QAIDA"]


def test_release() -> None:
    """Its rules came with 1.23 (and stay in later releases)."""
    assert tuple(map(int, ALGORITHM_RELEASE.split("."))) >= (1, 23)


@pytest.mark.parametrize(
    ("query", "listed"),
    [("الحرمين", "AL-HARAMAIN"), ("جماعه الجهاد", "JAMA'AT AL-JIHAD")],
)
def test_organisation_with_the_article_is_lifted(query: str, listed: str) -> None:
    assert listed_alerts([listed, *_COMPANIES], query, "organization") == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("الحرمين", "AL-HARAMEIN HUMANITARIAN FOUNDATION"),  # one word of three
        ("الحرمين", "AL-HAREMI"),  # the listed word has no vowel where ي stands
        ("سیمان کردستان", "SAMAN KORDESTAN"),  # no article: organisations' words are no names
    ],
)
def test_organisation_still_quiet(query: str, listed: str) -> None:
    assert listed_alerts([listed, *_COMPANIES], query, "organization") == set()


def test_construct_ta_marbuta_stands_in_the_listed_t() -> None:
    assert long_vowels_agree("جماعه", ("jamaat", "aljihad"))
    assert not long_vowels_agree("جماع", ("jamaat",))  # (no ta marbuta: no t to read)


def test_with_abd_parts() -> None:
    assert with_abd_parts(("abu", "abdurrahman")) == ("abu", "abdurrahman", "abdul", "rahman")
    assert with_abd_parts(("abdirahman",)) == ("abdirahman", "abdul", "rahman")
    assert with_abd_parts(("abdullahi", "ali")) == ("abdullahi", "ali")
    assert with_abd_parts(("abdul", "rahman")) == ("abdul", "rahman")


def test_abd_compound_written_as_one_word_agrees() -> None:
    # the table's "abdul rahman" agrees with the listed one-word compound
    reading = ("ابو", "جبريل", "عبد", "الرحمن")
    words = WordParams()
    assert _vowels_agree(reading, "Abu Jibril ABDURRAHMAN", 0.94, words, True)
    assert _vowels_agree(reading[2:], "ABDIRAHMAN", 0.94, words, True)
    assert not _vowels_agree(reading, "Abu Jibril ABDURRAZAQ", 0.94, words, True)


def test_digraph_reading() -> None:
    assert digraph_reading("فتحي") == "فثي"  # Fathi
    assert digraph_reading("اسحاق") == "اساق"  # Ishaq
    assert digraph_reading("ادهم") == "ادهم"  # not before a heh (Persian "ده", "زه")
    assert digraph_reading("محمد") == "محمد"


def test_digraph_alerts() -> None:
    listed = "FATHI ZADEH, Mohsen"
    assert listed_alerts([listed, *_PEOPLE], "محسن فتحي زده", "person") == {listed}


def test_word_without_skeleton_letters_counts() -> None:
    listed = "JAMMEH, Yahya"
    assert listed_alerts([listed, "JAMA, Ali", *_PEOPLE], "يحيى جمه", "person") == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("يحيى جمه", "JOOMA, Yahya"),  # a listed oo is a waw the query does not write
        ("يحيى جمه", "JAMMEH, Zainab"),  # Yahya is no Zainab
    ],
)
def test_word_without_skeleton_letters_still_quiet(query: str, listed: str) -> None:
    assert listed_alerts([listed, *_PEOPLE], query, "person") == set()
