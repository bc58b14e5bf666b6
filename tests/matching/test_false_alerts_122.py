"""Matching 1.22: false alerts by population (issue 11, ru_RU, fr_FR, de_DE and the other
Latin-letter populations, by cause), each a rule with a reason — two fathers' names
(patronymics) that disagree make two people ("Svetlana Mikhaylovna Medvedeva" is not
MEDVEDEVA, Svetlana Vladimirovna); an agreeing patronymic supports pairing the word left
over only when that is the given name it follows ("Tarasova Irina Aleksandrovna" is not
CHERKASOVA, Irina Aleksandrovna; "Iuri Valentinovich Kovalchuk" is KOVALCHUK, Yuri
Valentinovich); and a company's name of one distinctive word two edits from a listed one is
another word, not a misspelling ("Martins" is not MARTYRS, "Dowerg" not DOVER); Vietnamese
legal forms ("Công ty TNHH", "Công ty Cổ phần") are legal forms, not name words; a name that
leaves out a syllable of a listed Korean or Chinese name and pairs another only as a
near-miss is another name ("Kim Hoàng" is not KIM Won Hong). A true
namesake, a name one typo off, a person's spelling ("Shamsedin" / SHAMSUDDIN) and a
patronymic left out on one side keep their alerts."""

from __future__ import annotations

import pytest

from clearance.matching.pairing import patronymics_disagree, supporting
from clearance.matching.params import NameParams
from clearance.matching.slips import single_word_sim
from clearance.matching.syllables import left_and_missed
from tests.matching.factory import listed_alerts

_PEOPLE = ["Ali HASSAN", "PETROV, Ivan Sergeyevich", "SMITH, John"]
_COMPANIES = ["ROSNEFT OIL COMPANY", "DOVER", "GAZ GROUP"]


def people(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_PEOPLE], query, "person")


def companies(listed: list[str], query: str) -> set[str]:
    return listed_alerts([*listed, *_COMPANIES], query, "organization")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Светлана Михайловна Медведева", "MEDVEDEVA, Svetlana Vladimirovna"),
        ("Vladimir Germanovich Konstantinov", "KONSTANTINOV, Vladimir Andreyevich"),
        ("Абрамов Василий Демьянович", "ВАСИЛИЙ ВИТАЛЬЕВИЧ АБРАМОВ"),
        ("Elena Efimovna Dmitrieva", "Elena Borisovna DMITRIYEVA"),
        ("Игнатьев Виктор Тимурович", "IGNATOV, Viktor Aleksandrovich"),
        ("Viacheslav Viacheslavovich Volodin", "VOLODIN, Vyacheslav Viktorovich"),
    ],
)
def test_two_patronymics_that_disagree_are_two_people(query: str, listed: str) -> None:
    assert people([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Svetlana Medvedeva", "MEDVEDEVA, Svetlana Vladimirovna"),  # no patronymic given
        ("Светлана Владимировна Медведева", "MEDVEDEVA, Svetlana Vladimirovna"),
        ("Medvedeva Svetlana Vladimirovna", "MEDVEDEVA, Svetlana"),  # the list has none
        ("Vladimir Andreevich Konstantinov", "KONSTANTINOV, Vladimir Andreyevich"),  # spelling
        ("Viacheslav Viktorovich Volodin", "VOLODIN, Vyacheslav Viktorovich"),  # ICAO
    ],
)
def test_a_patronymic_one_side_leaves_out_or_spells_otherwise_still_alerts(
    query: str, listed: str
) -> None:
    assert people([listed], query) == {listed}


def test_patronymics_disagree_only_when_both_are_left_over() -> None:
    assert patronymics_disagree((False, True, False), (True, False, True),
                                (False, True), (True, False))  # fmt: skip
    assert not patronymics_disagree((False, True, False), (True, True, True),
                                    (False, True), (True, False))  # fmt: skip
    assert not patronymics_disagree((False, True, False), (True, False, True),
                                    (False, False), (True, False))  # fmt: skip


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Tarasova Irina Aleksandrovna", "CHERKASOVA, Irina Aleksandrovna"),
    ],
)
def test_an_agreeing_patronymic_does_not_pair_another_family_name(query: str, listed: str) -> None:
    assert people([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Tarasova Irina Aleksandrovna", "TARASOVA, Irina Aleksandrovna"),
        ("Tarasova Irina Aleksandrovna", "TARASSOVA, Iryna Oleksandrivna"),
        ("Mohamed Ale Nkalubo", "MOHAMED ALI NKALUBO"),  # no patronymic: pairs as before
        ("Novikov Ian Valentinovich", "NOVIKOV, Yan Valentinovich"),  # a slip in a short word
        ("Iuri Valentinovich Kovalchuk", "KOVALCHUK, Yuri Valentinovich"),  # ICAO given name
    ],
)
def test_the_family_name_still_pairs_beside_a_patronymic(query: str, listed: str) -> None:
    assert people([listed], query) == {listed}


def test_a_patronymic_supports_only_a_slip() -> None:
    pairs = [(0, 0, 1.0, 1, 1), (1, 1, 1.0, 1, 1)]
    assert supporting(pairs, (), 0.94) == 2
    assert supporting(pairs, (False, False, False), 0.94) == 2
    assert supporting(pairs, (False, True, False), 0.94) == 1
    assert supporting([(0, 0, 1.0, 2, 1)], (False, False, False), 0.94) == 2
    assert supporting([(0, 0, 1.0, 2, 1)], (False, False, False), 0.94, single=True) == 0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Martins", "MARTYRS"),  # a French family name, not the English word
        ("Dowerg", "DOVER"),
        ("Renner", "RENERA"),
        ("Käster KG", "CASTOR"),
        ("Русснефть", "ROSNEFT"),
        ("Paksan", "PARSHAN"),  # typed in Latin letters: a k for an r and no h
    ],
)
def test_one_word_two_edits_from_a_listed_one_is_another_word(query: str, listed: str) -> None:
    assert companies([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sania", "SCANIA"),  # one letter dropped
        ("Renerra", "RENERA"),  # one doubled
        ("Castro", "CASTOR"),  # two letters swapped: one slip
        ("Rosneft", "ROSNEFT OIL COMPANY"),  # the listed word itself
    ],
)
def test_one_word_one_typo_from_a_listed_one_still_alerts(query: str, listed: str) -> None:
    assert listed in companies([listed], query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Shamsedin", "SHAMSUDDIN"),  # -edin / -uddin: a spelling of one name
        ("Dmitriy Kovalcuk", "KOVALCHUK, Dmitry"),
    ],
)
def test_a_persons_word_two_edits_off_may_be_a_spelling(query: str, listed: str) -> None:
    assert people([listed], query) == {listed}


def test_two_edits_keep_a_share_of_the_near_miss() -> None:
    params = NameParams()
    one = single_word_sim("castr", "castor", 0.9, (), params, person=False)
    two = single_word_sim("kaster", "castor", 0.855, (), params, person=False)
    assert two == pytest.approx((2 * 0.855 - 1) * params.two_edit_miss)
    assert one > two
    assert single_word_sim("kaster", "castor", 0.855, (), params) == pytest.approx(0.71)


_VIETNAMESE = [
    "CONG TY TNHH THINH CUONG",
    "CONG TY CO PHAN THUONG MAI VAN TAI BIEN TRUONG PHAT LOC",
]


@pytest.mark.parametrize("query", ["Dương Công ty TNHH", "Lê Dương Công ty TNHH"])
def test_a_vietnamese_legal_form_is_no_name_word(query: str) -> None:
    # "Công ty TNHH" is a limited liability company: Duong is no THINH CUONG
    assert companies(_VIETNAMESE, query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Công ty TNHH Thịnh Cường", "CONG TY TNHH THINH CUONG"),
        ("Thinh Cuong Company Limited", "CONG TY TNHH THINH CUONG"),  # the form translated
        ("Thinh Cuong LLC", "CONG TY TNHH THINH CUONG"),
        ("Công ty Cổ phần Thương mại Vận tải Biển Trường Phát Lộc", _VIETNAMESE[1]),
    ],
)
def test_a_vietnamese_company_alerts_with_its_form_in_any_language(query: str, listed: str) -> None:
    assert listed in companies(_VIETNAMESE, query)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kim Hoàng", "KIM, Won Hong"),  # a Vietnamese name: WON left out, HONG near
        ("Kim Vũ", "KIM, Hyon Wu"),
        ("Chi Hoàng", "HUANG, Man Chi"),
        ("Hà Hoàng", "Hwang SOK HA"),
    ],
)
def test_a_syllable_left_out_and_another_near_is_another_korean_name(
    query: str, listed: str
) -> None:
    assert people([listed], query) == set()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kim Won Hong", "KIM, Won Hong"),
        ("Kim Wonhong", "KIM, Won Hong"),  # run together
        ("Kim Won Hung", "KIM, Won Hong"),  # every syllable there, one off
        ("Hwang Sok Hwa", "HWANG SOK-HWA"),
        ("C. KO", "KO, Chol Man"),  # an initial is no near-miss
    ],
)
def test_a_korean_name_with_every_syllable_still_alerts(query: str, listed: str) -> None:
    assert people([listed], query) == {listed}


def test_left_and_missed_needs_a_listed_syllable_left_and_a_near_miss() -> None:
    params = NameParams()
    words = ("kim", "hoang")
    left = [True, False, True]
    assert left_and_missed([(0, 0, 1.0, 1, 1), (1, 2, 0.8, 1, 1)], words, left, params)
    assert not left_and_missed([(0, 0, 1.0, 1, 1), (1, 2, 1.0, 1, 1)], words, left, params)
    assert not left_and_missed([(0, 0, 1.0, 1, 1), (1, 1, 0.8, 2, 2)], words, [True] * 3, params)
    assert not left_and_missed([(0, 1, 0.8, 1, 1), (1, 0, 1.0, 1, 1)], ("c", "ko"), left, params)
