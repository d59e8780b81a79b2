"""Hostile text through the real command: every run ends, in linear time, with valid JSON.

The subprocess timeout is a guard against hangs (catastrophic backtracking), not a speed
assertion: speed is measured by benchmarks/bench.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

MB = 1_000_000

HOSTILE = {
    "numbered-dots": "1." * 100_000,
    "digits-and-dots": ("1234567890." * (MB // 11)),
    "digits-commas-dots": ("1,2.3" * (MB // 5)),
    "long-line-no-spaces": ("Rp1.000,5juta%/orang-" * (10 * MB // 21)),
    "huge-numbers": " ".join(["9" * 5000] * 20) + " persen " + "1" * 5000 + " triliun",
    "nested-brackets": "(" * 50_000 + "5%" + ")" * 50_000,
    "repeated-quotes": "\"'“”" * 100_000 + " kata Nguyen Van A",
    "title-chains": "Ketua Komite " * 30_000 + "Nguyen Van An",
    "capital-words": "Nguyen " * 100_000,
    "month-soup": "Juni 2025 - " * 50_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_ends_with_valid_json(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(HOSTILE[name], encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "mobfacts", "extract", "-f", "json", str(path)],
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert process.returncode == 0, process.stderr[-500:]
    [doc] = json.loads(process.stdout.decode("utf-8"))
    assert doc["source"] == str(path)
