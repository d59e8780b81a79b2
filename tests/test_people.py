"""The people extractor beyond the example corpora: offsets, merging, cost on large input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mobfacts import extract
from mobfacts.extractors import people
from mobfacts.lang import load
from mobfacts.text import TextView

from .conftest import count_calls

PIECES = [
    "Ketua Dewan Rakyat Provinsi Nguyen Van Hai",
    "Presiden Joko Widodo",
    ", Wakil Sekretaris Komite Partai Kota dan Ketua Komite Rakyat Kota,",
    '"Kami siap," kata Basuki.',
    "Pak Quang",
    "Kota Ho Chi Minh",
    " - Foto: Le Minh\n",
    "Menteri Energi dan Sumber Daya Mineral (ESDM)",
    "Nguyễn Văn An",
    unicodedata.normalize("NFD", "Nguyễn Văn An"),
    "\n",
    " dan ",
    ", ",
    " menegaskan ",
    "Mr. ",
    "(",
    ")",
    "'s ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_every_mention_is_a_span_of_the_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for person in extract(text, lang="id").people:
        assert person.mentions, person
        for mention in person.mentions:
            assert text[mention.start : mention.end] == mention.text
        for title in person.titles:
            assert title in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_honorifics_never_enter_a_name(lang: str) -> None:
    text = "Pak Bahlil hadir. Mr. Chinh spoke. Kamerad To Lam tiba. Comrade Vo Van Kiet."
    names = [p.name for p in extract(text, lang=lang).people]
    assert names
    assert not any(n.split()[0] in {"Pak", "Mr", "Mr.", "Kamerad", "Comrade"} for n in names)


def test_nfc_and_nfd_forms_are_one_person_and_offsets_stay_in_the_text() -> None:
    nfc = "Tôn Thị Ngọc Hương"
    nfd = unicodedata.normalize("NFD", nfc)
    text = f"Dubes {nfc} tiba di Jakarta. Menurut {nfd}, kunjungan itu penting."
    (person,) = extract(text, lang="id").people
    assert person.name == nfc
    assert [m.text for m in person.mentions] == [nfc, nfd]
    assert text[person.mentions[1].start : person.mentions[1].end] == nfd


def test_a_short_reference_before_the_full_name_joins_it() -> None:
    text = "Kebijakan Trump disorot. Presiden Amerika Serikat, Donald Trump, menaikkan tarif."
    (person,) = extract(text, lang="id").people
    assert person.name == "Donald Trump"
    assert [m.text for m in person.mentions] == ["Trump", "Donald Trump"]


ARTICLE = (
    "Pemerintah provinsi terus membenahi iklim investasi dengan menyederhanakan proses "
    "perizinan, sementara ekspor tumbuh 10 persen dari tahun lalu dan surplus perdagangan "
    "menyentuh US$ 2,19 miliar. Komoditas andalan seperti olahan kayu, ikan dan udang "
    "menjadi primadona di pasar Eropa dan Amerika. Dalam rapat itu, para peserta sepakat "
    "untuk merevisi kriteria pedesaan baru agar sumber daya tidak boros.\n"
    "Wakil Ketua Komite Rakyat Provinsi Tran Van Minh, yang juga menjabat Ketua Komite "
    "Pengarah Program Target Nasional, memimpin rapat di Kota Ho Chi Minh. Hadir pula "
    'Basuki Hadimuljono, Kepala Otorita Ibu Kota Nusantara (OIKN). "Bisa mundur lagi," '
    "kata Basuki. Menurut Pak Minh, target tahun ini realistis. Foto: Le Hoa\n"
)


def _work(text: str) -> int:
    view = TextView.of(text, load("id"))
    return count_calls(lambda: people.extract(view))


@pytest.mark.parametrize(
    "unit",
    [
        "Ketua Komite ",
        "Nguyen ",
        "Menurut Pak ",
        "A, ",
        "Rp1.000,5juta%/orang-",
        "(Le Minh) ",
        ARTICLE,
        "Menteri Kebudayaan, Olahraga dan Pariwisata, ",
        ", Olahraga dan Pariwisata",
        "Ketua Komite yang membidangi budaya, ",
        "Gubernur Prefektur Aichi, Jepang, ",
    ],
)
def test_hostile_text_takes_linear_work(unit: str) -> None:
    """Twice the text, at most about twice the work: no quadratic scan (counted, not timed)."""
    _work(unit * 20)
    single, double = _work(unit * 2_000), _work(unit * 4_000)
    assert double <= 2.2 * single, (single, double)


def test_a_vietnamese_given_name_alone_is_not_a_short_form() -> None:
    text = "Minh Thu reported from Bangkok on trade.\nThu Hoai/VOV\n"
    people_found = {p.name: [m.text for m in p.mentions] for p in extract(text, lang="en").people}
    assert people_found == {"Thu Hoai": ["Thu Hoai"]}


def test_a_text_yields_the_same_people_whatever_was_read_before() -> None:
    """What the language data says of words and runs is kept from text to text (and per
    language); nothing read before may change what a text yields."""
    first = extract(ARTICLE, lang="id").people
    extract("Ibu Kota Nusantara dibangun. Ibu Sri Mulyani hadir. Mr. Chinh spoke.", lang="en")
    extract(ARTICLE.upper(), lang="id")
    extract(ARTICLE, lang="en")
    assert first
    assert extract(ARTICLE, lang="id").people == first
