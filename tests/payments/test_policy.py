"""The declared policy, running-text windows, places and the decision hook."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.errors import ClearanceError
from clearance.messages import Message, read_path
from clearance.payments import Action, Decision, PaymentScreener, Policy
from clearance.payments import text as running
from clearance.payments.policy import DEFAULT_POLICY

from .conftest import FIXTURES


def test_default_policy_is_declared_and_complete() -> None:
    policy = Policy.load()
    assert [r.name for r in policy.regimes] == ["us-ofac", "eu", "uk", "un"]
    us = policy.regimes[0]
    assert us.jurisdictions == {"CU": Action.BLOCK, "IR": Action.REJECT, "KP": Action.REJECT,
                                "SY": Action.REVIEW}  # fmt: skip
    assert set(policy.regions) == {"crimea", "dnr", "lnr", "zaporizhzhia", "kherson"}
    assert "sevastopol" in policy.regions["crimea"].places
    assert (policy.review, policy.confirm, policy.text_review) == (0.70, 0.90, 0.85)


def test_strongest_program_decides() -> None:
    us = Policy.load().regimes[0]
    # VTB: UKRAINE-EO13662 (reject: sectoral) and RUSSIA-EO14024 (blocking) -> block
    assert us.listing_action("ofac-sdn", ("UKRAINE-EO13662", "RUSSIA-EO14024")) == (
        Action.BLOCK, "us-ofac/default",
    )  # fmt: skip
    assert us.listing_action("ofac-sdn", ("FSE-IR",)) == (Action.REJECT, "us-ofac/program/FSE-IR")
    assert us.listing_action("ofac-cons", ("NS-MBS",))[0] is Action.REJECT


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('crimea = "reject"    # EO 13685', 'crimea = "hold"'), "unknown action 'hold'"),
        (('active = ["us-ofac", "eu", "uk", "un"]', 'active = ["us-ofac", "mars"]'),
         "active regime 'mars' is not defined"),
        (("[regions.kherson]", "[regions.kherson_old]"), "region 'kherson' is not defined"),
    ],
)  # fmt: skip
def test_bad_policy_files_say_what_is_wrong(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    text = DEFAULT_POLICY.read_text()
    assert edit[0] in text
    path = tmp_path / "policy.toml"
    path.write_text(text.replace(*edit))
    with pytest.raises(ClearanceError, match=message):
        Policy.load(path)
    path.write_text("active = [")
    with pytest.raises(ClearanceError, match="cannot read the payment policy"):
        Policy.load(path)


def test_a_regime_can_relax_a_region(payments: PaymentScreener, tmp_path: Path) -> None:
    text = DEFAULT_POLICY.read_text().replace('active = ["us-ofac", "eu", "uk", "un"]',
                                              'active = ["us-ofac"]')  # fmt: skip
    path = tmp_path / "policy.toml"
    path.write_text(text.replace('crimea = "reject"    # EO 13685', 'crimea = "review"'))
    relaxed = PaymentScreener(payments.lists, Policy.load(path))
    (message,) = read_path(FIXTURES / "pacs008-simferopol.xml")
    assert isinstance(message, Message)
    decision = relaxed.screen(message)
    assert (decision.label, decision.rule) == ("review", "us-ofac/region/crimea")
    assert decision.policy == str(path)


def test_hook_receives_every_decision(payments: PaymentScreener) -> None:
    seen: list[Decision] = []
    screener = PaymentScreener(payments.lists, payments.policy, hooks=[seen.append])
    for item in read_path(FIXTURES / "mt103-lookalikes.rje"):
        assert isinstance(item, Message)
        screener.screen(item)
    assert [d.message.reference for d in seen] == ["H15-LOOK-0001", "H15-LOOK-0002",
                                                   "H15-LOOK-0003"]  # fmt: skip


def reach(word: str) -> int:
    return {"ashot": 3, "mkrtychev": 1, "consulting": 25, "bank": 400, "fee": 0}.get(word, 0)


def test_windows_need_an_anchor_and_known_words() -> None:
    items = running.words("CONSULTING FEE AS AGREED\nWITH ASHOT MKRTYCHEV")
    found = {w.text for w in running.windows(items, reach, 5)}
    assert found == {"ASHOT MKRTYCHEV"}  # "FEE", "AS", "AGREED", "WITH" are in no listed name
    assert next(iter(running.windows(items, reach, 5))).line == 2
    assert list(running.windows(running.words("BANK TRANSFER"), reach, 5)) == []


def test_covers_is_stricter_than_the_name_score() -> None:
    assert running.covers("ASHOT MKRTYCHEV", "MKRTYCHEV, Ashot")
    assert running.covers("LLC VERUS", "LIMITED LIABILITY COMPANY VERUS")
    assert not running.covers("NEW", "CLOSED JOINT-STOCK COMPANY NEW OIL COMPANY")
    assert not running.covers("ELECTRONIC COMPONENTS", "ELECTRONIC COMPONENTS INDUSTRIES CO")


def test_places_in_any_script_and_subdivision_codes() -> None:
    regions = Policy.load().regions
    assert [(r.key, p) for r, p in running.places("г. Севастополь, ул. Ленина", regions)] == [
        ("crimea", "севастополь")
    ]
    assert [r.key for r, _ in running.places("UA-14", regions)] == ["dnr"]
    assert [r.key for r, _ in running.places("Nova Kakhovka port", regions)] == ["kherson"]
    assert list(running.places("Donetsk Street 4, Toronto", regions)) != []  # by design
    assert list(running.places("Simferopoulos Bakery, Athens", regions)) == []


def test_imo_numbers_need_a_valid_check_digit() -> None:
    assert list(running.imo_numbers("MT ARTAVIL\nIMO 9187629")) == [("9187629", 2)]
    assert list(running.imo_numbers("IMO 9187628")) == []
