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
    """Disjoint half-open intervals, kept sorted, with an O(log n) overlap test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def select_spans(candidates: Iterable[S]) -> list[S]:
    """Non-overlapping candidates, longest first then earliest, returned in text order."""
    chosen: list[S] = []
    taken = _Intervals()
    for item in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if not taken.overlaps(item.start, item.end):
            chosen.append(item)
            taken.add(item.start, item.end)
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
