"""Dates: days, months, years and periods, found by named rules and normalised to ISO 8601.

Fast literal scans find the anchors (months, years, "/", quarters); the named rules of
dates_grammar are matched only there, and a reader here checks the context and reads the value.
Words before a date that belong to it ("bulan", "tahun", "akhir", a weekday) are added by
``_widened``.
Relative expressions ("kemarin", "last year", "Tuesday") are reported only when a reference
date is given: without one they have no value, and the answer keys do not ask for them.
dateparser normalises the rare "N units ago" forms; it is imported only when one is found.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from datetime import date, datetime, time
from typing import NamedTuple

import regex

from mobfacts.extractors.dates_grammar import (
    COMBINED,
    Grammar,
    grammar,
)
from mobfacts.extractors.dates_values import (
    Point,
    is_valid_day,
    shifted,
    value_of,
    weekday_near,
    with_reference,
)
from mobfacts.lang import Lexicon
from mobfacts.model import DateMention
from mobfacts.resolve import select_spans
from mobfacts.text import TextView

WINDOW = 48  # how far back a context check looks, in characters
DASHES = ("-", "–", "—")


class Found(NamedTuple):
    """A candidate date: its span, the rule that found it and its calendar points (a named
    tuple, as cheap to build as a value can be)."""

    start: int
    end: int
    rule: str
    points: tuple[Point, ...]


Reader = Callable[[regex.Match[str], Grammar, str], Found | None]


def _month(match: regex.Match[str], group: str, g: Grammar) -> int | None:
    """The month number of a month word; lowercase "may" or "des" is not a month."""
    word = match.group(group)
    key = word.rstrip(".").lower()
    if word[:1].islower() and (key in g.needs_context or key in g.abbreviations):
        return None
    return g.month_number.get(key)


def _year(match: regex.Match[str], group: str = "y") -> int | None:
    found = match.group(group)
    return int(found) if found else None


def _before(g: Grammar, check: str, text: str, offset: int) -> regex.Match[str] | None:
    """The check's match in the window that ends at offset (None where no match can end there).

    A check that ends with words tests them with str.endswith before the regex runs.
    """
    start = max(0, offset - WINDOW)
    tails = g.before_tails.get(check)
    if tails is not None and not text[start:offset].rstrip().casefold().endswith(tails):
        return None
    return g.before[check].search(text, start, offset)


def _after(g: Grammar, check: str, text: str, offset: int) -> regex.Match[str] | None:
    return g.after[check].match(text, offset, min(len(text), offset + WINDOW))


def _found(match: regex.Match[str], rule: str, *points: Point) -> Found:
    return Found(match.start(), match.end(), f"dates.{rule}", points)


def _is_amount(g: Grammar, text: str, start: int, end: int) -> bool:
    """Whether the number at start..end reads as an amount: "Rp 2000", "2020 tons"."""
    return bool(_before(g, "amount", text, start) or _after(g, "amount", text, end))


def read_day_range(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "9 hingga 11 Maret 2025": one period in one month."""
    month, year = _month(match, "m", g), _year(match)
    first, last = int(match.group("d1")), int(match.group("d"))
    if month is None or not first < last or not is_valid_day(year, month, last):
        return None
    return _found(match, "day_range", Point(year, month, first), Point(year, month, last))


def read_day_month_range(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "28 Februari - 2 Maret 2025": one period across two months."""
    first_month, month, year = _month(match, "m1", g), _month(match, "m", g), _year(match)
    first_day, day = int(match.group("d1")), int(match.group("d"))
    if (
        first_month is None
        or month is None
        or (year is None and _gap(match, "m1", "d") not in DASHES)
    ):
        return None  # "11 Dec to 15 Dec" are two dates; "28 Feb - 2 Mar 2025" is one period
    first_year = year - 1 if year is not None and first_month > month else year
    if not is_valid_day(first_year, first_month, first_day) or not is_valid_day(year, month, day):
        return None
    start = Point(first_year, first_month, first_day)
    return _found(match, "day_month_range", start, Point(year, month, day))


def _gap(match: regex.Match[str], left: str, right: str) -> str:
    """The text between two groups, stripped: the connector of a range."""
    return match.string[match.end(left) : match.start(right)].strip()


def read_day_month(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "11 Juni", "11 Juni 2025", "the 11th of June"."""
    month, year, day = _month(match, "m", g), _year(match), int(match.group("d"))
    if month is None or not is_valid_day(year, month, day):
        return None
    if year is None and _before(g, "amount", text, match.start()):
        return None  # "Rp 11 Juni ..." is no date
    return _found(match, "day_month", Point(year, month, day))


def read_month_day_range(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "December 11-15, 2024"."""
    month, year = _month(match, "m", g), _year(match)
    first, last = int(match.group("d1")), int(match.group("d"))
    if month is None or not first < last or not is_valid_day(year, month, last):
        return None
    return _found(match, "month_day_range", Point(year, month, first), Point(year, month, last))


def read_month_day(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "June 11th, 2024", "December 11"."""
    month, year, day = _month(match, "m", g), _year(match), int(match.group("d"))
    if month is None or not is_valid_day(year, month, day):
        return None
    if year is None and _after(g, "amount", text, match.end()):
        return None  # "March 15 people"
    return _found(match, "month_day", Point(year, month, day))


def read_month_range(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "Januari-Agustus 2025", "between January and August"."""
    first, month, year = _month(match, "m1", g), _month(match, "m", g), _year(match)
    if first is None or month is None or first == month:
        return None
    gap = regex.sub(r"\s+", " ", _gap(match, "m1", "m").lower())
    if gap in g.range_joiners and not _before(g, "range_opener", text, match.start()):
        return None  # "January and March" are two months; "between January and March" is one
    if year is None and gap not in DASHES and gap not in g.range_joiners:
        return None  # "April hingga Juni" are two months; "April-Juni" is one period
    first_year = year - 1 if year is not None and first > month else year
    return _found(match, "month_range", Point(first_year, first), Point(year, month))


def read_month_year_range(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "Januari 2024 - Maret 2025"."""
    first, month = _month(match, "m1", g), _month(match, "m", g)
    first_year, year = _year(match, "y1"), _year(match)
    if first is None or month is None or first_year is None or year is None:
        return None
    if (first_year, first) >= (year, month):
        return None
    return _found(match, "month_year_range", Point(first_year, first), Point(year, month))


def read_month_year(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "August 2017", "Agustus tahun 2019"."""
    month = _month(match, "m", g)
    if month is None or _after(g, "amount", text, match.end()):
        return None
    return _found(match, "month_year", Point(_year(match), month))


def read_month(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """A month alone: "bulan April" always; "April" after a cue or away from capitalised names."""
    month = _month(match, "m", g)
    if month is None:
        return None
    start = match.start()
    word = _before(g, "month_word", text, start)
    cued = word or _before(g, "month_cue", text, start)
    ambiguous = match.group("m").lower() in g.needs_context
    if not cued:
        if ambiguous:
            return None  # "May", "March"
        if _after(g, "capitalised", text, match.end()) or _before(g, "capitalised", text, start):
            return None  # "August Revolution", "Revolusi Agustus", "Juli Rahmawati"
    elif ambiguous and not word and _after(g, "capitalised", text, match.end()):
        return None  # "and May Day"
    shift = _after(g, "shift", text, match.end())
    direction = g.shift.get(shift.group("shift").lower(), 0) if shift else 0
    return _found(match, "month", Point(month=month, direction=direction))


def read_year_range(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "2021-2025", "2024/25", unless an amount ("2000-2500 orang")."""
    first = int(match.group("y1"))
    last = match.group("y2")
    year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if not first < year <= first + 100 or _is_amount(g, text, match.start(), match.end()):
        return None
    return _found(match, "year_range", Point(first), Point(year))


def read_year_span(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """Two years joined by a range word ("2021 hingga 2025") or by "and" after "between"."""
    first, last = int(match.group("y1")), int(match.group("y2"))
    joiner = regex.sub(r"\s+", " ", match.group("join").lower())
    if joiner in g.range_joiners and not _before(g, "range_opener", text, match.start()):
        return None  # "2010 and 2020" are two years
    if not first < last <= first + 100 or _is_amount(g, text, match.start(), match.end()):
        return None
    return _found(match, "year_span", Point(first), Point(last))


def read_decade(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "1990-an", "1990s": the ISO decade "199"."""
    return _found(match, "decade", Point(decade=int(match.group("y"))))


def read_year(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """A year, unless it reads as an amount ("2020 tons") or a decree number ("Nomor 3 Tahun")."""
    start, end = match.span()
    if _after(g, "amount", text, end):
        return None
    if _before(g, "document", text, start):
        return None
    if not _before(g, "year_word", text, start) and _before(g, "amount", text, start):
        return None
    return _found(match, "year", Point(int(match.group("y"))))


def read_iso_date(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "2025-09-15"."""
    year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    return (
        _found(match, "iso_date", Point(year, month, day))
        if is_valid_day(year, month, day)
        else None
    )


def _numeric(g: Grammar, first: int, second: int, year: int | None) -> Point | None:
    """A numeric day and month in the language's order, or the other order when only it fits."""
    day, month = (first, second) if g.numeric_order.startswith("D") else (second, first)
    if is_valid_day(year, month, day):
        return Point(year, month, day)
    if is_valid_day(year, day, month):
        return Point(year, day, month)
    return None


def read_numeric_date(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """A day-first numeric date ending in the year the match starts at: "15/9/2025"."""
    return _numeric_date(g, text, match.start())


def _numeric_date(g: Grammar, text: str, at: int) -> Found | None:
    """A day-first numeric date ending in the year that starts at the offset."""
    prefix = _before(g, "numeric", text, at)
    year_end = g.after["numeric_end"].match(text, at)
    if prefix is None or year_end is None:
        return None
    point = _numeric(g, int(prefix.group("a")), int(prefix.group("b")), int(year_end.group("y")))
    if point is None:
        return None
    return Found(prefix.start(), year_end.end(), "dates.numeric_date", (point,))


def read_numeric_day_month(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """A day and month without a year, only where a date is expected: "Rabu (4/9)", "tgl 20/10",
    "pada 2/4", "Sejak 1/9," (but not "hingga 2/3 penduduk", a fraction of something).
    """
    start = match.start()
    first, second = int(match.group("a")), int(match.group("b"))
    weekday = _before(g, "weekday", text, start)
    if weekday is not None and weekday.group("paren") and not _after(g, "close", text, match.end()):
        weekday = None
    if not (
        weekday
        or _before(g, "relative_paren", text, start)
        or _before(g, "day_word", text, start)
        or (
            _before(g, "numeric_day_cue", text, start)
            and not (_fraction_like(first, second) and _word_follows(text, match.end()))
        )
    ):
        return None
    point = _numeric(g, first, second, None)
    return _found(match, "numeric_day_month", point) if point else None


def _word_follows(text: str, end: int) -> bool:
    """Whether a lowercase word comes right after end: what a fraction is a fraction of
    ("hingga 2/3 penduduk"), where a date is followed by punctuation ("Sejak 1/9, ...")."""
    return text[end : end + 3].lstrip(" \t")[:1].islower()


def _fraction_like(numerator: int, denominator: int) -> bool:
    """Whether "a/b" reads as a fraction: proper, in lowest terms, small ("2/3", "3/10")."""
    return numerator < denominator <= 10 and math.gcd(numerator, denominator) == 1


def read_code(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "Q3 2024", "H1 2025" (a half-year needs its year: "H1" alone is many things)."""
    number, year = int(match.group("n")), _year(match)
    if match.group("kind") == "Q":
        return _found(match, "quarter", Point(year, quarter=number))
    if number > 2 or year is None:
        return None
    return _found(match, "half", Point(year, half=number))


def read_period(match: regex.Match[str], g: Grammar, text: str) -> Found | None:
    """ "kuartal III 2024", "the third quarter of 2024", "semester I 2024", "first half of 2025"."""
    start = match.start()
    word = match.group("o")
    if word is None:
        ordinal = _before(g, "ordinal", text, start)
        if ordinal is None:
            return None
        word, start = ordinal.group("o"), ordinal.start()
    number = g.ordinal.get(word.lower())
    year = _year(match)
    if match.group("w").lower() in g.quarter_words:
        point = Point(year, quarter=number) if number and number <= 4 else None
        rule = "quarter"
    else:
        point = Point(year, half=number) if number and number <= 2 and year else None
        rule = "half"
    return Found(start, match.end(), f"dates.{rule}", (point,)) if point else None


READERS: dict[str, Reader] = {
    "day_range": read_day_range,
    "day_month_range": read_day_month_range,
    "day_month": read_day_month,
    "month_day_range": read_month_day_range,
    "month_day": read_month_day,
    "month_year_range": read_month_year_range,
    "month_range": read_month_range,
    "month_year": read_month_year,
    "month": read_month,
    "year_range": read_year_range,
    "year_span": read_year_span,
    "decade": read_decade,
    "iso_date": read_iso_date,
    "year": read_year,
    "numeric_date": read_numeric_date,
    "numeric_day_month": read_numeric_day_month,
    "code": read_code,
    "period": read_period,
}


def _relative(
    match: regex.Match[str], rule: str, g: Grammar, lexicon: Lexicon, reference: date
) -> Found | None:
    """A relative expression resolved against the reference date."""
    text = match.string
    if rule == "relative_day":
        offset = g.relative_days[regex.sub(r"\s+", " ", match.group("rel").lower())]
        return _found(match, rule, Point(iso=shifted(reference, "day", offset)))
    if rule in ("relative_unit", "relative_period"):
        unit = g.unit_kind[(match.group("u") or match.group("u2")).lower()]
        word = match.groupdict().get("before") or match.groupdict().get("after") or ""
        if rule == "relative_unit" and (
            unit == "day" or _before(g, "quantity", text, match.start())
        ):
            return None  # "3 tahun ini" is a duration, not this year
        shift = g.shift.get(regex.sub(r"\s+", " ", word.lower()), 0)
        return _found(match, rule, Point(iso=shifted(reference, unit, shift)))
    if rule == "relative_weekday":
        weekday = match.group("wd")
        if not weekday[:1].isupper():
            return None  # "minggu" is a week; "Minggu" is Sunday
        word = match.group("before") or match.group("after") or ""
        shift = g.shift.get(regex.sub(r"\s+", " ", word.lower()), 0)
        day = weekday_near(reference, g.weekday_number[weekday.lower()], shift)
        return _found(match, rule, Point(iso=day.isoformat()))
    unit = g.unit_kind[match.group("u").lower()]
    parsed = _dateparser(match.group(), lexicon, g, reference)
    if parsed is None:
        return None
    value = {"year": 4, "month": 7}.get(unit, 10)
    return _found(match, rule, Point(iso=parsed.isoformat()[:value]))


def _dateparser(text: str, lexicon: Lexicon, g: Grammar, reference: date) -> date | None:
    """dateparser's reading of a relative expression (imported here: it is slow to load)."""
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime.combine(reference, time()),
        "DATE_ORDER": g.numeric_order,
        "PREFER_DATES_FROM": "past",
    }
    parsed = dateparser.parse(text, languages=[lexicon.code], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _relatives(g: Grammar, lexicon: Lexicon, text: str, reference: date) -> list[Found]:
    """The relative expressions, each rule tried only where a word it can start with stands."""
    found: list[Found] = []
    for scan, names in g.relative_scans:
        for word in scan.finditer(text):
            at = word.start()
            if at and text[at - 1].isalnum():
                continue  # inside a word
            for name in names:
                match = g.relative_rules[name].match(text, at)
                item = _relative(match, name, g, lexicon, reference) if match else None
                if item is not None:
                    found.append(_widened(item, g, text))
    return found


def _widened(item: Found, g: Grammar, text: str) -> Found:
    """The candidate with the words before it that belong to it: "bulan", "akhir", a weekday."""
    start, end = item.start, item.end
    if all(p.day is not None for p in item.points):
        weekday = _before(g, "weekday", text, start)
        if weekday is not None:
            close = _after(g, "close", text, end) if weekday.group("paren") else None
            if close is not None or not weekday.group("paren"):
                start, end = weekday.start(), close.end() if close else end
    else:
        # A relative expression takes a modifier ("akhir tahun ini") but no "bulan"/"tahun":
        # in "4 bulan awal tahun" the "bulan" belongs to the duration "4 bulan".
        relative = item.rule.startswith("dates.relative")
        prefix = _before(g, "modifier" if relative else "prefix", text, start)
        if prefix is not None:
            start = prefix.start()
    if (start, end) == (item.start, item.end):
        return item
    return Found(start, end, item.rule, item.points)


def _first(g: Grammar, kind: str, text: str, at: int) -> Found | None:
    """The first rule of an anchor kind that matches at the offset and reads as a date."""
    pattern = g.combined[kind]
    match = pattern.match(text, at)
    if match is None:
        return None
    names = COMBINED[kind]
    groups = match.groups()
    for i, index in enumerate(_rule_groups(pattern, kind)):
        if groups[index] is not None:
            item = READERS[names[i]](match, g, text)
            return item if item is not None else _rest(g, names[i + 1 :], text, at)
    return None


@functools.cache
def _rule_groups(pattern: regex.Pattern[str], kind: str) -> tuple[int, ...]:
    """Where each rule of a combined pattern has its group in match.groups().

    Worked out once per pattern: regex's groupindex builds a new dict on every access.
    """
    return tuple(pattern.groupindex["R_" + name] - 1 for name in COMBINED[kind])


def _rest(g: Grammar, names: tuple[str, ...], text: str, at: int) -> Found | None:
    """The first of the remaining rules that matches and reads, after one was rejected."""
    for name in names:
        match = g.rules[name].match(text, at)
        item = READERS[name](match, g, text) if match is not None else None
        if item is not None:
            return item
    return None


def _candidates(g: Grammar, text: str) -> list[Found]:
    """Every candidate the rules find at the anchors of the text."""
    found: list[Found | None] = []
    for anchor in g.month_scan.finditer(text):
        at = anchor.start()
        if at and text[at - 1].isalpha():
            continue  # inside a word: "GoJun"
        found.append(_first(g, "month", text, at))
        for number in g.before["digits"].finditer(text, max(0, at - WINDOW), at):
            found.append(_first(g, "day", text, number.start()))
    for literal in g.anchors:
        kind = literal.kind
        for at in literal.offsets(text):
            if kind == "year":
                found.append(_first(g, "year", text, at))
                if at and text[at - 1] in "/.-":
                    found.append(_numeric_date(g, text, at))
            elif kind == "slash":
                digits = g.before["digits"].search(text, max(0, at - 2), at)
                if digits is not None:
                    found.append(_rest(g, ("numeric_day_month",), text, digits.start()))
            else:
                found.append(_rest(g, (kind,), text, at))
    return [item for item in found if item is not None]


def extract(view: TextView, *, reference_date: date | None = None) -> tuple[DateMention, ...]:
    """Every date expression in the text, with its ISO 8601 value."""
    g = grammar(view.lexicon)
    text = view.text
    found = [_widened(item, g, text) for item in _candidates(g, text)]
    if reference_date is not None:
        found.extend(_relatives(g, view.lexicon, text, reference_date))
    return tuple(
        DateMention(
            text=text[item.start : item.end],
            start=item.start,
            end=item.end,
            value=value_of(with_reference(item.points, reference_date)),
            rule=item.rule,
        )
        for item in _between(select_spans(found), g, text)
    )


def _between(items: list[Found], g: Grammar, text: str) -> list[Found]:
    """Two dates that the text joins into one period, merged: "between January 1 and June 15",
    or "March 12 to April 15, 2024", where the first borrows the second's year.
    """
    merged: list[Found] = []
    for item in items:
        last = merged[-1] if merged else None
        if last is not None and _one_period(last, item, g, text):
            first, end = last.points[0], item.points[0]
            if first.year is None and end.year is not None and first.month is not None:
                earlier = end.month is not None and first.month > end.month  # Dec to March
                first = first._replace(year=end.year - 1 if earlier else end.year)
            merged[-1] = Found(last.start, item.end, "dates.between", (first, end))
        else:
            merged.append(item)
    return merged


def _one_period(first: Found, second: Found, g: Grammar, text: str) -> bool:
    """Whether two single dates are the ends of one period.

    "between X and Y" always is; "X to Y" only when X lacks the year that Y gives, so that
    "from 2010 to 2020" and "11 Dec to 15 Dec" stay two dates.
    """
    if len(first.points) != 1 or len(second.points) != 1:
        return False
    gap = text[first.end : second.start]
    if not (gap[:1].isspace() and gap[-1:].isspace()):
        return False
    word = gap.strip().lower()
    if word in g.range_joiners:
        return bool(_before(g, "range_opener", text, first.start))
    start, end = first.points[0], second.points[0]
    return (
        word in g.range_words
        and start.year is None
        and start.month is not None
        and end.year is not None
        and end.month is not None
        and (start.day is None) == (end.day is None)
    )
