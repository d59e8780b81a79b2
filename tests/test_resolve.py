"""The overlap policy: longest wins, then earliest."""

from __future__ import annotations

from dataclasses import dataclass

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
