"""What a figure measures and whether it is a change: read from the words around it.

Words are sorted into coarse classes from the language data (function word, preposition,
verb, noun-ish word, punctuation); the subject is the nearest noun phrase that news
sentences put in subject position: "X (telah) naik sebesar N", "N <noun phrase>",
"N of X", "X (N)", or, when the figure's own clause has none, the phrase a figure before
it in the sentence measures, or the head of an earlier clause. Some phrases are never a
subject: a figure's own unit or currency, a speaker, a source ("Menurut X"), a place a
quantifier counts ("di beberapa stasiun"), a phrase inside a relative clause before a
linking verb; the agent of an action verb gives way to the source or purpose of the sum
("allocated N from X"). No subject is better than one of these.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from mobfacts import patterns
from mobfacts.lang import Lexicon
from mobfacts.model import Bound, Kind, Number
from mobfacts.text import Sentence, TextView

_BEFORE_CHARS = 300  # how far back a subject may be looked for
_AFTER_CHARS = 200
_MAX_SKIPPED = 8  # words between a subject and its figure ("telah menurun sebesar")
_MAX_PHRASE = 8  # words in a subject
_SHORT_PHRASE = 3  # a phrase this short that ends in a time noun is a time ("first nine months")
_ASIDE = 10  # tokens of a bracketed figure after a figure: "(about US$275 million)"
_BRACKETED = 4  # tokens of a bracketed abbreviation inside a phrase: "(APBN)", "(CPI)"
_CHANGE_REACH = 6  # words between a change word and its figure ("decline in number by")
_RELATIVE_REACH = (
    12  # words in a relative clause: "yang dikucurkan ke perusahaan rintisan di kota ini"
)
_OUT_OF_REACH = 3  # words between "of" and the whole: "43 of the country's 63 provinces"
_TAILS = 2  # prepositional tails a head may carry: "arrivals from Vietnam to Thailand"
_SHORT_TAIL = 3  # words in a tail that stays with its head: "Ekspor ke pasar ASEAN"
_MAX_EARLIER = 12  # earlier figures of a sentence looked at for a shared subject
_LONG_SENTENCE = 5000  # longer "sentences" (not prose) get no subject
_CHUNK = 2048  # how long sentences are tokenized: in chunks of this size
_CLAUSE_MARKS = frozenset(',;:()[]"“”‘’|–—-!?.…•*')
_SEGMENT_MARKS = frozenset(";:|–—-•*")
_BRACKETS = frozenset("()")


_TOKEN = patterns.compile(
    r"(?P<number>\p{Nd}+(?:[.,]\p{Nd}+)*)"
    r"|(?P<word>[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)"
    r"|\S",
)
# The same tokens in ASCII and Latin-script text, where stdlib re can spell every class
# exactly (\p{Nd} is 0-9, [\p{L}\p{M}] the letter ranges below, \s the six characters below:
# re's own \s would also take \x1c-\x1f); possessive, as nothing is ever given back. One
# group: split() returns [space, token, space, token, ..., space].
_ACCENTED = "À-ÖØ-öø-ɏḀ-ỿ"  # Latin-1, Extended-A/B and Additional letters (Vietnamese)
_LATIN = f"A-Za-z{_ACCENTED}"
_LATIN_TOKEN = re.compile(
    rf"([0-9]++(?:[.,][0-9]++)*+|[{_LATIN}]++(?:['’\-][{_LATIN}]++)*+|[^\t\n\v\f\r ])"
)


@functools.cache
def _not_latin() -> re.Pattern[str]:
    """A character _LATIN_TOKEN does not read as the regex path does (compiled on first use)."""
    return re.compile(rf"[^\x00-\x7f{_ACCENTED}“”‘’–—…•]")


class Token:
    """A word, a number or one punctuation character, with offsets and its lowercase form.

    A plain class with a written __init__: the compiled build (setup.py) makes it native,
    built and read in C, a third cheaper to tokenize with than a named tuple there (and as
    cheap interpreted). Equal when every field is, like the tuple it replaced.
    """

    __slots__ = ("text", "lower", "start", "end", "is_word", "is_number")

    def __init__(
        self, text: str, lower: str, start: int, end: int, is_word: bool, is_number: bool
    ) -> None:
        self.text = text
        self.lower = lower
        self.start = start
        self.end = end
        self.is_word = is_word
        self.is_number = is_number

    def _fields(self) -> tuple[str, str, int, int, bool, bool]:
        return (self.text, self.lower, self.start, self.end, self.is_word, self.is_number)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


_lower = operator.attrgetter("lower")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end] with offsets into the whole text (as mobfacts.text does)."""
    return _tokens_and_starts(text, start, end)[0]


def _tokens_and_starts(text: str, start: int, end: int) -> tuple[list[Token], list[int]]:
    """The tokens of text[start:end] and their start offsets (for bisect)."""
    chunk = text[start:end]
    if chunk.isascii() or not _not_latin().search(chunk):
        return _tokenize_latin(chunk, start)
    tokens = _tokenize_any(text, start, end)
    return tokens, [t.start for t in tokens]


def _tokenize_any(text: str, start: int, end: int) -> list[Token]:
    """The tokens of any text, match by match: the reference that _tokenize_ascii must equal."""
    return [
        Token(
            m.group(),
            m.group().lower(),
            m.start(),
            m.end(),
            m.lastgroup == "word",
            m.lastgroup == "number",
        )
        for m in _TOKEN.finditer(text, start, end)
    ]


def _tokenize_latin(chunk: str, offset: int) -> tuple[list[Token], list[int]]:
    """The tokens of a Latin-script chunk and their starts.

    Sentences around figures are ~130k tokens per MB, so this is describe()'s largest cost,
    and the regex scan was half of it. No token holds a space, and every letter of a
    Latin-script chunk is in _LATIN, so a space-separated piece of letters is one word, and
    one with a comma or full stop after its letters is a word and that mark ("besar,"): the
    regex scans only the other pieces ("(2025)", "1,5%"). A plain loop: compiled (setup.py),
    it costs a fifth less than the C-level maps of the whole chunk it replaced, and as much
    when interpreted.
    """
    tokens: list[Token] = []
    starts: list[int] = []
    at = offset
    for piece in chunk.split(" "):
        n = len(piece)
        if piece.isalpha():
            tokens.append(Token(piece, piece.lower(), at, at + n, True, False))
            starts.append(at)
        elif n > 1 and piece[-1] in ",.;:" and piece[:-1].isalpha():
            word, mark = piece[:-1], piece[-1]
            tokens.append(Token(word, word.lower(), at, at + n - 1, True, False))
            tokens.append(Token(mark, mark, at + n - 1, at + n, False, False))
            starts.append(at)
            starts.append(at + n - 1)
        elif piece:
            parts = _LATIN_TOKEN.split(piece)  # [space, token, space, token, ..., space]
            start = at + len(parts[0])
            for i in range(1, len(parts), 2):
                text = parts[i]
                end = start + len(text)
                first = text[0]
                tokens.append(
                    Token(text, text.lower(), start, end, first.isalpha(), first.isdigit())
                )
                starts.append(start)
                start = end + len(parts[i + 1])
        at += n + 1
    return tokens, starts


class Found:
    """A figure as first read, with the span of its context (bound word to denominators).

    It holds a Figure's fields (the Figure is built once, with its subject, by the caller).
    A plain class with a written __init__, built once per number read: the compiled build
    makes it native, where a named tuple's __new__ and a dataclass's __init__ stay Python.
    """

    __slots__ = (
        "text", "start", "end", "value", "kind", "rule", "unit", "value_max", "per", "bound",
        "context_start", "context_end", "in_words", "bare",
    )  # fmt: skip

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        value: Number | None,
        kind: Kind,
        rule: str,
        unit: str | None,
        value_max: Number | None,
        per: tuple[str, ...],
        bound: Bound,
        context_start: int,
        context_end: int,
        in_words: bool,
        bare: bool,
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.kind = kind
        self.rule = rule
        self.unit = unit
        self.value_max = value_max
        self.per = per
        self.bound = bound
        self.context_start = context_start
        self.context_end = context_end
        self.in_words = in_words
        self.bare = bare

    def with_per(self, per: tuple[str, ...], bound: Bound) -> Found:
        """The same figure with other denominators and bound."""
        return Found(
            self.text,
            self.start,
            self.end,
            self.value,
            self.kind,
            self.rule,
            self.unit,
            self.value_max,
            per,
            bound,
            self.context_start,
            self.context_end,
            self.in_words,
            self.bare,
        )


@dataclass(frozen=True)
class _Words:
    """The word classes of one language (lowercase)."""

    function: frozenset[str]
    prepositions: frozenset[str]
    inner: frozenset[str]
    joiners: frozenset[str]
    anaphors: frozenset[str]
    means: frozenset[str]
    purpose: frozenset[str]
    sources: frozenset[str]
    part_of: frozenset[str]
    money_of: frozenset[str]
    dimensions: frozenset[str]  # words before what a change is measured in ("in value")
    worth: frozenset[str]  # words after a sum before what it buys ("$5 million worth of rice")
    determiners: frozenset[str]
    articles: frozenset[str]  # articles before a noun in apposition ("15,820 accidents, a ...")
    out_of: tuple[tuple[str, ...], ...]
    time_nouns: frozenset[str]
    time_counters: frozenset[str]  # number words and ordinals that open a time phrase
    time_words: frozenset[str]  # time nouns and counters: the words of a time tail
    verbs: frozenset[str]
    not_verbs: frozenset[str]
    infinitive_markers: frozenset[str]
    participle_suffixes: tuple[str, ...]
    participle_prefixes: tuple[str, ...]
    participle_endings: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    verb_suffixes: tuple[str, ...]
    verb_min_length: int
    noun_prefixes: tuple[str, ...]  # a word with one of these is no suffix verb ("pendidikan")
    adverb_suffixes: tuple[str, ...]
    not_adverbs: frozenset[str]
    # exact case ("May" is a month, "may" a modal): the word after a verb opener is a verb,
    # the word after a comparative (in any case of its first letter) an adjective
    openers: frozenset[str]
    increase: frozenset[str]
    decrease: frozenset[str]
    changes: frozenset[str]  # increase and decrease words
    increase_nouns: frozenset[str]
    decrease_nouns: frozenset[str]
    change_nouns: frozenset[str]  # increase and decrease nouns
    level: frozenset[str]
    change_verbs: frozenset[str]
    percent_bases: frozenset[str]
    plans: frozenset[str]
    links: frozenset[str]
    clause_openers: frozenset[str]
    particles: frozenset[str]
    particle_verbs: frozenset[str]
    increase_after: frozenset[str]
    changes_after: frozenset[str]  # increase_after and decrease_after
    decrease_after: frozenset[str]
    units: tuple[tuple[str, ...], ...]
    unit_starts: frozenset[str]
    vague: frozenset[str]
    vague_starts: frozenset[str]  # the first words of vague (one word or more)
    classifiers: frozenset[str]
    amount_links: frozenset[str]
    complement_prepositions: frozenset[str]
    attribute_prepositions: frozenset[str]
    offices: frozenset[str]
    relatives: frozenset[str]
    relative_openers: frozenset[str]  # words that open a relative clause ("yang", "which")
    search_ends: frozenset[str]  # anaphors and verbs of saying (the phrase before is a speaker)
    attributions: frozenset[str]  # words before a source ("Menurut X", "according to X")
    attribute_verbs: frozenset[str]  # verbs that name what follows them ("berusia", "aged")
    possessive_suffixes: tuple[str, ...]
    measures: frozenset[str]  # words of units, currencies and scales: a figure's own words
    nouns: dict[str, bool] = field(default_factory=dict, compare=False, hash=False)
    verb_words: dict[str, bool] = field(default_factory=dict, compare=False, hash=False)

    def is_verb(self, word: str) -> bool:
        if word in self.verbs or word in self.change_verbs:
            return True
        if word in self.not_verbs or len(word) < self.verb_min_length or "-" in word:
            return False
        if word.startswith(self.verb_prefixes):
            return True
        return word.endswith(self.verb_suffixes) and not word.startswith(self.noun_prefixes)

    def is_adverb(self, word: str) -> bool:
        """A word with an adverb ending ("sharply", "slightly") that is not a listed noun."""
        return (
            word.endswith(self.adverb_suffixes)
            and len(word) >= self.verb_min_length
            and word not in self.not_adverbs
        )

    def is_noun(self, token: Token) -> bool:
        """A word that may be part of a noun phrase (not a function word or a verb)."""
        if token.is_word:
            known = self.nouns.get(token.lower)
            if known is None:
                word = token.lower
                known = self.nouns[word] = not (
                    word in self.function or self.is_verb(word) or self.is_adverb(word)
                )
            return known
        return False


@functools.cache
def _words(lexicon: Lexicon) -> _Words:
    figures = lexicon.section("figures")
    subject, change = figures.get("subject", {}), figures.get("change", {})

    def group(table: Any, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in table.get(key, []))

    counters = group(subject, "time_counters") | _number_words(lexicon)

    return _Words(
        function=group(subject, "function_words") | group(subject, "non_nouns"),
        prepositions=group(subject, "prepositions"),
        inner=group(subject, "inner_words"),
        joiners=group(subject, "joiners"),
        anaphors=group(subject, "anaphors"),
        means=group(subject, "means_words"),
        purpose=group(subject, "purpose_words"),
        sources=group(subject, "source_words"),
        part_of=group(subject, "part_of_words"),
        money_of=group(subject, "money_of_words"),
        dimensions=group(subject, "dimension_words"),
        worth=group(subject, "worth_words"),
        determiners=group(subject, "determiners"),
        articles=group(subject, "apposition_articles"),
        out_of=tuple(tuple(str(w).lower().split()) for w in subject.get("out_of_words", [])),
        time_nouns=group(subject, "time_nouns"),
        time_counters=counters,
        time_words=group(subject, "time_nouns") | counters,
        verbs=group(subject, "verbs"),
        not_verbs=group(subject, "not_verbs"),
        infinitive_markers=frozenset(str(w) for w in subject.get("infinitive_markers", [])),
        participle_suffixes=tuple(str(w) for w in subject.get("participle_suffixes", [])),
        participle_prefixes=tuple(str(w) for w in subject.get("participle_prefixes", [])),
        participle_endings=tuple(str(w) for w in subject.get("participle_endings", [])),
        verb_prefixes=tuple(str(p) for p in subject.get("verb_prefixes", [])),
        verb_suffixes=tuple(str(s) for s in subject.get("verb_suffixes", [])),
        verb_min_length=int(subject.get("verb_min_length", 99)),
        noun_prefixes=tuple(str(p) for p in subject.get("noun_prefixes", [])),
        adverb_suffixes=tuple(str(s) for s in subject.get("adverb_suffixes", [])),
        not_adverbs=group(subject, "not_adverbs"),
        openers=frozenset(str(w) for w in subject.get("verb_openers", []))
        | frozenset(
            form
            for w in subject.get("comparatives", [])
            for form in (str(w).lower(), str(w).capitalize(), str(w).upper())
        ),
        increase=group(change, "increase_words"),
        decrease=group(change, "decrease_words"),
        changes=group(change, "increase_words") | group(change, "decrease_words"),
        increase_nouns=group(change, "increase_nouns"),
        decrease_nouns=group(change, "decrease_nouns"),
        change_nouns=group(change, "increase_nouns") | group(change, "decrease_nouns"),
        level=group(change, "level_words"),
        percent_bases=group(subject, "percent_bases"),
        plans=group(subject, "plan_words"),
        links=group(change, "links"),
        clause_openers=group(subject, "clause_openers"),
        particles=group(change, "particles"),
        particle_verbs=group(change, "particle_verbs"),
        increase_after=group(change, "increase_after"),
        changes_after=group(change, "increase_after") | group(change, "decrease_after"),
        decrease_after=group(change, "decrease_after"),
        unit_starts=frozenset(str(w).lower().split()[0] for w in subject.get("unit_words", [])),
        units=tuple(
            sorted(
                (tuple(str(w).lower().split()) for w in subject.get("unit_words", [])),
                key=len,
                reverse=True,
            )
        ),
        vague=group(subject, "vague_heads") | group(subject, "lone_modifiers"),
        vague_starts=frozenset(
            str(w).lower().split(" ")[0]
            for w in [*subject.get("vague_heads", []), *subject.get("lone_modifiers", [])]
        ),
        classifiers=group(subject, "classifiers"),
        amount_links=group(subject, "amount_links"),
        complement_prepositions=group(subject, "complement_prepositions"),
        attribute_prepositions=group(subject, "attribute_prepositions"),
        relatives=group(subject, "relative_words"),
        relative_openers=group(subject, "relative_openers"),
        search_ends=group(subject, "anaphors") | group(subject, "speech_verbs"),
        attributions=group(subject, "attribution_words"),
        attribute_verbs=group(subject, "attribute_verbs"),
        possessive_suffixes=tuple(str(w).lower() for w in subject.get("possessive_suffixes", [])),
        offices=frozenset(w.lower() for w in lexicon.words("people", "office_words")),
        measures=_measure_words(lexicon)
        | frozenset(w for u in group(subject, "unit_words") for w in u.split()),
        change_verbs=(group(change, "increase_words") | group(change, "decrease_words"))
        - group(change, "increase_nouns")
        - group(change, "decrease_nouns"),
    )


def _measure_words(lexicon: Lexicon) -> frozenset[str]:
    """The words of the figure reader's units, currencies, percent and scale words ("JPY",
    "miliar", "cent"): next to a number they are its own, never what it measures."""
    figures = lexicon.section("figures")
    surfaces = [
        *figures.get("currencies", {}),
        *figures.get("currency_prefixes", []),
        *figures.get("units", {}),
        *figures.get("percent_words", []),
        *lexicon.section("numbers").get("scales", {}),
    ]
    return frozenset(w.lower() for s in surfaces for w in str(s).split())


def _number_words(lexicon: Lexicon) -> frozenset[str]:
    """The number words of a language ("nine", "sembilan"): they count time units too."""
    numbers = lexicon.section("numbers")
    words = [*numbers.get("number_words", {}), *numbers.get("number_multipliers", {})]
    return frozenset(str(w).lower() for w in words)


def _is_mark(token: Token, text: str) -> bool:
    """Punctuation that ends a clause; a hyphen only when spaced ("Triliun- Peningkatan")."""
    if token.text not in _CLAUSE_MARKS:  # words and numbers never are
        return False
    return token.text != "-" or text[token.end : token.end + 1].isspace()


def _phrase(text: str, tokens: Sequence[Token]) -> str | None:
    return text[tokens[0].start : tokens[-1].end] if tokens else None


class _Reader:
    """Reads subjects and changes for the figures of one text, in text order."""

    def __init__(self, view: TextView, found: Sequence[Found]) -> None:
        self.view = view
        self.text = view.text
        self.words = _words(view.lexicon)
        self.found = found
        self.starts = {item.start: i for i, item in enumerate(found)}
        self.ends = [item.context_end for item in found]
        self.subjects: list[str | None] = [None] * len(found)
        self.pending: dict[int, int] = {}
        self.apposed: dict[int, str] = {}  # a change noun in apposition: "a decrease of N"
        self.last_subject: str | None = None
        self.cached: tuple[int, int, list[int], list[Token]] = (-1, -1, [], [])

    def tokens(self, low: int, high: int) -> list[Token]:
        """The tokens inside [low, high), read once per sentence (or per chunk of a long one)."""
        begin, end, starts, tokens = self.cached
        if not begin <= low <= high <= end:
            sentence = self.view.sentence_at(low)
            begin, end = sentence.start, sentence.end
            if end - begin > _LONG_SENTENCE:
                begin = low - (low - sentence.start) % _CHUNK
                end = min(sentence.end, begin + 2 * _CHUNK)
            if not begin <= low <= high <= end:
                return tokenize(self.text, low, high)
            tokens, starts = _tokens_and_starts(self.text, begin, end)
            self.cached = (begin, end, starts, tokens)
        first = bisect.bisect_left(starts, low)
        last = bisect.bisect_left(starts, high)
        while last > first and tokens[last - 1].end > high:
            last -= 1
        inside = tokens[first:last]
        if first and tokens[first - 1].end > low:  # a token cut by the figure: "seven|-gun"
            return tokenize(self.text, low, min(high, tokens[first - 1].end)) + inside
        return inside

    def figure_at(self, token: Token, before: int) -> int | None:
        """The index of an earlier figure that a number token belongs to."""
        if not before or token.start >= self.ends[before - 1]:
            return None  # the common case: after every earlier figure
        for i in range(before - 1, -1, -1):
            figure = self.found[i]
            if figure.start <= token.start < figure.context_end:
                return i  # its number, or its unit or denominators: "0.3 per cent per year"
            if figure.context_end <= token.start:
                return None
        return None

    def past_figure_words(self, tokens: Sequence[Token], k: int, j: int, index: int) -> int:
        """Where a phrase after an earlier figure's number at k starts: past the figure's own
        words (scale, unit, currency, denominators: "5 miliar VND dan"), at most at j."""
        earlier = self.figure_at(tokens[k], index)
        if earlier is None:
            return k
        end = self.found[earlier].context_end
        while k < j and tokens[k + 1].start < end:
            k += 1
        return k

    def in_figure(self, token: Token, before: int) -> bool:
        """A token of an earlier figure written in digits: its number, unit or denominator."""
        i = self.figure_at(token, before)
        return i is not None and (token.is_number or not self.found[i].in_words)

    def counts(self, token: Token, before: int) -> bool:
        """A token of an earlier count ("8,2 juta"): the noun after it is what it counts."""
        i = self.figure_at(token, before)
        return i is not None and self.found[i].kind == "count"

    def forward_phrase(self, tokens: Sequence[Token]) -> list[Token]:
        """The noun phrase that starts the tokens ("anggota Partai", "gun salute")."""
        words, starts, nouns = self.words, self.starts, self.words.nouns
        i, n = 0, len(tokens)
        if n > 1 and tokens[0].text in "-(" and tokens[0].end == tokens[1].start:
            i = 1  # "seven-gun salute", "5 juta ton (ekspor)"
        if i < n and tokens[i].lower in words.unit_starts:
            i += self.unit_length(tokens, i)  # the figure's own unit: "22,4 juta kiloliter"
        phrase: list[Token] = []
        while i < n and len(phrase) < _MAX_PHRASE:
            token = tokens[i]
            word = token.lower
            if token.start in starts:
                break
            # words.is_noun(token), its cached answer looked up inline (the hottest loop)
            noun = nouns.get(word) if token.is_word else False
            if noun is None:
                noun = words.is_noun(token)
            if noun or (phrase and token.is_number):
                phrase.append(token)
            elif phrase and word in words.inner and i + 1 < n and words.is_noun(tokens[i + 1]):
                phrase.append(token)
            else:
                break
            i += 1
        while phrase and phrase[-1].lower in words.inner:
            phrase.pop()  # cut by the length limit: "perkiraan anggaran dan"
        return phrase

    def forward_subject(self, tokens: Sequence[Token]) -> list[Token]:
        """The noun phrase that starts the tokens, without a time tail ("ekspor tahun lalu")."""
        return self.without_time_tail(self.forward_phrase(tokens))

    def without_time_tail(self, phrase: list[Token]) -> list[Token]:
        """The phrase before a time tail ("ekspor tahun 2025" -> "ekspor"), or all of it."""
        words = self.words
        last = phrase[-1] if len(phrase) > 1 else None
        if last is None or (
            last.is_word and last.lower not in words.time_words and "-" not in last.lower
        ):
            return phrase  # the common case: no tail at all
        cut = len(phrase)
        while cut > 1 and self.in_time_tail(phrase[cut - 1]):
            cut -= 1
        if not any(self.is_time_word(t.lower) for t in phrase[cut:]):
            return phrase  # no time noun in the tail: "ekspor 2025", "Industri 4.0"
        kept = phrase[:cut]
        while len(kept) > 1 and kept[-1].lower in words.inner:
            kept.pop()  # "pendapatan per tahun" -> "pendapatan"
        if kept[-1].lower in words.inner or all(t.lower in words.time_counters for t in kept):
            return phrase  # nothing but the time phrase: "previous years"
        return kept

    def in_time_tail(self, token: Token) -> bool:
        """A token that may follow a time noun in a time phrase: "tahun 2025", "kuartal I/2024"."""
        if token.is_number or (not token.is_word and token.text in "/-"):
            return True
        return self.is_time_word(token.lower) or token.lower in self.words.time_counters

    def unit_length(self, tokens: Sequence[Token], i: int) -> int:
        """How many tokens from i spell a unit the figure reader left out ("poin persen")."""
        if i >= len(tokens) or tokens[i].lower not in self.words.unit_starts:
            return 0
        for unit in self.words.units:
            n = len(unit)
            if tuple(t.lower for t in tokens[i : i + n]) == unit:
                return n
        return 0

    def only_time(self, phrase: Sequence[Token]) -> bool:
        """A date or a period ("tahun 2026", "first nine months of 2025"): never a subject."""
        words, first, last = self.words, phrase[0], phrase[-1]
        time = words.time_nouns
        head = first.lower if first.is_word else next((t.lower for t in phrase if t.is_word), "")
        if head in time:
            return True  # "bulan pertama tahun ini", "tahun 2026", "9 bulan pertama"
        counted = first.is_number or head in words.time_counters or "-" in head
        if counted and self.counted_time(phrase):
            return True  # "first nine months of 2025", "sembilan bulan pertama tahun 2025"
        if last.is_word and len(phrase) <= _SHORT_PHRASE and last.lower in time:
            return True  # "akhir tahun"
        if head in words.time_counters and all(t.lower in words.time_counters for t in phrase):
            return True  # an ordinal alone: "pertama"
        if head and "-" not in head:
            return False  # its head is no time word, so not every word is one
        return all(t.is_number or all(w in time for w in t.lower.split("-")) for t in phrase)

    def counted_time(self, phrase: Sequence[Token]) -> bool:
        """A time noun after numbers or counters, with only a time tail after it."""
        words = self.words
        i = 0
        while i < len(phrase) and (phrase[i].is_number or phrase[i].lower in words.time_counters):
            i += 1
        if i == len(phrase) or not self.is_time_word(phrase[i].lower):
            return False
        return all(self.in_time_tail(t) or t.lower in words.inner for t in phrase[i + 1 :])

    def is_time_word(self, word: str) -> bool:
        """A time noun, alone or counted in one hyphenated word ("months", "nine-month")."""
        words = self.words
        if word in words.time_nouns:
            return True
        if "-" not in word:
            return False
        parts = word.split("-")
        return parts[-1] in words.time_nouns and all(
            p in words.time_nouns or p in words.time_counters for p in parts
        )

    def is_base(self, phrase: Sequence[Token], *, plans: bool = False) -> bool:
        """A phrase naming what a percentage is taken of ("2,7% PDB"), not what it measures;
        with plans, also a plan or a target a share is progress towards ("47,3% dari rencana")."""
        named = " ".join(t.lower for t in phrase)
        return named in self.words.percent_bases or (plans and named in self.words.plans)

    def not_subject(self, phrase: Sequence[Token]) -> bool:
        """A vague quantity ("kisaran", "lion's share"), a unit, or an office ("Ketua ...")."""
        words, first = self.words, phrase[0]
        if len(phrase) == 1:
            return not first.is_word or first.lower in words.vague
        if first.text[0].isupper() and phrase[1].text[0].isupper():
            if first.lower in words.offices:
                return True  # a title with its office or name: "Ketua MN", "Deputi Bidang"
        head = first.lower if first.is_word else next((t.lower for t in phrase if t.is_word), "")
        if head not in words.vague_starts:
            return not head  # the common case: a phrase that opens with a naming word
        named = [t.lower for t in phrase if t.is_word]
        return words.vague.issuperset(named) or " ".join(named) in words.vague

    def is_measure(self, phrase: Sequence[Token]) -> bool:
        """A phrase of unit, currency or scale words only ("JPY", "miliar VND", "TEUs")."""
        return all(t.lower in self.words.measures for t in phrase)

    def usable(self, phrase: Sequence[Token]) -> bool:
        return (
            bool(phrase)
            and not self.only_time(phrase)
            and not (len(phrase) == 1 and phrase[0].lower in self.words.anaphors)
            and not self.not_subject(phrase)
        )

    def backward(
        self, tokens: Sequence[Token], index: int, *, past_adjuncts: bool = False
    ) -> tuple[str, Any]:
        """The subject before a figure: ("np", tokens), ("figure", i), or why there is none."""
        words, nouns, verbs = self.words, self.words.nouns, self.words.verb_words
        j = last = len(tokens) - 1
        if j >= 0 and tokens[j].text == "(":
            j -= 1  # an apposition: "Uni Eropa (11,2%)"
        skipped = 0
        acted: bool | None = None  # whether the verb before the figure acts on it
        adjunct: list[Token] | None = None
        last_end = self.ends[index - 1] if index else -1  # no earlier figure ends past it
        while j >= 0:
            token = tokens[j]
            word = token.lower
            earlier = self.figure_at(token, index) if token.start < last_end else None
            if earlier is not None:
                figure = self.found[earlier]
                if figure.unit not in self.durations:
                    return ("adjunct", adjunct) if adjunct else ("figure", earlier)
                j = self.skip_figure(tokens, j, figure)
                continue
            opening = self.bracket_start(tokens, j) if token.text == ")" else None
            if opening is None and token.text in _CLAUSE_MARKS and _is_mark(token, self.text):
                return ("adjunct", adjunct) if adjunct else ("clause", j)
            if opening is None and not token.is_word and not token.is_number:
                j -= 1
                continue
            noun = nouns.get(word) if token.is_word else False  # words.is_noun, inline
            if noun is None:
                noun = words.is_noun(token)
            if token.is_word and (
                not noun
                or (j and tokens[j - 1].text in words.openers)  # "will provide", "lebih tinggi"
                or (j == last and self.verb_before_figure(tokens, j))
            ):
                if word in words.search_ends:
                    if word in words.anaphors:
                        return "anaphor", None
                    return "speech", None  # the phrase before it is the speaker
                if acted is None:  # the verb nearest the figure: does it act on it?
                    verb = verbs.get(word)
                    if verb is None:
                        verb = verbs[word] = words.is_verb(word)
                    if verb:
                        acted = self.is_action(tokens, j)
                j -= 1
                skipped += 1
                if skipped > _MAX_SKIPPED:
                    return "none", None
                continue
            k = j
            while k >= 0 and j - k < _MAX_PHRASE:
                here = tokens[k]
                opening = self.bracket_start(tokens, k) if here.text == ")" else None
                if opening is not None and opening > 0 and words.is_noun(tokens[opening - 1]):
                    k = opening - 1  # "defisit APBN (Anggaran ...)", "harga eceran tertinggi (HET)"
                    continue
                noun = nouns.get(here.lower) if here.is_word else False  # words.is_noun, inline
                if noun is None:
                    noun = words.is_noun(here)
                if (
                    noun
                    or (here.is_number and self.figure_at(here, index) is None)
                    or (
                        (
                            here.lower.startswith(words.participle_prefixes)
                            or here.lower.endswith(words.participle_endings)
                        )
                        and self.is_participle(tokens, k)
                    )
                ):
                    k -= 1
                elif here.text in "-/" and k < j and not _is_mark(here, self.text):
                    k -= 1
                elif here.lower in words.inner and (
                    (k > 0 and words.is_noun(tokens[k - 1]))
                    or (k < j and words.is_noun(tokens[k + 1]))
                ):
                    k -= 1  # "PDB per kapita", "di seluruh provinsi"
                else:
                    break
            if k >= 0 and tokens[k].is_number and tokens[k].start < last_end:
                k = self.past_figure_words(tokens, k, j, index)  # "5 miliar VND dan"
            phrase = list(tokens[k + 1 : j + 1])
            if k >= 0 and tokens[k].is_number:  # a unit the reader left out: "4.000 m dan lebar"
                del phrase[: self.unit_length(phrase, 0)]
                if phrase and phrase[0].text == "/":
                    del phrase[:2]  # and its denominator: "4 g/l"
            while phrase and phrase[0].lower in words.inner:
                phrase.pop(0)
            while phrase and phrase[-1].lower in words.joiners:
                phrase.pop()  # "... anggaran dan naik 16,3%": the joiner opens a new predicate
            phrase = self.without_time_tail(phrase)
            if (
                not phrase
                or self.only_time(phrase)
                or self.not_subject(phrase)
                or ((j == last or tokens[j + 1].is_number) and self.is_measure(phrase))
            ):  # the figure's own currency: "JPY 41.4 billion"
                j = min(k, j - 1)  # always step back: a bracket at the start stops k at j
                continue
            if len(phrase) == 1 and phrase[0].lower in words.anaphors:
                return "anaphor", None
            if acted is False and k > 0:  # a linking verb: "X yang dibiayai asuransi tercatat N"
                clause = tokens[max(0, k - _RELATIVE_REACH) : k + 1]
                if not words.relative_openers.isdisjoint(map(_lower, clause)):
                    owner = self.relative_owner(tokens, k, index)
                    if owner is not None:
                        return "np", owner
            before = tokens[k].lower if k >= 0 else ""
            if before in words.relatives and len(phrase) == 1 and self.possessive(phrase[0]):
                j = k - 1  # "modal investasi, yang nilainya lebih dari N": the owner
                while j >= 0 and tokens[j].text == ",":
                    j -= 1
                continue
            if before in words.means:
                return "means", None
            listed = self.list_start(tokens, k, phrase) if phrase[0].text[0].isupper() else None
            if listed is not None:  # "di Rumah Sakit Bach Mai, Rumah Sakit K dan ..."
                k, before = listed, tokens[listed].lower
            counted = False
            if (
                k >= 0
                and tokens[k + 1] is phrase[0]
                and (tokens[k].is_number or before in words.determiners)
            ):  # not past a joiner: "South Korea with 10,800 and China with 3,100"
                placed = self.past_quantity(tokens, k, index)
                counted = placed != k and tokens[placed].lower in words.prepositions
                if counted:
                    k, before = placed, tokens[placed].lower  # "di 16 kawasan industri"
            if before in words.prepositions:
                head = self.head_before(tokens, k - 1, index)
                if head is None and not past_adjuncts:
                    return "adjunct", phrase
                if head is None:
                    if adjunct is None:
                        adjunct = phrase
                    j = k
                    continue  # look further back: "pertumbuhan ... berada dalam kisaran 4,7%"
                if counted:  # a counted place only says where: "in some mountainous areas"
                    return "np", list(tokens[head[0] : head[1] + 1])
                return "np", self.with_tail(tokens, head, before, phrase)
            return ("agent" if acted else "np"), phrase
        if adjunct is not None:
            return "adjunct", adjunct
        return "clause", -1

    def list_start(self, tokens: Sequence[Token], k: int, phrase: Sequence[Token]) -> int | None:
        """Where the lowercase preposition before a list of names ending in a phrase after k
        stands ("di Rumah Sakit A, Rumah Sakit B dan C"): the names only say where; None if
        they are no list."""
        words, commas = self.words, 0
        joined = not words.joiners.isdisjoint(map(_lower, phrase))
        for r in range(k, max(-1, k - 3 * _MAX_PHRASE), -1):
            token = tokens[r]
            if token.text == ",":
                commas += 1
            elif token.lower in words.joiners:
                joined = True
            elif token.is_word and token.text.islower():
                found = token.lower in words.prepositions and commas and joined
                return r if found and r < k else None
            elif not (token.is_word or token.is_number) or r == 0:
                return None
        return None

    def relative_owner(self, tokens: Sequence[Token], k: int, index: int) -> list[Token] | None:
        """The phrase a relative clause ending at k belongs to: the subject of the linking verb
        after the clause ("Jumlah kunjungan berobat" in "Jumlah kunjungan berobat yang dibiayai
        asuransi tercatat N", "Total modal ventura yang dikucurkan ke ... mencapai N")."""
        words = self.words
        for r in range(k, max(0, k - _RELATIVE_REACH), -1):
            token = tokens[r]
            if token.is_number or token.lower in words.joiners:
                return None  # the clause ended before the phrase: "yang lambat serta harga"
            if token.text in _CLAUSE_MARKS and _is_mark(token, self.text):
                return None
            if token.lower in words.relative_openers:
                verb = next((t for t in tokens[r + 1 : k + 1] if not words.is_noun(t)), None)
                if verb is None or not verb.is_word or not words.is_verb(verb.lower):
                    return None  # no verb opens the clause: "lembaga yang tingkat ..."
                how, found = self.backward(tokens[:r], index)
                return found if how in ("np", "agent") else None
        return None

    def past_quantity(self, tokens: Sequence[Token], k: int, index: int) -> int:
        """Where the words counting a phrase that ends before k + 1 start: determiners and
        quantifiers ("beberapa stasiun", "some areas") and an earlier figure ("16 kawasan
        industri"); k itself when there are none."""
        words = self.words
        while k >= 0:
            token = tokens[k]
            earlier = self.figure_at(token, index) if token.is_number else None
            if earlier is not None:
                k = self.skip_figure(tokens, k, self.found[earlier])
            elif token.lower in words.determiners:
                k -= 1
            else:
                break
        return k

    def is_action(self, tokens: Sequence[Token], j: int) -> bool | None:
        """Whether the verb at j does something to the figure ("allocated", "mengalokasikan"),
        not link a subject to its amount ("reached", "mencapai") or change it ("rose"); None
        before an infinitive ("expected to exceed", "set to top"): the verb after it says."""
        words, word = self.words, tokens[j].lower
        if j + 1 < len(tokens) and tokens[j + 1].text in words.infinitive_markers:
            return None
        if j + 1 < len(tokens) and f"{word} {tokens[j + 1].lower}" in words.amount_links:
            return False  # "terdiri atas", "consists of"
        return not (word in words.amount_links or word in words.changes or word in words.level)

    def lone_participle(self, after: Sequence[Token], index: int) -> bool:
        """One participle first after a figure, before a preposition or a time noun: a verb
        ("60 percent coming from", "20 per cent depending on") or a time's modifier ("30
        working days"), not what the figure measures ("ceiling set by" is a noun; a duration
        measures the activity: "three years working at a factory")."""
        words, word = self.words, after[0].lower
        if not word.endswith(words.participle_suffixes) or len(word) < words.verb_min_length:
            return False
        following = after[1].lower if len(after) > 1 else ""
        if following not in words.prepositions and following not in words.time_nouns:
            return False
        return word not in words.not_verbs and self.found[index].unit not in self.durations

    def verb_before_figure(self, tokens: Sequence[Token], j: int) -> bool:
        """A word right before the figure that its place makes a verb: after "to" ("aims to
        mobilise VND500 trillion") or with a participle ending ("drawing $16.3 billion")."""
        words = self.words
        if j and tokens[j - 1].text in words.infinitive_markers:
            return True
        word = tokens[j].lower
        return (
            word.endswith(words.participle_suffixes)
            and len(word) >= words.verb_min_length
            and word not in words.not_verbs
        )

    def is_participle(self, tokens: Sequence[Token], k: int) -> bool:
        """A participle closing a noun phrase before a preposition ("modal terdaftar di
        Provinsi X", "FDI disbursed in Việt Nam"); between two nouns it is more often a verb
        ("Pemerintah terbitkan SBN")."""
        words, word = self.words, tokens[k].lower
        if not tokens[k].is_word or not (
            word.startswith(words.participle_prefixes) or word.endswith(words.participle_endings)
        ):
            return False
        if not 0 < k < len(tokens) - 1 or word in words.not_verbs:
            return False
        if not (words.is_noun(tokens[k - 1]) or self.bracket_start(tokens, k - 1)):
            return False
        return tokens[k + 1].lower in words.prepositions

    def possessive(self, token: Token) -> bool:
        """A noun that owns through a suffix and so points back ("nilainya" = its value)."""
        word = token.lower
        return any(
            word.endswith(s) and len(word) > len(s) + 2 for s in self.words.possessive_suffixes
        )

    def bracket_start(self, tokens: Sequence[Token], j: int) -> int | None:
        """Where a bracketed abbreviation ending at tokens[j] (")") opens, if it is one."""
        if tokens[j].text != ")":
            return None
        for i in range(j - 1, max(-1, j - _BRACKETED - 1), -1):
            if tokens[i].text == "(":
                return i if i < j - 1 else None
            if not (tokens[i].is_word or tokens[i].is_number):
                return None
        return None

    def head_before(self, tokens: Sequence[Token], k: int, index: int) -> tuple[int, int] | None:
        """Where the noun phrase before a preposition at k + 1 starts and ends.

        "exports" in "exports to Thailand", "harga pembelian Bulog" in "harga pembelian Bulog
        di dalam negeri", "arrivals" in "arrivals from Vietnam to Thailand" (two tails).
        """
        words = self.words
        for _ in range(_TAILS):
            if k >= 0 and tokens[k].lower in words.prepositions:
                k -= 1  # a two-word preposition: "di dalam negeri"
            end = k
            while k >= 0 and end - k < _MAX_PHRASE:
                if self.figure_at(tokens[k], index) is not None:
                    break
                opening = self.bracket_start(tokens, k) if tokens[k].text == ")" else None
                if opening and words.is_noun(tokens[opening - 1]):
                    k = opening - 1  # "Foreign direct investment (FDI) disbursed in ..."
                    continue
                if not (
                    words.is_noun(tokens[k])
                    or (tokens[k].is_number and k and words.is_noun(tokens[k - 1]))
                    or self.is_participle(tokens, k)
                    or (
                        tokens[k].lower in words.inner
                        and tokens[k].lower not in words.joiners  # "dan" may join clauses
                        and k
                        and words.is_noun(tokens[k - 1])
                    )
                ):  # "ekspor batu bara kita ke Vietnam"
                    break
                k -= 1
            if k >= 0 and tokens[k].text in words.openers:
                k += 1  # "lebih tinggi daripada X": an adjective, no head
            head = tokens[k + 1 : end + 1]
            if head and k >= 0 and head[0].lower in words.unit_starts:
                if self.figure_at(tokens[k], index) is not None:  # "500 km persegi dengan ..."
                    head = head[self.unit_length(head, 0) :]
            if not head or self.only_time(head) or head[-1].lower in words.anaphors:
                return None
            if k >= 0 and (tokens[k].is_number or self.counts(tokens[k], index)):
                return None  # "Rp 48,8 triliun bagi ...", "8,2 juta kunjungan dengan ...": no head
            if k < 0 or tokens[k].lower not in words.prepositions:
                return k + 1, end
            k -= 1  # the head is itself a tail: look for the one it belongs to
        return None

    def with_tail(
        self, tokens: Sequence[Token], head: tuple[int, int], preposition: str, tail: list[Token]
    ) -> list[Token]:
        """The head with a short tail when the tail completes it ("exports to Thailand") or
        the head is one word and says little alone ("Investasi dari Korea"; not before an
        attribute: "Lahan dengan luas 20 hektar"); else the head alone: a place or a source
        after a longer head only says where the measured thing is ("harga pembelian Bulog di
        dalam negeri"); after a vague head ("bagian dari ...") the tail says what it is."""
        words, (start, end) = self.words, head
        if tokens[end].lower in words.vague:
            return tail  # "bagian dari kerangka anggaran", "share in total exports"
        last = tail[-1].start
        whole = [t for t in tokens[start:] if t.start <= last]
        completes = preposition in words.complement_prepositions or (
            start == end and preposition not in words.attribute_prepositions
        )
        if completes and len(tail) <= _SHORT_TAIL and len(whole) <= _MAX_PHRASE:
            return whole
        return list(tokens[start : end + 1])

    def skip_figure(self, tokens: Sequence[Token], j: int, figure: Found) -> int:
        while j >= 0 and tokens[j].start >= figure.start:
            j -= 1
        return j

    @functools.cached_property
    def durations(self) -> frozenset[str]:
        units = self.view.lexicon.section("figures").get("duration_units", [])
        return frozenset(str(u) for u in units)

    def clause_heads(
        self, tokens: Sequence[Token], *, own_clause: bool = False
    ) -> tuple[list[Token] | None, list[Token] | None]:
        """The nearest earlier clause head followed by a verb, and the segment's first phrase."""
        words, text = self.words, self.text
        head: list[Token] | None = None
        segment: int | None = None
        for j in range(len(tokens) - 1, -2, -1):  # clause starts, nearest first
            mark = j >= 0 and tokens[j].text in _CLAUSE_MARKS and _is_mark(tokens[j], text)
            if j >= 0 and not mark and tokens[j].lower not in words.clause_openers:
                continue
            if head is None:
                head = self.head_at(tokens, j + 1)
                if own_clause:
                    return head, None
            if segment is None and (j < 0 or (mark and tokens[j].text in _SEGMENT_MARKS)):
                segment = j + 1
            if head is not None and segment is not None:
                break
        i = start = segment or 0
        while i < len(tokens) and (_is_mark(tokens[i], text) or not words.is_noun(tokens[i])):
            i += 1
        if not words.attributions.isdisjoint(map(_lower, tokens[start:i])):
            return head, None  # "Menurut Ratna, ...", "According to the ministry": a source
        first = self.forward_subject(tokens[i:])
        return head, (first if self.usable(first) else None)

    def head_at(self, tokens: Sequence[Token], start: int) -> list[Token] | None:
        """The phrase opening a clause at start, when a verb or an auxiliary follows it."""
        i = start
        while i < len(tokens) and tokens[i].is_word and not self.words.is_noun(tokens[i]):
            i += 1
        phrase = self.forward_phrase(tokens[i:])
        after = i + len(phrase)
        if after < len(tokens) and tokens[after].lower in self.words.prepositions:
            rest = self.past_determiner(tokens[after + 1 :])
            tail = self.forward_phrase(rest)
            if tail:  # "tingkat kemiskinan di perdesaan masih": the head of "masih"
                after = len(tokens) - len(rest) + len(tail)
        if self.usable(phrase) and after < len(tokens) and self.is_predicate(tokens[after]):
            return self.without_time_tail(phrase)
        return None

    def is_predicate(self, token: Token) -> bool:
        """A verb or an auxiliary word: what follows the subject of a clause."""
        word, words = token.lower, self.words
        if not token.is_word or words.is_noun(token):
            return False
        return word not in words.prepositions and word not in words.joiners

    def inherit(self, index: int, sentence_start: int, count: bool) -> int | None:
        """An earlier figure of the same sentence whose subject this one shares."""
        value = self.found[index].value or 0
        candidates = []
        for i in range(index - 1, max(-1, index - 1 - _MAX_EARLIER), -1):
            if self.found[i].start < sentence_start:
                break
            if self.subjects[i]:
                candidates.append(i)
        if count:
            same = [i for i in candidates if self.found[i].bare]
            larger = [i for i in same if (self.found[i].value or 0) >= value]
            candidates = larger or same or candidates
        return candidates[0] if candidates else None

    def before(self, index: int, sentence: Sentence) -> list[Token]:
        """The tokens a subject or a change word may be read from, before a figure's context."""
        item = self.found[index]
        return self.tokens(
            max(sentence.start, item.context_start - _BEFORE_CHARS), item.context_start
        )

    def after(self, index: int, sentence: Sentence) -> list[Token]:
        """The tokens a subject may be read from, after a figure's context."""
        end = self.found[index].context_end
        return self.tokens(end, min(max(sentence.end, end), end + _AFTER_CHARS))

    def subject(
        self, index: int, sentence: Sentence, before: Sequence[Token], after: Sequence[Token]
    ) -> str | Literal[False] | None:
        """The subject of one figure; False when a number word names no amount."""
        item, words, text = self.found[index], self.words, self.text
        first = after[0].lower if after else ""
        if first in _BRACKETS:
            after = self.past_aside(after, before, index)
            first = after[0].lower if after else ""
        if before and before[-1].lower in words.attribute_verbs:
            return before[-1].text  # "yang berusia 68 tahun", "berkapasitas 20.000 ton"
        if item.bare:
            phrase = self.forward_subject(after)
            if self.usable(phrase) and (len(phrase) > 1 or not self.lone_participle(after, index)):
                counted = self.counted(phrase, before, index)
                if counted is not None:
                    return _phrase(text, counted)
            if item.in_words and not phrase and not self.unit_length(after, 0):
                return False
            for words_of in words.out_of:
                n = len(words_of)
                if tuple(t.lower for t in after[:n]) == words_of and len(after) > n:
                    for token in after[n : n + _OUT_OF_REACH]:  # "43 of the country's 63"
                        whole = self.starts.get(token.start)
                        if whole is not None:
                            self.pending[index] = whole
                            return None
            if len(before) > 1 and before[-1].lower in words.part_of and words.is_noun(before[-2]):
                how, found = self.backward(before, index)  # "well above the limit of 45"
                if how == "np":
                    return _phrase(text, found)
            if len(before) > 1 and (
                before[-1].lower in words.attribute_prepositions
                or self.names_count(before, opened=True)
            ):  # "followed by Taiwan with 51,200", "dan lebar 75 m"
                how, found = self.backward(before, index)
                if how in ("np", "adjunct"):
                    return _phrase(text, found)
            earlier = self.inherit(index, sentence.start, count=True)
            if earlier is not None:
                return self.subjects[earlier]
        else:
            if first in words.part_of and (item.kind != "money" or item.per):
                # "16,8% dari rumah tangga", "VND6,200 per kilogram of fresh paddy"
                if item.kind == "money" or not self.changed(before):
                    phrase = self.forward_subject(self.past_determiner(after[1:]))
                    if self.usable(phrase) and not self.is_base(phrase, plans=True):
                        return _phrase(text, phrase)
            if first in words.dimensions and item.kind == "percent" and after[1:]:
                phrase = self.forward_subject(after[1:])  # "up 15% in volume", "32,2% dalam nilai"
                if phrase and phrase[0] is after[1] and phrase[0].text.islower():
                    if self.usable(phrase) and self.change_within_reach(before):
                        return _phrase(text, phrase)
            if first in words.worth and after[1:]:  # "IDR 12 trillion worth of Vietnamese rice"
                rest = after[2:] if after[1].lower in words.part_of else after[1:]
                phrase = self.forward_subject(self.past_determiner(rest))
                if self.usable(phrase):
                    return _phrase(text, phrase)
            if first in words.money_of and item.kind == "money" and after[1:]:
                phrase = self.forward_subject(after[1:])
                if phrase and phrase[0] is after[1] and phrase[0].text.islower():
                    if self.usable(phrase):  # "$16.3 billion in registered capital"
                        return _phrase(text, phrase)
            if (
                first in words.change_nouns
                and len(after) > 1
                and after[1].lower in words.prepositions
            ):
                phrase = self.forward_subject(after[2:])
                if self.usable(phrase):
                    return _phrase(text, phrase)
            phrase = self.forward_subject(after)
            if (
                self.usable(phrase)
                and first not in words.change_nouns
                and not self.is_base(phrase)
                and (len(phrase) > 1 or not self.lone_participle(after, index))
            ):
                counted = phrase
                if item.kind in ("count", "percent"):  # "23,85 juta orang", "94,2% penduduk"
                    counted = self.counted(phrase, before, index, share=item.kind == "percent")
                if counted is not None:
                    return _phrase(text, counted)
        how, found = self.backward(before, index, past_adjuncts=item.kind == "percent")
        if not item.bare:
            i, reach = 0, min(2, len(after))
            while i < reach and after[i].is_word and words.is_verb(after[i].lower):
                i += 1
            # "Rp 5,6 triliun bagi X", "20 juta ton dipakai untuk X": only when no phrase
            # stands before the figure ("harga pembelian Rp 12.500 per kg untuk zona 1") or the
            # one there is the agent of a verb ("Kota mengalokasikan N untuk X"), which a
            # source names better too ("allocated N from the central reserve budget")
            linked = after[i].lower if i < len(after) else ""
            if (linked in words.purpose and how != "np") or (
                how == "agent" and (linked in words.purpose or linked in words.sources)
            ):
                rest = self.past_determiner(after[i + 1 :])
                if rest and rest[0].is_number and rest[0].start not in self.starts:
                    rest = rest[1:]  # a year, no figure: "from the 2025 budget reserve"
                phrase = self.forward_subject(rest)
                if self.usable(phrase):
                    return _phrase(text, phrase)
        if how == "np" and len(found) == 1 and self.change_apposition(before, found[0]):
            earlier = self.inherit(index, sentence.start, count=False)
            if earlier is not None:  # "15,820 accidents, a decrease of 11.2 per cent"
                self.apposed[index] = found[0].lower
                return self.subjects[earlier]
        if how in ("np", "agent") or (how == "adjunct" and item.kind != "percent"):
            return _phrase(text, found)
        if how == "figure":
            return self.subjects[found]
        if how == "speech":
            return None  # "Minister X said the third quarter alone saw $6.9 billion"
        if how == "adjunct":
            head, _ = self.clause_heads(before)
            return _phrase(text, head) if head else _phrase(text, found)
        if how == "means":
            _, segment_first = self.clause_heads(before)
            return _phrase(text, segment_first) if segment_first else None
        earlier = self.inherit(index, sentence.start, count=False)
        if earlier is not None and how in ("anaphor", "clause"):
            segment = self.segment_start(before)
            if how == "anaphor" or self.found[earlier].start >= segment:
                return self.subjects[earlier]
        if how == "anaphor":
            return self.last_subject
        head, segment_first = self.clause_heads(before)
        chosen = head or segment_first
        return _phrase(text, chosen) if chosen else None

    def change_apposition(self, before: Sequence[Token], noun: Token) -> bool:
        """A change noun set after a comma beside an earlier figure ("15,820 accidents, a
        decrease of 11.2 per cent"): it names the change, the earlier figure what changed."""
        if noun.lower not in self.words.change_nouns:
            return False
        i = next(i for i, t in enumerate(before) if t.start == noun.start)
        if i and before[i - 1].lower in self.words.articles:
            i -= 1
        return i > 0 and before[i - 1].text == ","

    def past_aside(
        self, after: Sequence[Token], before: Sequence[Token], index: int
    ) -> Sequence[Token]:
        """The tokens after a bracketed figure that follows the figure ("JPY 41.4 billion
        (about US$275 million) ODA loan"), or, for that bracketed figure, after its bracket:
        the phrase there names both. Not after an apposition ("Uni Eropa (11,2%) dan")."""
        if after[0].text == ")":
            aside = len(before) > 1 and before[-1].text == "(" and self.in_figure(before[-2], index)
            return after[1:] if aside else after
        for i in range(1, min(len(after), _ASIDE)):
            if after[i].text == ")":
                inside = after[1:i]
                return after[i + 1 :] if any(t.start in self.starts for t in inside) else after
        return after

    def change_within_reach(self, before: Sequence[Token]) -> bool:
        """Whether a change word stands within reach before a figure ("naik 10,4% dalam volume
        dan 32,2%")."""
        return not self.words.changes.isdisjoint(map(_lower, before[-_CHANGE_REACH:]))

    def changed(self, before: Sequence[Token]) -> bool:
        """A change word right before the figure ("tumbuh 7,3 persen dari outlook", "naik
        sebesar"): then "dari" after it names the base of the change, not a whole."""
        words = self.words
        last = len(before) - 1
        if last > 0 and before[last].lower in words.links:
            last -= 1
        word = before[last].lower if last >= 0 else ""
        if word in words.particles and last and before[last - 1].lower in words.particle_verbs:
            return False  # "make up 85% of rice exports"
        return word in words.increase or word in words.decrease

    def past_determiner(self, tokens: Sequence[Token]) -> Sequence[Token]:
        """The tokens after one leading determiner ("of its land area"), if one leads."""
        if len(tokens) > 1 and tokens[0].lower in self.words.determiners:
            return tokens[1:]
        return tokens

    def counted(
        self, phrase: list[Token], before: Sequence[Token], index: int, *, share: bool = False
    ) -> list[Token] | None:
        """What a count counts: the noun after it, or, when that is only a classifier
        ("orang", "people") and a linking verb joins the figure to a phrase before it
        ("jumlah penduduk miskin mencapai 23,85 juta orang"), that phrase. So too for a
        share: the noun after it is its base ("Cakupan asuransi capai 94,2% penduduk").
        None when a linked classifier has no phrase before its clause ("modal PMA, naik 2,4
        kali"): the subject is read as for a figure with no phrase after it."""
        words = self.words
        if not share and (len(phrase) > 1 or phrase[0].lower not in words.classifiers):
            return phrase
        linked = self.links_amount(before)
        if not linked and (share or not self.names_count(before)):
            return phrase  # "Acara itu dihadiri 12.000 orang", "menara berisi 60 unit"
        how, found = self.backward(before, index)
        if how == "adjunct" and not linked:
            how = "np"  # "dengan populasi sekitar 1,86 juta jiwa"
        if how != "np":
            past_mark = how == "figure" or (how == "clause" and found >= 0)
            return None if past_mark and not share else phrase  # "There were 400 people"
        opening = next(i for i, t in enumerate(before) if t.start == found[0].start)
        if opening and self.figure_at(before[opening - 1], index) is not None:
            return phrase  # what an earlier count counts: "158 projects totalling 144,000 units"
        return found

    def names_count(self, before: Sequence[Token], *, opened: bool = False) -> bool:
        """Whether a lowercase noun right before a count names what it counts, with no verb
        between ("populasi 1,86 juta jiwa", "udang ukuran 100 ekor"); opened: only a noun that
        opens a phrase after a preposition, a joiner or a comma ("dan lebar 75 m"), as a count
        with no classifier after it may follow a verb ("Việt Nam still lacks 150,000")."""
        words = self.words
        last = before[-1] if before else None
        if last is None or not last.is_word or not last.text.islower():
            return False
        if opened:
            opener = before[-2] if len(before) > 1 else last
            if not (
                opener.text == ","
                or opener.lower in words.prepositions
                or opener.lower in words.joiners
            ):
                return False
        return (
            words.is_noun(last)
            and not self.is_time_word(last.lower)
            and last.lower not in words.classifiers
            and not last.lower.endswith(words.participle_suffixes)
        )

    def links_amount(self, before: Sequence[Token]) -> bool:
        """Whether the words right before a figure say its subject is that amount ("mencapai",
        "reached", "rose to", "bertambah menjadi"), not what something did to it ("drew")."""
        words = self.words
        last = len(before) - 1
        if last > 0 and f"{before[last - 1].lower} {before[last].lower}" in words.amount_links:
            return True  # "terdiri atas 71 orang", "consists of 12 people"
        if last > 0 and before[last].lower in words.level:
            last -= 1  # "rose to", "bertambah menjadi"
        link = before[last].lower if last >= 0 else ""
        return link in words.amount_links or link in words.increase or link in words.decrease

    def segment_start(self, tokens: Sequence[Token]) -> int:
        for t in reversed(tokens):
            if t.text in _SEGMENT_MARKS and _is_mark(t, self.text):
                return t.end
        return tokens[0].start if tokens else 0

    def change(
        self,
        index: int,
        subject: str | None,
        sentence: Sentence,
        before: list[Token],
        after: list[Token],
    ) -> str | None:
        """ "increase" or "decrease" when the figure is the size of a rise or a fall."""
        item, words, text = self.found[index], self.words, self.text
        level_bound = False  # "turun di bawah 5%": a bound that places the figure
        if item.context_start < item.start:
            bound_words = text[item.context_start : item.start].lower().split()
            level_bound = bool(bound_words) and bound_words[0] in words.level
        last = before[-1].lower if before else ""
        placed = last in words.prepositions and last not in words.links  # "set up in 58 ..."
        reach = before[-_CHANGE_REACH:]
        # the scan below can only answer when a change word is within reach (rarely)
        if not level_bound and not placed and not words.changes.isdisjoint(map(_lower, reach)):
            for i in range(len(reach) - 1, -1, -1):
                token, word = reach[i], reach[i].lower
                if token.text in _CLAUSE_MARKS and _is_mark(token, text):
                    break
                if token.is_number or word in words.level:
                    break
                if i and word in words.particles and reach[i - 1].lower in words.particle_verbs:
                    break  # "make up 80%", "set up": a phrasal verb, not a rise
                if word in words.increase:
                    return "increase"
                if word in words.decrease:
                    return "decrease"
        high = min(sentence.end, item.context_end + 40)
        if after and after[0].end > high:  # else the first token of that window too
            after = self.tokens(item.context_end, high)
        following = after[0].lower if after else ""
        if following in words.changes_after:
            return "increase" if following in words.increase_after else "decrease"
        head = subject.split(" ", 1)[0].lower() if subject else ""
        head = self.apposed.get(index, head)
        if not words.change_nouns.isdisjoint((following, head)):  # rarely
            for word in (following, head):
                if word in words.increase_nouns:
                    return "increase"
                if word in words.decrease_nouns:
                    return "decrease"
        # the clause head can only name a change when a change noun is among the words before
        if item.kind == "percent" and not words.change_nouns.isdisjoint(map(_lower, before)):
            clause_head, _ = self.clause_heads(before, own_clause=True)
            word = clause_head[0].lower if clause_head else ""
            if word in words.increase_nouns:
                return "increase"
            if word in words.decrease_nouns:
                return "decrease"
        return None


def describe(view: TextView, found: Sequence[Found]) -> list[dict[str, Any] | None]:
    """For each figure, its subject and change (None: a number word that names no amount)."""
    reader = _Reader(view, found)
    results: list[dict[str, Any] | None] = []
    for i, item in enumerate(found):
        sentence = view.sentence_at(item.start)
        if sentence.end - sentence.start > _LONG_SENTENCE:
            results.append({})  # not prose (a megabyte "sentence"): not worth the time
            continue
        before, after = reader.before(i, sentence), reader.after(i, sentence)
        subject = reader.subject(i, sentence, before, after)
        if subject is False:
            results.append(None)
            continue
        reader.subjects[i] = subject or None
        reader.last_subject = subject or reader.last_subject
        change = reader.change(i, subject or None, sentence, before, after)
        results.append({"subject": subject or None, "change": change})
    for i, whole in reader.pending.items():
        subject = reader.subjects[whole]
        sentence = view.sentence_at(found[i].start)
        before, after = reader.before(i, sentence), reader.after(i, sentence)
        change = reader.change(i, subject, sentence, before, after)
        results[i] = {"subject": subject, "change": change}
    return results
