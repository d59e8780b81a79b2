"""The compiled-pattern cache: patterns come back from it in a later process, it never runs
anything but the regex engine's compile, and a damaged or unwritable cache costs only time."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from mobfacts import patterns

# A later process in which regex cannot compile: whatever it gets, it got from the cache.
USE_CACHE_ONLY = """
import regex
from mobfacts import patterns
def refuse(*args, **kwargs):
    raise AssertionError("compiled, not read from the cache")
regex.compile = refuse
print([m.span() for m in patterns.compile(r"\\p{Lu}\\w+", regex.IGNORECASE).finditer("ab Cd")])
"""
COMPILE = 'from mobfacts import patterns, text; patterns.compile(r"\\p{Lu}\\w+", 2)'


def run(code: str, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "MOBFACTS_CACHE_DIR": str(cache), **env}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=False
    )


def test_a_pattern_is_compiled_once_and_matches_as_regex_does() -> None:
    first = patterns.compile(r"(?<!\p{L})[\p{Lu}][\p{Ll}]+", regex.IGNORECASE)
    assert patterns.compile(r"(?<!\p{L})[\p{Lu}][\p{Ll}]+", regex.IGNORECASE) is first
    reference = regex.compile(r"(?<!\p{L})[\p{Lu}][\p{Ll}]+", regex.IGNORECASE)
    text = "Hồ Đức Phớc dan MENTERI"
    assert [m.span() for m in first.finditer(text)] == [m.span() for m in reference.finditer(text)]
    assert patterns.compile(r"(?<!\p{L})[\p{Lu}][\p{Ll}]+") is not first  # other flags


def test_a_later_process_reads_the_patterns_back(tmp_path: Path) -> None:
    assert run(COMPILE, tmp_path).returncode == 0
    (cached,) = tmp_path.glob("patterns-py*-regex*.pickle")
    assert regex.__version__ in cached.name
    later = run(USE_CACHE_ONLY, tmp_path)
    assert later.returncode == 0, later.stderr
    assert later.stdout.strip() == "[(0, 2), (3, 5)]"


def test_without_a_cache_the_patterns_are_compiled(tmp_path: Path) -> None:
    later = run(USE_CACHE_ONLY, tmp_path)
    assert later.returncode != 0 and "compiled, not read from the cache" in later.stderr


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    assert run(COMPILE, tmp_path, MOBFACTS_CACHE="off").returncode == 0
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    assert run(COMPILE, tmp_path).returncode == 0
    (cached,) = tmp_path.glob("*.pickle")
    cached.write_bytes(b"\x80\x05not a pickle")
    assert run(COMPILE, tmp_path).returncode == 0  # compiles again, writes a good file
    assert run(USE_CACHE_ONLY, tmp_path).returncode == 0


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_cache_that_names_anything_but_the_engine_runs_nothing(tmp_path: Path) -> None:
    assert run(COMPILE, tmp_path).returncode == 0
    (cached,) = tmp_path.glob("*.pickle")
    marker = tmp_path / "ran"
    key = (r"\p{Lu}\w+", 2)
    for planted in ({key: _Planted(marker)}, {key: pickle.dumps(_Planted(marker))}):
        cached.write_bytes(pickle.dumps(planted))  # in the file, or in one of its entries
        assert run(COMPILE, tmp_path).returncode == 0
        assert not marker.exists()
        assert run(USE_CACHE_ONLY, tmp_path).returncode == 0  # and it was rewritten


def test_a_cache_file_another_user_owns_is_not_read(tmp_path: Path) -> None:
    assert run(COMPILE, tmp_path).returncode == 0
    other_user = "import os; os.getuid = lambda: os.stat('.').st_uid + 1\n"
    later = run(other_user + USE_CACHE_ONLY, tmp_path)
    assert later.returncode != 0 and "compiled, not read from the cache" in later.stderr


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    done = run(COMPILE, blocked)
    assert done.returncode == 0 and done.stderr == ""


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MOBFACTS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = patterns.cache_file()
    assert path is not None and path.parent == tmp_path / "mobfacts"
    assert path.name == (
        f"patterns-py{sys.version_info[0]}{sys.version_info[1]}-regex{regex.__version__}.pickle"
    )
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert patterns.cache_file() == tmp_path / "home" / ".cache" / "mobfacts" / path.name
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home folder at all
    assert patterns.cache_file() is None
    monkeypatch.setenv("MOBFACTS_CACHE_DIR", str(tmp_path / "chosen"))
    assert patterns.cache_file() == tmp_path / "chosen" / path.name
    monkeypatch.setenv("MOBFACTS_CACHE", "off")
    assert patterns.cache_file() is None
