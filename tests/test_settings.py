"""Settings: read from the environment in one place, in sections, validated, and all documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.errors import ClearanceError
from clearance.settings import MatchingPolicy, Settings, documented_settings, settings_table

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_table() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("<!-- settings-table -->")[1].split("<!-- /settings-table -->")[0]


def test_every_setting_is_documented_in_the_readme() -> None:
    table = _readme_table()
    missing = [s.name for s in documented_settings() if f"`{s.name}`" not in table]
    assert not missing, f"undocumented settings: {missing}"
    assert all(s.help for s in documented_settings())


def test_the_readme_table_is_the_generated_one() -> None:
    assert _readme_table().strip() == settings_table(), "run `python -m clearance.settings`"


def test_environment_overrides(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "CLEARANCE_HOME": str(tmp_path),
            "CLEARANCE_THRESHOLD": "0.8",
            "CLEARANCE_WEAK_ALIAS_ALERTS": "yes",
            "CLEARANCE_SOURCE_OFAC_SDN": "http://127.0.0.1:1/sdn.csv",
        }
    )
    assert settings.home == tmp_path
    assert settings.matching.threshold == 0.8 and settings.matching.weak_alias_alerts
    assert settings.snapshots.sources["ofac-sdn"] == "http://127.0.0.1:1/sdn.csv"
    # flat names (kept for compatibility) read the same sections
    assert settings.threshold == 0.8 and settings.weak_alias_alerts
    assert settings.sources["ofac-sdn"] == "http://127.0.0.1:1/sdn.csv"


def test_sections_and_flat_names_in_code(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, threshold=0.9, api_max_batch=5, retention=3)
    assert settings.matching == MatchingPolicy(threshold=0.9)
    assert settings.api.max_batch == 5 and settings.snapshots.retention == 3
    assert Settings.from_env({"CLEARANCE_API_ANONYMOUS": " Viewer "}).api.anonymous == "viewer"
    assert Settings.from_env({}, home=tmp_path).home == tmp_path


@pytest.mark.parametrize(
    "env",
    [
        {"CLEARANCE_THRESHOLD": "high"},
        {"CLEARANCE_THRESHOLD": "1.5"},
        {"CLEARANCE_RETENTION": "0"},
        {"CLEARANCE_API_ANONYMOUS": "admin"},
        {"CLEARANCE_API_MAX_BODY_BYTES": "10"},
    ],
)
def test_bad_values_are_clear_errors(env: dict[str, str]) -> None:
    with pytest.raises(ClearanceError, match="CLEARANCE_"):
        Settings.from_env(env)
