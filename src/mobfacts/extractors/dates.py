"""Dates: days, months, years and periods, normalised to ISO 8601."""

from __future__ import annotations

from datetime import date

import regex

from mobfacts.model import DateMention
from mobfacts.text import TextView

_YEAR = regex.compile(r"(?<![\p{L}\p{N}.,/-])(?:19|20)\d\d(?![\p{L}\p{N}%]|[.,]\d)")


def extract(view: TextView, *, reference_date: date | None = None) -> tuple[DateMention, ...]:
    """Every date expression in the text (the minimal rules: years)."""
    return tuple(
        DateMention(m.group(), m.start(), m.end(), m.group(), "dates.year")
        for m in _YEAR.finditer(view.text)
    )
