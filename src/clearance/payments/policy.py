"""The declared block / reject / review policy: regimes, their lists, programs, jurisdictions
and regions, and the score thresholds. The default is ``policy.toml`` next to this module
(documented there and in ``docs/payments.md``); ``Policy.load(path)`` reads another file."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

import orjson

from clearance.errors import ClearanceError

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
DEFAULT_POLICY = Path(__file__).with_name("policy.toml")


class Action(IntEnum):
    """What a hit asks for; the message takes the strongest."""

    CLEAR = 0
    REVIEW = 1
    REJECT = 2
    BLOCK = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str, where: str) -> Action:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ClearanceError(
                f"policy {where}: unknown action {text!r} (block, reject, review or clear)"
            ) from None


@dataclass(frozen=True, slots=True)
class Region:
    key: str
    label: str
    subdivisions: frozenset[str]
    places: tuple[str, ...]  # folded (see fold)


@dataclass(frozen=True, slots=True)
class Regime:
    name: str
    lists: frozenset[str]
    default: Action
    list_defaults: dict[str, Action] = field(default_factory=dict)
    programs: dict[str, Action] = field(default_factory=dict)
    jurisdictions: dict[str, Action] = field(default_factory=dict)
    regions: dict[str, Action] = field(default_factory=dict)

    def listing_action(self, list_name: str, programs: tuple[str, ...]) -> tuple[Action, str]:
        """The action a confirmed match on a listed party calls for, and the rule's name: the
        strongest over its programs (a program not named takes the list's or regime's default:
        VTB under UKRAINE-EO13662 *and* RUSSIA-EO14024 is blocked)."""
        if list_name in self.list_defaults:
            fallback = (self.list_defaults[list_name], f"{self.name}/list/{list_name}")
        else:
            fallback = (self.default, f"{self.name}/default")
        found = [
            (self.programs[p], f"{self.name}/program/{p}") if p in self.programs else fallback
            for p in programs
        ]
        return max(found or [fallback], key=lambda pair: pair[0])


@dataclass(frozen=True, slots=True)
class Policy:
    regimes: tuple[Regime, ...]
    regions: dict[str, Region]
    review: float = 0.70
    confirm: float = 0.90
    text_review: float = 0.85
    text_max_words: int = 5
    source: str = "default"
    sha256: str = ""  # of the declared policy (canonical JSON): receipts name it

    @classmethod
    def load(cls, path: Path | None = None) -> Policy:
        path = path or DEFAULT_POLICY
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ClearanceError(f"{path}: cannot read the payment policy: {exc}") from None
        return cls.from_dict(data, str(path) if path != DEFAULT_POLICY else "default")

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "dict") -> Policy:
        regions = {
            key: Region(
                key,
                str(spec.get("label", key)),
                frozenset(s.upper() for s in spec.get("subdivisions", [])),
                tuple(sorted({fold(p) for p in spec.get("places", [])}, key=len, reverse=True)),
            )
            for key, spec in data.get("regions", {}).items()
        }
        active = data.get("active") or list(data.get("regimes", {}))
        regimes = []
        for name in active:
            spec = data.get("regimes", {}).get(name)
            if spec is None:
                raise ClearanceError(f"policy {source}: active regime {name!r} is not defined")
            regimes.append(_regime(name, spec, regions))
        limits = data.get("thresholds", {})
        return cls(
            tuple(regimes),
            regions,
            review=float(limits.get("review", 0.70)),
            confirm=float(limits.get("confirm", 0.90)),
            text_review=float(limits.get("text_review", 0.85)),
            text_max_words=int(limits.get("text_max_words", 5)),
            source=source,
            sha256=hashlib.sha256(
                orjson.dumps(data, option=orjson.OPT_SORT_KEYS, default=str)
            ).hexdigest(),
        )

    def describe(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "regimes": [r.name for r in self.regimes],
            "thresholds": {
                "review": self.review,
                "confirm": self.confirm,
                "text_review": self.text_review,
            },
        }


def _regime(name: str, spec: dict[str, Any], regions: dict[str, Region]) -> Regime:
    def actions(key: str) -> dict[str, Action]:
        return {k: Action.parse(v, f"{name}.{key}.{k}") for k, v in spec.get(key, {}).items()}

    found = actions("regions")
    unknown = [r for r in found if r not in regions]
    if unknown:
        raise ClearanceError(f"policy regime {name}: region {unknown[0]!r} is not defined")
    return Regime(
        name,
        frozenset(spec.get("lists", [])),
        Action.parse(spec.get("default", "block"), f"{name}.default"),
        actions("lists_default"),
        actions("programs"),
        {k.upper(): v for k, v in actions("jurisdictions").items()},
        found,
    )


def fold(text: str) -> str:
    """Lower case, no accents, words separated by one space (for place-name matching)."""
    if text.isascii():
        return " ".join(_NON_ALNUM.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())
