"""The figure subject reader: its own tokenizer (the fast ASCII path equals the regex path), and
subjects that the corpus cannot state (none at all)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mobfacts import extract
from mobfacts.extractors.figures_subject import _tokenize_any, _tokenize_latin, tokenize

ASCII = [chr(c) for c in range(128)]
LATIN = [chr(c) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]] + list("“”‘’–—…•")


def same_tokens(text: str, offset: int = 0) -> bool:
    padded = "x" * offset + text
    return _tokenize_latin(text, offset)[0] == _tokenize_any(padded, offset, len(padded))


def test_every_ascii_character_alone_and_in_pairs() -> None:
    assert all(same_tokens(a + b) for a in ASCII for b in ASCII)


def test_ascii_classes_around_words_and_numbers() -> None:
    for c in ASCII:
        for text in (f"ab{c}cd", f"12{c}34", f"a{c}1", f"1{c}a", f" {c} ", f"x'{c}y", f"1.{c}2"):
            assert same_tokens(text, offset=3), repr(text)


def test_latin_letters_and_typographic_marks_alone_and_beside_ascii() -> None:
    for c in LATIN:
        for text in (c, f"ab{c}cd", f"1{c}2", f"{c}'{c}", f"{c}’{c}-x", f" {c}{c} "):
            assert same_tokens(text, offset=3), repr(text)


def test_words_with_a_mark_after_them_as_the_regex_splits_them() -> None:
    """The fast paths: a piece of letters, and letters with one comma or full stop after."""
    for text in (
        "besar, kecil.",
        "a. b; c: d,",
        "x,, y.,",
        ",a .b",
        "ab.\nCd",
        "Đà, Nẵng.",
        "1a, b1.",
    ):
        assert same_tokens(text, offset=2), repr(text)
    words = [t.text for t in _tokenize_latin("Jakarta, Senin.", 0)[0]]
    assert words == ["Jakarta", ",", "Senin", "."]


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*LATIN[::7], "ab", "1,5", "x’y", "—", " "]), max_size=40))
def test_random_latin_text(pieces: list[str]) -> None:
    assert same_tokens("".join(pieces), offset=7)


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*ASCII, "ab", "12", "1.5", "don't", "x-y", "  "]), max_size=40))
def test_random_ascii_text(pieces: list[str]) -> None:
    assert same_tokens("".join(pieces), offset=7)


def test_tokens_carry_offsets_lowercase_and_kind() -> None:
    text = "Naik 2,5% di Jakarta\x1cTimur"
    tokens = tokenize(text, 0, len(text))
    assert [t.text for t in tokens] == ["Naik", "2,5", "%", "di", "Jakarta", "\x1c", "Timur"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.lower for t in tokens][:1] == ["naik"]
    assert [(t.is_word, t.is_number) for t in tokens][:3] == [(True, False), (False, True)] + [
        (False, False)
    ]


def test_non_ascii_text_reads_marks_and_other_digits() -> None:
    text = "Kota Đà Nẵng naik ٣٫٥ persen—“tinggi”"
    tokens = tokenize(text, 0, len(text))
    assert tokens == _tokenize_any(text, 0, len(text))
    assert "Nẵng" in [t.text for t in tokens]


def test_a_lone_adjective_before_a_figure_is_no_subject() -> None:
    doc = extract("The remaining 20% will come from the state budget.", lang="en")
    assert [(f.text, f.subject) for f in doc.figures] == [("20%", None)]


def test_no_subject_rather_than_a_speaker_or_a_function_word() -> None:
    cases = [
        ("en", "Minister Tien said the third quarter alone saw $6.9 billion disbursed."),
        ("id", "Menteri Khoa mengatakan tahun lalu mencapai 5 juta ton."),
        ("id", "Angka itu lebih tinggi 3,4 poin persentase dibandingkan tahun lalu."),
        ("en", "About 60 percent coming from the private sector."),
        ("id", "Menurut Ratna, yakni 11,03%."),
        ("en", "According to the ministry, about 11 percent."),
    ]
    for lang, text in cases:
        doc = extract(text, lang=lang)
        assert [f.subject for f in doc.figures] == [None], text
