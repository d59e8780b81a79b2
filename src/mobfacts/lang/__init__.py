"""Language data: one folder of TOML files per language, loaded into a Lexicon.

A language is data, not code: ``lang/<code>/`` holds ``language.toml`` (name, detection
words, abbreviations), ``numbers.toml``, ``figures.toml``, ``people.toml`` and
``dates.toml``, with the same keys in every language (documented in ``lang/README.md``).
A wheel also holds a JSON copy of each, read while it matches the TOML (copies.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import filterfalse
from pathlib import Path
from typing import Any

from mobfacts.lang import copies

SECTIONS: tuple[str, ...] = ("language", "numbers", "figures", "people", "dates")
# The language folders lie beside this module: a wheel and an editable install both keep
# them there (importlib.resources would cost a cold start 5 ms of imports to say so).
_DATA = Path(__file__).parent


class UnknownLanguageError(ValueError):
    """Raised for a language code that has no data folder."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The words of one language, by section (one section per TOML file).

    Compared and hashed by identity: ``load`` returns one Lexicon per code per process,
    so extractors may cache compiled patterns keyed by it. A section's file is read when
    first asked for: detecting a language reads only each ``language.toml``.
    """

    code: str
    name: str
    folder: Path = field(repr=False)
    _sections: dict[str, Mapping[str, Any]] = field(default_factory=dict, repr=False)

    def section(self, name: str) -> Mapping[str, Any]:
        found = self._sections.get(name)
        if found is None:
            path = self.folder / f"{name}.toml"
            is_data = name in SECTIONS and path.is_file()
            found = copies.read(path) if is_data else {}
            self._sections[name] = found
        return found

    def words(self, section: str, key: str) -> tuple[str, ...]:
        """A word list from the data, as a tuple (empty when the key is absent)."""
        return tuple(self.section(section).get(key, ()))


@functools.cache
def available() -> tuple[str, ...]:
    """The language codes that have data, Indonesian first (the default)."""
    root = _DATA
    codes = sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "language.toml").is_file())
    return tuple(sorted(codes, key=lambda c: (c != "id", c)))


@functools.cache
def load(code: str) -> Lexicon:
    """The Lexicon for a language code such as "id" or "en"."""
    if code not in available():
        raise UnknownLanguageError(
            f"unknown language {code!r} (available: {', '.join(available())})"
        )
    folder = _DATA / code
    language = copies.read(folder / "language.toml")
    return Lexicon(
        code=code, name=language["name"], folder=folder, _sections={"language": language}
    )


# Runs of letters (stdlib re: a third faster than the regex module on this simple scan).
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 5_000  # a few paragraphs tell Indonesian from English reliably
# The first paragraph usually does: when its counts are already clear (at least _CLEAR words
# for the leader, and _MARGIN times the runner-up's), the rest of the sample is not read.
_FIRST_LOOK = 1_000
_CLEAR = 10
_MARGIN = 3
# ASCII letters stay, every other ASCII character becomes a space.
_ASCII_NON_LETTERS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalpha()})


@functools.cache
def _detect_words() -> dict[str, frozenset[str]]:
    """Each language's detection words; only runs of letters, as _words finds no other."""
    return {
        code: frozenset(w for w in load(code).words("language", "detect_words") if _is_run(w))
        for code in available()
    }


def _is_run(word: str) -> bool:
    return _WORD.fullmatch(word) is not None


def _words(sample: str) -> list[str]:
    """The runs of letters of a lowercased sample, in any order.

    A regex scan costs ~40 ns a character; str.split and str.translate cost a few. Every run
    of letters lies inside one space-separated token, and a token of letters only is one run,
    so the regex scans only the tokens that hold something else ("kata,", "(2025)").
    """
    if sample.isascii():
        return sample.translate(_ASCII_NON_LETTERS).split()
    tokens = sample.split()
    mixed = " ".join(filterfalse(str.isalpha, tokens))
    return [*filter(str.isalpha, tokens), *_WORD.findall(mixed)]


def guess(text: str) -> str:
    """The language of a text: the one whose common words occur most in its first 5,000
    characters (Indonesian on a tie), or in its first 1,000 when those leave no doubt."""
    counts = _counts(text[:_FIRST_LOOK])
    if len(text) > _FIRST_LOOK and not _clear(list(counts.values())):
        counts = _counts(text[:_SAMPLE_CHARS])
    return max(available(), key=lambda code: counts[code])


def _counts(sample: str) -> dict[str, int]:
    """How many of each language's detection words the sample holds."""
    words = _words(sample.lower())
    return {code: sum(map(known.__contains__, words)) for code, known in _detect_words().items()}


def _clear(counts: list[int]) -> bool:
    """Whether the leading count stands far enough above the others to decide."""
    ranked = sorted(counts, reverse=True)
    return ranked[0] >= _CLEAR and (len(ranked) == 1 or ranked[0] >= _MARGIN * ranked[1])
