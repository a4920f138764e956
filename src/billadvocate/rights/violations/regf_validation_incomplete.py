"""A collector's validation notice that does not state what Regulation F requires.

The items the notice leaves out (validation_notice.not_stated, as `billadvocate read` finds them on
the notice, or as the patient enters them) of the debt information of 12 CFR 1006.34(c)(2) and the
dispute-by date of (c)(3)(i). Anti-pattern: ABC Recovery's notice gives the current amount but no
itemization date, no amount on that date and no dispute-by date. Allowed: a notice stating them all
(in the model form's words or others). The reader looks for the model form's wording, so a notice
that states an item in other words can be reported as lacking it: the rule fires at medium severity
and says to check the notice.
"""

from ..context import Context
from ..rule import ConductRule, Hit

# the reader's item names, in words, with the paragraph of 12 CFR 1006.34(c) that requires each
WORDS = {
    "collector_name": ("the debt collector's name", "(c)(2)(i)"),
    "address": ("the debt collector's mailing address for disputes", "(c)(2)(i)"),
    "creditor_account": ("the account number", "(c)(2)(iv)"),
    "creditor": ("the name of the creditor the debt is owed to now", "(c)(2)(v)"),
    "itemization_date": ("the itemization date", "(c)(2)(vi)"),
    "itemization_amount": ("the amount of the debt on the itemization date", "(c)(2)(vii)"),
    "interest": ("the interest since the itemization date", "(c)(2)(viii)"),
    "fees": ("the fees since the itemization date", "(c)(2)(viii)"),
    "payments": ("the payments and credits since the itemization date", "(c)(2)(viii)"),
    "amount": ("the current amount of the debt", "(c)(2)(ix)"),
    "dispute_by": ("the date the validation period ends, by which you can dispute", "(c)(3)(i)"),
}


def check(ctx: Context) -> list[Hit]:
    if not ctx.collector_covered:
        return []
    c = ctx.account.collector
    vn = c.validation_notice
    if vn is None or not vn.not_stated:
        return []
    on = vn.sent or vn.received or ctx.as_of
    if not ctx.has("federal.validation_notice.debt_items", on):
        return []
    required = set(ctx.value("federal.validation_notice.debt_items", on))
    if ctx.has("federal.validation_notice.dispute_by_date", on) and ctx.value("federal.validation_notice.dispute_by_date", on):
        required.add("dispute_by")
    lacking = [key for key in WORDS if key in vn.not_stated and key in required]
    if not lacking:
        return []
    items = "; ".join(f"{WORDS[k][0]} (12 CFR 1006.34{WORDS[k][1]})" for k in lacking)
    when = f"sent {vn.sent}" if vn.sent else (f"received {vn.received}" if vn.received else "in the case")
    return [Hit(f"{c.name}'s validation notice ({when}) does not state: {items}. Check the notice itself: if it "
                f"gives an item in other words, that item is not missing.", on)]


RULE = ConductRule(
    id="REGF.VALIDATION_INCOMPLETE",
    severity="medium",
    summary="a collector's validation notice that leaves out information Regulation F requires",
    citations=("15 U.S.C. 1692g(a)", "12 CFR 1006.34(c)"),
    explanation=("A debt collector's validation notice must tell you who is collecting and where to write, the "
                 "account number, who the debt is owed to, how the amount was reached from the itemization date "
                 "(interest, fees, payments and credits), the current amount, and the last day to dispute. A notice "
                 "that leaves these out does not let you check the debt: dispute it in writing and ask for the "
                 "missing information."),
    check=check,
)
