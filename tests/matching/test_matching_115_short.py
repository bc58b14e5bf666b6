"""Matching 1.15 (short names and codes, Arabic-script nisbas): a letter of a company's
two-letter code dropped, a dotted legal form with a letter dropped or typed twice, a
two-letter form that names two forms; a nisba read from Arabic script is not the listed name
without its ending."""

from __future__ import annotations

import pytest

from clearance.matching.formslips import misspelt_form_reading
from clearance.matching.normalize import NameForm
from clearance.scripts import LATIN
from tests.matching.factory import listed_alerts

_COMPANIES = ["MB BANK", "KB RADAR", "VERSOR S.R.O.", "MANIA D.O.O.", "LLC BALTECH",
              "ADP, S.C.", "ISSA E.U.", "NOVA TRADE LIMITED"]  # fmt: skip
_PERSONS = ["AHSAN, Muhammad", "NUR, Hasan", "KARIM, Ali Abdul", "AL-MASRI, Khalid",
            "HASSAN, Hassan el-Hajj"]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("M BANK", "MB BANK"),  # a letter of a two-letter code dropped beside a generic word
        ("K RADAR", "KB RADAR"),
        ("LL BALTECH", "LLC BALTECH"),  # "ll" is LLC or LLP misspelt: both forms read
        ("VERSOR .R.O.", "VERSOR S.R.O."),  # a dotted form with a letter dropped
        ("MANIA D..O.", "MANIA D.O.O."),
        ("ADP, SS.C.", "ADP, S.C."),  # a letter typed twice in a dotted abbreviation
        ("ISSA EE.U.", "ISSA E.U."),
    ],
)
def test_a_short_code_or_form_with_a_slip_alerts(query: str, listed: str) -> None:
    assert listed in listed_alerts(_COMPANIES, query, "organization")


@pytest.mark.parametrize(
    "query",
    [
        "B BANK",  # not the first letter of MB
        "M",  # a letter alone
        "M NOVA BANK",  # another word left over
        "M RADAR",  # "m" is no letter of KB
    ],
)
def test_a_letter_is_no_code_without_the_rest_of_the_name(query: str) -> None:
    assert listed_alerts(_COMPANIES, query, "organization") == set()


def test_a_dotted_run_is_read_as_a_form_only_in_an_organisations_name() -> None:
    assert misspelt_form_reading(NameForm(("john", "a", "b"), frozenset(), LATIN),
                                 organization=True) is None  # fmt: skip
    petrov = NameForm(("petrov", "s", "p"), frozenset(), LATIN)  # "sp" is SPA with a letter dropped
    assert misspelt_form_reading(petrov) is None  # a name of unknown type: initials
    assert misspelt_form_reading(petrov, organization=True) is not None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("احسان محمدی", "AHSAN, Muhammad"),  # Mohammadi is not Muhammad
        ("حسن نوری", "NUR, Hasan"),  # Nouri is not Nur
        ("علي کریمی", "KARIM, Ali Abdul"),  # Karimi is not Karim
    ],
)
def test_a_nisba_read_from_arabic_script_is_another_name(query: str, listed: str) -> None:
    assert listed not in listed_alerts(_PERSONS, query, "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("خالد المصري", "AL-MASRI, Khalid"),  # the listed word has the ending too
        ("حسن الحاج حسن", "HASSAN, Hassan el-Hajj"),  # الحاج writes no -i: "haji" is the table's
    ],
)
def test_a_written_ending_the_listed_name_has_still_alerts(query: str, listed: str) -> None:
    assert listed in listed_alerts(_PERSONS, query, "person")
