"""Sentences and tokens: spans into the untouched text."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from mobfacts import lang
from mobfacts.text import TextView, split_sentences, tokenize, trie, word_before


def sentences(text: str, abbreviations: tuple[str, ...] = ()) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, abbreviations)]


def test_full_stops_and_line_breaks_end_sentences() -> None:
    text = "Inflasi naik 2,5%. Ekspor tumbuh.\nFoto: Le Minh\n\nKomentar (0)"
    assert sentences(text) == [
        "Inflasi naik 2,5%.",
        "Ekspor tumbuh.",
        "Foto: Le Minh",
        "Komentar (0)",
    ]


def test_decimal_points_abbreviations_and_initials_do_not() -> None:
    text = "Dr. Nguyen said 2.5 trillion was spent. J. Smith agreed."
    assert sentences(text, ("Dr",)) == [
        "Dr. Nguyen said 2.5 trillion was spent.",
        "J. Smith agreed.",
    ]


def test_a_lowercase_continuation_does_not_start_a_sentence() -> None:
    assert sentences("Ada 5 rumah dll. dan jalan baru.") == ["Ada 5 rumah dll. dan jalan baru."]


def test_quotes_close_a_sentence() -> None:
    assert sentences('"Kami sepakat." Ia pergi.') == ['"Kami sepakat."', "Ia pergi."]


def test_tokens_keep_numbers_whole() -> None:
    text = "PDB 36 juta VND/orang, naik 3,25% (1.500.000)."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "PDB", "36", "juta", "VND", "/", "orang", ",", "naik", "3,25", "%", "(",
        "1.500.000", ")", ".",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_sentence_at_an_offset() -> None:
    text = "Satu dua. Tiga empat."
    view = TextView.of(text, lang.load("id"))
    assert view.sentence_text(text.index("Tiga")) == "Tiga empat."
    assert view.sentence_text(0) == "Satu dua."


def test_word_before_takes_letters_marks_and_dots_back_from_the_end() -> None:
    text = "kata Dr. H.M. Nguye\u0302n, 12.5 x."
    assert word_before(text, 0, text.index("Dr.") + 2) == "Dr"
    assert word_before(text, 0, text.index(" Nguy")) == "H.M."
    assert word_before(text, 0, text.index(",")) == "Nguye\u0302n"  # a combining mark
    assert word_before(text, 0, text.index(" x")) == ""  # a digit ends it: nothing
    assert word_before(text, text.index("M."), text.index(" Nguy")) == "M."  # not past low


@settings(max_examples=500)
@given(st.text(alphabet=list("aZ. ,1\u0301\u00e0\u1ec7-\n"), max_size=20), st.integers(0, 20))
def test_word_before_equals_the_regex_it_replaced(text: str, low: int) -> None:
    expected = regex.compile(r"([\p{L}\p{M}.]+)\.?$").search(text, min(low, len(text)), len(text))
    end = len(text)
    if text.endswith("\n"):
        return  # the regex's $ also matches before a final line break; no line holds one
    assert word_before(text, min(low, end), end) == (expected.group(1) if expected else "")


def test_a_trie_matches_the_longest_word_that_fits() -> None:
    months = re.compile(rf"(?:{trie(['Agustus', 'Agust', 'Ags', 'AGUSTUS'], lower=False)})(?!\w)")
    assert [m.group() for m in months.finditer("Agustus, Agust. Ags AGUSTUS")] == [
        "Agustus",
        "Agust",
        "Ags",
        "AGUSTUS",
    ]
    assert months.search("Agusts Agustusan agustus AGUST") is None  # no word ends there


def test_a_trie_folds_case_and_reads_a_space_as_any_whitespace() -> None:
    pattern = re.compile(trie(["Per Cent", "juta"]))
    assert pattern.fullmatch("per \t cent") and pattern.fullmatch("juta")
    assert not pattern.fullmatch("Per Cent") and not pattern.fullmatch("Juta")
    assert not pattern.fullmatch("percent")
    assert trie([]) == "(?!)" and re.compile(trie([])).search("anything") is None
    assert re.compile(trie(["a.b", "(c)"])).fullmatch("a.b") and not re.match(trie(["a.b"]), "axb")


words = st.lists(st.text("abAB.", min_size=1, max_size=4), min_size=1, max_size=8)


@given(words, st.text("abAB. ", max_size=40))
def test_a_trie_finds_what_the_alternation_longest_first_finds(
    vocabulary: list[str], text: str
) -> None:
    flat = "|".join(re.escape(w) for w in sorted(set(vocabulary), key=lambda w: (-len(w), w)))
    expected = [m.span() for m in re.finditer(rf"(?:{flat})(?![ab])", text)]
    found = [m.span() for m in re.finditer(rf"(?:{trie(vocabulary, lower=False)})(?![ab])", text)]
    assert found == expected
