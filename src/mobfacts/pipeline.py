"""The pipeline: text in, Document out. Pure: no I/O, no globals, no printing."""

from __future__ import annotations

from datetime import date

from mobfacts import lang
from mobfacts.extractors import dates, figures, people
from mobfacts.model import Document
from mobfacts.resolve import drop_overlapping
from mobfacts.text import TextView


def extract(
    text: str,
    *,
    lang_code: str | None = None,
    reference_date: date | None = None,
    source: str = "-",
) -> Document:
    """The facts of one article; the language is detected when lang_code is None."""
    code = lang_code or lang.guess(text)
    view = TextView.of(text, lang.load(code))
    found_dates = dates.extract(view, reference_date=reference_date)
    found_people = people.extract(view)
    mentions = [m for person in found_people for m in person.mentions]
    # A number inside a date or a name ("2023", "Covid-19") is not an amount.
    found_figures = drop_overlapping(figures.extract(view), [*found_dates, *mentions])
    return Document(
        source=source,
        language=code,
        text=text,
        figures=tuple(found_figures),
        people=found_people,
        dates=found_dates,
    )
