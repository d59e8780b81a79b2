"""How much CPU the figures extractor costs per MB, and where it goes (cProfile).

Reads articles (default: samples/ and eval/heldout/), groups them by language, and builds
two kinds of corpus of about --mb MB in all: "articles" (each article its own TextView, as
``mobfacts extract DIR`` runs) and "dense" (each language's articles concatenated into one
text). Only ``figures.extract`` is timed (the TextView is built beforehand); the fastest of
--rounds runs is kept, since other work on the machine only slows a run down.

Usage: python benchmarks/profile_figures.py [PATH...] [--mb 2] [--rounds 3] [--profile N]
(--profile N prints the N most expensive functions of one run, by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Sequence
from pathlib import Path

from mobfacts import lang
from mobfacts.extractors import figures
from mobfacts.text import TextView

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def _articles(paths: Sequence[Path]) -> dict[str, list[str]]:
    """The articles under the paths, by detected language."""
    by_lang: dict[str, list[str]] = {}
    for path in paths:
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            text = file.read_text(encoding="utf-8")
            by_lang.setdefault(lang.guess(text), []).append(text)
    return by_lang


def _views(by_lang: dict[str, list[str]], size: float, *, dense: bool) -> list[TextView]:
    """Views adding up to about size MB: one per article, or one per language when dense."""
    total = sum(len(t.encode()) for texts in by_lang.values() for t in texts)
    repeat = max(1, round(size * MB / total))
    views = []
    for code, texts in by_lang.items():
        lexicon = lang.load(code)
        if dense:
            views.append(TextView.of("\n\n".join(texts * repeat), lexicon))
        else:
            views.extend(TextView.of(t, lexicon) for t in texts * repeat)
    return views


def _run(views: Sequence[TextView]) -> int:
    return sum(len(figures.extract(v)) for v in views)


def _timed(views: Sequence[TextView], rounds: int) -> tuple[float, int]:
    """The fastest CPU time of rounds runs, and how many figures were found."""
    best, count = float("inf"), 0
    for _ in range(rounds):
        began = time.process_time()
        count = _run(views)
        best = min(best, time.process_time() - began)
    return best, count


def main() -> None:
    """Time figures.extract on both corpora; print s/MB (and a profile when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    paths = args.paths or [ROOT / "samples", ROOT / "eval" / "heldout"]
    by_lang = _articles(paths)
    _run(_views(by_lang, 0.05, dense=False))  # compile the patterns outside the timing
    for name, dense in (("articles", False), ("dense", True)):
        views = _views(by_lang, args.mb, dense=dense)
        size = sum(len(v.text.encode()) for v in views) / MB
        seconds, count = _timed(views, args.rounds)
        print(
            f"{name:9} {size:6.2f} MB  {count:7d} figures  {seconds:6.3f} s  "
            f"{seconds / size:6.3f} s/MB"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(_run, views)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
