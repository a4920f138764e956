"""Credit reports: find the medical collections that should not be there, and dispute them.

- `check_credit(case, as_of)`: every CREDIT.* problem (plus REGF.PASSIVE_REPORTING and
  IRS501R.ECA_TOO_EARLY about a tradeline), the law that decided them, the disputes and deadlines.
- `disputes(case, as_of)`: the credit_dispute letters to write, one BureauDispute per bureau, each with
  the bureau's dispute address, the items with why and the law, and the reinvestigation deadline.
- `read_tradelines(path)`: tradelines from a CSV, or from a credit report PDF's text when it reads cleanly.
"""

from __future__ import annotations

from datetime import date

from ..model import Case
from .context import CreditFinding, TradelineRef
from .disputes import BureauDispute, DisputeItem, FurnisherDispute, bureau_directory
from .engine import CreditResult, check_credit
from .read import read_tradelines

__all__ = ["BureauDispute", "CreditFinding", "CreditResult", "DisputeItem", "FurnisherDispute",
           "TradelineRef", "bureau_directory", "check_credit", "disputes", "read_tradelines"]


def disputes(case: Case, as_of: date) -> list[BureauDispute]:
    """The credit_dispute letters the case needs as of a date: one per bureau with something to dispute."""
    return [d for d in check_credit(case, as_of).disputes if d.items]
