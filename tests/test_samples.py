"""The sample articles and their expected output: what the README's first command prints.

After a deliberate change to the extractors, review the difference and refresh the
expected files with ``MOBFACTS_UPDATE_SAMPLES=1 pytest tests/test_samples.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mobfacts import extract
from mobfacts.cli import app

SAMPLES = Path(__file__).parent.parent / "samples"
EXPECTED = SAMPLES / "expected"
ARTICLES = sorted(SAMPLES.glob("*.txt"))
UPDATE = os.environ.get("MOBFACTS_UPDATE_SAMPLES") == "1"


def test_there_are_samples_in_both_languages() -> None:
    languages = {extract(p.read_text(encoding="utf-8")).language for p in ARTICLES}
    assert languages == {"id", "en"}


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_sample_output_is_as_expected(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    got = extract(text, source=f"samples/{article.name}").to_dict()
    expected_path = EXPECTED / f"{article.stem}.json"
    if UPDATE:
        EXPECTED.mkdir(exist_ok=True)
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
    for figure in got["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["text"]


def test_the_command_prints_the_same_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES.parent)
    result = CliRunner().invoke(app, ["extract", "-f", "json", "samples"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [d["source"] for d in docs] == [f"samples/{p.name}" for p in ARTICLES]
    for doc in docs:
        name = Path(doc["source"]).stem
        assert doc == json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
