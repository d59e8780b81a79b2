"""Dask scale-out: a real loopback LocalCluster gives the same bytes as a local run."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

distributed = pytest.importorskip("distributed")

from mobfacts.cli import app  # noqa: E402
from mobfacts.dask import _located, extract_bag, run_on_cluster  # noqa: E402
from mobfacts.runners import Settings, process, run  # noqa: E402
from mobfacts.sources import Source, expand  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
runner = CliRunner()

TEMPLATES_ID = (
    "Jakarta - Menteri Keuangan Sri Wulandari mengatakan anggaran naik {a}% menjadi "
    "Rp {b} triliun pada {day} Maret {year}. Sebanyak {c} desa menerima bantuan.\n",
    "Gubernur Budi Santoso meresmikan {c} rumah baru di provinsi itu pada {year}. "
    "Tingkat kemiskinan turun {a},5% dalam {b} tahun terakhir.\n",
)
TEMPLATES_EN = (
    "Hanoi - Deputy Prime Minister Tran Van Minh said on {day} May {year} that exports rose "
    "{a}% to $ {b} billion, and {c} families received new houses.\n",
)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One loopback LocalCluster of 2 worker processes for the whole module."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # HTTP endpoints on loopback
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Several hundred generated articles in nested folders, and one binary .txt that fails."""
    folder = tmp_path_factory.mktemp("corpus")
    templates = TEMPLATES_ID + TEMPLATES_EN
    for i in range(320):
        text = templates[i % len(templates)].format(
            a=i % 40 + 1,
            b=i * 7 % 900 + 10,
            c=i * 13 % 5000 + 2,
            day=i % 28 + 1,
            year=2000 + i % 26,
        )
        sub = folder / f"part-{i // 100}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{i:04d}.txt").write_text(text * (1 + i % 3), encoding="utf-8")
    (folder / "part-1" / "article-0150-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "part-2" / "article-0250-latin.txt").write_bytes(
        "Harga naik 5% di Bogot\xe1.\n".encode("cp1252")
    )
    return folder


def invoke(*args: str):
    return runner.invoke(app, ["extract", *args])


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_samples_are_the_same_bytes_as_a_local_run(scheduler: str, fmt: str) -> None:
    local = invoke("-f", fmt, str(SAMPLES))
    remote = invoke("-f", fmt, "--scheduler", scheduler, str(SAMPLES))
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    assert remote.stdout_bytes == local.stdout_bytes
    assert remote.stderr_bytes == local.stderr_bytes


def test_scheduler_local_starts_and_stops_its_own_cluster() -> None:
    local = invoke("-f", "jsonl", str(SAMPLES))
    remote = invoke("-f", "jsonl", "--scheduler", "local", "--jobs", "2", str(SAMPLES))
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    assert remote.stdout_bytes == local.stdout_bytes
    assert remote.stderr_bytes == local.stderr_bytes == b""


def test_generated_corpus_with_a_failing_input_is_the_same(scheduler: str, corpus: Path) -> None:
    missing = str(corpus / "missing.txt")
    local = invoke("-f", "jsonl", str(corpus), missing)
    remote = invoke("-f", "jsonl", "--scheduler", scheduler, str(corpus), missing)
    assert local.exit_code == remote.exit_code == 1
    assert remote.stdout_bytes == local.stdout_bytes
    assert remote.stderr_bytes == local.stderr_bytes
    errors = remote.stderr.splitlines()
    assert any("article-0150-binary.txt: binary file" in line for line in errors)
    assert any("article-0250-latin.txt: not valid UTF-8" in line for line in errors)
    assert errors[-1] == f"mobfacts: error: {missing}: no such file or directory"
    assert len(remote.stdout.splitlines()) == 320 + 1  # the latin-1 one is read, with a warning


def test_output_file_and_stdin_are_the_same(scheduler: str, tmp_path: Path) -> None:
    article = (SAMPLES / "rice-exports-en.txt").read_bytes()
    local = runner.invoke(app, ["extract", "-f", "json", "-"], input=article)
    target = tmp_path / "out.json"
    remote = runner.invoke(
        app, ["extract", "-f", "json", "--scheduler", scheduler, "-o", str(target), "-"],
        input=article,
    )  # fmt: skip
    assert local.exit_code == remote.exit_code == 0
    assert target.read_bytes() == local.stdout_bytes


def test_small_batches_keep_the_input_order(scheduler: str, corpus: Path) -> None:
    local = list(run(expand([str(corpus)]), Settings()))
    remote = list(run_on_cluster(expand([str(corpus)]), Settings(), scheduler, batch_files=7))
    assert remote == local


def test_inputs_are_submitted_through_a_bounded_window(scheduler: str, corpus: Path) -> None:
    sources = [s for s in expand([str(corpus)]) if isinstance(s, Source)]
    pulled = [0]

    def counted() -> Iterator[Source]:
        for source in sources:
            pulled[0] += 1
            yield source

    outcomes = run_on_cluster(counted(), Settings(), scheduler, batch_files=5)
    next(outcomes)
    assert pulled[0] <= 30  # 2 workers: at most 4 batches of 5 in flight, not all 322
    assert len(list(outcomes)) == len(sources) - 1


def test_workers_in_another_directory_read_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Ada 120 rumah baru.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found, missing = _located(Source("a.txt")), _located(Source("gone.txt"))
    monkeypatch.chdir(tmp_path.parent)  # as a worker started elsewhere
    outcome = process(found, Settings())
    assert outcome.source == outcome.document.source == "a.txt"
    assert [f.text for f in outcome.document.figures] == ["120"]
    assert process(missing, Settings()).error == "gone.txt: no such file or directory"


def test_a_malformed_address_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("-f", "jsonl", "--scheduler", "no-port-here", str(SAMPLES))
    assert result.exit_code == 2
    assert result.stderr.startswith("mobfacts: error: cannot use the Dask scheduler")
    assert result.stdout == ""


def test_extract_bag_gives_documents_and_error_dicts(scheduler: str, corpus: Path) -> None:
    missing = str(corpus / "missing.txt")
    local = invoke("-f", "jsonl", str(corpus))
    with distributed.Client(scheduler):
        documents = extract_bag([str(corpus), missing], partition_size=50).compute()
    errors = [d for d in documents if "error" in d]
    assert [d["source"] for d in errors] == [
        str(corpus / "part-1" / "article-0150-binary.txt"),
        missing,
    ]
    assert errors[-1]["error"] == f"{missing}: no such file or directory"
    good = [d for d in documents if "error" not in d]
    assert good == [json.loads(line) for line in local.stdout.splitlines()]


def test_json_lines_recipe_writes_the_cli_output(scheduler: str, corpus: Path, tmp_path: Path):
    local = invoke("-f", "jsonl", str(corpus))
    out = tmp_path / "facts"
    with distributed.Client(scheduler):  # the default scheduler inside the block
        bag = extract_bag(str(corpus), partition_size=40).filter(lambda d: "error" not in d)
        lines = bag.map(json.dumps, ensure_ascii=False)
        lines.to_textfiles(str(out / "*.jsonl"), name_function="{:05d}".format, last_endline=True)
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("*.jsonl")))
    assert written == local.stdout


def test_extract_bag_refuses_stdin() -> None:
    with pytest.raises(ValueError, match="standard input"):
        extract_bag(["-"])


def test_a_killed_worker_loses_and_duplicates_nothing(scheduler: str, corpus: Path) -> None:
    # Last in the module: the nanny restarts the killed worker for any later use.
    local = list(run(expand([str(corpus)]), Settings()))
    outcomes = run_on_cluster(expand([str(corpus)]), Settings(), scheduler, batch_files=20)
    received = [next(outcomes)]
    with distributed.Client(scheduler, set_as_default=False) as client:
        pids = client.run(os.getpid)
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        received.extend(outcomes)
        client.wait_for_workers(2, timeout=60)
    assert received == local
