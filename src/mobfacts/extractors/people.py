"""People: every person named, merged across mentions, with every title the text gives.

Names and titles only stand in *runs*: stretches of capitalised words joined by spaces,
title connectors ("of", "untuk") and bracketed abbreviations ("(PM)"). Each run is read by
the rules below; every name found keeps the name of the rule that found it. Words come
from the language's ``people.toml`` (documented in ``lang/README.md``):

- ``title_before_name``: an office word, the rest of its title, then a name
  ("Ketua Dewan Rakyat Provinsi Nguyen Dang Quang", "Deputy Prime Minister X",
  "Bupati Kendal Dyah Kartika Permanasari", "Presiden Joko Widodo di Jakarta");
- ``title_comma_name``: a run that is only a title, then ", " and a name
  ("Presiden Amerika Serikat, Donald Trump"), also past a place or a relative clause set
  off by commas ("Gubernur Prefektur Aichi, Jepang, X", "... yang membidangi budaya, X,")
  or an honorific ("..., Ibu X"); a lowercase office word may open that title ("head of
  the National Steering Committee ..., X");
- ``office_before_name``: an organisation's name and a lowercase office right before a
  name ("ACV general director Lai Xuan Phiet");
- ``name_comma_title``: a name, then ",", "-" or "(" and/or "who is", "yang juga
  menjabat", "sebagai", "dari jabatan", "as", and a run that holds an office word
  ("Basuki Hadimuljono, Kepala Otorita ..."); offices joined by "dan"/"and"/"sekaligus"
  are split where an office word follows, a list of portfolios ("Kebudayaan, Olahraga dan
  Pariwisata") is not;
- ``honorific``, ``speech_before``, ``caption``: "Pak Bahlil", "kata Basuki", "Foto: Le Minh";
- ``speech_after``: "Luthfi juga menilai", "Hoang Trung said";
- ``byline``: "By Minh Thu", a line that is only a name, "Thu Hoai/VOV";
- ``vietnamese_name``: a Vietnamese surname and two or three more syllables anywhere.

People are then merged: a name that is a part of a fuller one ("Basuki", "Pak Quang") joins
it, names are compared without case or diacritics (NFC and NFD alike), and every other
occurrence of a known name (or of a distinctive word of a non-Vietnamese name) becomes a
mention. The text is never changed: every mention is a span of it. Cost is linear: each
run is read once, with bounded context around it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import regex

from mobfacts import patterns
from mobfacts.lang import Lexicon
from mobfacts.model import Mention, Person
from mobfacts.text import TextView

_LETTER = r"[\p{L}\p{M}]"
# Runs are found with the standard library's faster engine, spelled without \p{..}: Latin
# capitals (with Vietnamese ones), and letters with combining marks (NFD text).
_UPPERS = "".join(
    chr(c) for c in (*range(0x250), *range(0x1E00, 0x1F00)) if unicodedata.category(chr(c)) == "Lu"
)
_UPPER_CHARS = re.escape(_UPPERS)
_UPPER = f"[{_UPPER_CHARS}]"
_RE_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"
# In a text without combining marks (most), a letter is one character class, which the
# engine repeats several times faster than a group of two.
_PLAIN_LETTER = r"[^\W\d_]"
_MARKS = re.compile(r"[\u0300-\u036f]")
# A plural possessive keeps its apostrophe: "Members' Council", "Farmers' Union".
_CAP_REST = rf"{_RE_LETTER}*(?:['’\-]{_RE_LETTER}+)*(?:(?<=s)['’](?!{_RE_LETTER}))?"
_CAP = rf"{_UPPER}{_CAP_REST}"
_PAREN_REST = rf"{_UPPER}(?:{_RE_LETTER}|-)*(?:[ ]{_UPPER}(?:{_RE_LETTER}|-)*){{0,3}}\)"
_PAREN = rf"\({_PAREN_REST}"
_GAP = r"[ \t\u00a0]{1,3}"
_WORD = patterns.compile(
    rf"\([^()]*\)|(?<!['’]){_LETTER}+(?:(?:['’](?![sS](?!{_LETTER}))|-){_LETTER}+)*"
)
_LINE_END = patterns.compile(r"[ \t]*(?:/[ \t]*[\p{L}.]+[ \t]*)?(?:\n|$)")
_CONTEXT = 60  # characters of context read before and after a run
_MAX_NAME_WORDS = 4
_BYLINE_TAIL = 400  # a name line this close to the end of the text is a byline

OFFICE, VOCAB, CONNECTOR, HONORIFIC, ACRONYM, NAME, PAREN = range(7)
_NAMING = frozenset((OFFICE, HONORIFIC, NAME))
_CREDITS = frozenset(("caption", "byline"))
_APOSTROPHES = ("'", "’")
_TITLE_OPENERS = frozenset(",(–—-")
_CLAUSE_MARKS = frozenset(".,;:!?\"'“”‘’()[]\n–—-")


def _fold(text: str) -> str:
    """Lowercase without diacritics ("Nguyễn" and its NFD form -> "nguyen")."""
    if text.isascii():
        return text.lower()
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _keys(words: Iterable[str]) -> frozenset[str]:
    """Data words as lookup keys: folded, without a trailing full stop ("Mr." -> "mr")."""
    return frozenset(_fold(w).rstrip(".") for w in words)


def _first_unit(dotted: Sequence[str], lowercase: Sequence[str], firsts: Iterable[str]) -> str:
    """A run's first unit with its first character matched before the rest.

    A pattern that opens with a character set lets the engine skip straight to the
    characters a run can start with; one that opens with a lookbehind is tried at every
    position of the text, which is several times slower. Each alternative then checks,
    looking back one character, that it is the one that first character begins. Of the
    words' first characters, only firsts (besides capitals and "(") open the unit.
    """

    def tails(words: Sequence[str]) -> str:
        ordered = sorted(set(words), key=len, reverse=True)
        return "|".join(rf"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in ordered) or "(?!)"

    return (
        rf"[{_UPPER_CHARS}\({re.escape(''.join(sorted(firsts)))}](?<![\w\u0300-\u036f].)"
        rf"(?:(?:{tails(dotted)})|(?<={_UPPER}){_CAP_REST}|(?:{tails(lowercase)})(?!{_RE_LETTER})"
        rf"|(?<=\(){_PAREN_REST})"
    )


def _alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, eq=False)
class _Rules:
    """The compiled patterns and word sets of one language (hashed by identity: one per
    Lexicon, and a key of the word and run caches)."""

    run: str  # a run that opens with a capital or "(" (or a "Mr."-like word)
    any_run: str  # a run that opens with anything, also a lowercase run opener
    run_openers: tuple[str, ...]  # the lowercase words that may open a run ("anggota")
    syllable: re.Pattern[str] | regex.Pattern[str]
    speech_before: regex.Pattern[str]
    caption: regex.Pattern[str]
    caption_words: frozenset[str]  # the caption cues, folded ("photo", "foto", "anh")
    role_before: regex.Pattern[str]  # "Ekonom senior, " before a one-word name set off by commas
    speech_after: regex.Pattern[str]
    apposition_gap: regex.Pattern[str]
    introducer_gap: regex.Pattern[str]
    lowercase_title: regex.Pattern[str]
    lowercase_title_before: regex.Pattern[str]
    lowercase_title_probe: re.Pattern[str]  # a lowercase office word: a cheap first test
    lowercase_title_opening: regex.Pattern[str]
    office_before_name: regex.Pattern[str] | None  # "ACV general director " before a name
    office_before_words: frozenset[str]  # its last word: a cheap first test
    conjunction_gap: regex.Pattern[str]
    conjunction_words: frozenset[str]  # what a conjunction gap holds but spaces and a comma
    offices: frozenset[str]
    lowercase_offices: frozenset[str]
    vocab: frozenset[str]
    listed: frozenset[str]  # offices, connectors, honorifics and vocab: keys with a kind
    premodifiers: frozenset[str]
    connectors: frozenset[str]
    conjunctions: frozenset[str]
    honorifics: frozenset[str]
    speech_words: frozenset[str]
    hearsay: frozenset[str]
    byline_words: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    place_openings: frozenset[str]  # every place's words up to each space ("jawa", "jawa tengah")
    regional: frozenset[str]
    title_vocab: frozenset[str]
    organisation_first: bool
    place_before: frozenset[str]
    organisation_before: frozenset[str]  # "Grup", "PT": the capitalised words after name a firm
    place_after: frozenset[str]
    title_clause: regex.Pattern[str]
    title_demonstrative: regex.Pattern[str] | None  # " perusahaan tersebut, " before a name
    organisation_openers: frozenset[str]  # "departemen", "department of"
    # The words speech_after and introducer_gap may start with, and speech_before may end
    # with, by their first (last) two characters: a cheap test before those patterns.
    after_words: dict[str, tuple[str, ...]] | None
    before_words: dict[str, tuple[str, ...]] | None


@functools.cache
def _rules(lexicon: Lexicon) -> _Rules:
    """Compile the people rules of a language once."""

    def words(key: str) -> tuple[str, ...]:
        return lexicon.words("people", key)

    syllable = _data_pattern(lexicon.section("people").get("vietnamese_syllable", "(?!)"))
    places = _keys(words("places"))
    # Single place words are never names; Vietnamese-looking ones ("Quang") are left to the
    # phrase check, since they are also given names.
    place_words = {
        part for place in places for part in place.split() if not syllable.fullmatch(part)
    }
    vocab = (
        _keys(words("title_words"))
        | _keys(words("not_name_words"))
        | _keys(words("title_premodifiers"))
        | _keys(words("currency_words"))
        | place_words
    )
    # Capitalised honorifics are ordinary capitalised words; only "Mr."-like ones (the full
    # stop would end the run) and lowercase ones ("comrade") need their own alternatives.
    dotted_words = [h for h in words("honorifics") if h.endswith(".")]
    dotted = _alternation(dotted_words)
    lowercase_offices = frozenset(w for w in words("office_words") if w.islower())
    lowercase = [*lowercase_offices, *(h for h in words("honorifics") if h.islower())]
    low = _alternation(lowercase) or "(?!)"
    connectors = words("title_connectors")
    unit = rf"(?:(?:{dotted})|{_CAP}|(?:{low})(?!{_RE_LETTER})|{_PAREN})"
    conn = _alternation(connectors)
    # A run opened by a lowercase word ("anggota", "dr.") is rare, but a pattern that may
    # start at every "a" or "d" is tried there: such runs are matched apart, where the word is.
    openers = sorted({w for w in (*dotted_words, *lowercase) if w[0] not in _UPPERS + "("})
    capital_firsts = {w[0] for w in (*dotted_words, *lowercase)} - {w[0] for w in openers}
    rest = rf"(?:{_GAP}(?:(?:{conn}){_GAP}){{0,3}}{unit})*"
    run = _first_unit(dotted_words, lowercase, capital_firsts) + rest
    any_run = _first_unit(dotted_words, lowercase, capital_firsts | {w[0] for w in openers}) + rest
    # Both are searched backwards from a run's start: "$" fails at once everywhere else.
    speech_before = patterns.compile(
        rf"(?<!{_LETTER})(?:{_alternation(words('speech_before'))})[ \t]*[,:]?[ \t]*$",
        regex.REVERSE,
    )
    by = _alternation(words("byline_cues")) or "(?!)"
    caption = patterns.compile(
        rf"(?<!{_LETTER})(?:{_alternation(words('caption_cues'))})"
        rf"(?:[ \t]*:|[ \t]+(?:{by})(?!{_LETTER}))[ \t]*"  # "Foto: ...", "Photo by ..."
        rf"(?:[\p{{L}}\p{{M}} .]{{1,30}}/[ \t]*)?$",  # "Foto: ANTARA FOTO/Name"
        regex.IGNORECASE | regex.REVERSE,
    )
    # "Ekonom senior, Aviliani, menilai": a role noun and up to two lowercase words, a comma.
    role_before = patterns.compile(
        rf"(?<!{_LETTER})(?:{_alternation(words('role_nouns')) or '(?!)'})"
        rf"(?:[ \t]+\p{{Ll}}+){{0,2}}[ \t]*,[ \t]*$",
        regex.IGNORECASE | regex.REVERSE,
    )
    adverbs = _alternation(words("speech_adverbs"))
    speech_after = patterns.compile(
        rf"[ \t]*,?[ \t]*(?:(?:{adverbs})[ \t]+){{0,2}}(?:{_alternation(words('speech_after'))})"
        rf"(?!{_LETTER})"
    )
    introducers = _alternation([*words("title_introducers"), *words("post_introducers")])
    apposition_gap = patterns.compile(
        rf"[ \t]*(?P<mark>[,(–—\-])?[ \t]*(?:(?P<introducer>{introducers})[ \t]+)?"
    )
    conjunctions = _alternation(words("title_conjunctions"))
    # ", head of the steering committee,": a lowercase office word after a name's comma, and
    # up to sixteen words (or "&", or an abbreviation in brackets) ending where the clause
    # does; a verb of speech or a relative word ("said", "who") ends the clause first, so
    # nothing is taken then.
    stops = _alternation(
        [*words("speech_after"), *(w.split()[0] for w in words("title_introducers") if " " in w)]
    )
    # An article before the office word is not part of the title: "X, a director at Y,".
    articles = _alternation(words("title_articles")) or "(?!)"
    lowercase_title = patterns.compile(
        rf"[ \t]*,[ \t]*(?:(?:{articles})[ \t]+)?"
        rf"(?P<title>(?:{_alternation(words('title_after_name_words'))})"
        rf"(?!{_LETTER})(?:[ \t]+(?!(?:{stops})(?!{_LETTER}))"
        r"(?:[\p{L}\p{M}\d'’\-]+|&|\([^()\s]{1,12}\))){0,16})"
        r"(?=[ \t]*[,;.)\n])"
    )
    return _Rules(
        run=run,
        any_run=any_run,
        run_openers=tuple(openers),
        syllable=syllable,
        speech_before=speech_before,
        caption=caption,
        caption_words=_keys(words("caption_cues")),
        role_before=role_before,
        speech_after=speech_after,
        apposition_gap=apposition_gap,
        lowercase_title=lowercase_title,
        lowercase_title_before=_lowercase_title_before(words("title_after_name_words"), connectors),
        lowercase_title_probe=re.compile(
            "|".join(re.escape(w) for w in words("title_after_name_words")) or "(?!)"
        ),
        office_before_name=_office_before_name(words("offices_before_name"), connectors),
        office_before_words=frozenset(words("offices_before_name")),
        lowercase_title_opening=_lowercase_title_opening(
            words("title_after_name_words"), connectors
        ),
        # An introducer after a run asks for the name that ends it, as a speech verb does
        # (matched apart, so the long list of speech verbs is compiled once, not twice).
        introducer_gap=patterns.compile(rf"[ \t]*[,(–—\-]?[ \t]*(?:{introducers})[ \t]+"),
        conjunction_gap=patterns.compile(rf"[ \t]*,?[ \t]*(?:{conjunctions})[ \t]+"),
        conjunction_words=frozenset(w.strip(" \t,") for w in words("title_conjunctions")),
        offices=_keys(words("office_words")),
        lowercase_offices=_keys(lowercase_offices),
        vocab=vocab,
        listed=_keys([*words("office_words"), *connectors, *words("honorifics")]) | vocab,
        premodifiers=_keys(words("title_premodifiers")),
        connectors=_keys(connectors),
        conjunctions=_keys(words("title_conjunctions")),
        honorifics=_keys(words("honorifics")),
        speech_words=_keys(words("speech_before")),
        hearsay=frozenset(k.split()[0] for k in _keys(words("hearsay_cues"))),
        byline_words=_keys(words("byline_cues")),
        surnames=_keys(words("vietnamese_surnames")),
        places=places,
        place_openings=frozenset(
            p[:i] for p in places for i in range(len(p) + 1) if p[i : i + 1] in ("", " ")
        ),
        regional=_keys(words("regional_offices")),
        title_vocab=_keys(words("title_words")) | place_words,
        organisation_first=bool(lexicon.section("people").get("organisation_before_office")),
        place_before=_keys(words("place_before")),
        organisation_before=_keys(words("organisation_before")),
        place_after=_keys(words("place_after")),
        title_clause=_title_clause(words("title_clauses")),
        title_demonstrative=_title_demonstrative(words("title_demonstratives")),
        organisation_openers=_keys(words("organisation_openers")),
        after_words=_by_pair(
            [
                *words("title_introducers"),
                *words("post_introducers"),
                *words("speech_adverbs"),
                *words("speech_after"),
            ],
            first=True,
        ),
        before_words=_by_pair(words("speech_before"), first=False),
    )


def _by_pair(words: Sequence[str], first: bool) -> dict[str, tuple[str, ...]] | None:
    """Words grouped by their first (or last) two characters; None when a word is shorter,
    so that no test can be built on them."""
    if any(len(w) < 2 for w in words):
        return None
    grouped: dict[str, list[str]] = {}
    for w in words:
        grouped.setdefault(w[:2] if first else w[-2:], []).append(w)
    return {pair: tuple(ws) for pair, ws in grouped.items()}


def _data_pattern(pattern: str) -> re.Pattern[str] | regex.Pattern[str]:
    """A pattern from the language data, with the standard library's engine (several times
    cheaper a call: the syllable test runs for every new capitalised word) unless it needs
    the regex module's syntax."""
    try:
        return re.compile(pattern)
    except re.error:
        return patterns.compile(pattern)


def _lowercase_title_before(
    office_words: Sequence[str], connectors: Sequence[str]
) -> regex.Pattern[str]:
    """A clause that is a lowercase office word, connectors and capitalised words, then a
    comma: the title of the name after it ("Speaking at the meeting, head of the National
    Steering Committee for Disaster Prevention, Tran Quang Hoai, said")."""
    conn = _alternation(connectors) or "(?!)"
    return patterns.compile(
        rf"(?:^|(?<=[,.;:\n]))[ \t]*(?:(?i:{conn})[ \t]+)?"
        rf"(?P<title>(?:{_alternation(office_words) or '(?!)'})"
        rf"(?:[ \t]+(?:(?:{conn})|{_UPPER}[\p{{L}}\p{{M}}'’\-]*)(?!{_LETTER})){{1,12}})"
        r"[ \t]*,[ \t]*$",
        regex.REVERSE,  # matched back from the name: most text before a comma fails at once
    )


def _lowercase_title_opening(
    office_words: Sequence[str], connectors: Sequence[str]
) -> regex.Pattern[str]:
    """A lowercase office word and connectors that open a clause right before a title
    ("Meanwhile, head of the | General Department of Customs")."""
    conn = _alternation(connectors) or "(?!)"
    return patterns.compile(
        rf"(?:^|(?<=[,.;:\n]))[ \t]*(?:(?i:{conn})[ \t]+)?"
        rf"(?P<title>(?:{_alternation(office_words) or '(?!)'})(?:[ \t]+(?:{conn})){{0,3}})"
        r"[ \t]+$",
        regex.REVERSE,
    )


def _office_before_name(
    office_words: Sequence[str], connectors: Sequence[str]
) -> regex.Pattern[str] | None:
    """Lowercase office words after the capitalised name of their organisation, right
    before a person's name: "ACV general director | Lai Xuan Phiet", "Ministry of Finance
    spokesman | X" (English news writes such titles in lowercase)."""
    if not office_words:
        return None
    word = r"\p{Lu}[\p{L}\p{M}\d&'’\-]*(?:\.[\p{L}\p{M}]+)*"
    conn = _alternation(connectors) or "(?!)"
    offices = _alternation(office_words)
    return patterns.compile(
        rf"(?<![\p{{L}}\p{{M}}\d'’\-])(?:"
        rf"(?P<organisation>{word}(?:[ \t]+(?:(?:{conn})[ \t]+){{0,2}}{word}){{0,3}})"
        rf"(?:[ \t]+(?:{offices})){{1,3}}"
        # "deputy minister of finance X" at a clause start: the organisation after "of"
        rf"|(?<=(?:^|[,.;:\n])[ \t]*)(?P<office>(?i:{offices})(?:[ \t]+(?:{offices})){{0,2}}"
        rf"[ \t]+(?:{conn})(?:[ \t]+[\p{{L}}\p{{M}}'’\-]+){{1,4}}))[ \t]+$"
    )


def _title_demonstrative(demonstratives: Sequence[str]) -> regex.Pattern[str] | None:
    """Up to two lowercase words and a demonstrative that end a title before the comma
    of the name it gives ("Direktur Jenderal perusahaan tersebut, Park Jae-won"): the words
    belong to the title, the demonstrative does not."""
    if not demonstratives:
        return None
    return patterns.compile(
        r"(?:[ \t]+\p{Ll}[\p{Ll}\p{M}\-]*){0,2}"
        rf"(?P<end>)[ \t]+(?:{_alternation(demonstratives)})[ \t]*,[ \t]*"
    )


def _title_clause(openers: Sequence[str]) -> regex.Pattern[str]:
    """A relative clause of lowercase words that ends at a comma, between a title and the
    name it gives ("... Provinsi yang membidangi budaya, Tran Van Minh")."""
    return patterns.compile(
        rf"[ \t]+(?:{_alternation(openers) or '(?!)'})(?:[ \t]+[\p{{Ll}}\p{{M}}\d'’\-]+){{1,8}}"
        r"[ \t]*,[ \t]*"
    )


# The classes built for every run, word and name are plain classes with a written __init__,
# not dataclasses: the compiled build (setup.py) makes such a class native, built in C, where
# a dataclass's generated __init__ stays interpreted (ten times slower to build there).


class _Word:
    """One word of a run, with what the language data says it is."""

    __slots__ = ("text", "start", "end", "key", "kind", "surname", "syllable")

    def __init__(
        self, text: str, start: int, end: int, key: str, kind: int, surname: bool, syllable: bool
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.key = key
        self.kind = kind
        self.surname = surname
        self.syllable = syllable


class _Run:
    """A stretch of capitalised words (and what may join them) in the text.

    Its words are built on first use: most runs are ruled out from their shapes alone.
    """

    __slots__ = ("start", "end", "parts", "defined", "may_name", "has_anchor", "keys", "_words")

    def __init__(
        self,
        start: int,
        end: int,
        parts: list[tuple[int, _Shape]],
        defined: set[str],
        may_name: bool,
        has_anchor: bool,
        keys: tuple[str, ...],
    ) -> None:
        self.start = start
        self.end = end
        self.parts = parts  # where each joined piece starts, and its shape
        self.defined = defined  # the abbreviations the text defines
        # whether anything in it could be (or introduce) a name (not an initial)
        self.may_name = may_name
        self.has_anchor = has_anchor  # whether it holds a title, an honorific or a surname
        self.keys = keys  # the keys of its words, read from its shapes
        self._words: list[_Word] | None = None

    @property
    def words(self) -> list[_Word]:
        if self._words is None:
            if len(self.parts) == 1:
                at, shape = self.parts[0]
                self._words = shape.build(at, self.defined)
            else:
                self._words = [w for at, s in self.parts for w in s.build(at, self.defined)]
        return self._words


_WordShape = tuple[int, str, str, int, bool, bool]  # offset, text, key, kind, surname, syllable


_WordClass = tuple[str, int, bool, bool]  # key, kind, surname, syllable


@dataclass(slots=True, eq=False)
class _Shape:
    """The classified words of one distinct run text, and what they add up to.

    Shapes are shared by every text that writes the same run, so they are never changed
    (not frozen: a frozen dataclass is several times slower to build); a new one is summed
    up in the same pass that classifies its words (see _shape).
    """

    words: tuple[_WordShape, ...]
    has_office: bool
    has_paren: bool
    naming: bool  # an office, an honorific or a surname: may name whatever follows
    anchor: bool  # an office, an honorific (even one letter) or a surname
    names: tuple[str, ...]  # keys of the run's name words (longer than an initial)
    keys: tuple[str, ...]  # keys of all its words
    honorific: bool  # whether it holds an honorific ("Pak", "Mr.")
    live: bool  # whether a text may keep the run or join a list to it (not a bare word)

    def may_name(self, defined: set[str]) -> bool:
        """Whether the run may be (or introduce) a name once abbreviations are known."""
        return self.naming or not defined.issuperset(self.names)

    def build(self, start: int, defined: set[str]) -> list[_Word]:
        """The run's words at start; a name the text defines as an abbreviation is one."""
        words = []
        for offset, text, key, kind, surname, syllable in self.words:
            if kind == NAME and key in defined:
                kind = ACRONYM
            at = start + offset
            words.append(_Word(text, at, at + len(text), key, kind, surname, syllable))
        return words


def _has_marks(text: str) -> bool:
    """Whether text holds a combining mark (U+0300-U+036F), tested on its UTF-8 bytes first:
    those marks, and no other character, start with the byte CC or CD (most texts hold
    neither, and finding a byte is far cheaper than a pattern search)."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return (b"\xcc" in data or b"\xcd" in data) and _MARKS.search(text) is not None


def _list_gap(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a comma between spaces or tabs only."""
    return text[start:end].strip(" \t") == ","


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where word is written in text."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


@functools.cache
def _run_pattern(pattern: str, marks: bool) -> re.Pattern[str]:
    """A run pattern, for a text with combining marks or without, compiled on first need."""
    return re.compile(pattern if marks else pattern.replace(_RE_LETTER, _PLAIN_LETTER))


def _pieces(found: str) -> list[tuple[int, str]]:
    """The words of a run's text with their offsets; words between single spaces (most
    runs) are split without the regular expression."""
    if found.isalpha():
        return [(0, found)]
    if not found.replace(" ", "").isalpha():
        return [(m.start(), m.group()) for m in _WORD.finditer(found)]
    pieces = []
    at = 0
    for word in found.split(" "):
        if word:
            pieces.append((at, word))
        at += len(word) + 1
    return pieces


def _abbreviations(shapes: Iterable[_Shape]) -> set[str]:
    """Words the text defines in brackets after an organisation ("Badan Anggaran
    (Banggar)"): abbreviations wherever they stand, not names."""
    defined: set[str] = set()
    for shape in shapes:
        if not shape.has_paren:
            continue
        words = shape.words
        for k in range(1, len(words)):
            if words[k][3] == PAREN and any(
                w[3] in (VOCAB, OFFICE, ACRONYM) for w in words[max(0, k - 3) : k]
            ):
                inner = words[k][1][1:-1]
                if inner.isalpha():
                    defined.add(_fold(inner))
    return defined


class _Candidate:
    """A name found at one place, with the titles given to it there."""

    __slots__ = ("words", "titles", "rule", "key")

    def __init__(self, words: list[_Word], titles: list[tuple[int, int]], rule: str) -> None:
        self.words = words
        self.titles = titles
        self.rule = rule
        self.key = tuple([w.key for w in words])

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


class _Reading:
    """What one run says: the people in it, a title left without a name, its last name."""

    __slots__ = ("found", "dangling", "tail", "tail_alone")

    def __init__(self) -> None:
        self.found: list[_Candidate] = []
        self.dangling: list[tuple[int, int]] = []
        self.tail: list[_Word] | None = None
        self.tail_alone = False  # the tail is all of its part of the run


_HAS_PAREN = operator.attrgetter("has_paren")
_LIVE = operator.attrgetter("live")
_KEYS = operator.attrgetter("keys")

# Words and run texts recur across articles ("Presiden", "Jakarta", "Menurut"), so, like a
# vocabulary, what the language data says of each is kept for the next text (bounded).
_WORDS_KEPT = 1 << 15
_RUN_TEXTS_KEPT = 1 << 14


@functools.lru_cache(maxsize=_WORDS_KEPT)
def _classify(rules: _Rules, text: str) -> _WordClass:
    """Key, kind, whether a Vietnamese surname, whether a Vietnamese syllable."""
    key = _fold(text)
    upper = text[:1].isupper()
    if key not in rules.listed:  # most words: none of the tests below but the shape ones
        if text.startswith("("):
            kind = PAREN
        elif len(text) > 1 and text.isupper():
            kind = ACRONYM
        else:
            kind = NAME if upper else VOCAB
    elif text.startswith("("):
        kind = PAREN
    elif key in rules.offices and (upper or key in rules.lowercase_offices):
        kind = OFFICE
    elif text.islower() and key in rules.connectors:
        kind = CONNECTOR
    elif key in rules.honorifics:
        kind = HONORIFIC
    elif len(text) > 1 and text.isupper():
        kind = ACRONYM
    elif key in rules.vocab or not upper:
        kind = VOCAB
    else:
        kind = NAME
    surname = upper and key in rules.surnames
    syllable = upper and bool(rules.syllable.fullmatch(key))
    return key, kind, surname, syllable


@functools.lru_cache(maxsize=_RUN_TEXTS_KEPT)
def _shape(rules: _Rules, found: str) -> _Shape:
    """The classified words of a run's text, and what they hold, in one pass over them."""
    words = []
    keys = []
    names = []
    has_office = has_paren = naming = anchor = honorific = False
    for offset, text in _pieces(found):
        key, kind, surname, syllable = _classify(rules, text)
        words.append((offset, text, key, kind, surname, syllable))
        keys.append(key)
        if kind == NAME:
            if len(text) > 1:
                names.append(key)
        elif kind == OFFICE or kind == HONORIFIC:
            has_office = has_office or kind == OFFICE
            honorific = honorific or kind == HONORIFIC
            naming = naming or len(text) > 1
            anchor = True
        elif kind == PAREN:
            has_paren = True
        if surname:
            naming = anchor = True
    live = naming or has_office or has_paren or bool(names)
    return _Shape(
        tuple(words),
        has_office,
        has_paren,
        naming,
        anchor,
        tuple(names),
        tuple(keys),
        honorific,
        live,
    )


class _Reader:
    """Reads the runs of one text with the rules of its language."""

    def __init__(self, text: str, rules: _Rules) -> None:
        self.text = text
        self.rules = rules

    # Words and runs -------------------------------------------------------------------

    def runs(self) -> list[_Run]:
        """Every run of the text, with a title's trailing list joined to it.

        A run's words are only built for runs that are kept: most runs are a capitalised
        word or two that nothing can make a name, and are classified once per spelling.
        Matches are read and shapes looked up by C loops (map); only live shapes, those that
        may name someone or hold an office or a bracket, are looked at one by one.
        """
        matches = self.run_matches()
        shapes = list(map(functools.partial(_shape, self.rules), map(re.Match.group, matches)))
        defined = _abbreviations(filter(_HAS_PAREN, shapes))
        spans = zip(map(re.Match.start, matches), map(re.Match.end, matches), shapes, strict=True)
        found = list(spans)
        runs: list[_Run] = []
        after = 0  # the first run not joined to a list already
        for i in itertools.compress(range(len(found)), map(_LIVE, shapes)):
            if i < after:
                continue
            start, end, shape = found[i]
            last = self._list_end(found, i, defined) if shape.has_office else i
            if last > i:
                parts = found[i : last + 1]
                may_name = any(s.may_name(defined) for _, _, s in parts)
                if may_name or any(s.has_paren for _, _, s in parts):
                    pieces = [(a, s) for a, _, s in parts]
                    anchor = any(s.anchor for _, s in pieces)
                    keys = tuple(k for _, s in pieces for k in s.keys)
                    run = _Run(start, found[last][1], pieces, defined, may_name, anchor, keys)
                    runs.append(run)
            else:
                may_name = shape.naming or not defined.issuperset(shape.names)  # may_name, inline
                if may_name or shape.has_paren:
                    pieces = [(start, shape)]
                    run = _Run(start, end, pieces, defined, may_name, shape.anchor, shape.keys)
                    runs.append(run)
            after = last + 1
        return runs

    def run_matches(self) -> list[re.Match[str]]:
        """Every run in text order, as one scan for runs of any opening would find them."""
        rules, text = self.rules, self.text
        marks = _has_marks(text)
        starts = sorted(
            at
            for word in rules.run_openers
            for at in _occurrences(text, word)
            if at == 0 or not text[at - 1].isalpha()  # the pattern would refuse it at once
        )
        run = _run_pattern(rules.run, marks)
        if not starts:
            return list(run.finditer(text))
        return self.merged_matches(run, _run_pattern(rules.any_run, marks), starts)

    def merged_matches(
        self, run: re.Pattern[str], any_run: re.Pattern[str], starts: list[int]
    ) -> list[re.Match[str]]:
        """The matches of run, and of any_run at starts, as one scan of any_run finds them.

        The run matches are found by one scan; at each of the few starts, the ones before
        it are taken by bisection, and a match there drops those it overlaps (the scan is
        resumed after it when one of them reaches past its end).
        """
        text = self.text
        capitals = list(run.finditer(text))
        capital_starts = list(map(re.Match.start, capitals))
        merged: list[re.Match[str]] = []
        c = 0  # the first capital match not taken or dropped
        end = 0  # the end of the last match taken
        for at in starts:
            before = bisect.bisect_right(capital_starts, at, c)  # a capital there comes first
            if before > c:
                merged.extend(capitals[c:before])
                end, c = capitals[before - 1].end(), before
            if at < end:
                continue
            found = any_run.match(text, at)
            if found is None:
                continue
            merged.append(found)
            end = found.end()
            past = bisect.bisect_left(capital_starts, end, c)
            if past > c and capitals[past - 1].end() > end:
                capitals = list(run.finditer(text, end))
                capital_starts = list(map(re.Match.start, capitals))
                past = 0
            c = past
        merged.extend(capitals[c:])
        return merged

    def _list_end(self, found: list[tuple[int, int, _Shape]], i: int, defined: set[str]) -> int:
        """The last run of a list "A, B, dan C" that continues the title in found[i]."""
        j = i + 1
        while j < len(found):
            gap = (found[j - 1][1], found[j][0])
            start, _, shape = found[j]
            if self.conjunction_gap(*gap):
                if j == i + 1:
                    return i
                words = shape.build(start, defined)
                return i if self.starts_office(words, 0, len(words)) else j
            if not _list_gap(self.text, *gap):
                return i
            if self.portfolio_pair(shape.words):
                return j
            if len(shape.words) > 3 or shape.has_office:
                return i
            j += 1
        return i

    def conjunction_gap(self, start: int, end: int) -> bool:
        """Whether text[start:end] is a conjunction between two runs (", dan ", " and ");
        the words are compared before the pattern is tried."""
        if self.text[start:end].strip(" \t,") not in self.rules.conjunction_words:
            return False
        return self.rules.conjunction_gap.fullmatch(self.text, start, end) is not None

    def portfolio_pair(self, words: Sequence[_WordShape]) -> bool:
        """Whether a run's words open with two portfolios joined by a conjunction
        ("Olahraga dan Pariwisata ...", "Industry and Energy ...", "Penyandang Disabilitas dan
        Sosial ..."): the end of a list of portfolios after a comma, not a second office."""
        rules = self.rules
        # The conjunction follows a portfolio of one or two words ("Penyandang Disabilitas dan")
        c = next((k for k in (1, 2) if k < len(words) and words[k][3] == CONNECTOR), None)
        if c is None or c + 1 >= len(words) or words[c][2] not in rules.conjunctions:
            return False
        return all(
            kind == VOCAB and key in rules.title_vocab and key not in rules.place_openings
            for _, _, key, kind, _, _ in (*words[:c], words[c + 1])
        )

    # Names ----------------------------------------------------------------------------

    def vietnamese_end(self, words: Sequence[_Word], i: int, hi: int) -> int:
        """The end of a Vietnamese name starting at words[i] (i when there is none)."""
        if not words[i].surname or words[i].kind == OFFICE:
            return i
        j = i + 1
        while (
            j < hi
            and j - i < _MAX_NAME_WORDS
            and words[j].syllable
            and words[j].kind in (NAME, VOCAB)
            and words[j].key not in self.rules.place_after
        ):
            j += 1
        return j if j - i >= 2 else i

    def place_follows(self, end: int) -> bool:
        """Whether a lowercase place word follows end ("Dinh Tien Hoang streets", "Ho Chi
        Minh city"): the capitalised words before it name a place after a person."""
        rest = self.text[end : end + 16].lstrip(" \t")
        if not rest[:1].islower():
            return False
        return _fold(rest.split(None, 1)[0].rstrip(".,;:)")) in self.rules.place_after

    def acceptable(
        self, words: Sequence[_Word], i: int, j: int, titled: bool, credited: bool = False
    ) -> bool:
        """Whether words[i:j] may be a person: not a place, not a run of place syllables.

        A credit (caption, byline) may give Vietnamese given names alone ("Thu Hoai").
        """
        rules = self.rules
        if words[i].key in rules.place_before or words[i].key in rules.organisation_before:
            return False  # "Kecamatan Tan Thuan", "Grup ...": a place or a firm, not a person
        if i > 0 and words[i - 1].key in rules.organisation_before:
            return False  # "Grup Kansai Seiki", "PT Sinar Jaya": a firm's name
        if i > 0 and words[i - 1].key in rules.place_before:
            # "Jalan Ly Thai To" is a street; inside a title the word is an adjective:
            # "Ketua Dewan Rakyat Provinsi Nguyen Dang Quang".
            in_title = i > 1 and words[i - 2].kind in (OFFICE, VOCAB)
            if not (in_title and j - i >= 3 and words[i].surname):
                return False
        if j < len(words) and words[j].key in rules.place_after:
            return False
        if j == len(words) and self.place_follows(words[j - 1].end):
            return False
        if (
            not titled
            and words[i].key in rules.place_openings
            and (
                " ".join([w.key for w in words[i:j]]) in rules.places
                or (j - i > 2 and f"{words[i].key} {words[i + 1].key}" in rules.places)
            )
        ):
            return False
        if credited:
            pass
        elif j - i >= 2 and not words[i].surname and all(w.syllable for w in words[i:j]):
            return False  # "Quang Tri", "Hau Giang": Vietnamese place names
        # An initial stands inside a name ("Nicolas D Kanter"), not at its ends; but a
        # one-letter surname opens one ("Y Khue Nie": "Y" opens Ede men's names).
        if (len(words[i].text) < 2 and not words[i].surname) or len(words[j - 1].text) < 2:
            return False
        for w in words[i:j]:
            if not w.text[:1].isupper() or (len(w.text) > 1 and w.text.isupper()):
                return False
        return True

    def name_after_title(self, words: Sequence[_Word], lo: int, hi: int) -> tuple[int, int] | None:
        """The name that follows a title's words in words[lo:hi]."""
        i = lo
        while i < hi - 1:
            if words[i].kind == NAME and self.joins_next(words, i + 1):
                break  # "Ambassador Kim Hye-won and Le Thi Hang": the title's name is before "and"
            # Only a surname opens a Vietnamese name: most words need no call.
            j = self.vietnamese_end(words, i, hi) if words[i].surname else i
            if j > i and self.acceptable(words, i, j, words[i - 1].kind == OFFICE):
                return i, j
            i = max(i + 1, j)
        # Any other name ends the title's words (an abbreviation in brackets may follow it),
        # or, when the run goes on past it, stands before a connector ("Presiden Joko
        # Widodo di Jakarta", "President Joe Biden on Monday").
        end = hi
        while end > lo and words[end - 1].kind == PAREN:
            end -= 1
        start = end
        while start > lo and words[start - 1].kind == NAME:
            start -= 1
        if start < end and self.name_fits_title(words, lo, start, end):
            return start, end
        if end - start > 1 and start < (past := self.past_place(words, start, end)) < end:
            if self.name_fits_title(words, lo, past, end):
                return past, end  # "Ambassador to Viet Nam Kim Seo-yeon": the place is the title's
        i = lo
        while i < hi:
            if words[i].kind != NAME:
                i += 1
                continue
            j = i
            while j < hi and words[j].kind == NAME:
                j += 1
            if j < hi and words[j].kind == CONNECTOR:
                if self.name_fits_title(words, lo, i, j):
                    return i, j
                past = self.past_place(words, i, j)  # "Ambassador to Viet Nam Kim Hye-won and"
                fits = i < past < j and self.name_fits_title(words, lo, past, j)
                return (past, j) if fits else None
            i = j
        return None

    def joins_next(self, words: Sequence[_Word], k: int) -> bool:
        """Whether words[k] is a conjunction ("dan", "and") joining two parts of a run."""
        if k >= len(words) or words[k].kind != CONNECTOR:
            return False
        return words[k].key in self.rules.conjunctions

    def past_place(self, words: Sequence[_Word], start: int, end: int) -> int:
        """The end of the longest place that opens words[start:end] (start when none does)."""
        rules = self.rules
        past = start
        phrase = ""
        for k in range(start, end):
            phrase = f"{phrase} {words[k].key}" if phrase else words[k].key
            if phrase not in rules.place_openings:
                break
            if phrase in rules.places:
                past = k + 1
        return past

    def past_region(self, words: Sequence[_Word], a: int, b: int) -> int:
        """Where a title's name may start: after the office word, and for a regional office
        also after the unknown place it governs ("Bupati Kendal Dyah Kartika Permanasari")."""
        rules = self.rules
        # A firm's one-word name after "Perum"/"Grup" stands where a governed place does.
        regional = next(
            (
                k
                for k in range(a, b)
                if words[k].key in rules.regional or words[k].key in rules.organisation_before
            ),
            None,
        )
        if regional is None:
            return a + 1
        k = regional + 1
        while k < b and words[k].kind != NAME:
            k += 1
        if k < b and words[k].surname and not any(w.surname for w in words[k + 1 : b]):
            return k  # "Gubernur Nguyen Van Hung": a surname with none after it opens the name
        # A firm's name may be two words ("Grup Kansai Seiki Tanaka Hiroshi"): only one name
        # word before a two-word name is taken for it.
        one_word = words[regional].key in rules.regional or b - k == 3
        if one_word and b - k >= 3 and all(w.kind == NAME for w in words[k : k + 3]):
            return k + 1
        return a + 1

    def name_fits_title(self, words: Sequence[_Word], lo: int, start: int, end: int) -> bool:
        """Whether words[start:end] may be the name that a title (from words[lo - 1]) gives."""
        if end - start > _MAX_NAME_WORDS:
            return False
        if end - start == 1 and any(w.kind not in (OFFICE, ACRONYM) for w in words[lo - 1 : start]):
            return False  # "Kepala Badan Pengarah": one unknown word after a long title
        if self.text[words[start - 1].end : words[start - 1].end + 1] in _APOSTROPHES:
            return False  # "Prime Minister's Decision": what an office owns, not a name
        if self.opens_organisation(words, lo - 1, start) or words[start - 1].kind == CONNECTOR:
            return False  # "Departemen Bea Cukai", "Committee for Disaster Prevention"
        return self.acceptable(words, start, end, False)

    def opens_organisation(self, words: Sequence[_Word], lo: int, start: int) -> bool:
        """Whether the words just before words[start] (not before words[lo]) open an
        organisation's name ("Departemen", "Department of"), so what follows names it."""
        openers = self.rules.organisation_openers
        if start - 1 >= lo and words[start - 1].key in openers:
            return True
        return start - 2 >= lo and f"{words[start - 2].key} {words[start - 1].key}" in openers

    def name_prefix(
        self, words: Sequence[_Word], lo: int, hi: int, credited: bool = False
    ) -> int | None:
        """The end of the name that starts words[lo:hi], if it starts with one."""
        j = self.vietnamese_end(words, lo, hi)
        if j > lo:
            return j if self.acceptable(words, lo, j, False) else None
        j = lo
        while j < hi and (words[j].kind == NAME or (credited and words[j].syllable)):
            j += 1
        if j == lo or j - lo > _MAX_NAME_WORDS:
            return None
        if j < hi and words[j].kind in (VOCAB, ACRONYM):
            return None  # "the World Bank", "Bank Mandiri": an organisation's name
        return j if self.acceptable(words, lo, j, False, credited) else None

    def name_suffix(self, words: Sequence[_Word], lo: int, hi: int) -> int | None:
        """The start of the name that ends words[lo:hi], if it ends with one."""
        for i in range(max(lo, hi - _MAX_NAME_WORDS), hi - 1):
            if (
                words[i].surname  # only a surname opens a Vietnamese name
                and self.vietnamese_end(words, i, hi) == hi
                and self.acceptable(words, i, hi, False)
            ):
                return i
        i = hi
        while i > lo and words[i - 1].kind == NAME:
            i -= 1
        if i == hi or hi - i > _MAX_NAME_WORDS:
            return None
        return i if self.acceptable(words, i, hi, False) else None

    # Titles ---------------------------------------------------------------------------

    def starts_office(self, words: Sequence[_Word], i: int, hi: int) -> bool:
        """Whether an office begins at words[i] ("Ketua ...", "Indonesian President")."""
        if words[i].kind == OFFICE:
            return True
        modifier = words[i].key in self.rules.premodifiers or words[i].kind == ACRONYM
        return modifier and i + 1 < hi and words[i + 1].kind == OFFICE

    def title_start(self, words: Sequence[_Word], lo: int, hi: int) -> int | None:
        """Where the first title of words[lo:hi] begins (its office word and premodifiers)."""
        rules = self.rules
        for i in range(lo, hi):
            if words[i].kind == OFFICE:
                while i > lo and (
                    words[i - 1].key in rules.premodifiers
                    or words[i - 1].kind == ACRONYM
                    or (rules.organisation_first and words[i - 1].key in rules.title_vocab)
                ):
                    i -= 1
                return i
        return None

    def segments(self, words: Sequence[_Word], lo: int, hi: int) -> list[tuple[int, int]]:
        """words[lo:hi] cut where a conjunction joins two offices."""
        cuts = [lo]
        office_before = False
        for i in range(lo, hi - 1):
            w = words[i]
            if (
                office_before
                and w.kind == CONNECTOR
                and w.key in self.rules.conjunctions
                and self.starts_office(words, i + 1, hi)
            ):
                cuts.extend((i, i + 1))
                office_before = False
            elif w.kind == OFFICE:
                office_before = True
        cuts.append(hi)
        return [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]

    def titles(self, words: Sequence[_Word], lo: int, hi: int) -> list[tuple[int, int]]:
        """The offices written in words[lo:hi], one span each."""
        spans = []
        for a, b in self.segments(words, lo, hi):
            while b > a and words[b - 1].kind == CONNECTOR:
                b -= 1
            while a < b and words[a].kind == CONNECTOR:
                a += 1  # "dan mantan Ketua ...": the office after a conjunction starts at "Ketua"
            # "Indonesia's Foreign Minister": the owner's name is not part of the office
            if b - a > 1 and self.text[words[a].end : words[a].end + 1] in _APOSTROPHES:
                a += 1
            if b > a:
                spans.append((words[a].start, words[b - 1].end))
        return spans

    # Reading a run --------------------------------------------------------------------

    def read(self, words: list[_Word], cue_before: str | None, wants_tail: bool = True) -> _Reading:
        """The people a run (or a part of it after an honorific) names."""
        reading = _Reading()
        lo, hi = 0, len(words)
        while lo < hi and words[lo].key in self.rules.speech_words:
            cue_before = "hearsay" if words[lo].key in self.rules.hearsay else "speech_before"
            lo += 1
            while lo < hi and words[lo].kind == CONNECTOR:  # "According to"
                lo += 1
        start = self.title_start(words, lo, hi)
        if start is None:
            self.read_plain(words, lo, hi, cue_before, reading, wants_tail)
            return reading
        if start > lo:
            self.read_plain(words, lo, start, cue_before, reading, False)
            reading.tail = None
        pending: list[tuple[int, int]] = []
        for a, b in self.segments(words, start, hi):
            name = self.name_after_title(words, self.past_region(words, a, b), b)
            if name is None:
                pending.extend(self.titles(words, a, b))
                continue
            i, j = name
            titles = [*pending, *self.titles(words, a, i)]
            pending = []
            reading.found.append(_Candidate(list(words[i:j]), titles, "title_before_name"))
            if j == hi:
                reading.tail = list(words[i:j])
            elif self.joins_next(words, j) and j + 1 < b:
                # "Ambassador Kim Hye-won and Le Thi Hang": a second name after the title's
                self.read_plain(words, j + 1, b, None, reading, wants_tail and b == hi)
        reading.dangling = pending
        return reading

    def read_plain(
        self,
        words: list[_Word],
        lo: int,
        hi: int,
        cue_before: str | None,
        reading: _Reading,
        wants_tail: bool = True,
    ) -> None:
        """A part of a run without an office word: names only where a cue points at them."""
        if lo >= hi:
            return
        taken = -1
        if cue_before:
            end = self.name_prefix(words, lo, hi, cue_before in _CREDITS)
            if end is not None:
                reading.found.append(_Candidate(list(words[lo:end]), [], cue_before))
                taken = end
        if taken == hi:
            reading.tail = reading.found[-1].words
        elif wants_tail:
            start = self.name_suffix(words, lo, hi)
            if start is not None and start >= taken:
                reading.tail = list(words[start:hi])
                reading.tail_alone = start == lo
        i = max(lo, taken)
        last_surname = hi - 1
        while last_surname >= i and not words[last_surname].surname:
            last_surname -= 1
        while i <= last_surname:
            j = self.vietnamese_end(words, i, hi)
            if j - i >= 3 and self.acceptable(words, i, j, False):
                reading.found.append(_Candidate(list(words[i:j]), [], "vietnamese_name"))
                i = j
            else:
                i += 1


def _agency_credit(rules: _Rules, words: list[_Word]) -> int | None:
    """Where the photographer's name starts in "VNA/VNS Photo Van Dung": after a caption
    cue written right after an agency's abbreviation, at the end of a line."""
    for k in range(1, len(words) - 1):
        if words[k].key in rules.caption_words and words[k - 1].kind == ACRONYM:
            return k + 1
    return None


def _split_honorifics(words: list[_Word]) -> list[tuple[list[_Word], bool]]:
    """A run's words cut before each honorific that stands before a name."""
    parts: list[tuple[list[_Word], bool]] = []
    current: list[_Word] = []
    honoured = False
    for k, w in enumerate(words):
        if w.kind == HONORIFIC:
            following = words[k + 1] if k + 1 < len(words) else None
            if following is not None and (following.kind == NAME or following.surname):
                if current:
                    parts.append((current, honoured))
                current, honoured = [], True
                continue
            w.kind = VOCAB  # "Ibu Kota": not a form of address here
        current.append(w)
    if current:
        parts.append((current, honoured))
    return parts


def _title_across_honorific(
    parts: list[tuple[list[_Word], bool]], readings: list[_Reading]
) -> None:
    """A title left without a name goes to the name an honorific opens right after it
    ("Direktur Departemen Perencanaan Provinsi Ibu Nguyen Thi Lan", "Minister Mr. X")."""
    for k in range(1, len(parts)):
        before, found = readings[k - 1], readings[k].found
        if parts[k][1] and before.dangling and found and found[0].words[0] is parts[k][0][0]:
            found[0].titles[:0] = before.dangling
            before.dangling = []


def _find(reader: _Reader, runs: list[_Run]) -> list[_Candidate]:
    """Every name found at one place, with the titles given there, in text order."""
    text, rules = reader.text, reader.rules
    found: list[_Candidate] = []
    by_last_word: dict[int, _Candidate] = {}

    def add(candidate: _Candidate) -> _Candidate:
        found.append(candidate)
        by_last_word[id(candidate.words[-1])] = candidate
        return candidate

    consumed: set[int] = set()
    lead_cue: dict[int, list[tuple[int, int]]] = {}
    for r, run in enumerate(runs):
        if r in consumed or not run.may_name:
            continue
        following = runs[r + 1] if r + 1 < len(runs) else None
        titles_for_lead = passed = lead_cue.pop(r, None)
        # The last character before the run, past spaces ("" when only spaces are near).
        before = text[max(0, run.start - 4) : run.start].rstrip(" \t")[-1:]
        cue: str | None = None
        if titles_for_lead is not None:
            cue = "title_comma_name"
        elif before.isalpha() or (before and before in ",:/"):  # what _cue_before reads
            cue = _cue_before(reader, run, before)
        if before in ("", "\n"):  # a byline stands at the start of a line
            byline = _byline(reader, run)
            if byline is not None:
                add(byline)
                continue
        # Only a name that ends the run can take a title after it or a verb of speech.
        end = run.end
        window = text[end : end + 4]
        rest = window.lstrip(" \t")
        after = rest[:1]
        after_end = min(following.start if following else len(text), end + _CONTEXT)
        word_follows = after not in _TITLE_OPENERS and (
            not rest or _word_may_follow(reader, end + len(window) - len(rest))
        )
        wants_tail = after in _TITLE_OPENERS or (
            word_follows
            and (
                rules.introducer_gap.match(text, end, after_end) is not None
                or rules.speech_after.match(text, end, after_end) is not None
            )
        )
        if cue is None and titles_for_lead is None and before.isalpha():
            titles_for_lead = _office_before(reader, run)
            if titles_for_lead is not None:
                cue = "office_before_name"
        # "VNA/VNS Photo Van Dung" ends a caption's line: a credit inside the run
        credit = None
        if text[end : end + 1] in ("", "\n") and not rules.caption_words.isdisjoint(run.keys):
            credit = _agency_credit(rules, run.words)  # words are built only for such runs
        if cue is None and not wants_tail and not run.has_anchor and credit is None:
            continue  # capitalised words with nothing around them that points at a person
        if cue in (None, "title_comma_name") and "," in text[max(0, run.start - 3) : run.start]:
            titles_for_lead = _lowercase_lead(reader, run, titles_for_lead)
            cue = "title_comma_name" if titles_for_lead is not None else None
        readings = []
        words = run.words
        if any(s.honorific for _, s in run.parts):
            parts = _split_honorifics(words)
        else:  # what _split_honorifics gives when no word is an honorific
            parts = [(words, False)] if words else []
        if credit is not None and len(parts) == 1:  # the photographer's name is read alone
            parts = [(parts[0][0][:credit], parts[0][1]), (parts[0][0][credit:], False)]
        else:
            credit = None
        for k, (part, honoured) in enumerate(parts):
            if credit is not None and k == len(parts) - 1:
                readings.append(reader.read(part, "caption", False))
                continue
            part_cue = "honorific" if honoured else (cue if k == 0 else None)
            readings.append(reader.read(part, part_cue, wants_tail and k == len(parts) - 1))
        if len(parts) > 1:
            _title_across_honorific(parts, readings)
        # Offices listed before this run's own ("anggota Komite Sentral Partai, | Sekretaris
        # ..., Hoang Minh Tuan") go with it to the name it gives.
        carried: list[tuple[int, int]] = []
        if passed and reader.title_start(run.words, 0, len(run.words)) == 0:
            carried = passed
        if carried and readings and readings[0].found:
            if readings[0].found[0].rule == "title_before_name":
                readings[0].found[0].titles[:0] = carried
            carried = []
        if titles_for_lead is not None and readings and readings[0].found:
            first = readings[0].found[0]
            if _opens_run(run, first):
                first.titles[:0] = titles_for_lead
            elif cue == "office_before_name":
                _organisation_in_run(reader, run, readings[0], titles_for_lead)
        elif cue == "office_before_name" and len(parts) == 1:
            _organisation_in_run(reader, run, readings[0], titles_for_lead)
        last = readings[-1] if readings else _Reading()
        if following is not None and _title_then_comma_name(reader, last, following):
            last.found.pop()  # "Wakil Menteri Konstruksi, Nguyen Danh Huy": the word is the title's
        for reading in readings:
            for candidate in reading.found:
                if candidate.rule != "caption" or len(candidate.words) >= 2:
                    add(candidate)
        if last.tail is not None and id(last.tail[-1]) not in by_last_word:
            # "Vietnam Airlines said", "supplier Foxconn said": one word after other words is a
            # company; a one-word name speaks at the start of a clause ("Selanjutnya, Luthfi").
            alone = len(last.tail) >= 2 or (last.tail_alone and _opens_clause(text, run.start))
            if (
                alone
                and (after == "," or word_follows)
                and rules.speech_after.match(text, run.end, after_end)
            ):
                add(_Candidate(last.tail, [], "speech_after"))
        if (
            after in ("", ",")  # the comma that opens a lowercase title, if any
            and last.tail is not None
            and (len(last.tail) >= 2 or id(last.tail[-1]) in by_last_word)
        ):
            lower = rules.lowercase_title.match(text, run.end, run.end + 3 * _CONTEXT)
            if lower is not None:
                # "X, head of the steering committee,": a lowercase title up to the clause end
                person = by_last_word.get(id(last.tail[-1]))
                if person is None:
                    person = add(_Candidate(last.tail, [], "name_comma_title"))
                person.titles.extend(_offices_in(reader, *lower.span("title")))
                k = r + 1
                while k < len(runs) and runs[k].start < lower.end():
                    consumed.add(k)  # capitalised words inside the title ("Komite Sentral")
                    k += 1
                listed, taken = _listed_titles(reader, runs, k, lower.end())
                person.titles.extend(listed)
                consumed.update(taken)
                continue
        if following is None:
            continue
        if last.tail is not None and _apposition(reader, text, run, last.tail, following):
            person = by_last_word.get(id(last.tail[-1]))
            if person is None:
                person = add(_Candidate(last.tail, [], "name_comma_title"))
            titles = reader.titles(following.words, 0, len(following.words))
            person.titles.extend(titles)
            # "X dan Y terpilih sebagai T": both are T (not "X and Y, Minister of T")
            if _TITLE_OPENERS.isdisjoint(text[run.end : following.start]):
                partner = _joined_before(reader, found, person)
                if partner is not None and not partner.titles:
                    partner.titles.extend(titles)
            consumed.add(r + 1)
            listed, taken = _listed_titles(reader, runs, r + 2, following.end)
            person.titles.extend(listed)
            consumed.update(taken)
        elif last.dangling and reader.title_start(following.words, 0, len(following.words)) != 0:
            if _title_gap(reader, run.end, following):
                lead_cue[r + 1] = [*carried, *last.dangling]
            elif (title_end := _demonstrative_end(reader, run.end, following)) is not None:
                # "Direktur perusahaan tersebut, X": "perusahaan" is the title's
                *others, (start, _) = last.dangling
                lead_cue[r + 1] = [*carried, *others, (start, title_end)]
        elif last.dangling and _list_gap(text, run.end, following.start):
            lead_cue[r + 1] = [*carried, *last.dangling]  # the next run opens with an office
    return found


@functools.cache
def _word_comma() -> regex.Pattern[str]:
    """A capitalised word and a comma that end the text searched; compiled on first need
    (its class of capitals costs milliseconds, and most runs never ask)."""
    return patterns.compile(rf"(?P<word>{_CAP})[ \t]*,[ \t]*$")


def _lowercase_lead(
    reader: _Reader, run: _Run, titles: list[tuple[int, int]] | None
) -> list[tuple[int, int]] | None:
    """The titles before a run and its comma, with the lowercase office that opens their
    clause: "head of the National Steering Committee ..., X"; and "head of the General
    Department of Customs, X", where the run's office word alone gave "General ..."."""
    text, rules = reader.text, reader.rules
    if text[max(0, run.start - 4) : run.start].rstrip(" \t")[-1:] != ",":
        return titles
    if titles:
        first_start, first_end = titles[0]
        lead = rules.lowercase_title_opening.match(
            text, max(0, first_start - _CONTEXT), first_start
        )
        if lead is None or _after_name(reader, lead.start()):
            return titles
        return [(lead.start("title"), first_end), *titles[1:]]
    lo = max(0, run.start - 2 * _CONTEXT)
    if not rules.lowercase_title_probe.search(text, lo, run.start):
        return None
    lead = rules.lowercase_title_before.match(text, lo, run.start)
    if lead is None or _after_name(reader, lead.start()):
        return None  # "X, head of the Steering Committee, Y": the title is X's
    return [lead.span("title")]


_SPACED_WORDS = re.compile(r"\S+")


def _offices_in(reader: _Reader, start: int, end: int) -> list[tuple[int, int]]:
    """A lowercase title cut where a conjunction joins two offices: "member of the Party
    Central Committee and Secretary of the Provincial Party Committee" gives two."""
    rules = reader.rules
    words = list(_SPACED_WORDS.finditer(reader.text, start, end))
    spans: list[tuple[int, int]] = []
    for k in range(1, len(words) - 1):
        word, following = words[k], words[k + 1]
        if _fold(word.group()) in rules.conjunctions and _fold(following.group()) in rules.offices:
            spans.append((start, words[k - 1].end()))
            start = following.start()
    spans.append((start, end))
    return spans


def _after_name(reader: _Reader, end: int) -> bool:
    """Whether a word that may be a name and a comma stand just before end ("Binh, ...",
    not "Meanwhile, ..." or "In Hanoi, ...")."""
    before = _word_comma().search(reader.text, max(0, end - _CONTEXT), end)
    return before is not None and _classify(reader.rules, before.group("word"))[1] == NAME


_NAME_CLOSERS = frozenset(("", ",", ".", ";", ")", "\n"))


def _listed_titles(
    reader: _Reader, runs: list[_Run], k: int, end: int
) -> tuple[list[tuple[int, int]], list[int]]:
    """More offices on a comma list after a person's title that ends at end, and the runs
    that hold them ("X, anggota Komite Sentral Partai, Wakil Sekretaris Komite Partai Kota
    dan Ketua Komite Rakyat Kota, serta ..."): each run an office with no name in it, and no
    name after its comma (that name's title: "X, anggota ..., Ketua ..., Tran Van B")."""
    text = reader.text
    titles: list[tuple[int, int]] = []
    taken: list[int] = []
    while k < len(runs) and _list_gap(text, end, runs[k].start):
        run = runs[k]
        words = run.words
        if reader.title_start(words, 0, len(words)) != 0:
            break
        segments = reader.segments(words, 0, len(words))
        if any(reader.name_after_title(words, reader.past_region(words, a, b), b)
               for a, b in segments):  # fmt: skip
            break
        if k + 1 < len(runs) and _title_gap(reader, run.end, runs[k + 1]):
            break
        titles.extend(reader.titles(words, 0, len(words)))
        taken.append(k)
        end = run.end
        k += 1
    return titles, taken


def _title_gap(reader: _Reader, start: int, following: _Run) -> bool:
    """Whether the text from start to the following run may stand between a title and the
    name that run gives: a comma, a place set off by commas ("Gubernur Prefektur Aichi,
    Jepang, Tanaka Hiroshi") or a relative clause ending at a comma when the name is set
    off by commas too ("Wakil Ketua ... yang membidangi budaya, Tran Van Minh, menyatakan";
    not "bertemu Menteri ... yang sedang berkunjung, Budi Santoso mengatakan")."""
    text, rules = reader.text, reader.rules
    end = following.start
    if _list_gap(text, start, end):
        return True
    if end - start > _CONTEXT:
        return False
    parts = text[start:end].split(",")
    if len(parts) == 3 and not parts[0].strip(" \t") and not parts[2].strip(" \t"):
        return _fold(parts[1].strip(" \t")) in rules.places
    if rules.title_clause.fullmatch(text, start, end) is None:
        return False
    return text[following.end : following.end + 3].lstrip(" \t")[:1] in _NAME_CLOSERS


def _demonstrative_end(reader: _Reader, start: int, following: _Run) -> int | None:
    """Where a title that ends with lowercase words and a demonstrative before the comma of
    the following name ends ("Wakil Direktur Pusat tersebut, Pham Thi Thanh Nga,"); None
    when the text from start to that name is something else."""
    pattern, text = reader.rules.title_demonstrative, reader.text
    if pattern is None or following.start - start > _CONTEXT:
        return None
    found = pattern.fullmatch(text, start, following.start)
    if found is None or text[following.end : following.end + 3].lstrip(" \t")[:1] not in (
        _NAME_CLOSERS
    ):
        return None
    return found.end("end")


def _opens_run(run: _Run, candidate: _Candidate) -> bool:
    """Whether a name found by a cue opens its run, after an honorific if any: the name a
    title before ", " gives ("Direktur Departemen ..., Ibu Nguyen Thi Lan")."""
    if candidate.rule in ("title_comma_name", "office_before_name"):
        return candidate.start == run.start
    words = run.words
    return (
        candidate.rule == "honorific"
        and len(words) > 1
        and words[0].kind == HONORIFIC
        and candidate.words[0] is words[1]
    )


def _office_before(reader: _Reader, run: _Run) -> list[tuple[int, int]] | None:
    """The lowercase title right before a run: after the organisation that opens it ("ACV
    general director X"), without a sentence's first word that is not the organisation's
    ("Meanwhile EVN chairman X" gives "EVN chairman"); or opening a clause with the
    organisation after a connector ("..., deputy minister of finance X")."""
    rules, text = reader.rules, reader.text
    lo = max(0, run.start - _CONTEXT)
    before = text[lo : run.start]
    last = before.rsplit(None, 1)[-1:]
    if rules.office_before_name is None or not last:
        return None
    if last[0] not in rules.office_before_words:
        # Only "..., deputy minister of finance X" is left: an office word opens the clause.
        clause = before[max(map(before.rfind, _CLAUSE_ENDS)) + 1 :].split(None, 1)
        if not clause or clause[0].lower() not in rules.office_before_words:
            return None
    found = rules.office_before_name.search(text, lo, run.start)
    if found is None:
        return None
    start, end = found.start(), found.start() + len(found.group().rstrip(" \t"))
    organisation = found.group("organisation")
    if organisation is None:
        return [(start, end)]  # "..., deputy minister of finance X"
    first = organisation.split(None, 1)[0]
    if _opens_sentence(text, start):
        kind = _classify(rules, first)[1]
        if kind == VOCAB and _fold(first) not in rules.title_vocab:  # "Meanwhile", "The"
            if first == organisation:
                return None
            start += len(first)
            start += len(text[start:end]) - len(text[start:end].lstrip(" \t"))
    return [(start, end)]


_CLAUSE_ENDS = (",", ".", ";", ":", "\n")


def _organisation_in_run(
    reader: _Reader, run: _Run, reading: _Reading, lead: list[tuple[int, int]] | None
) -> None:
    """A lowercase office before a run that opens with its organisation, then a name:
    "deputy head of the | Central Economic Commission Tran Tuan Anh". The name (one that
    opens with a surname) gets the title from the office to the organisation's end."""
    words = run.words
    if not lead or words[0].kind not in (VOCAB, ACRONYM):
        return
    name = reader.name_after_title(words, 0, len(words))
    if name is None or name[0] == 0 or not words[name[0]].surname:
        return  # "head of the Committee for Natural Disaster Prevention, X": no name inside
    i, j = name
    title = (lead[0][0], words[i - 1].end)
    for candidate in reading.found:
        if candidate.words[0] is words[i]:
            candidate.titles.insert(0, title)
            return
    reading.found.append(_Candidate(list(words[i:j]), [title], "office_before_name"))


def _opens_sentence(text: str, start: int) -> bool:
    """Whether start opens a sentence or a line (only a full stop, a newline or nothing
    stands before it)."""
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return not before or before[-1] in '.!?\n"“'


def _opens_clause(text: str, start: int) -> bool:
    """Whether only punctuation (or nothing) stands before start in its clause."""
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return not before or before[-1] in _CLAUSE_MARKS


def _cue_before(reader: _Reader, run: _Run, before: str) -> str | None:
    """What the words just before a run (whose last character is before) say about it: a
    caption credit, a speech verb, or a role set off by commas ("Ekonom senior, X, menilai")."""
    text, rules = reader.text, reader.rules
    before_from = max(0, run.start - _CONTEXT)
    if before in (":", "/") and rules.caption.search(text, before_from, run.start):
        return "caption"
    if before and (before.isalpha() or before in ",:") and _word_may_precede(reader, run.start):
        cue = rules.speech_before.search(text, before_from, run.start)
        if cue is not None:
            return "hearsay" if _fold(cue.group()).split()[0] in rules.hearsay else "speech_before"
    if before == "," and _ROLE_NAME_END.match(text, run.end):
        if rules.role_before.search(text, before_from, run.start):
            return "role_comma_name"
    return None


# After a name a role introduces: a comma and a lowercase word ("Aviliani, menilai").
_ROLE_NAME_END = patterns.compile(r"[ \t]*,[ \t]*\p{Ll}")


def _word_may_follow(reader: _Reader, at: int) -> bool:
    """Whether the word at at (the first after a run) may open an introducer, an adverb or
    a verb of speech: most words after a run do not, and need no pattern."""
    groups = reader.rules.after_words
    if groups is None:
        return True
    text = reader.text
    options = groups.get(text[at : at + 2])
    return options is not None and text.startswith(options, at)


def _word_may_precede(reader: _Reader, start: int) -> bool:
    """Whether the text before start (past spaces and a comma or colon) may end with a
    verb of speech: most words before a run are not one, and need no pattern."""
    groups = reader.rules.before_words
    if groups is None:
        return True
    text = reader.text
    near_from = max(0, start - _CONTEXT)  # the window speech_before searches
    near = text[near_from:start].rstrip(" \t")
    if near[-1:] in (",", ":"):
        near = near[:-1].rstrip(" \t")
    options = groups.get(near[-2:])
    return options is not None and text.endswith(options, near_from, near_from + len(near))


def _title_then_comma_name(reader: _Reader, reading: _Reading, following: _Run) -> bool:
    """Whether a run's last one-word "name" is really the end of a title followed by
    ", Name" ("Wakil Menteri Konstruksi, Nguyen Danh Huy"); if so, the title dangles."""
    if not reading.found or reading.tail is None:
        return False
    last = reading.found[-1]
    if last.rule != "title_before_name" or len(last.words) != 1 or last.words[0].surname:
        return False
    if last.words[-1] is not reading.tail[-1] or not last.titles:
        return False
    if not _title_gap(reader, last.end, following):
        return False
    words = following.words
    if reader.title_start(words, 0, len(words)) == 0:
        return False
    if reader.name_prefix(words, 0, len(words)) is None:
        return False
    start = last.titles[-1][0]
    reading.dangling = [*last.titles[:-1], (start, last.end)]
    reading.tail = None
    return True


def _byline(reader: _Reader, run: _Run) -> _Candidate | None:
    """A credit line: "By Minh Thu, ...", a name alone on its line, "Thu Hoai/VOV"."""
    text, rules = reader.text, reader.rules
    lo = 0
    i = run.start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] != "\n":
        return None
    if run.parts[0][1].keys[0] in rules.byline_words:
        lo = 1
    elif not _LINE_END.match(text, run.end):
        return None
    words = run.words
    hi = len(words)
    if hi - lo < 2:
        return None
    end = reader.name_prefix(words, lo, hi, credited=True)
    if end is None or (lo == 0 and end != hi):
        return None
    if lo == 0 and not words[0].surname and run.start < len(text) - _BYLINE_TAIL:
        return None  # a lone line of capitalised words is a byline only near the end
    return _Candidate(list(words[lo:end]), [], "byline")


def _apposition(reader: _Reader, text: str, run: _Run, tail: list[_Word], following: _Run) -> bool:
    """Whether the run after a name is that name's title ("X, Kepala ...", "X, who is ...")."""
    gap = reader.rules.apposition_gap.fullmatch(text, run.end, following.start)
    if gap is None or (gap.group("mark") is None and gap.group("introducer") is None):
        return False
    words = following.words
    introduced = gap.group("introducer") is not None
    if not introduced and not any(w.kind == OFFICE for w in words[:_MAX_NAME_WORDS]):
        return False
    start = reader.title_start(words, 0, len(words))
    if start is None:
        return False
    if introduced:
        return gap.group("mark") is not None or _named_alone(run, tail)
    # "X, Presiden Joko Widodo": the run names someone else; "X, Direktur Perusahaan
    # Listrik": an unknown word in a title is not a second person after a full name.
    for a, b in reader.segments(words, start, len(words)):
        name = reader.name_after_title(words, a + 1, b)
        if name is None:
            continue
        i, j = name
        if words[i].surname or j - i > 1 or len(tail) < 2:
            return False
    return True


def _joined_before(
    reader: _Reader, found: list[_Candidate], person: _Candidate
) -> _Candidate | None:
    """The name found just before a person and joined to it by a conjunction alone
    ("Nguyen Van Nam dan Ho Van Muoi"), if any."""
    for candidate in reversed(found[-3:]):
        if candidate is not person and candidate.end <= person.start:
            if reader.conjunction_gap(candidate.end, person.start):
                return candidate
            return None
    return None


def _named_alone(run: _Run, tail: list[_Word]) -> bool:
    """Whether a name before a bare introducer is more than one word, or its run holds
    nothing else but an honorific ("melantik Budi sebagai ...", not "Indonesia Maju
    menjadi ...")."""
    words = run.words
    return len(tail) >= 2 or len(words) == 1 or words[-2].kind == HONORIFIC


def extract(view: TextView) -> tuple[Person, ...]:
    """Every person the text names, once, with all mentions and all distinct titles."""
    reader = _Reader(view.text, _rules(view.lexicon))
    runs = reader.runs()
    return _merge(reader, runs, _find(reader, runs))


@dataclass(slots=True)
class _Person:
    """One individual while merging: its name's key, fullest span, mentions and titles."""

    key: tuple[str, ...]
    name: tuple[int, int]
    mentions: dict[int, int] = field(default_factory=dict)
    titles: dict[str, tuple[int, int]] = field(default_factory=dict)


def _is_weak(candidate: _Candidate) -> bool:
    """A one-word name found only by a verb after it or by "menurut"/"according to"."""
    return len(candidate.words) == 1 and candidate.rule in ("speech_after", "hearsay")


def _parts(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Every run of consecutive words of a name's key, the whole key included.

    A name has a few words, so its parts are few; looking them up replaces comparing
    every name with every other.
    """
    n = len(key)
    return {key[i:j] for i in range(n) for j in range(i + 1, n + 1)}


def _merge(reader: _Reader, runs: list[_Run], candidates: list[_Candidate]) -> tuple[Person, ...]:
    """One Person per individual: shorter names join the fuller name they are part of."""
    text = reader.text
    people: list[_Person] = []
    by_key: dict[tuple[str, ...], _Person] = {}
    holding: dict[tuple[str, ...], list[_Person]] = {}  # a part of a name -> whose it is
    sightings: dict[tuple[str, ...], int] = {}
    for c in candidates:
        sightings[c.key] = sightings.get(c.key, 0) + 1
    # The sort key reads the first word's start itself: one call fewer per candidate.
    for c in sorted(candidates, key=lambda c: (-len(c.words), _is_weak(c), c.words[0].start)):
        person = by_key.get(c.key)
        if person is None:
            holders = holding.get(c.key)
            if holders:
                person = _holder(text, holders, c)
            elif _is_weak(c) and sightings[c.key] < 2:
                continue  # "Officials said", "Menurut Warga": one word, seen once
            else:
                person = _Person(c.key, (c.start, c.end))
                people.append(person)
                for part in _parts(c.key):
                    holding.setdefault(part, []).append(person)
            if not holders or len(holders) == 1:  # "Nam" of two people is chosen each time
                by_key[c.key] = person
        person.mentions[c.start] = c.end
        for start, end in c.titles:
            person.titles.setdefault(_title_key(text[start:end]), (start, end))
    _add_later_mentions(reader, runs, people, candidates)
    result = []
    for p in sorted(people, key=lambda p: min(p.mentions)):
        titles = sorted(p.titles.values())
        mentions = sorted(p.mentions.items())
        result.append(
            Person(
                name=text[p.name[0] : p.name[1]],
                titles=tuple(text[s:e] for s, e in titles),
                mentions=tuple(Mention(text[s:e], s, e) for s, e in mentions),
            )
        )
    return tuple(result)


_PARENTHESES = re.compile(r"\([^()]*\)")


def _title_key(title: str) -> str:
    """A title compared without case, diacritics or a parenthesised abbreviation."""
    return " ".join(_fold(_PARENTHESES.sub(" ", title)).split())


def _holder(text: str, holders: list[_Person], candidate: _Candidate) -> _Person:
    """Whose part of a name a shorter mention is: of several people ("Ta Quang Nam",
    "Nguyen Ngoc Nam"), the ones already given the mention's title ("Deputy Minister Nam"
    is the Deputy Minister of ...), then the one named last before it."""
    if len(holders) > 1 and candidate.titles:
        words = {w for s, e in candidate.titles for w in _title_key(text[s:e]).split()}
        fitting = [p for p in holders if any(words <= set(t.split()) for t in p.titles)]
        holders = fitting or holders
    return min(holders, key=lambda p: _distance(p, candidate.start))


def _distance(person: _Person, start: int) -> int:
    """How far before start the person was last named (far when only after it)."""
    before = [s for s in person.mentions if s <= start]
    return start - max(before) if before else 10**9 + min(person.mentions)


def _add_later_mentions(
    reader: _Reader, runs: list[_Run], people: list[_Person], candidates: list[_Candidate]
) -> None:
    """Every other place a known name (or a distinctive word of one) is written."""
    rules = reader.rules
    forms: dict[str, list[tuple[tuple[str, ...], _Person]]] = {}
    owners: dict[tuple[str, ...], set[int]] = {}
    written = {c.key for c in candidates}
    for n, p in enumerate(people):
        keys = _parts(p.key) & written
        # A word of a Vietnamese name alone ("Anh") is any Vietnamese given name.
        if len(p.key) >= 2 and not all(rules.syllable.fullmatch(k) for k in p.key):
            keys |= {(k,) for k in p.key if len(k) >= 3 and k not in rules.vocab}
        for key in keys:
            owners.setdefault(key, set()).add(n)
    for key, who in owners.items():
        if len(who) == 1:
            forms.setdefault(key[0], []).append((key, people[next(iter(who))]))
    for by_length in forms.values():
        by_length.sort(key=lambda o: -len(o[0]))
    taken = {s for p in people for s in p.mentions}
    known = frozenset(forms)
    # A run's keys are read from its shapes: the runs without a known form are passed over
    # in one C loop (map), without words.
    for run in itertools.compress(
        runs, map(operator.not_, map(known.isdisjoint, map(_KEYS, runs)))
    ):
        words = run.words
        run_keys = run.keys
        n = len(run_keys)
        i = 0
        while i < n:
            options = forms.get(run_keys[i])
            if options is None:
                i += 1
                continue
            match = None
            for form, person in options:
                j = i + len(form)
                if j == i + 1:
                    # The one-word form (tried last): a word already taken is skipped
                    # whether or not it is acceptable here.
                    if words[i].start not in taken and reader.acceptable(words, i, j, True):
                        match = (j, person)
                    break
                if tuple(run_keys[i:j]) == form and reader.acceptable(words, i, j, True):
                    match = (j, person)
                    break
            if match is None:
                i += 1
                continue
            j, person = match
            if any(w.start in taken for w in words[i:j]):
                i = j
                continue
            person.mentions[words[i].start] = words[j - 1].end
            i = j
