"""Hostile list files, generated on the fly from the real ones: small on disk (deflated or
sparse junk), huge once parsed. Each generator writes next to ``folder`` and returns the path.

The junk is unknown elements (a few tens of MB of them) placed where a reader that keeps what
it does not map would keep them: between records, inside containers, after the last record,
inside a workbook's sheet and shared strings.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import DATA

UN_XML = DATA / "un" / "2026-02-27" / "consolidated.xml"
OFAC_ZIP = DATA / "ofac" / "cons_enhanced_xml_2025-01-10" / "CONS_ENHANCED.ZIP"
UK_XLSX = DATA / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx"
EU_XML = (
    Path(__file__).resolve().parent.parent / "sources" / "eu" / "fixtures" / "eu_fsf_sample.xml"
)
SDN_CSV = DATA / "ofac" / "sdn_csv_2024-05-03"

_ELEMENT = b"<junk>" + b"x" * 57 + b"</junk>"  # 70 bytes, one element


def junk(size: int, tag: bytes = b"unknownBlock") -> bytes:
    """About ``size`` bytes of unknown elements inside one ``tag`` element."""
    return b"<" + tag + b">" + _ELEMENT * (size // len(_ELEMENT)) + b"</" + tag + b">"


def _insert(data: bytes, after: bytes, extra: bytes, *, last: bool = False) -> bytes:
    at = data.rfind(after) if last else data.find(after)
    assert at >= 0, after
    at += len(after)
    return data[:at] + extra + data[at:]


def un_xml(folder: Path, size: int) -> Path:
    """The real UN list with junk before its records, between two and after the last."""
    data = UN_XML.read_bytes()
    data = _insert(data, b"<INDIVIDUALS>", junk(size // 3))
    data = _insert(data, b"</INDIVIDUAL>", junk(size // 3))
    data = _insert(data, b"</ENTITIES>", junk(size // 3), last=True)
    path = folder / "consolidated.xml"
    path.write_bytes(data)
    return path


def eu_xml(folder: Path, size: int) -> Path:
    """The EU sample with junk before, between and after its sanctionEntity records."""
    data = EU_XML.read_bytes()
    data = _insert(data, b"</sanctionEntity>", junk(size // 2, b"unknownBlock"))
    data = _insert(data, b"</sanctionEntity>", junk(size // 2, b"other"), last=True)
    path = folder / "eu_fsf.xml"
    path.write_bytes(data)
    return path


def ofac_zip(folder: Path, size: int) -> Path:
    """The real CONS_ENHANCED.ZIP with junk in its header and among its entities (deflated:
    a few hundred KB on disk)."""
    with zipfile.ZipFile(OFAC_ZIP) as archive:
        (member,) = archive.infolist()
        data = archive.read(member)
    data = _insert(data, b"<entities>", junk(size // 2))
    data = _insert(data, b"</publicationInfo>", junk(size // 2))
    path = folder / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member.filename, data)
    return path


def uk_xlsx(folder: Path, size: int) -> Path:
    """The real ConList.xlsx with junk among its sheet's rows, after its cells and in its
    shared strings (deflated: a few MB on disk)."""
    path = folder / "ConList.xlsx"
    with (
        zipfile.ZipFile(UK_XLSX) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = _insert(data, b"</row>", junk(size // 3))
                data = _insert(data, b"</sheetData>", junk(size // 3))
            elif info.filename == "xl/sharedStrings.xml":
                data = _insert(data, b"</si>", junk(size // 3), last=True)
            out.writestr(info.filename, data)
    return path


def record_junk(folder: Path, size: int) -> Path:
    """The real UN list with junk inside one record (refused by the record budget)."""
    data = _insert(UN_XML.read_bytes(), b"<INDIVIDUAL>", junk(size))
    path = folder / "consolidated.xml"
    path.write_bytes(data)
    return path
