"""A Document as labelled spans of its text: the plain data both views render from.

Figures, person mentions and dates carry offsets; a title is a string, so it is placed where
it is written nearest to one of its person's mentions. Overlaps are settled once, by
mobfacts.resolve.select_spans (the longest span wins, then the earliest).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from mobfacts.model import DateMention, Document, Figure, Mention, Number, Person
from mobfacts.resolve import drop_overlapping, select_spans

Label = Literal["figure", "person", "title", "date"]
LABELS: tuple[Label, ...] = ("figure", "person", "title", "date")
MISSING = "–"


@dataclass(frozen=True, slots=True)
class Span:
    """One fact's place in the text: offsets, label, the fact it shows and its details."""

    start: int
    end: int
    label: Label
    ref: str  # the fact: "f1" (figure), "p1" (person), "p1t1" (a title of p1), "d1" (date)
    details: tuple[tuple[str, str], ...] = ()


def highlights(doc: Document) -> list[Span]:
    """The spans to highlight: every fact with valid offsets, overlaps resolved, in text order."""
    return select_spans(fact_spans(doc))


def fact_spans(doc: Document) -> list[Span]:
    """Every fact of doc as a span whose offsets hold its text, before overlaps are resolved."""
    spans = [_figure_span(i, f) for i, f in enumerate(doc.figures, 1) if _holds(doc.text, f)]
    for i, person in enumerate(doc.people, 1):
        details = _person_details(person)
        spans += [
            Span(m.start, m.end, "person", f"p{i}", details)
            for m in person.mentions
            if _holds(doc.text, m)
        ]
    spans += [_date_span(i, d) for i, d in enumerate(doc.dates, 1) if _holds(doc.text, d)]
    return spans + title_spans(doc, spans)


def title_spans(doc: Document, blockers: Sequence[Span] = ()) -> list[Span]:
    """Each title of each person where it is written nearest to one of that person's mentions.

    Places that a blocker (another fact) or a longer title already holds are avoided while
    the title is written elsewhere too; longer titles are placed first, so that a title inside
    a longer one ("Ketua DPRD" in "Wakil Ketua DPRD") looks for its own place.
    """
    wanted = [
        (title, f"p{i}t{j}", person)
        for i, person in enumerate(doc.people, 1)
        for j, title in enumerate(person.titles, 1)
    ]
    placed: list[Span] = []
    for title, ref, person in sorted(wanted, key=lambda w: -len(w[0])):
        details = (("title", title), ("of", person.name))
        places = [Span(s, e, "title", ref, details) for s, e in _occurrences(doc.text, title)]
        free = drop_overlapping(places, [*blockers, *placed]) or places
        if free:
            mentions = sorted((m.start, m.end) for m in person.mentions)
            placed.append(min(free, key=lambda span: (_gap(span, mentions), span.start)))
    return placed


def segments(text: str, spans: Sequence[Span]) -> Iterator[tuple[str, Span | None]]:
    """The text in pieces, plain (None) or highlighted (its span); spans disjoint, in order."""
    position = 0
    for span in spans:
        if span.start > position:
            yield text[position : span.start], None
        yield text[span.start : span.end], span
        position = span.end
    if position < len(text):
        yield text[position:], None


def summary(doc: Document) -> str:
    """How many facts of each kind: "2 figures · 1 person · 0 dates"."""
    counts = ((len(doc.figures), "figure", "figures"), (len(doc.people), "person", "people"),
              (len(doc.dates), "date", "dates"))  # fmt: skip
    return " · ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)


def format_number(value: Number | None) -> str:
    """A value for people to read: thousands separated, no needless fraction."""
    if value is None:
        return "?"
    if isinstance(value, int) or value.is_integer():
        return f"{int(value):,}" if abs(value) < 1e18 else f"{value:g}"
    return f"{value:,.6g}" if abs(value) < 1e15 else str(value)


def figure_value(figure: Figure) -> str:
    """A figure's value with its bound and range: "~6,000,000–7,000,000"."""
    value = format_number(figure.value)
    if figure.value_max is not None:
        value += f"–{format_number(figure.value_max)}"
    return value if figure.bound == "=" else f"{figure.bound} {value}"


def _holds(text: str, fact: Figure | Mention | DateMention) -> bool:
    """Whether a fact's offsets lie in the text and cut out its text (else it is not shown)."""
    return 0 <= fact.start < fact.end <= len(text) and text[fact.start : fact.end] == fact.text


def _figure_span(index: int, figure: Figure) -> Span:
    details = (
        ("value", figure_value(figure)),
        ("unit", figure.unit or MISSING),
        ("kind", figure.kind),
        ("subject", figure.subject or MISSING),
        ("change", figure.change or MISSING),
        *((("per", "/".join(figure.per)),) if figure.per else ()),
        ("rule", figure.rule),
    )
    return Span(figure.start, figure.end, "figure", f"f{index}", details)


def _person_details(person: Person) -> tuple[tuple[str, str], ...]:
    titles = "; ".join(person.titles) or MISSING
    return (("name", person.name), ("titles", titles), ("mentions", str(len(person.mentions))))


def _date_span(index: int, date: DateMention) -> Span:
    details = (("value", date.value or MISSING), ("rule", date.rule))
    return Span(date.start, date.end, "date", f"d{index}", details)


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where phrase is written in text: exactly, else with any whitespace between its words."""
    words = phrase.split()
    if not words:
        return []
    found: list[tuple[int, int]] = []
    start = text.find(phrase)
    while start >= 0:
        found.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    if found or len(words) == 1:
        return found
    loose = r"\s+".join(re.escape(word) for word in words)
    return [m.span() for m in re.finditer(loose, text)]


def _gap(place: Span, mentions: list[tuple[int, int]]) -> int:
    """Characters between place and the nearest of the sorted mentions (0 when they touch)."""
    start, end = place.start, place.end
    after = bisect.bisect_left(mentions, (start, end))
    gaps = [max(mentions[after][0] - end, 0)] if after < len(mentions) else []
    if after > 0:
        gaps.append(max(start - mentions[after - 1][1], 0))
    return min(gaps, default=0)
