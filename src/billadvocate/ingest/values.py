"""Parsing the values people and billing systems write: money, dates, units, modifiers."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

_MONEY_JUNK = re.compile(r"[\s$,]|USD", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m-%d-%y", "%Y%m%d", "%Y/%m/%d",
                 "%b %d, %Y", "%B %d, %Y", "%d-%b-%Y", "%d-%b-%y")


def parse_money(text: str | float | int | Decimal | None) -> Decimal | None:
    """'$1,850.00' -> 1850.00; '(25.00)' and '25.00-' and '-$25' -> -25.00; '' -> None.
    Raises ValueError for anything else."""
    if text is None:
        return None
    if isinstance(text, (int, float, Decimal)):
        return Decimal(str(text))
    s = str(text).strip()
    if not s:
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.endswith("-") or s.upper().endswith("CR"):
        negative, s = True, s.rstrip("-").removesuffix("CR").removesuffix("cr")
    s = _MONEY_JUNK.sub("", s)
    if s.startswith("-"):
        negative, s = (not negative), s[1:]
    s = s.lstrip("$")
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", s):
        raise ValueError(f"{text!r} is not an amount of money")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount of money")
    return -value if negative else value


def exact_decimal(text: str) -> Decimal | None:
    """A plain decimal number as machines write it ('945', '-9.00', '1E2'); None when it is not one."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_date(text: str | date | None) -> date | None:
    """'03/02/2025', '2025-03-02', '3/2/25', '20250302' -> date(2025, 3, 2). '' -> None."""
    if text is None:
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    s = str(text).strip()
    if not s:
        return None
    if "T" in s and len(s) > 10:
        s = s.split("T", 1)[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date: write it as MM/DD/YYYY or YYYY-MM-DD")


def parse_units(text: str | float | int | None) -> Decimal:
    if text is None or (isinstance(text, str) and not text.strip()):
        return Decimal(1)
    try:
        value = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number of units")
    if value < 0:
        raise ValueError(f"{text!r}: units cannot be negative")
    return value


def parse_modifiers(text: str | None) -> list[str]:
    """'25, 59' or '25 59' or '25-59' -> ['25', '59']"""
    if not text:
        return []
    return [m.upper() for m in re.split(r"[\s,;:/|-]+", str(text).strip()) if m]


def clean_code(text: str | None) -> str | None:
    """A CPT/HCPCS code as printed ('99285 ', '99285-25') -> '99285'. Modifiers split off by the caller."""
    if text is None:
        return None
    s = str(text).strip().upper()
    return s or None
