"""The enhanced XML reader: the official CONS_ENHANCED.ZIP, and hostile or broken files."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from clearance.errors import InputFileError
from clearance.model import FuzzyDate, IdType, NameKind, RelationKind, Schema
from clearance.model.codec import entity_from_dict, entity_to_dict
from clearance.sources.base import ParsedList
from clearance.sources.ofac import OfacEnhancedXmlFormat

NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"
ENTITY = (
    '<entity id="{id}"><generalInfo><entityType refId="600">Individual</entityType>'
    '</generalInfo><names><name id="1"><isPrimary>true</isPrimary><isLowQuality>false'
    '</isLowQuality><translations><translation id="1"><isPrimary>true</isPrimary>'
    '<script refId="20122">Latin</script><formattedFirstName>Ashot</formattedFirstName>'
    "<formattedLastName>MKRTYCHEV</formattedLastName><formattedFullName>MKRTYCHEV, Ashot"
    "</formattedFullName></translation></translations></name></names></entity>"
)


def document(*entities: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}<sanctionsData xmlns="{NS}">'
        "<publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf></publicationInfo>"
        f"<entities>{''.join(entities)}</entities></sanctionsData>"
    ).encode()


def zipped(tmp_path: Path, data: bytes, member: str = "CONS_ENHANCED.XML") -> Path:
    path = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return path


def test_official_zip(cons_xml: ParsedList) -> None:
    counts = cons_xml.counts()
    assert cons_xml.list == "ofac-cons" and cons_xml.format == "ofac-enhanced-xml"
    assert cons_xml.published == "2025-01-10"
    assert counts["entities"] == 443
    assert (counts["schema.person"], counts["schema.organization"]) == (80, 363)
    assert counts["names"] == 1_624  # 1,579 published names, 45 of them with a second script
    assert counts["relationships"] == 283 and counts["relationships_resolved"] == 282
    scripts = Counter(n.script for e in cons_xml.entities for n in e.names)
    assert (scripts["Cyrl"], scripts["Hans"], scripts["Hant"]) == (39, 5, 1)
    weak = Counter(n.script for e in cons_xml.entities for n in e.names if n.weak)
    assert weak == {None: 70, "Cyrl": 1}  # 70 isLowQuality names, one also in Cyrillic
    assert cons_xml.files[0].size == 207_200


def test_eximbank(cons_xml: ParsedList) -> None:
    bank = next(e for e in cons_xml.entities if e.source_id == "18268")
    assert bank.id == "ofac-cons-18268" and bank.schema is Schema.ORGANIZATION
    assert bank.caption == "EXIMBANK OF RUSSIA JSC"
    cyrillic = [n for n in bank.names if n.script == "Cyrl"]
    assert [n.full for n in cyrillic] == [
        "ГОСУДАРСТВЕННЫЙ СПЕЦИАЛИЗИРОВАННЫЙ РОССИЙСКИЙ ЭКСПОРТНО-ИМПОРТНЫЙ БАНК АКЦИОНЕРНОЕ "
        "ОБЩЕСТВО",
        "АО РОСЭКСИМБАНК",
    ]
    assert all(n.kind is NameKind.AKA for n in cyrillic)
    assert bank.programs == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    assert bank.listed_on == "2015-07-30"
    found = {(i.type, i.value, i.country) for i in bank.identifiers}
    assert {
        (IdType.SWIFT_BIC, "EXIRRUMM", None),
        (IdType.WEBSITE, "eximbank.ru", None),
        (IdType.REGISTRATION_NUMBER, "1027739109133", "RU"),
        (IdType.TAX_ID, "7704001959", "RU"),
        (IdType.LEI, "253400HA6URWT39X2982", None),
    } == found
    [address] = bank.addresses
    assert (address.street, address.city, address.postal_code, address.country) == (
        "12 Krasnopresnenskaya Embankments",
        "Moscow",
        "123610",
        "RU",
    )
    [owner] = bank.relationships
    assert (owner.kind, owner.target_id) == (RelationKind.OWNER, "ofac-cons-17015")
    assert "Organization Established Date: 1994-05-24" in bank.notes
    assert bank.source_record["xml"].startswith('<entity xmlns="')


def test_person_features(cons_xml: ParsedList) -> None:
    haniya = next(e for e in cons_xml.entities if e.source_id == "9639")
    assert haniya.schema is Schema.PERSON
    assert (haniya.names[0].family, haniya.names[0].given) == ("HANIYA", "Ismail Abdul Salah")
    assert haniya.birth_dates == (FuzzyDate(1962),) and haniya.birth_places == ("Shati",)
    assert haniya.listed_on == "2006-04-12"
    palestinian = [e for e in cons_xml.entities if "PS" in e.nationalities]
    assert palestinian  # "Nationality Country" resolved through the reference table's isoCode


def test_same_list_as_csv(cons_xml: ParsedList, ofac_dir: Path) -> None:
    from clearance.sources.ofac import OfacCsvFormat

    csv = OfacCsvFormat().read(ofac_dir / "cons_csv_2025-12-19")
    common = {e.id for e in csv.entities} & {e.id for e in cons_xml.entities}
    assert len(common) >= 400  # the two publications use the same ids


def test_codec_round_trip(cons_xml: ParsedList) -> None:
    for entity in cons_xml.entities[::10]:
        assert entity_from_dict(entity_to_dict(entity)) == entity


def test_bare_xml_and_list_override(tmp_path: Path) -> None:
    path = tmp_path / "CONS_ENHANCED.XML"
    path.write_bytes(document(ENTITY.format(id=1), ENTITY.format(id=2)))
    fmt = OfacEnhancedXmlFormat()
    assert fmt.detect(path)
    parsed = fmt.read(path, list_name="ofac-test")
    assert [e.id for e in parsed.entities] == ["ofac-test-1", "ofac-test-2"]
    assert parsed.published == "2025-01-10"


# --- hostile and broken input -------------------------------------------------------------

BOMB = (
    '<!DOCTYPE sanctionsData [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
).replace("&lol0;", "&lol;")


def test_entity_expansion_bomb_in_zip(tmp_path: Path) -> None:
    data = document(ENTITY.format(id="&lol9;"), doctype=BOMB)
    path = zipped(tmp_path, data)
    with pytest.raises(InputFileError, match="DOCTYPE") as err:
        OfacEnhancedXmlFormat().read(path)
    assert str(path) in str(err.value) and "CONS_ENHANCED.XML" in str(err.value)


def test_bomb_hidden_after_the_prolog_window_is_still_refused(tmp_path: Path) -> None:
    # A DOCTYPE pushed past the prefix scan: libxml2's amplification limit stops it.
    padding = "<!--" + "x" * 70_000 + "<sanctionsData -->"
    data = document(ENTITY.format(id="&lol9;"), doctype=padding + BOMB)
    with pytest.raises(InputFileError) as err:
        OfacEnhancedXmlFormat().read(zipped(tmp_path, data))
    assert "CONS_ENHANCED.XML" in str(err.value)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>\n'
    path = tmp_path / "x.xml"
    path.write_bytes(document(ENTITY.format(id="&ext;"), doctype=doctype))
    with pytest.raises(InputFileError, match="DOCTYPE"):
        OfacEnhancedXmlFormat().read(path)


def test_truncated_xml(tmp_path: Path) -> None:
    data = document(ENTITY.format(id=1), ENTITY.format(id=2))
    path = zipped(tmp_path, data[: len(data) - 200])
    with pytest.raises(InputFileError, match="malformed XML") as err:
        OfacEnhancedXmlFormat().read(path)
    assert err.value.record is not None and str(err.value.record).startswith("line")


def test_not_a_zip_or_wrong_members(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(InputFileError, match="zip"):
        OfacEnhancedXmlFormat().read(broken)
    path = zipped(tmp_path, b"hello", member="readme.txt")
    with pytest.raises(InputFileError, match="expected one XML file"):
        OfacEnhancedXmlFormat().read(path)


def test_other_xml_and_utf16(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_bytes(b'<?xml version="1.0"?><CONSOLIDATED_LIST/>')
    with pytest.raises(InputFileError, match="not an OFAC enhanced XML"):
        OfacEnhancedXmlFormat().read(other)
    utf16 = tmp_path / "utf16.xml"
    utf16.write_bytes(document(ENTITY.format(id=1)).decode().encode("utf-16"))
    with pytest.raises(InputFileError, match="UTF-16"):
        OfacEnhancedXmlFormat().read(utf16)


def test_duplicate_and_missing(tmp_path: Path) -> None:
    dup = tmp_path / "dup.xml"
    dup.write_bytes(document(ENTITY.format(id=1), ENTITY.format(id=1)))
    with pytest.raises(InputFileError, match="duplicated id") as err:
        OfacEnhancedXmlFormat().read(dup)
    assert err.value.record == "1"
    empty = tmp_path / "empty.xml"
    empty.write_bytes(document())
    with pytest.raises(InputFileError, match="no <entity>"):
        OfacEnhancedXmlFormat().read(empty)
    nameless = tmp_path / "nameless.xml"
    nameless.write_bytes(document(ENTITY.format(id=5).split("<names>")[0] + "</entity>"))
    with pytest.raises(InputFileError, match="no name") as err:
        OfacEnhancedXmlFormat().read(nameless)
    assert err.value.record == "5"
