"""Extractors: one module per fact type, each ``extract(view, ...) -> tuple[fact, ...]``.

Every extractor reads a TextView (the text, its sentences and the language's Lexicon) and
returns facts in text order with spans into the untouched text. Words come only from the
Lexicon; no extractor tests which language it is reading.
"""
