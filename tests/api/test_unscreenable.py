"""POST /screen refuses a name with nothing screenable as an invalid query (422), with why."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api
from tests.api.test_validation import assert_error


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("LLC", "only a legal form"),
        ("ООО", "only a legal form"),
        ("...", "no letters or digits"),
        ("\u200b", "no letters or digits"),
    ],
)
def test_names_with_nothing_to_screen_are_invalid(api: Api, name: str, reason: str) -> None:
    assert_error(api.post("/screen", json={"name": name}), 422, "invalid_query", reason)
