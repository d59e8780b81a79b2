"""Writing Documents: CSV, JSON and JSON Lines (export.py), rich tables (table.py), HTML."""

from __future__ import annotations

from typing import Protocol, TextIO

from mobfacts.model import Document

FORMATS: tuple[str, ...] = ("table", "csv", "json", "jsonl", "html")


class Writer(Protocol):
    """Writes documents one at a time, as each input finishes."""

    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


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
