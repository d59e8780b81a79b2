"""Writing Documents: CSV, JSON and JSON Lines (export.py), rich tables (table.py), HTML."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TextIO, runtime_checkable

from mobfacts.model import Document

FORMATS: tuple[str, ...] = ("table", "csv", "json", "jsonl", "html")


class Writer(Protocol):
    """Writes documents one at a time, as each input finishes."""

    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class TextWriter(Writer, Protocol):
    """A writer whose text for a document comes from a pure function, `render`.

    Worker processes can then render documents themselves and send back only the text,
    which the parent writes with `write_text`: far less to pickle and to do in one process.
    """

    render: Callable[[Document], str]

    def write_text(self, text: str) -> None: ...


def writer_for(fmt: str, stream: TextIO, *, terminal: bool = False) -> Writer:
    """The writer of one output format; table and HTML machinery is imported only when asked."""
    if fmt == "table":
        from mobfacts.output.table import TableWriter

        return TableWriter(stream, terminal=terminal)
    if fmt == "html":
        from mobfacts.output.html import HtmlWriter

        return HtmlWriter(stream)
    from mobfacts.output import export

    writers = {"csv": export.CsvWriter, "json": export.JsonWriter, "jsonl": export.JsonlWriter}
    return writers[fmt](stream)
