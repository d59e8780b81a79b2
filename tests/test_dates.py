"""The dates extractor beyond the example corpora: policies, laziness, offsets and speed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mobfacts import lang
from mobfacts.extractors import dates
from mobfacts.extractors.dates_values import Point, weekday_near, with_reference
from mobfacts.text import TextView

from .conftest import count_calls

ARTICLE = (
    "Sidang periodik bulan Agustus tahun 2019 digelar di Hanoi pada Rabu (4/9). "
    "Kunjungan berlangsung dari 9 hingga 11 Maret 2025, dan pada akhir tahun 2023 "
    "tingkat kemiskinan turun 3,25% untuk periode 2021-2025.\n"
)


def _dates(text: str, code: str = "id", reference: date | None = None) -> list[tuple[str, str]]:
    found = dates.extract(TextView.of(text, lang.load(code)), reference_date=reference)
    return [(d.text, d.value or "") for d in found]


def test_the_cli_does_not_import_dateparser_for_plain_dates(tmp_path: Path) -> None:
    """dateparser costs ~0.35 s to load: articles without odd relative dates never need it."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import sys
        from mobfacts.cli import app
        for extra in ([], ["--reference-date", "2025-06-11"]):
            try:
                app(["extract", "-f", "jsonl", *extra, {str(article)!r}])
            except SystemExit:
                pass
        print("dateparser" in sys.modules, file=sys.stderr)
        """
    )
    process = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert "2019-08" in process.stdout
    assert process.stderr.strip().splitlines()[-1] == "False"


def test_dateparser_normalises_units_ago_only_with_a_reference_date() -> None:
    text = "Proyek itu dimulai 3 hari yang lalu."
    assert _dates(text) == []
    assert _dates(text, reference=date(2025, 6, 11)) == [("3 hari yang lalu", "2025-06-08")]


@pytest.mark.parametrize(
    ("point", "reference", "value"),
    [
        (Point(month=6, day=11), date(2025, 6, 11), "2025-06-11"),
        (Point(month=12, day=28), date(2026, 1, 3), "2025-12-28"),
        (Point(month=1, day=5), date(2025, 12, 20), "2026-01-05"),
        (Point(month=2, day=29), date(2025, 3, 1), "2024-02-29"),
        (Point(month=4), date(2024, 5, 4), "2024-04"),
        (Point(month=12), date(2025, 1, 15), "2024-12"),
        (Point(month=6, direction=-1), date(2025, 6, 11), "2024-06"),
        (Point(month=6, direction=1), date(2025, 6, 11), "2026-06"),
        (Point(2019, 8), date(2025, 6, 11), "2019-08"),
    ],
)
def test_a_date_without_a_year_takes_the_nearest_year(
    point: Point, reference: date, value: str
) -> None:
    from mobfacts.extractors.dates_values import value_of

    assert value_of(with_reference((point,), reference)) == value


def test_a_period_across_new_year_starts_the_year_before() -> None:
    from mobfacts.extractors.dates_values import value_of

    period = (Point(month=12, day=28), Point(month=1, day=3))
    assert value_of(with_reference(period, date(2026, 1, 10))) == "2025-12-28/2026-01-03"


@pytest.mark.parametrize(
    ("weekday", "shift", "expected"),
    [
        (1, 0, date(2025, 6, 10)),  # Tuesday, read on Wednesday 11 June: yesterday
        (2, 0, date(2025, 6, 11)),  # Wednesday: the day itself
        (2, -1, date(2025, 6, 4)),  # last Wednesday
        (4, 1, date(2025, 6, 13)),  # next Friday
        (3, 0, date(2025, 6, 5)),  # Thursday: the latest one before
    ],
)
def test_a_weekday_alone_is_the_latest_one_up_to_the_reference(
    weekday: int, shift: int, expected: date
) -> None:
    assert weekday_near(date(2025, 6, 11), weekday, shift) == expected


def test_the_languages_have_the_same_date_keys() -> None:
    assert set(lang.load("id").section("dates")) == set(lang.load("en").section("dates"))


PIECES = [
    *"0123456789/-.,() ",
    *["Juni", "May", "tahun", "bulan", "Senin", "kuartal", "III", "Q3", "hingga", "to"],
    *["2024", "1945", "end of", "akhir", "between", "and", "kemarin", "last", "year", "\n"],
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.sampled_from(["id", "en"]),
    st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
)
def test_offsets_hold_and_spans_do_not_overlap(
    text: str, code: str, reference: date | None
) -> None:
    found = dates.extract(TextView.of(text, lang.load(code)), reference_date=reference)
    last_end = 0
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= last_end
        last_end = mention.end


FILLER = (
    "Pemerintah provinsi menyalurkan bantuan senilai Rp 1,5 miliar kepada 2.000 keluarga, "
    "sementara tingkat kemiskinan turun 3,25% dan 143 anggota Partai ikut serta. "
    "Menurut Ketua Komite Rakyat Provinsi, program itu menjangkau 35 desa di 4 kabupaten, "
    "dengan 1.500 hektar lahan dan 20 proyek infrastruktur yang dikerjakan bersama warga. "
) * 3


def test_dates_work_grows_linearly_with_the_text() -> None:
    """A guard against quadratic or per-character work, on news-like text (counted, not timed)."""
    article = ARTICLE + FILLER
    lexicon = lang.load("id")

    def work(copies: int) -> tuple[int, int]:
        view = TextView.of(article * copies, lexicon)
        found: list[object] = []
        return count_calls(lambda: found.extend(dates.extract(view))), len(found)

    work(2)
    (small, dates_small), (large, dates_large) = work(20), work(200)
    assert dates_large == 10 * dates_small > 100
    assert large <= 11 * small
