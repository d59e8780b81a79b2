"""Language data: every language has the same files and keys, detection works, and sections
are read when first used."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from mobfacts import lang
from mobfacts.lang import copies

from .conftest import COMPILED

LANG_FOLDER = Path(lang.__file__).parent


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


@pytest.fixture
def fresh() -> None:
    lang.load.cache_clear()
    lang._detect_words.cache_clear()


def test_detecting_a_language_reads_only_the_language_files(fresh: None) -> None:
    assert lang.guess("Pemerintah provinsi dan warga yang akan datang") == "id"
    for code in lang.available():
        assert set(lang.load(code)._sections) == {"language"}


def test_a_section_is_read_once_on_first_use(fresh: None) -> None:
    lexicon = lang.load("en")
    figures = lexicon.section("figures")
    assert "subject" in figures
    assert lexicon.section("figures") is figures
    assert lang.load("en") is lexicon
    assert lexicon.section("no-such-section") == {}


ID_PARAGRAPH = "Pemerintah provinsi dan warga yang akan datang untuk rapat itu di kantor ini. " * 14
EN_PARAGRAPH = "The government and the people of the province will meet in the office. " * 14


def test_a_clear_first_paragraph_decides_without_the_rest() -> None:
    """Past 1,000 characters of clearly Indonesian text, the English that follows is not read
    (read, the 5,000-character sample would count more English words)."""
    assert len(ID_PARAGRAPH) > 1_000
    assert lang.guess(ID_PARAGRAPH + EN_PARAGRAPH * 4) == "id"
    assert lang.guess(EN_PARAGRAPH + ID_PARAGRAPH * 4) == "en"


def test_an_unclear_first_paragraph_reads_on() -> None:
    """A first paragraph with as many words of each language is no decision."""
    mixed = ("yang dan the of " + "x " * 40) * 12
    assert lang.guess(mixed[:1_000] + EN_PARAGRAPH * 3) == "en"
    assert lang.guess(mixed[:1_000] + ID_PARAGRAPH * 3) == "id"


def test_a_language_file_without_a_copy_is_read_as_toml(tmp_path: Path) -> None:
    source = tmp_path / "people.toml"
    source.write_text('honorifics = ["Bapak", "Ibu"]\n[units]\npersen = "%"\n', encoding="utf-8")
    assert copies.read(source) == {"honorifics": ["Bapak", "Ibu"], "units": {"persen": "%"}}


def test_a_current_copy_is_read_instead_of_the_toml(tmp_path: Path) -> None:
    (tmp_path / "lang" / "xx").mkdir(parents=True)
    source = tmp_path / "lang" / "xx" / "people.toml"
    source.write_text('honorifics = ["Bapak"]\n', encoding="utf-8")
    assert copies.write_copies(tmp_path / "lang") == [source.with_suffix(".json")]  # as setup.py
    copy = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    assert copy["data"] == {"honorifics": ["Bapak"]}
    copy["data"] = {"honorifics": ["from the copy"]}  # shows which file was read
    source.with_suffix(".json").write_text(json.dumps(copy), encoding="utf-8")
    assert copies.read(source) == {"honorifics": ["from the copy"]}


@pytest.mark.parametrize("copy", ["{not json", '{"toml": [1, 2], "data": {}}', "[]", '{"data": 1}'])
def test_a_stale_or_broken_copy_is_passed_over(tmp_path: Path, copy: str) -> None:
    source = tmp_path / "dates.toml"
    source.write_text('months = ["Januari"]\n', encoding="utf-8")
    source.with_suffix(".json").write_text(copy, encoding="utf-8")
    assert copies.read(source) == {"months": ["Januari"]}


def test_an_edited_toml_file_makes_its_copy_stale(tmp_path: Path) -> None:
    source = tmp_path / "dates.toml"
    source.write_text('months = ["Januari"]\n', encoding="utf-8")
    source.with_suffix(".json").write_text(copies.copy_of(source.read_bytes()), encoding="utf-8")
    source.write_text('months = ["Februari"]\n', encoding="utf-8")  # the same length
    assert copies.read(source) == {"months": ["Februari"]}


@pytest.mark.parametrize("path", sorted(LANG_FOLDER.glob("*/*.toml")), ids=lambda p: p.stem)
def test_every_language_file_has_the_same_data_as_json(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert json.loads(copies.copy_of(path.read_bytes()))["data"] == data


@pytest.mark.skipif(not COMPILED, reason="an editable install has no copies")
def test_an_installed_wheel_holds_a_current_copy_of_every_language_file() -> None:
    for path in sorted(LANG_FOLDER.glob("*/*.toml")):
        copy = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert copy == json.loads(copies.copy_of(path.read_bytes())), path
