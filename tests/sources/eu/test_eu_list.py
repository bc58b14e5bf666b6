"""The EU FSF reader on a hand-written sample in the published XML format."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.model import FuzzyDate, Gender, IdType, NameKind, NameQuality, Schema
from clearance.sources.base import ParsedList
from clearance.sources.eu import FORMATS, EuXmlFormat, read_eu

SAMPLE = Path(__file__).parent / "fixtures" / "eu_fsf_sample.xml"


@pytest.fixture(scope="module")
def parsed() -> ParsedList:
    return EuXmlFormat().read(SAMPLE)


def by_id(parsed: ParsedList, source_id: str):  # type: ignore[no-untyped-def]
    return next(e for e in parsed.entities if e.source_id == source_id)


def test_counts_and_publication(parsed: ParsedList) -> None:
    counts = parsed.counts()
    assert (counts["entities"], counts["schema.person"], counts["schema.organization"]) == (7, 5, 2)
    assert parsed.published == "2025-03-14T17:02:11.873+01:00"
    assert parsed.list == "eu" and parsed.format == "eu-xml"
    assert parsed.issues == []


def test_putin(parsed: ParsedList) -> None:
    putin = by_id(parsed, "135909")
    assert putin.id == "eu-135909" and putin.schema is Schema.PERSON
    primary = putin.names[0]
    assert primary.kind is NameKind.PRIMARY
    assert (primary.full, primary.given, primary.middle, primary.family) == (
        "Vladimir Vladimirovich PUTIN",
        "Vladimir",
        "Vladimirovich",
        "PUTIN",
    )
    scripts = {n.full: (n.script, n.lang) for n in putin.names[1:]}
    assert scripts == {
        "Vladimir Vladimirovitj PUTIN": (None, "sv"),
        "Владимир Владимирович ПУТИН": ("Cyrl", "bg"),
        "Βλαντίμιρ Βλαντιμίροβιτς ΠΟΥΤΙΝ": ("Grek", "el"),
    }
    assert putin.birth_dates == (FuzzyDate(1952, 10, 7),)
    assert putin.birth_places == ("Leningrad (now Saint-Petersburg), RUSSIAN FEDERATION",)
    assert putin.citizenships == ("RU",) and putin.gender is Gender.MALE
    assert putin.titles == ("President of the Russian Federation",)
    assert putin.programs == ("UKR",) and putin.listed_on == "2022-02-25"
    assert ("EU Ref", "EU.7240.52") in [(i.label, i.value) for i in putin.identifiers]
    regulation = putin.source_record["regulations"][0]
    assert regulation["number_title"] == "2022/332 (OJ L53)"
    assert regulation["publication_url"].startswith("https://eur-lex.europa.eu/")


def test_company_identifiers_address_and_weak_alias(parsed: ParsedList) -> None:
    bank = by_id(parsed, "135754")
    assert bank.schema is Schema.ORGANIZATION and bank.caption == "Bank Rossiya"
    assert [n.full for n in bank.names if n.quality is NameQuality.WEAK] == ["Rossiya"]
    ids = {(i.type, i.value) for i in bank.identifiers}
    assert {
        (IdType.REGISTRATION_NUMBER, "1027800000084"),
        (IdType.TAX_ID, "7831000122"),
        (IdType.SWIFT_BIC, "ROSYRU2P"),
        (IdType.WEBSITE, "www.abr.ru"),
        (IdType.PHONE, "+7 812 335 85 00"),
    } <= ids
    address = bank.addresses[0]
    assert (address.street, address.city, address.postal_code, address.country) == (
        "Rastrelli Square 2, Letter A",
        "St Petersburg",
        "191124",
        "RU",
    )


def test_vessel_owner_with_un_listing(parsed: ParsedList) -> None:
    omm = by_id(parsed, "80312")
    assert (IdType.IMO, "1790183", None) in [(i.type, i.value, i.country) for i in omm.identifiers]
    assert ("UN ID", "6908046") in [(i.label, i.value) for i in omm.identifiers]
    assert omm.programs == ("PRK",)  # two regulations, one programme
    assert omm.listed_on == "2014-07-30"
    assert omm.addresses[0].street == "Donghung Dong, Central District, PO Box 120"
    assert omm.addresses[0].region == "Central District"


def test_partial_and_approximate_birth_dates(parsed: ParsedList) -> None:
    baradar = by_id(parsed, "2005")
    assert baradar.birth_dates == (FuzzyDate(1968, circa=True),)
    assert baradar.titles == ("Mullah", "Deputy Minister of Defence under the Taliban regime")
    weak = {n.full for n in baradar.names if n.weak}
    assert weak == {"Baradar"}
    arabic = [n for n in baradar.names if n.script == "Arab"]
    assert arabic and arabic[0].lang == "fa"
    assert baradar.countries == ("PK",)
    saddam = by_id(parsed, "13")
    passport = saddam.identifiers[0]
    assert passport.type is IdType.NATIONAL_ID and passport.note is not None
    assert "known expired" in passport.note


def test_raw_reader_keeps_every_element() -> None:
    raw = read_eu(SAMPLE)
    assert len(raw.records) == 7
    putin = raw.records[0]
    assert [n.name_language for n in putin.names] == ["", "SV", "BG", "EL"]
    assert putin.birthdates[0].month == "10" and putin.birthdates[0].day == "7"
    assert raw.records[2].addresses[0].contacts == (
        ("WEB", "www.abr.ru"),
        ("PHONE", "+7 812 335 85 00"),
    )


def test_detect(data_dir: Path) -> None:
    fmt = FORMATS[0]
    assert fmt.name == "eu-xml" and fmt.list_name == "eu"
    assert fmt.detect(SAMPLE)
    assert not fmt.detect(data_dir / "un" / "2026-02-27" / "consolidated.xml")


def test_entities_round_trip_through_json(parsed: ParsedList) -> None:
    import orjson

    from clearance.model.codec import entity_from_dict, entity_to_dict

    for entity in parsed.entities:
        again = entity_from_dict(orjson.loads(orjson.dumps(entity_to_dict(entity))))
        assert again == entity and again.source_record == entity.source_record
