"""The remarks parser, fragment by fragment (texts taken from the published files)."""

from __future__ import annotations

import pytest

from clearance.model import (
    FuzzyDate,
    Gender,
    Identifier,
    IdType,
    NameKind,
    NameQuality,
    RelationKind,
    Schema,
)
from clearance.sources.ofac.remarks import (
    match_label,
    parse_date,
    parse_programs,
    parse_remarks,
    split_remarks,
)

PER, ORG = Schema.PERSON, Schema.ORGANIZATION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07 May 1966", FuzzyDate(1966, 5, 7)),
        ("May 1966", FuzzyDate(1966, 5)),
        ("1966", FuzzyDate(1966)),
        ("circa 1960", FuzzyDate(1960, circa=True)),
        ("circa 07 Jul 1966", FuzzyDate(1966, 7, 7, circa=True)),
        ("1958 to 1960", FuzzyDate(1958, until_year=1960)),
        ("circa 1979-1982", FuzzyDate(1979, circa=True, until_year=1982)),
        ("01 Jan 1961 to 31 Dec 1962", FuzzyDate(1961, until_year=1962)),
        ("Mar 1962 to Feb 1963", FuzzyDate(1962, until_year=1963)),
        ("01 Jan 1961 to 31 Jan 1961", FuzzyDate(1961, 1)),
        ("10 October 1969", FuzzyDate(1969, 10, 10)),
        ("1994-05-24", FuzzyDate(1994, 5, 24)),
    ],
)
def test_parse_date(text: str, expected: FuzzyDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "unknown", "31 Foo 1960", "1960 to 1950", "32 Jan 1960"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_split_keeps_parentheses_and_abbreviations() -> None:
    text = (
        "DOB 1969; (Following data derived from a passport: Alt. DOB: 10 October 1969; "
        "Alt. POB: Keren Eritrea); Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V."
    )
    assert split_remarks(text) == [
        "DOB 1969",
        "(Following data derived from a passport: Alt. DOB: 10 October 1969; "
        "Alt. POB: Keren Eritrea)",
        "Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.",
    ]
    assert split_remarks("a.k.a. 'SBERBANK MUMBAI'.") == ["a.k.a. 'SBERBANK MUMBAI'"]
    assert split_remarks("Gender Male; ; x (unbalanced; y") == ["Gender Male", "x (unbalanced", "y"]


def test_mkrtychev_remarks() -> None:
    facts = parse_remarks(
        "DOB 07 May 1966; POB Baku, Azerbaijan; citizen Slovakia; Gender Male; Secondary "
        "sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; "
        "Passport BD3843329 (Slovakia) expires 08 Apr 2029; alt. Passport BD5609822 "
        "(Slovakia) expires 19 May 2024.",
        PER,
    )
    assert facts.birth_dates == [FuzzyDate(1966, 5, 7)]
    assert facts.birth_places == ["Baku, Azerbaijan"]
    assert facts.citizenships == ["SK"] and facts.gender is Gender.MALE
    assert facts.identifiers == [
        Identifier(IdType.PASSPORT, "BD3843329", "SK", "Passport", "expires 08 Apr 2029"),
        Identifier(IdType.PASSPORT, "BD5609822", "SK", "Passport", "expires 19 May 2024"),
    ]
    assert facts.notes == [
        "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210"
    ]
    assert facts.unparsed == []


@pytest.mark.parametrize(
    ("fragment", "schema", "expected"),
    [
        (
            "Tax ID No. 9701170663 (Russia)",
            ORG,
            Identifier(IdType.TAX_ID, "9701170663", "RU", "Tax ID No."),
        ),
        (
            "Registration Number 1217700053493 (Russia)",
            ORG,
            Identifier(IdType.REGISTRATION_NUMBER, "1217700053493", "RU", "Registration Number"),
        ),
        (
            "Identification Number 46622764 (Slovakia)",
            ORG,
            Identifier(IdType.REGISTRATION_NUMBER, "46622764", "SK", "Identification Number"),
        ),
        (
            "Identification Number 210302198701102136 (China)",
            PER,
            Identifier(IdType.NATIONAL_ID, "210302198701102136", "CN", "Identification Number"),
        ),
        (
            "National ID No. 14.257.455 (Spain)",
            PER,
            Identifier(IdType.NATIONAL_ID, "14.257.455", "ES", "National ID No."),
        ),
        (
            "Cedula No. 6068015 (Colombia)",
            PER,
            Identifier(IdType.NATIONAL_ID, "6068015", "CO", "Cedula No."),
        ),
        (
            "alt. C.U.R.P. CAIM680202MCHRLR08 (Mexico)",
            PER,
            Identifier(IdType.NATIONAL_ID, "CAIM680202MCHRLR08", "MX", "C.U.R.P."),
        ),
        (
            "R.F.C. AEML-710509-Q27 (Mexico)",
            PER,
            Identifier(IdType.TAX_ID, "AEML-710509-Q27", "MX", "R.F.C."),
        ),
        (
            "Unified Social Credit Code (USCC) 9113100033607322XK (China)",
            ORG,
            Identifier(
                IdType.REGISTRATION_NUMBER,
                "9113100033607322XK",
                "CN",
                "Unified Social Credit Code (USCC)",
            ),
        ),
        (
            "Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)",
            ORG,
            Identifier(IdType.LEI, "253400V1H6ART1UQ0N98", "RU", "Legal Entity Number"),
        ),
        (
            "Folio Mercantil No. 343997 (Mexico) issued 14 Dec 2005",
            ORG,
            Identifier(
                IdType.REGISTRATION_NUMBER,
                "343997",
                "MX",
                "Folio Mercantil No.",
                "issued 14 Dec 2005",
            ),
        ),
        (
            "Passport F654645 issued 30 Apr 2005",
            PER,
            Identifier(IdType.PASSPORT, "F654645", None, "Passport", "issued 30 Apr 2005"),
        ),
        (
            "Registration Certificate Number (Dubai) 12345 (United Arab Emirates)",
            ORG,
            Identifier(
                IdType.REGISTRATION_NUMBER, "12345", "AE", "Registration Certificate Number (Dubai)"
            ),
        ),
        (
            "Tax ID No. AABA 670850 Y",
            ORG,
            Identifier(IdType.TAX_ID, "AABA 670850 Y", None, "Tax ID No."),
        ),
        ("SWIFT/BIC SABRRUMM", ORG, Identifier(IdType.SWIFT_BIC, "SABRRUMM", None, "SWIFT/BIC")),
        (
            "Email Address dam.d.free@net.sy",
            ORG,
            Identifier(IdType.EMAIL, "dam.d.free@net.sy", None, "Email Address"),
        ),
        (
            "alt. Website www.hib.uk.com",
            ORG,
            Identifier(IdType.WEBSITE, "www.hib.uk.com", None, "Website"),
        ),
        (
            "Phone Number 982188526300",
            ORG,
            Identifier(IdType.PHONE, "982188526300", None, "Phone Number"),
        ),
        (
            "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
            PER,
            Identifier(IdType.DIGITAL_CURRENCY, "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", None, "XBT"),
        ),
        (
            "Vessel Registration Identification IMO 7406784",
            Schema.VESSEL,
            Identifier(IdType.IMO, "7406784", None, "IMO"),
        ),
        ("MMSI 572469210", Schema.VESSEL, Identifier(IdType.MMSI, "572469210", None, "MMSI")),
        (
            "Aircraft Manufacturer's Serial Number (MSN) 1023409321",
            Schema.AIRCRAFT,
            Identifier(
                IdType.AIRCRAFT_SERIAL,
                "1023409321",
                None,
                "Aircraft Manufacturer's Serial Number (MSN)",
            ),
        ),
        (
            "Aircraft Tail Number EP-MMH",
            Schema.AIRCRAFT,
            Identifier(IdType.AIRCRAFT_TAIL, "EP-MMH", None, "Aircraft Tail Number"),
        ),
        (
            "Driver's License No. 180839 (Mexico)",
            PER,
            Identifier(IdType.OTHER, "180839", "MX", "Driver's License No."),
        ),
    ],
)
def test_identifiers(fragment: str, schema: Schema, expected: Identifier) -> None:
    facts = parse_remarks(fragment, schema)
    assert facts.identifiers == [expected] and facts.unparsed == []


def test_weak_aliases_and_links() -> None:
    facts = parse_remarks(
        "a.k.a. 'LLC VERUS'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'; a.k.a. 'AL SUDANI, Abu Seif'; "
        "Linked To: MKRTYCHEV, Ashot.",
        PER,
    )
    assert [(n.full, n.kind, n.quality) for n in facts.aliases] == [
        ("LLC VERUS", NameKind.AKA, NameQuality.WEAK),
        ("OLD NAME", NameKind.FKA, NameQuality.WEAK),
        ("NEW NAME", NameKind.NKA, NameQuality.WEAK),
        ("AL SUDANI, Abu Seif", NameKind.AKA, NameQuality.WEAK),
    ]
    assert (facts.aliases[3].family, facts.aliases[3].given) == ("AL SUDANI", "Abu Seif")
    [link] = facts.relationships
    assert (link.kind, link.target_name, link.target_id) == (
        RelationKind.LINKED_TO,
        "MKRTYCHEV, Ashot",
        None,
    )


def test_countries_and_gender() -> None:
    facts = parse_remarks(
        "nationality Korea, North; alt. nationality Atlantis; citizen Russia; "
        "Nationality of Registration Malta; Gender Female",
        PER,
    )
    assert facts.nationalities == ["KP", "Atlantis"]  # unknown text is kept as published
    assert facts.citizenships == ["RU"] and facts.countries == ["MT"]
    assert facts.gender is Gender.FEMALE


def test_notes_titles_and_vessel_facts() -> None:
    facts = parse_remarks(
        "Organization Established Date 10 Feb 2021; Organization Type: Activities of holding "
        "companies; Additional Sanctions Information - Subject to Secondary Sanctions; "
        "Effective Date (EO 14024 Directive 2): 26 Mar 2022; Listing Date (EO 14024 Directive "
        "2): 24 Feb 2022; IFCA Determination - Port Operator; For more information on "
        "directives, please visit the following link: http://x; Transactions Prohibited For "
        "Persons Owned or Controlled By U.S. Financial Institutions: section 510.214; "
        "Executive Order 13846 information: LOANS FROM UNITED STATES FINANCIAL INSTITUTIONS",
        ORG,
    )
    assert facts.notes[0] == "Organization Established Date: 2021-02-10"
    assert facts.notes[1] == "Organization Type: Activities of holding companies"
    assert len(facts.notes) == 9 and facts.unparsed == []
    aircraft = parse_remarks(
        "Aircraft Manufacture Date 01 Jun 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR",
        Schema.AIRCRAFT,
    )
    assert aircraft.vessel == {"build_year": "1992-06-01", "vessel_type": "IL76-TD"}
    assert [(r.kind, r.target_name) for r in aircraft.relationships] == [
        (RelationKind.OPERATOR, "YAS AIR")
    ]
    person = parse_remarks(
        "Title Colonel; Minister of Defense; wife of Slobodan Milosevic; Member ETA",
        PER,
        titles=["Member ETA"],
    )
    assert person.titles == ["Colonel", "Minister of Defense", "Member ETA"]
    assert [(r.kind, r.target_name) for r in person.relationships] == [
        (RelationKind.FAMILY, "Slobodan Milosevic")
    ]


def test_unknown_fragments_are_kept() -> None:
    facts = parse_remarks("DOB sometime; Kurdish; Gender Unknown; Passport", PER)
    assert facts.unparsed == ["DOB sometime", "Kurdish", "Gender Unknown", "Passport"]
    assert facts.birth_dates == [] and facts.gender is None


def test_match_label() -> None:
    assert match_label("alt. Tax ID No. 123") == ("Tax ID No.", "123")
    assert match_label("Email:adelb@shabakah.net.sa") == ("Email", "adelb@shabakah.net.sa")
    assert match_label("Nationality of Registration Malta") == (
        "Nationality of Registration",
        "Malta",
    )
    assert match_label("DOBRYNIN") is None


def test_programs() -> None:
    assert parse_programs("DPRK") == ["DPRK"]
    assert parse_programs("IRAN] [SDGT] [IRGC] [IFSR") == ["IRAN", "SDGT", "IRGC", "IFSR"]
    assert parse_programs("[SDGT] [IFSR]") == ["SDGT", "IFSR"]
    assert parse_programs(None) == []
