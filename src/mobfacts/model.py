"""The facts mobfacts extracts: frozen dataclasses whose to_dict() is the output schema.

Every span (start, end) is a pair of character offsets into the decoded article text,
so that ``text[start:end] == fact.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["percent", "money", "count", "measure"]
Change = Literal["increase", "decrease"] | None
Bound = Literal["=", "~", ">", "<", ">=", "<="]
Number = int | float

KINDS: tuple[str, ...] = ("percent", "money", "count", "measure")
CHANGES: tuple[str | None, ...] = ("increase", "decrease", None)
BOUNDS: tuple[str, ...] = ("=", "~", ">", "<", ">=", "<=")


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where a person is named."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that states an amount, with what it measures."""

    text: str
    start: int
    end: int
    value: Number | None
    kind: Kind
    rule: str
    sentence: str = ""
    unit: str | None = None
    value_max: Number | None = None
    subject: str | None = None
    change: Change = None
    per: tuple[str, ...] = ()
    bound: Bound = "="

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "kind": self.kind,
            "subject": self.subject,
            "change": self.change,
            "per": list(self.per),
            "bound": self.bound,
            "sentence": self.sentence,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Person:
    """One individual, merged across every mention, with every title the text gives."""

    name: str
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def start(self) -> int:
        return self.mentions[0].start if self.mentions else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "titles": list(self.titles),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar day, month, year or period, with its ISO 8601 value when it can be said."""

    text: str
    start: int
    end: int
    value: str | None
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """The facts of one article. ``text`` is kept for views; it is not part of to_dict()."""

    source: str
    language: str
    text: str = field(repr=False)
    figures: tuple[Figure, ...] = ()
    people: tuple[Person, ...] = ()
    dates: tuple[DateMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "language": self.language,
            "figures": [f.to_dict() for f in self.figures],
            "people": [p.to_dict() for p in self.people],
            "dates": [d.to_dict() for d in self.dates],
        }
