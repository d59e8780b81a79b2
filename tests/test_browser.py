"""A real browser (headless Debian Chromium) opens the HTML report from disk.

It checks what a reader would get: the highlighted spans in the live DOM, the inline script
running under the page's Content-Security-Policy, a hostile article running nothing, and a
screenshot of the Indonesian sample article. Skipped, saying why, where Chromium is missing
or cannot start (`.ci/run` installs Debian's chromium package).
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import struct
import subprocess
from functools import cache
from pathlib import Path

import pytest

from mobfacts import extract
from mobfacts.model import Document
from mobfacts.output.html import SCRIPT, to_html
from mobfacts.output.spans import highlights

from .test_html import HOSTILE, Page, date, figure, sample_doc

ROOT = Path(__file__).resolve().parent.parent
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip
TIMEOUT = 120


@cache
def chromium() -> str | None:
    """The Chromium executable, or None when there is none that starts."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            try:
                subprocess.run([found, "--version"], capture_output=True, timeout=60, check=True)
            except (OSError, subprocess.SubprocessError):
                return None
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> str:
    found = chromium()
    if found is None:
        pytest.skip(
            "Chromium is not installed or does not start (apt-get install chromium; "
            ".ci/run installs it when it can)"
        )
    return found


def run_chromium(browser: str, tmp_path: Path, page: Path, *options: str) -> str:
    """Chromium's standard output for page, with a fresh profile in tmp_path."""
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [browser, *FLAGS, f"--user-data-dir={profile}", *options, page.as_uri()]
    result = subprocess.run(command, capture_output=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr[-2000:].decode(errors="replace")
    return result.stdout.decode()  # not text=True, which would turn CRLF into LF


def indonesian_sample() -> Document:
    """The Indonesian sample article of the repository when there is one, else a test article."""
    found = sorted((ROOT / "samples").glob("*-id.txt"))
    if not found:
        return sample_doc()
    text = found[0].read_text(encoding="utf-8")
    return extract(text, "id", source=f"samples/{found[0].name}")


def test_the_dom_shows_every_highlighted_span(browser: str, tmp_path: Path) -> None:
    crlf = sample_doc("crlf.txt")
    crlf = Document(crlf.source, "id", crlf.text.replace("\n", "\r\n"), crlf.figures[:1])
    docs = [indonesian_sample(), sample_doc(), crlf]
    report = tmp_path / "report.html"
    report.write_text(to_html(docs), encoding="utf-8")
    dom = Page(run_chromium(browser, tmp_path, report, "--dump-dom"))
    owners = [doc for doc in docs for _ in highlights(doc)]
    assert len(dom.marks) == len(owners)
    assert dom.articles == [doc.text for doc in docs]
    for doc, attributes, text in zip(owners, dom.marks, dom.mark_texts, strict=True):
        start, end = int(attributes["data-start"] or ""), int(attributes["data-end"] or "")
        assert doc.text[start:end] == text
    html = next(attrs for tag, attrs in dom.tags if tag == "html")
    assert html.get("data-ready") == "yes", "the page's own script did not run under its CSP"
    header = dom.tags.index(next(t for t in dom.tags if t[0] == "header"))
    contents = dom.tags.index(next(t for t in dom.tags if t[1].get("id") == "contents"))
    main = dom.tags.index(next(t for t in dom.tags if t[0] == "main"))
    assert header < contents < main, "the script moves the contents to the top"


def test_a_hostile_article_runs_nothing_in_the_browser(browser: str, tmp_path: Path) -> None:
    text = HOSTILE.replace("alert(1)", "document.title='pwned'").replace(
        "alert(2)", "document.body.dataset.pwned='yes'"
    )
    doc = Document(
        "<script>document.title='pwned'</script>", "id", text,
        figures=(figure(text, "12%", 12, "percent", subject="<img src=x onerror=alert(4)>"),),
        dates=(date(text, "2024", "2024"),),
    )  # fmt: skip
    report = tmp_path / "hostile.html"
    report.write_text(to_html([doc]), encoding="utf-8")
    output = run_chromium(browser, tmp_path, report, "--dump-dom")
    dom = Page(output)
    assert "<title>mobfacts report</title>" in output
    assert "pwned" not in "".join(str(attrs) for tag, attrs in dom.tags if tag == "body")
    assert not [tag for tag, _ in dom.tags if tag in {"img", "textarea", "b"}]
    assert dom.articles == [text]


def test_a_screenshot_of_the_indonesian_sample(browser: str, tmp_path: Path) -> None:
    report = tmp_path / "sample.html"
    report.write_text(to_html([indonesian_sample()]), encoding="utf-8")
    png = tmp_path / "sample.png"
    run_chromium(
        browser, tmp_path, report, f"--screenshot={png}", "--window-size=1280,1600",
        "--hide-scrollbars",
    )  # fmt: skip
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 1600)
    assert len(data) > 20_000, "the screenshot is nearly empty"


def test_clicking_a_heading_sorts_the_table(browser: str, tmp_path: Path) -> None:
    text = "Sebanyak 10 desa menerima Rp 2 miliar, dan kemiskinan turun 3,25%."
    figures = (
        figure(text, "10", 10, subject="desa"),
        figure(text, "Rp 2 miliar", 2e9, "money", unit="IDR", subject="anggaran"),
        figure(text, "3,25%", 3.25, "percent", unit="%", subject="tingkat kemiskinan"),
    )
    docs = [Document(name, "id", text, figures) for name in ("by-value", "by-subject")]
    clicks = (
        'var tables = document.querySelectorAll("table.sortable");'
        'tables[0].querySelector("th:nth-child(3) button").click();'
        'tables[1].querySelector("th:nth-child(6) button").click();'
    )
    # The page's policy allows only its own script, so the clicks join it and its hash.
    html = to_html(docs).replace(SCRIPT, SCRIPT + clicks)
    html = html.replace(digest(SCRIPT), digest(SCRIPT + clicks))
    report = tmp_path / "sort.html"
    report.write_text(html, encoding="utf-8")
    dom = run_chromium(browser, tmp_path, report, "--dump-dom")
    rows = re.findall(r'<tr id="(doc-\d)-row-(f\d)"', dom)
    assert [ref for doc, ref in rows if doc == "doc-1"] == ["f3", "f1", "f2"]
    assert [ref for doc, ref in rows if doc == "doc-2"] == ["f2", "f1", "f3"]
    assert dom.count('aria-sort="ascending"') == 2


def digest(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
