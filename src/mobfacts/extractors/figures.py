"""Figures: percentages, money, counts and measures, with what they measure.

Each rule finds a number (digits or number words), then reads what follows it (a range,
a scale word, a unit, denominators) and what precedes it (a currency sign, a bound word).
Rules that say what a number is not (a year, a label, a time, a list item) drop it.
The subject and the direction of change are read afterwards (figures_subject.py).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from mobfacts import patterns
from mobfacts.extractors.figures_subject import Found, describe
from mobfacts.lang import Lexicon
from mobfacts.model import Figure, Kind
from mobfacts.numbers import NumberWords, as_number, read_number, read_words
from mobfacts.resolve import select_spans
from mobfacts.text import TextView, trie

_DIGITS = r"\p{Nd}+(?:[.,]\p{Nd}+)*"
_WORD_BREAK = patterns.compile(r"[\s\-]+")
_TIME_OF_DAY = patterns.compile(r"\p{Nd}{1,2}[.,]00")
_VERSION = patterns.compile(r"\p{Nd}{1,2}[.,]0")
_SLOGAN_AFTER = patterns.compile(r"\s+[\p{L}\p{M}]+\s+[-–]\s+\p{Nd}+\s+[\p{L}\p{M}]")
_SLOGAN_BEFORE = patterns.compile(r"\p{Nd}\s+[\p{L}\p{M}]+\s+[-–]\s+\Z")
_LAST_WORD = patterns.compile(r"(?<![\p{L}\p{M}])(\p{L}+)\s+\Z")
# What _lead reads after one space: ASCII letters no other letter goes on from, or one ASCII
# character that is neither a letter nor a space (re's \s is str.isspace). Spelled with the
# ASCII classes only: the same pattern with the complement up to U+10FFFF took 8 ms to
# compile, at every start.
_ASCII_NOT_LETTER = r"\x00-@\[-`{-\x7f"
_LEAD = re.compile(
    rf"\s?(?:([A-Za-z]+)(?=[{_ASCII_NOT_LETTER}]|\Z)|([\x00-\x08\x0e-\x1b!-@\[-`{{-\x7f]))"
)
_VERSION_ENDS = frozenset((".0", ",0"))  # what _VERSION's match must end with
_TIME_ENDS = frozenset((".00", ",00"))  # what _TIME_OF_DAY's match must end with
_SLOGAN_REACH = 64  # characters after a number looked at before _SLOGAN_AFTER is tried
_ONE = Decimal(1)
_PLAIN_DIGITS = 15  # plain digits up to this many are read as an int (exact as a float too)
_START = operator.itemgetter(0)  # a _Number's start
_WINDOW = 40  # characters looked at before a number for bounds, labels and names
_YEARS = (1900, 2100)
_LAST_DAY = 31
_LIST_ITEM_MAX = 10  # "Kemenko 1, 2, 3 dan 4": item numbers are small
_SENTENCE_CHARS = 300  # a figure's sentence is cut to this many characters either side
_NOUN_PER_WORDS = 3  # words between a figure and a per word that may name what it counts
_NOUN_PER_REACH = 48  # characters after a figure looked at for those words and the per word


def _alternatives(words: Iterable[str]) -> str:
    """A regex for any of the words (longest first), as a trie: fast to try at a position."""
    return trie(words, lower=False)


_EDGE_MARKS = "\"'“‘(["
_STRIPPED = ".:#"  # marks a label may be followed by ("No. 76", "No: 76", "Tel # 5")


@dataclass(frozen=True)
class _Phrases:
    """Words or phrases that may stand just before a number, found without a regex scan."""

    values: Mapping[str, str]
    longest: int
    sizes: Mapping[str, tuple[int, ...]]  # last word: its phrases' word counts (2+), longest first

    @classmethod
    def of(cls, phrases: Iterable[str] | Mapping[str, str]) -> _Phrases:
        table = dict(phrases) if isinstance(phrases, Mapping) else dict.fromkeys(phrases, "")
        values = {" ".join(str(k).lower().split()): str(v) for k, v in table.items()}
        longest = max((len(k.split()) for k in values), default=0)
        sizes: dict[str, set[int]] = {}
        for key in values:
            if len(words := key.split()) >= 2:
                sizes.setdefault(words[-1], set()).add(len(words))
        longest_first = {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}
        return cls(values, longest, longest_first)

    def before(self, text: str, start: int) -> tuple[int, str] | None:
        """(where it starts, its value) for the longest phrase ending just before start.

        The last word is looked up first (most numbers have no phrase before them) and says
        which phrase lengths to try: only those are joined and looked up.
        """
        if not self.longest or start < 2 or not text[start - 1].isspace():
            return None  # (one character before start: a space, no word)
        low = max(0, start - _WINDOW)
        chunk = text[low:start]
        parts = chunk.rsplit(None, 1)
        if not parts:
            return None
        word = parts[-1]
        last = word.lower()
        sizes = self.sizes.get(last, ())
        single = last.lstrip(_EDGE_MARKS)
        if not sizes and single not in self.values:
            return None
        cut = len(chunk) == _WINDOW and not chunk[0].isspace() and start > _WINDOW
        if sizes:
            words = chunk.split()[1:] if cut else chunk.split()  # the first word may be cut
            for size in sizes:
                if size <= len(words):
                    phrase_words = words[-size:]
                    first = phrase_words[0].lstrip(_EDGE_MARKS)
                    phrase = " ".join([first, *phrase_words[1:]]).lower()
                    if phrase in self.values:
                        offset = chunk.rfind(phrase_words[0]) + len(phrase_words[0]) - len(first)
                        return low + offset, self.values[phrase]
        if single not in self.values or (cut and len(parts) == 1):
            return None  # (a lone word at a cut window's start may be cut)
        offset = chunk.rfind(word) + len(word) - len(word.lstrip(_EDGE_MARKS))
        return low + offset, self.values[single]


# A number as written: (start, end, number_start, digits, words, pre), its digits (perhaps
# after a currency sign, pre) or its number words. A plain tuple: one is built for every
# number in the text, and a named tuple's __new__ costs ten times as much.
_Number = tuple[int, int, int, str | None, str | None, str | None]


def _numbers(text: str, lower: str, rules: _Rules) -> Iterator[_Number]:
    """Every number in the text, digits first then words (the caller sorts them)."""
    ends = rules.prefix_ends
    for match in rules.digits.finditer(text):
        begin, end = match.span()
        last = text[begin - 1] if begin else ""  # a prefix ends here, perhaps before a space
        if last in ends or (last.isspace() and text[max(0, begin - 2)] in ends):
            pre = rules.prefix.search(text, max(0, begin - 8), begin)
            if pre is not None:
                yield pre.start(), end, begin, text[begin:end], None, pre.group("pre")
                continue
        yield begin, end, begin, text[begin:end], None, None
    if len(lower) != len(text):  # a rare letter whose lowercase is longer: slow path
        for match in _pattern(rules.any_case_words, regex.IGNORECASE).finditer(text):
            yield match.start(), match.end(), match.start(), None, match.group(), None
        return
    articles = rules.number_words.one_articles
    resume = 0  # where the last match ended: finditer's next search starts there
    # Where a number word may start (one of the keys occurs), found with str.find at C speed:
    # the words pattern is matched at these few places, not searched for at every letter.
    for at in _occurrences(lower, rules.word_keys):
        if at < resume or (match := rules.lowercase_words.match(lower, at)) is None:
            continue
        begin, resume = at, match.end()
        if begin and (text[begin - 1].isalpha() or unicodedata.category(text[begin - 1]) == "Mn"):
            continue
        start = begin
        head = match.group().split()[0].split("-")[0]
        if head in rules.number_words.multipliers and head not in rules.number_words.values:
            article = _LAST_WORD.search(lower, max(0, begin - 6), begin)
            if not (article and article.group(1) in articles):
                continue  # "juta" after "36": the scale of a number already read
            start = begin - len(article.group())
        yield start, match.end(), begin, None, text[start : match.end()], None


def _occurrences(lower: str, keys: Iterable[str]) -> list[int]:
    """Where any of keys occurs in lower, in order (str.find, at C speed)."""
    found: list[int] = []
    for key in keys:
        at = lower.find(key)
        while at >= 0:
            found.append(at)
            at = lower.find(key, at + 1)
    found.sort()
    return found


def _word_keys(vocabulary: Iterable[str]) -> tuple[str, ...]:
    """What every number word starts with: first words, without those another one begins."""
    firsts = {word.lower().split()[0] for word in vocabulary if word.strip()}
    return tuple(sorted(k for k in firsts if not any(k.startswith(o) for o in firsts - {k})))


@functools.cache
def _pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern compiled on first use: rare paths should not cost start-up time."""
    return patterns.compile(source, flags)


def _units_not_words(units: Iterable[str]) -> list[str]:
    """Units a run of letters would not read whole ("m2", "dolar AS"): the rest need no list."""
    letters = patterns.compile(r"[\p{L}\p{M}]+")
    return [u for u in units if not letters.fullmatch(u)]


@dataclass(frozen=True)
class _Endings:
    """Words one of which a text must end with for a pattern anchored there to match.

    A cheap test run before the pattern: the pattern's window search costs microseconds
    and most numbers have no label, list or slogan before them. A word list it cannot
    test exactly (a word ending in a stripped mark, a case-blind non-ASCII word) passes all.
    """

    words: tuple[str, ...] | None  # for str.endswith; lowercase when not case
    longest: int
    case: bool

    @classmethod
    def of(cls, words: Iterable[str], *, case: bool) -> _Endings:
        words = [str(w) for w in words]
        exact = all(
            w and w[-1] not in _STRIPPED and w == "".join(w.split()) and (case or w.isascii())
            for w in words
        )
        table = tuple(sorted({w if case else w.lower() for w in words})) if exact else None
        return cls(table, max(map(len, words), default=0), case)

    def may_end(self, stripped: str) -> bool:
        """Whether the text (stripped of trailing spaces and marks) may end with a word."""
        if self.words is None:
            return True
        if self.case:
            return stripped.endswith(self.words)
        tail = stripped[-self.longest :] if self.longest else ""
        return not tail.isascii() or tail.lower().endswith(self.words)


def _leads(words: Iterable[str], marks: str = "") -> frozenset[str]:
    """What _lead may read where a match of any of the words (in any case) starts.

    A word's leading letters as the ASCII letters they match in lowercase ("dolar AS":
    "dolar"), or its first character when that is ASCII and no letter ("%"); and the marks.
    """
    keys = set(marks)
    for word in map(str, words):
        runs = {""}
        for char in word:
            forms = _ascii_forms(char)
            if not forms:
                break
            runs = {run + form for run in runs for form in forms}
        if runs != {""}:
            keys.update(runs)
        elif word[:1].isascii():
            keys.add(word[:1])
    return frozenset(keys)


def _ascii_forms(char: str) -> set[str]:
    """The lowercase ASCII letters a case-blind pattern's char matches ("K": "k", Kelvin: "k")."""
    variants = (char, char.lower(), char.upper(), char.casefold())
    return {v.lower() for v in variants if len(v) == 1 and v.isascii() and v.isalpha()}


@dataclass(frozen=True, slots=True)
class _After:
    """A pattern read just after a number, behind a test of the word it may start with.

    Most numbers are followed by a word none of the pattern's words is, and a set lookup
    costs a tenth of a failed regex match. After one space the next word's ASCII letters
    (or its first character, when no letter) are tested; a second space and any non-ASCII
    character pass (the pattern decides).
    """

    pattern: regex.Pattern[str]
    leads: frozenset[str]  # what _lead may read where a match starts (_leads)

    def match(self, text: str, end: int) -> regex.Match[str] | None:
        """The pattern's match at end, or None."""
        return self.at(text, end, _lead(text, end))

    def at(self, text: str, end: int, lead: str | None) -> regex.Match[str] | None:
        """The pattern's match at end, given _lead(text, end) (shared by several patterns)."""
        if lead is None or lead in self.leads:
            return self.pattern.match(text, end)
        return None


def _lead(text: str, end: int) -> str | None:
    """What _After tests after end and one space; None: test none.

    The run of ASCII letters there in lowercase, unless a non-ASCII character goes on with
    it; else the one ASCII character there.
    """
    lead = _LEAD.match(text, end)
    if lead is None:
        return None
    run = lead[1]
    return run.lower() if run else lead[2]


def _capital_after(text: str, end: int, lead: str | None, pattern: regex.Pattern[str]) -> bool:
    """Whether pattern (spaces, a capital) matches at end, tried when the letter may be one."""
    if lead is not None and not text[end + 1 : end + 2].isupper():
        return False
    return pattern.match(text, end) is not None


@dataclass(frozen=True)
class _Rules:
    """The compiled patterns and word tables of one language."""

    digits: regex.Pattern[str]
    prefix: regex.Pattern[str]
    prefix_ends: frozenset[str]  # the last character of every currency prefix
    lowercase_words: re.Pattern[str]
    word_keys: tuple[str, ...]  # what a match of lowercase_words starts with
    any_case_words: str  # compiled when a text needs it (_pattern)
    range_tail: _After
    tail_leads: frozenset[str]  # what a range, a scale or a unit may start with (_After.leads)
    scale: _After
    unit: _After
    per: _After
    noun_per: regex.Pattern[str]  # a few words, then a per word: "45 pelayaran per minggu"
    per_openers: tuple[str, ...]  # " per ", " a ": the per words noun_per may end at
    per_near: re.Pattern[str]  # any of them, in a text whose lowercase is longer
    function_words: frozenset[str]  # no word of what a figure counts ("from a year earlier")
    range_openers: _Phrases
    bound_after: _After
    bounds_after: Mapping[str, str]
    range_breakers: _Phrases
    label: regex.Pattern[str]
    label_ends: _Endings  # what the text before a label match must end with
    not_amount_before: _Phrases
    not_amount_after: _After  # "two-way", "dua arah": a compound, no amount
    period_before: _Phrases
    period_after: str  # compiled when a duration needs it (_pattern)
    name_before: regex.Pattern[str]
    capital_after: regex.Pattern[str]  # "11 Juni": a day (_capital_after)
    list_after: _After
    list_before: regex.Pattern[str]
    list_ends: _Endings
    time_after: _After
    number_words: NumberWords
    thousands_mark: str
    scales: Mapping[str, Decimal]
    units: Mapping[str, tuple[str, Kind]]
    bounds: _Phrases
    per_fused: Mapping[str, str]
    pair_words: frozenset[str]
    range_words: frozenset[str]
    change_words: frozenset[str]  # "rose", "naik": a figure after one is the size of a change
    change_links: frozenset[str]  # "by", "sebesar": between a change word and its figure
    lone_words: frozenset[str]
    durations: frozenset[str]


@functools.cache
def _rules(lexicon: Lexicon) -> _Rules:
    numbers, figures = lexicon.section("numbers"), lexicon.section("figures")
    number_words = NumberWords.of(numbers)
    word = rf"(?:{_alternatives(number_words.vocabulary)})(?![\p{{L}}\p{{M}}])"
    words = rf"(?<![\p{{L}}\p{{M}}]){word}(?:(?:\s+|-){word})*"
    fast_word = rf"(?:{trie(number_words.vocabulary)})(?![^\W\d_])"
    prefixes = _alternatives(figures.get("currency_prefixes", []))
    range_words = [*figures.get("range_words", []), *figures.get("range_pair_words", [])]
    range_tail = (
        rf"(?:\s?[-–]\s?|\s+(?i:(?P<sep>{_alternatives(range_words)}))\s+)"
        rf"(?:(?:{prefixes})\s?)?(?:(?P<digits>{_DIGITS})|(?i:(?P<words>{words})))"
    )
    scales = {str(k).lower(): Decimal(str(v)) for k, v in numbers.get("scales", {}).items()}
    units: dict[str, tuple[str, Kind]] = {}
    for surface, symbol in figures.get("units", {}).items():
        duration = symbol in figures.get("duration_units", [])
        units[surface.lower()] = (symbol, "measure" if duration or symbol else "measure")
    for surface, code in figures.get("currencies", {}).items():
        units[surface.lower()] = (code, "money")
    for surface in figures.get("percent_words", []):
        units[surface.lower()] = ("%", "percent")
    per_fused = {k.lower(): v for k, v in figures.get("per_fused", {}).items()}
    durations = [
        s for s, u in figures.get("units", {}).items() if u in figures.get("duration_units", [])
    ]
    per_words = _alternatives(figures.get("per_words", []))
    unit_words = _alternatives(
        [
            *_units_not_words([*figures.get("units", {}), *figures.get("currencies", {})]),
            *figures.get("per_phrases", []),
        ]
    )
    articles_before_units = _alternatives(figures.get("per_article_words", []))
    per = (
        rf"(?:\s?/\s?(?P<word>[\p{{L}}\p{{M}}][\p{{L}}\p{{M}}\p{{N}}]*)"
        rf"|\s+(?i:{per_words})\s+(?P<word>(?i:{unit_words})|[\p{{L}}\p{{M}}]+)"
        rf"|\s+(?i:{articles_before_units})\s+(?P<word>(?i:{_alternatives(durations)}))"
        rf"|\s+(?P<fused>(?i:{_alternatives(per_fused)})))(?![\p{{L}}\p{{M}}])"
    )
    per_openers = [*figures.get("per_words", []), *figures.get("per_article_words", [])]
    noun_per = (
        rf"(?:\s+[\p{{L}}\p{{M}}]+){{1,{_NOUN_PER_WORDS}}}?"
        rf"(?=\s+(?i:{_alternatives(per_openers)})\s)"
    )
    bound_after = (
        rf"\s+(?i:(?P<bound>{_alternatives(figures.get('bounds_after', {}))}))"
        r"(?![\p{L}\p{M}])"
    )
    bounds = {str(k).lower(): str(v) for k, v in figures.get("bounds", {}).items()}
    labels = _alternatives(figures.get("label_words", []))
    pair = _alternatives(figures.get("range_pair_words", []))
    range_after = _After(patterns.compile(range_tail), _leads(range_words, "-"))
    scale_after = _After(
        patterns.compile(rf"\s?(?i:(?P<scale>{_alternatives(scales)}))(?![\p{{L}}\p{{M}}])"),
        _leads(scales),
    )
    unit_after = _After(
        patterns.compile(
            rf"(?:\s|-)?(?i:(?P<unit>{_alternatives(units)}))(?![\p{{L}}\p{{N}}\p{{M}}])"
        ),
        _leads(units, "-"),
    )
    return _Rules(
        digits=patterns.compile(_DIGITS),
        prefix=patterns.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<pre>{prefixes})\s?\Z"),
        prefix_ends=frozenset(str(p)[-1:] for p in figures.get("currency_prefixes", []) if p),
        lowercase_words=re.compile(rf"{fast_word}(?:(?:\s+|-){fast_word})*"),
        word_keys=_word_keys(number_words.vocabulary),
        any_case_words=words,
        range_tail=range_after,
        tail_leads=range_after.leads | scale_after.leads | unit_after.leads,
        scale=scale_after,
        unit=unit_after,
        per=_After(
            patterns.compile(per),
            _leads(
                [
                    *figures.get("per_words", []),
                    *figures.get("per_article_words", []),
                    *per_fused,
                ],
                "/",
            ),
        ),
        noun_per=patterns.compile(noun_per),
        per_openers=tuple(f" {w.lower()} " for w in per_openers),
        per_near=re.compile(rf"\s(?:{trie(per_openers)})\s", re.IGNORECASE),
        function_words=frozenset(
            w.lower() for w in figures.get("subject", {}).get("function_words", [])
        ),
        range_openers=_Phrases.of(figures.get("range_openers", [])),
        bound_after=_After(patterns.compile(bound_after), _leads(figures.get("bounds_after", {}))),
        bounds_after={
            " ".join(k.lower().split()): v for k, v in figures.get("bounds_after", {}).items()
        },
        range_breakers=_Phrases.of(figures.get("range_breakers", [])),
        not_amount_before=_Phrases.of(figures.get("not_amount_before", [])),
        not_amount_after=_After(
            patterns.compile(
                rf"(?:-|[ \t]+)(?i:{_alternatives(figures.get('not_amount_after', [])) or '(?!)'})"
                r"(?![\p{L}\p{M}])"
            ),
            _leads(figures.get("not_amount_after", []), "-"),
        ),
        period_before=_Phrases.of(figures.get("period_words_before", [])),
        period_after=(
            rf"\s+(?i:{_alternatives(figures.get('period_words_after', []))})(?![\p{{L}}\p{{M}}])"
        ),
        label=patterns.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{labels})\.?\s*[:#]?\s*\Z"),
        label_ends=_Endings.of(figures.get("label_words", []), case=True),
        name_before=patterns.compile(
            r"(?P<before>\S?)\s*(?P<name>\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*)\s+\Z"
        ),
        capital_after=patterns.compile(r"\s+\p{Lu}"),
        list_after=_After(
            patterns.compile(
                rf"\s*(?:,\s*|\s(?i:{pair})\s+)\p{{Nd}}{{1,3}}(?![\p{{Nd}}\p{{L}}%]|[.,]\p{{Nd}})"
            ),
            _leads(figures.get("range_pair_words", []), ","),
        ),
        list_before=patterns.compile(
            rf"(?<![\p{{Nd}}.,])\p{{Nd}}{{1,3}}\s*(?:,\s*|\s(?i:{pair})\s+)\Z"
        ),
        list_ends=_Endings.of([",", *figures.get("range_pair_words", [])], case=False),
        time_after=_After(
            patterns.compile(
                rf"\s?(?:{_alternatives(figures.get('time_suffixes', []))})(?![\p{{L}}\p{{M}}])"
            ),
            _leads(figures.get("time_suffixes", [])),
        ),
        number_words=number_words,
        thousands_mark=numbers["thousands_mark"],
        scales=scales,
        units=units,
        bounds=_Phrases.of(bounds),
        per_fused=per_fused,
        pair_words=frozenset(w.lower() for w in figures.get("range_pair_words", [])),
        range_words=frozenset(w.lower() for w in figures.get("range_words", [])),
        change_words=frozenset(
            w.lower()
            for key in ("increase_words", "decrease_words")
            for w in figures.get("change", {}).get(key, [])
        ),
        change_links=frozenset(w.lower() for w in figures.get("change", {}).get("links", [])),
        lone_words=frozenset(w.lower() for w in numbers.get("lone_number_words_not_amounts", [])),
        durations=frozenset(figures.get("duration_units", [])),
    )


def _value(digits: str | None, words: str | None, rules: _Rules) -> Decimal | None:
    if digits:
        return read_number(digits, thousands_mark=rules.thousands_mark)
    return read_words(_WORD_BREAK.split(words or ""), rules.number_words)


def _read(view: TextView, number: _Number, rules: _Rules, openers: list[int]) -> Found | None:
    """A figure from a number: its tail (range, scale, unit, per) and its bound.

    openers: where a per word stands in the text (_per_openers), for _per_after_noun.
    """
    text = view.text
    start, end, number_start, digits, words, pre = number
    if digits:
        if not pre and _glued_before(text, number_start):
            return None
        if len(digits) == 4 and not pre and _bare_year(text, end, digits, rules):
            return None
        value: Decimal | int | None
        if len(digits) <= _PLAIN_DIGITS and digits.isascii() and digits.isdigit():
            value = int(digits)  # most numbers: no marks, read without a Decimal
        else:
            value = read_number(digits, thousands_mark=rules.thousands_mark)
    else:
        value = _value(None, words, rules)
    if value is None:
        return None
    value_max = None
    lead = _lead(text, end)  # tested by every pattern read at end
    tail = rules.range_tail.at(text, end, lead)
    if tail is not None:
        high = _value(tail.group("digits"), tail.group("words"), rules)
        separator = (tail.group("sep") or "").lower()
        opener = rules.range_openers.before(text, start) is not None
        breaker = rules.range_breakers.before(text, start) is not None
        paired = separator in rules.pair_words
        measured = bool(rules.unit.match(text, tail.end()) or rules.scale.match(text, tail.end()))
        hyphen = not separator
        joined = (opener or measured) if paired else (hyphen or (measured and not breaker))
        if high is not None and high > value and joined:
            value_max, end = high, tail.end()
            lead = _lead(text, end)
    scale = rules.scale.at(text, end, lead)
    factor = _ONE
    if scale is not None and digits:
        factor, end = rules.scales[scale.group("scale").lower()], scale.end()
        lead = _lead(text, end)
    unit_symbol, kind = None, "count"
    if pre:
        unit_symbol, kind = rules.units.get(pre.lower(), (None, "money"))
    else:
        unit = rules.unit.at(text, end, lead)
        if unit is not None:
            unit_symbol, kind = rules.units[" ".join(unit.group("unit").lower().split())]
            end = unit.end()
            lead = _lead(text, end)
    if end < len(text) and (text[end].isalnum() or text[end] in "/:_" and _glued_after(text, end)):
        return None
    if unit_symbol in rules.durations and (
        rules.period_before.before(text, start) is not None
        or _pattern(rules.period_after).match(text, end)
    ):
        return None  # "the first ten months", "10 bulan pertama": a period, a date
    bare = kind == "count" and factor == 1
    if bare and _not_an_amount(view, number, rules, start, end, lead, value, value_max):
        return None
    per: list[str] = []
    per_end = end
    while (denominator := rules.per.at(text, per_end, lead)) is not None:
        fused = denominator.group("fused")
        per.append(rules.per_fused[fused.lower()] if fused else denominator.group("word").lower())
        per_end = denominator.end()
        lead = _lead(text, per_end)
    if not per:
        per = _per_after_noun(text, per_end, rules, openers)
    bound_match = rules.bounds.before(text, start)
    bound = bound_match[1] if bound_match else "="
    bound_after = rules.bound_after.at(text, per_end, lead)
    if bound_after is not None and bound == "=":
        bound = rules.bounds_after[" ".join(bound_after.group("bound").lower().split())]
    rule = f"figures.{kind}" + ("_words" if words else "") + ("_range" if value_max else "")
    return Found(
        text[start:end],
        start,
        end,
        value if factor is _ONE and type(value) is int else as_number(value * factor),
        kind,  # type: ignore[arg-type]
        rule,
        unit_symbol,
        as_number(value_max * factor) if value_max is not None else None,
        tuple(per),
        bound,  # type: ignore[arg-type]
        bound_match[0] if bound_match else start,
        per_end,
        bool(words),
        bare,
    )


def _per_openers(text: str, lower: str, rules: _Rules) -> list[int]:
    """Where a per word (with a space either side) stands in the text, in order.

    Found once per text with str.find at C speed: a search after every figure cost more.
    """
    if len(lower) != len(text):  # a rare letter whose lowercase is longer
        return [match.start() for match in rules.per_near.finditer(text)]
    return _occurrences(lower, rules.per_openers)


def _per_after_noun(text: str, end: int, rules: _Rules, openers: list[int]) -> list[str]:
    """Denominators after the words the figure counts: "45 pelayaran per minggu",
    "20 million passengers a year" (the words stay the subject's, out of the figure's text).
    """
    near = bisect.bisect_left(openers, end)
    if near == len(openers) or openers[near] > end + _NOUN_PER_REACH:
        return []  # most figures: no per word near
    words = rules.noun_per.match(text, end)
    if words is None or not rules.function_words.isdisjoint(words.group().split()):
        return []  # "down 14 per cent from a year earlier": no noun between
    return _denominators(text, words.end(), rules)


def _denominators(text: str, at: int, rules: _Rules) -> list[str]:
    """The denominators read from at on: "per tahun", "/orang/tahun", "a year"."""
    per: list[str] = []
    while (denominator := rules.per.match(text, at)) is not None:
        fused = denominator.group("fused")
        per.append(rules.per_fused[fused.lower()] if fused else denominator.group("word").lower())
        at = denominator.end()
    return per


def _bare_year(text: str, end: int, digits: str, rules: _Rules) -> bool:
    """Four digits that are a year ("2025") no range, scale or unit can follow: dropped early.

    _not_an_amount would drop it as a bare count; a third of all numbers are such years.
    """
    if not digits.isascii() or not digits.isdigit():
        return False
    if not _YEARS[0] <= int(digits) <= _YEARS[1]:
        return False
    lead = _lead(text, end)
    return lead is not None and lead not in rules.tail_leads


def _sentence(view: TextView, start: int, end: int) -> str:
    """The figure's sentence, cut to a bounded window around it (a line may be megabytes)."""
    sentence = view.sentence_at(start)
    low = max(sentence.start, start - _SENTENCE_CHARS)
    return view.text[low : min(sentence.end, end + _SENTENCE_CHARS)]


def _glued_before(text: str, start: int) -> bool:
    """A number glued to a word or another number: "B50", "Covid-19", "ke-13", "+62", "4/9"."""
    if start == 0:
        return False
    before = text[start - 1]
    if before.isalnum() or before in "_+#@/:":
        return True
    if before in "-–.," and start >= 2:
        return text[start - 2].isalnum()
    return False


def _glued_after(text: str, end: int) -> bool:
    """A number that goes on as a date, a time, a code or a version: "4/9", "15:30", "1A"."""
    following = text[end : end + 2]
    if len(following) < 2:
        return False
    return following[0] in "/:" and following[1].isdigit() or following[0] == "_"


def _not_an_amount(
    view: TextView,
    number: _Number,
    rules: _Rules,
    start: int,
    end: int,
    lead: str | None,
    value: Decimal | int,
    value_max: Decimal | None,
) -> bool:
    """Bare numbers that are years, labels, names, times, days, list items or list markers.

    lead is _lead(text, end), shared by the patterns read after the number.
    """
    text = view.text
    _, _, _, number_digits, written_words, _ = number
    written, digits = written_words or "", number_digits or ""
    window = start - _WINDOW if start > _WINDOW else 0
    if digits.isdigit() and len(digits) == 4 and _YEARS[0] <= value <= _YEARS[1]:
        return True
    if value_max is not None and len(digits) >= 3 and digits.isdigit():
        return True  # "555-1234" is a phone number, "2021-2025" a period
    if digits[:1] == "0" and len(digits) >= 4:
        return True  # "0812..." is a phone number
    if written:
        words = _WORD_BREAK.split(written.lower())
        if len(words) == 1 and words[0] in rules.lone_words:
            return True
        if rules.not_amount_after.at(text, end, lead):
            return True  # "two-way trade", "perdagangan dua arah": a compound, not an amount
        if rules.not_amount_before.before(text, start) is not None:
            return True  # "the two sides", "salah satu": a reference, not an amount
    before = text[window:start].rstrip()  # Python strips every space regex does (and more)
    unmarked = before.rstrip(":#").rstrip().rstrip(".")
    if rules.label_ends.may_end(unmarked) and rules.label.search(text, window, start):
        return True
    if digits[-2:] in _VERSION_ENDS and _VERSION.fullmatch(digits):
        return True  # "Industri 4.0": a version, part of a name
    if (digits[-3:] in _TIME_ENDS and _TIME_OF_DAY.fullmatch(digits)) or rules.time_after.at(
        text, end, lead
    ):
        return True  # a time of day: "15.00", "10.30 WIB"
    name = _name_before(text, rules, window, start, before)
    if name is not None and name.group("before") not in ("", ";", ":", '"', "“", "(", "-", "–"):
        sentence = view.sentence_at(start)
        if name.start("name") > sentence.start:
            return True  # "Kemenko 1", "WP 2", "Industri 4.0": part of a name
    if value <= _LAST_DAY and _capital_after(text, end, lead, rules.capital_after):
        return True  # "11 Juni", "4 Mei": a day of a month
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True  # "Komentar (0)", "(1)": page furniture and list markers
    if value <= _LIST_ITEM_MAX and (
        rules.list_after.at(text, end, lead)
        or (rules.list_ends.may_end(before) and rules.list_before.search(text, window, start))
    ):
        return True  # "Kemenko 1, 2, 3 dan 4"
    if _slogan_after(text, end) or (
        before.endswith(("-", "–")) and _SLOGAN_BEFORE.search(text, window, start)
    ):
        return True  # "3 larangan - 3 anjuran - 3 kebutuhan": a slogan
    if text[end : end + 1] not in (".", ")"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t-•*")  # "1." or "2)" opening a line


def _name_before(
    text: str, rules: _Rules, window: int, start: int, before: str
) -> regex.Match[str] | None:
    """rules.name_before's match: a capitalised last word, searched from the word before it.

    The pattern's name is a run of non-space characters with an uppercase letter (Lu is
    str.isupper) right before the number's spaces; its match starts no earlier than the
    last character of the word before that one, so the window's search starts there.
    """
    if not text[start - 1 : start].isspace():
        return None
    last = before.rsplit(None, 1)
    if not last or last[-1].islower() or not any(map(str.isupper, last[-1])):
        return None
    low = window + len(last[0]) - 1 if len(last) == 2 else window
    return rules.name_before.search(text, low, start)


def _slogan_after(text: str, end: int) -> bool:
    """Whether _SLOGAN_AFTER matches at end, tried only when the word after next is a dash."""
    rest = text[end : end + _SLOGAN_REACH]
    if not rest[:1].isspace():
        return False
    words = rest.split(None, 2)
    if len(words) >= 2 and words[1][:1] not in ("-", "–"):
        return False  # the pattern's dash stands right after the first word and its spaces
    if len(words) < 2 and len(rest) < _SLOGAN_REACH:
        return False
    return _SLOGAN_AFTER.match(text, end) is not None


def _disjoint(found: list[Found]) -> list[Found]:
    """The figures that do not overlap (select_spans), skipped when none overlap (the rule)."""
    if all(a.end <= b.start for a, b in itertools.pairwise(found)):
        return found
    kept = {id(item) for item in select_spans(found)}
    return [item for item in found if id(item) in kept]


def _joined_ranges(text: str, found: list[Found], rules: _Rules) -> list[Found]:
    """Two figures of one unit joined by a range word, as one range: "Rp 500 ribu hingga Rp 2
    juta", "5% to 7%" (each end written in full, so the reader's range tail did not take them).
    """
    joined: list[Found] = []
    for item in found:
        if joined and _one_range(text, joined[-1], item, rules):
            low = joined.pop()
            rule = low.rule if low.rule.endswith("_range") else f"{low.rule}_range"
            joined.append(
                Found(
                    text[low.start : item.end],
                    low.start,
                    item.end,
                    low.value,
                    low.kind,
                    rule,
                    low.unit,
                    item.value,
                    item.per,
                    low.bound,
                    low.context_start,
                    item.context_end,
                    low.in_words,
                    low.bare,
                )
            )
        else:
            joined.append(item)
    return joined


def _one_range(text: str, low: Found, high: Found, rules: _Rules) -> bool:
    """Whether two neighbouring figures are the ends of one range.

    Same unit (not bare counts), rising, joined by a dash, a range word ("hingga", "to") or,
    after "antara"/"between", a pair word; "dari A hingga B" / "from A to B" is two levels
    unless a range opener stands before it ("berkisar dari", "ranging from").
    """
    if low.kind == "count" or (low.kind, low.unit) != (high.kind, high.unit) or low.per:
        return False
    if low.value_max is not None or high.value_max is not None:
        return False
    if low.value is None or high.value is None or not low.value < high.value:
        return False
    gap = text[low.end : high.start]
    word = gap.strip().lower()
    dash = word in ("-", "–")
    spaced = gap[:1].isspace() and gap[-1:].isspace()
    if not (dash or (spaced and (word in rules.range_words or word in rules.pair_words))):
        return False  # most neighbours: no range word between them
    before = text[max(0, low.start - 40) : low.start].lower().split()
    while before and before[-1] in rules.change_links:
        before.pop()
    if before and before[-1] in rules.change_words:
        return False  # "rose 0.3 points to 4.1%": a change, then a level
    if dash:
        return True
    opener = rules.range_openers.before(text, low.start) is not None
    if word in rules.pair_words:
        return opener
    return word in rules.range_words and (
        opener or rules.range_breakers.before(text, low.start) is None
    )


def _equivalents(text: str, found: list[Found], rules: _Rules) -> list[Found]:
    """A bracketed figure after a money figure is the same amount in another currency:
    "up to VNĐ40 million (US$1,520)" bounds both, and "VNĐ702.5 million (US$26,700) per
    sq.m" gives both the denominator read after the bracket.
    """
    result = list(found)
    for i in range(1, len(result)):
        high = result[i]
        if text[high.end : high.end + 1] != ")":
            continue  # most figures: no bracket closes right after them
        low = result[i - 1]
        if low.kind != "money" or high.kind != "money" or low.per or high.per:
            continue
        if text[low.end : high.start].strip() != "(":
            continue
        per = tuple(_denominators(text, high.end + 1, rules))
        bound = high.bound if high.bound != "=" else low.bound
        result[i - 1] = low.with_per(per, low.bound)
        result[i] = high.with_per(per, bound)
    return result


def _final(view: TextView, item: Found, fields: Mapping[str, Any]) -> Figure:
    """The figure, with its sentence, subject and change."""
    return Figure(  # positional: the keyword form costs more, for every figure
        item.text,
        item.start,
        item.end,
        item.value,
        item.kind,
        item.rule,
        _sentence(view, item.start, item.end),
        item.unit,
        item.value_max,
        fields.get("subject"),
        fields.get("change"),
        item.per,
        item.bound,
    )


def extract(view: TextView) -> tuple[Figure, ...]:
    """Every figure in the text, with its subject, change, denominators and bound."""
    rules = _rules(view.lexicon)
    lower = view.text.lower()
    numbers = sorted(_numbers(view.text, lower, rules), key=_START)
    openers = _per_openers(view.text, lower, rules)
    found = [
        item for number in numbers if (item := _read(view, number, rules, openers)) is not None
    ]
    chosen = _equivalents(view.text, _joined_ranges(view.text, _disjoint(found), rules), rules)
    described = describe(view, chosen)
    return tuple(
        _final(view, item, fields)
        for item, fields in zip(chosen, described, strict=True)
        if fields is not None
    )
