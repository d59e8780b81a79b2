"""The terminal view: the article with its facts highlighted, a legend, then the facts.

On a terminal each kind of fact gets a light background with near-black text, which reads
the same on dark and light themes; elsewhere (a pipe, a file, NO_COLOR) each fact is
written as ``[text]{label}`` so that the view stays readable as plain text.
"""

from __future__ import annotations

from typing import TextIO

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
    summary,
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
    """Prints each document as a heading, a legend, the marked-up article and lists of facts."""

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
        self.count = 0

    def write(self, doc: Document) -> None:
        if self.count:
            self.console.print()
        self.count += 1
        spans = highlights(doc)
        shown = {span.ref for span in spans}
        self.console.print(
            Text.assemble(
                (doc.source.translate(_UNPRINTABLE), "bold"), f"  [{doc.language}]  {summary(doc)}"
            )
        )
        self.console.print(self._legend())
        self.console.print()
        self.console.print(self._article(doc.text, spans))
        for table in (self._figures(doc, shown), self._people(doc, shown), self._dates(doc, shown)):
            if table.row_count:
                self.console.print()
                self._print(table)
        if any(self._hidden(doc, shown)):
            self.console.print(Text(HIDDEN_NOTE, style="dim"))

    def _print(self, table: Table) -> None:
        """Print a list; as plain text, without the spaces that pad its cells at line ends."""
        if not self.plain:
            self.console.print(table)
            return
        with self.console.capture() as capture:
            self.console.print(table)
        self.console.file.write(
            "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
        )

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
        """A fact's text in a list: coloured as in the article, or in brackets when plain."""
        text = text.translate(_UNPRINTABLE)
        return Text(f"[{text}]") if self.plain else Text.assemble((text, STYLES[label]))

    def _list(self, title: str, rows: list[tuple[Text, Text, Text]]) -> Table:
        """A heading, then one row per fact: its number, its text and its details (wrapped)."""
        table = Table(
            title=f"{title} ({len(rows)})",
            title_justify="left",
            title_style="bold",
            box=None,
            show_header=False,
            pad_edge=False,
            padding=(0, 1),
        )
        table.add_column(justify="right", no_wrap=True)
        table.add_column(max_width=32, overflow="fold")
        table.add_column(overflow="fold")
        for row in rows:
            table.add_row(*row)
        return table

    def _figures(self, doc: Document, shown: set[str]) -> Table:
        rows = []
        for i, f in enumerate(doc.figures, 1):
            value = figure_value(f) + (f" {f.unit}" if f.unit else "")
            details = [value, f.kind, f"subject: {f.subject or MISSING}"]
            details += [f"change: {f.change}"] if f.change else []
            details += [f"per: {'/'.join(f.per)}"] if f.per else []
            rows.append((_number(i, f"f{i}" in shown), self._mark(f.text, "figure"),
                         _details(details, f.rule)))  # fmt: skip
        return self._list("Figures", rows)

    def _people(self, doc: Document, shown: set[str]) -> Table:
        rows = []
        for i, person in enumerate(doc.people, 1):
            count = len(person.mentions)
            details = Text(f"{count} mention" + ("" if count == 1 else "s"))
            for j, title in enumerate(person.titles, 1):
                details.append("\n")
                details.append_text(self._mark(title, "title"))
                details.append("" if f"p{i}t{j}" in shown else " *")
            rows.append((_number(i, f"p{i}" in shown), self._mark(person.name, "person"), details))
        return self._list("People", rows)

    def _dates(self, doc: Document, shown: set[str]) -> Table:
        rows = [
            (_number(i, f"d{i}" in shown), self._mark(d.text, "date"),
             _details([d.value or MISSING], d.rule))
            for i, d in enumerate(doc.dates, 1)
        ]  # fmt: skip
        return self._list("Dates", rows)

    def _hidden(self, doc: Document, shown: set[str]) -> list[str]:
        refs = [f"f{i}" for i in range(1, len(doc.figures) + 1)]
        refs += [f"d{i}" for i in range(1, len(doc.dates) + 1)]
        for i, person in enumerate(doc.people, 1):
            refs += [f"p{i}", *(f"p{i}t{j}" for j in range(1, len(person.titles) + 1))]
        return [ref for ref in refs if ref not in shown]


def _number(index: int, shown: bool) -> Text:
    return Text(str(index) if shown else f"{index} *")


def _details(parts: list[str], rule: str) -> Text:
    """A fact's details joined by " · ", its rule last and dim (as Text: never read as markup)."""
    details = Text(" · ".join(parts).translate(_UNPRINTABLE) + " · ")
    details.append(rule.translate(_UNPRINTABLE), style="dim")
    return details
