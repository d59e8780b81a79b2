"""The example corpora are the specification: one shared assertion runs every case.

``tests/corpus/<lang>/<fact type>.toml`` holds ``[[case]]`` tables:

    [[case]]
    text = "tingkat kemiskinan telah menurun sebesar 3,25% per tahun"
    reference_date = "2025-06-11"        # optional, for dates
    [[case.expect]]
    text = "3,25%"
    value = 3.25
    subject = "tingkat kemiskinan"

A case expects exactly the listed facts of its type, in text order: no more, no fewer.
``expect = []`` (or no expect) is a negative case: the text must yield none. Each expected
fact checks only the fields it gives; ``text`` is required for figures and dates (and is
checked against the offsets), ``name`` for people. For a person, ``titles`` is compared as a
set and ``mentions`` is the list of mention texts in order.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mobfacts import extract

CORPUS = Path(__file__).parent / "corpus"
FACT_TYPES = ("figures", "people", "dates")


def _cases() -> list[Any]:
    params = []
    for path in sorted(CORPUS.glob("*/*.toml")):
        lang, fact_type = path.parent.name, path.stem
        assert fact_type in FACT_TYPES, f"{path}: unknown fact type {fact_type!r}"
        cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
        for i, case in enumerate(cases, 1):
            label = "neg" if not case.get("expect") else "pos"
            params.append(pytest.param(lang, fact_type, case, id=f"{lang}-{fact_type}-{i}-{label}"))
    return params


def _found(fact: Any, fact_type: str, text: str) -> dict[str, Any]:
    """The fields of a found fact in the corpus's terms, checking its offsets on the way."""
    data = fact.to_dict()
    if fact_type == "people":
        for m in data["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], f"mention offsets of {m}"
        data["titles"] = sorted(data["titles"])
        data["mentions"] = [m["text"] for m in data["mentions"]]
        return data
    assert text[data["start"] : data["end"]] == data["text"], f"offsets of {data['text']!r}"
    return data


def _wanted(expected: dict[str, Any], fact_type: str) -> dict[str, Any]:
    wanted = dict(expected)
    if fact_type == "people" and "titles" in wanted:
        wanted["titles"] = sorted(wanted["titles"])
    return wanted


@pytest.mark.parametrize(("lang", "fact_type", "case"), _cases())
def test_corpus_case(lang: str, fact_type: str, case: dict[str, Any]) -> None:
    reference = case.get("reference_date")
    doc = extract(
        case["text"],
        lang=lang,
        reference_date=date.fromisoformat(reference) if reference else None,
    )
    facts = getattr(doc, fact_type)
    found = [_found(f, fact_type, case["text"]) for f in facts]
    expected = [_wanted(e, fact_type) for e in case.get("expect", [])]
    compared = [{k: f.get(k) for k in e} for f, e in zip(found, expected, strict=False)]
    key = "name" if fact_type == "people" else "text"
    assert [f[key] for f in found] == [e.get(key) for e in expected], "which facts were found"
    assert compared == expected
