"""All settings in one place. Environment variables use the prefix ``CLEARANCE_``.

Settings are read once (``Settings.from_env()``) by a shell (CLI, API, batch) and passed down;
no other module reads the environment. Every field is documented in the README's settings table
and ``tests/test_settings.py`` fails when one is not.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

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


@dataclass(frozen=True)
class Setting:
    name: str
    help: str


@dataclass(frozen=True)
class Settings:
    """Runtime settings. Build with :meth:`from_env` or directly in tests."""

    home: Path = field(
        default_factory=lambda: Path(platformdirs.user_data_dir("clearance")),
        metadata={"help": "Data directory holding snapshots and indexes (`--home` overrides)."},
    )
    retention: int = field(
        default=10,
        metadata={"help": "How many snapshots to keep (the active one is never removed)."},
    )
    sources: dict[str, str] = field(
        default_factory=lambda: dict(DEFAULT_SOURCES),
        metadata={
            "help": "Download URLs for `refresh`, per list: `CLEARANCE_SOURCE_<LIST>` "
            "(e.g. `CLEARANCE_SOURCE_OFAC_SDN`), several URLs separated by spaces."
        },
    )
    fetch_timeout: float = field(
        default=60.0, metadata={"help": "Seconds before a download is abandoned."}
    )
    fetch_max_bytes: int = field(
        default=200_000_000, metadata={"help": "Largest download accepted, in bytes."}
    )
    min_count_ratio: float = field(
        default=0.8,
        metadata={
            "help": "`load` and `refresh` refuse a list whose entity or alias count falls "
            "below this share of the active snapshot's (a truncated or hostile file; "
            "`--allow-shrink` forces it)."
        },
    )
    threshold: float = field(
        default=0.7, metadata={"help": "Alert threshold for screening scores (0..1)."}
    )
    screen_cache: int = field(
        default=10_000,
        metadata={
            "help": "Screening results kept per snapshot for repeated identical queries "
            "(0 disables the cache)."
        },
    )
    weak_alias_alerts: bool = field(
        default=False,
        metadata={"help": "Whether a match on a weak a.k.a. alone may alert (OFAC FAQ 122)."},
    )
    api_max_batch: int = field(
        default=1000,
        metadata={"help": "Most queries accepted in one `POST /screen/batch` or `/match` call."},
    )
    api_max_body_bytes: int = field(
        default=1_048_576,
        metadata={"help": "Largest API request body accepted, in bytes (larger: 413)."},
    )
    api_anonymous: str = field(
        default="",
        metadata={
            "help": "Role granted to API requests without a key: `viewer`, `screener`, or "
            "empty (default) for none (every request needs a key)."
        },
    )
    api_reload_seconds: float = field(
        default=5.0,
        metadata={
            "help": "How often the API server checks for a newly installed snapshot, in "
            "seconds (0 disables the check; `POST /admin/reload` still works)."
        },
    )
    database_url: str = field(
        default="",
        metadata={
            "help": "Database for cases, decisions and the audit trail: empty (default) for "
            "the SQLite file `clearance.db` in the home directory, or "
            "`postgresql+psycopg://USER:PASSWORD@HOST/DB`."
        },
    )
    webhook_url: str = field(
        default="",
        metadata={"help": "Monitoring: URL receiving one signed JSON POST of new alerts per run."},
    )
    webhook_secret: str = field(
        default="",
        metadata={"help": "Monitoring: HMAC-SHA256 key signing webhook bodies."},
        repr=False,
    )
    user_key: str = field(
        default="",
        metadata={
            "help": "API key of the user the CLI acts for in case, audit and recording "
            "commands (instead of `--as USER`)."
        },
        repr=False,
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        try:
            if home := env.get(f"{ENV_PREFIX}HOME"):
                values["home"] = Path(home)
            if raw := env.get(f"{ENV_PREFIX}RETENTION"):
                values["retention"] = int(raw)
            if raw := env.get(f"{ENV_PREFIX}FETCH_TIMEOUT"):
                values["fetch_timeout"] = float(raw)
            if raw := env.get(f"{ENV_PREFIX}FETCH_MAX_BYTES"):
                values["fetch_max_bytes"] = int(raw)
            if raw := env.get(f"{ENV_PREFIX}MIN_COUNT_RATIO"):
                values["min_count_ratio"] = float(raw)
            if raw := env.get(f"{ENV_PREFIX}THRESHOLD"):
                values["threshold"] = float(raw)
            if raw := env.get(f"{ENV_PREFIX}SCREEN_CACHE"):
                values["screen_cache"] = int(raw)
            if raw := env.get(f"{ENV_PREFIX}WEAK_ALIAS_ALERTS"):
                values["weak_alias_alerts"] = raw.strip().lower() in {"1", "true", "yes", "on"}
            if raw := env.get(f"{ENV_PREFIX}API_MAX_BATCH"):
                values["api_max_batch"] = int(raw)
            if raw := env.get(f"{ENV_PREFIX}API_MAX_BODY_BYTES"):
                values["api_max_body_bytes"] = int(raw)
            if (raw := env.get(f"{ENV_PREFIX}API_ANONYMOUS")) is not None:
                values["api_anonymous"] = raw.strip().lower()
            if raw := env.get(f"{ENV_PREFIX}API_RELOAD_SECONDS"):
                values["api_reload_seconds"] = float(raw)
            if raw := env.get(f"{ENV_PREFIX}DATABASE_URL"):
                values["database_url"] = raw.strip()
            if raw := env.get(f"{ENV_PREFIX}WEBHOOK_URL"):
                values["webhook_url"] = raw.strip()
            if raw := env.get(f"{ENV_PREFIX}WEBHOOK_SECRET"):
                values["webhook_secret"] = raw
            if raw := env.get(f"{ENV_PREFIX}USER_KEY"):
                values["user_key"] = raw.strip()
        except ValueError as exc:
            raise ClearanceError(f"invalid {ENV_PREFIX}* setting: {exc}") from exc
        sources = dict(DEFAULT_SOURCES)
        for key, value in env.items():
            if key.startswith(f"{ENV_PREFIX}SOURCE_"):
                list_name = key.removeprefix(f"{ENV_PREFIX}SOURCE_").lower().replace("_", "-")
                sources[list_name] = value
        values["sources"] = sources
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.screen_cache < 0:
            raise ClearanceError("CLEARANCE_SCREEN_CACHE must be 0 or more")
        if self.retention < 1:
            raise ClearanceError("CLEARANCE_RETENTION must be at least 1")
        if not 0.0 <= self.threshold <= 1.0:
            raise ClearanceError("CLEARANCE_THRESHOLD must be between 0 and 1")
        if not 0.0 <= self.min_count_ratio <= 1.0:
            raise ClearanceError("CLEARANCE_MIN_COUNT_RATIO must be between 0 and 1")
        if self.api_max_batch < 1:
            raise ClearanceError("CLEARANCE_API_MAX_BATCH must be at least 1")
        if self.api_max_body_bytes < 1024:
            raise ClearanceError("CLEARANCE_API_MAX_BODY_BYTES must be at least 1024")
        if self.api_anonymous not in {"", "viewer", "screener"}:
            raise ClearanceError("CLEARANCE_API_ANONYMOUS must be empty, 'viewer' or 'screener'")
        if self.api_reload_seconds < 0:
            raise ClearanceError("CLEARANCE_API_RELOAD_SECONDS must not be negative")


def documented_settings() -> list[Setting]:
    """Each setting with its env name and help text (for docs and the docs test)."""
    out = []
    for f in fields(Settings):
        env = f"{ENV_PREFIX}SOURCE_<LIST>" if f.name == "sources" else ENV_PREFIX + f.name.upper()
        out.append(Setting(env, str(f.metadata.get("help", ""))))
    return out
