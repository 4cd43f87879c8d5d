"""Numbers as text, one way everywhere in the book."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal


def count(n: float) -> str:
    """A count with thousands separators: 115489 -> '115,489'."""
    if float(n) != int(n):
        raise ValueError(f"a count must be whole, got {n}")
    return f"{int(n):,}"


def percent(fraction: float, digits: int = 1) -> str:
    """A fraction as a percentage: 0.0062 -> '0.6%'. Very small non-zero values keep one significant figure."""
    value = 100 * fraction
    if value != 0 and abs(value) < 10 ** (-digits):
        return f"{value:.1g}%"
    return f"{_half_up(value, digits)}%"


def _half_up(value: float, digits: int) -> str:
    """value to `digits` places with halves rounded away from zero, as a reader rounds: 32.5 -> '33'
    where Python's formatting gives '32' (it sends halves to even, and binary floats land either side)."""
    rounded = Decimal(repr(round(float(value), 9))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return str(rounded + 0)  # + 0 turns a negative zero into zero


def per_thousand(rate: float) -> str:
    """A rate per 1,000, to one decimal place: 6.208 -> '6.2'."""
    return f"{rate:.1f}"


def lower_first(text: str) -> str:
    """Lower-case the first letter only, so acronyms survive: 'All CSAE' -> 'all CSAE'."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def share(fraction: float) -> str:
    """A share as the ethnicity and toolkit chapters print it: whole percentages, one decimal where
    the value is not whole (so 13.7% stays 13.7%, and a bound of 2.4% is not rounded to 2%)."""
    return percent(fraction, 0) if abs(100 * fraction - round(100 * fraction)) < 0.05 else percent(fraction, 1)


def ratio(value: float) -> str:
    """A ratio of two shares, to one decimal place: 3.5926 -> '3.6'."""
    if value < 0:
        raise ValueError("a ratio of shares cannot be negative")
    if value == float("inf"):
        return "no finite value"
    return _half_up(value, 1)


def day(iso: str) -> str:
    """'2026-11-30' -> '30 November 2026'."""
    import datetime as dt

    d = dt.date.fromisoformat(str(iso))
    return f"{d.day} {d.strftime('%B')} {d.year}"


def slug(text: str, words: int = 6) -> str:
    """A short stable name from the words a text opens with (the snapshots' keys, a revision's key)."""
    found = re.findall(r"[A-Za-z0-9]+", text.lower())[:words]
    return "-".join(found) or "empty"
