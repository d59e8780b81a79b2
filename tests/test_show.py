"""The terminal view: facts marked in the article, a legend, the facts listed; plain off a tty."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mobfacts.cli import app
from mobfacts.model import Document
from mobfacts.output.show import HIDDEN_NOTE, STYLES, ShowWriter

from .conftest import ARTICLE_ID
from .test_html import TEXT, date, figure, person, sample_doc

SGR = re.compile(r"\x1b\[[0-9;]*m")


def shown(doc: Document, *, terminal: bool = False) -> str:
    stream = io.StringIO()
    writer = ShowWriter(stream, terminal=terminal, width=120)
    writer.write(doc)
    writer.close()
    return stream.getvalue()


@pytest.fixture
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_plain_view_marks_each_fact_with_its_label() -> None:
    output = shown(sample_doc())
    assert "\x1b" not in output
    assert output.splitlines()[3:5] == [
        "[Gubernur Jawa Barat]{title} [Ridwan Kamil]{person} mengatakan pada "
        "[11 Juni 2024]{date} bahwa tingkat kemiskinan turun [3,25%]{figure} per tahun.",
        "Menurut [Ridwan Kamil]{person}, anggaran naik menjadi [Rp 14,92 triliun]{figure}.",
    ]


def test_plain_view_has_a_legend_then_the_facts_listed() -> None:
    lines = shown(sample_doc()).splitlines()
    assert lines[0].startswith("kemiskinan-id.txt  [id]  2 figures · 1 person · 1 date")
    assert lines[1] == "Marks: [text]{figure} [text]{person} [text]{title} [text]{date}"
    rest = "\n".join(lines[5:])
    assert rest.index("Figures") < rest.index("People") < rest.index("Dates")
    assert "tingkat kemiskinan" in rest and "decrease" in rest and "2024-06-11" in rest
    assert "Gubernur Jawa Barat" in rest and "14,920,000,000,000" in rest


def test_terminal_view_colours_each_kind_of_fact(colour_terminal: None) -> None:
    output = shown(sample_doc(), terminal=True)
    assert "[3,25%]{figure}" not in output
    for style in STYLES.values():
        background = style.split(" on #")[1]
        red, green, blue = (int(background[i : i + 2], 16) for i in (0, 2, 4))
        assert f"48;2;{red};{green};{blue}m" in output
    assert SGR.sub("", output).splitlines()[3].startswith("Gubernur Jawa Barat Ridwan Kamil")


def test_no_color_gives_the_plain_marks_on_a_terminal(
    colour_terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    output = shown(sample_doc(), terminal=True)
    assert "[3,25%]{figure}" in output and "\x1b[38" not in output


def test_control_characters_and_markup_in_the_article_are_inert(colour_terminal: None) -> None:
    text = "Kode \x1b[2J dan [bold]tebal[/bold] serta \x07 naik 7% pada 2024.\r\n"
    doc = Document(
        "a\x1b[31m.txt", "id", text, figures=(figure(text, "7%", 7, "percent"),),
        dates=(date(text, "2024", "2024"),),
    )  # fmt: skip
    output = shown(doc, terminal=True)
    assert "\x1b" not in SGR.sub("", output) and "\x07" not in output and "\r" not in output
    assert "[bold]tebal[/bold]" in SGR.sub("", output)
    plain = "Kode \ufffd[2J dan [bold]tebal[/bold] serta \ufffd naik [7%]{figure} pada [2024]{date}"
    assert plain in shown(doc)


def test_a_document_without_facts_shows_its_text_and_no_tables() -> None:
    output = shown(Document("-", "id", "Tidak ada angka di sini.\n"))
    assert "Tidak ada angka di sini." in output
    assert "Figures" not in output and "People" not in output


def test_show_command_prints_the_marked_article(tmp_path: Path) -> None:
    path = tmp_path / "a-id.txt"
    path.write_text(ARTICLE_ID, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--lang", "id"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{path}  [id]")
    assert "Marks: [text]{figure}" in result.stdout
    assert "Tingkat kemiskinan" in result.stdout


def test_show_command_reports_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["show", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_show_reads_standard_input() -> None:
    result = CliRunner().invoke(app, ["show", "-"], input=TEXT)
    assert result.exit_code == 0, result.stderr
    assert "Ridwan Kamil" in result.stdout


def test_facts_not_highlighted_are_listed_with_a_star_and_a_note() -> None:
    text = "Menteri Budi hadir; 5% naik."
    doc = Document(
        "-", "id", text, figures=(figure(text, "5%", 5, "percent"), figure(text, "5", 5)),
        people=(person(text, "Budi", ("Menteri", "Ketua RT"), 1),),
    )  # fmt: skip
    output = shown(doc)
    assert "[Menteri]{title} [Budi]{person} hadir; [5%]{figure} naik." in output
    assert "2 *  [5]" in output and "[Ketua RT] *" in output
    assert output.rstrip().endswith(HIDDEN_NOTE)


def test_plain_lines_have_no_trailing_spaces() -> None:
    assert all(line == line.rstrip() for line in shown(sample_doc()).splitlines())
