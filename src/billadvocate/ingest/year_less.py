"""The year of a date printed without one ('11/09' on a printed remittance), taken from the bill's own dates.

A remittance stapled behind a hospital statement often prints its service dates as month/day only.
Its lines can then be matched to the bill's by date only once they have a year, and the year is taken
from what the bill itself says, only when exactly one year fits:
- the bill's service period (its first and last date of service): the year that puts the month/day
  inside the period or at most JUST_AFTER days after its end (across a year boundary, the 12/30 and
  01/02 of a stay from 12/28 to 01/03 fall in different years);
- without service dates, the day the bill posts the insurer's payment or adjustment (a statement's
  "Fri 12/22/2023 Payments -1,958.25") or its statement date ("Statement Date: 07/10/2020"): care is
  paid and billed after it is given, so the year that puts the month/day on or before the earliest of
  those days and at most PAID_WITHIN days before it.
When no year fits, or more than one does, the date stays unknown and the note says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

JUST_AFTER = timedelta(days=31)  # a remittance's line dated a little after the bill's last service date
PAID_WITHIN = timedelta(days=183)  # most claims are paid within weeks; half a year leaves no second year


@dataclass(frozen=True)
class BillDates:
    """What the bill says of when the care was given and paid."""

    first: date | None = None  # the bill's first and last date of service
    last: date | None = None
    posted: date | None = None  # the earliest day the bill posts a payment or adjustment on, or its statement date
    posted_as: str = "payment posted on"  # what that day is, as the note names it ("statement date")

    def said(self) -> str:
        """The bill's dates as a note names them."""
        if self.first is not None and self.last is not None:
            if self.first == self.last:
                return f"the bill's date of service {self.first:%m/%d/%Y}"
            return f"the bill's service period {self.first:%m/%d/%Y} to {self.last:%m/%d/%Y}"
        if self.posted is not None:
            return f"the bill's {self.posted_as} {self.posted:%m/%d/%Y} (care comes before it is billed and paid)"
        return "the bill's own dates"


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 02/29 of a year that has none, or a misread 13/45
        return None


def _shift(day: date, by: timedelta) -> date:
    try:
        return day + by
    except OverflowError:  # a misread year 9999 or 0001
        return date.max if by > timedelta(0) else date.min


def year_of(month: int, day: int, dates: BillDates) -> date | str:
    """The date the month/day is on, or why no single year can be taken (a sentence's end)."""
    if dates.first is not None and dates.last is not None:
        start, end = min(dates.first, dates.last), max(dates.first, dates.last)
        fits = {d for y in range(start.year - 1, end.year + 2) if (d := _on(y, month, day)) is not None
                and start <= d <= _shift(end, JUST_AFTER)}
        why = f"no year puts it within {dates.said()} or {JUST_AFTER.days} days after it"
    elif dates.posted is not None:
        paid = dates.posted
        fits = {d for y in (paid.year - 1, paid.year) if (d := _on(y, month, day)) is not None
                and _shift(paid, -PAID_WITHIN) <= d <= paid}
        why = f"no year puts it on or within {PAID_WITHIN.days} days before {dates.said()}"
    else:
        return "the bill states no date of service or payment to take the year from"
    if len(fits) == 1:
        return fits.pop()
    if fits:
        return f"more than one year puts it within {dates.said()} ({', '.join(str(d.year) for d in sorted(fits))})"
    return why
