"""Properties of the core for any text: no errors, spans inside the text, linear work."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mobfacts import extract

from .conftest import ARTICLE_EN, ARTICLE_ID, count_calls

NEWS_ALPHABET = st.sampled_from(
    list("0123456789.,%/-–() \n\"'“”:;Rp$") + ["juta", "miliar", "persen", "tahun", "Juni",
    "Presiden", "Nguyen", "Dang", "PM", "sekitar", " ", "million", "per cent", "ke-", "No.",
    "Senin", "2025", "Rp ", "US$ ", "dan", "Ketua", "Komite", ",", "kata", "said", "of"]
)  # fmt: skip
news_like = st.lists(NEWS_ALPHABET, max_size=80).map("".join)


def check_document(text: str) -> None:
    doc = extract(text)
    for fact in (*doc.figures, *doc.dates, *(m for p in doc.people for m in p.mentions)):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text
    json.dumps(doc.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    check_document(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_any_news_like_text(text: str) -> None:
    check_document(text)


# A text this short needs a few thousand calls; compiling a pattern on first use can take
# a few hundred thousand. An endless loop passes this many in seconds and fails the test.
ENDLESS = 5_000_000


@pytest.mark.parametrize("text", ["(0)5", "(0)5%", ")(0)5", "((0)) 5", "(1)(2)3 orang", "[(0)]5"])
def test_a_bracket_before_a_number_ends(text: str) -> None:
    """'(0)5' once looped forever looking for a subject before the bracket."""
    for code in ("id", "en"):
        count_calls(lambda c=code: extract(text, lang=c), limit=ENDLESS)
        assert count_calls(lambda c=code: extract(text, lang=c), limit=ENDLESS) < 20_000


@given(st.text(alphabet="()[]0123456789 ,.-%/aA\"'", max_size=14))
@settings(max_examples=400, deadline=None)
def test_short_punctuated_numbers_always_end(text: str) -> None:
    count_calls(lambda: extract(text, lang="id"), limit=ENDLESS)


def test_doubling_the_input_at_most_roughly_doubles_the_work() -> None:
    for unit in (ARTICLE_ID, ARTICLE_EN, "1. " * 50, "((\"'" * 50, "Rp 1.000.000,00 " * 20):
        extract(unit * 2)  # warm the caches (compiled patterns, lazy imports)
        single = count_calls(lambda u=unit: extract(u * 40))
        double = count_calls(lambda u=unit: extract(u * 80))
        assert double <= 2.3 * single, (unit[:20], single, double)
