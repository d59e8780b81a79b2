"""The HTML report: it parses, marks each fact at its offsets, escapes everything, loads nothing."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from mobfacts.cli import app
from mobfacts.model import DateMention, Document, Figure, Mention, Person
from mobfacts.output import writer_for
from mobfacts.output.html import SCRIPT, STYLE, HtmlWriter, to_html
from mobfacts.output.spans import fact_spans, highlights, title_spans

TEXT = (
    "Gubernur Jawa Barat Ridwan Kamil mengatakan pada 11 Juni 2024 bahwa tingkat "
    "kemiskinan turun 3,25% per tahun.\n"
    "Menurut Ridwan Kamil, anggaran naik menjadi Rp 14,92 triliun.\n"
)
VOID = {"meta", "br", "input", "img", "link", "hr", "wbr", "source", "area", "col", "embed"}


def at(text: str, phrase: str, occurrence: int = 1) -> tuple[int, int]:
    """The offsets of the n-th occurrence of phrase in text."""
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def figure(text: str, phrase: str, value: float, kind: str = "count", **fields) -> Figure:
    start, end = at(text, phrase)
    return Figure(phrase, start, end, value, kind, "test.rule", **fields)  # type: ignore[arg-type]


def person(text: str, name: str, titles: tuple[str, ...], count: int) -> Person:
    mentions = tuple(Mention(name, *at(text, name, n)) for n in range(1, count + 1))
    return Person(name, titles, mentions)


def date(text: str, phrase: str, value: str | None) -> DateMention:
    return DateMention(phrase, *at(text, phrase), value, "test.date")


def sample_doc(source: str = "kemiskinan-id.txt") -> Document:
    """A short article with two figures, a person named twice with one title, and a date."""
    figures = (
        figure(TEXT, "3,25%", 3.25, "percent", unit="%", subject="tingkat kemiskinan",
               change="decrease", per=("tahun",)),
        figure(TEXT, "Rp 14,92 triliun", 14.92e12, "money", unit="IDR", subject="anggaran"),
    )  # fmt: skip
    people = (person(TEXT, "Ridwan Kamil", ("Gubernur Jawa Barat",), 2),)
    dates = (date(TEXT, "11 Juni 2024", "2024-06-11"),)
    return Document(source, "id", TEXT, figures, people, dates)


class Page(HTMLParser):
    """A strict reading of a page: tags must nest; collects marks, scripts, links, the article."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[dict[str, str | None]] = []
        self.mark_texts: list[str] = []
        self.articles: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.in_article = 0
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed tags: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "div" and attributes.get("class") == "article":
            self.in_article = len(self.stack)
            self.articles.append("")
        elif tag == "mark" and self.in_article:
            self.marks.append(attributes)
            self.mark_texts.append("")
        elif tag == "script":
            self.scripts.append("")
        elif tag == "style":
            self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        if self.in_article == len(self.stack):
            self.in_article = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_article:
            self.articles[-1] += data
            if self.stack[-1] == "mark":
                self.mark_texts[-1] += data
        elif self.stack and self.stack[-1] == "script":
            self.scripts[-1] += data
        elif self.stack and self.stack[-1] == "style":
            self.styles[-1] += data


def test_the_report_parses_and_marks_every_fact_at_its_offsets() -> None:
    doc = sample_doc()
    page = Page(to_html([doc]))
    mentions = sum(len(p.mentions) for p in doc.people)
    assert len(title_spans(doc)) == 1
    assert len(page.marks) == len(doc.figures) + mentions + 1 + len(doc.dates) == 6
    for attributes, text in zip(page.marks, page.mark_texts, strict=True):
        start, end = int(attributes["data-start"] or ""), int(attributes["data-end"] or "")
        assert doc.text[start:end] == text
    labels = [m["data-label"] for m in page.marks]
    assert labels == ["title", "person", "date", "figure", "person", "figure"]
    assert page.articles == [doc.text]


def test_marks_carry_value_unit_subject_change_and_rule() -> None:
    page = Page(to_html([sample_doc()]))
    tip = next(m["data-tip"] for m in page.marks if m["data-label"] == "figure") or ""
    assert tip.splitlines() == [
        "figure", "value: 3.25", "unit: %", "kind: percent", "subject: tingkat kemiskinan",
        "change: decrease", "per: tahun", "rule: test.rule",
    ]  # fmt: skip
    title = next(m for m in page.marks if m["data-label"] == "title")
    assert "of: Ridwan Kamil" in (title["data-tip"] or "")


def test_tables_list_figures_people_with_titles_and_dates() -> None:
    html = to_html([sample_doc()])
    for heading in ("<h3>Figures</h3>", "<h3>People</h3>", "<h3>Dates</h3>"):
        assert heading in html
    assert html.count('<table class="sortable">') == 3
    assert "Gubernur Jawa Barat</td>" in html
    assert "14,920,000,000,000" in html and "2024-06-11" in html
    assert 'href="#doc-1-f1"' in html and 'id="doc-1-f1"' in html


HOSTILE = (
    "Warga menulis <script>alert(1)</script> dan <img src=x onerror=alert(2)> di forum, "
    "lalu </textarea><b>\"kutip\"</b> & 'satu' sebanyak 12% pada 2024.\n"
)


def test_hostile_article_text_is_shown_as_text_and_runs_nothing() -> None:
    subject = '"><script>alert(3)</script>'
    figures = (figure(HOSTILE, "12%", 12, "percent", unit="%", subject=subject),)
    dates = (date(HOSTILE, "2024", "2024"),)
    doc = Document('<script>alert("src")</script>.txt', "id", HOSTILE, figures, (), dates)
    html = to_html([doc])
    page = Page(html)
    assert page.articles == [HOSTILE]
    assert page.scripts == [SCRIPT]
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"img", "textarea", "b", "iframe", "object"}
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    tip = next(m["data-tip"] for m in page.marks if m["data-label"] == "figure") or ""
    assert f"subject: {subject}" in tip
    assert "<script>alert" not in html and "<img" not in html


def test_a_content_security_policy_allows_only_the_inline_style_and_script() -> None:
    page = Page(to_html([sample_doc()]))
    policy = next(
        attrs["content"] or ""
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy and "img-src 'none'" in policy
    for source, directive in ((STYLE, "style-src"), (SCRIPT, "script-src")):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy
    assert page.styles == [STYLE] and page.scripts == [SCRIPT]


def test_nothing_is_loaded_from_elsewhere() -> None:
    page = Page(to_html([sample_doc(), sample_doc("b.txt")]))
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        assert tag != "link"
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href


def test_several_documents_make_one_report_with_contents() -> None:
    html = to_html([sample_doc("a.txt"), sample_doc("b.txt"), sample_doc("c.txt")])
    page = Page(html)
    assert html.count("<!DOCTYPE html>") == 1 and html.count("</html>") == 1
    sections = [a["id"] for tag, a in page.tags if tag == "section"]
    assert sections == ["doc-1", "doc-2", "doc-3"]
    links = [a["href"] for tag, a in page.tags if tag == "a" and a.get("href", "").count("-") == 1]
    assert links == ["#doc-1", "#doc-2", "#doc-3"]
    assert len(page.marks) == 3 * 6
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))


def test_the_writer_streams_each_document_as_it_finishes() -> None:
    stream = io.StringIO()
    writer = HtmlWriter(stream)
    writer.write(sample_doc("first.txt"))
    assert "<h2>first.txt</h2>" in stream.getvalue() and "</html>" not in stream.getvalue()
    writer.close()
    assert stream.getvalue().endswith("</html>\n")


def test_no_documents_is_still_a_whole_page() -> None:
    page = Page(to_html([]))
    assert page.marks == [] and page.scripts == [SCRIPT]


def test_a_title_is_placed_at_the_occurrence_nearest_its_person() -> None:
    text = "Presiden Prabowo datang. Kemudian Presiden Joko Widodo berbicara. Presiden lain."
    doc = Document("-", "id", text, people=(person(text, "Joko Widodo", ("Presiden",), 1),))
    [span] = title_spans(doc)
    assert (span.start, span.end) == at(text, "Presiden", 2)


def test_a_title_inside_a_longer_title_finds_its_own_place() -> None:
    text = "Menurut Ani, Wakil Ketua DPRD Budi setuju. Ani adalah Ketua DPRD sejak lama."
    people = (
        person(text, "Ani", ("Ketua DPRD",), 2),
        person(text, "Budi", ("Wakil Ketua DPRD",), 1),
    )
    doc = Document("-", "id", text, people=people)
    titles = [(s.ref, s.start) for s in highlights(doc) if s.label == "title"]
    assert titles == [("p2t1", at(text, "Wakil")[0]), ("p1t1", at(text, "Ketua DPRD", 2)[0])]


def test_a_title_not_in_the_text_is_not_highlighted_but_listed() -> None:
    text = "Menteri Budi hadir."
    doc = Document("-", "id", text, people=(person(text, "Budi", ("Menteri", "Ketua RT"), 1),))
    assert [s.details[0][1] for s in title_spans(doc)] == ["Menteri"]
    html = to_html([doc])
    assert "Ketua RT *" in html and len(Page(html).marks) == 2


def test_overlapping_facts_keep_the_longest_span() -> None:
    text = "Ketua DPR periode 2019-2024 Puan hadir."
    doc = Document(
        "-", "id", text,
        people=(person(text, "Puan", ("Ketua DPR periode 2019-2024",), 1),),
        dates=(date(text, "2019-2024", "2019/2024"), date(text, "2024", "2024")),
    )  # fmt: skip
    assert len(fact_spans(doc)) == 4
    assert [(s.label, text[s.start : s.end]) for s in highlights(doc)] == [
        ("title", "Ketua DPR periode 2019-2024"),
        ("person", "Puan"),
    ]
    assert Page(to_html([doc])).mark_texts == ["Ketua DPR periode 2019-2024", "Puan"]


def test_facts_whose_offsets_do_not_hold_their_text_are_listed_not_marked() -> None:
    text = "Produksi naik 5% tahun ini."
    wrong = Figure("5%", 0, 2, 5, "percent", "test.rule")
    outside = DateMention("2024", 90, 94, "2024", "test.date")
    doc = Document("-", "id", text, figures=(wrong,), dates=(outside,))
    html = to_html([doc])
    assert Page(html).marks == []
    assert html.count('class="hidden-fact"') == 2


def test_extract_format_html_writes_one_report(articles: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["extract", "-f", "html", "-o", str(report), str(articles)])
    assert result.exit_code == 0, result.stderr
    html = report.read_text(encoding="utf-8")
    page = Page(html)
    assert len(page.articles) == 2
    assert 'id="contents"' in html
    assert all(re.fullmatch(r"\d+", m["data-start"] or "") for m in page.marks)


def test_html_machinery_is_not_imported_for_json() -> None:
    code = (
        "import io, sys; from mobfacts.output import writer_for; "
        "writer_for('jsonl', io.StringIO()); print('mobfacts.output.html' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"
    assert type(writer_for("html", io.StringIO())).__name__ == "HtmlWriter"


ALPHABET = "ab 1%<>&\"'/=\n\t\u00e9\u2013"


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Documents with random text and facts at random places, overlapping or out of range."""
    text = draw(st.text(alphabet=ALPHABET, max_size=60))
    places = st.tuples(st.integers(0, len(text) + 2), st.integers(0, len(text) + 2))

    def cut(place: tuple[int, int]) -> tuple[str, int, int]:
        start, end = sorted(place)
        return text[start:end], start, end

    figures = tuple(
        Figure(*cut(p), 1, "count", "random") for p in draw(st.lists(places, max_size=4))
    )
    dates = tuple(DateMention(*cut(p), None, "random") for p in draw(st.lists(places, max_size=3)))
    mentions = tuple(Mention(*cut(p)) for p in draw(st.lists(places, max_size=3)))
    titles = tuple(draw(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=4), max_size=2)))
    people = (Person("x", titles, mentions),)
    return Document("random", "id", text, figures, people, dates)


@given(documents())
def test_any_document_renders_its_exact_text_with_disjoint_marks(doc: Document) -> None:
    page = Page(to_html([doc]))
    assert page.articles == [doc.text]
    assert len(page.marks) == len(highlights(doc))
    previous_end = 0
    for attributes, text in zip(page.marks, page.mark_texts, strict=True):
        start, end = int(attributes["data-start"] or ""), int(attributes["data-end"] or "")
        assert previous_end <= start < end and doc.text[start:end] == text
        previous_end = end
