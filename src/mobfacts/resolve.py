"""The one overlap policy, written once: the longest span wins, then the earliest."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol, TypeVar


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


class _Intervals:
    """Disjoint half-open intervals, added in order, with an O(log n) overlap test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end


def select_spans(candidates: Iterable[S]) -> list[S]:
    """Non-overlapping candidates, longest first then earliest, returned in text order.

    Taken characters are marked in a bytearray: candidates come longest first, in no
    order of position, and keeping sorted intervals would cost a list insert each,
    quadratic on a long document. Spans are short, so marking them is linear.
    """
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.start))
    if not ordered:
        return []
    taken = bytearray(max(c.end for c in ordered))
    chosen: list[S] = []
    for item in ordered:
        start, end = item.start, item.end
        if taken.find(1, start, end) < 0:
            chosen.append(item)
            taken[start:end] = b"\x01" * (end - start)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def drop_overlapping(items: Iterable[S], blockers: Iterable[Spanned]) -> list[S]:
    """The items that overlap none of the blockers, in their given order."""
    merged = _Intervals()
    for start, end in sorted((b.start, b.end) for b in blockers):
        if merged.ends and start < merged.ends[-1]:
            merged.ends[-1] = max(merged.ends[-1], end)
        else:
            merged.starts.append(start)
            merged.ends.append(end)
    return [item for item in items if not merged.overlaps(item.start, item.end)]
