"""Matching, issue 11 round two (h145): names as screening inputs write them, found by
``benchmarks/bench_wild.py`` on its tune split —

- a title or rank before the name beyond the one-word titles every query drops ("Lt. Gen.",
  "His Excellency", "Col.");
- a descriptor after it (", director", " - managing director", ", b. 1970");
- an e-mail header or address ("Ivan Kozlov <ivan.kozlov@mail.ru>", "ivan.kozlov@mail.ru");
- mojibake: UTF-8 read as cp1252 or Latin-1 ("ÐšÐ¾Ð·Ð»Ð¾Ð²" for "Козлов", "PABÃ“N"), also
  with the C1 controls Latin-1 writes for some bytes (no longer refused as control characters
  when the text reads back), and line breaks inside a name (read as spaces, not refused);
- a Roman numeral for a number and a number for a Roman numeral ("VICTORY 2" / VICTORY II),
  "The" before a company's name, a CamelCase word ("Awad IbnAuf").

Each is read away as a further reading of the query (``matching.honorifics``), screened as a
part is; the query as written is screened as before, so a title that is a company's own word
("General Electric") and unlisted names with a title stay as they were."""

from __future__ import annotations

import pytest

from clearance.errors import QueryError
from clearance.matching.honorifics import (
    camel_split,
    input_readings,
    numerals_read,
    repair_mojibake,
    without_address,
    without_descriptor,
    without_title,
)
from clearance.matching.query import make_query
from tests.matching.factory import company_alerts, people_alerts


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Lt. Gen. Sergei BESEDA", "BESEDA, Sergei Orestovich"),
        ("His Excellency Ali Akbar VELAYATI", "VELAYATI, Ali Akbar"),
        ("Brig. Gen. Ali Akbar VELAYATI", "VELAYATI, Ali Akbar"),
    ],
)
def test_a_title_before_the_name(query: str, listed: str) -> None:
    assert people_alerts([listed], query) == {listed}
    # ... and an unlisted name with the same title still does not alert
    other = query.replace(listed.split(",")[0], "SMITHERS")
    assert people_alerts([listed, "SMITH, John"], other) == set()


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
    other = query.replace(listed.split(",")[0], "SMITHERS")
    assert people_alerts([listed, "SMITH, John"], other) == set()


@pytest.mark.parametrize(
    "query",
    ["Ivan Kozlov <ivan.kozlov@mail.ru>", '"Kozlov, Ivan" <ik@mail.ru>', "ivan.kozlov@mail.ru"],
)
def test_an_e_mail_input(query: str) -> None:
    assert people_alerts(["KOZLOV, Ivan"], query) == {"KOZLOV, Ivan"}
    other = query.replace("Kozlov", "Smithers").replace("kozlov", "smithers")
    assert people_alerts(["KOZLOV, Ivan", "SMITH, John"], other) == set()


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
    assert input_readings("Lt. Gen. Ivan Petrov <ivan@x.org>") == [
        "Lt. Gen. Ivan Petrov",
        "Ivan Petrov",
    ]
    # (no reading for the one-word titles every query drops: "Dr", "Mrs.")
    assert input_readings("Dr. Ivan Petrov <ivan@x.org>") == ["Dr. Ivan Petrov"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [("VICTORY II", "VICTORY 2"), ("SPARTA 3", "SPARTA III"), ("NAM SAN VIII", "NAM SAN 8")],
)
def test_numerals(query: str, listed: str) -> None:
    assert company_alerts([listed], query) == {listed}


def test_the_before_a_company() -> None:
    listed = "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TEKHNOSOFT"
    assert company_alerts([listed], f"THE {listed}") == {listed}


def test_camel_case() -> None:
    assert people_alerts(["IBN AUF, Awad"], "Awad IbnAuf") == {"IBN AUF, Awad"}
    assert camel_split("RezaTAGHIPOUR") is None  # (fold's own case)
    assert numerals_read("LI XI") == "LI 11"  # (a further reading only: LI XI is screened)


def test_line_breaks_and_latin_1_controls_are_screened() -> None:
    assert people_alerts(["PALNYCHENKO, Igor"], "Igor \nPALNYCHENKO") == {"PALNYCHENKO, Igor"}
    query = "\u0412\u044f\u0447\u0435\u0441\u043b\u0430\u0432 \u041f\u0415\u0422\u0420\u041e\u0412"
    mangled = query.encode("utf-8").decode("latin-1")  # Вячеслав ПЕТРОВ, C1 controls and all
    assert repair_mojibake(mangled) == query
    assert people_alerts(["PETROV, Vyacheslav"], mangled) == {"PETROV, Vyacheslav"}
    with pytest.raises(QueryError, match="control"):
        make_query("bad\x00name")
    with pytest.raises(QueryError, match="control"):
        make_query("bad\x85name")
