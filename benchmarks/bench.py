"""How fast mobfacts is on this machine: cold latency, throughput, memory, scaling.

Builds corpora in a temporary folder by repeating the sample articles (samples/*.txt) and
times the installed ``mobfacts`` command on them, each run a new process, as a user runs it:

1. cold latency: median wall time of ``mobfacts extract <article> --format json`` and of
   ``mobfacts --help``; the extraction also as a first run, with an empty pattern cache;
2. throughput (MB/s, articles/s) of ``mobfacts extract DIR --format jsonl > /dev/null`` on
   corpora of 1, 10 and 100 MB (the fastest of 2 runs each), and whether the time per MB,
   net of the fixed cost of a run (start-up and the first use of each language), stays
   within 20% across them;
3. peak resident memory of the run on the largest corpus;
4. ``--jobs 1`` against ``--jobs 2`` on the 10 MB corpus (fastest of 2 runs each);
5. one single 10 MB article against the 10 MB corpus of small articles (time per MB);
6. ``--scheduler local`` with 2 Dask workers on the 10 MB corpus, beside ``--jobs 2``
   (skipped when the dask extra is not installed).

It times the build that is installed (``mobfacts --version`` names it, and the header
repeats it): ``pip install .`` gives the compiled one, an editable install pure Python.

Usage: python benchmarks/bench.py [--json] [--quick] [--runs N] [--tmp DIR]
(--quick uses corpora of 0.25, 1 and 4 MB). MB means 10**6 bytes. Timings go to stdout as a
table (or JSON with --json); progress goes to stderr.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
FILES_PER_FOLDER = 1000

TARGET_COLD_S = 0.30
TARGET_MB_S = 1.5
TARGET_RSS_MB = 150.0
TARGET_SPEEDUP = 1.7
TARGET_LINEAR_SPREAD = 0.20
TARGET_SINGLE_RATIO = 2.0


@dataclass(frozen=True)
class Plan:
    """The sizes of one benchmark run, in MB."""

    corpora: tuple[float, ...]
    single_article: float
    scaling_corpus: float
    runs: int
    rounds: int  # runs of each corpus and scaling figure (--jobs 1, 2, Dask): the fastest kept


FULL = Plan(corpora=(1, 10, 100), single_article=10, scaling_corpus=10, runs=15, rounds=2)
QUICK = Plan(corpora=(0.25, 1, 4), single_article=2, scaling_corpus=1, runs=10, rounds=1)


@dataclass(frozen=True)
class Timed:
    """One finished command: wall time, peak RSS of the process, exit status."""

    seconds: float
    peak_rss_mb: float
    status: int


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, run every measurement, print the table or the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="small corpora, for development")
    parser.add_argument("--runs", type=int, help="runs per cold-latency figure (default 15)")
    parser.add_argument("--tmp", type=Path, help="folder for the generated corpora")
    options = parser.parse_args(argv)
    plan = QUICK if options.quick else FULL
    if options.runs:
        plan = dataclasses.replace(plan, runs=max(1, options.runs))
    articles = sample_articles()
    command = mobfacts_command()
    with tempfile.TemporaryDirectory(prefix="mobfacts-bench-", dir=options.tmp) as folder:
        results = measure(plan, articles, command, Path(folder))
    results["quick"] = options.quick
    print(json.dumps(results, indent=2) if options.json else table(results))
    return 0 if all(t["met"] for t in results["targets"] if t["met"] is not None) else 1


def sample_articles() -> list[Path]:
    """The project's sample articles (any *.txt under tests/ when samples/ has none)."""
    for pattern in ("samples/*.txt", "tests/**/*.txt"):
        found = sorted(ROOT.glob(pattern))
        if found:
            return found
    raise SystemExit("bench: no sample articles (samples/*.txt) found")


def density(articles: list[Path]) -> float | None:
    """Figures per MB of the repeated articles, from their answer keys (None without keys):
    the cost per MB grows with it, so the figures are read against it."""
    figures, size = 0, 0
    for article in articles:
        key = article.with_suffix(".gold.json")
        if not key.exists():
            return None
        figures += len(json.loads(key.read_text(encoding="utf-8"))["figures"])
        size += article.stat().st_size
    return round(figures / size * MB) if size else None


def mobfacts_command() -> list[str]:
    """The installed console script beside this Python, else ``python -m mobfacts``."""
    script = Path(sys.executable).parent / "mobfacts"
    if script.exists():
        return [str(script)]
    found = shutil.which("mobfacts")
    return [found] if found else [sys.executable, "-m", "mobfacts"]


def measure(plan: Plan, articles: list[Path], command: list[str], folder: Path) -> dict[str, Any]:
    """Every figure of the benchmark, as one JSON-ready dict."""
    # The runs share a pattern cache of their own (src/mobfacts/patterns.py), filled by the
    # first run as a user's first run fills theirs; cold_latency also times runs without one.
    os.environ["MOBFACTS_CACHE_DIR"] = str(folder / "pattern-cache")
    results: dict[str, Any] = {"machine": machine(command), "articles": [a.name for a in articles]}
    results["figures_per_mb"] = density(articles)
    results["machine"]["bytecode"] = precompile(command)
    cold = cold_latency(command, articles, plan.runs)
    results["cold_latency"] = cold

    # The fixed cost is timed just before the smallest corpus, whose net rate depends on it
    # most: minutes apart, the host's speed may differ by a third.
    fixed_runs = fixed_cost_runs(command, articles)
    timings: list[tuple[float, int, int, Timed]] = []
    corpora: dict[float, tuple[Path, int, int]] = {}
    for size in plan.corpora:
        corpus, size_bytes, count = build_corpus(folder / f"corpus-{size:g}mb", articles, size)
        corpora[size] = (corpus, size_bytes, count)
        # Each corpus keeps its fastest run, the largest too (a minute or two each): on a shared
        # machine the speed of the host moves by a third within minutes.
        timed = fastest(plan.rounds, command, [str(corpus)], f"{size:g} MB corpus, one process")
        timings.append((size, size_bytes, count, timed))
        if size != plan.scaling_corpus:
            shutil.rmtree(corpus)
    reference = next(t for t in timings if t[0] == plan.scaling_corpus)
    startup = fixed_cost(fixed_runs, articles, reference[3].seconds / (reference[1] / MB))
    results["startup"] = startup
    throughput = [rates(size, b, count, timed, startup["s"]) for size, b, count, timed in timings]
    results["throughput"] = throughput
    per_mb = [t["s_per_mb"] for t in throughput]
    per_mb_net = [t["s_per_mb_net"] for t in throughput]
    results["linearity"] = {
        "spread_raw": spread(per_mb),
        "spread_net": spread(per_mb_net),
        "within_20pct": spread(per_mb_net) <= TARGET_LINEAR_SPREAD,
        "note": "net = wall time minus the fixed cost of a run (see startup)",
    }
    results["peak_rss_mb"] = timings[-1][3].peak_rss_mb if timings else None
    startup = startup["s"]

    corpus, size_bytes, count = corpora[plan.scaling_corpus]
    results["machine"]["spin_s"], results["machine"]["parallel_baseline"] = parallel_baseline()
    one = fastest(plan.rounds, command, [str(corpus), "--jobs", "1"], "--jobs 1")
    two = fastest(plan.rounds, command, [str(corpus), "--jobs", "2"], "--jobs 2")
    results["jobs"] = {
        "corpus_mb": plan.scaling_corpus,
        "jobs1": rates(plan.scaling_corpus, size_bytes, count, one, startup),
        "jobs2": rates(plan.scaling_corpus, size_bytes, count, two, startup),
        "speedup": round(one.seconds / two.seconds, 2),
    }
    results["dask_local"] = dask_local(command, corpus, size_bytes, count, plan, one, two, startup)
    shutil.rmtree(corpus)

    single = folder / "single"
    single.mkdir()
    single_bytes = build_single_article(single / "article.txt", articles, plan.single_article)
    timed = run_extract(command, [str(single)], f"one {plan.single_article:g} MB article")
    single_rates = rates(plan.single_article, single_bytes, 1, timed, startup)
    reference = next(t for t in throughput if t["corpus_mb"] == plan.scaling_corpus)
    ratio = single_rates["s_per_mb_net"] / reference["s_per_mb_net"]
    results["single_article"] = {**single_rates, "ratio_to_small_articles": round(ratio, 2)}
    results["targets"] = targets(results)
    return results


def machine(command: list[str]) -> dict[str, Any]:
    """What the figures were measured on."""
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "python": platform.python_version(),
        "mobfacts": version.stdout.strip(),
        "commit": commit.stdout.strip() or None,
        "command": " ".join(command),
    }


SPIN = "x = 0\nfor i in range(15_000_000):\n    x += i * i % 7\n"


def parallel_baseline() -> tuple[float, float]:
    """A pure-Python loop's seconds in one process, and the speed-up of 2 processes over 1:
    how fast this machine runs Python now, and what it allows two processes.

    The loop's time is the yardstick for comparing runs on a shared machine, whose speed
    changes by half within minutes. The speed-up is below 2 when the CPUs are shared with
    other work (or are SMT siblings); the --jobs 2 and Dask figures are best read against it.
    """
    progress("parallel baseline: a pure-Python loop in 1, then 2 processes")
    argv = [sys.executable, "-c", SPIN]
    start = time.perf_counter()
    subprocess.run(argv, check=True)
    one = time.perf_counter() - start
    start = time.perf_counter()
    pair = [subprocess.Popen(argv) for _ in range(2)]
    for process in pair:
        process.wait()
    two = time.perf_counter() - start
    return round(one, 2), round(2 * one / two, 2)


def precompile(command: list[str]) -> str:
    """Compile mobfacts' modules to bytecode first, as installing a package does.

    An editable install run with PYTHONDONTWRITEBYTECODE set would otherwise compile every
    module from source on every start (about 0.05 s), which no installed copy pays.
    """
    python = interpreter(command)
    code = (
        "import compileall, os, mobfacts\n"
        "compileall.compile_dir(os.path.dirname(mobfacts.__file__), quiet=1)"
    )
    done = subprocess.run([python, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"not precompiled ({done.stderr.strip().splitlines()[-1:]})"
    return "compiled before timing, as an installed package is"


def interpreter(command: list[str]) -> str:
    """The Python that runs the command: its console script's #! line, else this one."""
    if command[0] != sys.executable:
        with open(command[0], "rb") as script:
            first = script.readline().decode(errors="replace").strip()
        if first.startswith("#!") and "python" in first:
            return first[2:].split()[0]
    return sys.executable


def cold_latency(command: list[str], articles: list[Path], runs: int) -> dict[str, Any]:
    """Median wall time of a one-article extraction and of --help, each a new process.

    The extraction is timed twice: as every run after the first one (its patterns in the
    cache), and as a first run, each with a new empty pattern cache.
    """
    progress(f"cold latency: {runs} runs each")

    def extract(i: int) -> list[str]:
        return [*command, "extract", str(articles[i % len(articles)]), "--format", "json"]

    for i in range(len(articles)):
        run_quiet(extract(i))  # the disk cache, and the pattern cache of each language
    # The three kinds of run take turns, so that each sees the machine at the same moments.
    extract_times, first_times, help_times = [], [], []
    cached = os.environ["MOBFACTS_CACHE_DIR"]
    for i in range(runs):
        extract_times.append(run_quiet(extract(i)))
        with tempfile.TemporaryDirectory(prefix="empty-cache-") as empty:
            os.environ["MOBFACTS_CACHE_DIR"] = empty
            first_times.append(run_quiet(extract(i)))
        os.environ["MOBFACTS_CACHE_DIR"] = cached
        help_times.append(run_quiet([*command, "--help"]))
    return {
        "runs": runs,
        "extract_json_s": round(statistics.median(extract_times), 3),
        "extract_json_min_s": round(min(extract_times), 3),
        "extract_json_first_run_s": round(statistics.median(first_times), 3),
        "help_s": round(statistics.median(help_times), 3),
        "help_min_s": round(min(help_times), 3),
    }


def fixed_cost_runs(command: list[str], articles: list[Path]) -> list[float]:
    """Five runs over each sample article once: start-up, imports, the first use of each
    language's patterns, and those few bytes."""
    progress("fixed cost: each sample article once")
    return [run_quiet([*command, "extract", *map(str, articles), "--format", "jsonl"])
            for _ in range(5)]  # fmt: skip


def fixed_cost(runs: list[float], articles: list[Path], s_per_mb: float) -> dict[str, Any]:
    """What a run costs whatever its size: the fastest of the runs over each sample article
    once, less the time those bytes take at s_per_mb (the scaling corpus's rate)."""
    size = sum(a.stat().st_size for a in articles) / MB
    return {
        "s": round(max(0.0, min(runs) - size * s_per_mb), 3),
        "note": "fastest of 5 runs over each sample once, less its bytes at the scaling rate",
    }


def run_quiet(argv: list[str]) -> float:
    """Wall time of one command, output discarded; a failure stops the benchmark."""
    start = time.perf_counter()
    process = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} failed: {process.stderr.decode()[-500:]}")
    return elapsed


def run_extract(command: list[str], args: list[str], label: str) -> Timed:
    """``mobfacts extract ARGS --format jsonl > /dev/null``: wall time and peak RSS."""
    argv = [*command, "extract", *args, "--format", "jsonl"]
    progress(f"running: {label}")
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-500:]
            raise SystemExit(f"bench: {' '.join(argv)} exited {process.returncode}: {message}")
    progress(f"  {elapsed:.2f} s")
    return Timed(elapsed, round(usage.ru_maxrss / 1024, 1), process.returncode)


def fastest(rounds: int, command: list[str], args: list[str], label: str) -> Timed:
    """The fastest of a few runs: other work on the machine only ever slows a run down."""
    runs = [run_extract(command, args, label) for _ in range(rounds)]
    return min(runs, key=lambda timed: timed.seconds)


def rates(size: float, size_bytes: int, count: int, timed: Timed, startup: float) -> dict:
    """Throughput figures of one run over a corpus of size_bytes in count articles."""
    megabytes = size_bytes / MB
    net = max(timed.seconds - startup, 1e-9)
    return {
        "corpus_mb": size,
        "bytes": size_bytes,
        "articles": count,
        "seconds": round(timed.seconds, 3),
        "mb_per_s": round(megabytes / timed.seconds, 3),
        "articles_per_s": round(count / timed.seconds, 1),
        "s_per_mb": round(timed.seconds / megabytes, 4),
        "s_per_mb_net": round(net / megabytes, 4),
        "peak_rss_mb": timed.peak_rss_mb,
    }


def spread(values: list[float]) -> float:
    """How far apart the values are: (max - min) / min."""
    return round((max(values) - min(values)) / min(values), 3) if values else 0.0


def build_corpus(folder: Path, articles: list[Path], size_mb: float) -> tuple[Path, int, int]:
    """A folder of copies of the articles, round robin, until it holds size_mb; bytes, count."""
    progress(f"building a {size_mb:g} MB corpus")
    texts = [(a.stem, a.read_bytes()) for a in articles]
    goal = int(size_mb * MB)
    total = count = 0
    while total < goal:
        stem, data = texts[count % len(texts)]
        sub = folder / f"{count // FILES_PER_FOLDER:04d}"
        if count % FILES_PER_FOLDER == 0:
            sub.mkdir(parents=True)
        (sub / f"{count:07d}-{stem}.txt").write_bytes(data)
        total += len(data)
        count += 1
    return folder, total, count


def build_single_article(path: Path, articles: list[Path], size_mb: float) -> int:
    """One article of size_mb made of the sample articles, paragraph after paragraph."""
    progress(f"building one {size_mb:g} MB article")
    texts = [a.read_bytes().strip() + b"\n\n" for a in articles]
    goal = int(size_mb * MB)
    total = 0
    with path.open("wb") as handle:
        while total < goal:
            for data in texts:
                handle.write(data)
                total += len(data)
    return total


def dask_local(
    command: list[str],
    corpus: Path,
    size_bytes: int,
    count: int,
    plan: Plan,
    one: Timed,
    two: Timed,
    startup: float,
) -> dict[str, Any]:
    """The same corpus on a LocalCluster of 2 Dask workers, beside --jobs 2."""
    if importlib.util.find_spec("distributed") is None:
        return {"skipped": "the dask extra is not installed: pip install 'mobfacts[dask]'"}
    local = ["--scheduler", "local", "--jobs", "2"]
    overhead = run_extract(command, [*local, str(sample_articles()[0])], "Dask start-up")
    timed = fastest(plan.rounds, command, [*local, str(corpus)], "--scheduler local, 2 workers")
    return {
        "workers": 2,
        "startup_s": round(overhead.seconds, 3),
        **rates(plan.scaling_corpus, size_bytes, count, timed, startup),
        "speedup_vs_jobs1": round(one.seconds / timed.seconds, 2),
        "ratio_to_jobs2": round(two.seconds / timed.seconds, 2),
    }


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The targets of issue 6, each with the measured figure and whether it is met."""
    largest = results["throughput"][-1]
    quick = largest["corpus_mb"] < 100
    return [
        target("cold latency, one article (s)", results["cold_latency"]["extract_json_s"],
               "<=", TARGET_COLD_S),
        target(f"throughput, one process, {largest['corpus_mb']:g} MB (MB/s)",
               largest["mb_per_s"], ">=", TARGET_MB_S),
        target(f"peak RSS, {largest['corpus_mb']:g} MB corpus (MB)", results["peak_rss_mb"],
               "<=", TARGET_RSS_MB, indicative=quick),
        target("--jobs 2 speed-up over --jobs 1", results["jobs"]["speedup"], ">=",
               TARGET_SPEEDUP),
        target("time per MB spread across corpora (net)", results["linearity"]["spread_net"],
               "<=", TARGET_LINEAR_SPREAD),
        target("single article time per MB / small articles",
               results["single_article"]["ratio_to_small_articles"], "<=",
               TARGET_SINGLE_RATIO),
    ]  # fmt: skip


def target(
    name: str, value: float | None, op: str, goal: float, *, indicative: bool = False
) -> dict[str, Any]:
    """One target; met is None when the figure is missing or only indicative (--quick)."""
    met = None
    if value is not None and not indicative:
        met = value <= goal if op == "<=" else value >= goal
    return {"name": name, "value": value, "goal": f"{op} {goal:g}", "met": met}


def table(results: dict[str, Any]) -> str:
    """The figures as plain text tables."""
    m = results["machine"]
    lines = [
        f"mobfacts benchmark - {m['mobfacts']} ({m['commit']}), Python {m['python']}, "
        f"{m['cpus']} CPUs, {m['platform']}",
        f"command: {m['command']}; articles repeated: {', '.join(results['articles'])}",
        f"figures per MB in those articles (answer keys): {results['figures_per_mb']}",
        f"bytecode: {m['bytecode']}",
        "",
    ]
    cold = results["cold_latency"]
    lines += [
        f"cold latency (median of {cold['runs']} runs, new process each)",
        f"  mobfacts extract ARTICLE --format json   {cold['extract_json_s']:.3f} s "
        f"(min {cold['extract_json_min_s']:.3f}; a first run, without the pattern cache: "
        f"{cold['extract_json_first_run_s']:.3f} s)",
        f"  mobfacts --help                          {cold['help_s']:.3f} s "
        f"(min {cold['help_min_s']:.3f})",
        "",
        "throughput: mobfacts extract DIR --format jsonl > /dev/null",
    ]
    header = ("run", "MB", "articles", "seconds", "MB/s", "art./s", "s/MB", "net s/MB", "RSS MB")
    rows = [(f"{t['corpus_mb']:g} MB corpus", *_rate_cells(t)) for t in results["throughput"]]
    jobs = results["jobs"]
    rows.append((f"--jobs 1 ({jobs['corpus_mb']:g} MB)", *_rate_cells(jobs["jobs1"])))
    rows.append((f"--jobs 2 ({jobs['corpus_mb']:g} MB)", *_rate_cells(jobs["jobs2"])))
    dask = results["dask_local"]
    if "skipped" not in dask:
        rows.append(("--scheduler local, 2 workers", *_rate_cells(dask)))
    single = results["single_article"]
    rows.append((f"one {single['corpus_mb']:g} MB article", *_rate_cells(single)))
    lines += _grid(header, rows)
    linear = results["linearity"]
    lines += [
        "",
        f"time per MB spread across the corpora: {linear['spread_raw']:.0%} raw, "
        f"{linear['spread_net']:.0%} net of the fixed cost of a run "
        f"({results['startup']['s']:.2f} s: start-up and each language's first patterns)",
        f"peak RSS on the largest corpus: {results['peak_rss_mb']} MB",
        f"--jobs 2 speed-up over --jobs 1: {jobs['speedup']:.2f}x (a pure-Python loop in 2 "
        f"processes: {m['parallel_baseline']:.2f}x on this machine at the time)",
        f"machine speed at the time: the same loop took {m['spin_s']:.2f} s in one process",
        f"single article, net time per MB / small articles: "
        f"{single['ratio_to_small_articles']:.2f}x",
    ]
    if "skipped" in dask:
        lines.append(f"--scheduler local: skipped ({dask['skipped']})")
    else:
        lines.append(
            f"--scheduler local, 2 workers: {dask['speedup_vs_jobs1']:.2f}x --jobs 1, "
            f"{dask['ratio_to_jobs2']:.2f}x the speed of --jobs 2 "
            f"(includes {dask['startup_s']:.2f} s of cluster start-up)"
        )
    lines += ["", "targets (issue 6)"]
    verdicts = {True: "met", False: "NOT MET", None: "indicative only (--quick)"}
    lines += _grid(
        ("target", "measured", "goal", ""),
        [(t["name"], f"{t['value']}", t["goal"], verdicts[t["met"]]) for t in results["targets"]],
    )
    return "\n".join(lines)


def _rate_cells(t: dict[str, Any]) -> tuple[str, ...]:
    return (
        f"{t['bytes'] / MB:.2f}",
        f"{t['articles']}",
        f"{t['seconds']:.2f}",
        f"{t['mb_per_s']:.2f}",
        f"{t['articles_per_s']:.0f}",
        f"{t['s_per_mb']:.3f}",
        f"{t['s_per_mb_net']:.3f}",
        f"{t['peak_rss_mb']:.0f}",
    )


def _grid(header: Sequence[str], rows: list[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    render = [
        "  " + "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in
                         enumerate(zip(row, widths, strict=True)))
        for row in [header, *rows]
    ]  # fmt: skip
    return [render[0], "  " + "-" * (len(render[0]) - 2), *render[1:]]


def progress(message: str) -> None:
    """A line on stderr, so that a long run shows where it is."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
