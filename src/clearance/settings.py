"""All settings in one place, in sections, read from ``CLEARANCE_*`` environment variables.

Each section is a pydantic-settings model with its own prefix: :class:`SnapshotSettings`
(``CLEARANCE_``), :class:`MatchingPolicy` (``CLEARANCE_``), :class:`ApiSettings`
(``CLEARANCE_API_``), :class:`DatabaseSettings` (``CLEARANCE_DATABASE_``) and
:class:`MonitoringSettings` (``CLEARANCE_``). A new setting is one field with a ``description``
in its section; the README's settings table is generated from them (``python -m
clearance.settings``) and ``tests/test_settings.py`` fails when it is out of date.

Settings are read once (``Settings.from_env()``) by a shell (CLI, API, batch) and passed down;
no other module reads the environment. Each part of the core receives only its section (the
screener gets the :class:`MatchingPolicy`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.sources import EnvSettingsSource

from clearance.errors import ClearanceError

ENV_PREFIX = "CLEARANCE_"

DEFAULT_SOURCES: dict[str, str] = {
    "ofac-sdn": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"
    " https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV"
    " https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV"
    " https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV",
    "ofac-cons": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV"
    " https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV"
    " https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV"
    " https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_COMMENTS.CSV",
    "un": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    "uk": "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx",
    "eu": "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content",
}
SOURCE_PREFIX = f"{ENV_PREFIX}SOURCE_"


@dataclass(frozen=True)
class Setting:
    name: str
    help: str
    default: str = ""
    section: str = ""


class _MappingSource(EnvSettingsSource):
    """pydantic-settings' environment source over a given mapping (``os.environ`` or a test's)."""

    def __init__(self, settings_cls: type[BaseSettings], env: Mapping[str, str]) -> None:
        self._env = env
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {k.lower(): v for k, v in self._env.items() if v != ""}


class Section(BaseSettings):
    """One section of the settings; its fields are read from ``env_prefix + FIELD``."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, frozen=True, extra="forbid", str_strip_whitespace=True
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Constructing a section never reads the environment by itself: ``from_env`` does.
        return (init_settings,)

    @classmethod
    def env_values(cls, env: Mapping[str, str]) -> dict[str, Any]:
        """The values ``env`` sets for this section's fields (raw, validated on construction)."""
        return _MappingSource(cls, env)()

    @classmethod
    def env_name(cls, field: str) -> str:
        return str(cls.model_config.get("env_prefix", "")) + field.upper()

    @classmethod
    def documented(cls, section: str) -> list[Setting]:
        return [
            Setting(
                cls.env_name(name),
                info.description or "",
                _default(info.get_default(call_default_factory=True)),
                section,
            )
            for name, info in cls.model_fields.items()
        ]


def _default(value: object) -> str:
    if isinstance(value, dict):
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value in ("", None) else str(value)


class SnapshotSettings(Section):
    """Snapshots on disk and the downloads that make them (``load``, ``refresh``)."""

    retention: int = Field(
        default=10,
        ge=1,
        description="How many snapshots to keep (the active one is never removed).",
    )
    sources: dict[str, str] = Field(
        default_factory=lambda: dict(DEFAULT_SOURCES),
        description="Download URLs for `refresh`, per list: `CLEARANCE_SOURCE_<LIST>` "
        "(e.g. `CLEARANCE_SOURCE_OFAC_SDN`), several URLs separated by spaces.",
    )
    fetch_timeout: float = Field(
        default=60.0, gt=0, description="Seconds before a download is abandoned."
    )
    fetch_max_bytes: int = Field(
        default=200_000_000, ge=1, description="Largest download accepted, in bytes."
    )
    min_count_ratio: float = Field(
        default=0.8,
        ge=0.0,
        le=1.0,
        description="`load` and `refresh` refuse a list whose entity or alias count falls "
        "below this share of the active snapshot's (a truncated or hostile file; "
        "`--allow-shrink` forces it).",
    )

    @classmethod
    def env_values(cls, env: Mapping[str, str]) -> dict[str, Any]:
        values = super().env_values({k: v for k, v in env.items() if k != f"{ENV_PREFIX}SOURCES"})
        sources = dict(DEFAULT_SOURCES)
        for key, value in env.items():
            if key.startswith(SOURCE_PREFIX):
                sources[key.removeprefix(SOURCE_PREFIX).lower().replace("_", "-")] = value
        return {**values, "sources": sources}

    @classmethod
    def env_name(cls, field: str) -> str:
        return f"{SOURCE_PREFIX}<LIST>" if field == "sources" else super().env_name(field)


class MatchingPolicy(Section):
    """What the screener decides with: the alert threshold, weak a.k.a.s, the result cache."""

    threshold: float = Field(
        default=0.7, ge=0.0, le=1.0, description="Alert threshold for screening scores (0..1)."
    )
    screen_cache: int = Field(
        default=10_000,
        ge=0,
        description="Screening results kept per snapshot for repeated identical queries "
        "(0 disables the cache).",
    )
    weak_alias_alerts: bool = Field(
        default=False,
        description="Whether a match on a weak a.k.a. alone may alert (OFAC FAQ 122).",
    )


class ApiSettings(Section):
    """The screening server (``clearance serve``)."""

    model_config = SettingsConfigDict(env_prefix=f"{ENV_PREFIX}API_")

    max_batch: int = Field(
        default=1000,
        ge=1,
        description="Most queries accepted in one `POST /screen/batch` or `/match` call.",
    )
    max_body_bytes: int = Field(
        default=1_048_576,
        ge=1024,
        description="Largest API request body accepted, in bytes (larger: 413).",
    )
    anonymous: str = Field(
        default="",
        description="Role granted to API requests without a key: `viewer`, `screener`, or "
        "empty (default) for none (every request needs a key).",
    )
    reload_seconds: float = Field(
        default=5.0,
        ge=0,
        description="How often the API server checks for a newly installed snapshot, in "
        "seconds (0 disables the check; `POST /admin/reload` still works).",
    )
    worker_healthcheck_seconds: int = Field(
        default=60,
        ge=1,
        description="With `--workers` above 1: how long a worker may take to answer the "
        "supervisor's health check before it is killed and restarted (a worker loading a "
        "large snapshot on a busy machine can be silent for several seconds).",
    )
    keepalive_seconds: float = Field(
        default=5.0,
        ge=0,
        description="Age in seconds after which the server closes a keep-alive connection at "
        "its next answer (`Connection: close`; the client reconnects and, with `--workers` "
        "above 1, may land on another worker): connections a client opened while one worker "
        "was listening spread over all of them. 0: never.",
    )

    @field_validator("anonymous")
    @classmethod
    def _role(cls, value: str) -> str:
        value = value.lower()
        if value not in {"", "viewer", "screener"}:
            raise ValueError("must be empty, 'viewer' or 'screener'")
        return value


class DatabaseSettings(Section):
    """Cases, decisions and the audit trail (``clearance.db``)."""

    model_config = SettingsConfigDict(env_prefix=f"{ENV_PREFIX}DATABASE_")

    url: str = Field(
        default="",
        description="Database for cases, decisions and the audit trail: empty (default) for "
        "the SQLite file `clearance.db` in the home directory, or "
        "`postgresql+psycopg://USER:PASSWORD@HOST/DB`.",
    )


class DecisionSettings(Section):
    """Who the CLI acts for in cases, the audit trail and recording (``clearance.cases``)."""

    user_key: str = Field(
        default="",
        repr=False,
        description="API key of the user the CLI acts for in `case`, `audit` and `--record` "
        "commands (instead of `--as USER`).",
    )
    record_payments: bool = Field(
        default=False,
        description="Record every screened payment (receipt, and cases for its hits) in "
        "`clearance payment` and `POST /payments/screen[/batch]`, as if `--record` / "
        "`record=true` were given.",
    )
    record_spool: bool = Field(
        default=False,
        description="API: answer `/screen?record=true` once its receipt is in a local "
        "append-only spool in the home (kept across a crash or kill of the server) and move "
        "spooled receipts into the database in batches in the background; alerts keep their "
        "transaction. Off: answered after the database commit. See docs/decisions.md.",
    )
    record_spool_fsync: bool = Field(
        default=False,
        description="With the spool: answer only after an fsync of the spool (shared by the "
        "receipts written meanwhile), so receipts also survive a power loss.",
    )
    record_spool_limit: int = Field(
        default=10_000,
        ge=1,
        description="With the spool: receipts that may wait for the database; beyond, "
        "recorded requests answer 503.",
    )
    record_spool_interval: float = Field(
        default=0.25,
        gt=0,
        description="With the spool: seconds between shipments of spooled receipts to the "
        "database (sooner when 500 wait).",
    )
    record_spool_seconds: float = Field(
        default=60.0,
        gt=0,
        description="With the spool: how long receipts may wait for an unreachable database "
        "before recorded requests answer 503.",
    )


class MonitoringSettings(Section):
    """Ongoing screening of the customer book (``clearance monitor``) and its notifications."""

    webhook_url: str = Field(
        default="",
        description="Monitoring: URL receiving one signed JSON POST of new alerts per run.",
    )
    webhook_secret: str = Field(
        default="",
        repr=False,
        description="Monitoring: HMAC-SHA256 key signing webhook bodies.",
    )


SECTIONS: dict[str, type[Section]] = {
    "snapshots": SnapshotSettings,
    "matching": MatchingPolicy,
    "api": ApiSettings,
    "database": DatabaseSettings,
    "decisions": DecisionSettings,
    "monitoring": MonitoringSettings,
}


def _flat_names() -> dict[str, tuple[str, str]]:
    """Each field by its environment name without the prefix: ``api_max_batch`` -> api."""
    out: dict[str, tuple[str, str]] = {}
    for section, cls in SECTIONS.items():
        for name in cls.model_fields:
            flat = cls.env_name(name).removeprefix(ENV_PREFIX).lower()
            out["sources" if name == "sources" else flat] = (section, name)
    return out


class Settings(BaseModel):
    """Runtime settings: the home directory and one model per section.

    Build with :meth:`from_env`, or directly in tests. Flat names (``Settings(threshold=0.8)``,
    ``settings.api_max_batch``) are accepted for compatibility and go to their section.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    FLAT: ClassVar[dict[str, tuple[str, str]]] = {}

    home: Path = Field(
        default_factory=lambda: Path(platformdirs.user_data_dir("clearance")),
        description="Data directory holding snapshots and indexes (`--home` overrides).",
    )
    snapshots: SnapshotSettings = Field(default_factory=SnapshotSettings)
    matching: MatchingPolicy = Field(default_factory=MatchingPolicy)
    api: ApiSettings = Field(default_factory=ApiSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    decisions: DecisionSettings = Field(default_factory=DecisionSettings)
    monitoring: MonitoringSettings = Field(default_factory=MonitoringSettings)

    @model_validator(mode="before")
    @classmethod
    def _route_flat_names(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        out: dict[str, Any] = {}
        parts: dict[str, dict[str, Any]] = {}
        for key, value in data.items():
            if key in cls.FLAT and key not in SECTIONS:
                section, name = cls.FLAT[key]
                parts.setdefault(section, {})[name] = value
            else:
                out[key] = value
        for section, values in parts.items():
            current = out.get(section)
            base = current.model_dump() if isinstance(current, BaseModel) else dict(current or {})
            out[section] = SECTIONS[section](**{**base, **values})
        return out

    def __getattr__(self, name: str) -> Any:
        flat = type(self).FLAT.get(name)
        if flat is None:
            return super().__getattr__(name)  # type: ignore[misc]
        return getattr(getattr(self, flat[0]), flat[1])

    def replace(self, **changes: object) -> Settings:
        """A copy with ``changes`` (by field, section or flat name), validated again."""
        data: dict[str, object] = {name: getattr(self, name) for name in type(self).model_fields}
        return type(self).model_validate({**data, **changes})

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``env`` (default: the process environment); ``overrides`` win."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        if home := env.get(f"{ENV_PREFIX}HOME", "").strip():
            values["home"] = Path(home)
        try:
            for section, section_cls in SECTIONS.items():
                try:
                    values[section] = section_cls(**section_cls.env_values(env))
                except ValidationError as exc:
                    raise ClearanceError(_message(section_cls, exc)) from None
            values.update({k: v for k, v in overrides.items() if v is not None})
            return cls(**values)
        except ValidationError as exc:
            raise ClearanceError(f"invalid {ENV_PREFIX}* setting: {exc}") from None


Settings.FLAT = _flat_names()


def _message(section: type[Section], exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else ""
    env = section.env_name(field) if field else f"{ENV_PREFIX}*"
    return f"invalid {ENV_PREFIX}* setting: {env}: {error['msg']}"


def documented_settings() -> list[Setting]:
    """Each setting with its env name and help text (for docs and the docs test)."""
    home = Settings.model_fields["home"]
    out = [Setting(f"{ENV_PREFIX}HOME", home.description or "", "", "home")]
    for name, section in SECTIONS.items():
        out.extend(section.documented(name))
    return out


def settings_table() -> str:
    """The README's settings table (Markdown), generated from the declarations above."""
    lines = ["| Section | Variable | Default | Meaning |", "| --- | --- | --- | --- |"]
    for s in documented_settings():
        default = f"`{s.default}`" if s.default else ""
        lines.append(f"| {s.section} | `{s.name}` | {default} | {s.help} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(settings_table())
