"""Figures beyond the example corpora: offsets on any text, bounded work, language data."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mobfacts import extract, lang
from mobfacts.extractors import figures
from mobfacts.text import TextView

from .conftest import count_calls

NEWS_WORDS = [
    "naik",
    "turun",
    "sebesar",
    "sekitar",
    "lebih",
    "dari",
    "persen",
    "%",
    "Rp",
    "US$",
    "juta",
    "miliar",
    "triliun",
    "ton",
    "hektar",
    "tahun",
    "per",
    "/",
    "-",
    "hingga",
    "tiga",
    "ratus",
    "rose",
    "fell",
    "by",
    "to",
    "about",
    "more",
    "than",
    "percent",
    "per cent",
    "million",
    "billion",
    "VND",
    "dollars",
    "of",
    "the",
    "houses",
    "a",
    "dozen",
    "(",
    ")",
    ",",
    ".",
    "\n",
    "3,25",
    "1.500",
    "106,189",
    "6-7",
    "2023",
    "15.00",
    "ke-13",
    "Covid-19",
    "No.",
    "76/2014",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=40), st.sampled_from(["id", "en"]))
def test_every_figure_is_its_span_of_the_text(words: list[str], code: str) -> None:
    text = " ".join(words)
    for figure in extract(text, lang=code).figures:
        assert text[figure.start : figure.end] == figure.text
        assert figure.value_max is None or figure.value_max > (figure.value or 0)
        assert figure.kind in ("percent", "money", "count", "measure")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["id", "en"]))
def test_any_text_is_read_without_error(text: str, code: str) -> None:
    for figure in extract(text, lang=code).figures:
        assert text[figure.start : figure.end] == figure.text


def test_every_language_has_the_same_figure_keys() -> None:
    keys = {
        code: (
            sorted(lang.load(code).section("figures")),
            sorted(lang.load(code).section("figures").get("subject", {})),
            sorted(lang.load(code).section("figures").get("change", {})),
            sorted(lang.load(code).section("numbers")),
        )
        for code in lang.available()
    }
    assert len(set(map(str, keys.values()))) == 1, keys


def test_work_grows_linearly_with_the_text() -> None:
    """Ten times the text costs about ten times the work, not a hundred (counted, not timed)."""
    article = (
        "Tingkat kemiskinan telah menurun sebesar 3,25% per tahun. Terdapat 143 anggota "
        "Partai yang beragama, dan ekspor mencapai US$ 7,95 miliar atau tumbuh 10 persen.\n"
    )
    lexicon = lang.load("id")

    def work(copies: int) -> int:
        view = TextView.of(article * copies, lexicon)
        return count_calls(lambda: figures.extract(view))

    work(10)  # compiled patterns and caches, once
    assert work(1000) <= 11 * work(100)


def test_a_megabyte_line_without_sentences_gets_figures_but_no_subjects() -> None:
    text = "Rp1.000,5juta%/orang-" * 20_000
    found = figures.extract(TextView.of(text, lang.load("id")))
    assert found and all(f.subject is None for f in found)
    assert all(len(f.sentence) <= 700 for f in found)


def _lead_by_definition(text: str, at: int) -> tuple[str | None, str | None] | None:
    """_LEAD read literally: one optional space, then ASCII letters no other letter goes on
    from, or one ASCII character that is neither a letter nor a space."""
    if at < len(text) and text[at].isspace():
        at += 1
    end = at
    while end < len(text) and text[end].isascii() and text[end].isalpha():
        end += 1
    if end > at:
        following = text[end : end + 1]
        return (text[at:end], None) if not following or following.isascii() else None
    c = text[at : at + 1]
    return (None, c) if c and c.isascii() and not c.isspace() else None


@given(st.text(alphabet="aZ1.,%$ \t\n\x1c\x0béß\u0300\u00a0\u3000", max_size=8))
def test_lead_reads_what_its_comment_says(text: str) -> None:
    for at in range(len(text) + 1):
        found = figures._LEAD.match(text, at)
        assert (found.groups() if found else None) == _lead_by_definition(text, at)


def test_a_level_is_no_change_without_a_change_word() -> None:
    """ "mencapai 5%" is a level; only a change word before it ("Turunkan") makes a change."""
    doc = extract("Harga BBM sempat mencapai 5% di atas rata-rata tahun lalu.", lang="id")
    assert [(f.text, f.change) for f in doc.figures] == [("5%", None)]
