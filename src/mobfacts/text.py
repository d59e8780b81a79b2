"""Sentences and tokens with character offsets. Nothing here rewrites the text."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from mobfacts.lang import Lexicon


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a span of the text."""

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


_TOKEN = regex.compile(
    r"\p{Nd}+(?:[.,]\p{Nd}+)*"  # 1.500.000 / 3,25 / 2,655.5
    r"|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*"  # words, with inner hyphens or apostrophes
    r"|\S",
)

# A candidate sentence end: terminal punctuation, closing quotes or brackets, then space.
_SENTENCE_END = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
# What may start the next sentence.
_SENTENCE_START = regex.compile(r"\s+[\"'“‘(\[\-–—]?[\p{Lu}\p{Nd}]")
_LAST_WORD = regex.compile(r"([\p{L}\p{M}.]+)\.?$")
_LINE = regex.compile(r"[^\n]+")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], with offsets into the whole text."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def split_sentences(text: str, abbreviations: Iterable[str] = ()) -> tuple[Sentence, ...]:
    """Sentence spans: a line break always ends one; ". " does unless an abbreviation precedes."""
    known = frozenset(abbreviations)
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        begin = line.start()
        for end_mark in _SENTENCE_END.finditer(text, line.start(), line.end()):
            if not _SENTENCE_START.match(text, end_mark.end(), line.end()):
                continue
            if _is_abbreviation(text, begin, end_mark.start(), end_mark.group(), known):
                continue
            sentences.append(_trimmed(text, begin, end_mark.end()))
            begin = end_mark.end()
        sentences.append(_trimmed(text, begin, line.end()))
    return tuple(s for s in sentences if s.end > s.start)


def _is_abbreviation(text: str, begin: int, dot: int, mark: str, known: frozenset[str]) -> bool:
    if not mark.startswith(".") or len(mark) > 1:
        return False
    word = _LAST_WORD.search(text, max(begin, dot - 12), dot)
    if word is None:
        return False
    stem = word.group(1)
    # Initials ("H. Nguyen", "J.") and listed abbreviations do not end a sentence.
    return (len(stem) == 1 and stem.isupper()) or stem in known


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


@dataclass(frozen=True)
class TextView:
    """An article's text with its sentences: what every extractor reads."""

    text: str
    lexicon: Lexicon
    sentences: tuple[Sentence, ...]
    _starts: tuple[int, ...] = field(repr=False)

    @classmethod
    def of(cls, text: str, lexicon: Lexicon) -> TextView:
        sentences = split_sentences(text, lexicon.words("language", "abbreviations"))
        return cls(text, lexicon, sentences, tuple(s.start for s in sentences))

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that holds offset (or the last one before it, or an empty span)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[i] if i >= 0 else Sentence(offset, offset)

    def sentence_text(self, offset: int) -> str:
        sentence = self.sentence_at(offset)
        return self.text[sentence.start : sentence.end]
