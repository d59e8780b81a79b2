"""A Document as one line of JSON, written field by field (compiled with the extractors).

The text is exactly ``json.dumps(doc.to_dict(), ensure_ascii=False, allow_nan=False)``: the
same keys in the same order, the same separators, numbers and escapes. The json module
walks the dict that to_dict() builds and escapes every key of every fact again; JSON Lines
over a corpus spends a tenth of its time there. Here the keys are constants and each
string is escaped by the json module's own C function. tests/test_encode.py holds the two
to the same text, on every sample and on generated documents.
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring
from typing import Any

from mobfacts.model import DateMention, Document, Figure, Person

# The strings of a small vocabulary (kinds, bounds, rules, units, changes, per words) are
# escaped once per process; a figure's sentence once per document (a sentence holds several).
_WORDS: dict[str, str] = {}
_WORDS_KEPT = 4096


def document_json(doc: Document, end: str = "") -> str:
    """One document as compact JSON, then end (a JSON Lines line ends with "\\n")."""
    sentences: dict[str, str] = {}
    figures = ", ".join([_figure(f, sentences) for f in doc.figures])
    people = ", ".join([_person(p) for p in doc.people])
    dates = ", ".join([_date(d) for d in doc.dates])
    return (
        f'{{"source": {encode_basestring(doc.source)}, '
        f'"language": {encode_basestring(doc.language)}, '
        f'"figures": [{figures}], "people": [{people}], "dates": [{dates}]}}{end}'
    )


def _figure(f: Figure, sentences: dict[str, str]) -> str:
    per = ", ".join([_word(word) for word in f.per])
    sentence = sentences.get(f.sentence)
    if sentence is None:
        sentence = sentences[f.sentence] = encode_basestring(f.sentence)
    unit = "null" if f.unit is None else _word(f.unit)
    change = "null" if f.change is None else _word(f.change)
    return (
        f'{{"text": {encode_basestring(f.text)}, "start": {f.start}, '
        f'"end": {f.end}, "value": {_number(f.value)}, '
        f'"value_max": {_number(f.value_max)}, "unit": {unit}, '
        f'"kind": {_word(f.kind)}, "subject": {_optional(f.subject)}, '
        f'"change": {change}, "per": [{per}], '
        f'"bound": {_word(f.bound)}, "sentence": {sentence}, '
        f'"rule": {_word(f.rule)}}}'
    )


def _word(word: str) -> str:
    """A vocabulary string as JSON, escaped once per process."""
    found = _WORDS.get(word)
    if found is None:
        if len(_WORDS) >= _WORDS_KEPT:
            _WORDS.clear()
        found = _WORDS[word] = encode_basestring(word)
    return found


def _person(p: Person) -> str:
    titles = ", ".join([encode_basestring(title) for title in p.titles])
    mentions = ", ".join(
        [
            f'{{"text": {encode_basestring(m.text)}, "start": {m.start}, "end": {m.end}}}'
            for m in p.mentions
        ]
    )
    return (
        f'{{"name": {encode_basestring(p.name)}, "titles": [{titles}], "mentions": [{mentions}]}}'
    )


def _date(d: DateMention) -> str:
    return (
        f'{{"text": {encode_basestring(d.text)}, "start": {d.start}, '
        f'"end": {d.end}, "value": {_optional(d.value)}, '
        f'"rule": {_word(d.rule)}}}'
    )


def _optional(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _number(value: Any) -> str:
    """A figure's value as json writes it: null, an int, or a float's repr (finite only)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
    return str(value)  # a float's str is its repr, as json writes it
