"""The runners' contract: one Outcome per input, in order, failures as Outcomes, streamed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobfacts import runners
from mobfacts.output.export import to_json_line
from mobfacts.runners import Outcome, RunnerError, Settings, run
from mobfacts.sources import InputError, Source, expand

from .conftest import ARTICLE_EN, ARTICLE_ID


@pytest.fixture
def inputs(tmp_path: Path) -> list[Source | InputError]:
    """Good articles with a missing file, a binary file and an unlisted path among them."""
    for i in range(10):
        text = ARTICLE_ID if i % 2 else ARTICLE_EN
        (tmp_path / f"{i:02d}.txt").write_text(text.replace("5%", f"{i + 1}%"), encoding="utf-8")
    (tmp_path / "04.txt").unlink()
    (tmp_path / "07.txt").write_bytes(b"\x00\x00binary")
    names = [str(tmp_path / f"{i:02d}.txt") for i in range(10)]
    return [*expand(names[:5]), *expand([str(tmp_path / "nowhere")]), *expand(names[5:])]


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_outcome_per_input_in_order(inputs: list[Source | InputError], jobs: int) -> None:
    outcomes = list(run(inputs, Settings(), jobs=jobs))
    names = [i.name if isinstance(i, Source) else i.source for i in inputs]
    assert [o.source for o in outcomes] == names
    failed = {Path(o.source).name: o.error for o in outcomes if o.document is None}
    assert set(failed) == {"04.txt", "nowhere", "07.txt"}
    assert failed["04.txt"].endswith("04.txt: no such file or directory")
    assert "binary file" in failed["07.txt"]
    assert all(o.document.source == o.source for o in outcomes if o.document is not None)


def test_worker_processes_give_the_same_outcomes(inputs: list[Source | InputError]) -> None:
    assert list(run(inputs, Settings(), jobs=2)) == list(run(inputs, Settings(), jobs=1))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_render_function_sends_text_instead_of_documents(
    inputs: list[Source | InputError], jobs: int
) -> None:
    plain = list(run(inputs, Settings()))
    rendered = list(run(inputs, Settings(), jobs=jobs, render=to_json_line))
    assert [o.source for o in rendered] == [o.source for o in plain]
    assert [o.error for o in rendered] == [o.error for o in plain]
    for before, after in zip(plain, rendered, strict=True):
        assert after.document is None
        expected = to_json_line(before.document) if before.document else None
        assert after.rendered == expected
    assert sum(o.rendered is not None for o in rendered) == 8


def test_an_internal_error_fails_only_its_input(
    inputs: list[Source | InputError], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = runners.extract

    def broken(text: str, **kwargs: object):
        if "143 anggota" in text:
            raise RuntimeError("boom")
        return real(text, **kwargs)

    monkeypatch.setattr(runners, "extract", broken)
    outcomes = list(run(inputs, Settings()))
    errors = [o.error for o in outcomes if o.error and "internal error" in o.error]
    assert errors and all("(RuntimeError: boom)" in e for e in errors)
    assert any(o.document is not None and o.document.language == "en" for o in outcomes)


def _counted(items: list[Source], pulled: list[int]) -> Iterator[Source]:
    for item in items:
        pulled[0] += 1
        yield item


@pytest.mark.parametrize("jobs", [1, 2])
def test_inputs_are_read_as_results_are_taken(tmp_path: Path, jobs: int) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_ID, encoding="utf-8")
    pulled = [0]
    outcomes = run(_counted([Source(str(article))] * 200, pulled), Settings(), jobs=jobs)
    assert pulled[0] == 0  # nothing is read before the first result is asked for
    first = next(outcomes)
    assert isinstance(first, Outcome) and first.document is not None
    assert pulled[0] <= 1 + jobs * 2 * runners.BATCH  # a bounded window, not the whole corpus
    assert len(list(outcomes)) == 199


def test_a_scheduler_without_dask_is_a_runner_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mobfacts.dask", None)  # as if the extra were missing
    with pytest.raises(RunnerError, match=r"pip install 'mobfacts\[dask\]'"):
        run([], Settings(), scheduler="local")


def test_a_plain_run_imports_only_what_it_needs(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_ID, encoding="utf-8")
    script = (
        "import sys\n"
        "from mobfacts.cli import main\n"
        f"sys.argv = ['mobfacts', 'extract', '-f', 'json', {str(article)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('dask', 'distributed', 'rich', 'concurrent.futures.process')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert json.loads(done.stdout)[0]["source"] == str(article)
    assert done.stderr.strip() == "[]"


def test_batches_double_up_to_the_largest_and_errors_come_alone() -> None:
    sources = [Source(f"{i}.txt") for i in range(40)]
    missing = InputError("gone.txt", "no such file or directory")
    items = [*sources[:5], missing, *sources[5:]]
    batches = list(runners.growing_batches(items, 8))
    sizes = [b if isinstance(b, InputError) else len(b) for b in batches]
    # 1, 2, then 2 of 4 before the error, which comes alone; then 8 at a time, and the rest.
    assert sizes == [1, 2, 2, missing, 8, 8, 8, 8, 3]
    flat = [s for b in batches if not isinstance(b, InputError) for s in b]
    assert flat == sources
