"""The terminal view: the article with its facts highlighted, a legend, then the facts.

On a terminal each kind of fact gets a light background with near-black text, which reads
the same on dark and light themes; elsewhere (a pipe, a file, NO_COLOR) each fact is
written as ``[text]{label}`` so that the view stays readable as plain text.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mobfacts.model import Document
from mobfacts.output.spans import (
    LABELS,
    MISSING,
    Label,
    Span,
    figure_value,
    highlights,
    segments,
)

# Colours 16-255 of the xterm palette, which terminal themes leave alone (0-15 they recolour).
STYLES: dict[Label, str] = {
    "figure": "#121212 on #ffd75f",
    "person": "#121212 on #87d7ff",
    "title": "#121212 on #d7afff",
    "date": "#121212 on #afffaf",
}
HIDDEN_NOTE = "* not highlighted: it overlaps a longer fact, or its text is not at its place"

# Control characters would drive the terminal; each shows as U+FFFD (carriage returns vanish).
_UNPRINTABLE = {
    code: "\ufffd" for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"
} | {0x0D: None}


class ShowWriter:
    """Prints each document as a heading, a legend, the marked-up article and fact tables."""

    def __init__(self, stream: TextIO, *, terminal: bool = False, width: int | None = None) -> None:
        self.console = Console(
            file=stream,
            force_terminal=terminal,
            no_color=None if terminal else True,
            highlight=False,
            soft_wrap=not terminal,
            width=width,
        )
        self.plain = not terminal or self.console.no_color or self.console.color_system is None
        self.box = box.ASCII if self.plain else box.ROUNDED
        self.count = 0

    def write(self, doc: Document) -> None:
        if self.count:
            self.console.print()
        self.count += 1
        spans = highlights(doc)
        shown = {span.ref for span in spans}
        summary = f"{len(doc.figures)} figures · {len(doc.people)} people · {len(doc.dates)} dates"
        self.console.print(Text.assemble((doc.source, "bold"), f"  [{doc.language}]  {summary}"))
        self.console.print(self._legend())
        self.console.print()
        self.console.print(self._article(doc.text, spans))
        for table in (self._figures(doc, shown), self._people(doc, shown), self._dates(doc, shown)):
            if table.row_count:
                self.console.print()
                self.console.print(table)
        if any(self._hidden(doc, shown)):
            self.console.print(Text(HIDDEN_NOTE, style="dim"))

    def close(self) -> None:
        self.console.file.flush()

    def _legend(self) -> Text:
        if self.plain:
            return Text("Marks: " + " ".join(f"[text]{{{label}}}" for label in LABELS))
        legend = Text("Marks: ")
        for label in LABELS:
            legend.append(f" {label} ", style=STYLES[label])
            legend.append(" ")
        return legend

    def _article(self, text: str, spans: list[Span]) -> Text:
        article = Text()
        for piece, span in segments(text, spans):
            shown = piece.translate(_UNPRINTABLE)
            if span is None:
                article.append(shown)
            elif self.plain:
                article.append(f"[{shown}]{{{span.label}}}")
            else:
                article.append(shown, style=STYLES[span.label])
        article.rstrip()
        return article

    def _mark(self, text: str, label: Label) -> Text:
        """A fact's text for a table cell, coloured as in the article (not the cell padding)."""
        return Text.assemble((text.translate(_UNPRINTABLE), "" if self.plain else STYLES[label]))

    def _table(self, title: str, *columns: str) -> Table:
        table = Table(title=title, title_justify="left", box=self.box, expand=False)
        for column in columns:
            table.add_column(column, overflow="fold", justify="right" if column == "#" else "left")
        return table

    def _figures(self, doc: Document, shown: set[str]) -> Table:
        columns = ("#", "text", "value", "kind", "subject", "change", "per", "rule")
        table = self._table("Figures", *columns)
        for i, f in enumerate(doc.figures, 1):
            value = figure_value(f) + (f" {f.unit}" if f.unit else "")
            table.add_row(
                _number(i, f"f{i}" in shown),
                self._mark(f.text, "figure"),
                *map(_cell, (value, f.kind, f.subject, f.change, "/".join(f.per), f.rule)),
            )
        return table

    def _people(self, doc: Document, shown: set[str]) -> Table:
        table = self._table("People", "#", "name", "titles", "mentions")
        for i, person in enumerate(doc.people, 1):
            titles = Text("\n").join(
                self._mark(title, "title") + ("" if f"p{i}t{j}" in shown else " *")
                for j, title in enumerate(person.titles, 1)
            )
            table.add_row(
                _number(i, f"p{i}" in shown),
                self._mark(person.name, "person"),
                titles if person.titles else _cell(None),
                _cell(str(len(person.mentions))),
            )
        return table

    def _dates(self, doc: Document, shown: set[str]) -> Table:
        table = self._table("Dates", "#", "text", "value", "rule")
        for i, d in enumerate(doc.dates, 1):
            table.add_row(
                _number(i, f"d{i}" in shown),
                self._mark(d.text, "date"),
                _cell(d.value),
                _cell(d.rule),
            )
        return table

    def _hidden(self, doc: Document, shown: set[str]) -> list[str]:
        refs = [f"f{i}" for i in range(1, len(doc.figures) + 1)]
        refs += [f"d{i}" for i in range(1, len(doc.dates) + 1)]
        for i, person in enumerate(doc.people, 1):
            refs += [f"p{i}", *(f"p{i}t{j}" for j in range(1, len(person.titles) + 1))]
        return [ref for ref in refs if ref not in shown]


def _number(index: int, shown: bool) -> Text:
    return Text(str(index) if shown else f"{index} *")


def _cell(value: str | None) -> Text:
    """A table cell as Text, so that brackets in it are never read as rich markup."""
    return Text((value or MISSING).translate(_UNPRINTABLE))
