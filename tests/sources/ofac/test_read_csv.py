"""The raw CSV reader: real files, and bad input written in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.errors import InputFileError
from clearance.sources.ofac import OfacCsvFormat
from clearance.sources.ofac.read_csv import (
    find_csv_set,
    read_addresses,
    read_aliases,
    read_comments,
    read_primary,
)

MKRTYCHEV = (
    '41736,"MKRTYCHEV, Ashot","individual","DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB 07 May 1966; POB Baku, Azerbaijan; citizen Slovakia."'
)
VERSOR = (
    '44579,"VERSOR S.R.O.",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"Tax ID No. 2023480030 (Slovakia); Linked To: MKRTYCHEV, Ashot."'
)


def write(folder: Path, name: str, *lines: str, end: bytes = b"\r\n\x1a") -> Path:
    path = folder / name
    path.write_bytes("\r\n".join(lines).encode() + end)
    return path


def test_real_sdn_set_raw_counts(ofac_dir: Path) -> None:
    folder = ofac_dir / "sdn_csv_2023-12-28"
    rows = read_primary(folder / "sdn.csv")
    assert len(rows) == 13_821
    assert len(read_addresses(folder / "add.csv")) == 18_990
    assert len(read_aliases(folder / "alt.csv")) == 17_091
    assert len(read_comments(folder / "sdn_comments.csv")) == 16
    first = rows[0]
    assert (first.ent_num, first.name, first.sdn_type, first.program) == (
        36,
        "AEROCARIBBEAN AIRLINES",
        None,
        "CUBA",
    )
    assert first.remarks is None and first.line == 1
    last = rows[-1]
    assert (last.ent_num, last.line) == (47089, 13_821)
    assert last.remarks is not None and last.remarks.endswith("EXCHANGE AND REMITTANCE.")


def test_vessel_columns(ofac_dir: Path) -> None:
    rows = {r.ent_num: r for r in read_primary(ofac_dir / "sdn_csv_2023-12-28" / "sdn.csv")}
    mar_azul = rows[4238]
    assert mar_azul.sdn_type == "vessel"
    assert (mar_azul.call_sign, mar_azul.vessel_type, mar_azul.grt) == ("CL2192", "Tug", "212")
    assert (mar_azul.vessel_flag, mar_azul.vessel_owner) == ("Cuba", "Samir de Navegacion S.A.")


def test_find_set_is_case_insensitive(tmp_path: Path) -> None:
    write(tmp_path, "SDN.CSV", MKRTYCHEV)
    write(tmp_path, "ADD.CSV", '41736,62284,-0- ,"Bratislava 84105","Slovakia",-0- ')
    found = find_csv_set(tmp_path)
    assert found.list_name == "ofac-sdn"
    assert found.primary.name == "SDN.CSV" and found.addresses is not None
    assert found.aliases is None and found.comments is None
    # The primary file alone finds its siblings too.
    assert find_csv_set(tmp_path / "SDN.CSV").addresses == found.addresses


def test_folder_with_both_sets_needs_a_choice(tmp_path: Path) -> None:
    write(tmp_path, "sdn.csv", MKRTYCHEV)
    write(tmp_path, "cons_prim.csv", VERSOR)
    with pytest.raises(InputFileError, match="both"):
        find_csv_set(tmp_path)
    assert find_csv_set(tmp_path, list_name="ofac-cons").list_name == "ofac-cons"


def test_secondary_file_alone_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "add.csv", '41736,62284,-0- ,"Bratislava","Slovakia",-0- ')
    with pytest.raises(InputFileError, match="secondary"):
        find_csv_set(path)


# --- bad input: each names the file and the record / line ----------------------------------


def test_truncated_mid_quote(tmp_path: Path) -> None:
    text = f"{MKRTYCHEV}\r\n{VERSOR}"
    path = tmp_path / "sdn.csv"
    path.write_text(text[: text.index("Tax ID") + 5])  # cut inside the remarks quote
    with pytest.raises(InputFileError) as err:
        read_primary(path)
    assert str(path) in str(err.value) and "line 2" in str(err.value)


def test_unterminated_quote_mid_file(tmp_path: Path) -> None:
    broken = MKRTYCHEV.replace('"MKRTYCHEV, Ashot"', '"MKRTYCHEV, Ashot')
    path = write(tmp_path, "sdn.csv", VERSOR, broken, VERSOR.replace("44579", "44580"))
    with pytest.raises(InputFileError) as err:
        read_primary(path)
    assert str(path) in str(err.value) and "line 2" in str(err.value)


def test_wrong_field_count(tmp_path: Path) -> None:
    path = write(tmp_path, "sdn.csv", MKRTYCHEV, '44579,"VERSOR S.R.O.",-0- ,"DPRK"')
    with pytest.raises(InputFileError, match="expected 12 fields.*found 4") as err:
        read_primary(path)
    assert err.value.record == "line 2" and err.value.path == str(path)


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(f"{MKRTYCHEV}\r\n".encode("utf-16"))
    with pytest.raises(InputFileError) as err:
        read_primary(path)
    assert err.value.path == str(path)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(f"{VERSOR}\r\n{MKRTYCHEV.replace('Ashot', 'Ašot')}\r\n".encode("cp1250"))
    with pytest.raises(InputFileError, match=r"not utf-8.*line 2") as err:
        read_primary(path)
    assert err.value.path == str(path)


def test_xml_given_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text('<?xml version="1.0"?>\n<sdnList><sdnEntry/></sdnList>\n')
    with pytest.raises(InputFileError, match="XML") as err:
        read_primary(path)
    assert err.value.path == str(path)
    xml = tmp_path / "SDN.XML"
    xml.write_text('<?xml version="1.0"?>\n<sdnList><sdnEntry/></sdnList>\n')
    with pytest.raises(InputFileError, match="XML"):
        OfacCsvFormat().read(xml)


def test_duplicated_ent_num(tmp_path: Path) -> None:
    path = write(tmp_path, "sdn.csv", MKRTYCHEV, VERSOR, MKRTYCHEV)
    with pytest.raises(InputFileError, match=r"duplicated ent_num 41736 \(also on line 1\)") as e:
        read_primary(path)
    assert e.value.record == "line 3"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(b"\x1a")
    with pytest.raises(InputFileError, match="empty") as err:
        OfacCsvFormat().read(tmp_path)
    assert err.value.path == str(path)


def test_ent_num_not_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, "sdn.csv", MKRTYCHEV.replace("41736", "4173X"))
    with pytest.raises(InputFileError, match="ent_num is not a number") as err:
        read_primary(path)
    assert err.value.record == "line 1"


def test_alias_without_name(tmp_path: Path) -> None:
    path = write(tmp_path, "alt.csv", '41736,64887,"aka",-0- ,-0- ')
    with pytest.raises(InputFileError, match="no name"):
        read_aliases(path)


def test_lf_line_ends_and_no_eof_byte(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text(f"{MKRTYCHEV}\n{VERSOR}\n")
    assert [r.ent_num for r in read_primary(path)] == [41736, 44579]
