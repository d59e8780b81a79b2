"""Inputs: decoding bytes, expanding paths and folders, one clear error per bad input."""

from __future__ import annotations

import codecs
import os
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


def rglob_reference(folder: str) -> list[str]:
    """What a folder expanded to when it was read with pathlib (the behaviour kept)."""
    return sorted(str(p) for p in Path(folder).rglob("*.txt") if p.is_file() or not p.exists())


def test_a_folder_expands_to_its_txt_files_as_rglob_finds_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "news"
    (root / "2024" / "mei").mkdir(parents=True)
    (root / "2024" / "mei" / "b.txt").write_text("b")
    (root / "a.txt").write_text("a")
    (root / ".hidden.txt").write_text("h")  # hidden files are read
    (root / "notes.TXT").write_text("x")  # the suffix is matched with its case
    (root / "draft.txt.bak").write_text("x")
    (root / "folder.txt").mkdir()  # a folder named like a file is not one
    (root / "folder.txt" / "inner.txt").write_text("i")  # but what it holds is
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("o")
    os.symlink(outside, root / "linked")  # a link to a folder is not followed
    os.symlink(root / "a.txt", root / "alias.txt")  # a link to a file is a file
    os.symlink(tmp_path / "gone", root / "dangling.txt")  # reported when read
    expected = [
        f"{root}/.hidden.txt",
        f"{root}/2024/mei/b.txt",
        f"{root}/a.txt",
        f"{root}/alias.txt",
        f"{root}/dangling.txt",
        f"{root}/folder.txt/inner.txt",
    ]
    assert [s.name for s in expand([str(root)])] == expected == rglob_reference(str(root))
    assert [s.name for s in expand([f"{root}/"])] == expected  # spelled as pathlib spells it
    monkeypatch.chdir(root)
    names = [".hidden.txt", "2024/mei/b.txt", "a.txt", "alias.txt", "dangling.txt"]
    assert [s.name for s in expand(["."])] == [*names, "folder.txt/inner.txt"]
    assert [s.name for s in expand(["./2024"])] == ["2024/mei/b.txt"] == rglob_reference("./2024")


def test_a_folder_that_cannot_be_listed_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("a")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.txt").write_text("b")
    listing = os.scandir

    def scandir(path: str) -> object:  # as for a folder without read permission (as root too)
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert [s.name for s in expand([str(tmp_path)])] == [f"{tmp_path}/open/a.txt"]


def test_reading_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        Source(str(tmp_path / "gone.txt")).read()
