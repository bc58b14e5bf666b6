"""The screen table at 80 columns: score, alert, entity id and reason whole; the reason states
the name agreement for every match; the matched name gets a column only when there is room."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

import clearance
from clearance.cli.screen import result_table
from tests.api.factory import install, sdn_entities, un_entities


def render(width: int, home: Path, name: str) -> list[str]:
    result = clearance.open(home).screen(name, limit=5)
    assert result.matches
    console = Console(width=width, record=True, color_system=None)
    console.print(result_table(result, width))
    return [line for line in console.export_text().splitlines() if line.strip()]


def test_readable_at_80_columns(tmp_path: Path) -> None:
    home = tmp_path / "home"
    install(home, {"ofac-sdn": sdn_entities(), "un": un_entities()})
    result = clearance.open(home).screen("Ashot Mkrtychev", limit=5)
    lines = render(80, home, "Ashot Mkrtychev")
    assert all(len(line) <= 80 for line in lines)
    header = lines[0].split()
    assert header[:3] == ["score", "alert", "entity"] and header[-1] == "why"
    assert "matched" not in lines[0]
    text = "\n".join(lines)
    for match in result.matches:
        assert match.entity_id in text and f"{match.score:.3f}" in text
    assert text.count("name_similarity:") == len(result.matches)  # every row, perfect ones too
    wide = render(140, home, "Ashot Mkrtychev")
    assert "matched name" in wide[0]
