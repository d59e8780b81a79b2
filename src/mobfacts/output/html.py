"""One self-contained HTML report: each article with its facts highlighted, then their tables.

The page loads nothing: its CSS and JS are inline and allowed by hash in a
Content-Security-Policy that forbids everything else, and every piece of article text is
escaped, so a hostile article shows its markup as text and runs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterable
from html import escape
from typing import TextIO

from mobfacts import __version__
from mobfacts.model import Document
from mobfacts.output.spans import (
    LABELS,
    MISSING,
    Span,
    figure_value,
    highlights,
    segments,
    summary,
)

STYLE = """
:root { color-scheme: light dark; --bg: #fdfdfc; --fg: #1d1d1f; --muted: #5f6368;
  --line: #d9d9de; --head: #f1f1f4; --figure: #ffd75e; --person: #8fd0ff;
  --title: #d7b4ff; --date: #9de59a; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #1b1c1f; --fg: #e8e8ea; --muted: #a4a7ad; --line: #3b3d42; --head: #26282c; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header, main { max-width: 70rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.2rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1.6rem 0 .4rem; }
.summary, .note { color: var(--muted); margin: 0 0 .8rem; font-size: .9rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .4rem 0; }
.key { color: #111; border-radius: .25em; padding: .05em .45em; font-size: .85rem; }
.key.figure, mark.figure { background: var(--figure); }
.key.person, mark.person { background: var(--person); }
.key.title, mark.title { background: var(--title); }
.key.date, mark.date { background: var(--date); }
nav h2 { font-size: 1rem; }
nav ol { margin: .3rem 0 0; padding-left: 1.4rem; }
nav a { overflow-wrap: anywhere; }
section.doc { border-top: 2px solid var(--line); padding: 1.2rem 0 1.6rem; }
.article { white-space: pre-wrap; overflow-wrap: break-word; line-height: 2.15;
  font-size: 1.05rem; max-width: 52rem; margin: .4rem 0; }
mark { color: #111; border-radius: .25em; padding: .12em .25em; position: relative;
  cursor: pointer; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark::after { content: attr(data-label); font-size: .58rem; font-weight: 700;
  letter-spacing: .05em; text-transform: uppercase; margin-left: .35em; opacity: .62;
  vertical-align: .15em; }
body:has(#show-labels:not(:checked)) mark::after { content: none; }
mark::before { content: attr(data-tip); display: none; position: absolute; left: 0;
  bottom: calc(100% + .3rem); z-index: 2; white-space: pre-wrap; width: max-content;
  max-width: 30rem; pointer-events: none; border: 1px solid #5f6368;
  background: #202124; color: #f8f8f8; padding: .45em .65em; border-radius: .35em;
  font-size: .8rem; line-height: 1.45; box-shadow: 0 2px 8px rgba(0, 0, 0, .35); }
mark:hover::before, mark:focus::before { display: block; }
mark:focus { outline: 2px solid var(--fg); }
mark.related { box-shadow: 0 0 0 2px var(--fg); }
table { border-collapse: collapse; font-size: .88rem; width: 100%; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: var(--head); white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort=ascending] button::after { content: " \\2191"; }
th[aria-sort=descending] button::after { content: " \\2193"; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td .key { display: inline-block; text-decoration: none; }
tr.hidden-fact td:first-child::after { content: " *"; color: var(--muted); }
nav#contents { max-width: 70rem; margin: 0 auto; padding: .6rem 1.5rem; }
header nav#contents { padding: .4rem 0 .6rem; }
tr.flash td { animation: flash 1.6s ease-out; }
@keyframes flash { from { background: var(--figure); } to { background: transparent; } }
footer { max-width: 70rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; color: var(--muted);
  font-size: .85rem; }
"""

SCRIPT = """
"use strict";
(function () {
  var contents = document.getElementById("contents");
  var slot = document.getElementById("contents-slot");
  if (contents && slot) { slot.replaceWith(contents); }
  function key(row, column) {
    var cell = row.cells[column];
    if (cell.dataset.sort !== undefined) { return Number(cell.dataset.sort); }
    return cell.textContent.trim().toLowerCase();
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    if (typeof a === "number") { return -1; }
    if (typeof b === "number") { return 1; }
    return a.localeCompare(b);
  }
  function sortBy(table, column, heading) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = compare(key(a, column), key(b, column));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (heading, column) {
      heading.querySelector("button").addEventListener("click", function () {
        sortBy(table, column, heading);
      });
    });
  });
  function findRow(event) {
    var mark = event.target.closest && event.target.closest("mark[data-row]");
    var row = mark && document.getElementById(mark.dataset.row);
    if (!row) { return; }
    row.scrollIntoView({ block: "center" });
    row.classList.remove("flash");
    void row.offsetWidth;
    row.classList.add("flash");
  }
  document.addEventListener("click", findRow);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { findRow(event); }
  });
  function relate(event, on) {
    var mark = event.target.closest && event.target.closest("mark[data-row]");
    if (!mark) { return; }
    mark.closest("section").querySelectorAll("mark").forEach(function (other) {
      if (other.dataset.row === mark.dataset.row) { other.classList.toggle("related", on); }
    });
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) { relate(event, true); });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) { relate(event, false); });
  });
  document.documentElement.dataset.ready = "yes";
})();
"""


def _digest(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src '{_digest(STYLE)}'; script-src '{_digest(SCRIPT)}'; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)

_HEAD = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mobfacts {__version__}">
<title>mobfacts report</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>mobfacts report</h1>
<div class="legend">{"".join(f'<span class="key {label}">{label}</span>' for label in LABELS)}
<label><input type="checkbox" id="show-labels" checked> labels in the text</label></div>
<p class="note">Hover over a highlighted fact for its details (and the other mentions of a
person); click it (or press Enter on it) to find its row.
Click a column heading to sort. Rows marked * are facts not highlighted in the text
(the shorter of two overlapping facts, a title not written as given, or offsets that do not
hold the fact's text).</p>
<div id="contents-slot"></div>
</header>
<main>
"""


class HtmlWriter:
    """Writes the report as each document finishes; the table of contents comes last."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.contents: list[tuple[str, str, str]] = []

    def write(self, doc: Document) -> None:
        if not self.contents:
            self.stream.write(_HEAD)
        anchor = f"doc-{len(self.contents) + 1}"
        self.stream.write(render_document(doc, anchor=anchor))
        self.contents.append((anchor, doc.source, summary(doc)))
        self.stream.flush()

    def close(self) -> None:
        if not self.contents:
            self.stream.write(_HEAD + '<p class="note">No documents.</p>\n')
        self.stream.write("</main>\n")
        if len(self.contents) > 1:
            self.stream.write(_contents(self.contents))
        self.stream.write(
            f"<footer>Made by mobfacts {__version__}; nothing on this page is loaded from "
            f"elsewhere.</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )
        self.stream.flush()


def to_html(docs: Iterable[Document]) -> str:
    """The whole report for some documents, as one string."""
    buffer = io.StringIO()
    writer = HtmlWriter(buffer)
    for doc in docs:
        writer.write(doc)
    writer.close()
    return buffer.getvalue()


def render_document(doc: Document, *, anchor: str) -> str:
    """One document's section: heading, the article with its facts marked, then the tables."""
    spans = highlights(doc)
    shown = {span.ref for span in spans}
    parts = [
        f'<section class="doc" id="{anchor}">\n<h2>{escape(doc.source)}</h2>\n',
        f'<p class="summary">language: {escape(doc.language)} · {escape(summary(doc))}</p>\n',
        f'<div class="article" lang="{escape(doc.language)}">',
        _article(doc.text, spans, anchor),
        "</div>\n",
        _figures(doc, anchor, shown),
        _people(doc, anchor, shown),
        _dates(doc, anchor, shown),
        "</section>\n",
    ]
    return "".join(parts)


def _article(text: str, spans: list[Span], anchor: str) -> str:
    """The text, escaped, with each span as a <mark> carrying its offsets and details."""
    parts: list[str] = []
    named: set[str] = set()
    for piece, span in segments(text, spans):
        if span is None:
            parts.append(_text(piece))
            continue
        tip = "\n".join([span.label, *(f"{key}: {value}" for key, value in span.details)])
        ident = f' id="{anchor}-{span.ref}"' if span.ref not in named else ""
        named.add(span.ref)
        row = f"{anchor}-row-{span.ref.split('t')[0]}"  # a title (p1t2) is on its person's row
        parts.append(
            f'<mark class="{span.label}"{ident} data-label="{span.label}" '
            f'data-start="{span.start}" data-end="{span.end}" data-row="{row}" '
            f'data-tip="{_attribute(tip)}" tabindex="0">{_text(piece)}</mark>'
        )
    return "".join(parts)


def _text(value: str) -> str:
    """Article text for the page: escaped, and CR as a reference so the DOM keeps it (CRLF)."""
    return escape(value, quote=False).replace("\r", "&#13;")


def _attribute(value: str) -> str:
    """Text for a quoted attribute value: escaped, with line breaks kept as references."""
    return escape(value).replace("\n", "&#10;").replace("\r", "&#13;")


def _table(title: str, columns: tuple[str, ...], rows: list[str]) -> str:
    if not rows:
        return f'<h3>{title}</h3>\n<p class="note">None found.</p>\n'
    heads = "".join(f'<th scope="col"><button type="button">{c}</button></th>' for c in columns)
    return (
        f'<h3>{title}</h3>\n<table class="sortable">\n<thead><tr>{heads}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n"
    )


def _cell(value: str | None, *, sort: float | None = None) -> str:
    """A table cell: escaped text, with a numeric sort key when the column is numeric."""
    if sort is None:
        return f"<td>{escape(value or '')}</td>"
    return f'<td class="number" data-sort="{sort!r}">{escape(value or "")}</td>'


def _row(anchor: str, ref: str, label: str, text: str, shown: set[str], cells: str) -> str:
    """A fact's row: its number, its text (linked to its mark when highlighted), its cells."""
    number = ref[1:]
    if ref in shown:
        fact = f'<a class="key {label}" href="#{anchor}-{ref}">{escape(text)}</a>'
        marker = ""
    else:
        fact = f'<span class="key {label}">{escape(text)}</span>'
        marker = ' class="hidden-fact"'
    return (
        f'<tr id="{anchor}-row-{ref}"{marker}><td class="number" data-sort="{number}">{number}</td>'
        f"<td>{fact}</td>{cells}</tr>\n"
    )


def _figures(doc: Document, anchor: str, shown: set[str]) -> str:
    rows = [
        _row(
            anchor,
            f"f{i}",
            "figure",
            f.text,
            shown,
            _cell(figure_value(f), sort=_sortable(f.value))
            + _cell(f.unit or MISSING)
            + _cell(f.kind)
            + _cell(f.subject or MISSING)
            + _cell(f.change or MISSING)
            + _cell("/".join(f.per) or MISSING)
            + _cell(f.rule)
            + _cell(str(f.start), sort=f.start),
        )
        for i, f in enumerate(doc.figures, 1)
    ]
    columns = ("#", "text", "value", "unit", "kind", "subject", "change", "per", "rule", "start")
    return _table("Figures", columns, rows)


def _people(doc: Document, anchor: str, shown: set[str]) -> str:
    rows = [
        _row(
            anchor,
            f"p{i}",
            "person",
            p.name,
            shown,
            _titles(p.titles, f"p{i}", shown)
            + _cell(str(len(p.mentions)), sort=len(p.mentions))
            + _cell(str(p.start), sort=p.start),
        )
        for i, p in enumerate(doc.people, 1)
    ]
    return _table("People", ("#", "name", "titles", "mentions", "start"), rows)


def _titles(titles: tuple[str, ...], ref: str, shown: set[str]) -> str:
    """A person's titles, one a line; * marks one not highlighted in the text."""
    lines = [
        escape(title) + ("" if f"{ref}t{j}" in shown else " *") for j, title in enumerate(titles, 1)
    ]
    return f"<td>{'<br>'.join(lines) or MISSING}</td>"


def _dates(doc: Document, anchor: str, shown: set[str]) -> str:
    rows = [
        _row(
            anchor,
            f"d{i}",
            "date",
            d.text,
            shown,
            _cell(d.value or MISSING) + _cell(d.rule) + _cell(str(d.start), sort=d.start),
        )
        for i, d in enumerate(doc.dates, 1)
    ]
    return _table("Dates", ("#", "text", "value", "rule", "start"), rows)


def _sortable(value: float | None) -> float | None:
    return float(value) if value is not None and abs(value) < 1e300 else None


def _contents(contents: list[tuple[str, str, str]]) -> str:
    """The table of contents; the page's script moves it to the top."""
    items = "".join(
        f'<li><a href="#{anchor}">{escape(source)}</a> '
        f'<span class="summary">{escape(counts)}</span></li>\n'
        for anchor, source, counts in contents
    )
    return (
        f'<nav id="contents" aria-label="Contents"><h2>Contents: {len(contents)} documents</h2>'
        f"\n<ol>\n{items}</ol></nav>\n"
    )
