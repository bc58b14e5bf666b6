"""Dates as sanctions lists write them → :class:`~clearance.model.FuzzyDate`.

Handles ISO dates, ``07 May 1966`` / ``Nov. 1973`` / ``1966`` text, ``dd/mm/yyyy`` with ``00``
for unknown parts, and Hijri (Islamic calendar) dates marked as such (converted with ICU).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import icu

from clearance.model import FuzzyDate
from clearance.sources.shared.text import clean

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T[\d:.]+Z?)?$")
_DMY_TEXT = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MY_TEXT = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{4})$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class DateResult:
    """A parsed date plus what was left: a note to keep, or text nobody understood."""

    date: FuzzyDate | None
    note: str = ""
    unparsed: str = ""


def month_number(text: str) -> int | None:
    """``Sep.``, ``September`` → 9."""
    return MONTHS.get(clean(text).strip(".").lower())


def _fuzzy(year: int, month: int | None = None, day: int | None = None, **kw: object) -> FuzzyDate:
    # A day or month of 0 means "unknown" in several lists.
    month = month or None
    day = day if month else None
    return FuzzyDate(year, month, day or None, **kw)  # type: ignore[arg-type]


def hijri_to_gregorian(year: int, month: int, day: int) -> FuzzyDate:
    """Convert an Islamic (Umm al-Qura) calendar date to a Gregorian one."""
    zone = icu.TimeZone.getGMT()
    hijri = icu.Calendar.createInstance(zone, icu.Locale("@calendar=islamic-umalqura"))
    hijri.clear()
    hijri.set(icu.UCalendarDateFields.YEAR, year)
    hijri.set(icu.UCalendarDateFields.MONTH, month - 1)
    hijri.set(icu.UCalendarDateFields.DATE, day)
    gregorian = icu.GregorianCalendar(zone)
    gregorian.setTime(hijri.getTime())
    return FuzzyDate(
        gregorian.get(icu.UCalendarDateFields.YEAR),
        gregorian.get(icu.UCalendarDateFields.MONTH) + 1,
        gregorian.get(icu.UCalendarDateFields.DATE),
    )


def parse_date_text(text: str, *, circa: bool = False) -> FuzzyDate | None:
    """Parse one date written as text; ``None`` when it is not a recognisable date.

    Raises ``ValueError`` for a recognisable but impossible date (month 13, day 32...).
    """
    value = clean(text)
    if not value:
        return None
    if "hijri" in value.lower():
        if hijri := re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})", value):
            h_day, h_month, h_year = (int(g) for g in hijri.groups())
            converted = hijri_to_gregorian(h_year, h_month, h_day)
            return FuzzyDate(converted.year, converted.month, converted.day, circa=circa)
        return None
    if m := _ISO.match(value):
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        return _fuzzy(int(m.group(1)), month, day, circa=circa)
    if m := _SLASHED.match(value):
        return _fuzzy(int(m.group(3)), int(m.group(2)), int(m.group(1)), circa=circa)
    if m := _MONTH_YEAR.match(value):
        return _fuzzy(int(m.group(2)), int(m.group(1)), circa=circa)
    if (m := _DMY_TEXT.match(value)) and (month := month_number(m.group(2))):
        return _fuzzy(int(m.group(3)), month, int(m.group(1)), circa=circa)
    if (m := _MY_TEXT.match(value)) and (month := month_number(m.group(1))):
        return _fuzzy(int(m.group(2)), month, circa=circa)
    return None


def parse_loose_date(text: str, *, circa: bool = False) -> DateResult:
    """Like :func:`parse_date_text`, falling back to the single year a phrase names.

    ``Between Aug. and Sep. 1977`` → 1977 with the phrase kept as a note; text with no year
    (``30-35 years old``) is returned as unparsed.
    """
    value = clean(text)
    try:
        date = parse_date_text(value, circa=circa)
    except ValueError:
        return DateResult(None, unparsed=value)
    if date is not None:
        note = value if "hijri" in value.lower() else ""
        return DateResult(date, note=note)
    years = set(_YEAR.findall(value))
    if len(years) == 1:
        return DateResult(FuzzyDate(int(years.pop()), circa=circa), note=value)
    return DateResult(None, unparsed=value)
