"""CSV, JSON and JSON Lines, all with the schema of Document.to_dict()."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from mobfacts.model import Document
from mobfacts.output.encode import document_json

CSV_COLUMNS: tuple[str, ...] = (
    "source", "type", "text", "start", "end", "value", "value_max", "unit", "kind",
    "subject", "change", "per", "bound", "titles", "mentions", "sentence", "rule",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# A document's dict is a fresh tree, so the encoder skips the check for reference cycles
# (a dict of ids kept per container: a tenth of the encoding time).
_INDENTED = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False, indent=2)


def to_json(doc: Document) -> str:
    """One document as compact JSON (UTF-8 text, no ASCII escapes): the text json.dumps
    gives doc.to_dict(), written without building the dict (encode.py)."""
    return document_json(doc)


def to_json_line(doc: Document) -> str:
    """One line of JSON Lines."""
    return document_json(doc, "\n")


def to_json_indented(doc: Document) -> str:
    """One document as an element of the indented JSON array."""
    return _INDENTED.encode(doc.to_dict())


def to_csv_rows(doc: Document) -> str:
    """The CSV rows of one document's facts, without the header."""
    buffer = io.StringIO()
    table = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    for row in rows(doc):
        table.writerow({key: _cell(value) for key, value in row.items()})
    return buffer.getvalue()


class _TextWriter:
    """A writer whose text for a document is render(doc): a pure module-level function, so
    that worker processes can render documents and the parent only writes the text."""

    render = staticmethod(to_json_line)

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, doc: Document) -> None:
        self.write_text(self.render(doc))

    def write_text(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonlWriter(_TextWriter):
    """One JSON document per line, flushed as each input finishes."""


class JsonWriter(_TextWriter):
    """One JSON array of documents, streamed: the array is never built in memory."""

    render = staticmethod(to_json_indented)

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.count = 0

    def write_text(self, text: str) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        self.stream.write(text)
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class CsvWriter(_TextWriter):
    """RFC 4180 CSV: a header, then one row per fact with its type and source."""

    render = staticmethod(to_csv_rows)

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n").writeheader()


def rows(doc: Document) -> Iterator[dict[str, Any]]:
    """The facts of a document as flat rows keyed by CSV_COLUMNS (lists joined with "; ")."""
    for figure in doc.figures:
        row = figure.to_dict()
        row["per"] = "; ".join(figure.per)
        yield {"source": doc.source, "type": "figure", **row}
    for person in doc.people:
        first = person.mentions[0] if person.mentions else None
        yield {
            "source": doc.source,
            "type": "person",
            "text": person.name,
            "start": first.start if first else None,
            "end": first.end if first else None,
            "titles": "; ".join(person.titles),
            "mentions": len(person.mentions),
        }
    for date in doc.dates:
        yield {"source": doc.source, "type": "date", **date.to_dict()}


def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with "'" (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
