"""Option help without type labels on flags: ``--json`` is shown bare, not ``--json <bool>``
(Typer labels every option with its type, so a flag looked as if it took a value)."""

from __future__ import annotations

from typing import Any

from typer.core import TyperOption

_display_type_rich = TyperOption.display_type_rich


def _flag_aware(self: TyperOption, ctx: Any) -> str | None:
    if self.is_flag and self.metavar is None:
        return None
    result: str | None = _display_type_rich(self, ctx)
    return result


TyperOption.display_type_rich = _flag_aware  # type: ignore[method-assign]
