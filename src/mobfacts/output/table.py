"""Rich tables per document: figures, people, dates. Plain text when not on a terminal."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mobfacts.model import Document, Number


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Leave a closed pipe to the command, which ends every format the same way."""
        raise BrokenPipeError


class TableWriter:
    """Prints each document as a heading and up to three tables as it finishes."""

    def __init__(self, stream: TextIO, *, terminal: bool = False) -> None:
        self.console = _Console(
            file=stream,
            force_terminal=terminal,
            no_color=not terminal,
            highlight=False,
            soft_wrap=False,
        )
        self.box = box.ROUNDED if terminal else box.ASCII
        self.count = 0

    def write(self, doc: Document) -> None:
        if self.count:
            self.console.print()
        self.count += 1
        summary = f"{len(doc.figures)} figures, {len(doc.people)} people, {len(doc.dates)} dates"
        self.console.print(Text.assemble((doc.source, "bold"), f"  [{doc.language}]  {summary}"))
        for table in (self._figures(doc), self._people(doc), self._dates(doc)):
            if table.row_count:
                self.console.print(table)

    def close(self) -> None:
        self.console.file.flush()

    def _table(self, title: str, *columns: str) -> Table:
        table = Table(title=title, title_justify="left", box=self.box, expand=False)
        for column in columns:
            table.add_column(column, overflow="fold", no_wrap=column in _LABELS)
        return table

    def _figures(self, doc: Document) -> Table:
        table = self._table("Figures", "text", "value", "unit", "subject", "change", "per", "bound")
        for f in doc.figures:
            value = _number(f.value)
            if f.value_max is not None:
                value += f"–{_number(f.value_max)}"
            table.add_row(
                f.text,
                value,
                f.unit or "",
                f.subject or "",
                f.change or "",
                "/".join(f.per),
                "" if f.bound == "=" else f.bound,
            )
        return table

    def _people(self, doc: Document) -> Table:
        table = self._table("People", "name", "titles", "mentions")
        for person in doc.people:
            table.add_row(person.name, "\n".join(person.titles), str(len(person.mentions)))
        return table

    def _dates(self, doc: Document) -> Table:
        table = self._table("Dates", "text", "value")
        for d in doc.dates:
            table.add_row(d.text, d.value or "")
        return table


# Short label columns are never broken inside a label ("orang/tahun", "decrease").
_LABELS = frozenset({"unit", "change", "per", "bound", "mentions"})


def _number(value: Number | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, int) or value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else str(value)
