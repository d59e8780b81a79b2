"""The mobfacts command: formats parsed back, inputs, --output, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mobfacts import __version__
from mobfacts.cli import app
from mobfacts.extractors import people
from mobfacts.output.export import CSV_COLUMNS

from .conftest import ARTICLE_ID

runner = CliRunner()


def invoke(*args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    expected = "pure Python" if people.__file__.endswith(".py") else "compiled"
    assert result.stdout.strip() == f"mobfacts {__version__} ({expected})"


def test_help_on_every_command() -> None:
    assert "extract" in invoke("--help").stdout
    text = invoke("extract", "--help").stdout
    for option in ("--format", "--output", "--lang", "--reference-date", "--jobs"):
        assert option in text


def test_jsonl_one_document_per_line_in_input_order(articles: Path) -> None:
    result = invoke("extract", "-f", "jsonl", str(articles))
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [
        str(articles / "a-id.txt"),
        str(articles / "sub" / "b-en.txt"),
    ]
    assert [d["language"] for d in docs] == ["id", "en"]
    assert set(docs[0]) == {"source", "language", "figures", "people", "dates"}


def test_json_is_one_array_with_the_schema(articles: Path) -> None:
    result = invoke("extract", "--format", "json", str(articles / "a-id.txt"))
    assert result.exit_code == 0
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == 1
    figure = next(f for f in docs[0]["figures"] if f["text"] == "3,25%")
    assert set(figure) == {
        "text", "start", "end", "value", "value_max", "unit", "kind", "subject",
        "change", "per", "bound", "sentence", "rule",
    }  # fmt: skip
    assert ARTICLE_ID[figure["start"] : figure["end"]] == "3,25%"
    assert figure["value"] == 3.25 and figure["unit"] == "%" and figure["kind"] == "percent"
    assert figure["sentence"].startswith("Tingkat kemiskinan")
    date = docs[0]["dates"][0]
    assert set(date) == {"text", "start", "end", "value", "rule"}


def test_json_of_no_documents_is_an_empty_array(tmp_path: Path) -> None:
    result = invoke("extract", "-f", "json", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_csv_parses_back_with_a_row_per_fact(articles: Path) -> None:
    result = invoke("extract", "-f", "csv", str(articles))
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {r["type"] for r in records} <= {"figure", "person", "date"}
    percent = next(r for r in records if r["text"] == "3,25%")
    assert percent["source"] == str(articles / "a-id.txt")
    assert percent["value"] == "3.25" and percent["kind"] == "percent"
    assert int(percent["end"]) - int(percent["start"]) == len("3,25%")


def test_table_is_plain_text_when_not_a_terminal(articles: Path) -> None:
    result = invoke("extract", str(articles / "a-id.txt"))
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "Figures" in result.stdout and "3,25%" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 120


def test_a_narrow_table_never_breaks_a_label(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = "Pendapatan per kapita mencapai 36 juta VND/orang/tahun, turun 3,25% per tahun."
    result = invoke("extract", "-", stdin=text.encode())
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "orang/tahun" in result.stdout and "decrease" in result.stdout


def test_stdin_is_read_for_dash() -> None:
    result = invoke("extract", "-f", "jsonl", "-", stdin=ARTICLE_ID.encode())
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == "-"
    assert any(f["text"] == "3,25%" for f in doc["figures"])


def test_output_file_gets_the_result(articles: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    result = invoke("extract", "-f", "jsonl", "-o", str(target), str(articles))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_inputs_exit_1_and_keep_the_others(articles: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = invoke("extract", "-f", "jsonl", str(missing), str(articles / "a-id.txt"))
    assert result.exit_code == 1
    assert result.stderr == f"mobfacts: error: {missing}: no such file or directory\n"
    assert json.loads(result.stdout)["source"] == str(articles / "a-id.txt")


def test_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    result = invoke("extract", "-f", "jsonl", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"mobfacts: error: {tmp_path}: no .txt files in this directory\n"


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "--format", "xml", "a.txt"],
        ["extract", "--lang", "fr", "a.txt"],
        ["extract", "--reference-date", "11/06/2025", "a.txt"],
        ["extract", "--jobs", "-1", "a.txt"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert invoke(*args).exit_code == 2


def test_language_can_be_forced(articles: Path) -> None:
    result = invoke("extract", "-f", "jsonl", "--lang", "en", str(articles / "a-id.txt"))
    assert json.loads(result.stdout)["language"] == "en"


def test_jobs_keep_the_input_order(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(f"Ada {i + 100} rumah baru.\n", encoding="utf-8")
    one = invoke("extract", "-f", "jsonl", str(tmp_path))
    two = invoke("extract", "-f", "jsonl", "--jobs", "2", str(tmp_path))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert [json.loads(x)["source"][-6:] for x in two.stdout.splitlines()][:2] == [
        "00.txt",
        "01.txt",
    ]


@pytest.mark.parametrize("fmt", ["csv", "json", "table", "html"])
def test_jobs_give_the_same_output_in_every_format(tmp_path: Path, fmt: str) -> None:
    for i in range(6):
        text = f"Pada 2024, ada {i + 100} rumah baru, kata Menteri Budi Santoso.\n"
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "03.txt").write_bytes(b"\x00binary")
    one = invoke("extract", "-f", fmt, str(tmp_path))
    two = invoke("extract", "-f", fmt, "--jobs", "2", str(tmp_path))
    assert one.exit_code == two.exit_code == 1  # 03.txt failed, the others are written
    assert one.stdout == two.stdout
    assert "104" in one.stdout and "103" not in one.stdout


def test_python_dash_m_runs_the_command(articles: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "mobfacts", "extract", "-f", "jsonl", str(articles / "a-id.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)["language"] == "id"
