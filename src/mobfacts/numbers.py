"""Reading numbers as written: digits with the language's marks, scale words, number words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from mobfacts.model import Number

_MAX_DIGITS = 10_000  # beyond this a digit run is noise (or an attack), not an amount
_FLOAT_EXPONENT = 308  # the largest power of ten a float (and a JSON reader) can hold
_LARGE = Decimal(1000)  # multipliers from here on close a group ("tiga ratus ribu")


def read_number(written: str, *, thousands_mark: str) -> Decimal | None:
    """The value of digits with separators ("1.500.000", "3,25"), or None when malformed.

    Policy (documented in lang/README.md): with both marks present the rightmost one is
    the decimal mark; a mark that repeats separates thousands; a single mark followed by
    exactly three digits separates thousands when it is the language's thousands mark or
    the digits are "000" ("200,000 ton" in Indonesian); any other single mark is decimal.
    """
    if not written or len(written) > _MAX_DIGITS or not written[0].isdigit():
        return None
    if written.isascii() and written.isdigit():
        return Decimal(written)
    if not written.replace(".", "").replace(",", "").isdigit():
        return None  # a character that is neither a digit nor a mark
    dots, commas = written.count("."), written.count(",")
    if not dots and not commas:
        return Decimal(written)
    if dots and commas:
        decimal = written[max(written.rfind("."), written.rfind(","))]
        thousands = "," if decimal == "." else "."
        whole, _, fraction = written.rpartition(decimal)
        if thousands not in whole:
            return None
        return _grouped(whole, thousands, fraction)
    mark = "." if dots else ","
    groups = written.split(mark)
    if len(groups) > 2:
        return _grouped(written, mark, "")
    whole, fraction = groups
    three = len(fraction) == 3 and len(whole) <= 3
    if three and (mark == thousands_mark or fraction == "000"):
        return Decimal(whole + fraction)
    return _decimal(whole, fraction)


def _grouped(whole: str, mark: str, fraction: str) -> Decimal | None:
    groups = whole.split(mark)
    if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
        return None
    return _decimal("".join(groups), fraction)


def _decimal(whole: str, fraction: str) -> Decimal | None:
    try:
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None


@dataclass(frozen=True, slots=True)
class NumberWords:
    """A language's number words: values that add, multipliers, adders ("belas")."""

    values: Mapping[str, Decimal]
    multipliers: Mapping[str, Decimal]
    adders: Mapping[str, Decimal]
    one_articles: frozenset[str]

    @classmethod
    def of(cls, section: Mapping[str, object]) -> NumberWords:
        """The number words of a lexicon's numbers section."""

        def table(key: str) -> dict[str, Decimal]:
            raw = section.get(key, {})
            assert isinstance(raw, Mapping)
            return {str(w).lower(): Decimal(str(v)) for w, v in raw.items()}

        articles = section.get("one_articles", [])
        assert isinstance(articles, list)
        return cls(
            table("number_words"),
            table("number_multipliers"),
            table("number_adders"),
            frozenset(str(a).lower() for a in articles),
        )

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Every word that may be part of a written number."""
        return tuple({*self.values, *self.multipliers, *self.adders})


def read_words(words: Sequence[str], number_words: NumberWords) -> Decimal | None:
    """The value of number words in order ("tiga ratus", "dua belas", "a dozen").

    Units and tens add; "puluh"/"ratus"/"hundred" multiply the last word group;
    "ribu"/"juta"/"thousand"/"million" close the group so far ("seribu lima ratus" = 1500).
    """
    total = current = last = Decimal(0)
    seen = False
    for i, raw in enumerate(words):
        word = raw.lower()
        if word in number_words.one_articles and i == 0 and len(words) > 1:
            current, last, seen = Decimal(1), Decimal(1), True
        elif word in number_words.values:
            value = number_words.values[word]
            if word in number_words.multipliers and seen:
                total, current, last = _multiply(total, current, last, value)
            else:
                current += value
                last = value
            seen = True
        elif word in number_words.multipliers:
            if not seen:
                return None
            total, current, last = _multiply(total, current, last, number_words.multipliers[word])
        elif word in number_words.adders:
            if not seen:
                return None
            current += number_words.adders[word]
            last += number_words.adders[word]
        else:
            return None
    return total + current if seen else None


def _multiply(
    total: Decimal, current: Decimal, last: Decimal, factor: Decimal
) -> tuple[Decimal, Decimal, Decimal]:
    if factor >= _LARGE:
        return total + (current or Decimal(1)) * factor, Decimal(0), Decimal(0)
    scaled = (last or Decimal(1)) * factor
    return total, current - last + scaled, scaled


def as_number(value: Decimal) -> Number | None:
    """A JSON-friendly number: int when whole, else float; None when a float cannot hold it.

    A figure whose value is too large is still reported, with a null value.
    """
    if not value.is_finite() or value.adjusted() > _FLOAT_EXPONENT:
        return None
    if value == value.to_integral_value():
        return int(value)
    result = float(value)
    return result if result not in (float("inf"), float("-inf")) else None
