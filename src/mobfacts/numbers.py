"""Reading numbers as written, with the language's decimal and thousands marks."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from mobfacts.model import Number

_MAX_DIGITS = 60  # beyond this a "number" is noise (or an attack), not an amount


def read_number(written: str, *, thousands_mark: str) -> Decimal | None:
    """The value of digits with separators ("1.500.000", "3,25"), or None when malformed.

    Policy (documented in lang/README.md): with both marks present the rightmost one is
    the decimal mark; a mark that repeats separates thousands; a single mark followed by
    exactly three digits separates thousands when it is the language's thousands mark or
    the digits are "000" ("200,000 ton" in Indonesian); any other single mark is decimal.
    """
    if not written or len(written) > _MAX_DIGITS or not written[0].isdigit():
        return None
    marks = [c for c in written if not c.isdigit()]
    if not marks:
        return Decimal(written)
    if any(m not in ".," for m in marks):
        return None
    kinds = set(marks)
    if len(kinds) == 2:
        decimal = written[max(written.rfind("."), written.rfind(","))]
        thousands = "," if decimal == "." else "."
        whole, _, fraction = written.rpartition(decimal)
        return _grouped(whole, thousands, fraction)
    mark = marks[0]
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


def as_number(value: Decimal) -> Number | None:
    """A JSON-friendly number: int when whole, else float; None when a float cannot hold it."""
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        return int(value)
    result = float(value)
    return result if result not in (float("inf"), float("-inf")) else None
