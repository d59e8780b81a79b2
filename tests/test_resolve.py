"""The overlap policy: longest wins, then earliest."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from mobfacts.resolve import drop_overlapping, select_spans


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def test_longest_wins_then_earliest() -> None:
    spans = [Span(0, 3), Span(2, 8), Span(7, 10), Span(10, 12), Span(11, 13)]
    assert select_spans(spans) == [Span(2, 8), Span(10, 12)]


def test_touching_spans_do_not_overlap() -> None:
    assert select_spans([Span(5, 8), Span(0, 5)]) == [Span(0, 5), Span(5, 8)]


def test_drop_overlapping_keeps_order() -> None:
    items = [Span(0, 2), Span(3, 5), Span(6, 9), Span(9, 10)]
    assert drop_overlapping(items, [Span(4, 7), Span(1, 2)]) == [Span(9, 10)]
    assert drop_overlapping(items, []) == items


def _select_naively(spans: list[Span]) -> list[Span]:
    """The policy read literally: each candidate, longest first, if it touches no chosen one."""
    chosen: list[Span] = []
    for s in sorted(spans, key=lambda c: (c.start - c.end, c.start)):
        if all(s.end <= c.start or c.end <= s.start for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def test_nothing_to_select() -> None:
    assert select_spans([]) == []


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40))
def test_select_spans_follows_the_policy(pairs: list[tuple[int, int]]) -> None:
    spans = [Span(start, start + length) for start, length in pairs]
    assert select_spans(spans) == _select_naively(spans)
