"""Running mobfacts on a Dask cluster (the optional ``mobfacts[dask]`` extra).

Two ways in:

- ``run_on_cluster`` is what ``mobfacts extract --scheduler ADDRESS|local`` uses: the inputs
  are cut into batches of files, each batch is one Dask task that a worker reads and
  extracts, and the Outcomes come back in input order to the same writers as a local run.
  A bounded window of batches is in flight at a time, so memory does not grow with the
  corpus.
- ``extract_bag`` gives a ``dask.bag.Bag`` of documents (dicts in the JSON schema) for
  pipelines that already use Dask.

Workers read the files by path: every path must be readable under the same name on the
client (which lists folders) and on every worker, e.g. on a shared filesystem. Standard
input is read by the client and shipped with its batch. The core package never imports
this module; only ``runners.run`` does, when a scheduler is given.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import dask.bag
from distributed import Client, Future, LocalCluster
from distributed.comm import get_address_host_port

from mobfacts.runners import (
    Outcome,
    Render,
    RunnerError,
    Settings,
    process,
    process_batch,
    with_end,
)
from mobfacts.sources import STDIN, InputError, Source, expand

LOCAL = "local"
BATCH_FILES = 50  # files per task: ~0.1 MB of news text, a fraction of a second of work
RETRIES = 2  # a task whose function raised is run again this many times
CONNECT_TIMEOUT = "10s"

__all__ = ["BATCH_FILES", "LOCAL", "extract_bag", "run_on_cluster"]


def run_on_cluster(
    items: Iterable[Source | InputError],
    settings: Settings,
    scheduler: str,
    *,
    workers: int | None = None,
    batch_files: int = BATCH_FILES,
    render: Render | None = None,
) -> Iterator[Outcome]:
    """Connect now (RunnerError if that fails), then yield one Outcome per item, in order.

    ``scheduler`` is a dask.distributed address (``tcp://host:8786``) or ``local`` for a
    LocalCluster of ``workers`` single-threaded processes on the loopback interface.
    """
    stack = contextlib.ExitStack()
    try:
        client = _connect(scheduler, workers, stack)
    except BaseException as error:
        stack.close()
        if isinstance(error, OSError | TimeoutError | ValueError):
            raise RunnerError(f"cannot use the Dask scheduler {scheduler!r}: {error}") from None
        raise
    return _stream(client, stack, items, settings, batch_files, render)


def _connect(scheduler: str, workers: int | None, stack: contextlib.ExitStack) -> Client:
    """A client of the given scheduler, or of a new loopback-only LocalCluster."""
    if scheduler == LOCAL:
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,  # extraction holds the GIL: one process per core
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                # the scheduler's HTTP endpoints: a free loopback port, never 8787 or a warning
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.ERROR,
            )
        )
        return stack.enter_context(Client(cluster, set_as_default=False))
    get_address_host_port(scheduler)  # a malformed address fails here, before any Client
    return stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False))


# An entry of the window: the sources of a batch and its task, or Outcomes already known.
_Pending = tuple[list[Source], Future] | list[Outcome]


def _stream(
    client: Client,
    stack: contextlib.ExitStack,
    items: Iterable[Source | InputError],
    settings: Settings,
    batch_files: int,
    render: Render | None,
) -> Iterator[Outcome]:
    """Submit batches through a bounded window and yield their Outcomes from its left end."""
    with stack:
        run_id = uuid.uuid4().hex
        limit = max(4, 2 * sum(client.nthreads().values()))
        window: collections.deque[_Pending] = collections.deque()
        batch: list[Source] = []
        count = 0
        try:
            for item in with_end(items):
                if item is None or isinstance(item, InputError) or len(batch) >= batch_files:
                    if batch:
                        key = f"mobfacts-batch-{run_id}-{count}"
                        future = client.submit(
                            process_batch,
                            batch,
                            settings,
                            render,
                            key=key,
                            retries=RETRIES,
                            pure=True,
                        )
                        window.append((batch, future))
                        count += 1
                        batch = []
                    while len(window) >= limit:
                        yield from _settle(window.popleft())
                if isinstance(item, InputError):
                    window.append([Outcome(item.source, error=str(item))])
                elif item is not None:
                    batch.append(_located(item))
            while window:
                yield from _settle(window.popleft())
        finally:
            pending = [entry[1] for entry in window if isinstance(entry, tuple)]
            if pending:
                client.cancel(pending)


@dataclass(frozen=True, slots=True)
class _Located(Source):
    """A file that a worker opens by its absolute path but names as the user gave it."""

    path: str = ""

    def read(self) -> bytes:
        try:
            return Source(self.path).read()
        except InputError as error:  # the same message as a local run: the name as given
            raise InputError(self.name, error.reason) from None


def _located(source: Source) -> Source:
    """The source as workers need it: their working directory need not be the client's."""
    if source.data is not None:
        return source
    return _Located(source.name, path=os.path.abspath(source.name))


def _settle(entry: _Pending) -> list[Outcome]:
    """The Outcomes of a window entry; a batch that failed on the cluster fails each input."""
    if isinstance(entry, list):
        return entry
    sources, future = entry
    try:
        return future.result()
    except Exception as error:  # e.g. KilledWorker: the batch's workers kept dying
        detail = " ".join(str(error).split())  # one line, whatever Dask's message
        reason = f"failed on the Dask cluster ({type(error).__name__}: {detail})"
        return [Outcome(source.name, error=f"{source.name}: {reason}") for source in sources]
    finally:
        future.release()


def extract_bag(
    paths: str | Iterable[str],
    *,
    lang: str | None = None,
    reference_date: date | None = None,
    partition_size: int = BATCH_FILES,
) -> dask.bag.Bag:
    """A lazy Bag of documents (JSON-schema dicts); a failed input is {"source", "error"}.

    Files and folders (every *.txt below them, sorted) are listed now, on the client; the
    workers read and extract them when the bag is computed, ``partition_size`` files per
    partition. Decoding warnings are not part of the dicts.
    """
    names = [paths] if isinstance(paths, str) else list(paths)
    if STDIN in names:
        raise ValueError("extract_bag reads files by path; standard input ('-') is not one")
    listed = [
        (item.name, os.path.abspath(item.name), None)
        if isinstance(item, Source)
        else (item.source, "", str(item))
        for item in expand(names)
    ]
    settings = Settings(lang_code=lang, reference_date=reference_date)
    bag = dask.bag.from_sequence(listed, partition_size=partition_size)
    return bag.map_partitions(_bag_partition, settings)


def _bag_partition(
    listed: Iterable[tuple[str, str, str | None]], settings: Settings
) -> list[dict[str, Any]]:
    """One partition of extract_bag: a document dict, or an error dict, per input."""
    documents: list[dict[str, Any]] = []
    for name, path, error in listed:
        if error:
            outcome = Outcome(name, error=error)
        else:
            outcome = process(_Located(name, path=path), settings)
        if outcome.document is None:
            documents.append({"source": name, "error": outcome.error})
        else:
            documents.append(outcome.document.to_dict())
    return documents
