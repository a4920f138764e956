"""What every credit rule sees: the tradelines (each with where it came from), the case, the law, the date.

A tradeline is looked at as of the day its report was pulled (the report's own date); the law in force
is looked up at that date or at the as-of date, as each rule says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from decimal import Decimal
from typing import Any

from ..law import Law, law
from ..law.parameters_model import DatedValue
from ..model import Account, Case, Finding, Tradeline

BUREAU_NAMES = {"equifax": "Equifax", "experian": "Experian", "transunion": "TransUnion"}


@dataclass(frozen=True)
class TradelineRef:
    """One tradeline with its position (0-based) and a label naming where it was read from."""

    index: int
    tradeline: Tradeline
    where: str  # "credit_report.tradelines[1]" or "report.csv: row 3"

    @property
    def bureau_name(self) -> str:
        return BUREAU_NAMES[self.tradeline.bureau]

    @property
    def label(self) -> str:
        """'ABC Recovery on Equifax' - how the patient finds it on the report."""
        return f"{self.tradeline.furnisher} on {self.bureau_name}"


class CreditFinding(Finding):
    """A credit-report problem: the shared Finding shape plus which tradeline it is about."""

    tradeline: int | None = None  # index into the tradelines checked
    bureau: str | None = None
    furnisher: str | None = None
    account: str | None = None  # the case account the tradeline reports, when known
    dispute_with: list[str] = []  # "bureau" and/or "furnisher": where disputing it is strongest


@dataclass
class CreditContext:
    case: Case | None
    as_of: date
    tradelines: list[TradelineRef]
    pulled: date | None = None
    state: str | None = None  # the patient's state of residence
    rules: Law = field(default_factory=law)
    notes: list[str] = field(default_factory=list)

    @property
    def report_date(self) -> date:
        """The day the report speaks for: when it was pulled, else the as-of date."""
        return self.pulled or self.as_of

    def account_for(self, ref: TradelineRef) -> Account | None:
        """The case account this tradeline reports: by `account:`, else by the collector's name."""
        if self.case is None:
            return None
        tl = ref.tradeline
        if tl.account:
            for a in self.case.accounts:
                if a.id == tl.account:
                    return a
            return None
        for a in self.case.accounts:
            if a.collector and same_company(a.collector.name, tl.furnisher):
                return a
        return None

    def law_at(self, path: str, day: date) -> DatedValue | None:
        """The value in force on `day`, or None when none was yet in force."""
        try:
            return self.rules.at(path, day)
        except KeyError:
            return None

    def finding(self, rule, ref: TradelineRef | None, message: str, *, amount: Decimal | float | int = 0,
                citations: list[str] | None = None, unconfirmed: bool = False,
                explanation: str | None = None, severity: str | None = None) -> CreditFinding:
        """A finding of `rule` about one tradeline, with its citations and where to dispute it."""
        tl = ref.tradeline if ref else None
        account = self.account_for(ref) if ref else None
        return CreditFinding(
            rule=rule.id,
            severity=severity or rule.severity,
            amount=Decimal(str(amount)).quantize(Decimal("0.01")),
            message=message,
            citations=list(citations if citations is not None else rule.citations),
            explanation=explanation or rule.explanation or None,
            unconfirmed=unconfirmed,
            tradeline=ref.index if ref else None,
            bureau=tl.bureau if tl else None,
            furnisher=tl.furnisher if tl else None,
            account=account.id if account else (tl.account if tl else None),
            dispute_with=list(rule.dispute_with),
        )


def same_company(a: str | None, b: str | None) -> bool:
    """'ABC Recovery' and 'ABC RECOVERY LLC' are the same furnisher; blanks never match."""
    if not a or not b:
        return False
    x, y = _squash(a), _squash(b)
    return bool(x) and bool(y) and (x == y or x.startswith(y) or y.startswith(x))


_SUFFIXES = (" llc", " inc", " co", " corp", " corporation", " company", " lp", " ltd", " pc", " pa")


@lru_cache(maxsize=4096)
def _squash(name: str) -> str:
    s = " ".join("".join(ch if ch.isalnum() else " " for ch in name.lower()).split())
    for suffix in _SUFFIXES:
        s = s.removesuffix(suffix)
    return s.strip()


def money(value: Any) -> Decimal:
    return Decimal(str(value or 0))
