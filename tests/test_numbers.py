"""Reading numbers: the separator policy of lang/README.md and the number words."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mobfacts import extract, lang
from mobfacts.numbers import NumberWords, as_number, read_number, read_words


@pytest.mark.parametrize(
    ("written", "thousands_mark", "value"),
    [
        ("3,25", ".", "3.25"),  # Indonesian decimal comma
        ("1.500.000", ".", "1500000"),  # Indonesian thousands dots
        ("1.500", ".", "1500"),  # one mark + three digits = the language's thousands mark
        ("32.160", ".", "32160"),
        ("200,000", ".", "200000"),  # "000" after a foreign mark: still thousands
        ("1,500", ".", "1.5"),  # otherwise the foreign mark is decimal
        ("2.655,5", ".", "2655.5"),  # both marks: the rightmost is decimal
        ("2,655.5", ".", "2655.5"),
        ("1.5", ",", "1.5"),  # English decimal point
        ("2,655", ",", "2655"),  # English thousands comma
        ("106,189", ",", "106189"),
        ("1.500", ",", "1.5"),
        ("1,000,000", ",", "1000000"),
        ("7", ",", "7"),
    ],
)
def test_read_number_policy(written: str, thousands_mark: str, value: str) -> None:
    assert read_number(written, thousands_mark=thousands_mark) == Decimal(value)


@pytest.mark.parametrize("written", ["", "1.50.0", "12,34,567", "1.000,000.5", "x12", "9" * 10_001])
def test_read_number_rejects_malformed(written: str) -> None:
    assert read_number(written, thousands_mark=".") is None


@pytest.mark.parametrize(
    ("code", "words", "value"),
    [
        ("id", "tiga ratus", 300),
        ("id", "dua belas", 12),
        ("id", "seribu", 1000),
        ("id", "seribu lima ratus", 1500),
        ("id", "dua puluh lima", 25),
        ("id", "seratus dua puluh", 120),
        ("id", "tiga ratus ribu", 300000),
        ("id", "dua juta", 2000000),
        ("id", "sebelas", 11),
        ("en", "three hundred", 300),
        ("en", "a dozen", 12),
        ("en", "two dozen", 24),
        ("en", "seven", 7),
        ("en", "twenty five", 25),
        ("en", "two hundred thousand", 200000),
        ("en", "a hundred", 100),
        ("en", "one million", 1000000),
    ],
)
def test_read_words(code: str, words: str, value: int) -> None:
    number_words = NumberWords.of(lang.load(code).section("numbers"))
    assert read_words(words.split(), number_words) == value


@pytest.mark.parametrize(
    ("code", "words"),
    [("id", "ratus"), ("id", "belas"), ("en", "a"), ("en", "hundred"), ("en", "apple")],
)
def test_read_words_needs_a_number(code: str, words: str) -> None:
    number_words = NumberWords.of(lang.load(code).section("numbers"))
    assert read_words(words.split(), number_words) is None


def test_as_number_is_json_friendly() -> None:
    assert as_number(Decimal("36000000")) == 36000000
    assert isinstance(as_number(Decimal("3.25")), float)
    assert as_number(Decimal("Infinity")) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_grouped_integers_read_back(n: int) -> None:
    assert read_number(f"{n:,}".replace(",", "."), thousands_mark=".") == n
    assert read_number(f"{n:,}", thousands_mark=",") == n


@given(st.text(alphabet="0123456789.,", max_size=40))
def test_read_number_never_raises(written: str) -> None:
    read_number(written, thousands_mark=".")
    read_number(written, thousands_mark=",")


def test_values_too_large_for_a_float_are_null() -> None:
    assert as_number(Decimal("1e400")) is None
    assert as_number(Decimal("9" * 400)) is None
    assert as_number(Decimal("1e300")) == 10**300


def test_a_figure_too_large_for_a_float_is_reported_with_a_null_value() -> None:
    text = "Sebanyak " + "9" * 5000 + " rumah dibangun."
    doc = extract(text, lang="id")
    assert [(f.value, f.kind) for f in doc.figures] == [(None, "count")]
    assert text[doc.figures[0].start : doc.figures[0].end] == "9" * 5000
    json.dumps(doc.to_dict(), allow_nan=False)
