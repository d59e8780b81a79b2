"""People: every person named, merged across mentions, with every title given."""

from __future__ import annotations

import functools

import regex

from mobfacts.lang import Lexicon
from mobfacts.model import Mention, Person
from mobfacts.text import TextView

_NAME = r"\p{Lu}[\p{L}\p{M}]+(?:\s\p{Lu}[\p{L}\p{M}]+){1,3}"


@functools.cache
def _pattern(lexicon: Lexicon) -> regex.Pattern[str]:
    titles = sorted(lexicon.words("people", "titles"), key=len, reverse=True)
    alternatives = "|".join(regex.escape(t) for t in titles)
    return regex.compile(rf"\b(?P<title>{alternatives}),?\s(?P<name>{_NAME})")


def extract(view: TextView) -> tuple[Person, ...]:
    """Every person the text names (the minimal rules: a known title then a name)."""
    people: dict[str, tuple[list[str], list[Mention]]] = {}
    for match in _pattern(view.lexicon).finditer(view.text):
        name = match.group("name")
        titles, mentions = people.setdefault(name, ([], []))
        if match.group("title") not in titles:
            titles.append(match.group("title"))
        mentions.append(Mention(name, match.start("name"), match.end("name")))
    return tuple(
        Person(name, tuple(titles), tuple(mentions)) for name, (titles, mentions) in people.items()
    )
