"""The UK OFSI ConList readers on the real 2025 workbook and the 2018 legacy CSV."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from clearance.model import FuzzyDate, Gender, IdType, NameKind, NameQuality, RelationKind, Schema
from clearance.sources.base import ParsedList
from clearance.sources.uk import FORMATS, UkCsvFormat, UkXlsxFormat

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def xlsx_path(data_dir: Path) -> Path:
    return data_dir / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx"


@pytest.fixture(scope="module")
def csv_path(data_dir: Path) -> Path:
    return data_dir / "uk" / "ofsi_conlist_2018-04-13" / "sanctionsconlist.csv"


@pytest.fixture(scope="module")
def conlist(xlsx_path: Path) -> ParsedList:
    return UkXlsxFormat().read(xlsx_path)


@pytest.fixture(scope="module")
def legacy(csv_path: Path) -> ParsedList:
    return UkCsvFormat().read(csv_path)


def by_id(parsed: ParsedList, source_id: str):  # type: ignore[no-untyped-def]
    return next(e for e in parsed.entities if e.source_id == source_id)


def test_2025_counts(conlist: ParsedList) -> None:
    counts = conlist.counts()
    assert counts["entities"] == 4686
    assert (counts["schema.person"], counts["schema.organization"], counts["schema.vessel"]) == (
        3662,
        1009,
        15,
    )
    assert conlist.published == "2025-04-10"
    assert conlist.list == "uk" and conlist.format == "uk-xlsx"
    assert len(conlist.issues) <= 5


def test_mkrtychev(conlist: ParsedList) -> None:
    entity = by_id(conlist, "16067")
    assert entity.id == "uk-16067" and entity.schema is Schema.PERSON
    assert entity.caption == "Ashot MKRTYCHEV"
    assert (entity.names[0].given, entity.names[0].family) == ("Ashot", "MKRTYCHEV")
    assert entity.birth_dates == (FuzzyDate(1966, 5, 7),)
    passports = {i.value for i in entity.identifiers if i.type is IdType.PASSPORT}
    assert passports == {"BD3843329", "BD5609822"}
    assert entity.birth_places == ("Baku, Azerbaijan",)
    assert entity.nationalities == ("SK",) and entity.gender is Gender.MALE
    assert entity.programs == ("Russia",) and entity.listed_on == "2023-08-08"
    assert entity.addresses[0].postal_code == "8410" and entity.addresses[0].city == "Bratislava"
    assert entity.remarks and "Russian Defence Sector" in entity.remarks
    assert entity.source_record["common"]["passport_number"] == "(1) BD3843329 (2) BD5609822"


def test_names_aliases_and_scripts(conlist: ParsedList) -> None:
    kinds = Counter(n.kind for e in conlist.entities for n in e.names)
    with_primary = [e for e in conlist.entities if e.names[0].kind is NameKind.PRIMARY]
    assert len(with_primary) == 4684  # two groups publish no "Primary name" row
    assert kinds[NameKind.FKA] > 0 and kinds[NameKind.VARIATION] > 0
    weak = [n for e in conlist.entities for n in e.names if n.quality is NameQuality.WEAK]
    assert len(weak) > 500
    scripts = Counter(n.script for e in conlist.entities for n in e.names if n.script)
    assert scripts["Cyrl"] > 2000 and scripts["Arab"] > 500 and scripts["Hani"] > 20
    abakarov = by_id(conlist, "14241")
    assert ("Хизри Магомедович Абакаров", "Cyrl") in [(n.full, n.script) for n in abakarov.names]
    russian = [n for e in conlist.entities for n in e.names if n.lang == "ru"]
    assert russian and all(n.script == "Cyrl" for n in russian[:50])


def test_partial_dates(conlist: ParsedList) -> None:
    dates = [d for e in conlist.entities for d in e.birth_dates]
    assert any(d.month is None for d in dates)  # 00/00/yyyy
    assert any(d.month is not None and d.day is None for d in dates)  # 00/mm/yyyy


def test_un_references_link_to_the_un_list(conlist: ParsedList, data_dir: Path) -> None:
    from clearance.sources.un import read_un

    un_refs = {
        r.reference_number
        for r in read_un(data_dir / "un" / "2026-02-27" / "consolidated.xml").records
    }
    uk_refs = {i.value for e in conlist.entities for i in e.identifiers if i.label == "UN Ref"}
    assert len(uk_refs) >= 860
    assert len(uk_refs & un_refs) >= 850
    assert all(
        any(n.startswith("UN Ref ") for n in e.notes)
        for e in conlist.entities
        if any(i.label == "UN Ref" for i in e.identifiers)
    )


def test_relationships(conlist: ParsedList) -> None:
    ship = by_id(conlist, "13651")
    assert ship.schema is Schema.VESSEL
    assert ship.vessel is not None and ship.vessel.flag == "North Korea"
    assert ship.vessel.vessel_type == "Oil tanker" and ship.vessel.build_year == "1975"
    assert (IdType.IMO, "7408873") in [(i.type, i.value) for i in ship.identifiers]
    assert [(r.kind, r.target_id) for r in ship.relationships] == [(RelationKind.OWNER, "uk-13635")]
    # Ali Kony's text cites the LRA (CFe.002) and Joseph Kony (CFi.009) by UN reference.
    ali = next(e for e in conlist.entities if any(i.value == "CFi.010" for i in e.identifiers))
    cited = {r.target_name for r in ali.relationships if r.target_id}
    assert any("KONY" in name for name in cited)
    counts = conlist.counts()
    assert counts["relationships"] > 500 and counts["relationships_resolved"] > 400


def test_2018_legacy_csv(legacy: ParsedList) -> None:
    counts = legacy.counts()
    assert counts["entities"] == 2106
    assert (counts["schema.person"], counts["schema.organization"]) == (1426, 680)
    assert legacy.published == "2018-04-13"
    assert legacy.format == "uk-csv"
    kim = by_id(legacy, "13562")
    assert kim.names[0].kind is NameKind.PRIMARY  # "Prime Alias"
    assert ("UN Ref", "KPi.067") in [(i.label, i.value) for i in kim.identifiers]
    assert kim.birth_dates == (FuzzyDate(1979, 8, 1),)
    passports = [i for e in legacy.entities for i in e.identifiers if i.type is IdType.PASSPORT]
    assert len(passports) > 250
    # Windows-1252 smart quotes decode to Unicode, not mojibake.
    texts = " ".join(e.remarks or "" for e in legacy.entities)
    assert "\u2019" in texts and "\u00e2\u20ac" not in texts


def test_small_2022_fixture() -> None:
    parsed = UkCsvFormat().read(FIXTURES / "conlist_2022_sample.csv")
    assert [e.source_id for e in parsed.entities] == ["15672", "14241", "13651", "13635", "16067"]
    assert parsed.issues == []
    haq = parsed.entities[0]
    assert haq.caption == "Mian Abdul HAQ"
    assert [n.kind for n in haq.names].count(NameKind.VARIATION) == 4
    owner = parsed.entities[3]
    assert ("UN Ref", "KPe.064") in [(i.label, i.value) for i in owner.identifiers]


def test_detect(xlsx_path: Path, csv_path: Path) -> None:
    xlsx, legacy_csv = FORMATS
    assert (xlsx.name, legacy_csv.name) == ("uk-xlsx", "uk-csv")
    assert xlsx.detect(xlsx_path) and xlsx.detect(xlsx_path.parent)
    assert not xlsx.detect(csv_path)
    assert legacy_csv.detect(csv_path) and not legacy_csv.detect(xlsx_path)


def test_entities_round_trip_through_json(legacy: ParsedList) -> None:
    import orjson

    from clearance.model.codec import entity_from_dict, entity_to_dict

    for entity in legacy.entities:
        again = entity_from_dict(orjson.loads(orjson.dumps(entity_to_dict(entity))))
        assert again == entity and again.source_record == entity.source_record
