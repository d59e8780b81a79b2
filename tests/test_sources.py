"""Inputs: decoding bytes, expanding paths and folders, one clear error per bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from mobfacts.sources import InputError, Source, decode, expand

NAME = "Nguyễn Đăng Quang"


@pytest.mark.parametrize(
    "data",
    [
        NAME.encode("utf-8"),
        codecs.BOM_UTF8 + NAME.encode("utf-8"),
        NAME.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + NAME.encode("utf-16-be"),
        NAME.encode("utf-32"),
    ],
)
def test_unicode_encodings_decode_without_warning(data: bytes) -> None:
    assert decode("a.txt", data) == decode("a.txt", NAME.encode())
    assert decode("a.txt", data).text == NAME
    assert decode("a.txt", data).warning is None


def test_legacy_8_bit_text_decodes_with_a_warning() -> None:
    decoded = decode("old.txt", "Café São Paulo – 5 €".encode("cp1252"))
    assert decoded.text == "Café São Paulo – 5 €"
    assert decoded.warning == "not valid UTF-8; decoded as cp1252"


def test_bytes_cp1252_lacks_fall_back_to_latin_1() -> None:
    assert decode("odd.txt", b"caf\xe9 \x81").warning == "not valid UTF-8; decoded as latin-1"


def test_binary_data_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^x\.bin: binary file \(contains NUL bytes\), not text$"):
        decode("x.bin", b"\x89PNG\r\n\x1a\n\x00\x00")


def test_empty_input_is_an_empty_text() -> None:
    assert decode("e.txt", b"").text == ""


def test_expand_files_folders_stdin_and_missing(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "a.txt").write_text("a")
    (tmp_path / "c.md").write_text("c")
    items = list(expand([str(tmp_path), "-", str(tmp_path / "nope.txt")], lambda: b"in"))
    assert items[:3] == [
        Source(str(tmp_path / "b.txt")),
        Source(str(tmp_path / "z" / "a.txt")),
        Source("-", b"in"),
    ]
    assert isinstance(items[3], InputError)
    assert str(items[3]) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_reading_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        Source(str(tmp_path / "gone.txt")).read()
