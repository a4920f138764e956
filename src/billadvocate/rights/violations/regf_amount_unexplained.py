"""The collector asks for more than the bill's balance without itemized interest or fees.

Anti-pattern: the hospital's balance is $4,830.00 and ABC Recovery's validation notice asks for
$5,010.00 with no interest or fees itemized: $180.00 is unexplained. Allowed: the difference is
covered by the interest and fees the notice itemizes (validation_notice.interest / .fees).
"""

from decimal import Decimal

from ...util import dollars
from ..context import Context
from ..rule import ConductRule, Hit


def check(ctx: Context) -> list[Hit]:
    acct = ctx.account
    vn = acct.collector.validation_notice if acct.collector else None
    if not ctx.collector_covered or vn is None or vn.amount is None or acct.balance is None:
        return []
    explained = (vn.interest or Decimal(0)) + (vn.fees or Decimal(0))
    extra = vn.amount - acct.balance - explained
    if extra <= 0:
        return []
    on = vn.received or vn.sent or ctx.as_of
    itemized = f" after {dollars(explained)} of itemized interest and fees" if explained else ""
    return [Hit(f"{acct.collector.name} asks for {dollars(vn.amount)} but the bill's balance is "
                f"{dollars(acct.balance)}: {dollars(extra)} is not explained{itemized}.", on)]


RULE = ConductRule(
    id="REGF.AMOUNT_UNEXPLAINED",
    severity="high",
    summary="the collector's amount exceeds the bill's balance without itemized interest or fees",
    citations=("12 CFR 1006.34(c)(2)(vi)-(ix) (itemization of interest, fees, payments and credits)",
               "15 U.S.C. 1692f(1) (no amount not authorized by the agreement or by law)",
               "15 U.S.C. 1692e(2)(A) (false representation of the amount of a debt)"),
    explanation=("A collector may only collect amounts the original agreement or the law allows, and its notice must "
                 "itemize interest, fees, payments and credits since the itemization date. Dispute the unexplained "
                 "part in writing and ask for the itemization."),
    check=check,
)
