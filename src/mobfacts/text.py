"""Sentences and tokens with character offsets. Nothing here rewrites the text."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from mobfacts import patterns
from mobfacts.lang import Lexicon


def trie(words: Iterable[str], *, lower: bool = True) -> str:
    """An alternation of words written as a trie; a space in a word matches any whitespace.

    At a position, the engine tries the words' shared first characters once instead of
    every word in turn; of the words that match there, the longest is tried first, as in an
    alternation ordered longest first (case-folded words when lower).
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word.lower() if lower else word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = []
        for char, child in sorted(node.items()):
            if char:
                chars = [char]  # a chain of nodes with one child each is one literal run
                while len(child) == 1 and "" not in child:
                    (char, child), *_ = child.items()
                    chars.append(char)
                branches.append(literal("".join(chars)) + build(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    def literal(chars: str) -> str:
        return r"\s+".join(re.escape(part) for part in chars.split(" "))

    return build(root) or r"(?!)"


class Sentence(NamedTuple):
    """A sentence as a span of the text (a named tuple: the cheapest immutable value to build)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a number (with its separators) or one punctuation character."""

    text: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


_TOKEN = patterns.compile(
    r"\p{Nd}+(?:[.,]\p{Nd}+)*"  # 1.500.000 / 3,25 / 2,655.5
    r"|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*"  # words, with inner hyphens or apostrophes
    r"|\S",
)

# A candidate sentence end: terminal punctuation, closing quotes or brackets, then space.
# Stdlib re, whose scan is much faster when the pattern starts with one character or a class
# (not "[..]+"); the space is the regex module's \s, which leaves out \x1c-\x1f.
_END_TAIL = r"[\"'”’)\]]*(?=[^\S\x1c-\x1f])"
_SENTENCE_END = re.compile(rf"[.!?…][.!?…]*{_END_TAIL}")
# The same when only "." can end a sentence (most texts): a literal first is faster still.
_SENTENCE_END_DOT = re.compile(rf"\.\.*{_END_TAIL}")
# What may start the next sentence.
_SENTENCE_START = patterns.compile(r"\s+[\"'“‘(\[\-–—]?[\p{Lu}\p{Nd}]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], with offsets into the whole text."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def split_sentences(text: str, abbreviations: Iterable[str] = ()) -> tuple[Sentence, ...]:
    """Sentence spans: a line break always ends one; ". " does unless an abbreviation precedes."""
    known = frozenset(abbreviations)
    sentences: list[Sentence] = []
    ends = _sentence_end(text).finditer(text)
    end_mark = next(ends, None)
    for begin, line_end in _lines(text):
        # The marks come in text order; one that ends at the line break ends no sentence.
        while end_mark is not None and end_mark.start() < line_end:
            mark_end = end_mark.end()
            if (
                mark_end < line_end
                and _SENTENCE_START.match(text, mark_end, line_end)
                and not _is_abbreviation(text, begin, end_mark.start(), end_mark.group(), known)
            ):
                _add_trimmed(sentences, text, begin, mark_end)
                begin = mark_end
            end_mark = next(ends, None)
        _add_trimmed(sentences, text, begin, line_end)
    return tuple(sentences)


def _sentence_end(text: str) -> re.Pattern[str]:
    """The end-mark scan for the text: the literal one when "." is its only terminal mark."""
    return _SENTENCE_END if "!" in text or "?" in text or "…" in text else _SENTENCE_END_DOT


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """The start and end of every non-empty line."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line:
            yield start, end
        start = end + 1


def _is_abbreviation(text: str, begin: int, dot: int, mark: str, known: frozenset[str]) -> bool:
    if not mark.startswith(".") or len(mark) > 1:
        return False
    stem = word_before(text, max(begin, dot - 12), dot)
    # Initials ("H. Nguyen", "J.") and listed abbreviations do not end a sentence.
    return (len(stem) == 1 and stem.isupper()) or stem in known


def word_before(text: str, low: int, end: int) -> str:
    """The letters, combining marks and dots that end text[low:end] ("" when none do).

    A step back per character: a regex search for this tries every start in the window.
    """
    i = end
    while i > low:
        c = text[i - 1]
        if not (c.isalpha() or c == "." or unicodedata.category(c)[0] == "M"):
            break
        i -= 1
    return text[i:end]


def _add_trimmed(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Adds text[start:end] without its outer spaces, unless nothing is left."""
    stripped = text[start:end].lstrip()
    if stripped:
        start = end - len(stripped)
        sentences.append(Sentence(start, start + len(stripped.rstrip())))


@functools.cache
def _abbreviations(lexicon: Lexicon) -> frozenset[str]:
    """The language's abbreviations, as a set once per lexicon instead of once per text."""
    return frozenset(lexicon.words("language", "abbreviations"))


@dataclass(frozen=True)
class TextView:
    """An article's text with its sentences: what every extractor reads."""

    text: str
    lexicon: Lexicon
    sentences: tuple[Sentence, ...]
    _starts: tuple[int, ...] = field(repr=False)

    @classmethod
    def of(cls, text: str, lexicon: Lexicon) -> TextView:
        sentences = split_sentences(text, _abbreviations(lexicon))
        return cls(text, lexicon, sentences, tuple(s.start for s in sentences))

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that holds offset (or the last one before it, or an empty span)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[i] if i >= 0 else Sentence(offset, offset)

    def sentence_text(self, offset: int) -> str:
        sentence = self.sentence_at(offset)
        return self.text[sentence.start : sentence.end]
