"""Date values: calendar points, their ISO 8601 form, and filling them in from a reference date.

Policy for a day or month written without a year: with no reference date it stays yearless
("--06-11", "--04"); with one it takes the year that puts it nearest to the reference date
(so "28 Desember" read on 3 January is last year's, "5 Januari" read on 20 December is next
year's). A month with "lalu"/"last" takes the latest such month before the reference date, with
"depan"/"next" the first one after it.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple


class Point(NamedTuple):
    """A calendar day, month, year, quarter, half-year or decade; None where the text is silent.

    A named tuple: one is built for every date read, and a tuple is the cheapest immutable
    value to build (a frozen dataclass sets each field through object.__setattr__).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None
    direction: int = 0
    iso: str | None = None


def is_valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether day/month (of year, or of a leap year when there is none) is a real day."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(2000 if year is None else year, month)[1]


def iso(point: Point) -> str | None:
    """The ISO 8601 form of a point: "2024-06-11", "--06-11", "2024-Q3", "199" (the 1990s)."""
    if point.iso is not None:
        return point.iso
    year = None if point.year is None else f"{point.year:04d}"
    if point.decade is not None:
        return f"{point.decade // 10:03d}"
    if point.quarter is not None:
        return f"{year}-Q{point.quarter}" if year else None
    if point.half is not None:
        return f"{year}-H{point.half}" if year else None
    if point.month is None:
        return year
    month = f"{year or '-'}-{point.month:02d}"
    return month if point.day is None else f"{month}-{point.day:02d}"


def value_of(points: tuple[Point, ...]) -> str | None:
    """The ISO 8601 value of a date or of a period (two points: "2021/2025")."""
    parts = [iso(p) for p in points]
    if any(p is None for p in parts):
        return None
    return "/".join(p for p in parts if p)


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _nearest_year(point: Point, reference: date) -> int:
    years = (reference.year - 1, reference.year, reference.year + 1)
    if point.month is None:
        return reference.year
    if point.day is None:
        here = _month_index(reference.year, reference.month)
        candidates = [(abs(_month_index(y, point.month) - here), y) for y in years]
        if point.direction < 0:
            candidates = [(c, y) for c, y in candidates if _month_index(y, point.month) < here]
        elif point.direction > 0:
            candidates = [(c, y) for c, y in candidates if _month_index(y, point.month) > here]
        return min(candidates)[1]
    days = [
        (abs((date(y, point.month, point.day) - reference).days), y)
        for y in years
        if is_valid_day(y, point.month, point.day)
    ]
    return min(days)[1] if days else reference.year


def with_reference(points: tuple[Point, ...], reference: date | None) -> tuple[Point, ...]:
    """The points with a missing year filled in from the reference date (see the module policy)."""
    if reference is None or all(p.year is not None or p.iso or p.decade for p in points):
        return points
    last = points[-1]
    if last.year is None and last.iso is None:
        last = last._replace(year=_nearest_year(last, reference))
    if len(points) == 1:
        return (last,)
    first = points[0]
    if first.year is None and first.iso is None:
        year = last.year or reference.year
        later = (first.month or 0, first.day or 0) > (last.month or 0, last.day or 0)
        first = first._replace(year=year - 1 if later else year)
    return (first, last)


def add_months(day: date, months: int) -> date:
    """The same day of the month, months later (clamped to the month's last day)."""
    index = _month_index(day.year, day.month) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shifted(reference: date, unit: str, shift: int) -> str:
    """The ISO value of the unit (day, week, month, year) shift units from the reference date."""
    if unit == "day":
        return (reference + timedelta(days=shift)).isoformat()
    if unit == "week":
        year, week, _ = (reference + timedelta(weeks=shift)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return add_months(reference, shift).isoformat()[:7]
    return f"{reference.year + shift:04d}"


def weekday_near(reference: date, weekday: int, shift: int) -> date:
    """The weekday nearest the reference: on or before it, or strictly after when shift > 0.

    A weekday alone in news mostly reports what happened ("on Tuesday, the minister said"), so
    it is read as the latest such day up to the reference date; "last" skips the reference
    day itself, "next" looks forward.
    """
    back = (reference.weekday() - weekday) % 7
    if shift > 0:
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    if shift < 0 and back == 0:
        back = 7
    return reference - timedelta(days=back)
