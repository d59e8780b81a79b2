"""Shared fixtures: small articles on disk and a CLI runner with a fixed terminal width."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

# The compiled-pattern cache of this test session (and of the commands it runs): never the
# user's own, and empty at the start, so that the tests compile every pattern they use.
os.environ["MOBFACTS_CACHE_DIR"] = tempfile.mkdtemp(prefix="mobfacts-test-patterns-")

from mobfacts import build  # noqa: E402 (after the cache is chosen)

# A wheel's build (`pip install .`) compiles the extractors with mypyc: their calls made inside
# compiled code reach no profiler, so work cannot be counted there (the pure-Python run counts it).
COMPILED = build() == "compiled"

ARTICLE_ID = (
    "Tingkat kemiskinan telah menurun sebesar 3,25% per tahun pada periode 2021-2025. "
    "Saat ini terdapat 143 anggota Partai yang beragama di provinsi tersebut.\n"
)
ARTICLE_EN = (
    "The poverty rate dropped to 5% in 2020, and 555 new houses were built in the province.\n"
)


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder with an Indonesian and an English article (and a file that is not .txt)."""
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a-id.txt").write_text(ARTICLE_ID, encoding="utf-8")
    (folder / "sub" / "b-en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


class TooMuchWork(AssertionError):
    """More calls than a test allows: an endless loop ends as a failure, not a hung suite."""


def count_calls(function: Callable[[], object], *, limit: int | None = None) -> int:
    """Python and C function calls made by function(): work, counted without a clock (timing
    assertions do not belong in the tests of a shared, noisy machine; benchmarks/ has those).
    Past `limit` calls, TooMuchWork is raised inside function."""
    if COMPILED:
        pytest.skip("the extractors are compiled: calls inside them cannot be counted")
    calls = 0

    def profiler(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1
            if limit is not None and calls > limit:
                sys.setprofile(None)
                raise TooMuchWork(f"more than {limit} calls")

    sys.setprofile(profiler)
    try:
        function()
    finally:
        sys.setprofile(None)
    return calls
