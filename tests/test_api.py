"""The Python API: extract() returns an immutable Document whose to_dict() is the schema."""

from __future__ import annotations

import dataclasses
import json

import pytest

from mobfacts import Document, extract

from .conftest import ARTICLE_EN, ARTICLE_ID


def test_extract_returns_an_immutable_document() -> None:
    doc = extract(ARTICLE_ID)
    assert isinstance(doc, Document)
    assert doc.language == "id" and doc.source == "-"
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.language = "en"  # type: ignore[misc]
    assert isinstance(doc.figures, tuple)


def test_to_dict_is_exactly_the_schema() -> None:
    data = extract(ARTICLE_EN, "en", source="x.txt").to_dict()
    assert list(data) == ["source", "language", "figures", "people", "dates"]
    assert data["source"] == "x.txt" and data["language"] == "en"
    json.dumps(data, allow_nan=False)


@pytest.mark.parametrize("text", [ARTICLE_ID, ARTICLE_EN, "", "\n\n", "2023"])
def test_every_span_slices_to_its_text(text: str) -> None:
    doc = extract(text)
    for fact in (*doc.figures, *doc.dates, *(m for p in doc.people for m in p.mentions)):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text
    for figure in doc.figures:
        assert figure.text in figure.sentence


def test_language_detection_per_document() -> None:
    assert extract(ARTICLE_ID).language == "id"
    assert extract(ARTICLE_EN).language == "en"
