"""mobfacts: figures, people and dates from Indonesian and English news articles."""

from __future__ import annotations

from datetime import date

from mobfacts.model import DateMention, Document, Figure, Mention, Person

__version__ = "0.1.0"
__all__ = [
    "DateMention",
    "Document",
    "Figure",
    "Mention",
    "Person",
    "__version__",
    "build",
    "extract",
]


def build() -> str:
    """How this copy runs: "compiled" when a wheel's mypyc build of the extractors is installed
    (`pip install .`), else "pure Python" (an editable install, or MOBFACTS_PURE=1)."""
    import importlib.util  # only --version and the benchmark ask: not a cost of every start

    spec = importlib.util.find_spec("mobfacts.extractors.people")
    origin = spec.origin if spec is not None else None
    return "pure Python" if origin is None or origin.endswith(".py") else "compiled"


def extract(
    text: str,
    lang: str | None = None,
    *,
    reference_date: date | None = None,
    source: str = "-",
) -> Document:
    """The facts of one article as an immutable Document (language detected when lang is None).

    >>> doc = extract("Tingkat kemiskinan telah menurun sebesar 3,25% per tahun.")
    >>> doc.figures[0].value
    3.25
    """
    from mobfacts.pipeline import extract as run

    return run(text, lang_code=lang, reference_date=reference_date, source=source)
