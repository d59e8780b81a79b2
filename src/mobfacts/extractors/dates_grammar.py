r"""The date patterns of one language, compiled once from the words of its dates.toml.

Speed: a date always holds an anchor (a capitalised month name, a year 1900-2099, a "/" before a
digit, "Q3"/"H1", or a quarter or half-year word). str.find finds the literal anchors and one
stdlib ``re`` scan the month names; the rules are matched only at an anchor, one combined
pattern per kind of anchor, and the context checks look back from it in reverse (``(?r)``,
anchored with ``\Z``), so the cost grows with the number of anchors, not of characters.

Cold start: the ``regex`` parser is pure Python, so compiling every pattern up front cost more
than reading a whole article. Patterns are compiled on first use instead (``LazyPatterns``), and
the month scan uses the stdlib ``re``, whose compiler is cheaper.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeAlias

import regex

from mobfacts import patterns
from mobfacts.lang import Lexicon
from mobfacts.text import trie

SP = r"[^\S\n]+"  # spaces within a line: a date never spans a line break
OPT_SP = r"[^\S\n]*"
DASH = r"[-–—]"
YEAR = r"(?:19|20)\d\d"
# A year ends where no digit, letter, decimal part or document code ("/QD-TTg") follows.
YEAR_END = r"(?![\p{N}\p{L}%])(?![.,]\d|/\p{L})"
NUMBER_BEFORE = r"(?<![\p{L}\p{N}.,/])(?<!\p{N}[\-–])"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# The rules tried at each kind of anchor, in order: the first that matches and reads is kept
# ("day" rules start at a number shortly before a month).
COMBINED = {
    "day": ("day_range", "day_month_range", "day_month"),
    "month": (
        "month_day_range",
        "month_year_range",
        "month_range",
        "month_day",
        "month_year",
        "month",
    ),
    "year": ("iso_date", "year_range", "year_span", "decade", "year"),
}


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, a space matching any run of spaces."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return r"(?!)"
    return "|".join(regex.escape(w).replace(r"\ ", SP) for w in unique)


def _any_case(words: Iterable[str]) -> str:
    return rf"(?i:{alternatives(words)})"


def _by_initial(words: Iterable[str]) -> str:
    """Words as "[Kk](?:uartal|...)": a leading class lets the scan skip other text fast."""
    unique = sorted({w.lower() for w in words})
    if not unique:
        return r"(?!)"
    initials = "".join(sorted({c for w in unique for c in (w[0], w[0].upper())}))
    return rf"[{regex.escape(initials)}](?:{alternatives(w[1:] for w in unique)})(?!\p{{L}})"


class LazyPatterns(dict[str, regex.Pattern[str]]):
    """Patterns compiled on first lookup: an article needs few of them, and compiling is slow.

    Only ``patterns[name]`` is supported (iteration shows the compiled ones); after the first
    lookup a name costs a plain dict lookup.
    """

    def __init__(self, sources: Mapping[str, str]) -> None:
        super().__init__()
        self.sources = dict(sources)

    def __missing__(self, name: str) -> regex.Pattern[str]:
        pattern = self[name] = patterns.compile(self.sources[name])
        return pattern


Scan: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A literal anchor: the literal, then tail_size characters that tail_ok accepts ("20" + "25").

    Found with str.find, which skips ahead many characters at a time where a regex scan
    steps through each one.
    """

    kind: str
    literal: str
    tail_size: int = 0
    tail_ok: Callable[[str], bool] | None = None

    def offsets(self, text: str) -> Iterator[int]:
        """Where the anchor starts, leftmost first and without overlaps, as re.finditer finds."""
        find, literal, size, tail_ok = text.find, self.literal, len(self.literal), self.tail_ok
        end = size + self.tail_size
        at = find(literal)
        while at >= 0:
            tail = text[at + size : at + end]
            if len(tail) == self.tail_size and (tail_ok is None or tail_ok(tail)):
                yield at
                at = find(literal, at + end)
            else:
                at = find(literal, at + 1)


@dataclass(frozen=True, eq=False)
class Grammar:
    """Word tables and compiled patterns for one language's dates."""

    numeric_order: str
    month_number: Mapping[str, int]
    needs_context: frozenset[str]
    abbreviations: frozenset[str]
    weekday_number: Mapping[str, int]
    ordinal: Mapping[str, int]
    quarter_words: frozenset[str]
    unit_kind: Mapping[str, str]
    shift: Mapping[str, int]
    relative_days: Mapping[str, int]
    range_joiners: frozenset[str]
    range_words: frozenset[str]
    month_scan: re.Pattern[str]
    anchors: tuple[Anchor, ...]
    rules: LazyPatterns
    combined: LazyPatterns
    relative_rules: LazyPatterns
    relative_first_words: Mapping[str, tuple[str, ...]]
    before: LazyPatterns
    after: LazyPatterns
    before_tails: Mapping[str, tuple[str, ...]]

    @functools.cached_property
    def relative_scans(self) -> tuple[tuple[Scan, tuple[str, ...]], ...]:
        """The relative rules' start-word scans, built on first use: only with a reference date."""
        return _start_scans(self.relative_first_words)


NUMBER_TOKEN = "0"  # stands for any number among the words a rule may start with
WORD_TOKEN = re.compile(r"\w+")


def _start_scans(
    first_words: Mapping[str, Iterable[str]],
) -> tuple[tuple[Scan, tuple[str, ...]], ...]:
    """One literal scan per word a relative rule may start with (lowercase and capitalised),
    with the rules to try there: literal-first scans are fast, an alternation of words is not.
    """
    starts: dict[str, list[str]] = {}
    for rule, phrases in first_words.items():
        for phrase in phrases:
            found = WORD_TOKEN.search(phrase.lower())
            if found is not None and rule not in starts.setdefault(found.group(), []):
                starts[found.group()].append(rule)
    scans = []
    for word, rules in sorted(starts.items()):
        if word == NUMBER_TOKEN:
            # regex, not re: re's Unicode digit test makes this frequent scan 4x slower.
            scans.append((patterns.compile(r"\d+"), tuple(rules)))
            continue
        for variant in sorted({word, word.capitalize()}):
            scans.append((re.compile(re.escape(variant)), tuple(rules)))
    return tuple(scans)


def _tails(phrases: Iterable[str]) -> tuple[str, ...]:
    """The casefolded last words of phrases: what the text before a ``before`` match ends with.

    Each such check matches phrase words, then spaces, at the end of its window; so the
    window, stripped of spaces at its end, must end with one of these (a cheap test first).
    """
    return tuple(sorted({p.split()[-1].casefold() for p in phrases if p.strip()}))


def _ints(table: Mapping[str, object]) -> dict[str, int]:
    return {str(k).lower(): int(str(v)) for k, v in table.items()}


@functools.cache
def grammar(lexicon: Lexicon) -> Grammar:
    """The compiled date grammar of a lexicon (built once per language per process)."""
    data = lexicon.section("dates")

    def words(key: str) -> tuple[str, ...]:
        return lexicon.words("dates", key)

    months = [m.lower() for m in words("months")]
    abbreviations = _ints(data.get("month_abbreviations", {}))
    month_number = {**abbreviations, **{name: i + 1 for i, name in enumerate(months)}}
    weekdays = [w.lower() for w in words("weekdays")]
    weekday_number = {name: i for i, name in enumerate(weekdays)}
    weekday_number.update(_ints(data.get("weekday_variants", {})))
    word_ordinals = _ints(data.get("ordinal_words", {}))
    ordinal = {**word_ordinals, **ROMAN, **{str(n): n for n in range(1, 5)}}
    units = {str(k).lower(): str(v) for k, v in data.get("units", {}).items()}
    shift_before = _ints(data.get("shift_before", {}))
    shift_after = _ints(data.get("shift_after", {}))
    relative_days = _ints(data.get("relative_days", {}))
    ago = dict.fromkeys((w.lower() for w in words("ago_words")), -1)
    later = dict.fromkeys((w.lower() for w in words("later_words")), 1)

    month = rf"{_any_case(months)}(?!\p{{L}})|{_any_case(abbreviations)}(?:\.|(?!\p{{L}}))"
    full_month = rf"{_any_case(months)}(?!\p{{L}})"
    suffix = alternatives(words("day_suffixes"))
    of = _any_case(words("of_words"))
    year_word = _any_case(words("year_words"))
    month_word = rf"(?:{_any_case(words('month_words'))}{SP})"
    span_words = _any_case([*words("range_words"), *words("range_joiners")])
    connector = rf"(?:{OPT_SP}{DASH}{OPT_SP}|{SP}{_any_case(words('range_words'))}{SP})"
    tight = rf"(?:{OPT_SP}{DASH}{OPT_SP})"
    span_connector = rf"(?:{OPT_SP}{DASH}{OPT_SP}|{SP}{span_words}{SP})"
    weekday = rf"{_any_case(weekday_number)}(?!\p{{L}})"
    day_parts = _any_case(words("day_parts"))
    rel_days = _any_case(relative_days)
    period_words = [*words("quarter_words"), *words("half_words")]
    quantity = _any_case(words("quantity_words"))
    unit_words = _any_case(units)
    modifiers = _any_case(words("period_modifiers"))
    after_words = _any_case(shift_after)
    before_words = _any_case(shift_before)

    def day(name: str) -> str:
        return rf"(?<![\p{{N}}.,/:])(?P<{name}>[0-3]?\d)(?:{suffix})?(?![\p{{N}}\p{{L}}])"

    def mon(name: str, pattern: str = month) -> str:
        return rf"(?P<{name}>{pattern})"

    year_tail = (
        rf"(?:(?:,?{SP}|{OPT_SP}[-/]{OPT_SP})(?:(?:{year_word}|{of}){SP})?"
        rf"(?P<y>{YEAR}){YEAR_END})"
    )
    day_month = rf"(?:{SP}(?:{of}{SP})?|-)"
    part_year = (
        rf"(?:(?:{OPT_SP}[/\-]{OPT_SP}|{SP}(?:{of}{SP})?(?:{year_word}{SP})?)"
        rf"(?P<y>{YEAR}){YEAR_END})"
    )
    month_names = [*months, *abbreviations]
    # Written as a trie: scanned over the whole text, it is tried at every capital letter.
    month_scan = trie(
        (variant for name in month_names for variant in (name.capitalize(), name.upper())),
        lower=False,
    )
    period_variants = {v for w in period_words for v in (w.lower(), w.capitalize())}
    # A year, a "/" before a digit, "Q3", "H1", a quarter or half-year word (\d is isdecimal).
    anchors = (
        *(Anchor("year", century, 2, str.isdecimal) for century in ("19", "20")),
        Anchor("slash", "/", 1, str.isdecimal),
        Anchor("code", "Q", 1, "1234".__contains__),
        Anchor("code", "H", 1, "12".__contains__),
        *(Anchor("period", v) for v in sorted(period_variants)),
    )

    rules = {
        # Matched at a day number before a month: "9 hingga 11 Maret 2025", "11 Juni".
        "day_range": rf"{day('d1')}{span_connector}{day('d')}{day_month}{mon('m')}{year_tail}?",
        "day_month_range": rf"{day('d1')}{day_month}{mon('m1')}{connector}{day('d')}"
        rf"{day_month}{mon('m')}{year_tail}?",
        "day_month": rf"{day('d')}{day_month}{mon('m')}{year_tail}?",
        # Matched at a month: "December 11-15, 2024", "June 11th, 2024", "August 2017".
        "month_day_range": rf"{mon('m')}{SP}{day('d1')}{span_connector}{day('d')}"
        rf"(?:,?{SP}(?P<y>{YEAR}){YEAR_END})?",
        "month_day": rf"{mon('m')}{SP}{day('d')}(?!{OPT_SP}(?:[:.,]\d|%))"
        rf"(?:,?{SP}(?P<y>{YEAR}){YEAR_END})?",
        "month_year_range": rf"{mon('m1')}{OPT_SP},?{OPT_SP}(?P<y1>{YEAR}){tight}"
        rf"{mon('m')}{OPT_SP},?{OPT_SP}(?P<y>{YEAR}){YEAR_END}",
        "month_range": rf"{mon('m1', full_month)}{span_connector}{month_word}?"
        rf"{mon('m', full_month)}{year_tail}?",
        "month_year": rf"{mon('m')}{year_tail}",
        "month": mon("m", full_month),
        # Matched at a year: "2021-2025", "2021 hingga 2025", "1990-an", "2010", "2025-09-15".
        "year_range": rf"{NUMBER_BEFORE}(?P<y1>{YEAR}){OPT_SP}[-–—/]{OPT_SP}"
        rf"(?P<y2>{YEAR}|\d\d){YEAR_END}",
        "year_span": rf"{NUMBER_BEFORE}(?P<y1>{YEAR}){YEAR_END}{SP}(?P<join>{span_words}){SP}"
        rf"(?:{year_word}{SP})?(?P<y2>{YEAR}){YEAR_END}",
        "decade": rf"{NUMBER_BEFORE}(?P<y>(?:19|20)\d0)"
        rf"(?:{alternatives(words('decade_suffixes'))})(?!\p{{L}})",
        "iso_date": rf"{NUMBER_BEFORE}(?P<y>{YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?![\p{{N}}\p{{L}}])",
        "year": rf"{NUMBER_BEFORE}(?P<y>{YEAR}){YEAR_END}(?!{OPT_SP}[/\-–]{OPT_SP}\d)",
        # The year of a numeric date; the reader looks back for the day and month: "15/9/2025".
        "numeric_date": rf"(?={YEAR})",
        # Matched at "d/m": "Rabu (4/9)", "tanggal 20/10".
        "numeric_day_month": r"(?<![\p{N}.,/])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\p{N}/]|[.,]\d)",
        # Matched at "Q3", "H1" or a quarter word: "Q3 2024", "kuartal III 2024".
        "code": rf"(?<![\p{{L}}\p{{N}}])(?P<kind>[QH])(?P<n>[1-4])(?![\p{{L}}\p{{N}}]){part_year}?",
        "period": rf"(?<!\p{{L}})(?P<w>{_any_case(period_words)})"
        rf"(?:{SP}(?P<o>{_any_case(ordinal)})(?![\p{{L}}\p{{N}}]))?{part_year}?",
    }
    relative_rules = {
        # "hari ini", "kemarin", "yesterday"
        "relative_day": rf"(?<!\p{{L}})(?P<rel>{rel_days})(?!\p{{L}})",
        # "tahun lalu", "bulan depan", "last year", "this month"
        "relative_unit": rf"(?<![\p{{L}}\p{{N}}])"
        rf"(?:(?P<before>{before_words}){SP}(?P<u>{unit_words})|"
        rf"(?P<u2>{unit_words}){SP}(?P<after>{after_words}))(?!\p{{L}})",
        # "Senin lalu", "last Monday", "Tuesday"
        "relative_weekday": rf"(?<![\p{{L}}\p{{N}}])(?:(?P<before>{before_words}){SP})?"
        rf"(?P<wd>{weekday})(?:{SP}(?P<after>{after_words})(?!\p{{L}}))?",
        # "3 hari yang lalu", "two years ago"
        "relative_ago": rf"(?<![\p{{L}}\p{{N}}.,])(?P<n>\d{{1,3}}|{quantity}){SP}"
        rf"(?P<u>{unit_words}){SP}(?P<dir>{_any_case([*ago, *later])})(?!\p{{L}})",
        # "akhir tahun", "the end of the year"
        "relative_period": rf"(?<!\p{{L}})(?:{modifiers})(?:{SP}|(?<=-))(?P<u>{unit_words})"
        rf"(?!\p{{L}})(?!{SP}(?:\d|(?:{after_words})(?!\p{{L}})))",
    }
    # Each is searched in a short window that ends where a date starts.
    before = {
        "digits": r"(?<![\p{N}.,/:])\d{1,2}(?!\d)",
        "month_word": rf"(?<!\p{{L}}){month_word}\Z",
        "year_word": rf"(?<!\p{{L}}){year_word}{SP}\Z",
        "numeric": r"(?<![\p{L}\p{N}/.,])(?:"
        + "|".join(rf"(?P<a>\d{{1,2}}){sep}(?P<b>\d{{1,2}}){sep}" for sep in ("/", r"\.", "-"))
        + r")\Z",
        "ordinal": rf"(?<![\p{{L}}\p{{N}}])(?P<o>{_any_case(word_ordinals)})(?:{SP}|-)\Z",
        "range_opener": rf"(?<!\p{{L}}){_any_case(words('range_openers'))}{SP}\Z",
        # A weekday (and part of day) before a date, maybe with a bracket: "Rabu (".
        "weekday": rf"(?<!\p{{L}})(?P<wd>{weekday})(?:{SP}{day_parts})?{OPT_SP},?{OPT_SP}"
        rf"(?P<paren>\()?{OPT_SP}\Z",
        "relative_paren": rf"(?<!\p{{L}}){rel_days}{OPT_SP},?{OPT_SP}\({OPT_SP}\Z",
        "day_word": rf"(?<!\p{{L}}){_any_case(words('day_words'))}{SP}\Z",
        "numeric_day_cue": rf"(?<!\p{{L}}){_any_case(words('numeric_day_cues'))}{SP}\Z",
        # "akhir ", "end of ", "mid-"
        "modifier": rf"(?<!\p{{L}})(?:{modifiers})(?:{SP}|(?<=-))(?:{of}{SP})?\Z",
        # Everything that may stand before a month or a year in one look: "akhir tahun ".
        "prefix": rf"(?<!\p{{L}})(?:(?:{modifiers})(?:{SP}|(?<=-))(?:{of}{SP})?)?"
        rf"(?:{month_word}|{year_word}{SP})?\Z",
        # A word that makes the number after it an amount: "Rp ", "sebanyak ".
        "amount": rf"(?<![\p{{L}}$])(?:{alternatives(words('not_year_before'))}){OPT_SP}\Z",
        # A decree number before "Tahun 2022": "Nomor 3 Tahun ".
        "document": rf"(?<!\p{{L}})(?:{alternatives(words('document_words'))}){OPT_SP}"
        rf"[\p{{L}}\p{{N}}./\-]{{0,20}}\p{{N}}[\p{{L}}\p{{N}}./\-]{{0,20}}{SP}"
        rf"(?:{year_word}|{of}){SP}\Z",
        "month_cue": rf"(?<!\p{{L}})(?:{_any_case(words('month_cues'))})(?:{SP}|(?<=-))\Z",
        "quantity": rf"(?:\p{{N}}|(?<!\p{{L}}){quantity}){SP}\Z",
        "capitalised": rf"(?<![\p{{L}}\p{{M}}])\p{{Lu}}[\p{{L}}\p{{M}}\-]*{SP}\Z",
    }
    after = {
        # An amount word, maybe after the rest of a range: " orang", " hingga 2.500 orang".
        "amount": rf"(?:{connector}\p{{N}}[\p{{N}}.,]{{2,}})?{OPT_SP}"
        rf"(?:{alternatives(words('not_year_after'))})(?![\p{{L}}\p{{N}}])",
        "capitalised": rf"{SP}\p{{Lu}}",
        "close": rf"{OPT_SP}\)",
        "numeric_end": rf"(?P<y>{YEAR})(?![\p{{N}}\p{{L}}/]|[.,]\d|-\d{{1,2}}-)",
        "shift": rf"{SP}(?P<shift>{after_words})(?!\p{{L}})",
    }
    return Grammar(
        numeric_order=str(data.get("numeric_order", "DMY")),
        month_number=month_number,
        needs_context=frozenset(w.lower() for w in words("months_needing_context")),
        abbreviations=frozenset(abbreviations),
        weekday_number=weekday_number,
        ordinal=ordinal,
        quarter_words=frozenset(w.lower() for w in words("quarter_words")),
        unit_kind=units,
        shift={**shift_before, **shift_after, **ago, **later},
        relative_days=relative_days,
        range_joiners=frozenset(w.lower() for w in words("range_joiners")),
        range_words=frozenset(w.lower() for w in words("range_words")),
        month_scan=re.compile(rf"(?:{month_scan})(?![^\W\d_])"),
        anchors=anchors,
        rules=LazyPatterns(rules),
        combined=LazyPatterns(
            {
                kind: "|".join(f"(?P<R_{name}>{rules[name]})" for name in names)
                for kind, names in COMBINED.items()
            }
        ),
        relative_rules=LazyPatterns(relative_rules),
        relative_first_words={
            "relative_day": (*relative_days,),
            "relative_unit": (*shift_before, *(units if shift_after else ())),
            "relative_weekday": (*shift_before, *weekday_number),
            "relative_ago": (*words("quantity_words"), NUMBER_TOKEN),
            "relative_period": (*words("period_modifiers"),),
        },
        before=LazyPatterns({k: v if k == "digits" else f"(?r){v}" for k, v in before.items()}),
        before_tails={
            "amount": _tails(words("not_year_before")),
            "year_word": _tails(words("year_words")),
            "document": _tails([*words("year_words"), *words("of_words")]),
            "prefix": _tails(
                [
                    *words("period_modifiers"),
                    *words("of_words"),
                    *words("month_words"),
                    *words("year_words"),
                ]
            ),
            "modifier": _tails([*words("period_modifiers"), *words("of_words")]),
            "month_word": _tails(words("month_words")),
            "month_cue": _tails(words("month_cues")),
            "range_opener": _tails(words("range_openers")),
            "day_word": _tails(words("day_words")),
            "numeric_day_cue": _tails(words("numeric_day_cues")),
            # "Rabu", "Sabtu pagi", "Rabu,", "Rabu (", "kemarin (".
            "weekday": _tails([*weekday_number, *words("day_parts"), ",", "("]),
            "relative_paren": ("(",),
        },
        after=LazyPatterns(after),
    )
