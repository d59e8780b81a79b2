"""Language data: every language has the same files and keys, and detection works."""

from __future__ import annotations

import pytest

from mobfacts import lang


def test_indonesian_comes_first() -> None:
    assert lang.available()[0] == "id"
    assert "en" in lang.available()


@pytest.mark.parametrize("section", lang.SECTIONS)
def test_every_language_has_the_same_keys(section: str) -> None:
    keys = {code: set(lang.load(code).section(section)) for code in lang.available()}
    first = keys[lang.available()[0]]
    assert all(k == first for k in keys.values()), keys


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(lang.UnknownLanguageError, match="unknown language 'xx'"):
        lang.load("xx")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pemerintah telah menetapkan target pertumbuhan ekonomi untuk tahun ini.", "id"),
        ("The government has set a growth target for the economy this year.", "en"),
        ("", "id"),
        ("12345 67890", "id"),
    ],
)
def test_guess(text: str, code: str) -> None:
    assert lang.guess(text) == code
