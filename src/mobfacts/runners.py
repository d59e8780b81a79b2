"""Running the pipeline over many inputs: in this process or in worker processes.

Whatever the runner, results come back in input order, one Outcome per input, and a
failed input is an Outcome with an error, never an exception that stops the run.
"""

from __future__ import annotations

import collections
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mobfacts.model import Document
from mobfacts.pipeline import extract
from mobfacts.sources import InputError, Source, decode

if TYPE_CHECKING:
    from concurrent.futures import Future


Render = Callable[[Document], str]


class RunnerError(Exception):
    """The runner cannot start (no Dask installed, no scheduler at the address); one line."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What every input is extracted with."""

    lang_code: str | None = None
    reference_date: date | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input: a Document (or its rendered text), or the error instead.

    `rendered` replaces `document` when the run was given a render function: the text is
    what crosses from a worker process to the parent, not the Document.
    """

    source: str
    document: Document | None = None
    error: str | None = None
    warning: str | None = None
    rendered: str | None = None


def process(source: Source, settings: Settings, render: Render | None = None) -> Outcome:
    """Read, decode and extract one input (and render it); input problems become an error."""
    try:
        decoded = decode(source.name, source.read())
    except InputError as error:
        return Outcome(source.name, error=str(error))
    try:
        document = extract(
            decoded.text,
            lang_code=settings.lang_code,
            reference_date=settings.reference_date,
            source=source.name,
        )
        rendered = render(document) if render is not None else None
    except Exception as error:  # a bug on one input must not cost the others their results
        reason = f"internal error while extracting ({type(error).__name__}: {error})"
        return Outcome(source.name, error=f"{source.name}: {reason}")
    warning = f"{source.name}: {decoded.warning}" if decoded.warning else None
    if rendered is not None:
        return Outcome(source.name, rendered=rendered, warning=warning)
    return Outcome(source.name, document=document, warning=warning)


def run(
    items: Iterable[Source | InputError],
    settings: Settings,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    render: Render | None = None,
) -> Iterator[Outcome]:
    """One Outcome per item, in order; jobs > 1 extracts in that many worker processes.

    With render, each Outcome carries render(document) instead of the document, made
    where the document was extracted (a pure, module-level function: it is pickled).

    With a scheduler (a Dask address, or "local" for a cluster of `jobs` workers, all
    cores when jobs <= 1) the batches run on a Dask cluster; RunnerError, raised before
    any input is read, when that cluster cannot be used.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if scheduler is not None:
        try:
            from mobfacts.dask import run_on_cluster  # the optional extra, only when asked
        except ImportError as error:
            raise RunnerError(
                f"--scheduler needs Dask: pip install 'mobfacts[dask]' ({error})"
            ) from None
        workers = jobs if jobs > 1 else None
        return run_on_cluster(items, settings, scheduler, workers=workers, render=render)
    if jobs <= 1:
        return _run_here(items, settings, render)
    return _run_parallel(items, settings, jobs, render)


def _run_here(
    items: Iterable[Source | InputError], settings: Settings, render: Render | None
) -> Iterator[Outcome]:
    for item in items:
        yield _settled(item) if isinstance(item, InputError) else process(item, settings, render)


def _settled(error: InputError) -> Outcome:
    return Outcome(error.source, error=str(error))


# Inputs per task: one round trip to a worker per batch, not per article. Batches start
# at one input and double up to BATCH, so that a short run still keeps every worker busy
# and a long one pays for few round trips (the parent shares the cores with the workers).
BATCH = 16


def process_batch(
    sources: Sequence[Source], settings: Settings, render: Render | None = None
) -> list[Outcome]:
    """The task a worker runs: read and extract (and render) each source of a batch, in order."""
    return [process(source, settings, render) for source in sources]


def _run_parallel(
    items: Iterable[Source | InputError], settings: Settings, jobs: int, render: Render | None
) -> Iterator[Outcome]:
    from concurrent.futures import ProcessPoolExecutor  # only a parallel run pays for it

    # A bounded window of pending batches keeps memory flat however large the corpus,
    # and reading results from its left end keeps the input order.
    window: collections.deque[Future[list[Outcome]] | list[Outcome]] = collections.deque()
    limit = jobs * 2
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        for batch in growing_batches(items, BATCH):
            while len(window) >= limit:
                yield from _results(window.popleft())
            if isinstance(batch, InputError):
                window.append([_settled(batch)])
            else:
                window.append(pool.submit(process_batch, batch, settings, render))
        while window:
            yield from _results(window.popleft())
    finally:
        # On Ctrl-C or a closed pipe, drop the queued inputs instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)


def growing_batches(
    items: Iterable[Source | InputError], largest: int
) -> Iterator[list[Source] | InputError]:
    """The sources in order, in batches of 1, 2, 4, ... up to largest inputs; an input
    that failed to open ends the batch before it and comes alone, in its place."""
    batch: list[Source] = []
    size = 1
    for item in items:
        if isinstance(item, InputError):
            if batch:
                yield batch
                batch, size = [], min(largest, size * 2)
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch, size = [], min(largest, size * 2)
    if batch:
        yield batch


def with_end(items: Iterable[Source | InputError]) -> Iterator[Source | InputError | None]:
    """The items, then None to send the last batch."""
    yield from items
    yield None


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run and cleans up once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _results(pending: Future[list[Outcome]] | list[Outcome]) -> list[Outcome]:
    return pending if isinstance(pending, list) else pending.result()
