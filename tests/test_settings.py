"""Settings: read from the environment in one place, validated, and all documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.errors import ClearanceError
from clearance.settings import Settings, documented_settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- settings-table -->")[1].split("<!-- /settings-table -->")[0]
    missing = [s.name for s in documented_settings() if f"`{s.name}`" not in table]
    assert not missing, f"undocumented settings: {missing}"
    assert all(s.help for s in documented_settings())


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
    assert settings.threshold == 0.8 and settings.weak_alias_alerts
    assert settings.sources["ofac-sdn"] == "http://127.0.0.1:1/sdn.csv"


@pytest.mark.parametrize(
    "env",
    [{"CLEARANCE_THRESHOLD": "high"}, {"CLEARANCE_THRESHOLD": "1.5"}, {"CLEARANCE_RETENTION": "0"}],
)
def test_bad_values_are_clear_errors(env: dict[str, str]) -> None:
    with pytest.raises(ClearanceError, match="CLEARANCE_"):
        Settings.from_env(env)
