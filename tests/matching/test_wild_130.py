"""Matching, issue 11 round two (h145): names as screening inputs write them, found by
``benchmarks/bench_wild.py`` on its tune split —

- a title or rank before the name beyond the one-word titles every query drops ("Lt. Gen.",
  "His Excellency", "Col.");
- a descriptor after it (", director", " - managing director", ", b. 1970");
- an e-mail header or address ("Ivan Kozlov <ivan.kozlov@mail.ru>", "ivan.kozlov@mail.ru");
- mojibake: UTF-8 read as cp1252 or Latin-1 ("ÐšÐ¾Ð·Ð»Ð¾Ð²" for "Козлов", "PABÃ“N").

Each is read away as a further reading of the query (``matching.honorifics``), screened as a
part is; the query as written is screened as before, so a title that is a company's own word
("General Electric") and unlisted names with a title stay as they were."""

from __future__ import annotations

import pytest

from clearance.matching.honorifics import (
    input_readings,
    repair_mojibake,
    without_address,
    without_descriptor,
    without_title,
)
from tests.matching.factory import company_alerts, people_alerts


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Lt. Gen. Sergei BESEDA", "BESEDA, Sergei Orestovich"),
        ("His Excellency Ali Akbar VELAYATI", "VELAYATI, Ali Akbar"),
        ("H.E. Sheikh Ali Akbar VELAYATI", "VELAYATI, Ali Akbar"),
    ],
)
def test_a_title_before_the_name(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Alexander REMEZKOV, director", "REMEZKOV, Alexander Aleksandrovich"),
        ("Ivan Petrovich KOZLOV - managing director", "KOZLOV, Ivan Petrovich"),
        ("KOZLOV Ivan Petrovich, b. 1970", "KOZLOV, Ivan Petrovich"),
    ],
)
def test_a_descriptor_after_the_name(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}


@pytest.mark.parametrize(
    "query",
    ["Ivan Kozlov <ivan.kozlov@mail.ru>", '"Kozlov, Ivan" <ik@mail.ru>', "ivan.kozlov@mail.ru"],
)
def test_an_e_mail_input(query: str) -> None:
    assert people_alerts(["KOZLOV, Ivan"], query) == {"KOZLOV, Ivan"}


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ÐšÐ¾Ð·Ð»Ð¾Ð² Ð˜Ð²Ð°Ð½", "KOZLOV, Ivan"),
        ("Fabio ZAVARSE PABÃ“N", "ZAVARSE PABON, Fabio"),
    ],
)
def test_mojibake(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}


def test_mojibake_company() -> None:
    query = "ÐžÐžÐž Ð\u201dÐ¸Ð¾Ð½"  # ООО Дион, read as cp1252
    assert repair_mojibake(query) == "ООО Дион"
    assert company_alerts(["DION, OOO"], query) == {"DION, OOO"}


def test_readings_leave_names_alone() -> None:
    # a company's own word, one word left, a name without any of these: no reading
    assert without_title("General Electric") is None
    assert without_title("Mr Smith") is None
    assert without_descriptor("RK BRIZ, OOO") is None
    assert without_descriptor("Ali Hassan, Damascus") is None
    assert without_address("Ivan Kozlov") is None
    assert repair_mojibake("Müller Ðoković") is None
    assert input_readings("ROSNEFT OIL COMPANY") == []


def test_readings() -> None:
    assert without_title("Lt. Gen. H.E. Ivan Petrov") == "Ivan Petrov"
    assert without_descriptor("Ivan Petrov (born 1970), director") == "Ivan Petrov"
    assert without_address("ivan_petrov.1970@mail.ru") == "ivan petrov"
    assert input_readings("Dr. Ivan Petrov <ivan@x.org>") == ["Dr. Ivan Petrov", "Ivan Petrov"]


@pytest.mark.parametrize(
    "query", ["General John SMITHERS", "Dr. Ahmad Karimi, director", "john.smithers@mail.ru"]
)
def test_unlisted_names_with_a_title_do_not_alert(query: str) -> None:
    assert people_alerts(["SMITH, John", "KARIMI, Ali"], query) == set()
