"""Field checks shared by the readers: BICs and IBANs (python-stdnum) and size limits.

A BIC must have the ISO 9362 shape (4 letters, 2 letters, 2 letters or digits, an optional
3-character branch); one whose country part is not an ISO 3166 country (test BICs such as
``BICFOOYY``) is read with a warning and gives no country. An IBAN must pass its check digits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban
from stdnum.exceptions import InvalidComponent, ValidationError

from clearance.messages.model import MessageFormatError

MAX_NAME = 350  # characters in one name or address field (ISO allows 140, MT 4 x 35)
MAX_TEXT = 10_000  # characters in one free-text field
MAX_MESSAGE_BYTES = 2_000_000  # one message; larger ones are refused, not parsed

_BIC_SHAPE = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")


def check_bic(value: str, path: str, warnings: list[str]) -> tuple[str, str | None]:
    """The BIC (8 or 11 characters, upper case) and its country, or a format error."""
    code = re.sub(r"\s+", "", value).upper()
    verdict = _bic_verdict(code)
    if verdict == "shape":
        raise MessageFormatError(f"invalid BIC {value.strip()[:40]!r}", path)
    if verdict == "country":
        warnings.append(f"{path}: BIC {code} has no ISO country code ({code[4:6]})")
        return code, None
    return code, code[4:6]


@lru_cache(maxsize=20_000)
def _bic_verdict(code: str) -> str:
    """``ok``, ``shape`` (not a BIC) or ``country`` (no ISO country); memoised: the same
    banks' BICs come in every message."""
    if not _BIC_SHAPE.match(code):
        return "shape"
    try:
        stdnum_bic.validate(code)
    except InvalidComponent:
        return "country"
    except ValidationError:  # pragma: no cover - the shape check catches these first
        return "shape"
    return "ok"


def check_iban(value: str, path: str) -> str:
    """A valid IBAN (compact) or a format error naming the field."""
    try:
        return str(stdnum_iban.validate(value))
    except ValidationError as exc:
        raise MessageFormatError(f"invalid IBAN {value.strip()[:40]!r}: {exc}", path) from None


def looks_like_iban(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    return bool(re.match(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$", compact))


def check_size(value: str, path: str, limit: int = MAX_NAME) -> str:
    if len(value) > limit:
        raise MessageFormatError(f"field is {len(value)} characters long (at most {limit})", path)
    return value
