"""The mobfacts command: options in, pipeline call, output out."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from mobfacts import __version__, build, lang
from mobfacts.output import TextWriter, Writer, writer_for
from mobfacts.output.files import atomic_output
from mobfacts.runners import RunnerError, Settings, run
from mobfacts.sources import expand

app = typer.Typer(
    name="mobfacts",
    help="Extract figures, people and dates from news articles (Indonesian and English).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    html = "html"


class Interrupted(BaseException):
    """Ctrl-C: raised from the signal handler so that clean-up (temporary files) runs."""


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"mobfacts {__version__} ({build()})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Extract figures, people and dates from news articles (Indonesian and English)."""


def _language(value: str) -> str:
    if value != "auto" and value not in lang.available():
        choices = ", ".join(("auto", *lang.available()))
        raise typer.BadParameter(f"{value!r} is not one of {choices}")
    return value


LanguageOption = Annotated[
    str,
    typer.Option(
        "--lang", help="Language: auto (detected per document), id or en.", callback=_language
    ),
]
ReferenceDateOption = Annotated[
    datetime | None,
    typer.Option(
        "--reference-date",
        formats=["%Y-%m-%d"],
        metavar="YYYY-MM-DD",
        help="Publication date, for dates without a year and relative dates.",
    ),
]


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files, folders (every *.txt below them) or - for stdin.",
            metavar="PATH...",
        ),
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
    language: LanguageOption = "auto",
    reference_date: ReferenceDateOption = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="Worker processes (0 = all cores); output order is kept."
        ),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS|local",
            help="Run on a Dask cluster: a scheduler address (tcp://host:8786), whose workers"
            " must see the same paths, or local for a cluster of --jobs workers here (all"
            " cores when --jobs is 0 or 1). Needs mobfacts[dask].",
        ),
    ] = None,
) -> None:
    """Print the figures, people and dates of each article.

    Exit status: 0 when every input was processed, 1 when some failed (the others are
    still printed in full), 2 for a usage error.
    """
    settings = _settings(language, reference_date)
    if output is None:
        try:
            failures = _extract(
                paths,
                fmt,
                settings,
                jobs,
                sys.stdout,
                terminal=sys.stdout.isatty(),
                scheduler=scheduler,
            )
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as cat does
            _silence_stdout()
            raise typer.Exit(128 + signal.SIGPIPE) from None
    else:
        with atomic_output(output) as stream:
            failures = _extract(
                paths, fmt, settings, jobs, stream, terminal=False, scheduler=scheduler
            )
    if failures:
        raise typer.Exit(1)


def _extract(
    paths: list[str],
    fmt: Format,
    settings: Settings,
    jobs: int,
    stream: TextIO,
    *,
    terminal: bool,
    scheduler: str | None = None,
) -> int:
    """Write every input's facts to stream; report failed inputs on stderr and count them."""
    writer = writer_for(fmt.value, stream, terminal=terminal)
    return _write_all(writer, paths, settings, jobs, scheduler)


def _write_all(
    writer: Writer, paths: list[str], settings: Settings, jobs: int, scheduler: str | None = None
) -> int:
    """Give every input's document to writer; report failed inputs on stderr and count them."""
    failures = 0
    items = expand(paths, read_stdin=sys.stdin.buffer.read)
    # Text formats are rendered where each document is extracted (in the workers).
    # A runtime Protocol check costs tens of microseconds: made once, not once per input.
    text_writer = writer if isinstance(writer, TextWriter) else None
    render = text_writer.render if text_writer is not None else None
    try:
        outcomes = run(items, settings, jobs=jobs, scheduler=scheduler, render=render)
    except RunnerError as error:  # e.g. no scheduler at that address: nothing was read
        _complain("error", str(error))
        raise typer.Exit(2) from None
    for outcome in outcomes:
        if outcome.warning:
            _complain("warning", outcome.warning)
        if outcome.error is not None:
            failures += 1
            _complain("error", outcome.error)
        elif outcome.rendered is not None and text_writer is not None:
            text_writer.write_text(outcome.rendered)
        elif outcome.document is not None:
            writer.write(outcome.document)
    writer.close()
    return failures


@app.command()
def show(
    path: Annotated[str, typer.Argument(help="An article file, or - for stdin.", metavar="FILE")],
    language: LanguageOption = "auto",
    reference_date: ReferenceDateOption = None,
) -> None:
    """Print an article with its figures, people, titles and dates highlighted, then the facts.

    Colours on a terminal; elsewhere each fact is written as [text]{label}.
    """
    from mobfacts.output.show import ShowWriter

    settings = _settings(language, reference_date)
    try:
        failures = _write_all(
            ShowWriter(sys.stdout, terminal=sys.stdout.isatty()), [path], settings, jobs=1
        )
    except BrokenPipeError:  # the reader went away (`| less` quit early): stop quietly
        _silence_stdout()
        raise typer.Exit(128 + signal.SIGPIPE) from None
    if failures:
        raise typer.Exit(1)


def _settings(language: str, reference_date: datetime | None) -> Settings:
    return Settings(
        lang_code=None if language == "auto" else language,
        reference_date=reference_date.date() if reference_date else None,
    )


def _complain(level: str, message: str) -> None:
    sys.stderr.write(f"mobfacts: {level}: {message}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the final flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def main() -> None:
    """The console script: the typer app, with Ctrl-C and closed pipes handled quietly."""
    signal.signal(signal.SIGINT, _interrupt)
    for stream in (sys.stdout, sys.stderr):  # JSON is UTF-8 whatever the locale says
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        app()
    except Interrupted:
        with contextlib.suppress(OSError):
            sys.stderr.write("\n")
        sys.exit(130)
