"""Hostile files of each format: unknown elements by the tens of MB are dropped as they are
parsed (peak memory measured in a fresh process), a record beyond the element budget is
refused with one line naming the file and the record, zip bombs are refused unread."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from clearance.errors import InputFileError
from clearance.sources import read_path
from tests.faults import hostile

JUNK = 10 << 20  # bytes of unknown elements per hostile file (~24x that if kept in a tree)

_PEAKS = """
import ctypes, gc, json, re, sys
from pathlib import Path
from clearance.sources import read_path

def rss(field):
    status = Path("/proc/self/status").read_text()
    return int(re.search(field + r":\\s+(\\d+)", status)[1]) / 1024

out = []
for name in sys.argv[1:]:
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    before = rss("VmRSS")
    parsed = read_path(Path(name))
    out.append({"entities": len(parsed.entities), "grew_mb": rss("VmHWM") - before})
    del parsed
print(json.dumps(out))
"""


def peaks(*paths: Path) -> list[dict[str, float]]:
    """Read each path in turn in one fresh process: entity count and how far its peak RSS rose
    above what it held before (VmHWM reset between files)."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAKS, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: list[dict[str, float]] = json.loads(done.stdout)
    return result


REAL = {"un": hostile.UN_XML, "eu": hostile.EU_XML, "ofac": hostile.OFAC_ZIP, "uk": hostile.UK_XLSX}
MAKERS: dict[str, Callable[[Path, int], Path]] = {
    "un": hostile.un_xml,
    "eu": hostile.eu_xml,
    "ofac": hostile.ofac_zip,
    "uk": hostile.uk_xlsx,
}


def test_unknown_elements_are_not_kept(tmp_path: Path) -> None:
    """Each format's real file, then the same file with 10 MB of unknown elements: the junk
    changes nothing mapped, and adds a few MB to the peak at most (kept in a tree it would
    add hundreds). The largest real list's own peak is the yardstick for the 2x bound."""
    kinds = sorted(MAKERS)
    bad = []
    for kind in kinds:
        folder = tmp_path / kind
        folder.mkdir()
        bad.append(MAKERS[kind](folder, JUNK))
    measured = peaks(*(REAL[k] for k in kinds), *bad)
    real, hostile_ = measured[: len(kinds)], measured[len(kinds) :]
    largest = max(r["grew_mb"] for r in real)
    for kind, got, ref in zip(kinds, hostile_, real, strict=True):
        assert got["entities"] == ref["entities"], kind
        assert got["grew_mb"] <= ref["grew_mb"] + 24, (kind, got, ref)
        assert got["grew_mb"] <= 2 * largest, (kind, got, largest)


def test_junk_inside_a_record_is_refused(tmp_path: Path) -> None:
    path = hostile.record_junk(tmp_path, 12 << 20)
    with pytest.raises(InputFileError, match="a record holds more than") as err:
        read_path(path)
    assert err.value.path == str(path) and str(err.value.record).startswith("line ")


def test_zip_bombs_are_refused_unread(tmp_path: Path) -> None:
    """Declared sizes are checked first: a member over its bound is refused at once."""
    bomb = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("CONS_ENHANCED.XML", b" " * (1 << 20))
    data = bytearray(bomb.read_bytes())
    central = data.rfind(b"PK\x01\x02")  # the central directory's entry: declare 1.5 GiB
    struct.pack_into("<I", data, central + 24, 3 << 29)
    bomb.write_bytes(bytes(data))
    with pytest.raises(InputFileError, match="zip bomb"):
        read_path(bomb)
    book = tmp_path / "ConList.xlsx"
    with zipfile.ZipFile(hostile.UK_XLSX) as source, zipfile.ZipFile(book, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/styles.xml":  # parsed whole by openpyxl: tightly bounded
                data = data.replace(b"</styleSheet>", hostile.junk(6 << 20) + b"</styleSheet>")
            out.writestr(info, data)
    with pytest.raises(InputFileError, match="xl/styles.xml unpacks to") as err:
        read_path(book)
    assert err.value.path == str(book)


def test_junk_before_a_sheets_cells_is_refused(tmp_path: Path) -> None:
    book = tmp_path / "ConList.xlsx"
    with zipfile.ZipFile(hostile.UK_XLSX) as source, zipfile.ZipFile(book, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", hostile.junk(1 << 20) + b"<sheetData>", 1)
            out.writestr(info, data)
    with pytest.raises(InputFileError, match="before its cells"):
        read_path(book)
