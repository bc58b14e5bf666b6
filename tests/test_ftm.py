from __future__ import annotations

from pathlib import Path

from clearance.ftm import (
    PROPERTIES,
    entity_to_ftm,
    ftm_records,
    relationship_to_ftm,
    sanction_to_ftm,
)
from clearance.model import (
    Address,
    Entity,
    FuzzyDate,
    Gender,
    Identifier,
    IdType,
    Name,
    NameKind,
    NameQuality,
    RelationKind,
    Relationship,
    Schema,
    Vessel,
)


def person() -> Entity:
    return Entity(
        list="ofac-sdn",
        source_id="41736",
        schema=Schema.PERSON,
        names=(
            Name("MKRTYCHEV, Ashot", given="Ashot", family="MKRTYCHEV"),
            Name("MKRTYCEV, Asot", kind=NameKind.AKA),
            Name("Ashik", kind=NameKind.AKA, quality=NameQuality.WEAK),
            Name("OLDNAME, Ashot", kind=NameKind.FKA),
        ),
        birth_dates=(FuzzyDate(1966, 5, 7), FuzzyDate(1958, until_year=1960)),
        birth_places=("Baku, Azerbaijan",),
        nationalities=("Armenia",),
        citizenships=("SK", "Atlantis"),
        gender=Gender.MALE,
        addresses=(Address("Street 3448/37, Bratislava, Slovakia", country="SK"),),
        identifiers=(
            Identifier(IdType.PASSPORT, "BD3843329", country="SK", label="Passport"),
            Identifier(IdType.IMO, "9999999"),
            Identifier(IdType.DIGITAL_CURRENCY, "0xabc", label="ETH"),
            Identifier(IdType.EMAIL, "a@example.org"),
        ),
        programs=("DPRK",),
        listed_on="2023-03-30",
        remarks="DOB 07 May 1966",
        titles=("Director",),
        relationships=(
            Relationship(RelationKind.LINKED_TO, "VERUS", target_id="ofac-sdn-44544"),
            Relationship(RelationKind.LINKED_TO, "Someone unlisted"),
        ),
        notes=("Secondary sanctions risk",),
    )


def test_person_properties() -> None:
    record = entity_to_ftm(person())
    assert record["id"] == "ofac-sdn-41736"
    assert record["schema"] == "Person"
    assert record["datasets"] == ["ofac-sdn"]
    props = record["properties"]
    assert props["name"] == ["MKRTYCHEV, Ashot"]
    assert props["alias"] == ["MKRTYCEV, Asot"]
    assert props["weakAlias"] == ["Ashik"]
    assert props["previousName"] == ["OLDNAME, Ashot"]
    assert props["firstName"] == ["Ashot"] and props["lastName"] == ["MKRTYCHEV"]
    assert props["birthDate"] == ["1966-05-07", "1958", "1959", "1960"]
    assert props["birthPlace"] == ["Baku, Azerbaijan"]
    assert props["nationality"] == ["am"]
    assert props["citizenship"] == ["sk"]
    assert props["gender"] == ["male"]
    assert props["passportNumber"] == ["BD3843329"]
    assert props["email"] == ["a@example.org"]
    assert props["address"] == ["Street 3448/37, Bratislava, Slovakia"]
    assert props["country"] == ["sk"]
    assert props["program"] == ["DPRK"]
    assert props["position"] == ["Director"]
    assert props["topics"] == ["sanction"]
    # facts without a Person property are kept as notes, never dropped
    assert "DOB 07 May 1966" in props["notes"]
    assert "Secondary sanctions risk" in props["notes"]
    assert "citizenship (as published): Atlantis" in props["notes"]
    assert "imo: 9999999" in props["notes"]
    assert set(props) <= PROPERTIES["Person"]


def test_sanction_and_links() -> None:
    entity = person()
    sanction = sanction_to_ftm(entity)
    assert sanction["schema"] == "Sanction"
    assert sanction["properties"]["entity"] == ["ofac-sdn-41736"]
    assert sanction["properties"]["listingDate"] == ["2023-03-30"]
    assert sanction["properties"]["authority"][0].startswith("US Treasury")
    link = relationship_to_ftm(entity, entity.relationships[0])
    assert link is not None
    assert link["schema"] == "UnknownLink"
    assert link["properties"]["subject"] == ["ofac-sdn-41736"]
    assert link["properties"]["object"] == ["ofac-sdn-44544"]
    assert link["properties"]["role"] == ["linked to"]
    assert relationship_to_ftm(entity, entity.relationships[1]) is None
    records = list(ftm_records(entity))
    assert [r["schema"] for r in records] == ["Person", "Sanction", "CryptoWallet", "UnknownLink"]
    wallet = records[2]
    assert wallet["properties"] == {
        "publicKey": ["0xabc"],
        "holder": ["ofac-sdn-41736"],
        "topics": ["sanction"],
        "currency": ["ETH"],
    }
    assert len({r["id"] for r in records}) == 4


def test_vessel_links_put_the_owner_as_subject() -> None:
    vessel = Entity(
        list="ofac-sdn",
        source_id="9000",
        schema=Schema.VESSEL,
        names=(Name("SEA STAR"),),
        identifiers=(
            Identifier(IdType.IMO, "9187629"),
            Identifier(IdType.MMSI, "123456789"),
            Identifier(IdType.PASSPORT, "X1"),
        ),
        vessel=Vessel(
            flag="Panama",
            vessel_type="Crude Oil Tanker",
            gross_tonnage="81,479",
            owner="SEA SHIPPING LTD",
            build_year="1999",
        ),
        relationships=(
            Relationship(RelationKind.OWNER, "SEA SHIPPING LTD", target_id="ofac-sdn-1", share=50),
        ),
    )
    record = entity_to_ftm(vessel)
    props = record["properties"]
    assert record["schema"] == "Vessel"
    assert props["imoNumber"] == ["9187629"] and props["mmsi"] == ["123456789"]
    assert props["flag"] == ["pa"]
    assert props["type"] == ["Crude Oil Tanker"]
    assert props["grossRegisteredTonnage"] == ["81,479"]
    assert props["buildDate"] == ["1999"]
    assert "Owner (as published): SEA SHIPPING LTD" in props["notes"]
    assert "passport: X1" in props["notes"]
    assert set(props) <= PROPERTIES["Vessel"]
    link = relationship_to_ftm(vessel, vessel.relationships[0])
    assert link is not None
    assert link["properties"]["subject"] == ["ofac-sdn-1"]
    assert link["properties"]["object"] == ["ofac-sdn-9000"]
    assert link["properties"]["role"] == ["owner (50%)"]


def test_schemas() -> None:
    for schema, name in [
        (Schema.ORGANIZATION, "Organization"),
        (Schema.AIRCRAFT, "Airplane"),
    ]:
        entity = Entity(list="un", source_id="1", schema=schema, names=(Name("X"),))
        assert entity_to_ftm(entity)["schema"] == name
        assert sanction_to_ftm(entity)["properties"]["authority"] == [
            "United Nations Security Council"
        ]


def _assert_valid(records: list[dict[str, object]]) -> None:
    from followthemoney import model

    for record in records:
        schema = model.get(str(record["schema"]))
        assert schema is not None, record
        assert schema.validate(record) is None, record  # type: ignore[arg-type]
        properties = record["properties"]
        assert isinstance(properties, dict)
        for name, values in properties.items():
            prop = schema.get(name)
            assert prop is not None, f"{record['id']}: {schema.name} has no {name}"
            assert all(prop.type.clean(v) == v for v in values), (record["id"], name, values)


def test_export_through_followthemoney_validates_and_loses_nothing() -> None:
    from clearance.ftm_export import ftm_entities

    records = list(ftm_entities(person()))
    _assert_valid(records)  # type: ignore[arg-type]
    main = records[0]
    assert main["properties"]["nationality"] == ["am"]
    assert "sk" in main["properties"]["citizenship"]
    # a value FtM refuses for its property is kept in notes, never dropped
    kept = main["properties"].get("notes", [])
    assert any("Atlantis" in note for note in kept), kept


def test_real_list_exports_validate_against_the_ftm_schema(data_dir: Path) -> None:
    from clearance.ftm_export import ftm_entities
    from clearance.sources import read_path

    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    rejected: list[str] = []
    records = [r for e in parsed.entities for r in ftm_entities(e, rejected)]
    assert len(records) > len(parsed.entities)
    _assert_valid(records)  # type: ignore[arg-type]
    assert not rejected
    # FtM's publicKey takes no 95-character Monero address: kept in the wallet's notes
    monero = [r for r in records if r["schema"] == "CryptoWallet" and "XMR" in str(r)]
    assert any(len(note) > 64 for r in monero for note in r["properties"].get("notes", [])), monero[
        :2
    ]
