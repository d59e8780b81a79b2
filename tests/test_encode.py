"""The JSON Lines encoder writes exactly what json.dumps writes for Document.to_dict()."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mobfacts import DateMention, Document, Figure, Mention, Person, extract
from mobfacts.output.encode import document_json
from mobfacts.output.export import to_json_line

from .conftest import ARTICLE_EN, ARTICLE_ID

ROOT = Path(__file__).resolve().parent.parent


def reference(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, allow_nan=False)


def test_one_figure_exactly() -> None:
    figure = Figure(
        text="36 juta",
        start=4,
        end=11,
        value=36000000,
        kind="money",
        rule="figures.money",
        sentence='Rp "36 juta"\n',
        unit="IDR",
        value_max=4.5,
        per=("orang", "tahun"),
        bound="~",
    )
    person = Person("Hồ Đức Phớc", ("Wakil Perdana Menteri",), (Mention("Phớc", 0, 4),))
    date = DateMention("2024", 20, 24, None, "dates.year")
    doc = Document("a.txt", "id", "text", (figure,), (person,), (date,))
    assert document_json(doc) == (
        '{"source": "a.txt", "language": "id", "figures": [{"text": "36 juta", "start": 4, '
        '"end": 11, "value": 36000000, "value_max": 4.5, "unit": "IDR", "kind": "money", '
        '"subject": null, "change": null, "per": ["orang", "tahun"], "bound": "~", '
        '"sentence": "Rp \\"36 juta\\"\\n", "rule": "figures.money"}], "people": [{"name": '
        '"Hồ Đức Phớc", "titles": ["Wakil Perdana Menteri"], "mentions": [{"text": "Phớc", '
        '"start": 0, "end": 4}]}], "dates": [{"text": "2024", "start": 20, "end": 24, '
        '"value": null, "rule": "dates.year"}]}'
    )
    assert document_json(doc) == reference(doc)


def test_an_empty_document() -> None:
    doc = Document("-", "en", "")
    assert document_json(doc) == (
        '{"source": "-", "language": "en", "figures": [], "people": [], "dates": []}'
    )
    assert to_json_line(doc) == document_json(doc) + "\n"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_value_json_cannot_write_is_refused_as_json_refuses_it(value: float) -> None:
    doc = Document("-", "en", "", (Figure("x", 0, 1, value, "count", "r"),))
    with pytest.raises(ValueError, match="not JSON compliant"):
        document_json(doc)
    with pytest.raises(ValueError, match="not JSON compliant"):
        reference(doc)


def test_the_samples_encode_as_json_does() -> None:
    paths = sorted((ROOT / "samples").glob("*.txt"))
    assert len(paths) >= 12
    for path in paths:
        doc = extract(path.read_text(encoding="utf-8"), source=str(path))
        assert document_json(doc) == reference(doc), path
    for text in (ARTICLE_ID, ARTICLE_EN):
        doc = extract(text)
        assert doc.figures and doc.dates
        assert document_json(doc) == reference(doc)


# Any character, lone surrogates too (a file decoded with surrogateescape holds them).
texts = st.text(st.characters(blacklist_categories=()), max_size=12)
floats = st.floats(allow_nan=False, allow_infinity=False)
numbers = st.none() | st.integers(-(10**20), 10**20) | floats
figures = st.builds(
    Figure,
    text=texts,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    value=numbers,
    kind=st.sampled_from(["percent", "money", "count", "measure"]),
    rule=texts,
    sentence=texts,
    unit=st.none() | texts,
    value_max=numbers,
    subject=st.none() | texts,
    change=st.sampled_from([None, "increase", "decrease"]),
    per=st.lists(texts, max_size=3).map(tuple),
    bound=st.sampled_from(["=", "~", ">", "<", ">=", "<="]),
)
mentions = st.builds(Mention, texts, st.integers(0, 10**6), st.integers(0, 10**6))
people = st.builds(
    Person,
    texts,
    st.lists(texts, max_size=3).map(tuple),
    st.lists(mentions, max_size=3).map(tuple),
)
dates = st.builds(
    DateMention, texts, st.integers(0, 10**6), st.integers(0, 10**6), st.none() | texts, texts
)
documents = st.builds(
    Document,
    texts,
    texts,
    st.just(""),
    st.lists(figures, max_size=3).map(tuple),
    st.lists(people, max_size=3).map(tuple),
    st.lists(dates, max_size=3).map(tuple),
)


@given(documents)
def test_any_document_encodes_as_json_does(doc: Document) -> None:
    assert document_json(doc) == reference(doc)
    assert json.loads(document_json(doc)) == doc.to_dict()
