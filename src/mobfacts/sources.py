"""Inputs: paths, folders and standard input, read as bytes and decoded to text.

Every problem with an input becomes an InputError naming it, so that one bad file
never costs the results of the others.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"


class InputError(Exception):
    """An input that cannot be read; its message is one line naming the input."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Source:
    """One article to read: a file path as the user gave it, or standard input."""

    name: str
    data: bytes | None = None  # the bytes of standard input, read up front

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        try:
            with open(self.name, "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            raise InputError(self.name, "no such file or directory") from None
        except PermissionError:
            raise InputError(self.name, "permission denied") from None
        except IsADirectoryError:
            raise InputError(self.name, "is a directory") from None
        except OSError as error:
            raise InputError(self.name, error.strerror or str(error)) from None


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of an input, and any warning its decoding deserves."""

    text: str
    warning: str | None = None


def expand(
    paths: Iterable[str], read_stdin: Callable[[], bytes] | None = None
) -> Iterator[Source | InputError]:
    """Each path as Sources: a file as itself, a folder as every *.txt below it, sorted."""
    for path in paths:
        if path == STDIN:
            yield Source(STDIN, read_stdin() if read_stdin else b"")
        elif os.path.isdir(path):
            yield from _folder(path)
        elif os.path.lexists(path):
            yield Source(path)
        else:
            yield InputError(path, "no such file or directory")


def _folder(path: str) -> Iterator[Source | InputError]:
    try:
        found = sorted(_txt_files(str(Path(path))))
    except OSError as error:
        yield InputError(path, error.strerror or str(error))
        return
    if not found:
        yield InputError(path, "no .txt files in this directory")
    for name in found:
        yield Source(name)


def _txt_files(folder: str) -> list[str]:
    """The *.txt files below folder, spelled as Path(folder).rglob("*.txt") spells them.

    As rglob: hidden files are included, a link to a folder is not followed, a folder that
    cannot be listed is passed over; a link to a file counts, and so does a dangling link
    (reported when read). Walked with os.scandir, whose entries know their type without a
    stat: rglob's Path objects cost 15 us a file, a tenth of a second in 7,000 files.
    """
    found: list[str] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        prefix = "" if current == "." else current if current.endswith(os.sep) else current + os.sep
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            name = entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append(prefix + name)
            if name.endswith(".txt") and (entry.is_file() or not os.path.exists(prefix + name)):
                found.append(prefix + name)
    return found


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(source: str, data: bytes) -> Decoded:
    """Text from bytes: UTF-8 or UTF-16/32 by BOM; legacy 8-bit text with a warning.

    Binary data (NUL bytes outside a UTF-16/32 text) is an InputError.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding))
            except UnicodeDecodeError:
                raise InputError(source, f"invalid {encoding.upper()} text") from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    return Decoded(text, f"not valid UTF-8; decoded as {encoding}")
