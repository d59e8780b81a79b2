"""Figures: percentages, money, counts and measures, with what they measure."""

from __future__ import annotations

import functools

import regex

from mobfacts.lang import Lexicon
from mobfacts.model import Figure
from mobfacts.numbers import as_number, read_number
from mobfacts.resolve import select_spans
from mobfacts.text import TextView


@functools.cache
def _pattern(lexicon: Lexicon) -> regex.Pattern[str]:
    percent = sorted(lexicon.words("figures", "percent_words"), key=len, reverse=True)
    alternatives = "|".join(regex.escape(w) for w in percent)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.,/-])(?P<number>\p{{Nd}}+(?:[.,]\p{{Nd}}+)*)"
        rf"(?:\s?(?P<percent>{alternatives})(?!\p{{L}}))?(?![\p{{L}}\p{{N}}/-])",
        regex.IGNORECASE,
    )


def extract(view: TextView) -> tuple[Figure, ...]:
    """Every figure in the text (the minimal rules: percentages and bare counts)."""
    thousands = view.lexicon.section("numbers")["thousands_mark"]
    found: list[Figure] = []
    for match in _pattern(view.lexicon).finditer(view.text):
        value = read_number(match.group("number"), thousands_mark=thousands)
        if value is None:
            continue
        is_percent = match.group("percent") is not None
        if not is_percent and 1900 <= value <= 2100 and "." not in match.group("number"):
            continue  # a year is a date, not a figure
        found.append(
            Figure(
                text=match.group(),
                start=match.start(),
                end=match.end(),
                value=as_number(value),
                unit="%" if is_percent else None,
                kind="percent" if is_percent else "count",
                sentence=view.sentence_text(match.start()),
                rule="figures.percent" if is_percent else "figures.count",
            )
        )
    return tuple(select_spans(found))
