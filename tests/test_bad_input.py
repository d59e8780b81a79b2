"""Bad input through the real command: one clear line each, the other inputs intact."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ARTICLE_ID


def mobfacts(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mobfacts", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        **kwargs,
    )


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE_ID, encoding="utf-8")
    return path


def sources(stdout: str) -> list[str]:
    return [json.loads(line)["source"] for line in stdout.splitlines()]


def test_binary_file_is_one_error_line(tmp_path: Path, good: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = mobfacts("extract", "-f", "jsonl", str(binary), str(good))
    assert result.returncode == 1
    reason = "binary file (contains NUL bytes), not text"
    assert result.stderr == f"mobfacts: error: {binary}: {reason}\n"
    assert sources(result.stdout) == [str(good)]


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = mobfacts("extract", "-f", "jsonl", str(empty))
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout) == {
        "source": str(empty),
        "language": "id",
        "figures": [],
        "people": [],
        "dates": [],
    }


def test_missing_path_and_folder_without_articles(tmp_path: Path, good: Path) -> None:
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    missing = tmp_path / "missing.txt"
    result = mobfacts("extract", "-f", "jsonl", str(missing), str(good), str(empty_folder))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"mobfacts: error: {missing}: no such file or directory",
        f"mobfacts: error: {empty_folder}: no .txt files in this directory",
    ]
    assert sources(result.stdout) == [str(good)]


def test_permission_denied_is_one_error_line(tmp_path: Path, good: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE_ID, encoding="utf-8")
    secret.chmod(0o000)
    prefix: list[str] = []
    if os.getuid() == 0:  # root reads anything: run without the capabilities that allow it
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot meet a real EACCES")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "mobfacts", "extract", "-f", "jsonl", str(secret),
         str(good)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stderr == f"mobfacts: error: {secret}: permission denied\n"
    assert sources(result.stdout) == [str(good)]


def test_utf16_and_legacy_encodings(tmp_path: Path) -> None:
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Presiden Nguyễn Xuân Phúc hadir.\n".encode("utf-16"))
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Harga naik 5% di café São Paulo.\n".encode("cp1252"))
    result = mobfacts("extract", "-f", "jsonl", str(utf16), str(legacy))
    assert result.returncode == 0
    assert result.stderr == f"mobfacts: warning: {legacy}: not valid UTF-8; decoded as cp1252\n"
    assert sources(result.stdout) == [str(utf16), str(legacy)]


def test_json_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    article = tmp_path / "vi.txt"
    article.write_text("Ông Nguyễn Đăng Quang nói 36 triệu đồng.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C", "PYTHONUTF8": "0"}
    process = subprocess.run(
        [sys.executable, "-m", "mobfacts", "extract", "-f", "json", str(article)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout.decode("utf-8"))[0]["source"] == str(article)


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    article = tmp_path / "formula.txt"
    article.write_text("=HYPERLINK(1) 45 rumah dibangun.\n", encoding="utf-8")
    result = mobfacts("extract", "-f", "csv", str(article))
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    figure = next(r for r in rows if r["text"] == "45")
    assert figure["sentence"] == "'=HYPERLINK(1) 45 rumah dibangun."
    assert figure["value"] == "45"


@pytest.fixture
def big_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04d}.txt").write_text(ARTICLE_ID * 20, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_closed_pipe_ends_quietly(big_folder: Path, fmt: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "mobfacts", "extract", "-f", fmt, str(big_folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 128 + signal.SIGPIPE
    assert stderr == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_and_leaves_no_output_file(
    big_folder: Path, tmp_path: Path, jobs: str
) -> None:
    target = tmp_path / "facts.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mobfacts", "extract", "-f", "jsonl", "-j", jobs, "-o",
         str(target), str(big_folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert b"Traceback" not in stderr
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.jsonl", "many"]
