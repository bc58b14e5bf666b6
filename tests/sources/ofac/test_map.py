"""Acceptance on the official CSV sets: counts and specific records, field by field."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from clearance.model import (
    Address,
    Entity,
    FuzzyDate,
    Gender,
    Identifier,
    IdType,
    NameKind,
    NameQuality,
    RelationKind,
    Schema,
)
from clearance.model.codec import entity_from_dict, entity_to_dict
from clearance.sources.base import ParsedList, ParseIssue
from clearance.sources.ofac import OfacCsvFormat
from clearance.sources.ofac.map import map_row
from clearance.sources.ofac.read_csv import AddressRow, AltRow, SdnRow
from clearance.sources.ofac.remarks import split_remarks


def ids(entity: Entity, kind: IdType) -> list[str]:
    return [i.value for i in entity.identifiers if i.type is kind]


def names(entity: Entity, quality: NameQuality) -> list[str]:
    return [n.full for n in entity.names if n.quality is quality and n.kind is not NameKind.PRIMARY]


def test_sdn_2023_counts(sdn_2023: ParsedList) -> None:
    counts = sdn_2023.counts()
    assert sdn_2023.list == "ofac-sdn" and sdn_2023.format == "ofac-csv"
    assert counts["entities"] == 13_821
    assert (
        counts["schema.person"],
        counts["schema.organization"],
        counts["schema.vessel"],
        counts["schema.aircraft"],
    ) == (6_646, 6_033, 764, 378)
    strong = Counter(
        n.kind for e in sdn_2023.entities for n in e.names if n.quality is NameQuality.STRONG
    )
    assert strong[NameKind.PRIMARY] == 13_821
    assert strong[NameKind.AKA] + strong[NameKind.FKA] + strong[NameKind.NKA] == 17_091
    assert (strong[NameKind.FKA], strong[NameKind.NKA]) == (567, 17)
    # Every add.csv row is attached (kept in the source record); the 2,652 rows where every
    # column is -0- carry nothing, so 16,338 become Address objects.
    assert sum(len(e.source_record["addresses"]) for e in sdn_2023.entities) == 18_990
    assert counts["addresses"] == 16_338
    assert sum(len(e.source_record["aliases"]) for e in sdn_2023.entities) == 17_091
    assert [f.path.rsplit("/", 1)[-1] for f in sdn_2023.files] == [
        "sdn.csv",
        "add.csv",
        "alt.csv",
        "sdn_comments.csv",
    ]
    assert sdn_2023.published is None


def test_sdn_2023_unparsed_residue(sdn_2023: ParsedList) -> None:
    fragments = sum(len(split_remarks(e.remarks or "")) for e in sdn_2023.entities)
    assert fragments == 56_609
    unparsed = sdn_2023.counts()["unparsed_fragments"]
    assert unparsed == len(sdn_2023.issues) == 61
    assert unparsed / fragments < 0.002  # 61 of ~56,600 remark fragments
    assert all(i.message == "remark fragment not understood" for i in sdn_2023.issues)


def test_mkrtychev(sdn_2023_by_id: dict[str, Entity]) -> None:
    person = sdn_2023_by_id["41736"]
    assert person.id == "ofac-sdn-41736" and person.schema is Schema.PERSON
    primary = person.names[0]
    assert (primary.full, primary.family, primary.given) == (
        "MKRTYCHEV, Ashot",
        "MKRTYCHEV",
        "Ashot",
    )
    assert person.birth_dates == (FuzzyDate(1966, 5, 7),)
    assert person.birth_places == ("Baku, Azerbaijan",)
    assert person.citizenships == ("SK",) and person.gender is Gender.MALE
    passports = [(i.value, i.country) for i in person.identifiers if i.type is IdType.PASSPORT]
    assert passports == [("BD3843329", "SK"), ("BD5609822", "SK")]
    assert person.programs == ("DPRK",)
    assert names(person, NameQuality.STRONG) == ["MKRTYCEV, Asot"]
    assert person.addresses == (
        Address(
            full="Hana Melichkova Street 3448/37, Bratislava 84105, Slovakia",
            street="Hana Melichkova Street 3448/37",
            city="Bratislava 84105",
            country="SK",
            country_name="Slovakia",
        ),
    )
    assert person.remarks is not None and person.remarks.startswith("DOB 07 May 1966; POB Baku")
    assert person.source_record["name"] == "MKRTYCHEV, Ashot"
    assert person.relationships == ()  # the edges are published on the companies


@pytest.mark.parametrize("company", ["44544", "44578", "44579"])
def test_companies_link_to_mkrtychev(sdn_2023_by_id: dict[str, Entity], company: str) -> None:
    [link] = sdn_2023_by_id[company].relationships
    assert (link.kind, link.target_name, link.target_id) == (
        RelationKind.LINKED_TO,
        "MKRTYCHEV, Ashot",
        "ofac-sdn-41736",
    )


def test_mkrtychev_companies(sdn_2023_by_id: dict[str, Entity]) -> None:
    verus = sdn_2023_by_id["44544"]
    assert ids(verus, IdType.TAX_ID) == ["9701170663"]
    assert ids(verus, IdType.REGISTRATION_NUMBER) == ["1217700053493"]
    assert names(verus, NameQuality.WEAK) == ["LLC VERUS"]
    assert names(verus, NameQuality.STRONG) == ["VERUS CONSULTING GROUP"]
    assert "Organization Established Date: 2021-02-10" in verus.notes
    assert len(verus.addresses) == 2
    defense = sdn_2023_by_id["44578"]
    assert [(i.label, i.value, i.country) for i in defense.identifiers] == [
        ("Company Number", "181140030924", "KZ")
    ]
    assert names(defense, NameQuality.WEAK) == ["DEFENSE ENGINEERING, TOO"]
    assert names(defense, NameQuality.STRONG) == ["DEFENS INZHINIRING"]
    versor = sdn_2023_by_id["44579"]
    assert ids(versor, IdType.TAX_ID) == ["2023480030"]
    assert [
        (i.label, i.value) for i in versor.identifiers if i.type is IdType.REGISTRATION_NUMBER
    ] == [("Identification Number", "46622764")]


def test_vessel_and_aircraft(sdn_2023_by_id: dict[str, Entity]) -> None:
    vessel = sdn_2023_by_id["4238"]
    assert vessel.schema is Schema.VESSEL and vessel.vessel is not None
    assert (vessel.vessel.flag, vessel.vessel.vessel_type, vessel.vessel.gross_tonnage) == (
        "Cuba",
        "Tug",
        "212",
    )
    assert ids(vessel, IdType.CALL_SIGN) == ["CL2192"] and vessel.countries == ("CU",)
    [owner] = vessel.relationships
    assert (owner.kind, owner.target_name) == (RelationKind.OWNER, "Samir de Navegacion S.A.")
    aircraft = sdn_2023_by_id["15431"]
    assert aircraft.schema is Schema.AIRCRAFT and aircraft.vessel is not None
    assert (aircraft.vessel.vessel_type, aircraft.vessel.build_year) == ("IL76-TD", "1992")
    assert ids(aircraft, IdType.AIRCRAFT_SERIAL) == ["8401", "1023409321"]
    operator = aircraft.relationships[0]
    assert (operator.kind, operator.target_name) == (RelationKind.OPERATOR, "YAS AIR")


def test_comments_continue_remarks(sdn_2023_by_id: dict[str, Entity]) -> None:
    hacker = sdn_2023_by_id["28263"]  # remark cut at 1,000 chars inside an alias
    assert "a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP" in (hacker.remarks or "")
    assert "snowsjohn" in names(hacker, NameQuality.WEAK)
    assert [r.target_name for r in hacker.relationships] == ["LAZARUS GROUP"]
    wallet = sdn_2023_by_id["29703"]  # cut inside "Digital Currency Address"
    assert "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c" in ids(wallet, IdType.DIGITAL_CURRENCY)


def test_multi_program(sdn_2023: ParsedList) -> None:
    programs = Counter(len(e.programs) for e in sdn_2023.entities)
    assert programs[0] == 0 and programs[4] > 0
    assert any(e.programs == ("IRAN", "SDGT", "IRGC", "IFSR") for e in sdn_2023.entities)


def test_codec_round_trip(sdn_2023: ParsedList) -> None:
    for entity in sdn_2023.entities[::50]:
        assert entity_from_dict(entity_to_dict(entity)) == entity


def test_other_sets(ofac_dir: Path) -> None:
    old = OfacCsvFormat().read(ofac_dir / "sdn_csv_2021-07-07")
    assert old.counts()["entities"] == 8_976
    assert sum(len(e.source_record["addresses"]) for e in old.entities) == 13_837
    new = OfacCsvFormat().read(ofac_dir / "sdn_csv_2024-05-03" / "sdn.csv")
    assert new.counts()["entities"] == 14_965 and len(new.files) == 1
    assert new.counts()["addresses"] == 0


def test_consolidated_csv(ofac_dir: Path) -> None:
    cons = OfacCsvFormat().read(ofac_dir / "cons_csv_2025-12-19")
    assert cons.list == "ofac-cons"
    assert cons.counts()["entities"] == 442
    assert sum(len(e.source_record["addresses"]) for e in cons.entities) == 574
    assert sum(len(e.source_record["aliases"]) for e in cons.entities) == 1_073
    by_id = {e.source_id: e for e in cons.entities}
    assert by_id["50476"].id == "ofac-cons-50476"
    assert by_id["50476"].caption == "MARTELLY, Michel Joseph"
    sber = by_id["17018"]
    assert sber.programs == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    assert "SBERBANK MUMBAI" in names(sber, NameQuality.WEAK)  # from cons_comments.csv
    assert ids(sber, IdType.TAX_ID) == ["7707083893"]


def test_orphan_rows_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_bytes(
        b'41736,"MKRTYCHEV, Ashot","individual","DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    )
    (tmp_path / "add.csv").write_bytes(
        b'41736,1,-0- ,"Bratislava","Slovakia",-0- \r\n99999,2,-0- ,"Moscow","Russia",-0- \r\n'
    )
    (tmp_path / "alt.csv").write_bytes(b'99999,3,"aka","GHOST",-0- \r\n')
    (tmp_path / "sdn_comments.csv").write_bytes(b'99999,"continued"\r\n')
    parsed = OfacCsvFormat().read(tmp_path)
    assert parsed.counts()["entities"] == 1 and parsed.counts()["addresses"] == 1
    assert sorted((i.file.rsplit("/", 1)[-1], i.record) for i in parsed.issues) == [
        ("add.csv", "99999"),
        ("alt.csv", "99999"),
        ("sdn_comments.csv", "99999"),
    ]


def test_map_row_unit() -> None:
    remarks = "Vessel Registration Identification IMO 9187629."
    row = SdnRow(7, "SHIP ONE", "vessel", "IRAN", None, "9HA1", "Tanker", None, "1,000", "Malta",
                 "OWNER CO", remarks, 1)  # fmt: skip
    issues: list[ParseIssue] = []
    entity = map_row(
        row,
        [
            AddressRow(7, 1, None, None, None, None, 1),
            AddressRow(7, 2, None, "Valletta", "Malta", None, 2),
        ],
        [AltRow(7, 1, "fka", "OLD SHIP", None, 1)],
        list_name="ofac-sdn",
        path="sdn.csv",
        issues=issues,
    )
    assert issues == []
    assert [(n.full, n.kind) for n in entity.names] == [
        ("SHIP ONE", NameKind.PRIMARY),
        ("OLD SHIP", NameKind.FKA),
    ]
    assert entity.identifiers == (
        Identifier(IdType.CALL_SIGN, "9HA1", label="Call Sign"),
        Identifier(IdType.IMO, "9187629", label="IMO"),
    )
    assert entity.addresses == (
        Address("Valletta, Malta", city="Valletta", country="MT", country_name="Malta"),
    )
    assert entity.countries == ("MT",) and entity.vessel is not None
    assert len(entity.source_record["addresses"]) == 2
