"""A credit rule: one small unit with its id, severity, citations, explanation and one check.

The check is a plain function of the CreditContext returning findings (most rules look at one
tradeline at a time: write them with `each_tradeline`). The module docstring of each rule is its
documentation: first line the summary, then what fires and what does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import Severity
from .context import CreditContext, CreditFinding, TradelineRef

Check = Callable[[CreditContext], Iterable[CreditFinding]]


@dataclass(frozen=True)
class CreditRule:
    id: str
    severity: Severity
    summary: str
    citations: list[str]
    check: Check
    explanation: str = ""
    dispute_with: tuple[str, ...] = ("bureau",)  # where a dispute of it is strongest

    def run(self, ctx: CreditContext) -> list[CreditFinding]:
        return [f for f in self.check(ctx) if f is not None]


def each_tradeline(fn: Callable[[CreditContext, TradelineRef], CreditFinding | None]) -> Check:
    """Turn a one-tradeline check into a rule check over every tradeline."""

    def check(ctx: CreditContext) -> Iterable[CreditFinding]:
        for ref in ctx.tradelines:
            found = fn(ctx, ref)
            if found is not None:
                yield found

    check.__doc__ = fn.__doc__
    return check
