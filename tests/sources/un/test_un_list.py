"""The UN reader on the real consolidated list of 2026-02-27."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from clearance.model import FuzzyDate, IdType, NameKind, NameQuality, RelationKind, Schema
from clearance.sources.base import ParsedList
from clearance.sources.un import FORMATS, UnXmlFormat, read_un
from clearance.sources.un.read import UnFile


@pytest.fixture(scope="module")
def un_path(data_dir: Path) -> Path:
    return data_dir / "un" / "2026-02-27" / "consolidated.xml"


@pytest.fixture(scope="module")
def raw(un_path: Path) -> UnFile:
    return read_un(un_path)


@pytest.fixture(scope="module")
def parsed(un_path: Path) -> ParsedList:
    return UnXmlFormat().read(un_path)


def test_counts_and_publication(parsed: ParsedList) -> None:
    counts = parsed.counts()
    assert counts["schema.person"] == 730
    assert counts["schema.organization"] == 273
    assert counts["entities"] == 1003
    assert parsed.list == "un" and parsed.format == "un-xml"
    assert parsed.published == "2026-02-27T00:00:09.554Z"
    assert len(parsed.files) == 1 and len(parsed.files[0].sha256) == 64


def test_source_id_is_the_reference_number(parsed: ParsedList) -> None:
    ids = [e.source_id for e in parsed.entities]
    assert len(set(ids)) == len(ids)
    assert all(e.source_record["reference_number"] == e.source_id for e in parsed.entities)
    assert not [i for i in parsed.issues if "source id" in i.message]


def test_original_script_names(parsed: ParsedList) -> None:
    originals = [
        n
        for e in parsed.entities
        for n in e.names
        if n.kind is NameKind.VARIATION and n.full == e.source_record.get("name_original_script")
    ]
    assert len(originals) == 378
    assert Counter(n.script for n in originals) == {"Arab": 366, "Cyrl": 11, "Latn": 1}


def test_every_alias_element_is_accounted_for(raw: UnFile, parsed: ParsedList) -> None:
    aliases = [a for r in raw.records for a in r.aliases]
    assert len(aliases) == 3043
    empty = [i for i in parsed.issues if i.message == "empty alias element"]
    named = [a for a in aliases if a.name]
    assert len(empty) == 291 and len(named) == 2752
    by_id = {e.source_id: e for e in parsed.entities}
    for record in raw.records:
        names = {(n.full, n.kind, n.quality) for n in by_id[record.reference_number].names}
        for alias in record.aliases:
            if not alias.name:
                continue
            kind = NameKind.FKA if alias.quality == "f.k.a." else NameKind.AKA
            quality = NameQuality.WEAK if alias.quality == "Low" else NameQuality.STRONG
            assert (alias.name, kind, quality) in names, (record.reference_number, alias)


def test_korean_person_ri_won_ho(parsed: ParsedList) -> None:
    entity = next(e for e in parsed.entities if e.source_id == "KPi.033")
    assert entity.id == "un-KPi.033"
    assert entity.schema is Schema.PERSON
    primary = entity.names[0]
    assert (primary.full, primary.family, primary.given) == ("RI WON HO", "RI", "WON HO")
    assert entity.birth_dates == (FuzzyDate(1964, 7, 17),)
    assert entity.nationalities == ("KP",)
    assert [(i.type, i.value) for i in entity.identifiers] == [(IdType.PASSPORT, "381310014")]
    assert entity.programs == ("DPRK",)
    assert entity.listed_on == "2016-11-30"
    assert entity.titles == ("DPRK Ministry of State Security Official",)
    assert entity.source_record["dataid"] == "6908555"


def test_person_with_places_titles_and_weak_alias(parsed: ParsedList) -> None:
    entity = next(e for e in parsed.entities if e.source_id == "CDi.003")
    assert entity.caption == "GASTON IYAMUREMYE"
    assert entity.names[0].given == "GASTON" and entity.names[0].family == "IYAMUREMYE"
    weak = [n.full for n in entity.names if n.quality is NameQuality.WEAK]
    assert weak == ["Rumuli"]
    assert entity.birth_dates == (FuzzyDate(1948),)
    assert "Musanze District, Northern Province, Rwanda" in entity.birth_places
    assert entity.titles[0] == "FDLR Interim President"
    assert entity.nationalities == ("RW",) and entity.countries == ("CD",)
    assert entity.addresses[0].region == "North Kivu Province"


def test_date_of_birth_kinds(parsed: ParsedList) -> None:
    dates = [d for e in parsed.entities for d in e.birth_dates]
    assert sum(1 for d in dates if d.until_year is not None) == 31  # BETWEEN elements
    assert any(d.circa and d.until_year is None and d.month is None for d in dates)
    # A Hijri date converts to the Gregorian date the UN also publishes for that person.
    hijri = next(e for e in parsed.entities if e.source_id == "QDi.291")
    assert FuzzyDate(1982, 4, 19) in hijri.birth_dates
    assert any("Hijri" in n for n in hijri.notes)
    # "30-35 years old" is no date: kept as unparsed and reported.
    libya = next(e for e in parsed.entities if e.source_id == "LYi.022")
    assert libya.unparsed == ("30-35 years old",)


def test_entity_aliases_and_identifiers(parsed: ParsedList) -> None:
    nata = next(e for e in parsed.entities if e.source_id == "KPe.029")
    assert nata.schema is Schema.ORGANIZATION
    kinds = {n.full: n.kind for n in nata.names}
    assert kinds["NATA"] is NameKind.AKA and kinds["NADA"] is NameKind.FKA
    omm = next(e for e in parsed.entities if e.source_id == "KPe.020")
    assert (IdType.IMO, "1790183") in [(i.type, i.value) for i in omm.identifiers]
    assert omm.addresses[0].street == "Donghung Dong, Central District, PO Box 120"
    assert omm.addresses[0].country == "KP"


def test_relationships_from_cited_reference_numbers(parsed: ParsedList) -> None:
    entity = next(e for e in parsed.entities if e.source_id == "QDi.057")
    targets = {r.target_id for r in entity.relationships}
    assert {"un-QDe.069", "un-QDe.070", "un-QDe.011"} <= targets
    assert all(r.kind is RelationKind.ASSOCIATE for r in entity.relationships)
    counts = parsed.counts()
    assert counts["relationships"] > 350
    assert counts["relationships_resolved"] >= counts["relationships"] - 10


def test_documents(parsed: ParsedList) -> None:
    ids = [i for e in parsed.entities for i in e.identifiers]
    passports = [i for i in ids if i.type is IdType.PASSPORT]
    assert len(passports) > 300
    kp021 = next(e for e in parsed.entities if e.source_id == "KPi.021")
    by_value = {i.value: i for i in kp021.identifiers}
    assert by_value["381110042"].note == "Expired 25 Jan. 2016"  # "(...)" moved to the note
    qdi060 = next(e for e in parsed.entities if e.source_id == "QDi.060")
    fiscal = [i for i in qdi060.identifiers if i.type is IdType.TAX_ID]
    assert [i.value for i in fiscal] == ["DAOMMD74T11Z352Z"]  # number found in the note


def test_detect(un_path: Path, data_dir: Path) -> None:
    fmt = FORMATS[0]
    assert fmt.name == "un-xml" and fmt.list_name == "un"
    assert fmt.detect(un_path) and fmt.detect(un_path.parent)
    assert not fmt.detect(data_dir / "uk" / "ofsi_conlist_2018-04-13" / "sanctionsconlist.csv")


def test_entities_round_trip_through_json(parsed: ParsedList) -> None:
    import orjson

    from clearance.model.codec import entity_from_dict, entity_to_dict

    for entity in parsed.entities:
        data = orjson.loads(orjson.dumps(entity_to_dict(entity)))
        again = entity_from_dict(data)
        assert again == entity and again.source_record == entity.source_record
